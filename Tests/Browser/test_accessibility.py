"""axe-core (WCAG 2.1 A and AA) in every main page of every role, on a
computer screen and on a phone screen: no serious or critical violation, and
nothing to scroll sideways on a phone. The main pages are the navigation's
links of each person (so a new page is checked as soon as it is linked), the
unlock page, a refusal page, and the forms one step further."""

from __future__ import annotations

import pytest

from psp_browser import DESKTOP, PHONE, Browser, chromium

# One browser, unlocked as each person in turn; each person is checked on their own.

PEOPLE = ["maria", "paul", "fns", "office"]
FURTHER = {"maria": ["/procurations/new"]}


def pages_of(browser: Browser, who: str) -> list[str]:
    browser.go("/")
    paths = [p for p in browser.links().values() if p.startswith("/")]
    assert "/" in paths, f"{who}'s navigation has a link home ({paths})"
    return paths + FURTHER.get(who, [])


def test_the_unlock_and_refusal_pages(browser, app):
    browser.go("/")
    browser.screenshot("a11y-unlock")
    browser.check_accessible("the unlock page")
    driver = chromium()
    try:
        stranger = Browser(driver, app)
        driver.get(app.url("/"))
        stranger.screenshot("a11y-refusal")
        stranger.check_accessible("a refusal page")
    finally:
        driver.quit()


@pytest.mark.parametrize("who", PEOPLE)
def test_every_main_page(browser, who):
    browser.unlock_as(who)
    problems = []
    for size_name, size in [("desktop", DESKTOP), ("phone", PHONE)]:
        browser.driver.set_window_size(*size)
        for path in pages_of(browser, who):
            browser.go(path)
            name = f"a11y-{who}-{size_name}-{path.strip('/').replace('/', '-') or 'home'}"
            if size_name == "phone":
                browser.full_screenshot(name)
                if not browser.fits_width():
                    problems.append(
                        f"{who} {path}: scrolls sideways at {size[0]} px: {browser.overflowing()}"
                    )
            else:
                browser.screenshot(name)
            if browser.alerts():
                problems.append(f"{who} {path}: a refusal on a main page: {browser.alerts()}")
            try:
                browser.check_accessible(f"{who}'s {path} ({size_name})")
            except AssertionError as failure:
                problems.append(str(failure))
    browser.driver.set_window_size(*DESKTOP)
    assert not problems, "\n".join(problems)
