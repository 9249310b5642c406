"""Security in the browser: only the browser that opened the printed address
is served, at this address only; no other site may frame the app or send it
a form; a form without its anti-forgery token does nothing; no page holds
key material."""

from __future__ import annotations

import html

import pytest
from selenium.webdriver.common.by import By

from psp_browser import KEY_MARKERS, Browser, ForeignSite, chromium

STORY = True  # in order: Maria is unlocked from the third step on

WRONG_HOST = "This is not the app's address. Open the address wallet-cli app gave."
WRONG_ORIGIN = "This request does not come from the app. Nothing was done."
ADDRESS_USED = "This address was already used. Start wallet-cli app again to get a new one."
NO_SESSION = "Open the address wallet-cli app gave, in this browser."
FORM_EXPIRED = "This form is no longer valid. Nothing was done. Reload the page."
ATTACKER_TEXT = "The other site was here"


@pytest.fixture(scope="module")
def foreign():
    site = ForeignSite()
    yield site
    site.stop()


@pytest.fixture
def stranger(app):
    """Another browser on the same machine, which never opened the address."""
    driver = chromium()
    yield Browser(driver, app)
    driver.quit()


def refused_with(person: Browser, text: str, doing: str):
    body = person.text()
    assert text in body, f"{doing}: expected the refusal {text!r} {person.where()}"
    assert not person.driver.find_elements(
        By.CSS_SELECTOR, "form, nav"
    ), f"{doing}: a refusal page shows no form and no navigation {person.where()}"


def test_a_wrong_token_or_no_cookie_is_refused(stranger, app):
    stranger.driver.get(app.url("/?token=not-the-token"))
    refused_with(stranger, ADDRESS_USED, "a wrong token")
    stranger.driver.get(app.url("/"))
    refused_with(stranger, NO_SESSION, "the app without the session cookie")
    stranger.driver.get(app.url("/fields"))
    refused_with(stranger, NO_SESSION, "a page without the session cookie")
    stranger.screenshot("security-no-session")


def test_the_printed_address_works_once(browser, stranger, app):
    # `browser` opened it (the fixture); a second browser with the same address is refused.
    stranger.driver.get(app.address)
    refused_with(stranger, ADDRESS_USED, "the printed address, a second time")
    stranger.screenshot("security-address-used")
    browser.go("/")
    assert browser.has_form("/unlock"), f"the first browser keeps its session {browser.where()}"


def test_another_name_for_this_address_is_refused(app):
    # DNS rebinding: a page of another site whose name now points to 127.0.0.1.
    driver = chromium(resolver_rules="MAP rebound.example 127.0.0.1")
    try:
        person = Browser(driver, app)
        driver.get(f"http://rebound.example:{app.port}/?token={app.token}")
        refused_with(person, WRONG_HOST, "the app under another host name")
    finally:
        driver.quit()


def test_maria_unlocks(browser):
    browser.unlock_as("maria")
    browser.go("/fields")
    browser.expect_no_alert("Maria's fields")


def test_no_page_holds_key_material(browser):
    for path in ["/", "/fields", "/log", "/grants", "/procurations", "/wallet"]:
        browser.go(path)
        source = browser.html()
        for marker in KEY_MARKERS:
            assert marker not in source, f"{marker!r} in the page {path}"


def test_another_site_cannot_frame_the_app(browser, foreign, app):
    # A control frame of the foreign site's own: proves the check sees a rendered frame.
    foreign.pages["/inner"] = "<!doctype html><title>inner</title><p id=marker>framed fine</p>"
    foreign.pages["/frame"] = (
        "<!doctype html><html lang=en><title>another site</title>"
        f'<iframe id=control src="/inner" title=control></iframe>'
        f'<iframe id=app src="{app.url("/fields")}" title=app width=800 height=600></iframe>'
    )
    browser.driver.get(foreign.base + "/frame")
    driver = browser.driver
    driver.switch_to.frame(driver.find_element(By.ID, "control"))
    assert driver.find_elements(By.ID, "marker"), "the control frame did not render"
    driver.switch_to.default_content()
    driver.switch_to.frame(driver.find_element(By.ID, "app"))
    inside_url = driver.execute_script("return location.href")
    inside = driver.page_source
    driver.switch_to.default_content()
    browser.screenshot("security-framed")
    assert (
        "csrf" not in inside and "<nav" not in inside and "Ferreira" not in inside
    ), f"the app rendered inside another site's frame (frame at {inside_url})"
    assert not inside_url.startswith(app.base), f"the framed app loaded: {inside_url}"


