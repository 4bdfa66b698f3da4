"""Helpers shared by the benchmark scripts: machine description, load average, timers, output paths.

Benchmarks are scripts, not tests: they measure and record, they never assert on a time.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import platform
import statistics
import sys
import time
from contextlib import contextmanager
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "docs" / "bench"

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

if str(ROOT) not in sys.path:  # run from anywhere: the project's packages are importable
    sys.path.insert(0, str(ROOT))


def loadavg() -> list[float] | None:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except (OSError, AttributeError):
        return None


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.lower().startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _ram_gib() -> float | None:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    return None


def _version(dist: str) -> str | None:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return None


def _git_commit() -> str | None:
    """Read-only: the commit checked out (files under .git are read, git itself is not run)."""
    git = ROOT / ".git"
    try:
        head = (git / "HEAD").read_text().strip()
        if not head.startswith("ref: "):
            return head
        ref = head[5:]
        if (git / ref).exists():
            return (git / ref).read_text().strip()
        packed = git / "packed-refs"
        if packed.exists():
            for line in packed.read_text().splitlines():
                if line.endswith(" " + ref):
                    return line.split()[0]
    except OSError:
        pass
    return None


def machine() -> dict:
    return {
        "cpu_model": _cpu_model(),
        "cores": os.cpu_count(),
        "ram_gib": _ram_gib(),
        "os": platform.platform(),
        "python": sys.version.split()[0],
        "versions": {
            d: _version(d)
            for d in (
                "torch", "chromadb", "sentence-transformers", "transformers", "onnxruntime", "tokenizers", "bm25s",
                "langchain-chroma", "langchain-huggingface", "langchain-text-splitters", "numpy",
            )
        },
        "git_commit": _git_commit(),
        "code_digest": code_digest(),
    }


def code_digest() -> dict:
    """The working tree may differ from the commit: a hash of the measured code, and its newest file time."""
    import hashlib

    files = sorted([*ROOT.glob("ingest/*.py"), *ROOT.glob("ofsted_assistant/*.py")])
    h = hashlib.sha256()
    for f in files:
        h.update(f.name.encode() + b"\0" + f.read_bytes())
    newest = max(files, key=lambda f: f.stat().st_mtime) if files else None
    return {"sha256_12": h.hexdigest()[:12], "files": len(files),
            "newest": f"{newest.parent.name}/{newest.name} {_dt.datetime.fromtimestamp(newest.stat().st_mtime, _dt.timezone.utc).isoformat(timespec='seconds')}" if newest else None}


def utc_stamp() -> str:
    return _dt.datetime.now(_dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")


from ofsted_assistant.evaluation import percentile  # noqa: E402,F401  (one implementation, shared with the eval)


def median(xs: list[float]) -> float | None:
    return statistics.median(xs) if xs else None


def r(x: float | None, nd: int = 3) -> float | None:
    return None if x is None else round(x, nd)


def cpu_ticks() -> dict | None:
    """Machine-wide CPU seconds from /proc/stat: busy (all processes) and steal (taken by the hypervisor)."""
    try:
        f = [int(x) for x in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    except (OSError, ValueError, IndexError):
        return None
    hz = os.sysconf("SC_CLK_TCK")
    user, nice, system, _idle, _iowait, irq, softirq, steal = (f + [0] * 8)[:8]
    return {"busy": (user + nice + system + irq + softirq) / hz, "steal": steal / hz}


class Phase:
    """Wall and CPU time of one measured section, the load average before and after, and how much CPU the rest
    of the machine used meanwhile (other processes; hypervisor steal)."""

    def __init__(self) -> None:
        self.wall = 0.0
        self.cpu = 0.0
        self.load_before: list[float] | None = None
        self.load_after: list[float] | None = None
        self.others_cpu: float | None = None
        self.steal: float | None = None

    def to_json(self) -> dict:
        return {"wall_s": r(self.wall, 4), "cpu_s": r(self.cpu, 3), "loadavg_before": self.load_before, "loadavg_after": self.load_after,
                "other_processes_cpu_s": r(self.others_cpu, 2), "steal_s": r(self.steal, 2)}


@contextmanager
def timed():
    p = Phase()
    p.load_before = loadavg()
    k0 = cpu_ticks()
    c0, t0 = time.process_time(), time.perf_counter()
    try:
        yield p
    finally:
        p.wall = time.perf_counter() - t0
        p.cpu = time.process_time() - c0
        k1 = cpu_ticks()
        if k0 and k1:
            p.others_cpu = max(0.0, (k1["busy"] - k0["busy"]) - p.cpu)  # this process's own CPU excluded
            p.steal = k1["steal"] - k0["steal"]
        p.load_after = loadavg()


def write_result(kind: str, result: dict) -> Path:
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    path = OUT_DIR / f"{kind}-{utc_stamp()}.json"
    path.write_text(json.dumps(result, indent=2, ensure_ascii=False, default=str) + "\n", encoding="utf-8")
    return path


def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)
