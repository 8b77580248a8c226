"""End-to-end fixtures: headless Chromium (Debian's chromium + chromium-driver through Selenium)
and the whole assistant started from the trained model in models/.

Nothing here skips: a missing model, browser or server start-up is a test failure with a clear
message, so `make test` can never pass without having run the browser tests.
"""
from __future__ import annotations

import os
import secrets
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Dict, List

import pytest

from tests.fake_rasa import free_port

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "var" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--lang=nl-NL",
]
ACTION_SERVER_WAIT = 300.0  # bot.action_server loads the recognisers and the masker before /health
RASA_WAIT = 420.0
WEB_WAIT = 30.0


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "e2e: end-to-end test in headless Chromium (needs a trained model in models/)"
    )


def _tail(path: Path, lines: int = 40) -> str:
    try:
        return "\n".join(path.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


@dataclass
class Process:
    name: str
    popen: subprocess.Popen
    log: Path

    def stop(self) -> None:
        if self.popen.poll() is not None:
            return
        try:
            os.killpg(self.popen.pid, signal.SIGTERM)
        except ProcessLookupError:
            return
        try:
            self.popen.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(self.popen.pid, signal.SIGKILL)
            self.popen.wait(timeout=10)


def start_process(name: str, args: List[str], env: Dict[str, str], log_dir: Path) -> Process:
    log = log_dir / f"{name}.log"
    handle = open(log, "wb")
    popen = subprocess.Popen(
        args, cwd=ROOT, env=env, stdout=handle, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
        start_new_session=True,  # own process group: teardown ends it and its children only
    )
    handle.close()
    return Process(name, popen, log)


def wait_until(process: Process, check: Callable[[], bool], timeout: float, what: str) -> None:
    """Poll ``check`` until true; fail at once if the process died, or after ``timeout`` s."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.popen.poll() is not None:
            pytest.fail(
                f"{process.name} stopped (exit {process.popen.returncode}) before {what}.\n"
                f"Last lines of {process.log}:\n{_tail(process.log)}",
                pytrace=False,
            )
        try:
            if check():
                return
        except (urllib.error.URLError, ConnectionError, OSError, ValueError):
            pass
        time.sleep(1.0)
    pytest.fail(f"{process.name}: {what} did not happen within {timeout:.0f} s.\n"
                f"Last lines of {process.log}:\n{_tail(process.log)}", pytrace=False)


def http_get(url: str, timeout: float = 5.0) -> tuple:
    with urllib.request.urlopen(url, timeout=timeout) as resp:
        return resp.status, resp.read().decode("utf-8", "replace")


def latest_model() -> Path:
    """RUSTPUNT_MODEL when set (scripts/test.sh passes the model it just trained), else the
    newest models/*.tar.gz."""
    chosen = os.environ.get("RUSTPUNT_MODEL")
    if chosen:
        path = Path(chosen) if Path(chosen).is_absolute() else ROOT / chosen
        if not path.is_file():
            pytest.fail(f"RUSTPUNT_MODEL points to {path}, which does not exist. Train first.", pytrace=False)
        return path
    models = sorted((ROOT / "models").glob("*.tar.gz"), key=lambda p: p.stat().st_mtime)
    if not models:
        pytest.fail(
            "No trained Rasa model in models/*.tar.gz: the browser tests need the running assistant. "
            "Train first (`make train` / `rasa train`), then run the e2e tests.",
            pytrace=False,
        )
    return models[-1]


@dataclass
class Stack:
    web_url: str
    rasa_url: str
    trainer_token: str
    database_url: str
    rasa_token: str = ""
    processes: List[Process] = field(default_factory=list)  # action server, Rasa, web (in that order)
    # what it takes to start its action server or Rasa again (tests/e2e/test_resilience_e2e.py)
    env: Dict[str, str] = field(default_factory=dict)
    tmp: Path = ROOT
    model: Path = ROOT
    action_port: int = 0
    rasa_port: int = 0
    endpoints: Path = ROOT


def action_server_command(port: int) -> List[str]:
    """The action server as 'make run' starts it (``bot.supervisor.standard_components``): ``bot.action_server``,
    warm, with the token guard and the private error answers and logs, not a bare ``rasa_sdk`` (which answers a
    failing action with the whole request and logs the exception text, with what was typed)."""
    return [sys.executable, "-m", "bot.action_server", "--actions", "actions", "--port", str(port)]


def action_server_env(env: Dict[str, str]) -> Dict[str, str]:
    """``env`` with what 'make run' adds for its action server (``bot.supervisor.standard_components``)."""
    return {**env, "SANIC_HOST": "127.0.0.1"}


@pytest.fixture(scope="session")
def stack(tmp_path_factory) -> Stack:
    """Action server, Rasa (model from models/, tracker in a temp SQLite file) and the web
    server, each on a free port; torn down after the session."""
    model = latest_model()
    tmp = tmp_path_factory.mktemp("e2e_stack")
    action_port, rasa_port, web_port = free_port(), free_port(), free_port()
    endpoints = tmp / "endpoints.yml"
    endpoints.write_text(
        f'action_endpoint:\n  url: "http://127.0.0.1:{action_port}/webhook"\n'
        f'tracker_store:\n  type: bot.privacy.tracker_store.MaskingSQLTrackerStore\n  dialect: "sqlite"\n'
        f'  db: "{tmp / "tracker.db"}"\n',
        encoding="utf-8",
    )
    database_url = f"sqlite:///{tmp / 'rustpunt.db'}"
    token = "e2e-" + secrets.token_hex(16)
    env = dict(os.environ)
    env.update(
        RUSTPUNT_DATABASE_URL=database_url,
        RUSTPUNT_TRAINER_TOKEN=token,
        RUSTPUNT_WEB_PORT=str(web_port),
        RUSTPUNT_RASA_URL=f"http://127.0.0.1:{rasa_port}",
        TF_CPP_MIN_LOG_LEVEL="2",
        PYTHONUNBUFFERED="1",
        RUSTPUNT_RASA_TOKEN="e2e-api-" + secrets.token_hex(16),
        RUSTPUNT_ENDPOINTS=str(endpoints),  # forgetting (web page, CLI) uses this stack's tracker database
    )
    env.pop("RUSTPUNT_WEB_HOST", None)
    env.pop("RUSTPUNT_MAX_MESSAGE", None)  # the default bound (test_resilience_e2e.py checks it)
    rasa_url = f"http://127.0.0.1:{rasa_port}"
    result = Stack(web_url=f"http://127.0.0.1:{web_port}", rasa_url=rasa_url, trainer_token=token,
                   database_url=database_url, rasa_token=env["RUSTPUNT_RASA_TOKEN"], env=env, tmp=tmp,
                   model=model, action_port=action_port, rasa_port=rasa_port, endpoints=endpoints)
    try:
        # as 'make run' does before it starts the servers: the key of the encrypted contact details
        prepared = subprocess.run([sys.executable, "-m", "bot.cli", "sleutel", "klaarzetten"], env=env, cwd=ROOT,
                                  capture_output=True, text=True)
        if prepared.returncode != 0:
            pytest.fail(f"rustpunt sleutel klaarzetten: {prepared.stdout}{prepared.stderr}", pytrace=False)
        actions = start_process("action-server", action_server_command(action_port), action_server_env(env), tmp)
        result.processes.append(actions)
        rasa = start_process(
            "rasa",
            [sys.executable, "-m", "bot.rasa_server", "run", "--enable-api", "-m", str(model),
             "--endpoints", str(endpoints),
             "--credentials", "credentials.yml", "--port", str(rasa_port), "-i", "127.0.0.1"],
            env, tmp,
        )
        result.processes.append(rasa)
        web = start_process("web", [sys.executable, "-m", "bot.web"], env, tmp)
        result.processes.append(web)

        wait_until(actions, lambda: http_get(f"http://127.0.0.1:{action_port}/health")[0] == 200,
                   ACTION_SERVER_WAIT, "the action server answered /health")
        status_url = f"{rasa_url}/status?token={result.rasa_token}"  # the API answers only with the token
        wait_until(rasa, lambda: '"model_id"' in http_get(status_url)[1],
                   RASA_WAIT, "Rasa loaded the model and answered /status")
        wait_until(web, lambda: http_get(result.web_url + "/")[0] == 200, WEB_WAIT,
                   "the web server answered /")
        yield result
    finally:
        for process in reversed(result.processes):
            process.stop()


def ensure_chromium() -> None:
    if Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists():
        return
    script = ROOT / "scripts" / "install_chromium.sh"
    proc = subprocess.run(["bash", str(script)], capture_output=True, text=True, timeout=900)
    if proc.returncode != 0 or not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()):
        pytest.fail(f"Chromium/chromedriver missing and {script} could not install them:\n"
                    f"{proc.stdout[-2000:]}\n{proc.stderr[-2000:]}", pytrace=False)


@pytest.fixture(scope="session")
def browser(tmp_path_factory):
    ensure_chromium()
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        pytest.fail("selenium is not installed: `pip install -e '.[test]'`.", pytrace=False)
    profile = tmp_path_factory.mktemp("chromium_profile")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    options.add_argument("--window-size=1280,1000")
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def screenshot(driver, name: str) -> Path:
    """Save a PNG of the current screen to var/screenshots/<name>.png, or to the folder in
    RUSTPUNT_SCREENSHOTS_DIR (``make screenshots`` uses docs/screenshots): ``make test`` changes
    no tracked file."""
    folder = Path(os.environ.get("RUSTPUNT_SCREENSHOTS_DIR") or SCREENSHOTS)
    folder = folder if folder.is_absolute() else ROOT / folder
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.png"
    driver.save_screenshot(str(path))
    return path


@pytest.fixture
def fresh_page(browser, stack):
    """The chat page with a new, empty conversation (cookies and localStorage cleared)."""
    browser.set_window_size(1280, 1000)
    browser.get(stack.web_url + "/")
    browser.execute_script("window.localStorage.clear();")
    clear_cookies(browser)
    browser.get(stack.web_url + "/")
    return browser


def clear_cookies(driver) -> None:
    """Every cookie of the browser, also those with Path=/api that WebDriver's own
    delete_all_cookies does not see from the page at /."""
    driver.execute_cdp_cmd("Network.clearBrowserCookies", {})

