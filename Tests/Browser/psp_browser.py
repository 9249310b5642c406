"""What the browser tests share: the demo app as a process, headless Chromium
driven by Selenium, axe-core in the page, screenshots, PDFs and QR codes.

Everything runs on this machine: the app (`wallet-cli app --demo`) listens on
127.0.0.1 and starts its own walletd and witnesses; the only other server is
the tests' own "foreign site" on another loopback port.
"""

from __future__ import annotations

import base64
import http.server
import json
import os
import re
import select
import shutil
import signal
import socketserver
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

ROOT = Path(__file__).resolve().parents[2]
DEMO_PASSPHRASE = "psp demo"
DESKTOP = (1280, 1000)
PHONE = (390, 844)
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

# Maria's demo values (Sources/Demo/DemoStory.swift): never in a log.
MARIA_SECRETS = [
    "Ferreira",
    "LU28 0019 4006 4475 0000",
    "LU28001940064475",
    "1985031212307",
    "12, rue de la Gare",
    "621 123 456",
]
# A page only each demo person's role links to: unlocked as them, not another.
ROLE_PAGE = {
    "maria": "/fields",
    "ana": "/fields",
    "paul": "/acting",
    "fns": "/received",
    "office": "/received",
}
KEY_MARKERS = ["k4.secret", "k4.local", "k4.secret-wrap", "k4.local-wrap", "k4.secret-pw"]


def wallet_cli() -> str:
    path = os.environ.get("PSP_WALLET_CLI")
    if path:
        return path
    built = ROOT / ".build" / "debug" / "wallet-cli"
    if built.exists():
        return str(built)
    raise RuntimeError("wallet-cli not built: run Tests/Browser/run.sh (or set PSP_WALLET_CLI)")


def screenshot_dir() -> Path:
    folder = Path(os.environ.get("PSP_SCREENSHOTS") or ROOT / ".build" / "browser-screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


# MARK: the app


class DemoApp:
    """`wallet-cli app --demo --no-open --lang LANG`, its first line read, its
    stdout and stderr kept in files (they include the in-process walletd's log)."""

    def __init__(self, language: str = "en", startup_seconds: float = 90):
        self.language = language
        self.folder = Path(tempfile.mkdtemp(prefix="psp-browser-"))
        self.stdout_path = self.folder / "app.stdout"
        self.stderr_path = self.folder / "app.stderr"
        env = {k: v for k, v in os.environ.items() if not k.startswith("PSP_")}
        env["HOME"] = str(self.folder / "home")
        (self.folder / "home").mkdir()
        # The demo's world (walletd's data, the witnesses', the identities) is
        # made in the temporary folder: here, where the tests can look at it.
        env["TMPDIR"] = str(self.folder / "tmp")
        (self.folder / "tmp").mkdir()
        self._stdout = open(self.stdout_path, "wb")
        self._stderr = open(self.stderr_path, "wb")
        read, write = os.pipe()
        self.process = subprocess.Popen(
            [wallet_cli(), "app", "--demo", "--no-open", "--lang", language],
            stdout=write,
            stderr=self._stderr,
            stdin=subprocess.DEVNULL,
            cwd=self.folder,
            env=env,
            start_new_session=True,
        )
        os.close(write)
        self._pipe = read
        self._pump = None
        try:
            self.address = self._first_line(startup_seconds)
        except BaseException:
            self.stop()
            self.remove()
            raise
        match = re.fullmatch(r"http://127\.0\.0\.1:(\d+)/\?token=([A-Za-z0-9_-]+)", self.address)
        if not match:
            self.stop()
            self.remove()
            raise AssertionError(f"the app's first line is not its address: {self.address!r}")
        self.port = int(match.group(1))
        self.token = match.group(2)
        self.base = f"http://127.0.0.1:{self.port}"
        # The rest of stdout goes on into the file.
        self._pump = threading.Thread(target=self._copy_rest, daemon=True)
        self._pump.start()

    def _first_line(self, seconds: float) -> str:
        deadline = time.monotonic() + seconds
        buffer = b""
        while b"\n" not in buffer:
            left = deadline - time.monotonic()
            if left <= 0 or self.process.poll() is not None:
                how = (
                    f"exited ({self.process.returncode})"
                    if self.process.returncode is not None
                    else f"printed nothing in {seconds:.0f} s"
                )
                raise AssertionError(
                    f"wallet-cli app --demo {how} before its address; "
                    f"stderr:\n{self.stderr_text()[-2000:]}"
                )
            ready, _, _ = select.select([self._pipe], [], [], min(left, 0.5))
            if ready:
                chunk = os.read(self._pipe, 4096)
                if not chunk:
                    continue
                buffer += chunk
        line, rest = buffer.split(b"\n", 1)
        self._stdout.write(line + b"\n" + rest)
        self._stdout.flush()
        return line.decode().strip()

    def _copy_rest(self):
        while True:
            try:
                chunk = os.read(self._pipe, 65536)
            except OSError:
                return
            if not chunk:
                return
            self._stdout.write(chunk)
            self._stdout.flush()

    def server_files(self) -> list[Path]:
        """The files of the demo's walletd and witnesses (not the identities' home)."""
        worlds = list((self.folder / "tmp").glob("psp-app-demo-*"))
        assert len(worlds) == 1, f"the demo's folder is not in TMPDIR: {worlds}"
        return [
            p
            for p in worlds[0].rglob("*")
            if p.is_file() and "home" not in p.relative_to(worlds[0]).parts[:1]
        ]

    def url(self, path: str) -> str:
        return self.base + path

    def stdout_text(self) -> str:
        return self.stdout_path.read_text(errors="replace")

    def stderr_text(self) -> str:
        return self.stderr_path.read_text(errors="replace")

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)
        if self._pump is not None:
            self._pump.join(5)
        for done in (self._stdout, self._stderr):
            if not done.closed:
                done.close()
        if self._pump is None or not self._pump.is_alive():
            try:
                os.close(self._pipe)
            except OSError:
                pass

    def remove(self):
        shutil.rmtree(self.folder, ignore_errors=True)


