"""Thumbs up/down feedback on answers, kept in a local SQLite file (`settings.feedback_path`).

Only what the user chooses to send is stored: the question, the answer, its citations (JSON), the corpus
version the answer came from, a UTC timestamp, the rating ("up"/"down") and an optional comment.

Pure functions (thread-safe: one lock per process around writes, one short-lived connection per call),
plus the `ofsted-assistant feedback` CLI group (`export` turns feedback into candidate eval cases in the
schema of eval/cases/dev.yaml, `list` shows what is stored).
"""

from __future__ import annotations

import datetime as _dt
import json
import re
import sqlite3
import sys
import threading
from contextlib import closing
from pathlib import Path

import click

RATINGS = ("up", "down")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS feedback (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at TEXT NOT NULL,
    rating TEXT NOT NULL CHECK (rating IN ('up', 'down')),
    comment TEXT NOT NULL DEFAULT '',
    question TEXT NOT NULL,
    answer TEXT NOT NULL,
    citations TEXT NOT NULL DEFAULT '[]',
    corpus_version TEXT NOT NULL DEFAULT '',
    answered INTEGER,
    mode TEXT NOT NULL DEFAULT ''
)
"""

_lock = threading.Lock()


def _connect(path: str | Path) -> sqlite3.Connection:
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(str(p), timeout=30)
    conn.row_factory = sqlite3.Row
    return conn


def init(path: str | Path) -> None:
    """Create the file (and its folder) and the table if needed. Safe to call repeatedly."""
    with _lock, closing(_connect(path)) as conn, conn:
        conn.execute(_SCHEMA)


def store(
    path: str | Path,
    *,
    question: str,
    answer: str,
    rating: str,
    citations: list[dict] | None = None,
    corpus_version: str = "",
    comment: str = "",
    answered: bool | None = None,
    mode: str = "",
    created_at: str | None = None,
) -> int:
    """Store one piece of feedback; returns its id. `rating` is "up" or "down"."""
    if rating not in RATINGS:
        raise ValueError(f"rating must be one of {RATINGS}, not {rating!r}")
    created_at = created_at or _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0).isoformat()
    row = (
        created_at,
        rating,
        (comment or "").strip(),
        question,
        answer,
        json.dumps(citations or [], ensure_ascii=False),
        corpus_version or "",
        None if answered is None else int(bool(answered)),
        mode or "",
    )
    with _lock, closing(_connect(path)) as conn, conn:
        conn.execute(_SCHEMA)
        cur = conn.execute(
            "INSERT INTO feedback (created_at, rating, comment, question, answer, citations, corpus_version, answered, mode) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            row,
        )
        return int(cur.lastrowid)


def list_feedback(path: str | Path, rating: str | None = None) -> list[dict]:
    """All stored feedback, oldest first (citations decoded). A missing file means no feedback yet."""
    if not Path(path).exists():
        return []
    with _lock, closing(_connect(path)) as conn:
        conn.execute(_SCHEMA)
        sql = "SELECT * FROM feedback"
        args: tuple = ()
        if rating:
            sql += " WHERE rating = ?"
            args = (rating,)
        rows = conn.execute(sql + " ORDER BY id", args).fetchall()
    out = []
    for r in rows:
        d = dict(r)
        try:
            d["citations"] = json.loads(d["citations"] or "[]")
        except json.JSONDecodeError:
            d["citations"] = []
        d["answered"] = None if d["answered"] is None else bool(d["answered"])
        out.append(d)
    return out


def _evidence(citations: list[dict]) -> list[dict]:
    """The cited passages as evidence hints: the highlighted (supporting) sentences, else the passage."""
    out: list[dict] = []
    for c in citations:
        quote = c.get("quote") or ""
        spans = c.get("highlights") or []
        passages = [quote[s:e].strip() for s, e in spans if 0 <= s < e <= len(quote)] or ([quote.strip()] if quote.strip() else [])
        for p in passages:
            item = {"doc_id": c.get("doc_id", ""), "passage": p}
            if item not in out:
                out.append(item)
    return out


def to_eval_case(row: dict) -> dict:
    """One feedback row as a candidate eval case (schema of eval/cases/dev.yaml), for a person to finish."""
    notes = [f"From user feedback #{row['id']} ({row['created_at']}): rated {row['rating']}"]
    comment = (row.get("comment") or "").strip()
    if comment:
        notes.append(f"comment: {comment}")
    notes.append(f"corpus version {row.get('corpus_version') or 'unknown'}")
    if row.get("answered") is False:
        notes.append("the assistant refused")
    answer = " ".join((row.get("answer") or "").split())
    if len(answer) > 400:
        answer = answer[:397] + "..."
    notes.append(f"answer given: {answer}")
    notes.append("TODO: decide must_refuse, write facts, check the evidence hints (the passages the answer cited)")
    return {
        "id": f"fb-{int(row['id']):04d}",
        "question": row["question"],
        "history": [],
        "category": "from_feedback",
        "must_refuse": False,
        "facts": [],
        "evidence": _evidence(row.get("citations") or []),
        "notes": ". ".join(notes),
    }


def export_cases(path: str | Path, rating: str | None = None) -> list[dict]:
    return [to_eval_case(r) for r in list_feedback(path, rating)]


def export_yaml(path: str | Path, rating: str | None = None) -> str:
    import yaml

    cases = export_cases(path, rating)
    header = (
        "# Candidate eval cases from user feedback (ofsted-assistant feedback export).\n"
        "# Review each one (facts, must_refuse, evidence) before moving it into eval/cases/.\n"
    )
    if not cases:
        return header + "[]\n"
    return header + yaml.safe_dump(cases, sort_keys=False, allow_unicode=True, width=110)


# -- CLI ---------------------------------------------------------------------------------------------
def _feedback_path(ctx: click.Context, db: str | None) -> str:
    if db:
        return db
    obj = ctx.find_root().obj
    if isinstance(obj, dict) and obj.get("settings") is not None:
        return obj["settings"].feedback_path
    from .settings import Settings

    return Settings.from_env().feedback_path


@click.group("feedback")
def feedback_cli() -> None:
    """Feedback people gave in the app (thumbs up/down, with comments)."""


@feedback_cli.command("export")
@click.option("--out", "out", type=click.Path(dir_okay=False, writable=True), help="Write the YAML here (default: stdout).")
@click.option("--rating", type=click.Choice(RATINGS), default=None, help="Only this rating (default: all).")
@click.option("--db", type=click.Path(dir_okay=False), default=None, help="Feedback SQLite file (default: OFSTED_FEEDBACK_PATH).")
@click.pass_context
def export_cmd(ctx: click.Context, out: str | None, rating: str | None, db: str | None) -> None:
    """Write stored feedback as candidate eval cases (YAML, the schema of eval/cases/dev.yaml)."""
    path = _feedback_path(ctx, db)
    text = export_yaml(path, rating)
    n = len(re.findall(r"^- id: ", text, re.M))
    if out:
        Path(out).parent.mkdir(parents=True, exist_ok=True)
        Path(out).write_text(text, encoding="utf-8")
        click.echo(f"Wrote {n} candidate case(s) from {path} to {out}", err=True)
    else:
        sys.stdout.write(text)
        click.echo(f"{n} candidate case(s) from {path}", err=True)


@feedback_cli.command("list")
@click.option("--db", type=click.Path(dir_okay=False), default=None, help="Feedback SQLite file (default: OFSTED_FEEDBACK_PATH).")
@click.pass_context
def list_cmd(ctx: click.Context, db: str | None) -> None:
    """Show stored feedback (newest last)."""
    path = _feedback_path(ctx, db)
    rows = list_feedback(path)
    if not rows:
        click.echo(f"No feedback yet in {path}.")
        return
    for r in rows:
        comment = f" - {r['comment']}" if r["comment"] else ""
        click.echo(f"#{r['id']} {r['created_at']} {r['rating']:>4}: {r['question']}{comment}")
