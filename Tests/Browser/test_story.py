"""The demo story, through the pages, in a real browser, against the real
walletd that `wallet-cli app --demo` starts: what each person sees, including
the refusals. Every main page is screenshotted and checked by axe-core.

Maria (citizen) sees her fields, is refused a wrong value in place, previews
and gives a permission, previews and gives a procuration, reads her intact
log. Paul (her trusted person) sees her wallet and fields, files a request
for her, and is refused what his procuration does not allow. The office
social reads, acknowledges and decides. The FNS reads the fields Maria
allowed; Maria withdraws that permission; the FNS is then refused. Maria sees
the decision and the readings in her log. Her sheets print on one A4 page
each, and the procuration sheet's QR code reads as the reference beside it.
Nothing of hers, no passphrase and no key is in the app's output.
"""

from __future__ import annotations

import base64
import json
import re
import time

from selenium.webdriver.common.by import By

from psp_browser import (
    DEMO_PASSPHRASE,
    DESKTOP,
    KEY_MARKERS,
    MARIA_SECRETS,
    PHONE,
    Browser,
    decode_qr,
    pdf_pages,
)

STORY = True

FNS = "Fonds national de solidarité"
OFFICE = "Office social de Redange"
INTACT = "Your log is intact"
WRONG_IBAN = "LU28 0019 4006 4475 0001"  # one digit off: its check digits are wrong
MOTIVATION = "Aide accordée pour la facture d'électricité de janvier."
RECOURSE = "Recours gracieux auprès de l'office social dans les 40 jours."
FILE_NUMBER = "OS-2026-0042"
NEW_PASSPHRASE = "ana's first passphrase"
ANA_PASSPHRASE = "a brand new passphrase"
PAULS_NOTE = "Help to pay the electricity bill"

story: dict = {}


def check_page(person: Browser, name: str):
    """A main page: its screenshot, axe-core, no key material in it."""
    person.screenshot(name)
    source = person.html()
    for marker in KEY_MARKERS:
        assert marker not in source, f"{marker!r} in the page {name} ({person.path})"
    person.check_accessible(name)


# MARK: Maria


def test_maria_sees_her_fields(browser):
    browser.go("/")
    check_page(browser, "00-unlock")
    assert DEMO_PASSPHRASE in browser.text(), "the demo's unlock page shows the demo passphrase"
    people = [value for value, _ in browser.options("who")]
    for who in ["maria", "paul", "fns", "office"]:
        assert who in people, f"the demo's unlock page offers {who} (offers {people})"

    # A wrong passphrase: told in place, still locked.
    form = browser.form("/unlock")
    browser.choose("who", value="maria", form=form)
    browser.fill("passphrase", "not the passphrase", form=form)
    browser.submit(form)
    browser.expect_alert("a wrong passphrase")
    assert not browser.is_unlocked(), "a wrong passphrase unlocked the wallet"

    browser.unlock_as("maria")
    check_page(browser, "01-maria-home")
    links = browser.links()
    for path in ["/fields", "/grants", "/procurations", "/filings", "/log"]:
        assert path in links.values(), f"Maria's navigation has {path} (has {links})"
    browser.go("/fields")
    browser.expect_no_alert("Maria's fields")
    text = browser.text()
    for value in ["Ferreira", "LU28 0019 4006 4475 0000", "Redange"]:
        assert value in text, f"Maria's fields show {value!r} {browser.where()}"
    assert (
        len(browser.driver.find_elements(By.CSS_SELECTOR, "main section h2")) >= 2
    ), "her fields are shown by circle"
    check_page(browser, "02-maria-fields")


def test_maria_a_wrong_value_is_refused_in_place(browser):
    browser.go("/fields")
    form = browser.form("/fields")
    browser.choose("name", value="iban", form=form)
    browser.fill("value", WRONG_IBAN, form=form)
    browser.submit(form)
    alert = browser.expect_alert("a wrong IBAN")
    assert WRONG_IBAN not in alert, "the typed value is not put in the message"
    value = browser.driver.find_element(By.NAME, "value").get_attribute("value")
    assert value == WRONG_IBAN, f"the typed value is given back to correct (got {value!r})"
    assert "LU28 0019 4006 4475 0000" in browser.text(), "her IBAN is unchanged"
    browser.screenshot("03-maria-wrong-value")

    # Hostile input: a date that is markup. Refused, shown escaped, never run.
    form = browser.form("/fields")
    browser.choose("name", value="birth_date", form=form)
    browser.fill("value", "<b id=injected>1</b>", form=form)
    browser.submit(form)
    browser.expect_alert("markup as a date")
    assert not browser.driver.find_elements(By.ID, "injected"), "typed markup became HTML"
    browser.go("/fields")
    assert "1985" in browser.text(), "her birth date is unchanged"


