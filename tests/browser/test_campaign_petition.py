"""A visitor signs an Arabic campaign's petition in a browser, confirms through the emailed link, sees it count.

The live server runs in this process, so the confirmation email lands in Django's test outbox.
"""

import re

import pytest
from django.core import mail

from tests.factories import fresh
from tests.supporters.campaign_actions import campaign_with_actions

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_visitor_signs_the_petition_confirms_by_email_and_sees_the_counter_go_up(page, live_server, site_structure):
    campaign = fresh(campaign_with_actions(site_structure, goal=10))
    page.goto(f"{live_server.url}{campaign.url}")
    petition = page.locator("section#petition")
    assert page.evaluate("() => document.documentElement.dir") == "rtl"
    assert petition.locator(".petition__signatures").inner_text() == "0"

    petition.locator("#id_petition-name").fill("ليلى حداد")
    petition.locator("#id_petition-email").fill("laila@example.org")
    petition.locator("#id_petition-country").select_option("PS")
    petition.locator("#id_petition-consent").check()
    petition.locator("#id_petition-show_first_name").check()
    petition.locator("button[type=submit]").click()

    page.wait_for_url(re.compile(r"#petition$"))
    assert page.locator(".campaign-actions [role=status]").is_visible()
    assert petition.locator(".petition__signatures").inner_text() == "0", "not counted before confirmation"

    (message,) = [message for message in mail.outbox if message.to == ["laila@example.org"]]
    link = re.search(r"https?://\S+/confirm/\S+/", message.body).group(0)
    assert link.startswith(live_server.url)
    page.goto(link)

    page.wait_for_url(re.compile(re.escape(campaign.url) + "#petition$"))
    assert petition.locator(".petition__signatures").inner_text() == "1"
    assert page.locator("progress.petition__progress").get_attribute("value") == "1"
    assert petition.locator(".petition__signers li").first.inner_text().startswith("ليلى")
    assert "laila@example.org" not in page.content()
