"""The Ofsted process assistant: Streamlit chat UI.

UI only: every answer comes from the same `ask()` the CLI calls (`get_engine(settings).ask(...)`).
Run with `streamlit run app.py` (settings from the environment: OFSTED_INDEX_PATH, OFSTED_FEEDBACK_PATH, ...).

Safety: text from documents and from users is always shown as text (markdown-escaped, or HTML-escaped in
the source cards); nothing in a document or a question can render HTML, run a script or fetch an image.
Questions are not logged; only feedback the user chooses to send is stored (in settings.feedback_path).
"""

from __future__ import annotations

import datetime as _dt
import threading
import time
import uuid

import streamlit as st

from ofsted_assistant import feedback as fb
from ofsted_assistant.engine import get_engine
from ofsted_assistant.errors import AssistantError, BadQuestion, IndexMissing, IndexUnavailable
from ofsted_assistant.render import (
    CARD_CSS,
    badge_html,
    correction_note,
    format_date,
    html_text,
    md_escape,
    sources_html,
    stream_pieces,
)
from ofsted_assistant.retrieval import Filters
from ofsted_assistant.settings import AUTHORITIES, AUTHORITY_LABELS, Settings

STARTERS = [
    "Can I bring a colleague to this meeting?",
    "Is the inspector pilot open to further education colleges?",
    "What changed in the handbook in January 2024?",
    "How long can an inspection be paused?",
]
OTHER_VOICES = ("news", "union")  # what the "include news and union guidance" toggle controls
DISCLAIMER = (
    "This assistant is not legal advice. It answers only from the documents it holds, which may be "
    "out of date: the current [School inspection handbook on gov.uk]"
    "(https://www.gov.uk/government/publications/school-inspection-handbook-eif) is the authoritative source."
)
EXTRA_CSS = """
<style>
.oa-dates{font-size:.85rem;opacity:.8;margin:.25rem 0 0 0}
.oa-caveat{font-size:.85rem;margin:.3rem 0 0 0;padding:.35rem .6rem;border-radius:6px;
 background:rgba(217,119,6,.12);border:1px solid rgba(217,119,6,.4)}
.oa-doclist{margin:.1rem 0 .6rem 0;padding-left:1.1rem;font-size:.85rem}
.oa-doclist li{margin:.15rem 0}
.oa-doclist .oa-date{opacity:.7}
</style>
"""

st.set_page_config(page_title="Ofsted process assistant", page_icon=":material/menu_book:", layout="centered")


# -- the engine: models and index load once per process -------------------------------------------------
def _warm(engine) -> None:
    """Embed every indexed sentence once, so later answers are quicker (Engine.warm takes the engine's lock
    slice by slice: a question asked meanwhile waits for one slice instead of competing for the CPU)."""
    try:
        engine.warm()
    except Exception:  # a failed warm-up only costs speed
        pass


@st.cache_resource(show_spinner=False)
def load_engine(key: str, _settings: Settings):
    """One engine per settings per process (st.cache_resource is thread-safe; get_engine is too)."""
    engine = get_engine(_settings)
    threading.Thread(target=_warm, args=(engine,), name="ofsted-warm", daemon=True).start()
    return engine


def _state():
    ss = st.session_state
    ss.setdefault("messages", [])  # [{id, role, content, question?, answer?, kind?}]
    ss.setdefault("feedback_saved", {})  # message id -> "up" | "down"
    return ss


# -- sidebar -------------------------------------------------------------------------------------------
def _when(iso: str) -> str:
    try:
        t = _dt.datetime.fromisoformat(iso)
    except (TypeError, ValueError):
        return iso or "unknown"
    return f"{format_date(t.date().isoformat())}, {t.strftime('%H:%M')} UTC"