def read_csrf(browser: Browser) -> str:
    browser.go("/fields")
    return browser.driver.find_element(By.NAME, "csrf").get_attribute("value")


def fields_shown(browser: Browser) -> str:
    browser.go("/fields")
    return browser.text()


def test_a_form_from_another_site_does_nothing(browser, foreign, app):
    # Even with the right anti-forgery token (which another site cannot know),
    # a form whose Origin is another site is refused, and nothing is saved.
    csrf = read_csrf(browser)
    assert ATTACKER_TEXT not in fields_shown(browser)
    foreign.pages["/post"] = (
        "<!doctype html><html lang=en><title>another site</title>"
        f'<form id=evil method=post action="{app.url("/fields")}">'
        f'<input type=hidden name=csrf value="{html.escape(csrf)}">'
        '<input type=hidden name=name value="request_subject">'
        f'<input type=hidden name=value value="{ATTACKER_TEXT}">'
        "<button type=submit>win a prize</button></form>"
        f'<form id=lock method=post action="{app.url("/lock")}">'
        f'<input type=hidden name=csrf value="{html.escape(csrf)}">'
        "<button type=submit>lock</button></form>"
    )
    browser.driver.get(foreign.base + "/post")
    browser.submit(browser.driver.find_element(By.ID, "evil"))
    refused_with(browser, WRONG_ORIGIN, "a form posted from another site")
    browser.screenshot("security-foreign-form")
    assert ATTACKER_TEXT not in fields_shown(browser), "another site's form changed a field"

    browser.driver.get(foreign.base + "/post")
    browser.submit(browser.driver.find_element(By.ID, "lock"))
    refused_with(browser, WRONG_ORIGIN, "Lock posted from another site")
    browser.go("/")
    assert browser.is_unlocked(), "another site's form locked the wallet"


def test_a_form_without_its_token_does_nothing(browser):
    browser.go("/fields")
    form = browser.form("/fields")
    browser.choose("name", value="request_subject", form=form)
    browser.fill("value", ATTACKER_TEXT, form=form)
    # The page has no script; the test takes the hidden token out, as a forged form would lack it.
    browser.driver.execute_script("arguments[0].querySelector('input[name=csrf]').remove()", form)
    browser.submit(form)
    refused_with(browser, FORM_EXPIRED, "a form without its anti-forgery token")
    assert ATTACKER_TEXT not in fields_shown(browser), "a form without its token changed a field"
    # And with a wrong one.
    form = browser.form("/fields")
    browser.choose("name", value="request_subject", form=form)
    browser.fill("value", ATTACKER_TEXT, form=form)
    browser.driver.execute_script(
        "arguments[0].querySelector('input[name=csrf]').value = 'forged'", form
    )
    browser.submit(form)
    refused_with(browser, FORM_EXPIRED, "a form with a wrong anti-forgery token")
    assert ATTACKER_TEXT not in fields_shown(browser), "a form with a wrong token changed a field"
    # The control: the same form, as the page gave it, is saved (and seen).
    form = browser.form("/fields")
    browser.choose("name", value="request_subject", form=form)
    browser.fill("value", ATTACKER_TEXT, form=form)
    browser.submit(form)
    browser.expect_no_alert("the page's own form")
    assert ATTACKER_TEXT in fields_shown(browser), "the page's own form saves the field"


def test_locked_the_pages_ask_the_passphrase_again(browser):
    browser.lock()
    for path in ["/fields", "/log", "/grants"]:
        browser.go(path)
        assert (
            browser.has_form("/unlock") and not browser.is_unlocked()
        ), f"{path} after Lock {browser.where()}"
        assert "Ferreira" not in browser.html(), f"{path} shows Maria's data once locked"
