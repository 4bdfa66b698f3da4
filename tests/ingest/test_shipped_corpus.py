"""The shipped corpus/: every document ingests; chunks carry their source and point exactly into the cleaned
text; paragraph citations become locators; page furniture and reader comments are never indexed."""

from __future__ import annotations

import datetime as dt
import re

import pytest
import yaml

from ingest.pipeline import prepare_document
from ofsted_assistant.embedding import TokenCounter
from ofsted_assistant.settings import AUTHORITIES

from ..conftest import SHIPPED_CORPUS

SHIPPED_FILES = sorted(SHIPPED_CORPUS.glob("*.md"))
SHIPPED_IDS = sorted(p.stem for p in SHIPPED_FILES)  # each file's front-matter id is its file name


def front_matter(path) -> dict:
    text = path.read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---\n", 2)[1])


def by_doc(chunks) -> dict[str, list]:
    out: dict[str, list] = {}
    for c in chunks:
        out.setdefault(c.doc_id, []).append(c)
    return out


def test_all_five_documents_are_indexed(shipped):
    assert len(SHIPPED_FILES) == 5
    report = shipped.report
    assert report.skipped == []
    assert sorted(report.added) == SHIPPED_IDS
    assert report.documents == 5
    assert report.chunks_truncated == 0
    manifest = shipped.manifest()
    assert sorted(manifest.docs) == SHIPPED_IDS
    assert report.chunks_written == report.chunks_total == manifest.total_chunks
    assert shipped.store.count_all() == manifest.total_chunks
    chunks = by_doc(shipped.active())
    assert sorted(chunks) == SHIPPED_IDS
    for doc_id, entry in manifest.docs.items():
        assert len(chunks[doc_id]) == entry.chunks > 0
        assert [c.ordinal for c in chunks[doc_id]] == list(range(entry.chunks))


@pytest.mark.parametrize("path", SHIPPED_FILES, ids=lambda p: p.stem)
def test_chunks_carry_the_source_metadata(shipped, path):
    fm = front_matter(path)
    chunks = by_doc(shipped.active())[fm["id"]]
    entry = shipped.manifest().docs[fm["id"]]
    expected_date = str(fm["date"]) if fm.get("date") else None
    assert (entry.title, entry.authority, entry.date) == (fm["title"], fm["authority"], expected_date)
    for c in chunks:
        m = c.meta
        assert m.doc_id == c.doc_id == fm["id"]
        assert m.title == fm["title"]
        assert m.publisher == fm["publisher"]
        assert m.authority == fm["authority"] and m.authority in AUTHORITIES
        assert m.source_path == path.name
        if expected_date is None:
            assert m.date is None
            assert m.date_note == fm["date_note"]  # undated sources say so, and why
        else:
            assert m.date == expected_date
            dt.date.fromisoformat(m.date)


@pytest.mark.parametrize("path", SHIPPED_FILES, ids=lambda p: p.stem)
def test_chunk_text_is_exactly_a_slice_of_the_cleaned_document(shipped, path):
    doc = prepare_document(path, [])
    chunks = by_doc(shipped.active())[doc.meta.doc_id]
    assert chunks
    previous_end = 0
    for c in chunks:
        assert c.doc_version == doc.content_hash
        assert c.text.strip()
        assert c.text == doc.text[c.start : c.end]
        assert c.start >= previous_end  # in order, never overlapping
        previous_end = c.end


def _cited_paragraphs(text: str) -> set[int]:
    """Paragraph numbers a passage cites: "paragraph 94", "paragraphs 121 and 143", "paragraphs 89, 100, and 101"."""
    found: set[int] = set()
    for m in re.finditer(r"\bparagraphs?\s+(\d+(?:(?:,\s*and|,|\s+and)\s+\d+)*)", text, re.I):
        found.update(int(n) for n in re.findall(r"\d+", m.group(1)))
    return found


def _locator_paragraphs(locator: str | None) -> set[int]:
    if not locator:
        return set()
    return {int(n) for n in re.findall(r"\d+", re.sub(r"\bpage \d+", "", locator))}


def test_every_paragraph_citation_becomes_a_locator(shipped):
    cited_any = 0
    for c in shipped.active():
        cited = _cited_paragraphs(c.text)
        if cited:
            cited_any += 1
            assert c.locator and c.locator.startswith("paragraph"), (c.doc_id, c.ordinal, c.locator)
            assert cited <= _locator_paragraphs(c.locator), (c.doc_id, c.ordinal, c.locator)
        else:
            assert c.locator is None, (c.doc_id, c.ordinal, c.locator)
    assert cited_any >= 4  # the TT summary cites handbook paragraphs throughout


def test_handbook_summary_locators(shipped):
    tt = by_doc(shipped.active())["tt-handbook-updates-jan-2024"]
    (p118,) = [c for c in tt if "(paragraph 118)" in c.text]
    assert p118.locator.startswith("paragraph")
    assert 118 in _locator_paragraphs(p118.locator)
    # "paragraphs 89, 100, and 101" is parsed fully, not just its first number.
    (deferral,) = [c for c in tt if "paragraphs 89, 100, and 101" in c.text]
    assert deferral.locator == "paragraphs 89, 100 and 101"


FURNITURE = {
    "schoolsweek-mission-creep.md": [
        "More from this theme",
        "Employers lack skills",
        "Ruth Perry",
        "Sandy Cameron",
        "Leave a Reply",
        "Your thoughts",
    ],
    "neu-ofsted-actions-for-leaders.md": ["Back to top"],
    "tt-handbook-updates-jan-2024.md": ["Senior Mental Health Leaders National Network", "Key Reading:"],
}


@pytest.mark.parametrize(
    "source,phrase", [(s, p) for s, phrases in FURNITURE.items() for p in phrases], ids=lambda v: str(v)[:24]
)
def test_page_furniture_and_comments_are_in_no_chunk(shipped, source, phrase):
    assert phrase in (SHIPPED_CORPUS / source).read_text(encoding="utf-8")  # it is there to be removed
    leaks = [text for text in shipped.all_documents() if phrase.lower() in text.lower()]
    assert leaks == []


def test_article_text_around_the_furniture_is_kept(shipped):
    texts = "\n".join(c.text for c in shipped.active())
    # Last sentence of the Schools Week article, just before its teasers; last paragraph before the NEU footer.
    assert "focus the inspection with the lead inspector" in texts
    assert "impacting on your school" in texts
    assert "Mental health will now form a prominent feature" in texts


def test_no_chunk_exceeds_the_model_window(shipped):
    counter = TokenCounter(shipped.settings)
    window = shipped.settings.embedding.max_seq_length
    assert window == 256
    for c in shipped.active():
        n = counter(c.embed_text())  # what the model is given: title > headings, newline, text
        assert n == c.n_tokens
        assert n <= window, (c.doc_id, c.ordinal, n)
