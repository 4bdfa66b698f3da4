"""Structure-aware chunking.

The cleaned text is split into blocks (blank-line separated): headings, paragraphs and lists. A list stays
with the sentence that introduces it. Blocks under one heading are packed into chunks up to a budget of
model tokens (heading path included, as that is embedded too); a chunk never crosses a heading, and a
paragraph is split (at sentence ends) only when it alone is over the budget. Every chunk's text is exactly
`document.text[start:end]`, so a citation can show and highlight the passage in its source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from ofsted_assistant.records import Chunk, Document
from ofsted_assistant.text import find_paragraph_refs, format_locator, split_sentences

_LIST_ITEM = re.compile(r"^\s*(?:\d{1,3}[.)]|[-*•–])\s+\S")
_NUMBERED_PARA = re.compile(r"^\s*(\d{1,3})\.?\s+[A-Z]")
_MD_HEADING = re.compile(r"^\s*(#{1,6})\s+(.+?)\s*#*\s*$")
_QUOTE_START = tuple("\"'“‘")


@dataclass
class Block:
    kind: str  # "heading" | "para" | "list"
    start: int
    end: int
    level: int = 1
    title: str = ""


def split_blocks(text: str) -> list[Block]:
    blocks: list[Block] = []
    for m in re.finditer(r"(?:[^\n]|\n(?![ \t]*\n))+", text):
        start, end = m.start(), m.end()
        body = m.group(0)
        # Trim surrounding whitespace but keep offsets exact.
        lead = len(body) - len(body.lstrip())
        trail = len(body) - len(body.rstrip())
        start, end = start + lead, end - trail
        if start >= end:
            continue
        blocks.append(Block("para", start, end))
    for i, b in enumerate(blocks):
        body = text[b.start : b.end]
        md = _MD_HEADING.match(body)
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        if md and "\n" not in body:
            b.kind, b.level, b.title = "heading", len(md.group(1)), md.group(2)
        elif _LIST_ITEM.match(body):
            b.kind = "list"
        elif nxt is not None and _looks_like_heading(body):
            b.kind, b.title = "heading", body.strip()
    return blocks


def _looks_like_heading(body: str) -> bool:
    if "\n" in body or body.startswith(_QUOTE_START):
        return False
    words = body.split()
    if not words:
        return False
    if body.endswith("?"):
        return len(words) <= 20
    if len(words) > 12 or body[-1] in ".!:;,)":
        return False
    return words[0][0].isupper() or words[0][0].isdigit()


def chunk_document(
    doc: Document,
    count_tokens: Callable[[str], int],
    max_tokens: int = 200,
    min_tokens: int = 40,
) -> list[Chunk]:
    text = doc.text
    blocks = split_blocks(text)
    title_norm = _norm(doc.meta.title)

    # Group into sections: (heading path, heading block or None, [content blocks]).
    sections: list[tuple[tuple[str, ...], Block | None, list[Block]]] = []
    path: list[tuple[int, str]] = []
    current: tuple[tuple[str, ...], Block | None, list[Block]] = ((), None, [])
    for b in blocks:
        if b.kind == "heading":
            if current[1] is not None or current[2]:
                sections.append(current)
            is_title = _norm(b.title) == title_norm
            path = [p for p in path if p[0] < b.level]
            if not is_title:
                path.append((b.level, b.title))
            current = (tuple(t for _, t in path), b, [])
        else:
            # A list continues the paragraph that introduces it ("... by:" / "... on:").
            if b.kind == "list" and current[2] and text[current[2][-1].start : current[2][-1].end].rstrip().endswith(":"):
                prev = current[2][-1]
                current[2][-1] = Block("list", prev.start, b.end)
            else:
                current[2].append(b)
    if current[1] is not None or current[2]:
        sections.append(current)

    spans: list[tuple[int, int, tuple[str, ...]]] = []
    carry: int | None = None  # start of a heading with no text of its own (a title): it opens the next chunk

    def same_page(a: int, b: int) -> bool:  # a chunk never spans a PDF page break: its page is its text's page
        return _page_at(doc.pages, a) == _page_at(doc.pages, b)

    for heading_path, heading, content in sections:
        prefix = " > ".join((doc.meta.title, *heading_path)) + "\n"
        budget = max_tokens
        units: list[tuple[int, int]] = []
        for b in content:
            units.extend(_fit(text, b, prefix, count_tokens, budget))
        if heading is not None and not units:
            carry = heading.start if carry is None else carry
            continue
        if heading is not None:
            units[0] = (heading.start, units[0][1])  # the heading opens its first chunk
        if carry is not None:
            units[0] = (carry, units[0][1])
            carry = None
        while not same_page(units[0][0], units[0][1] - 1):
            # Headings left on an earlier page (a title page, say) are a chunk of their own there.
            split = next(b.start for b in blocks if b.start > units[0][0] and not same_page(b.start, units[0][0]))
            spans.append((units[0][0], units[0][0] + len(text[units[0][0] : split].rstrip()), heading_path))
            units[0] = (split, units[0][1])
        # Pack consecutive units while they fit.
        cur: tuple[int, int] | None = None
        for u in units:
            if cur is None:
                cur = u
                continue
            merged = (cur[0], u[1])
            if same_page(cur[0], u[0]) and count_tokens(prefix + text[merged[0] : merged[1]]) <= budget:
                cur = merged
            else:
                spans.append((cur[0], cur[1], heading_path))
                cur = u
        if cur is not None:
            spans.append((cur[0], cur[1], heading_path))

    if carry is not None:  # headings at the very end
        spans.append((carry, blocks[-1].end, sections[-1][0]))
    # A tiny trailing chunk (e.g. a heading alone) joins the chunk before it when they share a section.
    merged_spans: list[tuple[int, int, tuple[str, ...]]] = []
    for s in spans:
        if merged_spans:
            p = merged_spans[-1]
            small = count_tokens(text[s[0] : s[1]]) < min_tokens // 2
            if small and p[2] == s[2] and same_page(p[0], s[0]):
                merged_spans[-1] = (p[0], s[1], p[2])
                continue
        merged_spans.append(s)

    chunks: list[Chunk] = []
    for ordinal, (start, end, heading_path) in enumerate(merged_spans):
        body = text[start:end]
        page = _page_at(doc.pages, start)
        refs = paragraph_refs(body, doc.numbered_paragraphs)
        locator = format_locator(refs, page)
        n_tokens = count_tokens(" > ".join((doc.meta.title, *heading_path)) + "\n" + body)
        chunks.append(
            Chunk(
                chunk_id=Chunk.make_id(doc.meta.doc_id, doc.content_hash, ordinal, body),
                doc_id=doc.meta.doc_id,
                doc_version=doc.content_hash,
                ordinal=ordinal,
                text=body,
                start=start,
                end=end,
                heading_path=heading_path,
                locator=locator,
                page=page,
                meta=doc.meta,
                n_tokens=n_tokens,
            )
        )
    return chunks


def _fit(text: str, b: Block, prefix: str, count_tokens, budget: int) -> list[tuple[int, int]]:
    """A block as one unit, or split into units that fit: list items first, then sentences."""
    body = text[b.start : b.end]
    if count_tokens(prefix + body) <= budget:
        return [(b.start, b.end)]
    pieces: list[tuple[int, int]] = []
    if b.kind == "list":
        for m in re.finditer(r"[^\n]+", body):
            pieces.append((b.start + m.start(), b.start + m.end()))
    else:
        for s, e in split_sentences(body):
            pieces.append((b.start + s, b.start + e))
    out: list[tuple[int, int]] = []
    cur: tuple[int, int] | None = None
    for p in pieces:
        if cur is None:
            cur = p
        elif count_tokens(prefix + text[cur[0] : p[1]]) <= budget:
            cur = (cur[0], p[1])
        else:
            out.append(cur)
            cur = p
    if cur is not None:
        out.append(cur)
    return out


def paragraph_refs(body: str, numbered_paragraphs: bool) -> list[int]:
    refs = find_paragraph_refs(body)
    if numbered_paragraphs:
        for line in body.split("\n"):
            m = _NUMBERED_PARA.match(line)
            if m and int(m.group(1)) not in refs:
                refs.append(int(m.group(1)))
    return refs


def _page_at(pages: list[tuple[int, int]], offset: int) -> int | None:
    page = None
    for start, number in pages:
        if start <= offset:
            page = number
        else:
            break
    return page


def _norm(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", s.lower()).strip()