def test_maria_previews_and_gives_a_permission(browser):
    browser.go("/grants")
    browser.expect_no_alert("Maria's permissions")
    assert FNS in browser.text(), "the demo's permission to the FNS is listed"
    check_page(browser, "04-maria-grants")
    choices = browser.options("choice")
    office = [v for v, label in choices if v.startswith("office-social-redange|")]
    assert office, f"a permission for the office social can be chosen (choices {choices})"
    form = browser.form("/grants/new", method="get")
    browser.choose("choice", value=office[0], form=form)
    browser.submit(form)
    browser.expect_no_alert("the permission's preview")
    assert OFFICE in browser.text(), f"the preview names the office {browser.where()}"
    shown = browser.driver.find_elements(By.CSS_SELECTOR, "main ul li")
    assert shown, f"the preview lists the fields it will read {browser.where()}"
    check_page(browser, "05-maria-grant-preview")
    browser.submit(browser.form("/grants"))
    assert browser.path.startswith("/grants"), browser.where()
    browser.expect_no_alert("giving the permission")
    assert browser.statuses(), f"'Done.' is said {browser.where()}"
    assert OFFICE in browser.text()

    def office_state() -> str:
        form = browser.form("/grants/change", containing=OFFICE)
        return form.find_element(By.XPATH, "ancestor::section[1]").text

    browser.submit(browser.form("/grants/change", containing=OFFICE), button_value="pause")
    browser.expect_no_alert("pausing the permission")
    assert "paused" in office_state(), f"the permission is paused {browser.where()}"
    browser.submit(browser.form("/grants/change", containing=OFFICE), button_value="resume")
    browser.expect_no_alert("resuming the permission")
    assert "active" in office_state(), f"the permission is active again {browser.where()}"


def test_maria_withdrawing_needs_the_for_good_tick(browser):
    browser.go("/grants")
    form = browser.form("/grants/change", containing=OFFICE)
    browser.submit(form, button_value="revoke")
    browser.expect_alert("withdrawing without the 'for good' tick")
    browser.go("/grants")
    assert browser.form("/grants/change", containing=OFFICE), "the permission is still there"


def test_maria_previews_and_gives_a_procuration(browser):
    browser.go("/procurations")
    browser.expect_no_alert("Maria's procurations")
    check_page(browser, "06-maria-procurations")
    assert "paul" in browser.text().lower(), "Paul's procuration of the demo is listed"
    story["procurations_before"] = re.findall(
        r"/sheets/procuration/([A-Za-z0-9_-]+)", browser.html()
    )

    browser.go("/procurations/new")
    browser.expect_no_alert("the procuration form")
    check_page(browser, "07-maria-procuration-form")
    # Wrong: no kind chosen. Told in place, nothing given.
    form = browser.form("/procurations")
    browser.choose("to", value="paul", form=form)
    for box in form.find_elements(By.CSS_SELECTOR, 'input[name="action"][value="read"]'):
        box.click()
    browser.submit(form)
    browser.expect_alert("a procuration without its kind")

    form = browser.form("/procurations")
    browser.choose("to", value="paul", form=form)
    form.find_element(By.CSS_SELECTOR, 'input[name="kind"][value="once"]').click()
    for name, value in [("action", "file"), ("aid", "revis")]:
        box = form.find_element(By.CSS_SELECTOR, f'input[name="{name}"][value="{value}"]')
        if not box.is_selected():
            box.click()
    browser.choose("at", value="fns", form=form)
    browser.submit(form)
    browser.expect_no_alert("the procuration's preview")
    text = browser.text()
    assert (
        "paul" in text.lower() and FNS in text
    ), f"the preview says who and where {browser.where()}"
    check_page(browser, "08-maria-procuration-preview")
    confirm = browser.form("/procurations", containing="")
    browser.submit(confirm)
    assert browser.path.startswith("/procurations/given/"), browser.where()
    browser.expect_no_alert("giving the procuration")
    story["procuration"] = browser.path.rsplit("/", 1)[1]
    check_page(browser, "09-maria-procuration-given")


