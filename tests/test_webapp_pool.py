"""Warm kernels for a room: pages built before anyone arrives, handed to attendees only, sized by
`serve --expect`, started a few at a time lowest-numbered page first, and dropped when a content
file changes."""

from __future__ import annotations

import asyncio
import concurrent.futures
import shutil
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import TRAINER_KEY, start_serve, stop_serve
from workshop_kit.core.content import REPO_ROOT
from workshop_kit.faces import kernels, trainer, webapp

sys.path.insert(0, str(REPO_ROOT / "bench"))
from room_protocol import leave, room  # the bench's attendee, without a browser

WARM = "kernels warm across"


def test_warm_kernels_per_page_cover_the_room_within_memory():
    assert webapp.warm_per_page(30, 6, capacity=400) == 30  # plenty of memory: a room per page
    assert webapp.warm_per_page(30, 6, capacity=90) == 10  # (90 - 30 for the room) / 6 pages
    assert webapp.warm_per_page(30, 6, capacity=20) == 1  # never none
    assert webapp.warm_per_page(3, 6, capacity=400) == 3


def test_each_pool_is_told_its_page():
    pools = webapp.kernel_pools(["00_a.ipynb", "01_b.ipynb"], 4)
    assert pools["01_b.ipynb"] == {"pool_size": 4,
                                   "kernel_env_variables": {kernels.PAGE_ENV: "01_b.ipynb"}}
    assert pools["default"] == {"pool_size": 4}


def test_pages_are_listed_lowest_numbered_first(tmp_path):
    for name in ("02_c", "index", "00_a", "01_b"):
        (tmp_path / f"{name}.ipynb").write_text("{}")
    (tmp_path / ".ipynb_checkpoints").mkdir()
    (tmp_path / ".ipynb_checkpoints" / "00_a-checkpoint.ipynb").write_text("{}")
    assert webapp.pages_in(tmp_path) == ["00_a.ipynb", "01_b.ipynb", "02_c.ipynb", "index.ipynb"]


def run_alone(coroutine):
    """asyncio.run on a thread of its own: Playwright's sync API, used by browser tests earlier in
    the session, keeps an event loop running in the test thread."""
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def test_warm_kernels_start_two_at_a_time_lowest_numbered_page_first():
    """The pools' kernels queue for a turn; a visitor's own kernel never waits behind them."""
    started: list[str] = []
    running = 0
    most = 0

    class Manager(kernels.WarmingKernelManager):
        async def _start(self, page: str) -> None:
            nonlocal running, most
            await self._take_turn(page)
            running += 1
            most = max(most, running)
            started.append(page)
            await asyncio.sleep(0.01)
            running -= 1
            self._end_turn()

    async def scenario() -> None:
        manager = Manager()
        pages = ["03.ipynb", "01.ipynb", "02.ipynb", "00.ipynb", "01.ipynb"]
        await asyncio.gather(*(manager._start(p) for p in pages))

    run_alone(scenario())
    assert most == kernels.WARMING_AT_ONCE == 2
    # The first two arrive to a free machine; the rest go lowest page first.
    assert started == ["03.ipynb", "01.ipynb", "00.ipynb", "01.ipynb", "02.ipynb"]


def test_the_start_message_says_how_many_are_kept_warm():
    settings = webapp.RoomSettings(expect=30, max_attendees=40, trainer_key="k")
    said = webapp.startup_message(settings, pages=6, pool_size=10)
    assert "10 kernels kept warm per page for 30 arrivals at once (60 in all)" in said
    assert "no kernels kept warm" in webapp.startup_message(
        webapp.RoomSettings(pool_size=0, trainer_key="k"), pages=6, pool_size=0)


def wait_for_warm(log: Path, seconds: float = 240) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        said = log.read_text()
        if WARM in said:
            return said
        time.sleep(0.5)
    pytest.fail(f"the pools never said they were warm:\n{log.read_text()}")


def get(url: str, cookie: str | None = None) -> str:
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    with urllib.request.urlopen(request, timeout=120) as response:
        return response.read().decode()


def one_attendee(url: str):
    """The bench's protocol-level attendee, on a loop of its own thread."""
    async def arrive():
        visits = await room(url, 1)
        leave(visits)
        return visits[0]

    return run_alone(arrive())


@pytest.fixture
def served_with_warm_pools(tmp_path):
    """`serve --pool-size 1` on a copy of the case studies (a test edits them), warm."""
    cases = tmp_path / "case_studies"
    shutil.copytree(REPO_ROOT / "case_studies", cases)
    log = tmp_path / "serve.log"
    base, process = start_serve(["--pool-size", "1"], log=log,
                                env={"WORKSHOP_KIT_CASE_STUDIES": str(cases)})
    said = wait_for_warm(log)
    yield base, cases, log, said
    stop_serve(process)


def test_a_warm_page_is_built_for_an_attendee_and_the_trainer_gets_a_kernel_of_their_own(
        served_with_warm_pools):
    base, _cases, _log, said = served_with_warm_pools
    assert "6 kernels warm across 6 pages" in said
    url = f"{base}/voila/render/01_special_guardianship.ipynb"

    visit = one_attendee(url)
    assert visit.ok, visit.error
    assert visit.models > 0  # every widget's state arrived
    attendee = get(url)  # the pool's refill: again built before anyone asked
    assert "Trainer view" not in attendee and "Trainer notes" not in attendee

    cookie = f"{trainer.COOKIE}={trainer._cookie_value(TRAINER_KEY)}"
    trainer_page = get(url, cookie)
    assert "Trainer view" in trainer_page  # the notes themselves are in its widget states


def test_a_content_file_edited_while_pages_wait_warm_is_what_the_next_visitor_sees(
        served_with_warm_pools):
    """A trainer's fix (or a new mistake) made after the pools warmed: the warm pages were built
    from the old files, so they are dropped and the next visitor's page reads the files as
    they are now."""
    base, cases, log, _said = served_with_warm_pools
    url = f"{base}/voila/render/04_case_study_explorer.ipynb"
    leo = (cases / "leo-and-his-aunt-in-spain.yaml").read_text()
    (cases / "leo-copy-for-tuesday.yaml").write_text(leo)  # its id no longer matches its name
    visit = one_attendee(url)
    assert visit.ok, visit.error
    assert "One case study cannot be shown right now" in visit.states
    assert "a content file changed" in log.read_text()


def test_places_in_a_refilling_pool_are_not_taken_off_the_attendees():
    """Two attendees' kernels and a pool of three: one warm kernel, two places still starting.
    Subtracting places (3) from kernels (3) counted nobody, and a burst went past the cap."""
    async def scenario() -> int:
        loop = asyncio.get_running_loop()
        warm = loop.create_future()
        warm.set_result({"kernel_id": "w1"})
        starting = [loop.create_future(), loop.create_future()]

        class Manager:
            _pools = {"01.ipynb": [warm, *starting]}

            def list_kernel_ids(self) -> list[str]:
                return ["a1", "a2", "w1"]

        return webapp.attendees_in(Manager())

    assert run_alone(scenario()) == 2
