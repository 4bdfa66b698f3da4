"""`ofsted-assistant`: a thin CLI over the same library functions the app and tests call."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from .errors import AssistantError
from .settings import Settings


def _settings(ctx: click.Context) -> Settings:
    return ctx.obj["settings"]


class _CleanErrors(click.Group):
    """Turn AssistantError into a one-line message and its exit code, never a traceback."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except AssistantError as exc:
            click.echo(f"Error: {exc.message}", err=True)
            sys.exit(exc.exit_code)


def _history(history_file) -> list[dict]:
    """The earlier turns of a --history file: a JSON list of {role, content} objects. Anything else is a bad
    question, said in one line with the shape expected (never a traceback)."""
    from .errors import BadQuestion

    shape = '[{"role": "user", "content": "..."}, {"role": "assistant", "content": "..."}]'
    try:
        turns = json.load(history_file)
    except json.JSONDecodeError as exc:
        raise BadQuestion(f"the --history file {history_file.name} is not JSON ({exc.msg}, line {exc.lineno} column "
                          f"{exc.colno}): give a list of earlier turns like {shape}, or leave out --history") from None
    if not isinstance(turns, list) or not all(
            isinstance(t, dict) and t.get("role") in ("user", "assistant") and isinstance(t.get("content"), str) for t in turns):
        raise BadQuestion(f"the --history file {history_file.name} is not a list of turns: give one like {shape} (role "
                          f"\"user\" or \"assistant\"), or leave out --history")
    return turns


@click.group(cls=_CleanErrors)
@click.option("--index-path", envvar="OFSTED_INDEX_PATH", help="Embedded Chroma index folder.")
@click.option("--corpus", "corpus_dir", envvar="OFSTED_CORPUS_DIR", help="Folder of documents.")
@click.pass_context
def main(ctx: click.Context, index_path: str | None, corpus_dir: str | None) -> None:
    """The Ofsted process assistant: answers only from the ingested documents, with sources."""
    overrides = {}
    if index_path:
        overrides["index.path"] = str(Path(index_path).resolve())
    if corpus_dir:
        overrides["corpus_dir"] = str(Path(corpus_dir).resolve())
    ctx.obj = {"settings": Settings.from_env().replace(**overrides)}


# -- ingest / status ---------------------------------------------------------------------------------
@main.command()
@click.option("--wait", type=float, default=None, help="Seconds to wait for a running ingest (default: OFSTED_INGEST_LOCK_WAIT or 0).")
@click.option("--quiet", is_flag=True, help="No progress bar.")
@click.pass_context
def ingest(ctx: click.Context, wait: float | None, quiet: bool) -> None:
    """Ingest the corpus folder into the index (incremental; safe to re-run).

    Exit codes: 0 all ingested, 2 some files were skipped (listed with the reason).
    """
    from ingest import run_ingest

    from .ui import RichProgress, print_ingest_report

    settings = _settings(ctx)
    if wait is not None:
        settings = settings.replace(**{"index.lock_wait_s": wait})
    progress = None if quiet else RichProgress()
    report = run_ingest(settings, progress=progress)
    print_ingest_report(report, settings)
    sys.exit(report.exit_code)


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Print the manifest as JSON.")
@click.pass_context
def status(ctx: click.Context, as_json: bool) -> None:
    """Show what is indexed: documents, versions, chunk counts, when ingested."""
    from ingest import status as read_status

    from .ui import print_manifest

    settings = _settings(ctx)
    manifest = read_status(settings)
    if as_json:
        click.echo(json.dumps(json.loads(manifest.to_json()) | {"collection": settings.collection_name(), "corpus_version": manifest.corpus_version()}, indent=2))
    else:
        print_manifest(manifest, settings)


# -- ask -----------------------------------------------------------------------------------------------
def _filters(authority: tuple[str, ...], doc: tuple[str, ...], since: str | None, until: str | None, no_undated: bool):
    from .retrieval import Filters

    return Filters(authorities=authority, doc_ids=doc, date_from=since, date_to=until, include_undated=not no_undated)


@main.command()
@click.argument("question", required=False)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object (see README for the format).")
@click.option("--batch", type=click.File("r", encoding="utf-8"), help="File of questions, one per line (- for stdin); prints JSON lines.")
@click.option("--mode", type=click.Choice(["extractive", "llm"]), envvar="OFSTED_MODE", default=None, help="Answer mode.")
@click.option("--authority", multiple=True, type=click.Choice(["official", "union", "news", "commentary"]), help="Only these kinds of source (repeatable).")
@click.option("--doc", multiple=True, help="Only this document id (repeatable).")
@click.option("--since", help="Only sources dated on/after this ISO date (undated kept unless --no-undated).")
@click.option("--until", help="Only sources dated on/before this ISO date.")
@click.option("--no-undated", is_flag=True, help="Leave out undated sources.")
@click.option("--history", "history_file", type=click.File("r", encoding="utf-8"), help="JSON list of earlier turns [{role, content}].")
@click.pass_context
def ask(ctx, question, as_json, batch, mode, authority, doc, since, until, no_undated, history_file) -> None:
    """Answer QUESTION from the documents, with numbered sources.

    Exit codes: 0 answered or refused, 4 bad question, 5 no index, 6 index unreachable.
    """
    from .engine import get_engine
    from .errors import BadQuestion

    settings = _settings(ctx)
    filters = _filters(authority, doc, since, until, no_undated)
    history = _history(history_file) if history_file else None
    if batch is None and question is None:
        raise BadQuestion("give a question, e.g. ofsted-assistant ask \"Can I bring a colleague to this meeting?\", or --batch FILE")
    if batch is None:
        from .guard import validate_question

        validate_question(question, settings.answer.max_question_chars)  # fail before loading models
    engine = get_engine(settings)
    if batch is not None:
        for line in batch:
            line = line.rstrip("\n")
            if not line.strip():
                continue
            try:
                result = engine.ask(line, filters=filters, mode=mode).to_json()
            except BadQuestion as exc:
                result = {"question": line, "error": exc.message, "exit_code": exc.exit_code}
            click.echo(json.dumps(result, ensure_ascii=False))
        return
    answer = engine.ask(question, history=history, filters=filters, mode=mode)
    if as_json:
        click.echo(json.dumps(answer.to_json(), ensure_ascii=False, indent=2))
    else:
        from .ui import print_answer

        print_answer(answer)


from .feedback import feedback_cli; main.add_command(feedback_cli)  # noqa: E402, E702
from .evaluation import eval_cmd; main.add_command(eval_cmd)  # noqa: E402, E702

if __name__ == "__main__":  # pragma: no cover
    main()
