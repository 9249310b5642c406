"""Fixtures: each test module gets its own demo app (its own walletd, its own
temporary home) and its own Chromium; the screenshots folder is printed."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from psp_browser import ROOT, Browser, DemoApp, chromium, screenshot_dir

DEFAULT_SHOTS = ROOT / ".build" / "browser-screenshots"


def pytest_sessionstart(session):
    """The default folder holds this run's pictures only (a folder named by
    PSP_SCREENSHOTS is left as it is)."""
    if (
        not os.environ.get("PSP_SCREENSHOTS")
        or Path(os.environ["PSP_SCREENSHOTS"]) == DEFAULT_SHOTS
    ):
        for old in DEFAULT_SHOTS.glob("*"):
            if old.suffix in (".png", ".pdf"):
                old.unlink()


def pytest_report_header(config):
    return f"screenshots: {screenshot_dir()}"


def pytest_terminal_summary(terminalreporter):
    terminalreporter.write_line(f"browser tests: screenshots in {screenshot_dir()}")


@pytest.fixture(scope="module")
def app():
    demo = DemoApp(language="en")
    try:
        yield demo
    finally:
        demo.stop()
        demo.remove()


@pytest.fixture(scope="module")
def browser(app):
    """The person's own browser: it opened the printed address once."""
    driver = chromium()
    person = Browser(driver, app)
    try:
        person.open_address()
        assert person.path == "/", f"the printed address did not lead to the app: {person.where()}"
        yield person
    finally:
        driver.quit()


# Story steps: a module marked `story` is one story told step by step; after a
# failed step, the next ones are reported as xfail ("an earlier step failed"),
# never as passed.


def pytest_collection_modifyitems(items):
    for item in items:
        if item.get_closest_marker("story") is None and getattr(item.module, "STORY", False):
            item.add_marker(pytest.mark.story)


def pytest_configure(config):
    config.addinivalue_line("markers", "story: steps of one story, in order")


_failed: dict[str, str] = {}


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.when == "call" and report.failed:
        if item.get_closest_marker("story") is not None:
            _failed.setdefault(item.module.__name__, item.name)
        # The page the failure was on, for the person reading the log.
        person = item.funcargs.get("browser") if hasattr(item, "funcargs") else None
        if person is not None:
            try:
                name = re.sub(r"[^A-Za-z0-9_.-]", "_", f"FAILED-{item.module.__name__}-{item.name}")
                path = person.screenshot(name)
                report.sections.append(("screenshot", str(path)))
            except Exception:
                pass


def pytest_runtest_setup(item):
    if item.get_closest_marker("story") is not None:
        earlier = _failed.get(item.module.__name__)
        if earlier is not None:
            pytest.xfail(f"an earlier step of the story failed: {earlier}")