def test_maria_reads_her_intact_log(browser):
    browser.go("/log")
    browser.expect_no_alert("Maria's log")
    assert INTACT in browser.text(), f"the log is checked against the witnesses {browser.where()}"
    sentences = browser.driver.find_elements(By.CSS_SELECTOR, "main ol li")
    assert len(sentences) >= 3, f"the log is told in sentences {browser.where()}"
    check_page(browser, "10-maria-log")


# MARK: Paul, her trusted person


def test_paul_sees_marias_wallet(browser):
    browser.unlock_as("paul")
    check_page(browser, "11-paul-home")
    wallets = browser.driver.find_elements(By.CSS_SELECTOR, 'main a[href^="/acting/"]')
    assert wallets, f"Paul sees the wallets he acts for {browser.where()}"
    story["acting"] = wallets[0].get_attribute("href")[len(browser.app.base) :]
    wallets[0].click()
    browser.expect_no_alert("Maria's wallet, for Paul")
    check_page(browser, "12-paul-maria-wallet")
    browser.go(story["acting"] + "/fields")
    browser.expect_no_alert("Maria's fields, for Paul")
    assert "Ferreira" in browser.text(), f"Paul reads Maria's fields {browser.where()}"
    check_page(browser, "13-paul-maria-fields")
    # He may change her fields: a wrong value refused in place, a right one saved.
    form = browser.form(story["acting"] + "/fields")
    browser.choose("name", value="iban", form=form)
    browser.fill("value", WRONG_IBAN, form=form)
    browser.submit(form)
    browser.expect_alert("Paul types a wrong IBAN for Maria")
    form = browser.form(story["acting"] + "/fields")
    browser.choose("name", value="request_subject", form=form)
    browser.fill("value", PAULS_NOTE, form=form)
    browser.submit(form)
    browser.expect_no_alert("Paul fills in what Maria asks for")
    assert browser.statuses(), f"Paul's change is said saved {browser.where()}"
    browser.go(story["acting"] + "/log")
    browser.expect_no_alert("Maria's log, for Paul")
    assert any(
        "intact" in said for said in browser.statuses()
    ), f"Paul reads Maria's log, checked against the witnesses {browser.where()}"
    # His procuration lets him read, change and file, not give permissions: not offered.
    browser.go(story["acting"] + "/grants")
    browser.expect_no_alert("Maria's permissions, for Paul")
    assert FNS in browser.text(), f"Paul sees Maria's permissions {browser.where()}"
    assert not browser.has_form(
        story["acting"] + "/grants/new", method="get"
    ), "giving a permission is offered to Paul, whose procuration does not allow it"


def test_paul_is_refused_what_his_procuration_does_not_allow(browser):
    # A reference that is not one: told in place.
    browser.go("/acting")
    form = browser.form("/acting")
    browser.fill("reference", "NOT-A-REFERENCE", form=form)
    browser.submit(form)
    browser.expect_alert("a wrong wallet reference")
    # A request for an aid his procuration does not cover (typed as an address).
    browser.go(story["acting"] + "/file?choice=fns%7Callocation-vie-chere")
    alert = browser.expect_alert("a request outside Paul's procuration")
    browser.screenshot("14-paul-refused")
    browser.go(story["acting"] + "/filings")
    filed = browser.driver.find_elements(By.CSS_SELECTOR, 'main a[href*="/filings/"]')
    assert not filed, f"nothing was filed after the refusal ({alert}) {browser.where()}"


