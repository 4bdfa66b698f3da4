"""Case files: the schema is checked with messages that name the case and the field."""

from __future__ import annotations

import textwrap

import pytest

from ofsted_assistant.evaluation import CASES_DIR, DEFAULT_CASE_FILES, CaseFileError, load_cases
from ofsted_assistant.settings import PROJECT_ROOT

GOOD = """\
- id: dev-a
  question: "Can I bring a colleague?"
  history: []
  category: direct_fact
  must_refuse: false
  facts: [["appropriate person"]]
  evidence:
    - doc_id: tt-handbook-updates-jan-2024
      passage: "All staff members can have an appropriate person present"
"""


def write(tmp_path, text, name="dev.yaml"):
    p = tmp_path / name
    p.write_text(textwrap.dedent(text), encoding="utf-8")
    return p


def test_shipped_case_files_are_valid():
    cases = load_cases(DEFAULT_CASE_FILES)
    assert {c.split for c in cases} == {"dev", "heldout"}
    assert len({c.id for c in cases}) == len(cases)


@pytest.mark.parametrize(("name", "split"), [("heldout-fresh.yaml", "heldout")] +
                         [(p.name, "dev") for p in sorted(CASES_DIR.glob("dev-blind*.yaml"))])
def test_extra_case_files_are_valid_and_their_evidence_is_verbatim(name, split):
    """The second held-back set (`make eval-fresh`) and the blind-written dev sets (`make eval-blind`) are
    run on their own; their ids must not clash with the default files', and each evidence passage is copied
    exactly from the document (a reviewer can find it)."""
    fresh = load_cases([CASES_DIR / name])
    assert len(fresh) >= 20 and {c.split for c in fresh} == {split}
    load_cases([*DEFAULT_CASE_FILES, CASES_DIR / name])  # raises on a shared id
    for case in fresh:
        for e in case.evidence:
            # (a no-break space is a space: the cleaning reads it so, and a reviewer's search sees none)
            text = (PROJECT_ROOT / "corpus" / f"{e.doc_id}.md").read_text(encoding="utf-8").replace("\u00a0", " ")
            assert e.passage.replace("\u00a0", " ") in text, (case.id, e.passage)
        if case.answerable:
            cited = " ".join((PROJECT_ROOT / "corpus" / f"{e.doc_id}.md").read_text(encoding="utf-8").lower()
                             for e in case.evidence)
            assert all(any(alt in cited for alt in fact) for fact in case.facts), case.id


def test_good_file_loads(tmp_path):
    (case,) = load_cases([write(tmp_path, GOOD)])
    assert case.id == "dev-a" and case.split == "dev" and case.answerable
    assert case.evidence[0].doc_id == "tt-handbook-updates-jan-2024"


def test_unknown_category(tmp_path):
    with pytest.raises(CaseFileError, match=r"dev-a: unknown category 'trivia'"):
        load_cases([write(tmp_path, GOOD.replace("direct_fact", "trivia"))])


def test_missing_fields(tmp_path):
    text = GOOD.replace('  question: "Can I bring a colleague?"\n', "").replace("  must_refuse: false\n", "")
    with pytest.raises(CaseFileError, match=r"dev-a: missing field\(s\): question, must_refuse"):
        load_cases([write(tmp_path, text)])


def test_duplicate_ids_across_files(tmp_path):
    a = write(tmp_path, GOOD, "dev.yaml")
    b = write(tmp_path, GOOD, "dev-more.yaml")
    with pytest.raises(CaseFileError, match=r"duplicate case id 'dev-a' \(in dev.yaml and dev-more.yaml\)"):
        load_cases([a, b])


def test_must_refuse_must_agree_with_category(tmp_path):
    with pytest.raises(CaseFileError, match="must_refuse is true but category direct_fact"):
        load_cases([write(tmp_path, GOOD.replace("must_refuse: false", "must_refuse: true").replace('[["appropriate person"]]', "[]"))])


def test_answerable_case_needs_facts_and_lowercase(tmp_path):
    with pytest.raises(CaseFileError, match="at least one fact"):
        load_cases([write(tmp_path, GOOD.replace('[["appropriate person"]]', "[]"))])
    with pytest.raises(CaseFileError, match="lower case"):
        load_cases([write(tmp_path, GOOD.replace("appropriate person", "Appropriate Person"))])


def test_unknown_field_and_bad_history(tmp_path):
    text = GOOD.replace("  history: []\n", "  history: [{role: robot, content: hi}]\n  colour: blue\n")
    with pytest.raises(CaseFileError) as exc:
        load_cases([write(tmp_path, text)])
    assert "unknown field(s): colour" in exc.value.message
    assert "history must be a list of {role: user|assistant" in exc.value.message


def test_split_from_file_name_or_field(tmp_path):
    (ho,) = load_cases([write(tmp_path, GOOD.replace("dev-a", "case-1"), "heldout.yaml")])
    assert ho.split == "heldout"
    with pytest.raises(CaseFileError, match="cannot tell its split"):
        load_cases([write(tmp_path, GOOD.replace("dev-a", "case-1"), "misc.yaml")])
    (explicit,) = load_cases([write(tmp_path, GOOD.replace("dev-a", "case-1") + "  split: heldout\n", "misc.yaml")])
    assert explicit.split == "heldout"


def test_not_a_list_and_missing_file(tmp_path):
    with pytest.raises(CaseFileError, match="must be a YAML list"):
        load_cases([write(tmp_path, "id: x\n")])
    with pytest.raises(CaseFileError, match="no such case file"):
        load_cases([tmp_path / "nope.yaml"])
