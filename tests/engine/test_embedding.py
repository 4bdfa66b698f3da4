"""The query path's ONNX embedder gives the same vectors as sentence-transformers (cosine >= 0.999)."""

from __future__ import annotations

import numpy as np

from ofsted_assistant.embedding import OnnxEmbedder
from ofsted_assistant.settings import Settings

TEXTS = [
    "Can I bring a colleague to this meeting?",
    "para 118",
    "All staff members can have an appropriate person present during meetings with inspectors (paragraph 118).",
    "Normally, inspections will resume on the next working day, but it may extend up to 5 working days. " * 8,
    "HMCI",
]


def test_onnx_matches_sentence_transformers(embedder):
    onnx = OnnxEmbedder(Settings())
    a = onnx.encode(TEXTS)
    b = embedder.encode(TEXTS)
    cos = (a * b).sum(axis=1) / (np.linalg.norm(a, axis=1) * np.linalg.norm(b, axis=1))
    assert cos.min() >= 0.999, cos