def test_paul_files_a_request_for_maria(browser):
    browser.go(story["acting"])
    form = browser.form(story["acting"] + "/file", method="get")
    choices = browser.options("choice")
    office = [v for v, _ in choices if "aide-sociale" in v]
    assert office, f"Paul may file for the aide sociale (choices {choices})"
    browser.choose("choice", value=office[0], form=form)
    browser.submit(form)
    browser.expect_no_alert("the request's preview")
    assert browser.driver.find_elements(
        By.CSS_SELECTOR, "main ul li"
    ), f"the preview lists what the office will read {browser.where()}"
    check_page(browser, "15-paul-file-preview")
    browser.submit(browser.form(story["acting"] + "/file"))
    assert "/filings/" in browser.path, browser.where()
    browser.expect_no_alert("filing the request")
    story["filing"] = browser.path.split("/filings/")[1].split("?")[0]
    check_page(browser, "16-paul-filed")


# MARK: the office social


def test_the_office_reads_acknowledges_and_decides(browser):
    browser.unlock_as("office")
    check_page(browser, "17-office-received")
    filing = story["filing"]
    read = browser.form("/received/read", containing=filing)
    browser.submit(read)
    browser.expect_no_alert("the office reads the request's fields")
    assert "Ferreira" in browser.text(), f"the office reads Maria's fields {browser.where()}"
    check_page(browser, "18-office-read")

    # Wrong: no file number. Told in place, nothing sent.
    form = browser.form("/received/acknowledge", containing=filing)
    browser.fill("service", "Accueil social", form=form)
    browser.fill("phone", "+352 2000 0000", form=form)
    browser.driver.execute_script(
        "arguments[0].noValidate = true", form
    )  # past the browser's own check
    browser.submit(form)
    browser.expect_alert("an acknowledgement without its number")

    form = browser.form("/received/acknowledge", containing=filing)
    browser.fill("number", FILE_NUMBER, form=form)
    browser.fill("service", "Accueil social", form=form)
    browser.fill("phone", "+352 2000 0000", form=form)
    browser.submit(form)
    browser.expect_no_alert("acknowledging")
    assert FILE_NUMBER in browser.text(), f"the acknowledgement is shown {browser.where()}"

    form = browser.form("/received/decide", containing=filing)
    browser.choose("outcome", value="granted", form=form)
    browser.fill("motivation", MOTIVATION, form=form)
    browser.fill("recourse", RECOURSE, form=form)
    browser.submit(form)
    browser.expect_alert("a decision without the 'for good' tick")

    form = browser.form("/received/decide", containing=filing)
    browser.choose("outcome", value="granted", form=form)
    browser.fill("motivation", MOTIVATION, form=form)
    browser.fill("recourse", RECOURSE, form=form)
    form.find_element(By.CSS_SELECTOR, 'input[name="confirm"]').click()
    browser.submit(form)
    browser.expect_no_alert("deciding")
    assert browser.statuses(), f"the decision is said sent {browser.where()}"
    assert not browser.has_form(
        "/received/decide", containing=filing
    ), "decided: the form to decide is gone"
    check_page(browser, "19-office-decided")


# MARK: the FNS, before and after Maria withdraws


def test_the_fns_reads_what_maria_allowed(browser):
    browser.unlock_as("fns")
    check_page(browser, "20-fns-received")
    read = browser.form("/received/read")
    browser.submit(read)
    browser.expect_no_alert("the FNS reads")
    assert "Ferreira" in browser.text(), f"the FNS reads Maria's fields {browser.where()}"
    # Only what the allocation de vie chère needs: not her rent, not her phone.
    for not_granted in ["850", "621 123 456", "+352621123456"]:
        assert not_granted not in browser.text(), f"the FNS sees {not_granted!r}, not granted"
    check_page(browser, "21-fns-read")


def test_after_maria_withdraws_the_fns_is_refused(browser):
    driver = browser.driver
    # The FNS's page, kept open in a second tab (with its Read button).
    driver.switch_to.new_window("tab")
    browser.go("/received")
    fns_tab = driver.current_window_handle
    assert browser.has_form("/received/read"), browser.where()
    first_tab = driver.window_handles[0]
    driver.switch_to.window(first_tab)

    browser.unlock_as("maria")
    browser.go("/grants")
    form = browser.form("/grants/change", containing=FNS)
    form.find_element(By.CSS_SELECTOR, 'input[name="confirm"]').click()
    browser.submit(form, button_value="revoke")
    browser.expect_no_alert("Maria withdraws the FNS's permission")

    browser.unlock_as("fns")
    browser.go("/received")
    assert not browser.has_form("/received/read"), "a withdrawn permission offers no Read"
    # The page from before, pressed now: walletd refuses.
    driver.switch_to.window(fns_tab)
    browser.submit(browser.form("/received/read"))
    browser.expect_alert("the FNS reading a withdrawn permission")
    assert "Ferreira" not in browser.text(), "nothing of Maria's is shown after the refusal"
    browser.screenshot("22-fns-refused")
    driver.close()
    driver.switch_to.window(first_tab)


