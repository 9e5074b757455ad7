"""Kernels for the faces that execute notebooks (web app, slides, reports).

They talk to their kernel over local IPC sockets rather than TCP: nothing on the network can read
or reach them, and the kernel has no reason to warn that its traffic is unencrypted.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from jupyter_client.manager import AsyncKernelManager
from jupyter_server.services.kernels.kernelmanager import ServerKernelManager
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
