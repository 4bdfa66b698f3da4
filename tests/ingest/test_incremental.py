"""Incremental, idempotent ingest: nothing changed writes nothing; an edit replaces a document's chunks; a
removed file leaves the index; a broken edit keeps the last good version."""

from __future__ import annotations

from ingest.loaders import file_hash

from ..conftest import FIXTURES
from .conftest import Indexed

ALL_FIXTURE_IDS = ["deferral-guidance", "news-brief", "union-advice"]


def texts_of(chunks, doc_id: str) -> str:
    return "\n".join(c.text for c in chunks if c.doc_id == doc_id)


def assert_consistent(ix: Indexed) -> None:
    """The collection holds exactly the manifest's chunks: nothing left over, nothing missing."""
    manifest = ix.manifest()
    active = ix.active()
    assert ix.store.count_all() == manifest.total_chunks == len(active)
    for doc_id, entry in manifest.docs.items():
        mine = [c for c in active if c.doc_id == doc_id]
        assert len(mine) == entry.chunks
        assert {c.doc_version for c in mine} == {entry.version}


def test_reingest_of_the_shipped_corpus_writes_nothing(shipped, ingest_now):
    before = shipped.manifest()
    count = shipped.store.count_all()
    report = ingest_now(shipped.settings)
    assert report.chunks_written == 0
    assert report.tokens_embedded == 0
    assert sorted(report.unchanged) == sorted(before.docs)
    assert report.added == report.updated == report.removed == report.skipped == []
    assert report.garbage_collected == 0
    assert report.exit_code == 0
    assert shipped.store.count_all() == count
    after = shipped.manifest()
    assert after.to_json() == before.to_json()  # not even rewritten (same updated_at)


def test_first_ingest_of_the_fixture_corpus(tmp_settings, ingest_now):
    report = ingest_now(tmp_settings)
    assert sorted(report.added) == ALL_FIXTURE_IDS
    assert report.skipped == []
    ix = Indexed(tmp_settings, report)
    assert_consistent(ix)
    active = ix.active()
    # Generic cleaning on documents that are not the shipped ones.
    assert "Back to top" not in texts_of(active, "union-advice")
    assert "Unrelated teaser" not in texts_of(active, "news-brief")
    assert "gather feedback from leaders" in texts_of(active, "news-brief")


def test_edit_replaces_the_old_chunks(tmp_settings, corpus, ingest_now):
    ingest_now(tmp_settings)
    ix = Indexed(tmp_settings, None)
    old_entry = ix.manifest().docs["deferral-guidance"]
    count_before = ix.store.count_all()

    path = corpus / "deferral-guidance.md"
    old_sentence = "Requests made after 4.30 pm on the day of notification are not normally considered."
    new_sentence = "Requests made after noon on the day of notification are refused without exception."
    path.write_text(path.read_text().replace(old_sentence, new_sentence))

    report = ingest_now(tmp_settings)
    assert report.updated == ["deferral-guidance"]
    assert sorted(report.unchanged) == ["news-brief", "union-advice"]
    assert report.added == report.removed == report.skipped == []
    assert report.chunks_written == report.chunks_total - sum(
        e.chunks for k, e in ix.manifest().docs.items() if k != "deferral-guidance"
    )
    assert report.garbage_collected == old_entry.chunks

    entry = ix.manifest().docs["deferral-guidance"]
    assert entry.version == file_hash(path) != old_entry.version
    everything = "\n".join(ix.all_documents())
    assert old_sentence not in everything  # gone from the collection, not just hidden
    assert new_sentence in texts_of(ix.active(), "deferral-guidance")
    assert_consistent(ix)
    assert ix.store.count_all() == count_before - old_entry.chunks + entry.chunks