# MARK: Maria again


def test_maria_sees_the_decision_and_the_readings(browser):
    browser.unlock_as("maria")
    browser.go("/filings")
    browser.expect_no_alert("Maria's requests")
    check_page(browser, "23-maria-filings")
    browser.go(f"/filings/{story['filing']}")
    browser.expect_no_alert("Maria's request")
    text = browser.text()
    assert MOTIVATION in text, f"the reasons are shown to Maria {browser.where()}"
    assert RECOURSE in text, f"the recourse is shown to Maria {browser.where()}"
    check_page(browser, "24-maria-filing")
    browser.go("/log")
    browser.expect_no_alert("Maria's log")
    text = browser.text()
    assert INTACT in text, browser.where()
    assert "trusted person" in text, f"her log says what her trusted person did {browser.where()}"
    for said in [
        "tried to read",
        "filed a request",
        "posted its decision",
        "withdrew a permission",
    ]:
        assert said in text, f"Maria's log says {said!r} {browser.where()}"
    sentences = [li.text for li in browser.driver.find_elements(By.CSS_SELECTOR, "main ol li")]
    reads = [s for s in sentences if re.search(r"\bread\b", s) and "tried to read" not in s]
    assert any(FNS in s for s in reads), f"her log says the FNS read her fields: {sentences}"
    assert any(OFFICE in s for s in reads), f"her log says the office read her fields: {sentences}"
    check_page(browser, "25-maria-log-after")
    browser.go("/fields")
    assert PAULS_NOTE in browser.text(), f"Maria sees what Paul filled in {browser.where()}"


# MARK: the sheets


def sheet_one_page(browser: Browser, path: str, name: str) -> bytes:
    browser.go(path)
    browser.expect_no_alert(f"the sheet {path}")
    assert not browser.driver.find_elements(By.CSS_SELECTOR, "nav, form"), "a sheet has no nav/form"
    browser.full_screenshot(name)
    browser.check_accessible(name)
    browser.driver.set_window_size(*PHONE)
    try:
        assert (
            browser.fits_width()
        ), f"the sheet {path} scrolls sideways on a phone: {browser.overflowing()}"
    finally:
        browser.driver.set_window_size(*DESKTOP)
    pdf = browser.print_pdf()
    (browser.shots / f"{name}.pdf").write_bytes(pdf)
    pages = pdf_pages(pdf)
    assert pages == 1, f"the sheet {path} prints on {pages} A4 pages, not one"
    return pdf


def qr_beside_text(browser: Browser, name: str) -> tuple[list[str], str]:
    """Each QR code on the page as zbarimg reads it, and the text printed beside it."""
    codes = browser.driver.find_elements(By.CSS_SELECTOR, ".code")
    assert codes, f"no QR code on the sheet {browser.where()}"
    code = codes[0]
    symbol = code.find_element(By.CSS_SELECTOR, "svg, img")
    text = code.find_element(By.CSS_SELECTOR, ".text").text
    rect = browser.driver.execute_script(
        "const r = arguments[0].getBoundingClientRect();"
        "return {x: r.left + window.scrollX, y: r.top + window.scrollY, w: r.width, h: r.height};",
        symbol,
    )
    margin = 24  # the quiet zone around the symbol, white on the page
    shot = browser.driver.execute_cdp_cmd(
        "Page.captureScreenshot",
        {
            "format": "png",
            "captureBeyondViewport": True,
            "clip": {
                "x": max(0, rect["x"] - margin),
                "y": max(0, rect["y"] - margin),
                "width": rect["w"] + 2 * margin,
                "height": rect["h"] + 2 * margin,
                "scale": 2,
            },
        },
    )
    png = browser.shots / f"{name}-qr.png"
    png.write_bytes(base64.b64decode(shot["data"]))
    return decode_qr(png), text


