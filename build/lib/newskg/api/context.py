"""What every router needs, built once by create_app() and handed to each router explicitly."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from newskg.ingest.iris import IriMinter
from newskg.ingest.settings import Settings
from newskg.store.interface import Store


@dataclass
class AppContext:
    settings: Settings
    store: Store
    minter: IriMinter
    # long-lived helpers a router sets up (e.g. the query worker pool), closed on shutdown
    services: dict[str, Any] = field(default_factory=dict)
