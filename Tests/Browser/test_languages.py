"""The app in French, German and Portuguese (`--lang`): the pages say so in
`<html lang>`, speak that language, and no English page word is left on any
page of Maria's navigation."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By

from psp_browser import Browser, DemoApp, chromium

TITLE = {
    "fr": "Mon portefeuille social",
    "de": "Meine soziale Brieftasche",
    "pt": "A minha carteira social",
}
SAVE = {"fr": "Enregistrer", "de": "Speichern", "pt": "Guardar"}
# The English navigation and buttons: none of them in another language's pages.
ENGLISH = ["My fields", "My permissions", "My log", "Lock", "Save", "My requests for aid"]


@pytest.mark.parametrize("language", ["fr", "de", "pt"])
def test_maria_in(language):
    app = DemoApp(language=language)
    driver = chromium()
    try:
        person = Browser(driver, app)
        person.open_address()
        lang = driver.find_element(By.TAG_NAME, "html").get_attribute("lang")
        assert lang == language, f"<html lang={lang!r}> for --lang {language}"
        assert TITLE[language] in person.text(), f"the unlock page in {language} {person.where()}"
        person.unlock_as("maria")
        person.go("/fields")
        buttons = [b.text for b in driver.find_elements(By.CSS_SELECTOR, "main button")]
        assert SAVE[language] in buttons, f"the fields page in {language}: buttons {buttons}"
        for path in [p for p in person.links().values() if p.startswith("/")]:
            person.go(path)
            person.expect_no_alert(f"{path} in {language}")
            assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == language
            words = [w for w in ENGLISH if w in person.text().split("\n")]
            assert not words, f"English words {words} on {path} in {language}"
        person.screenshot(f"lang-{language}-fields")
    finally:
        driver.quit()
        app.stop()
        app.remove()