def test_the_sheets_print_on_one_page(browser):
    browser.unlock_as("maria")
    sheet_one_page(browser, "/sheets/consent", "30-sheet-consent")
    browser.go("/grants")
    grants = re.findall(r'href="/sheets/grant/([^"]+)"', browser.html())
    assert grants, f"the permissions page links each permission's sheet {browser.where()}"
    sheet_one_page(browser, f"/sheets/grant/{grants[0]}", "31-sheet-grant")
    sheet_one_page(browser, f"/sheets/filing/{story['filing']}", "32-sheet-filing")
    assert FILE_NUMBER in browser.text(), "the acknowledgement sheet gives the file number"


def test_the_procuration_sheet_qr_reads_as_its_reference(browser):
    sheet_one_page(browser, f"/sheets/procuration/{story['procuration']}", "33-sheet-procuration")
    decoded, text = qr_beside_text(browser, "33-sheet-procuration")
    assert decoded, "zbarimg found no QR code on the procuration sheet"
    normal = lambda s: re.sub(r"\s+", "", s)
    assert normal(decoded[0]) == normal(
        text
    ), f"the QR code reads {decoded[0]!r}, the sheet prints {text!r}"
    # And Paul's program takes the code from the sheet.
    story["reference_on_sheet"] = text


def test_paul_types_the_reference_from_the_sheet(browser):
    # As a person types what is printed: small letters, spaces for dashes.
    typed = story["reference_on_sheet"].lower().replace("-", " ")
    browser.unlock_as("paul")
    browser.go("/acting")
    form = browser.form("/acting")
    browser.fill("reference", typed, form=form)
    browser.submit(form)
    browser.expect_no_alert("the reference typed from the sheet")
    assert browser.path.startswith("/acting/"), f"the wallet is opened {browser.where()}"
    assert browser.statuses(), f"'Done.' is said {browser.where()}"


def test_maria_withdraws_the_one_shot_procuration(browser):
    browser.unlock_as("maria")
    browser.go("/procurations")
    form = browser.form("/procurations/revoke", containing=story["procuration"])
    browser.submit(form)
    browser.expect_alert("withdrawing a procuration without the 'for good' tick")
    form = browser.form("/procurations/revoke", containing=story["procuration"])
    form.find_element(By.CSS_SELECTOR, 'input[name="confirm"]').click()
    browser.submit(form)
    browser.expect_no_alert("withdrawing the procuration")
    assert browser.statuses(), f"the withdrawal is said {browser.where()}"
    sections = [
        e.text
        for e in browser.driver.find_elements(By.CSS_SELECTOR, "main section")
        if story["procuration"] in e.text
    ]
    assert sections and "withdrawn" in sections[0], f"it is shown withdrawn: {sections}"


def test_a_new_person_gets_the_recovery_sheet(browser):
    browser.lock()
    browser.go("/")
    browser.follow("/create")
    form = browser.form("/create")
    browser.fill("name", "ana", form=form)
    browser.fill("passphrase", NEW_PASSPHRASE, form=form)
    browser.fill("again", NEW_PASSPHRASE + " typo", form=form)
    browser.submit(form)
    browser.expect_alert("two different passphrases")
    check_page(browser, "34-create")
    form = browser.form("/create")
    browser.fill("name", "ana", form=form)
    browser.fill("passphrase", NEW_PASSPHRASE, form=form)
    browser.fill("again", NEW_PASSPHRASE, form=form)
    browser.submit(form)
    browser.expect_no_alert("making an identity")
    browser.full_screenshot("35-sheet-recovery")
    browser.check_accessible("the recovery sheet")
    pdf = browser.print_pdf()
    (browser.shots / "35-sheet-recovery.pdf").write_bytes(pdf)
    assert pdf_pages(pdf) == 1, f"the recovery sheet prints on {pdf_pages(pdf)} A4 pages, not one"
    decoded, text = qr_beside_text(browser, "35-sheet-recovery")
    assert decoded, "zbarimg found no QR code on the recovery sheet"
    assert re.sub(r"\s+", "", decoded[0]) == re.sub(
        r"\s+", "", text
    ), "the recovery QR code does not read as the code printed beside it"
    story["recovery_code"] = text
    browser.go("/")
    assert re.sub(r"\s+", "", text) not in re.sub(
        r"\s+", "", browser.html()
    ), "the recovery code is shown once, on its sheet only"


