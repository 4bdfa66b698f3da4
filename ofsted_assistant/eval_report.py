"""Rendering of an eval run: report.md, report.html (self-contained: inline CSS and SVG, no script, no external
asset), the console tables and the --json summary. Pure functions of the report dict `evaluation.run_eval` builds.

Held-out cases are shown by id, category and failed metric only: their questions, answers and facts stay in
report.json.
"""

from __future__ import annotations

import html

from .evaluation import CATEGORIES, METRIC_LABELS, RATE_METRICS, SPLITS

TABLE_METRICS = ("pass_rate", "fact_accuracy", "citation_precision", "evidence_recall", "retrieval_recall", "mrr",
                 "refusal_accuracy", "refuses_when_it_should", "answers_when_it_should", "unsupported_citations",
                 "latency_p50_ms", "latency_p95_ms")
CHART_METRICS = ("pass_rate", "fact_accuracy", "citation_precision", "evidence_recall", "retrieval_recall", "mrr",
                 "refuses_when_it_should", "answers_when_it_should")
CATEGORY_SERIES = ("pass_rate", "fact_accuracy", "evidence_recall", "refusal_accuracy")
COLORS = ("#1f6f8b", "#e0a030", "#5b9e4d", "#a34a7a", "#7f7f7f", "#c1440e")


def fmt(metric: str, value) -> str:
    if value is None:
        return "–"
    if metric in RATE_METRICS:
        return f"{value * 100:.1f}%" if metric != "mrr" else f"{value:.3f}"
    if metric.startswith("latency"):
        return f"{value:.0f}"
    return str(value)


def summary_rows(report: dict) -> list[tuple[str, dict]]:
    """(label, aggregate) rows: the pipeline overall and per split, then the baseline likewise."""
    def block(name: str, summary: dict) -> list[tuple[str, dict]]:
        splits = [s for s in SPLITS if s in summary["by_split"]]
        if len(splits) == 1:  # one split run: "all" is that split
            return [(f"{name}: {splits[0]}", summary["overall"])]
        return [(f"{name}: all", summary["overall"])] + [(f"{name}: {s}", summary["by_split"][s]) for s in splits]

    rows = block("pipeline", report["summary"])
    if report.get("baseline"):
        rows += block("LangChain baseline", report["baseline"]["summary"])
    return rows


def failed_parts(case: dict) -> list[str]:
    """Which checks a case failed, without any of its text (safe for held-out cases)."""
    parts = []
    if case.get("error"):
        parts.append("error")
    if case.get("refusal_correct") is False:
        parts.append("answered (must refuse)" if case.get("must_refuse") else "refused (answerable)")
    if case.get("fact_pass") is False and case.get("answered"):
        missing = sum(1 for f in case.get("facts", []) if f.get("matched") is None)
        parts.append(f"facts ({missing} of {len(case.get('facts', []))} missing)")
    if case.get("unsupported_sentences"):
        parts.append(f"unsupported cited sentences ({case['unsupported_sentences']})")
    return parts


def _case_line_dev(c: dict) -> str:
    why = "; ".join(c.get("why") or []) or ", ".join(failed_parts(c))
    notes = f" ({'; '.join(c['notes'])})" if c.get("notes") else ""
    return f"**{c['id']}** ({c['category']}): {why}{notes}. Q: \u201c{c['question']}\u201d"


def _case_line_heldout(c: dict) -> str:
    return f"**{c['id']}** ({c['category']}): {', '.join(failed_parts(c))}"


def _load_line(report: dict) -> str:
    load = (report.get("run") or {}).get("load_average") or {}
    if not load.get("before"):
        return "machine load: unknown"
    return (f"machine load (1-min average) {load['before'][0]} before / {load['after'][0]} after the timed run on "
            f"{load.get('cpus')} CPUs: latency is only comparable between runs on a similarly loaded machine")


# -- markdown ------------------------------------------------------------------------------------------------
def _md_table(header: list[str], rows: list[list[str]]) -> str:
    out = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    out += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(out)


def _metric_table_md(rows: list[tuple[str, dict]]) -> str:
    header = ["", "cases"] + [METRIC_LABELS[m] for m in TABLE_METRICS]
    body = [[label, f"{a['cases']} ({a['answerable']}+{a['must_refuse']})"] + [fmt(m, a.get(m)) for m in TABLE_METRICS] for label, a in rows]
    return _md_table(header, body)


