"""End to end in a real browser: `streamlit run app.py` on 127.0.0.1, driven by Playwright with Debian's
Chromium (/usr/bin/chromium; installed with apt when missing and running as root; never downloaded by
Playwright). Saves docs/screenshot.png."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

from ofsted_assistant.settings import PROJECT_ROOT

from .conftest import APP, PLANTED_QUESTION, AppIndex

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOT = PROJECT_ROOT / "docs" / "screenshot.png"
ANSWER_TIMEOUT_MS = 120_000


def _skip(reason: str):
    print(f"\nSKIP browser tests: {reason}", file=sys.stderr)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def chromium() -> Path:
    if not CHROMIUM.exists():
        if os.name != "posix" or os.geteuid() != 0 or not shutil.which("apt-get"):
            _skip(f"{CHROMIUM} is missing and this is not root on Debian: `apt-get install chromium chromium-driver`")
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        try:
            for cmd in (["apt-get", "update"], ["apt-get", "install", "-y", "chromium", "chromium-driver"]):
                done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=1200)
                if done.returncode != 0:
                    _skip(f"`{' '.join(cmd)}` failed (exit {done.returncode}): {done.stderr.strip()[-300:]}")
        except (OSError, subprocess.TimeoutExpired) as exc:
            _skip(f"could not install chromium with apt-get: {exc}")
        if not CHROMIUM.exists():
            _skip(f"apt-get installed chromium but {CHROMIUM} is still missing")
    try:
        from playwright.sync_api import sync_playwright  # noqa: F401
    except ImportError:
        _skip("playwright (Python) is not installed: pip install -e '.[test]'")
    return CHROMIUM


@pytest.fixture(scope="session")
def browser(chromium):
    os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
    from playwright.sync_api import sync_playwright

    pw = sync_playwright().start()
    try:
        b = pw.chromium.launch(executable_path=str(chromium), args=CHROMIUM_ARGS)
    except Exception as exc:
        pw.stop()
        _skip(f"Chromium at {chromium} did not start under Playwright: {exc}")
    try:
        yield b
    finally:
        b.close()
        pw.stop()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def streamlit_server(index: AppIndex, workdir: Path):
    """`streamlit run app.py` on a free 127.0.0.1 port with the index's settings; always terminated."""
    port = _free_port()
    env = dict(os.environ) | index.env(workdir / "feedback.sqlite3")
    log = open(workdir / "streamlit.log", "w+")
    cmd = [
        sys.executable, "-m", "streamlit", "run", str(APP),
        "--server.port", str(port), "--server.address", "127.0.0.1", "--server.headless", "true",
        "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none",
    ]
    proc = subprocess.Popen(cmd, cwd=str(PROJECT_ROOT), env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        url = f"http://127.0.0.1:{port}"
        for _ in range(240):  # up to ~120 s
            if proc.poll() is not None:
                log.seek(0)
                raise AssertionError(f"streamlit exited with {proc.returncode}:\n{log.read()[-3000:]}")
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            time.sleep(0.5)
        else:
            raise AssertionError("streamlit did not become healthy within 120 s")
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)
        log.close()


@pytest.fixture(scope="module")
def app_url(app_index, tmp_path_factory):
    with streamlit_server(app_index, tmp_path_factory.mktemp("streamlit")) as url:
        yield url


def _open(browser, url: str, width: int = 1280, height: int = 900):
    page = browser.new_page(viewport={"width": width, "height": height})
    page.set_default_timeout(ANSWER_TIMEOUT_MS)
    page.goto(url, wait_until="domcontentloaded")
    page.locator('[data-testid="stChatInput"] textarea').wait_for(state="visible")
    return page


def _ask(page, question: str) -> None:
    box = page.locator('[data-testid="stChatInput"] textarea')
    box.fill(question)
    box.press("Enter")


def _assistant(page):
    return page.locator('[data-testid="stChatMessage"]').filter(has=page.locator('[data-testid="stChatMessageAvatarAssistant"]'))


def _wait_answer(page, n: int = 1):
    """Wait until the n-th assistant turn is complete (its feedback thumbs are shown last)."""
    turn = _assistant(page).nth(n - 1)
    turn.locator('[data-testid="stFeedback"], [data-testid="stButtonGroup"]').first.wait_for(state="visible")
    return turn


