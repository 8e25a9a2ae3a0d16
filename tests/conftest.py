from pathlib import Path

import pytest

from browser_support import chromium, page  # noqa: F401 (the browser tests' fixtures)

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_6066f5c852812abd.txt"
SHARED_SEED = ROOT.parent / "shared" / "seeds" / "000_6066f5c852812abd.txt"


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text("utf-8")
