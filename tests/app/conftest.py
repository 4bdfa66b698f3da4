"""Fixtures for the Streamlit app tests: real indexes of the shipped corpus (and of the shipped corpus plus a
planted hostile document), built once per session, and the environment the app reads its settings from."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from ofsted_assistant.settings import PROJECT_ROOT, Settings

APP = PROJECT_ROOT / "app.py"
SHIPPED_CORPUS = PROJECT_ROOT / "corpus"
TODAY = "2026-11-23"

#: A document whose cited sentence carries HTML, a script and markdown images pointing at 127.0.0.1:9
#: (nothing listens there; a fetch would show up in the browser test's request log).
PLANTED_DOC = """---
id: planted-quokka-notice
title: Quokka visit protocol <b>bold</b> [link](http://127.0.0.1:9/t)
publisher: Planted Test Publisher <script>alert(2)</script>
authority: official
date: '2026-01-10'
url: 'javascript:alert(3)'
---
Quokka visit protocol

The quokka visit protocol requires every inspector to carry a laminated quokka badge <script>alert(1)</script> and to show <img src="http://127.0.0.1:9/x.png"> the badge ![x](http://127.0.0.1:9/y.png) at reception.

Quokka badges are renewed every spring by the regional quokka office.
"""
PLANTED_QUESTION = "What does the quokka visit protocol require inspectors to carry?"


@dataclass(frozen=True)
class AppIndex:
    settings: Settings  # index.path and corpus_dir of the built index

    def env(self, feedback_path: Path | str) -> dict[str, str]:
        return {
            "OFSTED_INDEX_PATH": self.settings.index.path,
            "OFSTED_CORPUS_DIR": self.settings.corpus_dir,
            "OFSTED_FEEDBACK_PATH": str(feedback_path),
            "OFSTED_TODAY": TODAY,
        }


def _build(tmp_path_factory, corpus: Path, embedder) -> AppIndex:
    from ingest import run_ingest

    index = tmp_path_factory.mktemp("app-index")
    settings = Settings.from_env().replace(
        **{
            "index.path": str(index),
            "corpus_dir": str(corpus),
            "feedback_path": str(index.parent / f"{index.name}-feedback.sqlite3"),
            "answer.today": TODAY,
        }
    )
    report = run_ingest(settings, embedder_factory=lambda _settings: embedder)
    assert report.exit_code == 0 and report.documents >= 5, report
    return AppIndex(settings)


@pytest.fixture(scope="session")
def app_index(tmp_path_factory, embedder) -> AppIndex:
    """The shipped corpus/, ingested into a temporary index."""
    return _build(tmp_path_factory, SHIPPED_CORPUS, embedder)


@pytest.fixture(scope="session")
def planted_index(tmp_path_factory, embedder) -> AppIndex:
    """The shipped corpus plus one hostile document (HTML, script, markdown images, javascript: URL)."""
    corpus = tmp_path_factory.mktemp("planted-corpus")
    for p in SHIPPED_CORPUS.iterdir():
        if p.is_file():
            shutil.copy2(p, corpus / p.name)
    (corpus / "planted-quokka.md").write_text(PLANTED_DOC, encoding="utf-8")
    return _build(tmp_path_factory, corpus, embedder)


@pytest.fixture
def feedback_path(tmp_path) -> Path:
    return tmp_path / "fb" / "feedback.sqlite3"


@pytest.fixture
def app_env(monkeypatch, app_index, feedback_path):
    """Point the app (run in-process by AppTest) at the shipped-corpus index and a fresh feedback file."""
    for k, v in app_index.env(feedback_path).items():
        monkeypatch.setenv(k, v)
    return app_index


@pytest.fixture
def new_app(app_env):
    """new_app() -> a fresh AppTest session (its own st.session_state), already run once."""
    from streamlit.testing.v1 import AppTest

    def make():
        at = AppTest.from_file(str(APP), default_timeout=120)
        at.run()
        assert not at.exception, [e.value for e in at.exception]
        return at

    return make
