"""Cleaning: page furniture is not the document's content.

Generic rules apply to every document (navigation, "Back to top", cookie banners, scraper prefixes,
repeated paragraphs). A document can add its own rules in its metadata:

```yaml
clean:
  drop_from: ["More from this theme"]   # a line equal to this starts furniture: it and all after it go
  drop_lines: ["Key Reading:.*"]        # regular expressions, each matching a whole line
```

Reader comments are dropped with the furniture that precedes them ("Your thoughts", "Leave a Reply"): they
are not the article's claims and must never be cited as such.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

#: A line equal to one of these (case-insensitive) starts trailing furniture: teasers, comments, footers.
GENERIC_DROP_FROM = (
    "more from this theme",
    "your thoughts",
    "leave a reply",
    "related articles",
    "related content",
    "explore the topic",
    "is this page useful?",
    "help us improve gov.uk",
)

#: Whole lines that are furniture wherever they appear.
GENERIC_DROP_LINES = (
    r"back to top",
    r"skip to main content",
    r"print this page",
    r"share this page",
    r"contents",
    r"cookies on gov\.uk.*",
    r"(accept|reject) (additional|analytics|all) cookies",
    r"we use (some essential )?cookies.*",
    r"view cookies",
    r"hide this message",
    r"report a problem with this page",
    r"your email address will not be published.*",
)

_SCRAPER_DATE_PREFIX = re.compile(r"\A\s*date \d{4}-\d{2}-\d{2}\s+")


@dataclass
class CleanResult:
    text: str
    removed: list[str] = field(default_factory=list)
    page_starts: list[tuple[int, int]] = field(default_factory=list)  # (offset, page number) for PDFs


def clean_document(text: str, rules: dict | None = None, pages: list[str] | None = None) -> CleanResult:
    rules = rules or {}
    drop_from = [s.strip().lower() for s in rules.get("drop_from", [])] + list(GENERIC_DROP_FROM)
    line_patterns = [re.compile(p, re.I) for p in (*GENERIC_DROP_LINES, *rules.get("drop_lines", []))]
    removed: list[str] = []

    if not pages:
        cleaned, cut = _clean_text(text, drop_from, line_patterns, removed)
        return CleanResult(cleaned, removed)

    # PDFs: clean page by page so page numbers stay exact; furniture that starts on a page ends the document.
    out: list[str] = []
    starts: list[tuple[int, int]] = []
    offset = 0
    for number, page_text in enumerate(pages, start=1):
        cleaned, cut = _clean_text(page_text, drop_from, line_patterns, removed)
        if cleaned:
            if out:
                offset += 2
            starts.append((offset, number))
            out.append(cleaned)
            offset += len(cleaned)
        if cut:
            break
    return CleanResult("\n\n".join(out), removed, starts)


def _clean_text(text: str, drop_from: list[str], patterns: list[re.Pattern], removed: list[str]) -> tuple[str, bool]:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ").replace("\ufeff", "")
    text = _SCRAPER_DATE_PREFIX.sub("", text)
    lines = [line.rstrip() for line in text.split("\n")]
    kept: list[str] = []
    cut = False
    for i, line in enumerate(lines):
        bare = line.strip()
        if bare.lower() in drop_from:
            tail = [ln for ln in lines[i:] if ln.strip()]
            removed.append(f"furniture from {bare!r}: {len(tail)} lines")
            cut = True
            break
        if bare and any(p.fullmatch(bare) for p in patterns):
            removed.append(f"line {bare[:60]!r}")
            continue
        kept.append(line if bare else "")
    # Paragraphs: blank-line separated; drop a paragraph identical to the one before it (repeated standfirsts).
    paragraphs = re.split(r"\n\s*\n", "\n".join(kept))
    out: list[str] = []
    for para in paragraphs:
        para = para.strip("\n")
        if not para.strip():
            continue
        if out and _norm(out[-1]) == _norm(para):
            removed.append(f"repeated paragraph {para.strip()[:60]!r}")
            continue
        out.append(para)
    return "\n\n".join(out).strip(), cut


def _norm(s: str) -> str:
    return " ".join(s.split()).lower()