def _comparison_md(cmp: dict | None) -> list[str]:
    out = ["## Compared with the previous run", ""]
    if not cmp:
        return out + ["No earlier run to compare with.", ""]
    cv = cmp["corpus_version"]
    out += [
        f"Previous run: `{cmp.get('previous_run')}` ({cmp.get('previous_path')}).",
        f"Corpus version: `{cv['previous']}` -> `{cv['current']}`"
        + (" (changed)" if cv["previous"] != cv["current"] else " (same)")
        + f"; settings {'changed' if cmp['settings_changed'] else 'unchanged'}; git "
        f"`{(cmp['git_commit']['previous'] or '?')[:10]}` -> `{(cmp['git_commit']['current'] or '?')[:10]}`.",
        "",
    ]
    sp = cmp.get("split") or {}
    if sp.get("previous") != sp.get("current"):
        out += [f"Note: the previous run covered split `{sp.get('previous')}`, this one `{sp.get('current')}`: "
                "only cases in both are compared.", ""]
    if cmp["changed_docs"]:
        out += ["Documents whose content hash changed: " + ", ".join(
            f"`{d['doc_id']}` ({(d['previous'] or 'absent')[:10]} -> {(d['current'] or 'absent')[:10]})" for d in cmp["changed_docs"]), ""]
    counts = cmp["counts"]
    out += [f"Changed cases: {counts['regression']} regression(s), {counts['fix']} fix(es), "
            f"{counts['corpus update']} due to a corpus update, {counts['case changed']} with a changed case definition.", ""]
    if cmp["changes"]:
        rows = []
        for ch in cmp["changes"]:
            docs = ", ".join(ch["changed_docs"]) or "none changed"
            rows.append([ch["id"], ch["split"] or "", ch["category"] or "", f"{ch['from']} -> {ch['to']}", ch["cause"], docs])
        out += [_md_table(["case", "split", "category", "change", "cause", "supporting docs changed"], rows), ""]
    if cmp["new_cases"] or cmp["removed_cases"]:
        out += [f"New cases: {len(cmp['new_cases'])}; removed cases: {len(cmp['removed_cases'])}.", ""]
    deltas = []
    for scope, ms in cmp.get("metric_deltas", {}).items():
        for m, d in ms.items():
            deltas.append([scope, METRIC_LABELS[m], fmt(m, d["previous"]), fmt(m, d["current"])])
    if deltas:
        out += [_md_table(["scope", "metric", "previous", "now"], deltas), ""]
    return out


def render_markdown(report: dict) -> str:
    s = report["summary"]
    git = report.get("git") or {}
    out = [
        f"# Eval report {report['run_id']}",
        "",
        f"- started: {report['started_at']} ({report['seconds']} s); split: {report['split']}; mode: {report['mode']}; today pinned to {report['today']}",
        f"- corpus version `{report['corpus_version']}` ({len(report['documents'])} documents); settings fingerprint "
        f"`{report['settings_fingerprint']}`; index `{report['collection']}`",
        f"- git commit `{git.get('commit') or 'unknown'}`" + (" (uncommitted changes)" if git.get("dirty") else ""),
        f"- {report['llm_judge']}",
        f"- {_load_line(report)}",
        "",
        "## Summary",
        "",
        "Cases are `answerable+must-refuse`. Rates are over answerable cases except refusal accuracy (all cases) and "
        "refuses-when-it-should (must-refuse cases); unsupported = cited sentences failing the citation check.",
        "",
        _metric_table_md(summary_rows(report)),
        "",
    ]
    if report.get("baseline"):
        out += [f"Baseline: {report['baseline']['info']['description']}.", ""]
    out += ["## By category (pipeline, all splits run)", "", _metric_table_md([(c, a) for c, a in s["by_category"].items()]), ""]
    for split, cats in s.get("by_split_category", {}).items():
        if len(s["by_split"]) > 1:
            out += [f"### By category: {split}", "", _metric_table_md([(c, a) for c, a in cats.items()]), ""]
    out += _comparison_md(report.get("comparison"))
    failing = [c for c in report["cases"] if not c["pass"]]
    out += ["## Failing cases", ""]
    if not failing:
        out += ["None.", ""]
    for split in SPLITS:
        fs = [c for c in failing if c["split"] == split]
        if not fs:
            continue
        out += [f"### {split} ({len(fs)})", ""]
        if split == "heldout":
            out += ["(Held-out cases: id and failed check only; details are in report.json.)", ""]
        out += [f"- {_case_line_heldout(c) if split == 'heldout' else _case_line_dev(c)}" for c in fs] + [""]
    warns = (report.get("run") or {}).get("evidence_warnings") or []
    if warns:
        out += ["## Evidence passages not found in the index", ""]
        for w in warns:
            if w["split"] == "heldout":
                out.append(f"- {w['id']} ({w['doc_id']}): {w['problem']}")
            else:
                out.append(f"- {w['id']} ({w['doc_id']}): {w['problem']}: \u201c{w['passage'][:120]}\u201d")
        out.append("")
    out += ["## Documents", "", _md_table(["doc_id", "content hash", "chunks", "title"],
            [[d, (v.get("version") or "")[:16], str(v.get("chunks")), v.get("title") or ""] for d, v in report["documents"].items()]), ""]
    return "\n".join(out)


