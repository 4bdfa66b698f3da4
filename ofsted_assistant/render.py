"""Safe rendering for the Streamlit app (pure functions, no Streamlit import).

Everything shown comes from documents or from users, so it is shown as text:

- `md_escape` makes a string inert in Streamlit markdown: every character that starts markdown, HTML,
  maths (`$`), Streamlit directives (`:red[...]`, `:material/...:`) or an autolink is backslash-escaped,
  so `![x](http://...)`, `[a](b)`, `<img ...>`, `<script>`, `www.x.y` and `a@b.c` render as the literal text
  and fetch nothing.
- `html_text` escapes for the card markup (shown with unsafe_allow_html): HTML-escaped, and the markdown
  characters that could still matter turned into character references.
- `citation_card_html` builds one source card; links are only made for http(s) URLs.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from urllib.parse import urlparse

from .settings import AUTHORITY_LABELS
from .text import format_date as text_format_date

# Characters escaped everywhere. Sentence punctuation (. , ; ? ' " /) is left alone except where it could
# start a construct (see md_escape).
_MD_SPECIAL = set("\\`*_{}[]()<>#+-!|~$:&@^=")


def md_escape(text: str) -> str:
    """Backslash-escape markdown so the text renders literally (no links, images, HTML, maths, lists)."""
    if not text:
        return ""
    out = []
    for i, ch in enumerate(text):
        if ch in _MD_SPECIAL:
            out.append("\\" + ch)
        elif ch == "." and i + 1 < len(text) and not text[i + 1].isspace():
            # "www.example.com", "1.5": a dot inside a word could complete an autolink
            out.append("\\.")
        else:
            out.append(ch)
    escaped = "".join(out)
    # "1. text" at the start of a line would be an ordered list ("1\. text" is not); ")" is already escaped.
    escaped = re.sub(r"(?m)^(\s*\d+)\.", r"\1\\.", escaped)
    return escaped


def md_unescape(text: str) -> str:
    """The visible text of a string made by md_escape (for tests and logs-free comparisons)."""
    return re.sub(r"\\(.)", r"\1", text, flags=re.S)


def html_text(text: str | None) -> str:
    """Escape text for card HTML: no tags, no entities, nothing markdown could turn into a link or maths."""
    if not text:
        return ""
    s = html.escape(text, quote=True)
    s = s.replace("[", "&#91;").replace("]", "&#93;").replace("$", "&#36;").replace("\\", "&#92;")
    s = s.replace("`", "&#96;").replace("*", "&#42;").replace("_", "&#95;").replace(":", "&#58;")
    # The card must be one HTML block (a blank line would end it and hand the rest to markdown).
    s = s.replace("\r\n", "\n").replace("\r", "\n")
    s = re.sub(r"\n{2,}", "<br><br>", s)
    return s.replace("\n", "<br>")


def correction_note(corrections: dict[str, str]) -> str:
    """"Searched for "colleague" (you typed "collegue")": shown above an answer whose question had typos."""
    pairs = ", ".join(f"\u201c{used}\u201d (you typed \u201c{typed}\u201d)" for typed, used in corrections.items())
    return f"Searched for {pairs}."


def stream_pieces(text: str, words_per_piece: int = 3) -> Iterator[str]:
    """Split (already escaped) text into small pieces at whitespace, for st.write_stream."""
    tokens = re.findall(r"\S+\s*|\s+", text)
    for i in range(0, len(tokens), words_per_piece):
        yield "".join(tokens[i : i + words_per_piece])


def safe_url(url: str | None) -> str | None:
    """The URL if it is a plain http(s) link, else None (no javascript:, data:, file: ...)."""
    if not url:
        return None
    u = url.strip()
    try:
        parsed = urlparse(u)
    except ValueError:
        return None
    if parsed.scheme.lower() not in ("http", "https") or not parsed.netloc:
        return None
    if any(c.isspace() or ord(c) < 32 for c in u):
        return None
    return u


def format_date(iso: str | None) -> str | None:
    if not iso:
        return None
    try:
        return text_format_date(iso)
    except ValueError:
        return iso


AUTHORITY_COLOURS = {
    # (badge background, badge text, card accent)
    "official": ("#0b6e4f", "#ffffff", "#0b6e4f"),
    "commentary": ("#6d28d9", "#ffffff", "#6d28d9"),
    "union": ("#c2410c", "#ffffff", "#c2410c"),
    "news": ("#475569", "#ffffff", "#475569"),
}

CARD_CSS = """
<style>
.oa-card{border:1px solid rgba(128,128,128,.35);border-left:6px solid var(--oa-accent,#888);border-radius:8px;
 padding:.7rem .9rem;margin:.55rem 0;background:rgba(128,128,128,.06);line-height:1.45;overflow-wrap:anywhere}
.oa-head{margin-bottom:.25rem}
.oa-n{font-weight:700;font-family:ui-monospace,monospace;opacity:.85;margin-right:.45rem}
.oa-title{font-weight:650;margin-right:.45rem}
.oa-badge{display:inline-block;font-size:.72rem;font-weight:700;letter-spacing:.02em;padding:.12rem .5rem;
 border-radius:999px;white-space:nowrap;text-transform:uppercase;vertical-align:.1rem}
.oa-meta{font-size:.85rem;opacity:.85;margin-bottom:.4rem}
.oa-meta .oa-sep{opacity:.5;margin:0 .3rem}
.oa-loc{font-weight:600}
.oa-quote{margin:.2rem 0 .3rem 0;padding:.3rem .7rem;border-left:3px solid rgba(128,128,128,.45);font-size:.9rem;color:inherit;
 white-space:normal}
.oa-quote mark{background:#fde68a;color:#1f2937;padding:0 .1rem;border-radius:2px}
.oa-link{font-size:.82rem}
.oa-perspectives{border-radius:8px;padding:.5rem .8rem;margin:.4rem 0;background:rgba(217,119,6,.12);
 border:1px solid rgba(217,119,6,.45);font-size:.9rem}
.oa-sources-label{font-size:.8rem;font-weight:700;text-transform:uppercase;letter-spacing:.05em;opacity:.7;margin-top:.6rem}
</style>
"""


def badge_html(authority: str, label: str | None = None) -> str:
    bg, fg, _ = AUTHORITY_COLOURS.get(authority, ("#64748b", "#ffffff", "#64748b"))
    label = label or AUTHORITY_LABELS.get(authority, authority)
    return f'<span class="oa-badge oa-badge-{html_text(authority)}" style="background:{bg};color:{fg}">{html_text(label)}</span>'


def highlighted_quote_html(quote: str, highlights) -> str:
    """The passage, escaped, with the supporting sentences wrapped in <mark>."""
    spans = sorted((int(s), int(e)) for s, e in (highlights or []) if 0 <= int(s) < int(e) <= len(quote))
    parts: list[str] = []
    pos = 0
    for s, e in spans:
        if s < pos:  # overlapping spans: merge into the previous mark
            s = pos
            if s >= e:
                continue
        parts.append(html_text(quote[pos:s]))
        parts.append(f"<mark>{html_text(quote[s:e])}</mark>")
        pos = e
    parts.append(html_text(quote[pos:]))
    return "".join(parts)


def citation_card_html(c: dict) -> str:
    """One source card (citation as Citation.to_json()); a single line of HTML with every value escaped."""
    authority = str(c.get("authority") or "")
    _, _, accent = AUTHORITY_COLOURS.get(authority, ("", "", "#64748b"))
    when = format_date(c.get("date")) or c.get("date_note") or "undated"
    if c.get("locator"):
        where = f'<span class="oa-loc">{html_text(c["locator"])}</span>'
    elif c.get("heading"):
        where = f'section: <span class="oa-loc">{html_text(c["heading"])}</span>'
    else:
        where = ""
    sep = '<span class="oa-sep">&middot;</span>'
    meta = [html_text(c.get("publisher") or "unknown publisher"), html_text(when)]
    if where:
        meta.append(where)
    url = safe_url(c.get("url"))
    link = ""
    if url:
        link = (
            f'<div class="oa-link"><a href="{html.escape(url, quote=True)}" target="_blank" rel="noopener noreferrer nofollow">'
            f"{html_text(url)}</a></div>"
        )
    return (
        f'<div class="oa-card oa-card-{html_text(authority)}" style="--oa-accent:{accent}">'
        f'<div class="oa-head"><span class="oa-n">&#91;{int(c.get("n") or 0)}&#93;</span>'
        f'<span class="oa-title">{html_text(c.get("title") or "untitled")}</span>'
        f"{badge_html(authority, c.get('authority_label'))}</div>"
        f'<div class="oa-meta">{sep.join(meta)}</div>'
        f'<div class="oa-quote">{highlighted_quote_html(c.get("quote") or "", c.get("highlights"))}</div>'
        f"{link}</div>"
    )


def perspectives_html(citations: list[dict]) -> str:
    labels = []
    for c in citations:
        label = c.get("authority_label") or AUTHORITY_LABELS.get(c.get("authority", ""), "")
        if label and label not in labels:
            labels.append(label)
    kinds = " and ".join(html_text(x) for x in labels) if labels else "different kinds of source"
    return (
        '<div class="oa-perspectives"><strong>The sources give different perspectives.</strong> '
        f"These passages come from {kinds}, and they may not agree. Where they differ, the official Ofsted "
        "text (the current School inspection handbook on gov.uk) takes precedence.</div>"
    )


def sources_html(citations: list[dict], perspectives: bool) -> str:
    """All the cards of one answer as one block of HTML."""
    head = f'<div class="oa-sources-label">Sources ({len(citations)})</div>'
    body = "".join(citation_card_html(c) for c in citations)
    return head + (perspectives_html(citations) if perspectives else "") + body