# MARK: the browser


def chromium(size=DESKTOP, resolver_rules: str | None = None) -> webdriver.Chrome:
    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("PSP_CHROMIUM", "/usr/bin/chromium")
    for argument in [
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--disable-extensions",
        "--disable-background-networking",
        f"--window-size={size[0]},{size[1]}",
        "--force-device-scale-factor=1",
        "--lang=en-GB",
    ]:
        options.add_argument(argument)
    if resolver_rules:
        options.add_argument(f"--host-resolver-rules={resolver_rules}")
    service = Service(os.environ.get("PSP_CHROMEDRIVER", "/usr/bin/chromedriver"))
    driver = webdriver.Chrome(options=options, service=service)
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(60)
    return driver


@dataclass
class Browser:
    """One person's browser on the app: Chromium, the app, what it saw."""

    driver: webdriver.Chrome
    app: DemoApp
    shots: Path = field(default_factory=screenshot_dir)
    demo: bool = True

    # navigation

    def open_address(self, seconds: float = 10):
        """The printed address, as a person opens it: its page goes on to `/`."""
        self.driver.get(self.app.address)
        deadline = time.monotonic() + seconds
        while self.path != "/" and time.monotonic() < deadline:
            time.sleep(0.1)
        while self.driver.execute_script("return document.readyState") != "complete":
            time.sleep(0.05)

    def go(self, path: str):
        self.driver.get(self.app.url(path))

    @property
    def path(self) -> str:
        url = self.driver.current_url
        return url[len(self.app.base) :] if url.startswith(self.app.base) else url

    def text(self) -> str:
        return self.driver.find_element(By.TAG_NAME, "body").text

    def html(self) -> str:
        return self.driver.page_source

    def alerts(self) -> list[str]:
        return [e.text for e in self.driver.find_elements(By.CSS_SELECTOR, '[role="alert"]')]

    def statuses(self) -> list[str]:
        return [e.text for e in self.driver.find_elements(By.CSS_SELECTOR, '[role="status"]')]

    def where(self) -> str:
        """For failure messages: the page, its alerts, the start of its text."""
        return f"on {self.path!r}: alerts={self.alerts()!r}; page text: {self.text()[:600]!r}"

    def expect_no_alert(self, doing: str):
        alerts = self.alerts()
        assert not alerts, f"{doing}: unexpected refusal {self.where()}"

    def expect_alert(self, doing: str) -> str:
        alerts = self.alerts()
        assert alerts, f"{doing}: expected a refusal (role=alert) {self.where()}"
        return " ".join(alerts)

    def links(self) -> dict[str, str]:
        """The navigation's links, label → path."""
        out = {}
        for link in self.driver.find_elements(By.CSS_SELECTOR, "nav a[href]"):
            href = link.get_attribute("href") or ""
            out[link.text.strip()] = (
                href[len(self.app.base) :] if href.startswith(self.app.base) else href
            )
        return out

    def follow(self, href: str):
        """Click the link to `href` in the page's main part."""
        links = self.driver.find_elements(By.CSS_SELECTOR, f'main a[href="{href}"]')
        assert links, f"no link to {href} {self.where()}"
        old = self.driver.find_element(By.TAG_NAME, "html")
        links[0].click()
        self.wait_for_new_page(old)

    # forms, by label / id / name

    def named(self, name: str, form=None):
        """The control named `name` (in the form, when given)."""
        found = (form or self.driver).find_elements(By.NAME, name)
        assert found, f"no control named {name!r} {self.where()}"
        return found[0]

    def fill(self, name: str, value: str, form=None):
        element = self.named(name, form)
        element.clear()
        element.send_keys(value)

    def choose(self, name: str, value: str | None = None, containing: str | None = None, form=None):
        select_element = Select(self.named(name, form))
        if value is not None:
            values = [o.get_attribute("value") for o in select_element.options]
            assert (
                value in values
            ), f"<select name={name}> has no {value!r} (has {values}) {self.where()}"
            select_element.select_by_value(value)
            return
        for option in select_element.options:
            if (
                containing.lower() in option.text.lower()
                or containing.lower() in (option.get_attribute("value") or "").lower()
            ):
                select_element.select_by_value(option.get_attribute("value"))
                return
        raise AssertionError(
            f"<select name={name}> has no option with {containing!r} "
            f"(has {[o.text for o in select_element.options]}) {self.where()}"
        )

    def options(self, name: str) -> list[tuple[str, str]]:
        return [(o.get_attribute("value"), o.text) for o in Select(self.named(name)).options]

    def submit(self, form, button_value: str | None = None):
        """Press the form's button (by its value when several), and wait for the next page."""
        old = self.driver.find_element(By.TAG_NAME, "html")
        if button_value is not None:
            button = form.find_element(By.CSS_SELECTOR, f'button[value="{button_value}"]')
        else:
            button = form.find_element(By.CSS_SELECTOR, "button[type=submit], button:not([type])")
        button.click()
        self.wait_for_new_page(old)

    def wait_for_new_page(self, old, seconds=30):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                old.tag_name  # raises once the page is gone
            except Exception:
                break
            time.sleep(0.05)
        else:
            raise AssertionError(f"the page did not change after submitting {self.where()}")
        while self.driver.execute_script("return document.readyState") != "complete":
            time.sleep(0.05)

    def form(self, action: str, method: str = "post", containing: str | None = None):
        """The form posting to `action` (and holding the text, when several)."""
        forms = [
            f
            for f in self.driver.find_elements(By.TAG_NAME, "form")
            if (f.get_attribute("action") or "").endswith(action)
            and (f.get_attribute("method") or "get").lower() == method
        ]
        if containing is not None:
            forms = [f for f in forms if containing in self._context_of(f)]
        assert forms, (
            f"no {method.upper()} form to {action!r}"
            + (f" about {containing!r}" if containing else "")
            + f" {self.where()}"
        )
        return forms[0]

    def _context_of(self, form) -> str:
        """The form's text and hidden values, and its section's text."""
        hidden = " ".join(
            i.get_attribute("value") or ""
            for i in form.find_elements(By.CSS_SELECTOR, "input[type=hidden]")
        )
        section = form.find_elements(By.XPATH, "ancestor::section[1]")
        return form.text + " " + hidden + " " + (section[0].text if section else "")

    def has_form(self, action: str, method: str = "post", containing: str | None = None) -> bool:
        try:
            self.form(action, method, containing)
            return True
        except AssertionError:
            return False

    # the session

    def is_unlocked(self) -> bool:
        return self.has_form("/lock")

    def lock(self):
        if not self.is_unlocked():
            self.go("/")  # a sheet, or a refusal, has no Lock button
        if self.is_unlocked():
            self.submit(self.form("/lock"))
        assert (
            self.has_form("/unlock") and not self.is_unlocked()
        ), f"Lock did not lead to the unlock page {self.where()}"

    def unlock_as(self, who: str, passphrase: str = DEMO_PASSPHRASE):
        self.try_unlock(who, passphrase)
        self.expect_no_alert(f"unlocking as {who}")
        assert self.is_unlocked(), f"not unlocked as {who} {self.where()}"
        own = ROLE_PAGE.get(who)
        assert (
            own is None or own in self.links().values()
        ), f"unlocked, but not as {who}: no link to {own} {self.where()}"

    def try_unlock(self, who: str, passphrase: str):
        """The unlock form, filled in and sent: the page it leads to."""
        self.go("/")
        if self.is_unlocked():
            self.lock()
        form = self.form("/unlock")
        if not form.find_elements(By.NAME, "who"):
            assert not self.demo, f"the demo's unlock page has no <select name=who> {self.where()}"
        elif self._has_value(form, who):
            self.choose("who", value=who, form=form)
        else:
            self.choose("who", containing=who, form=form)
        self.fill("passphrase", passphrase, form=form)
        self.submit(form)

    def _has_value(self, form, value: str) -> bool:
        return any(
            o.get_attribute("value") == value
            for o in form.find_elements(By.CSS_SELECTOR, "select[name=who] option")
        )

    # evidence

    def screenshot(self, name: str) -> Path:
        path = self.shots / f"{name}.png"
        self.driver.save_screenshot(str(path))
        return path

    def full_screenshot(self, name: str) -> Path:
        """The whole page, not only the window (through the DevTools protocol)."""
        metrics = self.driver.execute_cdp_cmd("Page.getLayoutMetrics", {})
        size = metrics.get("cssContentSize") or metrics["contentSize"]
        shot = self.driver.execute_cdp_cmd(
            "Page.captureScreenshot",
            {
                "format": "png",
                "captureBeyondViewport": True,
                "clip": {
                    "x": 0,
                    "y": 0,
                    "width": size["width"],
                    "height": size["height"],
                    "scale": 1,
                },
            },
        )
        path = self.shots / f"{name}.png"
        path.write_bytes(base64.b64decode(shot["data"]))
        return path

    def axe(self) -> list[dict]:
        """axe-core in the page (WCAG 2.1 A and AA): the serious and critical violations."""
        if not self.driver.execute_script("return typeof window.axe === 'object'"):
            self.driver.execute_script(axe_source())
        result = self.driver.execute_async_script(
            """
            const done = arguments[arguments.length - 1];
            const only = {runOnly: {type: "tag", values: arguments[0]},
                          resultTypes: ["violations"]};
            axe.run(document, only)
              .then(r => done({violations: r.violations.map(v => ({
                  id: v.id, impact: v.impact, help: v.help,
                  nodes: v.nodes.map(n => n.target.join(' ') + ': ' + n.failureSummary)}))}))
              .catch(e => done({error: String(e)}));
            """,
            WCAG_TAGS,
        )
        assert "error" not in result, f"axe-core failed {self.where()}: {result.get('error')}"
        return [v for v in result["violations"] if v["impact"] in ("serious", "critical")]

    def check_accessible(self, page: str):
        serious = self.axe()
        assert not serious, f"axe-core on {page} ({self.path}): " + json.dumps(
            serious, indent=1, ensure_ascii=False
        )

    def fits_width(self) -> bool:
        return self.driver.execute_script(
            "const page = document.documentElement;"
            "return page.scrollWidth <= page.clientWidth + 1"
        )

    def overflowing(self) -> list[str]:
        """The innermost elements that stick out on the right (for failure messages)."""
        return self.driver.execute_script("""
            const width = document.documentElement.clientWidth;
            const out = [];
            for (const e of document.body.querySelectorAll('*')) {
              const r = e.getBoundingClientRect();
              const sticksOut = x => x.getBoundingClientRect().right > width + 1;
              if (sticksOut(e) && ![...e.children].some(sticksOut))
                out.push(e.tagName.toLowerCase() + (e.className ? '.' + e.className : '')
                  + ' "' + (e.textContent || '').trim().slice(0, 40) + '" ends at '
                  + Math.round(r.right) + 'px');
            }
            return out.slice(0, 5);
            """)

    def print_pdf(self) -> bytes:
        """The page printed by Chromium (DevTools' Page.printToPDF, as Ctrl-P prints):
        on A4, with the page's own print stylesheet and `@page` rules."""
        printed = self.driver.execute_cdp_cmd(
            "Page.printToPDF",
            {
                "paperWidth": 8.27,  # A4, in inches
                "paperHeight": 11.69,
                "preferCSSPageSize": True,
                "printBackground": False,
            },
        )
        return base64.b64decode(printed["data"])