# -- HTML ------------------------------------------------------------------------------------------------------
def hbar_chart(title: str, groups: list[tuple[str, list[float | None]]], series: list[str], width: int = 760) -> str:
    """A grouped horizontal bar chart (values 0..1) as inline SVG."""
    label_w, value_w, bar_h, gap = 200, 60, 13, 12
    plot_w = width - label_w - value_w
    legend_h = 22
    group_h = len(series) * bar_h + gap
    height = 30 + legend_h + len(groups) * group_h + 24
    e = html.escape
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" role="img" aria-label="{e(title)}" font-family="sans-serif" font-size="11">',
             f'<text x="0" y="16" font-size="14" font-weight="bold">{e(title)}</text>']
    x = label_w
    for i, name in enumerate(series):
        parts.append(f'<rect x="{x}" y="26" width="10" height="10" fill="{COLORS[i % len(COLORS)]}"/>'
                     f'<text x="{x + 14}" y="35">{e(name)}</text>')
        x += 16 + 7 * len(name) + 14
    top = 30 + legend_h
    for tick in (0, 0.25, 0.5, 0.75, 1.0):
        tx = label_w + plot_w * tick
        parts.append(f'<line x1="{tx:.1f}" y1="{top - 4}" x2="{tx:.1f}" y2="{height - 20}" stroke="#ddd"/>'
                     f'<text x="{tx:.1f}" y="{height - 6}" text-anchor="middle" fill="#666">{int(tick * 100)}%</text>')
    for gi, (label, values) in enumerate(groups):
        gy = top + gi * group_h
        parts.append(f'<text x="{label_w - 8}" y="{gy + len(series) * bar_h / 2 + 4:.1f}" text-anchor="end">{e(label)}</text>')
        for si, v in enumerate(values):
            y = gy + si * bar_h
            if v is None:
                parts.append(f'<text x="{label_w + 4}" y="{y + bar_h - 3}" fill="#999">n/a</text>')
                continue
            w = max(0.0, min(1.0, v)) * plot_w
            parts.append(f'<rect x="{label_w}" y="{y}" width="{w:.1f}" height="{bar_h - 2}" fill="{COLORS[si % len(COLORS)]}">'
                         f'<title>{e(series[si])}: {v * 100:.1f}%</title></rect>'
                         f'<text x="{label_w + w + 4:.1f}" y="{y + bar_h - 3}">{v * 100:.0f}%</text>')
    parts.append("</svg>")
    return "".join(parts)


