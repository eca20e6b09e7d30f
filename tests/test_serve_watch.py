"""`mkdocs serve` looks for saves as often as stays cheap."""

from __future__ import annotations

import socket
import sys
from pathlib import Path

import pytest
from conftest import REPO
from mkdocs.livereload import LiveReloadServer

sys.path.insert(0, str(REPO / "hooks"))
import serve_watch  # noqa: E402


@pytest.mark.parametrize(
    ("listing", "interval"),
    [(0.0, 0.1), (0.004, 0.1), (0.005, 0.1), (0.008, 0.16), (0.02, 0.4), (0.025, 0.5), (1.0, 0.5)],
)
def test_the_interval_keeps_polling_under_a_twentieth_of_a_core(listing: float, interval: float) -> None:
    assert serve_watch.polling_interval(listing) == pytest.approx(interval)


def _port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_mkdocs_watcher_takes_the_interval_for_what_it_watches_and_will_watch(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "page.md").write_text("# Page\n", encoding="utf-8")
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=_port(), root=str(tmp_path / "site"))
    try:
        server.watch(str(tmp_path / "docs"))
        interval = serve_watch.poll_sooner(server, str(tmp_path / "docs"))
        assert interval == serve_watch.FASTEST  # one file: as often as allowed
        server.watch(str(tmp_path / "mkdocs.yml"))
        assert {emitter.timeout for emitter in server.observer.emitters} == {interval}
        assert len(server.observer.emitters) == 2
    finally:
        server.server_close()


def test_a_watcher_of_another_shape_is_left_alone(tmp_path: Path) -> None:
    class Other:
        observer = object()

    assert serve_watch.poll_sooner(Other(), str(tmp_path)) == serve_watch.SLOWEST
