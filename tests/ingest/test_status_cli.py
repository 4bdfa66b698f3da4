"""`ofsted-assistant status`: what is indexed, as a table and as JSON."""

from __future__ import annotations

import json

from ofsted_assistant.errors import IndexMissing


def test_status_lists_documents_and_chunk_counts(shipped, cli):
    manifest = shipped.manifest()
    result = cli.run(shipped.settings, "status")
    assert result.returncode == 0, result.stderr
    rows = {}
    for line in result.stdout.splitlines():
        cells = [cell.strip() for cell in line.split("│")]
        if len(cells) > 2 and cells[1] in manifest.docs:
            rows[cells[1]] = cells
    assert sorted(rows) == sorted(manifest.docs)
    for doc_id, entry in manifest.docs.items():
        assert str(entry.chunks) in rows[doc_id]
        assert entry.version[:12] in rows[doc_id]
        assert (entry.date or "undated") in rows[doc_id]
    assert f"{len(manifest.docs)} documents, {manifest.total_chunks} chunks" in result.stdout


def test_status_json(shipped, cli):
    manifest = shipped.manifest()
    result = cli.run(shipped.settings, "status", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert sorted(data["docs"]) == sorted(manifest.docs)
    for doc_id, entry in manifest.docs.items():
        got = data["docs"][doc_id]
        assert (got["chunks"], got["version"], got["authority"], got["date"]) == (
            entry.chunks,
            entry.version,
            entry.authority,
            entry.date,
        )
    assert data["collection"] == shipped.settings.collection_name()
    assert data["corpus_version"] == manifest.corpus_version()
    assert sum(d["chunks"] for d in data["docs"].values()) == shipped.store.count_all()


def test_status_without_an_index(tmp_path, settings_factory, cli):
    settings = settings_factory(tmp_path, tmp_path / "no-index-yet")
    result = cli.run(settings, "status")
    assert result.returncode == IndexMissing.exit_code
    assert "Traceback" not in result.stderr
    assert "ofsted-assistant ingest" in result.stderr
