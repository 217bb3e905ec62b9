"""Run a function in a forked child process, cut at a time limit: for library calls that cannot be interrupted
(a pyshacl validation, a HermiT run) so that every benchmark stays bounded in time."""

from __future__ import annotations

import multiprocessing
from typing import Any, Callable, TypeVar

T = TypeVar("T")


def run_bounded(function: Callable[..., T], args: tuple[Any, ...], limit: float) -> T | None:
    """function(*args) in a child; None when it did not finish within `limit` seconds (the child is terminated)."""
    with multiprocessing.get_context("fork").Pool(1) as pool:
        pending = pool.apply_async(function, args)
        try:
            return pending.get(limit)
        except multiprocessing.TimeoutError:
            return None
