"""An ingest killed part-way never shows readers half an index, and the next ingest finishes the job.
One ingest at a time: a second one is refused with a clear message, or waits when asked to."""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import select
import signal
import struct
import sys
import threading

import pytest
from filelock import FileLock

from ingest.pipeline import lock_path
from ofsted_assistant.errors import IndexMissing, IngestBusy
from ofsted_assistant.store import IndexStore

from .conftest import Indexed

OLD = "Requests made after 4.30 pm on the day of notification are not normally considered."
NEW = "Requests made after noon on the day of notification are refused without exception."


@pytest.mark.slow  # the killed subprocess loads the model to embed its first batch
def test_killed_ingest_keeps_the_previous_index_and_the_next_one_completes(tmp_settings, corpus, ingest_now, cli):
    ingest_now(tmp_settings)
    ix = Indexed(tmp_settings, None)
    v1 = ix.manifest()
    v1_doc = v1.docs["deferral-guidance"]

    path = corpus / "deferral-guidance.md"
    path.write_text(path.read_text().replace(OLD, NEW))
    # The pipeline SIGKILLs itself after writing its first batch of new chunks, before the manifest commit.
    result = cli.run(tmp_settings, "ingest", "--quiet", OFSTED_TEST_KILL_AFTER_CHUNKS=1)
    assert result.returncode == -signal.SIGKILL, (result.returncode, result.stderr[-2000:])

    assert ix.store.count_all() > v1.total_chunks  # the killed run did write chunks ...
    assert ix.manifest().to_json() == v1.to_json()  # ... but never committed them
    active = ix.active()
    assert len(active) == v1.total_chunks
    mine = "\n".join(c.text for c in active if c.doc_id == "deferral-guidance")
    assert OLD in mine and NEW not in mine  # readers see v1 only
    assert {c.doc_version for c in active if c.doc_id == "deferral-guidance"} == {v1_doc.version}

    report = ingest_now(tmp_settings)  # the kill released the lock with the process
    assert report.updated == ["deferral-guidance"]
    assert report.chunks_written == 0  # the killed run's chunks are complete and reused
    assert report.garbage_collected == v1_doc.chunks
    manifest = ix.manifest()
    assert manifest.docs["deferral-guidance"].version != v1_doc.version
    assert ix.store.count_all() == manifest.total_chunks  # no leftovers
    mine = "\n".join(c.text for c in ix.active() if c.doc_id == "deferral-guidance")
    assert NEW in mine and OLD not in mine
    assert not [t for t in ix.all_documents() if OLD in t]


def test_second_ingest_is_refused_while_one_runs(tmp_settings, ingest_now, cli):
    lock = FileLock(str(lock_path(tmp_settings)))
    with lock:
        result = cli.run(tmp_settings, "ingest", "--quiet")
        with pytest.raises(IngestBusy):
            ingest_now(tmp_settings)
    assert result.returncode == IngestBusy.exit_code, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Error: another ingest is already running")
    assert "OFSTED_INGEST_LOCK_WAIT" in lines[0]  # and how to wait instead
    with pytest.raises(IndexMissing):  # the refused ingests wrote nothing
        IndexStore(tmp_settings)


class OpenWatch:
    """Counts opens of one file by any process (Linux inotify): how the test knows the child is trying the lock."""

    IN_OPEN = 0x20

    def __init__(self, path):
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        self.fd = libc.inotify_init1(os.O_NONBLOCK | os.O_CLOEXEC)
        if self.fd < 0:
            raise OSError(ctypes.get_errno(), "inotify_init1 failed")
        if libc.inotify_add_watch(self.fd, os.fsencode(str(path)), self.IN_OPEN) < 0:
            os.close(self.fd)
            raise OSError(ctypes.get_errno(), "inotify_add_watch failed")
        self.opens = 0

    def wait_for(self, opens: int, alive, polls: int = 1200, interval: float = 0.1) -> bool:
        """Wait (at most polls * interval seconds) until the file was opened `opens` times or `alive()` is false."""
        for _ in range(polls):
            if self.opens >= opens or not alive():
                break
            if select.select([self.fd], [], [], interval)[0]:
                data = os.read(self.fd, 4096)
                offset = 0
                while offset < len(data):  # struct inotify_event: wd, mask, cookie, len, name[len]
                    _wd, mask, _cookie, name_len = struct.unpack_from("iIII", data, offset)
                    self.opens += bool(mask & self.IN_OPEN)
                    offset += 16 + name_len
        return self.opens >= opens

    def close(self) -> None:
        os.close(self.fd)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="watches the lock file with inotify")
def test_second_ingest_waits_for_the_lock_when_asked(tmp_settings, corpus, ingest_now, cli):
    ingest_now(tmp_settings)
    (corpus / "news-brief.md").unlink()  # work for the waiting ingest that needs no model
    path = lock_path(tmp_settings)
    lock = FileLock(str(path), thread_local=False)  # released by another thread
    lock.acquire()
    watch = OpenWatch(path)
    saw_retry = threading.Event()
    proc = None
    try:
        proc = cli.popen(tmp_settings, "ingest", "--quiet", OFSTED_INGEST_LOCK_WAIT=120)

        def release_once_the_child_retries():
            try:
                # The child opens the lock file on each attempt: a second open means the first one found the
                # lock taken and it is waiting, not giving up.
                if watch.wait_for(2, alive=lambda: proc.poll() is None):
                    saw_retry.set()
            finally:
                lock.release()

        releaser = threading.Thread(target=release_once_the_child_retries, daemon=True)
        releaser.start()
        stdout, stderr = proc.communicate(timeout=300)
        releaser.join(timeout=60)
    finally:
        if proc is not None and proc.poll() is None:
            proc.kill()
            proc.wait()
        if lock.is_locked:
            lock.release(force=True)
        watch.close()
    assert saw_retry.is_set(), stderr
    assert proc.returncode == 0, stderr
    assert "another ingest" not in stderr
    manifest = IndexStore(tmp_settings).read_manifest()
    assert sorted(manifest.docs) == ["deferral-guidance", "union-advice"]  # it ran once the lock was free
