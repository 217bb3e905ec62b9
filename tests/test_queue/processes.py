"""How the queue tests start newskg as a user would: the console script, with a clean NEWSKG_* environment."""

from __future__ import annotations

import os
import sys
from pathlib import Path

NEWSKG = str(Path(sys.executable).parent / "newskg")


def newskg_env(**variables: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSKG_")}
    env.update(variables)
    return env
