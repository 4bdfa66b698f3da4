"""Text from documents and from users is shown as text: a planted document with HTML, a script and markdown
images is cited, and a question carries the same; nothing reaches the page as live markup."""

from __future__ import annotations

import re

import pytest

from ofsted_assistant.render import md_escape, md_unescape

from .conftest import APP, PLANTED_QUESTION

pytestmark = pytest.mark.slow

HOSTILE_QUESTION = (
    'Does the quokka protocol apply? <img src="http://127.0.0.1:9/q.png"> ![q](http://127.0.0.1:9/q2.png) '
    "<script>alert(9)</script> [click](javascript:alert(8)) $x^2$ :red[red] www.example.com"
)


def all_values(node) -> list[tuple[str, str, bool]]:
    """(element type, text, HTML allowed) of every text-bearing element under `node` (at._tree: the page)."""
    out = []

    def walk(node):
        children = getattr(node, "children", None)
        if isinstance(children, dict):
            for child in children.values():
                walk(child)
            return
        kind = getattr(node, "type", "")
        if kind in ("markdown", "caption", "info", "warning", "error", "success", "title", "header", "subheader", "code", "text"):
            proto = getattr(node, "proto", None)
            out.append((kind, node.value, bool(getattr(proto, "allow_html", False))))

    walk(node)
    return out


@pytest.fixture
def planted_app(monkeypatch, planted_index, tmp_path):
    from streamlit.testing.v1 import AppTest

    for k, v in planted_index.env(tmp_path / "fb.sqlite3").items():
        monkeypatch.setenv(k, v)
    at = AppTest.from_file(str(APP), default_timeout=120).run()
    assert not at.exception
    return at


def test_planted_markup_is_shown_as_text(planted_app):
    at = planted_app
    at.chat_input[0].set_value(PLANTED_QUESTION).run()
    assert not at.exception
    at.chat_input[0].set_value(HOSTILE_QUESTION).run()
    assert not at.exception

    values = all_values(at._tree)
    html_blocks = [v for _, v, allow_html in values if allow_html]  # our cards, sidebar list and CSS
    markdown = [v for _, v, allow_html in values if not allow_html]
    assert any("oa-card" in v for v in html_blocks) and len(markdown) > 5

    # The cited sentence is in the answer (escaped) and in a card (HTML-escaped), with its markup inert.
    answer = next(v for v in markdown if "laminated quokka badge" in v)
    assert md_escape("<script>alert(1)</script>") in answer
    assert md_escape('<img src="http://127.0.0.1:9/x.png">') in answer
    assert md_escape("![x](http://127.0.0.1:9/y.png)") in answer
    assert "<script>alert(1)</script>" in md_unescape(answer)  # what a person reads: the literal text
    card = next(v for v in html_blocks if "laminated quokka badge" in v)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in card
    assert "&lt;img src=&quot;http&#58;//127.0.0.1&#58;9/x.png&quot;&gt;" in card
    assert "!&#91;x&#93;(http&#58;//127.0.0.1&#58;9/y.png)" in card
    # hostile title / publisher escaped; a javascript: URL is not made a link
    assert "Quokka visit protocol &lt;b&gt;bold&lt;/b&gt; &#91;link&#93;" in card
    assert "Planted Test Publisher &lt;script&gt;alert(2)&lt;/script&gt;" in card
    assert "javascript" not in card.lower() and "<a " not in card
    sidebar = " ".join(v for _, v, _html in all_values(at.sidebar))
    assert "Quokka visit protocol &lt;b&gt;bold&lt;/b&gt;" in sidebar

    # The question as the user typed it: shown literally.
    shown_question = next(v for v in markdown if "quokka protocol apply" in v)
    assert md_unescape(shown_question) == HOSTILE_QUESTION

    untrusted = [v for v in markdown if re.search(r"quokka|127\\?\.0|alert|example", v)]
    assert len(untrusted) >= 4  # answer, sources line, the hostile question, the answer to it
    for v in untrusted:
        # markdown showing document or user text: with every escape sequence removed, no markup is left
        bare = re.sub(r"\\.", "", v, flags=re.S)
        for construct in ("<", ">", "![", "](", "[", "$", "`", ":", "www.", "&"):
            assert construct not in bare, (construct, v)
    for v in html_blocks:
        # our own markup is the only HTML: every tag in it is one we write
        assert "<script" not in v and "<img" not in v.lower() and "![" not in v and "](" not in v
        if "<style>" not in v:
            assert "\n" not in v  # one HTML block: a blank line would hand the rest to markdown
        assert not ({t.lower() for t in _tags(v)} - ALLOWED_TAGS), _tags(v)


ALLOWED_TAGS = {"div", "span", "blockquote", "mark", "br", "ul", "li", "strong", "a", "style"}


def _tags(html: str) -> list[str]:
    return re.findall(r"</?([a-zA-Z][a-zA-Z0-9]*)", html)
