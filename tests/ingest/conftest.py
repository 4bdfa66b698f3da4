"""Fixtures for the ingest tests: in-process ingest with the shared model, the shipped corpus ingested once
per session (tests that only read use it), and a fresh copy of the tiny fixture corpus for tests that mutate."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from ingest import run_ingest
from ingest.pipeline import IngestReport
from ofsted_assistant.records import Chunk
from ofsted_assistant.settings import Settings
from ofsted_assistant.store import IndexStore, Manifest

from ..conftest import FIXTURES, SHIPPED_CORPUS


@pytest.fixture(scope="session")
def ingest_now(embedder):
    """ingest_now(settings) -> IngestReport: the real pipeline, in-process, reusing the session's model."""

    def run(settings: Settings) -> IngestReport:
        return run_ingest(settings, embedder_factory=lambda _settings: embedder)

    return run


@dataclass
class Indexed:
    settings: Settings
    report: IngestReport

    @property
    def store(self) -> IndexStore:
        return IndexStore(self.settings)

    def manifest(self) -> Manifest:
        return self.store.read_manifest()

    def active(self) -> list[Chunk]:
        store = self.store
        return store.load_active(store.read_manifest())[0]

    def all_documents(self) -> list[str]:
        """The text of every chunk in the collection, active or not (what a leak would show up in)."""
        return self.store.collection.get(include=["documents"])["documents"]


@pytest.fixture(scope="session")
def shipped(settings_factory, ingest_now) -> Indexed:
    """The shipped corpus/ ingested once into a session index. Read-only for the tests that use it."""
    settings = settings_factory(SHIPPED_CORPUS)
    return Indexed(settings, ingest_now(settings))


@pytest.fixture
def corpus(tmp_path) -> Path:
    """A fresh, writable copy of tests/fixtures/corpus (three small documents)."""
    target = tmp_path / "corpus"
    shutil.copytree(FIXTURES / "corpus", target)
    return target


@pytest.fixture
def tmp_settings(settings_factory, corpus, tmp_path) -> Settings:
    """Settings for `corpus` on an empty index of this test's own."""
    return settings_factory(corpus, tmp_path / "index")