def _html_table(header: list[str], rows: list[list[str]], cls: str = "") -> str:
    e = html.escape
    out = [f'<table class="{cls}"><thead><tr>' + "".join(f"<th>{e(h)}</th>" for h in header) + "</tr></thead><tbody>"]
    for r in rows:
        out.append("<tr>" + "".join(f"<td>{e(c)}</td>" for c in r) + "</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def _metric_table_html(rows: list[tuple[str, dict]]) -> str:
    header = ["", "cases"] + [METRIC_LABELS[m] for m in TABLE_METRICS]
    body = [[label, f"{a['cases']} ({a['answerable']}+{a['must_refuse']})"] + [fmt(m, a.get(m)) for m in TABLE_METRICS] for label, a in rows]
    return _html_table(header, body, "metrics")


_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2em auto;max-width:1200px;color:#222;padding:0 1em}
h1{font-size:1.5em}h2{font-size:1.2em;margin-top:1.8em;border-bottom:1px solid #ddd}
table{border-collapse:collapse;margin:.6em 0;font-size:.85em}th,td{border:1px solid #ccc;padding:3px 6px;text-align:right}
th{background:#f3f3f3}td:first-child,th:first-child{text-align:left}
ul.meta{font-size:.9em;color:#444}.cases li{margin:.3em 0}.cause-regression{color:#b00;font-weight:bold}
.cause-fix{color:#070}code{background:#f5f5f5;padding:0 3px}
"""


def render_html(report: dict) -> str:
    e = html.escape
    s = report["summary"]
    git = report.get("git") or {}
    b = report.get("baseline")
    # chart 1: metrics by split (+ baseline overall)
    scopes: list[tuple[str, dict]] = [(f"pipeline {sp}", s["by_split"][sp]) for sp in SPLITS if sp in s["by_split"]]
    if len(scopes) > 1:
        scopes.append(("pipeline all", s["overall"]))
    if b:
        scopes.append(("LangChain baseline", b["summary"]["overall"]))
    chart1 = hbar_chart("Metrics by split", [(METRIC_LABELS[m], [a.get(m) for _, a in scopes]) for m in CHART_METRICS], [n for n, _ in scopes])
    cats = [c for c in CATEGORIES if c in s["by_category"]]
    chart2 = hbar_chart("By category (pipeline)", [(c, [s["by_category"][c].get(m) for m in CATEGORY_SERIES]) for c in cats],
                        [METRIC_LABELS[m] for m in CATEGORY_SERIES])
    body = [
        f"<h1>Eval report {e(report['run_id'])}</h1>",
        '<ul class="meta">',
        f"<li>started {e(report['started_at'])} ({report['seconds']} s); split {e(report['split'])}; mode {e(report['mode'])}; today pinned to {e(report['today'])}</li>",
        f"<li>corpus version <code>{e(report['corpus_version'])}</code> ({len(report['documents'])} documents); settings fingerprint <code>{e(report['settings_fingerprint'])}</code>; index <code>{e(report['collection'])}</code></li>",
        f"<li>git commit <code>{e(git.get('commit') or 'unknown')}</code>{' (uncommitted changes)' if git.get('dirty') else ''}</li>",
        f"<li>{e(report['llm_judge'])}</li>",
        f"<li>{e(_load_line(report))}</li>",
        "</ul>",
        "<h2>Summary</h2>",
        "<p>Cases are answerable+must-refuse. Rates are over answerable cases except refusal accuracy (all cases) and refuses-when-it-should (must-refuse cases); unsupported = cited sentences failing the citation check.</p>",
        _metric_table_html(summary_rows(report)),
        f"<p>{e(b['info']['description'])}.</p>" if b else "",
        chart1,
        "<h2>By category</h2>",
        chart2,
        _metric_table_html([(c, s["by_category"][c]) for c in cats]),
    ]
    if len(s["by_split"]) > 1:
        for split, cs in s.get("by_split_category", {}).items():
            body += [f"<h3>By category: {e(split)}</h3>", _metric_table_html(list(cs.items()))]
    body.append("<h2>Compared with the previous run</h2>")
    cmp = report.get("comparison")
    if not cmp:
        body.append("<p>No earlier run to compare with.</p>")
    else:
        cv = cmp["corpus_version"]
        body.append(
            f"<p>Previous run <code>{e(str(cmp.get('previous_run')))}</code>. Corpus version <code>{e(str(cv['previous']))}</code> &rarr; "
            f"<code>{e(str(cv['current']))}</code> ({'changed' if cv['previous'] != cv['current'] else 'same'}); settings "
            f"{'changed' if cmp['settings_changed'] else 'unchanged'}.</p>")
        if cmp["changed_docs"]:
            body.append("<p>Documents whose content hash changed: " + ", ".join(
                f"<code>{e(d['doc_id'])}</code>" for d in cmp["changed_docs"]) + "</p>")
        c = cmp["counts"]
        body.append(f"<p>{c['regression']} regression(s), {c['fix']} fix(es), {c['corpus update']} due to a corpus update, "
                    f"{c['case changed']} with a changed case definition.</p>")
        if cmp["changes"]:
            rows = "".join(
                f"<tr><td>{e(ch['id'])}</td><td>{e(ch['split'] or '')}</td><td>{e(ch['category'] or '')}</td><td>{ch['from']} &rarr; {ch['to']}</td>"
                f"<td class=\"cause-{e(ch['cause'].replace(' ', '-'))}\">{e(ch['cause'])}</td><td>{e(', '.join(ch['changed_docs']) or 'none changed')}</td></tr>"
                for ch in cmp["changes"])
            body.append("<table><thead><tr><th>case</th><th>split</th><th>category</th><th>change</th><th>cause</th><th>supporting docs changed</th></tr></thead><tbody>"
                        + rows + "</tbody></table>")
        deltas = [[scope, METRIC_LABELS[m], fmt(m, d["previous"]), fmt(m, d["current"])]
                  for scope, ms in cmp.get("metric_deltas", {}).items() for m, d in ms.items()]
        if deltas:
            body.append(_html_table(["scope", "metric", "previous", "now"], deltas))
    failing = [c for c in report["cases"] if not c["pass"]]
    body.append("<h2>Failing cases</h2>")
    if not failing:
        body.append("<p>None.</p>")
    for split in SPLITS:
        fs = [c for c in failing if c["split"] == split]
        if not fs:
            continue
        body.append(f"<h3>{e(split)} ({len(fs)})</h3>")
        if split == "heldout":
            body.append("<p>Held-out cases: id and failed check only; details are in report.json.</p>")
            body.append('<ul class="cases">' + "".join(f"<li><b>{e(c['id'])}</b> ({e(c['category'])}): {e(', '.join(failed_parts(c)))}</li>" for c in fs) + "</ul>")
        else:
            items = []
            for c in fs:
                why = "; ".join(c.get("why") or []) or ", ".join(failed_parts(c))
                notes = f" ({'; '.join(c['notes'])})" if c.get("notes") else ""
                items.append(f"<li><b>{e(c['id'])}</b> ({e(c['category'])}): {e(why)}{e(notes)}<br><i>Q: {e(c['question'])}</i>"
                             f"<br><small>A: {e((c.get('answer') or '')[:400])}</small></li>")
            body.append('<ul class="cases">' + "".join(items) + "</ul>")
    body += ["<h2>Documents</h2>", _html_table(["doc_id", "content hash", "chunks", "title"],
             [[d, (v.get("version") or "")[:16], str(v.get("chunks")), v.get("title") or ""] for d, v in report["documents"].items()])]
    return ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Eval report "
            f"{e(report['run_id'])}</title><style>{_CSS}</style></head><body>" + "\n".join(body) + "</body></html>\n")


# -- console and JSON ------------------------------------------------------------------------------------------
def summary_json(report: dict, checks: list[dict]) -> dict:
    b = report.get("baseline")
    cmp = report.get("comparison")
    return {
        "report_dir": report.get("_dir"),
        "run_id": report["run_id"],
        "corpus_version": report["corpus_version"],
        "settings_fingerprint": report["settings_fingerprint"],
        "overall": report["summary"]["overall"],
        "by_split": report["summary"]["by_split"],
        "by_category": report["summary"]["by_category"],
        "baseline": {"overall": b["summary"]["overall"], "by_split": b["summary"]["by_split"]} if b else None,
        "comparison": {"previous_run": cmp["previous_run"], "counts": cmp["counts"],
                       "changes": [{k: ch[k] for k in ("id", "split", "from", "to", "cause", "changed_docs")} for ch in cmp["changes"]]} if cmp else None,
        "thresholds": checks,
        "llm_judge": report["llm_judge"],
    }


def print_console(report: dict, console) -> None:
    from rich.table import Table

    rows = summary_rows(report)
    table = Table(title=f"Eval {report['run_id']} (corpus {report['corpus_version']}, settings {report['settings_fingerprint']})")
    table.add_column("metric")
    for label, _ in rows:
        table.add_column(label.replace("LangChain baseline", "baseline").replace(": ", " "), justify="right")
    table.add_row("cases", *[f"{a['cases']} ({a['answerable']}+{a['must_refuse']})" for _, a in rows])
    for m in TABLE_METRICS:
        table.add_row(METRIC_LABELS[m], *[fmt(m, a.get(m)) for _, a in rows])
    console.print(table)
    cmp = report.get("comparison")
    if cmp:
        c = cmp["counts"]
        console.print(f"vs {cmp['previous_run']}: {c['regression']} regression(s), {c['fix']} fix(es), "
                      f"{c['corpus update']} corpus update(s), {c['case changed']} changed case(s)", highlight=False)
        for ch in cmp["changes"]:
            console.print(f"  {ch['id']} ({ch['split']}): {ch['from']} -> {ch['to']}: {ch['cause']}"
                          + (f" ({', '.join(ch['changed_docs'])})" if ch["changed_docs"] else ""), highlight=False)
    failing = [c for c in report["cases"] if not c["pass"]]
    for split in SPLITS:
        ids = [c["id"] for c in failing if c["split"] == split]
        if ids:
            console.print(f"failing {split}: {len(ids)}: {', '.join(ids)}", highlight=False)
    console.print(report["llm_judge"], highlight=False)
