"""Unit tests of the app's escaping and card markup (no Streamlit, no models)."""

from __future__ import annotations

import re

import pytest

from ofsted_assistant.render import (
    citation_card_html,
    html_text,
    md_escape,
    md_unescape,
    safe_url,
    sources_html,
    stream_pieces,
)

HOSTILE = [
    "<script>alert(1)</script>",
    '<img src="http://127.0.0.1:9/x.png">',
    "![x](http://127.0.0.1:9/y.png)",
    "[link](javascript:alert(1))",
    "<http://127.0.0.1:9/auto>",
    "http://127.0.0.1:9/bare and www.example.com and someone@example.com",
    "$E=mc^2$ and :red[coloured] and :material/home: and `code` and **bold** and _it_",
    "# heading\n1. list\n- item\n> quote\n| a | b |",
    "&lt;script&gt; \\[escaped\\]",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_md_escape_round_trips_and_leaves_no_markup(text):
    escaped = md_escape(text)
    assert md_unescape(escaped) == text
    unescaped_specials = re.findall(r"(?<!\\)[<>\[\]()!`*_$:&#|~]", re.sub(r"\\\\", "", escaped))
    assert unescaped_specials == []
    assert "![" not in escaped and not re.search(r"(?<!\\)<", escaped)
    assert "www.example" not in escaped and "http://" not in escaped


def test_md_escape_keeps_ordinary_prose_readable():
    s = "Yes - staff can have an appropriate person present (paragraph 118). They don't need to ask."
    e = md_escape(s)
    assert "appropriate person present" in e and "They don't need to ask." in e
    assert md_escape("1. first") == "1\\. first"
    assert md_escape("") == ""


@pytest.mark.parametrize("text", HOSTILE)
def test_html_text_has_no_tags_links_or_blank_lines(text):
    out = html_text(text + "\n\nnext paragraph\n")
    assert "<" not in out.replace("<br>", "")
    assert "[" not in out and "]" not in out and "$" not in out and "`" not in out
    assert "\n" not in out


def test_safe_url_only_allows_http_links():
    assert safe_url("https://www.gov.uk/x") == "https://www.gov.uk/x"
    assert safe_url("http://example.com/a?b=1") == "http://example.com/a?b=1"
    for bad in ("javascript:alert(1)", "data:text/html,<b>x</b>", "file:///etc/passwd", "//evil", "", None, "https://a b"):
        assert safe_url(bad) is None


def _citation(**kw):
    c = {
        "n": 1, "doc_id": "d", "title": "T", "publisher": "P", "authority": "official", "authority_label": "Official Ofsted",
        "date": "2024-01-19", "date_note": None, "url": None, "locator": "paragraph 118", "heading": "H",
        "quote": "First sentence. Second <b>sentence</b>.\n\nThird.", "highlights": [[16, 39]],
    }
    c.update(kw)
    return c


def test_card_shows_badge_date_locator_highlight_and_link():
    html = citation_card_html(_citation(url="https://www.gov.uk/guidance"))
    assert "Official Ofsted" in html and "19 January 2024" in html and "paragraph 118" in html
    assert "<mark>Second &lt;b&gt;sentence&lt;/b&gt;.</mark>" in html
    assert '<a href="https://www.gov.uk/guidance" target="_blank" rel="noopener noreferrer nofollow">' in html
    assert "\n" not in html


def test_card_falls_back_to_heading_date_note_and_undated():
    html = citation_card_html(_citation(locator=None, date=None, date_note="inferred from the article", heading="Pauses"))
    assert "section: <span class=\"oa-loc\">Pauses</span>" in html and "inferred from the article" in html
    html = citation_card_html(_citation(date=None, date_note=None))
    assert "undated" in html


def test_badges_differ_by_authority_and_perspectives_are_flagged():
    cits = [_citation(n=1, authority="official"), _citation(n=2, authority="commentary", authority_label="Commentary"),
            _citation(n=3, authority="union", authority_label="Union guidance"), _citation(n=4, authority="news", authority_label="News")]
    html = sources_html(cits, perspectives=True)
    colours = re.findall(r'oa-badge-\w+" style="background:(#[0-9a-f]{6})', html)
    assert len(colours) == 4 and len(set(colours)) == 4
    assert "different perspectives" in html
    assert "different perspectives" not in sources_html(cits[:1], perspectives=False)


def test_stream_pieces_rebuild_the_text_and_split_only_at_whitespace():
    text = md_escape("Yes - staff can have an appropriate person present (paragraph 118). [1]")
    pieces = list(stream_pieces(text))
    assert "".join(pieces) == text and len(pieces) > 3
    assert not any(p.endswith("\\") for p in pieces)