def sidebar_knowledge(manifest) -> None:
    docs = list(manifest.docs.values())
    st.subheader("What I know")
    c1, c2 = st.columns(2)
    c1.metric("Documents", len(docs))
    c2.metric("Passages", manifest.total_chunks)
    dates = sorted(e.date for e in docs if e.date)
    undated = sum(1 for e in docs if not e.date)
    lines = [f"Last ingest: {_when(manifest.updated_at)}"]
    if dates:
        span = format_date(dates[0]) if dates[0] == dates[-1] else f"{format_date(dates[0])} to {format_date(dates[-1])}"
        lines.append(f"Sources dated {span}" + (f" ({undated} undated)" if undated else ""))
    elif undated:
        lines.append(f"{undated} undated source(s)")
    lines.append(f"Corpus version {manifest.corpus_version()}")
    st.caption("  \n".join(md_escape(x) for x in lines))
    blocks = []
    for authority in AUTHORITIES:
        group = sorted((e for e in docs if e.authority == authority), key=lambda e: (e.date or "", e.title), reverse=True)
        if not group:
            continue
        items = "".join(
            f'<li>{html_text(e.title or e.doc_id)} <span class="oa-date">({html_text(format_date(e.date) or "undated")})</span></li>'
            for e in group
        )
        blocks.append(f'<div>{badge_html(authority)}<ul class="oa-doclist">{items}</ul></div>')
    if blocks:
        st.markdown("".join(blocks), unsafe_allow_html=True)


def sidebar_controls(settings: Settings) -> tuple[Filters, str]:
    st.subheader("Filters")
    selected = st.multiselect(
        "Kinds of source",
        options=list(AUTHORITIES),
        format_func=lambda a: AUTHORITY_LABELS.get(a, a),
        key="filter_authorities",
        placeholder="All kinds of source",
        help="Answer only from these kinds of source. Empty = all.",
    )
    include_other = st.toggle("Include news and union guidance", value=True, key="filter_other_voices")
    allowed = [a for a in (selected or AUTHORITIES) if include_other or a not in OTHER_VOICES]
    if not allowed:
        st.warning("Those filters leave no sources, so the news and union guidance you picked are used anyway.")
        allowed = list(selected)
    filters = Filters() if set(allowed) == set(AUTHORITIES) else Filters(authorities=tuple(allowed))

    st.subheader("Answer mode")
    options = ["extractive"] + (["llm"] if settings.llm.provider else [])
    labels = {
        "extractive": "Extractive: quotes the sources word for word",
        "llm": f"LLM ({settings.llm.provider}): written answer, checked against the sources",
    }
    default = options.index(settings.answer.mode) if settings.answer.mode in options else 0
    mode = st.radio("Answer mode", options, index=default, format_func=labels.get, key="answer_mode", label_visibility="collapsed")
    if not settings.llm.provider:
        st.caption("LLM mode is offered when OFSTED_LLM_PROVIDER is set.")
    return filters, mode


def sidebar_footer() -> None:
    st.divider()
    st.caption(DISCLAIMER)


# -- answers -------------------------------------------------------------------------------------------
def _typed(text: str):
    for piece in stream_pieces(text):
        yield piece
        time.sleep(0.02)


def render_assistant(msg: dict, settings: Settings, stream: bool = False) -> None:
    if msg.get("kind") == "error":
        st.warning(md_escape(msg["content"]), icon=":material/edit_note:")
        return
    a = msg["answer"]
    if a.get("corrections"):  # say what was searched for, so a wrong correction is seen
        st.caption(md_escape(correction_note(a["corrections"])))
    if not a["answered"]:
        # A refusal is a helpful answer: what the collection covers and where to go instead.
        st.info(md_escape(a["answer"]), icon=":material/info:")
    else:
        text = md_escape(a["answer"])
        if stream:
            st.write_stream(_typed(text))
        else:
            st.markdown(text)
        extra = []
        if a.get("sources_note"):
            extra.append(f'<div class="oa-dates">{html_text(a["sources_note"])}</div>')
        if a.get("stale_caveat"):
            extra.append(f'<div class="oa-caveat">&#9888; {html_text(a["stale_caveat"])}</div>')
        if extra:
            st.markdown("".join(extra), unsafe_allow_html=True)
        if a.get("llm_fallback"):
            st.caption(md_escape(f"Note: {a['llm_fallback']}"))
        if a.get("citations"):
            st.markdown(sources_html(a["citations"], bool(a.get("perspectives"))), unsafe_allow_html=True)
    feedback_widget(msg, settings)


