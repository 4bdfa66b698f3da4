"""Files as they turn up in a real folder, each made here: a paginated PDF, a truncated PDF, a Windows-1252 text
file, binary junk named .txt, an empty file, unsupported types, and a corpus folder that is not there.
One bad file never stops the others from being ingested, and each skip says why."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest
from fpdf import FPDF

from ingest.chunking import _page_at, chunk_document
from ingest.pipeline import prepare_document
from ofsted_assistant.embedding import TokenCounter
from ofsted_assistant.errors import CorpusMissing
from ofsted_assistant.settings import Settings
from ofsted_assistant.store import IndexStore

from ..conftest import FIXTURES
from .conftest import Indexed

PAGE_ONE = [
    "School inspection handbook for test schools",
    "This handbook describes how inspectors plan a graded inspection.",
]
PAGE_TWO = [
    "Inspectors telephone the school on the working day before the inspection starts.",
    "The lead inspector agrees a timetable for the two days with the headteacher.",
]
CP1252_TEXT = (
    b"Governors\x92 budget report\r\n\r\n"
    b"The school\x92s budget for inspection preparation is \xa3250 this year.\r\n\r\n"
    b"Leaders must not spend money on mock inspections \x96 it is not required.\r\n"
)


def build_pdf(path: Path, pages: list[list[str]], title: str = "Test handbook") -> Path:
    pdf = FPDF()
    pdf.set_title(title)
    pdf.set_font("Helvetica", size=11)
    for paragraphs in pages:
        pdf.add_page()
        for para in paragraphs:
            pdf.multi_cell(0, 6, para)
            pdf.ln(4)
    pdf.output(str(path))
    return path


def build_bad_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True)
    shutil.copy(FIXTURES / "corpus" / "deferral-guidance.md", folder)
    build_pdf(folder / "handbook.pdf", [PAGE_ONE, PAGE_TWO])
    (folder / "handbook.pdf.meta.yaml").write_text(
        "id: test-handbook\ntitle: School inspection handbook for test schools\npublisher: Ofsted\n"
        "authority: official\ndate: 2024-01-19\n"
    )
    # A real, longer PDF cut to its first 40%: as a browser leaves an interrupted download.
    long_pages = [[f"Section {p}.{i}. Leaders make sure the curriculum is ambitious for all pupils. " * 6 for i in range(5)] for p in range(8)]
    full = build_pdf(folder.parent / "complete.pdf", long_pages).read_bytes()
    (folder / "truncated.pdf").write_bytes(full[: int(len(full) * 0.4)])
    (folder / "governors.txt").write_bytes(CP1252_TEXT)
    junk = bytearray(random.Random(1234).randbytes(4096))
    junk[100:108] = b"\x00" * 8
    (folder / "scan.txt").write_bytes(bytes(junk))
    (folder / "empty.md").write_bytes(b"")
    (folder / "minutes.docx").write_bytes(b"PK\x03\x04 a zipped Word document")
    (folder / "export.xyz").write_text("some text in an unknown format")
    return folder


@pytest.fixture(scope="module")
def bad(tmp_path_factory, settings_factory, ingest_now):
    root = tmp_path_factory.mktemp("bad-input")
    corpus = build_bad_corpus(root / "corpus")
    settings = settings_factory(corpus)
    return Indexed(settings, ingest_now(settings))


def skipped(bad) -> dict[str, str]:
    return {s.path: s.reason for s in bad.report.skipped}


def chunks_of(bad, doc_id):
    return [c for c in bad.active() if c.doc_id == doc_id]


def test_good_files_are_ingested_and_bad_ones_reported(bad):
    assert sorted(bad.report.added) == ["deferral-guidance", "governors", "test-handbook"]
    assert sorted(skipped(bad)) == ["empty.md", "export.xyz", "minutes.docx", "scan.txt", "truncated.pdf"]
    assert bad.report.exit_code == 2
    assert sorted(bad.manifest().docs) == ["deferral-guidance", "governors", "test-handbook"]
    assert bad.store.count_all() == bad.manifest().total_chunks


def test_pdf_pages_are_recorded(bad):
    chunks = chunks_of(bad, "test-handbook")
    meta = chunks[0].meta
    assert (meta.authority, meta.date, meta.publisher) == ("official", "2024-01-19", "Ofsted")
    on_page_two = [c for c in chunks if "telephone the school on the working day before" in c.text]
    assert len(on_page_two) == 1
    (c,) = on_page_two
    assert c.page == 2
    assert c.locator and "page 2" in c.locator
    assert "describes how inspectors plan" not in c.text  # page 1's text is not cited as page 2 (nor vice versa)
    (first,) = [c for c in chunks if "describes how inspectors plan" in c.text]
    assert first.page == 1 and "page 1" in first.locator


def test_truncated_pdf_is_skipped_with_the_damage_named(bad):
    reason = skipped(bad)["truncated.pdf"]
    assert "damaged or truncated" in reason
    assert not [c for c in bad.active() if c.meta.source_path == "truncated.pdf"]


def test_cp1252_text_is_decoded_not_dropped(bad):
    text = "\n".join(c.text for c in chunks_of(bad, "governors"))
    assert "The school’s budget for inspection preparation is £250 this year." in text
    assert "Governors’ budget report" in text
    assert "mock inspections – it is not required" in text
    assert "\ufffd" not in text
    assert any("governors.txt" in w and "cp1252" in w for w in bad.report.warnings)


def test_binary_file_named_txt_is_skipped(bad):
    assert "binary" in skipped(bad)["scan.txt"]


def test_empty_file_is_skipped(bad):
    assert "empty" in skipped(bad)["empty.md"]


@pytest.mark.parametrize("name", ["minutes.docx", "export.xyz"])
def test_unknown_types_are_skipped(bad, name):
    reason = skipped(bad)[name]
    assert "unsupported" in reason
    assert Path(name).suffix in reason


def test_cli_exit_code_2_names_the_skipped_file(tmp_path, settings_factory, ingest_now, cli):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(FIXTURES / "corpus" / "union-advice.md", corpus)
    settings = settings_factory(corpus, tmp_path / "index")
    ingest_now(settings)  # in-process first, so the CLI run below has no model to load
    full = build_pdf(tmp_path / "complete.pdf", [[f"Paragraph {i} of a long guidance document. " * 10] for i in range(6)]).read_bytes()
    (corpus / "guidance-download.pdf").write_bytes(full[: int(len(full) * 0.4)])

    result = cli.run(settings, "ingest", "--quiet")
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    skipped_lines = [line for line in result.stdout.splitlines() if "skipped" in line and "guidance-download.pdf" in line]
    assert len(skipped_lines) == 1 and "damaged or truncated" in skipped_lines[0]
    assert sorted(IndexStore(settings).read_manifest().docs) == ["union-advice"]


def test_missing_corpus_folder_is_a_one_line_error(tmp_path, settings_factory, cli):
    missing = tmp_path / "no-such-folder"
    settings = settings_factory(missing, tmp_path / "index")
    result = cli.run(settings, "ingest", "--quiet")
    assert result.returncode == CorpusMissing.exit_code
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Error:") and str(missing) in lines[0] and "does not exist" in lines[0]
    assert not missing.exists()


def test_no_chunk_spans_a_page_break(tmp_path):
    """A title page, a date page and short pages: each chunk's page is the page all of its text is on."""
    path = build_pdf(
        tmp_path / "handbook.pdf",
        [["School inspection handbook"], ["January 2024"], PAGE_ONE[1:], PAGE_TWO, ["Annex", "Inspectors record evidence."]],
    )
    (tmp_path / "handbook.pdf.meta.yaml").write_text("title: School inspection handbook\nauthority: official\n")
    doc = prepare_document(path, [])
    assert [n for _, n in doc.pages] == [1, 2, 3, 4, 5]
    chunks = chunk_document(doc, TokenCounter(Settings()))
    for c in chunks:
        assert c.text == doc.text[c.start : c.end]
        assert _page_at(doc.pages, c.start) == _page_at(doc.pages, c.end - 1) == c.page, (c.page, c.text)
        assert c.locator.startswith(f"page {c.page}")
    assert {c.page for c in chunks} == {1, 2, 3, 4, 5}  # nothing dropped: every page's text is in a chunk
    (c,) = [c for c in chunks if "telephone the school" in c.text]
    assert c.page == 4