def _full_page_screenshot(page, path: Path) -> None:
    """Streamlit scrolls inside its own containers, so grow the viewport to the content, then take the picture."""
    page.wait_for_timeout(500)  # let the last pieces of the stream settle
    height = page.evaluate(
        """() => Math.max(...[...document.querySelectorAll('*')]
              .filter(e => e.scrollHeight > e.clientHeight + 2 && getComputedStyle(e).overflowY !== 'visible')
              .map(e => e.scrollHeight), document.documentElement.scrollHeight)"""
    )
    size = page.viewport_size
    page.set_viewport_size({"width": size["width"], "height": min(max(int(height) + 40, size["height"]), 6000)})
    page.wait_for_timeout(500)
    path.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(path), full_page=True)
    page.set_viewport_size(size)


def test_ask_and_see_sources_in_a_browser(browser, app_url):
    page = _open(browser, app_url)
    try:
        assert page.get_by_text("Ofsted process assistant", exact=True).first.is_visible()
        assert page.get_by_role("button", name="Can I bring a colleague to this meeting?").is_visible()
        _ask(page, "Can I bring a colleague to this meeting?")
        turn = _wait_answer(page)
        text = turn.inner_text()
        assert "appropriate person" in text
        card = turn.locator(".oa-card").filter(has_text="paragraph 118").first
        card.wait_for(state="visible")
        assert "TT Education" in card.inner_text() and "COMMENTARY" in card.inner_text().upper()
        assert card.locator("mark").count() >= 1
        # the badge is coloured and the card fits a laptop-width page
        bg = card.locator(".oa-badge").evaluate("e => getComputedStyle(e).backgroundColor")
        assert bg not in ("rgba(0, 0, 0, 0)", "transparent")
        box = card.bounding_box()
        assert box and box["width"] > 300 and box["x"] + box["width"] <= 1280
        # sidebar: what the assistant knows
        side = page.locator('[data-testid="stSidebar"]')
        assert "Documents" in side.inner_text() and "not legal advice" in side.inner_text()
        _full_page_screenshot(page, SCREENSHOT)
        assert SCREENSHOT.stat().st_size > 20_000
    finally:
        page.close()


def test_starter_question_button_in_a_fresh_session(browser, app_url):
    page = _open(browser, app_url)
    try:
        page.get_by_role("button", name="Is the inspector pilot open to further education colleges?").click()
        turn = _wait_answer(page)
        assert "further education" in turn.inner_text()
        assert turn.locator(".oa-card").count() >= 1
        assert "OFFICIAL OFSTED" in turn.locator(".oa-card").first.inner_text().upper()
    finally:
        page.close()


def test_phone_width_renders(browser, app_url, tmp_path):
    page = _open(browser, app_url, width=390, height=844)
    try:
        _ask(page, "How long can an inspection be paused?")
        turn = _wait_answer(page)
        card = turn.locator(".oa-card").first
        card.wait_for(state="visible")
        box = card.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= 390 + 1  # no sideways overflow
        _full_page_screenshot(page, Path(os.environ.get("PHONE_SCREENSHOT", tmp_path / "phone.png")))
    finally:
        page.close()


def test_planted_markup_stays_text_in_a_browser(browser, planted_index, tmp_path):
    """Hostile text in a document and a question: nothing is fetched, no script runs, no <img> appears."""
    hostile = 'Quokka? <img src="http://127.0.0.1:9/q.png"> ![q](http://127.0.0.1:9/q2.png) <script>alert(9)</script>'
    with streamlit_server(planted_index, tmp_path) as url:
        page = _open(browser, url)
        fetched, dialogs = [], []
        page.on("request", lambda r: fetched.append(r.url) if "127.0.0.1:9/" in r.url else None)
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        try:
            _ask(page, PLANTED_QUESTION)
            turn = _wait_answer(page)
            assert "<script>alert(1)</script>" in turn.inner_text()  # shown literally
            assert "![x](http://127.0.0.1:9/y.png)" in turn.inner_text()
            _ask(page, hostile)
            _wait_answer(page, 2)
            user_turns = page.locator('[data-testid="stChatMessage"]').filter(has=page.locator('[data-testid="stChatMessageAvatarUser"]'))
            assert hostile in user_turns.nth(1).inner_text()
            page.wait_for_timeout(1000)
            main = page.locator('[data-testid="stMain"], section.main').first
            assert main.locator('img[src*="127.0.0.1:9"]').count() == 0
            assert page.locator("a[href^='javascript']").count() == 0
            assert main.locator("script").count() == 0
            assert fetched == [] and dialogs == []
        finally:
            page.close()
    assert "quokka" not in (tmp_path / "streamlit.log").read_text().lower()  # questions are not logged
