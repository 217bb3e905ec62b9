"""Idle workers handed to waiters first come, first served — to threads (blocking) and to coroutines (awaiting)
alike, so that a request waiting for a busy query worker costs the event loop nothing."""

from __future__ import annotations

import asyncio
import threading
from collections import deque
from typing import Generic, TypeVar

Item = TypeVar("Item")


class _ThreadWaiter(Generic[Item]):
    def __init__(self) -> None:
        self.ready = threading.Event()
        self.item: Item | None = None
        self.gave_up = False


class _TaskWaiter(Generic[Item]):
    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop
        self.future: asyncio.Future[Item] = loop.create_future()


class IdlePool(Generic[Item]):
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._idle: deque[Item] = deque()
        self._waiters: deque[_ThreadWaiter[Item] | _TaskWaiter[Item]] = deque()

    def put(self, item: Item) -> None:
        with self._lock:
            while self._waiters:
                waiter = self._waiters.popleft()
                if isinstance(waiter, _ThreadWaiter):
                    if not waiter.gave_up:
                        waiter.item = item
                        waiter.ready.set()
                        return
                elif not waiter.future.done():
                    waiter.loop.call_soon_threadsafe(self._deliver, waiter.future, item)
                    return
            self._idle.append(item)

    def _deliver(self, future: asyncio.Future[Item], item: Item) -> None:
        if future.done():  # the waiter timed out or was cancelled meanwhile: pass the item on
            self.put(item)
        else:
            future.set_result(item)

    def take_nowait(self) -> Item | None:
        with self._lock:
            return self._idle.popleft() if self._idle else None

    def take(self, timeout: float) -> Item | None:
        """An idle item, waiting up to timeout seconds; None if none became idle."""
        with self._lock:
            if self._idle:
                return self._idle.popleft()
            waiter: _ThreadWaiter[Item] = _ThreadWaiter()
            self._waiters.append(waiter)
        waiter.ready.wait(timeout)
        with self._lock:
            if waiter.item is None:
                waiter.gave_up = True
            return waiter.item

    async def take_async(self, timeout: float) -> Item | None:
        with self._lock:
            if self._idle:
                return self._idle.popleft()
            waiter: _TaskWaiter[Item] = _TaskWaiter(asyncio.get_running_loop())
            self._waiters.append(waiter)
        try:
            return await asyncio.wait_for(asyncio.shield(waiter.future), timeout)
        except asyncio.TimeoutError:
            return self._abandon(waiter)
        except asyncio.CancelledError:
            self._abandon_and_return(waiter)
            raise

    def _abandon(self, waiter: _TaskWaiter[Item]) -> Item | None:
        """Give up waiting; if an item arrived at the last moment, keep it."""
        if waiter.future.done() and not waiter.future.cancelled():
            return waiter.future.result()
        waiter.future.cancel()
        return None

    def _abandon_and_return(self, waiter: _TaskWaiter[Item]) -> None:
        item = self._abandon(waiter)
        if item is not None:
            self.put(item)

    def drain(self) -> list[Item]:
        with self._lock:
            items = list(self._idle)
            self._idle.clear()
            return items