def test_the_recovery_code_sets_a_new_passphrase(browser):
    browser.go("/recover")
    check_page(browser, "36-recover")
    form = browser.form("/recover")
    browser.choose("who", value="ana", form=form)
    code = story["recovery_code"]
    wrong = code[:-1] + ("A" if code[-1] != "A" else "B")
    browser.fill("code", wrong, form=form)
    browser.fill("passphrase", ANA_PASSPHRASE, form=form)
    browser.fill("again", ANA_PASSPHRASE, form=form)
    browser.submit(form)
    browser.expect_alert("a wrong recovery code")
    form = browser.form("/recover")
    browser.choose("who", value="ana", form=form)
    browser.fill("code", code, form=form)
    browser.fill("passphrase", ANA_PASSPHRASE, form=form)
    browser.fill("again", ANA_PASSPHRASE, form=form)
    browser.submit(form)
    browser.expect_no_alert("the right recovery code")
    browser.try_unlock("ana", NEW_PASSPHRASE)
    browser.expect_alert("the old passphrase, replaced")
    assert not browser.is_unlocked()
    browser.try_unlock("ana", ANA_PASSPHRASE)
    assert browser.is_unlocked(), f"the new passphrase opens {browser.where()}"
    browser.lock()


# MARK: Ana, a new person: her wallet from the start to its end


def test_ana_opens_her_wallet_after_reading_the_consent_text(browser):
    browser.unlock_as("ana", ANA_PASSPHRASE)
    browser.follow("/open")
    terms = " ".join(e.text for e in browser.driver.find_elements(By.CSS_SELECTOR, "main section"))
    assert (
        len(terms) > 300 and "log" in terms
    ), f"the consent text is shown before opening {browser.where()}"
    check_page(browser, "37-ana-open")
    form = browser.form("/open")
    browser.driver.execute_script(
        "arguments[0].noValidate = true", form
    )  # past the browser's check
    browser.submit(form)
    browser.expect_alert("opening without accepting the text")
    form = browser.form("/open")
    form.find_element(By.CSS_SELECTOR, 'input[name="accept"]').click()
    browser.submit(form)
    browser.expect_no_alert("opening her wallet")
    assert browser.statuses(), f"the wallet is said open {browser.where()}"
    assert "PSP-" in browser.text(), f"her home shows her wallet's reference {browser.where()}"


def downloads(browser: Browser):
    folder = browser.shots / "downloads"
    folder.mkdir(exist_ok=True)
    for old in folder.glob("*"):
        old.unlink()
    browser.driver.execute_cdp_cmd(
        "Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(folder)}
    )
    return folder


def downloaded(folder, seconds=20) -> bytes:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        done = [f for f in folder.glob("*") if not f.name.endswith(".crdownload")]
        if done:
            time.sleep(0.2)
            return done[0].read_bytes()
        time.sleep(0.1)
    raise AssertionError(f"nothing was downloaded into {folder} in {seconds} s")


def test_ana_exports_her_wallet_and_brings_the_copy_back(browser, tmp_path):
    browser.go("/fields")
    form = browser.form("/fields")
    browser.choose("name", value="surname", form=form)
    browser.fill("value", "Silva", form=form)
    browser.submit(form)
    browser.expect_no_alert("Ana fills in her surname")
    assert "Silva" in browser.text(), browser.where()

    browser.go("/wallet")
    browser.expect_no_alert("Ana's wallet page")
    check_page(browser, "38-ana-wallet")
    folder = downloads(browser)
    browser.driver.find_element(By.CSS_SELECTOR, 'main a[href="/wallet/export"]').click()
    exported = downloaded(folder)
    bundle = json.loads(exported)
    assert bundle.get("format"), "the export is a wallet bundle"
    assert b"Silva" not in exported, "the copy is encrypted"

    garbage = tmp_path / "copy.json"
    garbage.write_bytes(b"\x00\xffnot a copy at all")
    form = browser.form("/wallet/import")
    form.find_element(By.CSS_SELECTOR, 'input[type="file"]').send_keys(str(garbage))
    browser.submit(form)
    browser.expect_alert("bringing back a file that is not a copy")

    copy = tmp_path / "psp-export.json"
    copy.write_bytes(exported)
    form = browser.form("/wallet/import")
    form.find_element(By.CSS_SELECTOR, 'input[type="file"]').send_keys(str(copy))
    browser.submit(form)
    browser.expect_no_alert("bringing back her copy")
    assert browser.statuses(), f"the import is told {browser.where()}"
    browser.go("/fields")
    assert "Silva" in browser.text(), browser.where()


