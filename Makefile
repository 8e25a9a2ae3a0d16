# One entry point for people and CI. `make lab` and `make test` set everything up themselves.
# constraints.txt pins the exact versions the test suite was run with (`make freeze` updates it).
PYTHON ?= python3
VENV   ?= .venv
PY      = $(VENV)/bin/python
STAMP   = $(VENV)/.framing-lab-installed

.PHONY: lab test test-fast browser-test bench freeze clean-venv

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c constraints.txt -e ".[test]"
	touch $(STAMP)

# --allow-root only where the user is root (containers, CI machines); Jupyter refuses otherwise.
lab: $(STAMP)
	$(VENV)/bin/jupyter lab $(if $(filter 0,$(shell id -u)),--allow-root) notebooks/00_start_here.ipynb

test: $(STAMP)
	$(PY) -m pytest -q

test-fast: $(STAMP)
	$(PY) -m pytest -q -m "not browser" -k "not notebook"

browser-test: $(STAMP)
	$(PY) -m pytest -q -m browser

bench: $(STAMP)
	$(PY) scripts/benchmark.py

freeze: $(STAMP)
	$(PY) -m pip freeze --exclude-editable > constraints.txt

clean-venv:
	rm -rf $(VENV)
