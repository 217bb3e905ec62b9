"""What the export tests share besides their fixtures (conftest.py)."""

from datetime import date

BASE = "http://127.0.0.1:8000/"     # what the sample store mints under
DATED_SEED = "mee-ukraine-hts-aleppo.txt"
SEED_DATE = date(2024, 12, 3)
