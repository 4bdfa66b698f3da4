"""The same ingest against a `chroma run` server on 127.0.0.1 (started and stopped by the test)."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest

from ofsted_assistant.errors import IndexUnavailable

from ..conftest import FIXTURES
from .conftest import Indexed

pytestmark = pytest.mark.server

CHROMA = [str(Path(sys.executable).with_name("chroma"))]


@dataclass
class Server:
    proc: subprocess.Popen
    port: int

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=30)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def heartbeat(port: int) -> bool:
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # never via a proxy
    try:
        with opener.open(f"http://127.0.0.1:{port}/api/v2/heartbeat", timeout=2) as resp:
            return resp.status == 200
    except (urllib.error.URLError, OSError):
        return False


@pytest.fixture
def chroma_server(tmp_path, monkeypatch):
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")
    monkeypatch.setenv("OFSTED_LOCK_DIR", str(tmp_path))  # the server-mode ingest lock lives here, not in /tmp
    port = free_port()
    log = open(tmp_path / "chroma.log", "wb")
    proc = subprocess.Popen(
        [*CHROMA, "run", "--host", "127.0.0.1", "--port", str(port), "--path", str(tmp_path / "server-data")],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    server = Server(proc, port)
    try:
        for _ in range(60):
            if heartbeat(port) or proc.poll() is not None:
                break
            time.sleep(0.5)
        if not heartbeat(port):
            log.flush()
            pytest.fail(f"chroma run did not answer on 127.0.0.1:{port}:\n{(tmp_path / 'chroma.log').read_text()[-3000:]}")
        yield server
    finally:
        server.stop()
        log.close()


def test_ingest_into_a_chroma_server(chroma_server, tmp_path, settings_factory, ingest_now, cli):
    corpus = tmp_path / "corpus"
    shutil.copytree(FIXTURES / "corpus", corpus)
    settings = settings_factory(corpus, tmp_path / "unused-embedded-index").replace(
        **{"index.chroma_host": "127.0.0.1", "index.chroma_port": chroma_server.port}
    )
    assert settings.use_server

    report = ingest_now(settings)
    assert sorted(report.added) == ["deferral-guidance", "news-brief", "union-advice"]
    ix = Indexed(settings, report)
    manifest = ix.manifest()
    assert sorted(manifest.docs) == sorted(report.added)
    assert report.chunks_written == manifest.total_chunks == ix.store.count_all() == len(ix.active()) > 0
    assert not (tmp_path / "unused-embedded-index").exists()  # nothing went to an embedded index

    again = ingest_now(settings)
    assert again.chunks_written == 0 and sorted(again.unchanged) == sorted(manifest.docs)
    assert again.garbage_collected == 0
    assert ix.manifest().to_json() == manifest.to_json()

    status = cli.run(settings, "status", "--json")
    assert status.returncode == 0, status.stderr
    assert '"deferral-guidance"' in status.stdout

    chroma_server.stop()
    assert chroma_server.proc.returncode is not None
    result = cli.run(settings, "status")
    assert result.returncode == IndexUnavailable.exit_code, (result.returncode, result.stderr)
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error:"), result.stderr
    assert "chroma run" in lines[0] and f"127.0.0.1:{chroma_server.port}" in lines[0]
