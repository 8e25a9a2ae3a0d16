# One entry point for people and CI. `make lab` and `make test` set everything up themselves.
# constraints.txt pins the exact versions the test suite was run with (`make freeze` updates it).
PYTHON ?= python3
VENV   ?= .venv
PY      = $(VENV)/bin/python
STAMP   = $(VENV)/.framing-lab-installed

.PHONY: lab app test test-fast browser-test lint stamp check-notebooks bench freeze clean-venv

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c constraints.txt -e ".[test]"
	touch $(STAMP)

# --allow-root only where the user is root (containers, CI machines); Jupyter refuses otherwise.
# JUPYTER_CONFIG_PATH: the kit's server settings (saved lessons keep no stale widget views).
# The whole repository is served (exercises/ and seeds/ in the file browser), the course opens on
# notebooks/start.ipynb, and lab_settings/overrides.d/ opens Markdown files (the teacher's
# guide) rendered.
lab: $(STAMP)
	JUPYTER_CONFIG_PATH=$(CURDIR)/kit/course/jupyter_config $(VENV)/bin/jupyter lab $(if $(filter 0,$(shell id -u)),--allow-root) \
	  --ServerApp.root_dir=$(CURDIR) --LabApp.app_settings_dir=$(CURDIR)/kit/course/jupyter_config/lab_settings \
	  notebooks/start.ipynb

# The no-code app: the same lessons as pages without code cells, served by Voilà; the widgets do
# all the work and save to the same my_work folder. kit/course/jupyter_config/voila.py (found
# through JUPYTER_CONFIG_PATH) drops the Markdown meant for JupyterLab (kit/course/app_mode.py).
# Voilà lists notebooks/; the start page leads to both editions.
APP_PORT ?= 8866
app: $(STAMP)
	@echo "Framing Lab app: open http://localhost:$(APP_PORT)/voila/render/start.ipynb"
	JUPYTER_CONFIG_PATH=$(CURDIR)/kit/course/jupyter_config JUPYTER_PATH=$(CURDIR)/kit/course/jupyter_data \
	  $(VENV)/bin/voila notebooks \
	  --port=$(APP_PORT) --Voila.ip=127.0.0.1

test: $(STAMP) lint
	$(PY) -m pytest -q

# pyflakes, pycodestyle, bugbear and McCabe complexity (settings in pyproject.toml).
lint: $(STAMP)
	$(VENV)/bin/ruff check kit tests scripts

# The course's notebooks are the source; `stamp` rewrites only their navigation cells (after a
# lesson is renamed or added), `check-notebooks` lists what is inconsistent between editions.
stamp: $(STAMP)
	$(PY) -m kit notebooks stamp

check-notebooks: $(STAMP)
	$(PY) -m kit notebooks check

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