_AXE: str | None = None


def axe_source() -> str:
    global _AXE
    if _AXE is None:
        path = Path(os.environ.get("PSP_AXE") or ROOT / ".build" / "browser-venv" / "axe.min.js")
        if not path.exists():
            raise RuntimeError(f"{path} is missing: Tests/Browser/run.sh puts axe-core there")
        _AXE = path.read_text()
    return _AXE


def pdf_pages(pdf: bytes) -> int:
    """The page count of a PDF as Chromium (Skia) writes it: its page tree's /Count."""
    assert pdf.startswith(b"%PDF"), "not a PDF"
    counts = [int(c) for c in re.findall(rb"/Type\s*/Pages\b[^>]*?/Count\s+(\d+)", pdf, re.S)]
    counts += [int(c) for c in re.findall(rb"/Count\s+(\d+)[^>]*?/Type\s*/Pages\b", pdf, re.S)]
    pages = len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf))
    assert counts or pages, "no page tree in the PDF"
    return max(counts) if counts else pages


def decode_qr(png: Path) -> list[str]:
    """The QR codes zbarimg reads in the picture (its text, one per code)."""
    run = subprocess.run(
        ["zbarimg", "--quiet", "--raw", "-Sbinary", str(png)],
        capture_output=True,
        timeout=30,
    )
    if run.returncode not in (0, 4):  # 4: no code found
        raise AssertionError(f"zbarimg failed on {png}: {run.stderr.decode(errors='replace')}")
    text = run.stdout.decode("utf-8", errors="replace")
    return [line for line in text.splitlines() if line.strip()]


# MARK: another site, on another loopback port


class ForeignSite:
    """A tiny http.server on another port of 127.0.0.1: another origin, whose
    pages frame the app or post a form to it."""

    def __init__(self):
        self.pages: dict[str, str] = {}
        pages = self.pages

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                body = pages.get(self.path.split("?")[0])
                if body is None:
                    self.send_response(404)
                    self.end_headers()
                    return
                data = body.encode()
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):
                pass

        class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
            daemon_threads = True

        self.server = Server(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self.base = f"http://127.0.0.1:{self.port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self):
        self.server.shutdown()
        self.server.server_close()