def test_removed_document_leaves_the_index(tmp_settings, corpus, ingest_now):
    ingest_now(tmp_settings)
    ix = Indexed(tmp_settings, None)
    assert ix.store.collection.get(where={"doc_id": "news-brief"}, include=[])["ids"]

    (corpus / "news-brief.md").unlink()
    report = ingest_now(tmp_settings)
    assert report.removed == ["news-brief"]
    assert report.chunks_written == 0
    assert report.exit_code == 0
    manifest = ix.manifest()
    assert "news-brief" not in manifest.docs
    assert sorted(manifest.docs) == ["deferral-guidance", "union-advice"]
    assert ix.store.collection.get(where={"doc_id": "news-brief"}, include=[])["ids"] == []
    assert_consistent(ix)


def test_broken_edit_keeps_the_previous_version(tmp_settings, corpus, ingest_now):
    ingest_now(tmp_settings)
    ix = Indexed(tmp_settings, None)
    good = ix.manifest()
    good_text = texts_of(ix.active(), "union-advice")

    path = corpus / "union-advice.md"
    body = path.read_text().split("---\n", 2)[2]
    path.write_text("---\ntitle: [unclosed\nauthority: union: nested: wrong\n---\n" + body + "\nA new paragraph.\n")

    report = ingest_now(tmp_settings)
    assert [s.path for s in report.skipped] == ["union-advice.md"]
    reason = report.skipped[0].reason
    assert "front-matter" in reason and "YAML" in reason
    assert report.exit_code == 2
    assert any("union-advice.md" in w and "kept the previously indexed version" in w for w in report.warnings)
    assert report.removed == [] and report.chunks_written == 0

    manifest = ix.manifest()
    assert manifest.docs["union-advice"].version == good.docs["union-advice"].version
    assert texts_of(ix.active(), "union-advice") == good_text
    assert_consistent(ix)

    # Once the front-matter is fixed, the edited version replaces the kept one.
    fixed = (FIXTURES / "corpus" / "union-advice.md").read_text() + "\nA new paragraph about planning time.\n"
    path.write_text(fixed)
    report = ingest_now(tmp_settings)
    assert report.updated == ["union-advice"] and report.skipped == []
    assert "A new paragraph about planning time." in texts_of(ix.active(), "union-advice")
    assert_consistent(ix)


DUPLICATE = "Inspectors will visit the school for two days.\n\nLeaders should prepare a short summary of the school's context.\n"


def test_removing_one_of_two_identical_files(tmp_path, settings_factory, ingest_now):
    """Two files with the same bytes (a document saved twice) are two documents with the same version."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "visit-notes.txt").write_text(DUPLICATE)
    (corpus / "visit-notes-copy.txt").write_text(DUPLICATE)
    settings = settings_factory(corpus, tmp_path / "index")
    report = ingest_now(settings)
    assert sorted(report.added) == ["visit-notes", "visit-notes-copy"]

    (corpus / "visit-notes-copy.txt").unlink()
    report = ingest_now(settings)
    assert report.removed == ["visit-notes-copy"]
    ix = Indexed(settings, report)
    assert [c.doc_id for c in ix.active()] == ["visit-notes"]
    assert ix.store.collection.get(where={"doc_id": "visit-notes-copy"}, include=[])["ids"] == []
    assert_consistent(ix)


def test_editing_one_of_two_identical_files(tmp_path, settings_factory, ingest_now):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "visit-notes.txt").write_text(DUPLICATE)
    (corpus / "visit-notes-copy.txt").write_text(DUPLICATE)
    settings = settings_factory(corpus, tmp_path / "index")
    ingest_now(settings)

    (corpus / "visit-notes.txt").write_text(DUPLICATE.replace("two days", "three days"))
    report = ingest_now(settings)
    assert report.updated == ["visit-notes"]
    ix = Indexed(settings, report)
    assert "two days" not in texts_of(ix.active(), "visit-notes")
    assert "three days" in texts_of(ix.active(), "visit-notes")
    assert "two days" in texts_of(ix.active(), "visit-notes-copy")
    assert_consistent(ix)
