"""Under `serve`, what the first build leaves alive is set aside from the cyclic garbage
collector: garbage of that build is collected first, objects made later are collected as
before, and a process that stops serving takes everything back."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator
from pathlib import Path

import pytest
from roledex.plugin import long_lived, speedups
from roledex.plugin.plugin import RoledexPlugin


class _Cycle:
    """An object that refers to itself: only the cyclic collector frees it."""

    def __init__(self) -> None:
        self.me = self


class _Plain:
    """An object without a cycle: freed as soon as nothing refers to it."""


@pytest.fixture(autouse=True)
def _nothing_left_frozen() -> Iterator[None]:
    yield
    long_lived.take_back()


def _dropped_cycle() -> weakref.ref[_Cycle]:
    return weakref.ref(_Cycle())


def test_garbage_of_the_first_build_is_collected_before_the_rest_is_set_aside() -> None:
    garbage = _dropped_cycle()
    kept = _Cycle()
    set_aside = long_lived.set_aside()
    assert garbage() is None
    assert set_aside == gc.get_freeze_count() > 0
    assert gc.is_tracked(kept) and kept.me is kept


def test_objects_made_after_are_still_collected() -> None:
    long_lived.set_aside()
    later = _dropped_cycle()
    gc.collect()
    assert later() is None


def test_a_set_aside_object_is_still_freed_when_nothing_refers_to_it() -> None:
    held = _Plain()
    watch = weakref.ref(held)
    long_lived.set_aside()
    del held
    assert watch() is None  # a page dropped from the caches leaves memory


def test_taking_back_lets_the_collector_walk_everything_again() -> None:
    long_lived.set_aside()
    long_lived.take_back()
    assert gc.get_freeze_count() == 0


def test_restoring_mkdocs_takes_everything_back() -> None:
    long_lived.set_aside()
    speedups.restore()
    assert gc.get_freeze_count() == 0


class _Config:
    def __init__(self, docs: Path) -> None:
        self.docs_dir = str(docs)


@pytest.mark.parametrize(("faster", "frozen"), [(True, True), (False, False)])
def test_serve_sets_the_first_build_aside_only_with_speedups(tmp_path: Path, faster: bool, frozen: bool) -> None:
    plugin = RoledexPlugin()
    errors, warnings = plugin.load_config({"speedups": faster, "actions": False})
    assert errors == [] and warnings == []
    server = object()
    assert plugin.on_serve(server, config=_Config(tmp_path), builder=lambda: None) is server  # type: ignore[arg-type]
    assert (gc.get_freeze_count() > 0) is frozen
