"""Room polls served by `workshop-kit serve` itself: same origin, no internet, trainer-only
controls behind the web app's trainer key, answers kept in the data folder given."""

from __future__ import annotations

import urllib.error
import urllib.request
from http.cookiejar import CookieJar

import pytest

from conftest import TRAINER_KEY, start_serve, stop_serve


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    data = tmp_path_factory.mktemp("polls-data")
    base, process = start_serve(["--pool-size", "0", "--data-dir", str(data)])
    yield base, data
    stop_serve(process)


def _get(opener, url: str) -> tuple[int, str]:
    try:
        with opener.open(url, timeout=60) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, ""


def test_attendees_reach_the_polls_page_from_the_web_app(served):
    base, _ = served
    status, html = _get(urllib.request.build_opener(), f"{base}/polls/")
    assert status == 200 and "poll" in html.lower()
    assert "http://" not in html.replace(base, "") and "https://" not in html


def test_only_the_trainer_browser_reaches_the_poll_controls(served):
    base, data = served
    attendee = urllib.request.build_opener()
    assert _get(attendee, f"{base}/polls/trainer")[0] == 403
    trainer = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))
    assert _get(trainer, f"{base}/trainer?key={TRAINER_KEY}")[0] == 200
    status, html = _get(trainer, f"{base}/polls/trainer")
    assert status == 200 and "Export" in html
    assert any(data.iterdir())  # the store lives in the folder given to serve
