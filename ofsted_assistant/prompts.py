"""Prompt templates: files in `prompts/`, loaded and checked at start-up (never fetched at run time).

Each template declares exactly the placeholders it needs; a missing file, a missing placeholder or an
unknown one is a SetupError naming the file, so a broken edit fails at start, not mid-answer.
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from pathlib import Path

from .errors import SetupError

REQUIRED: dict[str, set[str]] = {
    "system.txt": {"cannot_answer"},
    "answer.txt": {"passages", "question"},
    "condense.txt": {"history", "question"},
    "passage.txt": {"n", "authority_label", "publisher", "date", "title", "locator", "text"},
}


@dataclass(frozen=True)
class Prompts:
    system: str
    answer: str
    condense: str
    passage: str


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def load_prompts(folder: str | Path) -> Prompts:
    folder = Path(folder)
    texts = {}
    for name, needed in REQUIRED.items():
        path = folder / name
        if not path.exists():
            raise SetupError(f"prompt template {path} is missing (set OFSTED_PROMPTS_DIR or restore it from git)")
        text = path.read_text(encoding="utf-8")
        try:
            found = placeholders(text)
        except ValueError as exc:
            raise SetupError(f"prompt template {path} is not a valid template: {exc}") from exc
        if found != needed:
            missing, extra = needed - found, found - needed
            raise SetupError(
                f"prompt template {path}: "
                + (f"missing {{{', '.join(sorted(missing))}}} " if missing else "")
                + (f"unknown {{{', '.join(sorted(extra))}}}" if extra else "")
            )
        texts[name.removesuffix(".txt")] = text
    return Prompts(**texts)
