"""Kernels for the faces that execute notebooks (slides, reports).

They talk to their kernel over local IPC sockets rather than TCP: nothing on the network can read
or reach them, and the kernel has no reason to warn that its traffic is unencrypted.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from jupyter_client.manager import AsyncKernelManager
from traitlets import default


class LocalKernelManager(AsyncKernelManager):
    @default("transport")
    def _default_transport(self) -> str:
        return "ipc"

    @default("ip")
    def _default_ip(self) -> str:
        # IPC socket paths are relative to the working folder unless absolute, and the kernel may
        # run in another folder than its client: give both the same private absolute path.
        return str(Path(tempfile.mkdtemp(prefix="workshop-kit-kernel-")) / "ipc")

    async def _async_cleanup_resources(self, restart: bool = False) -> None:
        await super()._async_cleanup_resources(restart=restart)
        if not restart:
            shutil.rmtree(Path(self.ip).parent, ignore_errors=True)
