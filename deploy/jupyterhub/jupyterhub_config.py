"""JupyterHub for many rooms: every attendee gets a single-user server that opens the workshop web app.

One hub can hold several rooms at once; each attendee's server is theirs, so one attendee's
kernels never slow or break another's page. Settings come from the environment so the same file
serves a one-server hub, the CI test and (as `hub.extraConfig`) Zero to JupyterHub:

  WORKSHOP_KIT_CHECKOUT        the workshop-kit checkout every server serves (default: this repo);
                               keep it read-only to attendees
  WORKSHOP_KIT_SINGLEUSER_BIN  bin/ of the environment built from binder/ (default: this Python's)
  WORKSHOP_KIT_ROOM_SIZE       most servers running at once, trainers included (default 30)
  WORKSHOP_KIT_IDLE_TIMEOUT    seconds without activity before a server is stopped (default 1200)
  WORKSHOP_KIT_TRAINERS        comma-separated user names whose pages open in trainer view

Authentication and spawner are left to the deployment (docs/deploy.md): e.g. NativeAuthenticator
or the organisation's OAuth, with LocalProcessSpawner (one Unix user each) or DockerSpawner.
"""

import os
import sys
from pathlib import Path

c = get_config()  # noqa: F821 -- provided by JupyterHub when it loads this file

HERE = Path(__file__).resolve().parent
CHECKOUT = Path(os.environ.get("WORKSHOP_KIT_CHECKOUT", HERE.parents[1]))
SINGLEUSER_BIN = Path(os.environ.get("WORKSHOP_KIT_SINGLEUSER_BIN", Path(sys.executable).parent))
ROOM_SIZE = int(os.environ.get("WORKSHOP_KIT_ROOM_SIZE", "30"))
IDLE_TIMEOUT = int(os.environ.get("WORKSHOP_KIT_IDLE_TIMEOUT", "1200"))
TRAINERS = sorted(n.strip() for n in os.environ.get("WORKSHOP_KIT_TRAINERS", "").split(",") if n.strip())

LANDING_PAGE = "/voila/render/notebooks/index.ipynb"
TRAINER_GROUP = "trainers"

# Each attendee's server opens the web app (Voila's server extension with the workshop template,
# installed by binder/postBuild) rather than JupyterLab.
c.Spawner.cmd = [str(SINGLEUSER_BIN / "jupyterhub-singleuser")]
c.Spawner.notebook_dir = str(CHECKOUT)
c.Spawner.default_url = LANDING_PAGE
# Every page an attendee opens starts a kernel, and closing a tab does not stop it (voila#1458):
# kernels idle for ten minutes with no page attached are stopped, as `workshop-kit serve` does.
c.Spawner.args = ["--MappingKernelManager.cull_idle_timeout=600", "--MappingKernelManager.cull_interval=60",
                  "--MappingKernelManager.cull_connected=False"]
# Measured (docs/deploy.md): a single-user server ~92-118 MiB, a workshop kernel 108-125 MiB.
# Guarantee a server and two open pages; cap at a server and every page open at once.
c.Spawner.mem_guarantee = "400M"
c.Spawner.mem_limit = "1G"  # enforced by container spawners (Docker, Kubernetes) only
c.Spawner.http_timeout = 120  # two cores and thirty people arriving at once: be patient


def open_trainer_view(spawner) -> None:
    """Trainers' servers open the landing page in trainer view; its links keep trainer view.

    A presentation mode, not access control (the notes are in the repository): it saves the
    trainer typing `?view=trainer` in front of the room.
    """
    groups = {group.name for group in spawner.user.groups}
    if TRAINER_GROUP in groups:
        spawner.default_url = LANDING_PAGE + "?view=trainer"


c.Spawner.pre_spawn_hook = open_trainer_view
c.JupyterHub.load_groups = {TRAINER_GROUP: {"users": TRAINERS}}

# A room has a size: past it, a friendly "this room is full" page (templates/error.html).
c.JupyterHub.active_server_limit = ROOM_SIZE
c.JupyterHub.template_paths = [str(HERE / "templates")]
c.JupyterHub.template_vars = {"room_size": ROOM_SIZE}

# Abandoned servers (a closed laptop, a tab left behind) are stopped so their seat frees up.
c.JupyterHub.services = [{
    "name": "idle-culler",
    "command": [sys.executable, "-m", "jupyterhub_idle_culler",
                f"--timeout={IDLE_TIMEOUT}", f"--cull-every={max(5, IDLE_TIMEOUT // 4)}"],
}]
c.JupyterHub.load_roles = [{
    "name": "idle-culler",
    "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
    "services": ["idle-culler"],
}]

# The proxy comes from npm (package.json), installed into the checkout by `make`/postBuild.
_proxy = CHECKOUT / "node_modules" / ".bin" / "configurable-http-proxy"
if _proxy.exists():
    c.ConfigurableHTTPProxy.command = [str(_proxy)]
