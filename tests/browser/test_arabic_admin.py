"""The Arabic admin speaks Arabic: the login page and an editor showing a validation error have no English left."""

import re

import pytest

from tests.accounts import staff_user
from tests.browser.session import log_in
from tests.factories import CampaignPageFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Brand names are not translated.
NOT_ENGLISH = {"Wagtail"}

# Words in Latin script in the text a person sees or a screen reader reads (including visually
# hidden text), and in the placeholders of visible fields.
VISIBLE_LATIN_WORDS = """() => {
    const words = [];
    const latin = /[A-Za-z]{2,}/g;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const element = node.parentElement;
        if (!element || element.closest("script, style, template, noscript, svg")) continue;
        if (!element.checkVisibility({ visibilityProperty: true })) continue;
        words.push(...(node.textContent.match(latin) || []));
    }
    for (const field of document.querySelectorAll("input[placeholder], textarea[placeholder]")) {
        if (field.checkVisibility()) words.push(...(field.placeholder.match(latin) || []));
    }
    return words;
}"""


def english_words(page):
    return sorted(set(page.evaluate(VISIBLE_LATIN_WORDS)) - NOT_ENGLISH)


@pytest.fixture
def arabic_editor():
    return staff_user(
        "muharrira", superuser=True, language="ar", password="kalimat-sirr-123", first_name="سلمى", last_name="حداد"
    )


@pytest.fixture
def quiet_editor(settings):
    # Autosave and editing-session pings would race the form submission below.
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    settings.WAGTAIL_EDITING_SESSION_PING_INTERVAL = 600_000


def test_login_page_is_arabic_even_after_a_wrong_password(page, live_server, arabic_editor):
    page.goto(f"{live_server.url}/admin/login/")

    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("label[for=id_password]").inner_text().strip().startswith("كلمة المرور")
    assert english_words(page) == []

    page.fill("#id_username", "muharrira")
    page.fill("#id_password", "not-the-password")
    page.click("button[type=submit]")
    page.locator(".messages .error, .help-critical, .w-field__errors").first.wait_for()

    assert re.search(r"[\u0600-\u06ff]", page.locator(".messages").inner_text())
    assert english_words(page) == []


def test_editor_with_validation_errors_is_arabic(page, live_server, site_structure, arabic_editor, quiet_editor):
    campaign = CampaignPageFactory(parent=site_structure["campaigns"]["ar"], title="أوقفوا هدم المنازل")
    log_in(page, live_server, "muharrira")

    page.goto(f"{live_server.url}/admin/pages/{campaign.pk}/edit/")
    page.fill("#id_title", "")
    page.fill("#id_end_date", "2023-01-01")  # before the start date
    page.locator("#page-edit-form").evaluate("form => form.requestSubmit()")
    first_error = page.get_by_role("button", name="الانتقال إلى الخطأ الأول")
    first_error.wait_for()

    assert page.locator("[data-contentpath=title] .error-message").inner_text().strip() == "هذا الحقل مطلوب."
    assert re.search(r"[\u0600-\u06ff]", page.locator("[data-contentpath=end_date] .error-message").inner_text())
    assert english_words(page) == []
