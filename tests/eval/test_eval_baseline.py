"""The LangChain tutorial baseline reads the corpus as plain text: front-matter stripped, nothing cleaned."""

from __future__ import annotations

from ofsted_assistant.baseline import load_corpus_texts
from ofsted_assistant.settings import PROJECT_ROOT


def test_corpus_loaded_as_plain_text_with_front_matter_stripped():
    files = {f.doc_id: f for f in load_corpus_texts(PROJECT_ROOT / "corpus")}
    assert "schoolsweek-mission-creep" in files and "tt-handbook-updates-jan-2024" in files
    for f in files.values():
        assert not f.text.startswith("---") and "source_file:" not in f.text[:400]
        assert len(f.version) == 64
    # No cleaning: the teaser line the real pipeline removes is still there.
    assert "Ofsted will bring in changes to its complaints process next year" in files["schoolsweek-mission-creep"].text
