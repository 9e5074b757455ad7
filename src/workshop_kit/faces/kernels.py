"""Kernels for the faces that execute notebooks (web app, slides, reports).

They talk to their kernel over local IPC sockets rather than TCP: nothing on the network can read
or reach them, and the kernel has no reason to warn that its traffic is unencrypted.
"""

from __future__ import annotations

import asyncio
import heapq
import itertools
import shutil
import tempfile
from pathlib import Path
from typing import Any

from jupyter_client.manager import AsyncKernelManager
from jupyter_server.services.kernels.kernelmanager import (
    AsyncMappingKernelManager,
    ServerKernelManager,
)
from traitlets import HasTraits, default


class IpcTransport(HasTraits):
    """Kernel sockets as private files, not TCP ports (no port races under load either)."""

    @default("transport")
    def _default_transport(self) -> str:
        return "ipc"

    @default("ip")
    def _default_ip(self) -> str:
        # IPC socket paths are relative to the working folder unless absolute, and the kernel may
        # run in another folder than its client: give both the same private absolute path.
        return str(Path(tempfile.mkdtemp(prefix="workshop-kit-kernel-")) / "ipc")

    async def _async_cleanup_resources(self, restart: bool = False) -> None:
        # A mixin: the kernel manager it is combined with defines both (jupyter_client).
        await super()._async_cleanup_resources(restart=restart)  # type: ignore[misc]  # mixin of AsyncKernelManager
        if not restart:
            shutil.rmtree(Path(self.ip).parent, ignore_errors=True)  # type: ignore[attr-defined]  # mixin: ip is the manager's trait


class LocalKernelManager(IpcTransport, AsyncKernelManager):
    """For slides and reports (papermill, nbconvert)."""


class ServedKernelManager(IpcTransport, ServerKernelManager):
    """For the web app's kernels (the Jupyter server needs the IOLoop flavour).

    Never restarted when they die: a fresh kernel has none of its page's widgets, and a restart
    hides the death from the page being rendered, which then waits forever on its cells. The
    page says so instead (`faces/webapp.py` `watch_kernel`)."""

    @default("autorestart")
    def _default_autorestart(self) -> bool:
        return False


PAGE_ENV = "WORKSHOP_KIT_PAGE"
"""Set in each warm kernel's environment to the page it is warmed for (the pool's config)."""
WARMING_AT_ONCE = 2
"""Warm kernels started at the same time: one per core of a trainer's laptop. Thirty started
together starve each other (and the visitors already here) of the CPU."""


class WarmingKernelManager(AsyncMappingKernelManager):
    """Starts the warm pool's kernels a few at a time, lowest-numbered page first, and a
    visitor's own kernel at once: a room that arrives while the pools fill is not kept waiting
    behind them."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._waiting: list[tuple[str, int, asyncio.Future[None]]] = []
        self._warming = 0
        self._order = itertools.count()
        self.warm_started = 0

    async def start_kernel(self, *args: Any, **kwargs: Any) -> str:  # type: ignore[override]  # the async manager's start is a coroutine
        env = kwargs.get("env") or {}
        if env.get("VOILA_PREHEAT") != "True":
            return await super().start_kernel(*args, **kwargs)
        await self._take_turn(env.get(PAGE_ENV, ""))
        try:
            kernel_id = await super().start_kernel(*args, **kwargs)
            self.warm_started += 1
            return kernel_id
        finally:
            self._end_turn()

    async def _take_turn(self, page: str) -> None:
        if self._warming < WARMING_AT_ONCE and not self._waiting:
            self._warming += 1
            return
        turn: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        heapq.heappush(self._waiting, (page, next(self._order), turn))
        await turn  # _end_turn hands its place over: the count stays the same

    def _end_turn(self) -> None:
        while self._waiting:
            _, _, turn = heapq.heappop(self._waiting)
            if not turn.done():
                turn.set_result(None)
                return
        self._warming -= 1
