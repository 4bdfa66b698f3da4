"""Engine fixtures: the shipped corpus ingested once, and an Engine on it with today's date pinned."""

from __future__ import annotations

import pytest

from ingest import run_ingest
from ofsted_assistant.engine import Engine

from ..conftest import SHIPPED_CORPUS


@pytest.fixture(scope="session")
def shipped_settings(settings_factory, embedder):
    settings = settings_factory(SHIPPED_CORPUS, **{"answer.today": "2026-11-23"})
    run_ingest(settings, embedder_factory=lambda _s: embedder)
    return settings


@pytest.fixture(scope="session")
def engine(shipped_settings) -> Engine:
    return Engine(shipped_settings)