def feedback_widget(msg: dict, settings: Settings) -> None:
    ss = _state()
    mid = msg["id"]
    saved = ss.feedback_saved.get(mid)
    if saved:
        st.caption((":material/thumb_up:" if saved == "up" else ":material/thumb_down:") + " Thanks: your feedback was saved.")
        return
    value = st.feedback("thumbs", key=f"fb_{mid}")
    if value is None:
        return
    rating = "up" if value == 1 else "down"
    with st.form(key=f"fbform_{mid}", border=True):
        comment = st.text_area(
            "What was good, wrong or missing? (optional)",
            key=f"fbc_{mid}",
            max_chars=2000,
            placeholder="Please don't include names or other personal details.",
        )
        st.caption("Sending stores this question, the answer and its sources on this server, to improve the assistant.")
        if st.form_submit_button("Send feedback"):
            a = msg["answer"]
            fb.store(
                settings.feedback_path,
                question=msg["question"],
                answer=a["answer"],
                citations=a["citations"],
                corpus_version=a.get("corpus_version", ""),
                rating=rating,
                comment=comment,
                answered=a["answered"],
                mode=a.get("mode", ""),
            )
            ss.feedback_saved[mid] = rating
            st.rerun()


def answer_question(engine, question: str, filters: Filters, mode: str) -> dict:
    ss = _state()
    history = [
        {"role": m["role"], "content": m["content"]} for m in ss.messages if m.get("kind") != "error" and not m.get("skip")
    ]
    try:
        with st.spinner("Searching the documents..."):
            answer = engine.ask(question, history=history, filters=filters, mode=mode)
    except BadQuestion as exc:
        return {"id": uuid.uuid4().hex, "role": "assistant", "kind": "error", "content": f"I couldn't use that question: {exc.message}."}
    except AssistantError as exc:
        return {"id": uuid.uuid4().hex, "role": "assistant", "kind": "error", "content": f"Something went wrong: {exc.message}"}
    return {
        "id": uuid.uuid4().hex,
        "role": "assistant",
        "content": answer.answer,
        "question": question,
        "answer": answer.to_json(),
    }


# -- the page ------------------------------------------------------------------------------------------
def index_missing_page(settings: Settings, exc: AssistantError) -> None:
    st.title("Ofsted process assistant")
    st.info(
        "**The document index isn't built yet.** The assistant answers only from its index of documents, "
        f"and there is none at {md_escape(settings.where_is_index())}. Build it once from the bundled documents "
        "(the `corpus/` folder) with:",
        icon=":material/build:",
    )
    st.code("ofsted-assistant ingest", language="bash")
    st.markdown("or `make run`, which ingests and then starts this app. Then reload this page.")
    st.caption(md_escape(f"Details: {exc.message}"))
    with st.sidebar:
        sidebar_footer()


def main() -> None:
    settings = Settings.from_env()
    ss = _state()
    st.markdown(CARD_CSS + EXTRA_CSS, unsafe_allow_html=True)
    try:
        with st.spinner("Loading the language model and the document index (first time only)..."):
            engine_settings = settings.replace(feedback_path="")  # the engine never uses it: one engine per index
            engine = load_engine(repr(engine_settings), engine_settings)
        engine.refresh_if_changed()
    except (IndexMissing, IndexUnavailable) as exc:
        index_missing_page(settings, exc)
        return

    with st.sidebar:
        sidebar_knowledge(engine.manifest)
        st.divider()
        filters, mode = sidebar_controls(settings)
        if ss.messages and st.button("New conversation", icon=":material/refresh:"):
            ss.messages = []
            ss.feedback_saved = {}
            st.rerun()
        sidebar_footer()

    st.title("Ofsted process assistant")
    st.caption(
        "Questions about Ofsted school inspection, answered only from the documents listed in the sidebar, "
        "with the passages quoted. Not legal advice."
    )
    if filters.authorities:
        st.caption("Using only: " + ", ".join(AUTHORITY_LABELS[a] for a in filters.authorities))

    for m in ss.messages:
        with st.chat_message(m["role"]):
            if m["role"] == "user":
                st.markdown(md_escape(m["content"]))
            else:
                render_assistant(m, settings)

    prompt = st.chat_input("Ask about Ofsted inspection...", max_chars=settings.answer.max_question_chars)
    if not ss.messages and not prompt:
        starters = st.empty()
        with starters.container():
            st.markdown("**Try one of these:**")
            for i, q in enumerate(STARTERS):
                if st.button(q, key=f"starter_{i}", icon=":material/chat_bubble:"):
                    prompt = q
        if prompt:
            starters.empty()

    if prompt:
        user = {"id": uuid.uuid4().hex, "role": "user", "content": prompt}
        with st.chat_message("user"):
            st.markdown(md_escape(prompt))
        with st.chat_message("assistant"):
            msg = answer_question(engine, prompt, filters, mode)
            if msg.get("kind") == "error":
                user["skip"] = True
            render_assistant(msg, settings, stream=True)
        ss.messages.extend([user, msg])


main()