def test_ana_uploads_and_downloads_a_document(browser, tmp_path):
    browser.go("/documents")
    browser.expect_no_alert("Ana's documents")
    check_page(browser, "39-ana-documents")
    kinds = browser.options("name")
    assert kinds, "document kinds can be chosen"
    fake = tmp_path / "payslip.pdf"
    fake.write_text("<script>alert(1)</script> not a PDF")
    form = browser.form("/documents")
    browser.choose("name", value=kinds[0][0], form=form)
    form.find_element(By.CSS_SELECTOR, 'input[type="file"]').send_keys(str(fake))
    browser.submit(form)
    browser.expect_alert("a file that is not what its name says")
    scan = tmp_path / "scan.png"
    scan.write_bytes(browser.driver.get_screenshot_as_png())
    form = browser.form("/documents")
    browser.choose("name", value=kinds[0][0], form=form)
    form.find_element(By.CSS_SELECTOR, 'input[type="file"]').send_keys(str(scan))
    browser.submit(form)
    browser.expect_no_alert("uploading a document")
    folder = downloads(browser)
    browser.go("/documents")
    link = browser.driver.find_elements(By.CSS_SELECTOR, f'main a[href="/documents/{kinds[0][0]}"]')
    assert link, f"the document is listed, to download {browser.where()}"
    link[0].click()
    assert downloaded(folder) == scan.read_bytes(), "the document downloads as it was uploaded"


def test_ana_closes_her_wallet(browser):
    browser.go("/wallet")
    browser.submit(browser.form("/wallet/close"))
    browser.expect_alert("closing without the 'for good' tick")
    form = browser.form("/wallet/close")
    form.find_element(By.CSS_SELECTOR, 'input[name="confirm"]').click()
    browser.submit(form)
    browser.expect_no_alert("closing her wallet")
    assert browser.statuses(), f"the wallet is said closed {browser.where()}"
    browser.screenshot("40-ana-closed")
    browser.lock()


# MARK: the app's output


def test_the_apps_output_holds_nothing_of_marias_nor_any_key(app):
    output = app.stdout_text() + "\n" + app.stderr_text()
    assert output.strip().startswith(app.address.split("?")[0]), "the first line is the address"
    for secret in MARIA_SECRETS:
        assert secret not in output, f"Maria's {secret!r} is in the app's output"
    bare = lambda text: re.sub(r"[^A-Za-z0-9]", "", text)
    code = bare(story.get("recovery_code", ""))
    assert code and code not in bare(output), "the recovery code is in the app's output"
    for words in [DEMO_PASSPHRASE, NEW_PASSPHRASE, ANA_PASSPHRASE, MOTIVATION, RECOURSE, "Silva"]:
        assert words not in output, f"{words!r} is in the app's output"
    for marker in KEY_MARKERS:
        assert marker not in output, f"key material ({marker}) in the app's output"


def test_walletd_keeps_nothing_of_marias_in_clear(app):
    # walletd is not trusted: its data and its log hold only what is sealed or signed.
    files = app.server_files()
    assert any(f.stat().st_size > 0 for f in files), f"walletd wrote nothing? {files}"
    for path in files:
        data = path.read_bytes()
        for secret in MARIA_SECRETS + [MOTIVATION, RECOURSE, "Silva"]:
            assert secret.encode() not in data, f"{secret!r} in clear in walletd's {path.name}"
        if path.suffix == ".key":
            continue  # walletd's and the witnesses' own signing keys, theirs to keep
        for marker in KEY_MARKERS:
            assert marker.encode() not in data, f"key material ({marker}) in walletd's {path.name}"
