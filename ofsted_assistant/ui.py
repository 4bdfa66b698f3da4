"""Terminal output for the CLI (rich): progress bar and tables."""

from __future__ import annotations

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from .settings import AUTHORITY_LABELS, Settings

console = Console(stderr=True)
out = Console()


class RichProgress:
    def __init__(self):
        self._progress: Progress | None = None
        self._task = None

    def start_embedding(self, total: int) -> None:
        self._progress = Progress(
            TextColumn("Embedding chunks"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(), console=console
        )
        self._progress.start()
        self._task = self._progress.add_task("embed", total=total)

    def advance(self, n: int) -> None:
        if self._progress is not None:
            self._progress.advance(self._task, n)

    def finish(self) -> None:
        if self._progress is not None:
            self._progress.stop()


def print_ingest_report(report, settings: Settings) -> None:
    table = Table(title=f"Ingest into {settings.where_is_index()} ({settings.collection_name()})")
    table.add_column("documents", justify="right")
    table.add_column("added", justify="right")
    table.add_column("updated", justify="right")
    table.add_column("unchanged", justify="right")
    table.add_column("removed", justify="right")
    table.add_column("chunks (written/total)", justify="right")
    table.add_column("skipped", justify="right")
    table.add_column("seconds", justify="right")
    table.add_row(
        str(report.documents),
        str(len(report.added)),
        str(len(report.updated)),
        str(len(report.unchanged)),
        str(len(report.removed)),
        f"{report.chunks_written}/{report.chunks_total}",
        str(len(report.skipped)),
        f"{report.seconds:.2f}",
    )
    out.print(table)
    if report.chunks_truncated:
        out.print(f"[yellow]{report.chunks_truncated} chunk(s) exceed the model's {settings.embedding.max_seq_length}-token window and were truncated when embedded.[/]")
    for w in report.warnings:
        out.print(f"[yellow]warning:[/] {w}")
    for s in report.skipped:
        out.print(f"[red]skipped[/] {s.path}: {s.reason}")


def print_manifest(manifest, settings: Settings) -> None:
    if not manifest.docs:
        out.print(f"The index at {settings.where_is_index()} is empty: run `ofsted-assistant ingest`.")
        return
    table = Table(title=f"{len(manifest.docs)} documents, {manifest.total_chunks} chunks; updated {manifest.updated_at}")
    for col in ("document", "authority", "date", "chunks", "content hash", "ingested at"):
        table.add_column(col, overflow="fold", no_wrap=(col == "document"))
    for e in sorted(manifest.docs.values(), key=lambda e: e.doc_id):
        table.add_row(e.doc_id, AUTHORITY_LABELS.get(e.authority, e.authority), e.date or "undated", str(e.chunks), e.version[:12], e.ingested_at)
    out.print(table)
    out.print(f"collection {settings.collection_name()} at {settings.where_is_index()}; corpus version {manifest.corpus_version()}")


def print_answer(answer) -> None:
    from rich.markup import escape

    out.print(escape(answer.answer))
    if answer.sources_note:
        out.print(f"[dim]{escape(answer.sources_note)}[/]")
    if answer.stale_caveat:
        out.print(f"[yellow]{escape(answer.stale_caveat)}[/]")
    for c in answer.citations:
        where = f", {c.locator}" if c.locator else (f", section: {c.heading}" if c.heading else "")
        date = c.date or (c.date_note or "undated")
        out.print(f"\n[bold][{c.n}][/] {escape(c.title)} - {escape(c.publisher)} ({c.authority_label}, {escape(date)}{escape(where)})")
        if c.url:
            out.print(f"    {escape(c.url)}")
        for s, e in c.highlights:
            out.print(f"    \u201c{escape(c.quote[s:e])}\u201d")
    if answer.llm_fallback:
        out.print(f"[dim]note: {escape(answer.llm_fallback)}[/]")
