"""A campaign's petition on the public site: signing, confirming by email, the counter, privacy, the export."""

import csv
import io

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import translation

from supporters.models import OutgoingEmail
from supporters.petitions import PetitionSignature
from tests.accounts import staff_user
from tests.factories import fresh, locale, publish_translation
from tests.markup import assert_accessible_page, main_text, parse
from tests.supporters.campaign_actions import campaign_with_actions, confirmation_link, path_of


def arabic(message):
    """``message`` as the Arabic campaign page shows it (the catalogue's translation)."""
    with translation.override("ar"):
        return translation.gettext(message)


pytestmark = pytest.mark.django_db


@pytest.fixture
def campaign(site_structure):
    return campaign_with_actions(site_structure, goal=10)


@pytest.fixture
def visitor():
    return Client(HTTP_ACCEPT_LANGUAGE="en")


@pytest.fixture
def sign(visitor, django_capture_on_commit_callbacks):
    """Post the campaign page's petition form as a visitor would; the emails it sends are delivered."""

    def sign(campaign, **fields):
        data = {
            "petition-name": "ليلى حداد",
            "petition-email": "laila@example.org",
            "petition-country": "PS",
            "petition-comment": "",
            "petition-consent": "on",
        }
        data.update({f"petition-{name}": value for name, value in fields.items() if name != "website"})
        if "website" in fields:
            data["website"] = fields["website"]
        with django_capture_on_commit_callbacks(execute=True), translation.override(campaign.locale.language_code):
            return visitor.post(reverse("supporters_sign_petition", args=[campaign.pk]), data)

    return sign


@pytest.fixture
def confirm(visitor, django_capture_on_commit_callbacks):
    def confirm(link):
        with django_capture_on_commit_callbacks(execute=True):
            return visitor.get(path_of(link))

    return confirm


def counter(client, campaign):
    """The signatures the campaign page shows, and its progress bar's value and maximum."""
    soup = parse(client.get(fresh(campaign).url))
    progress = soup.select_one("progress.petition__progress")
    return int(soup.select_one(".petition__signatures").get_text()), progress["value"], progress["max"]


def exported(client, campaign):
    response = client.get(reverse("supporters_export_petition", args=[campaign.pk]))
    assert response.status_code == 200, response.status_code
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    return rows[0], rows[1:]


@pytest.fixture
def exporter(site_structure):
    from django.contrib.auth.models import Permission

    user = staff_user("exporter", is_staff=True)
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"), Permission.objects.get(codename="export_campaign_actions")
    )
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(user)
    return client


def test_a_signature_counts_once_its_email_is_confirmed_and_the_export_matches_the_counter(
    visitor, campaign, sign, confirm, exporter
):
    response = sign(campaign, name="ليلى حداد", email="Laila@Example.org")
    assert response.status_code == 302 and response["Location"].endswith(f"{fresh(campaign).url}#petition")
    page = parse(visitor.get(response["Location"]))
    assert arabic("Thank you. We have sent you an email: follow its link to confirm your signature.") in main_text(page)
    assert counter(visitor, campaign) == (0, "0", "10")
    assert exported(exporter, campaign)[1] == []

    link = confirmation_link("laila@example.org")
    assert link.startswith("http://testserver/ar/campaign-actions/petition/confirm/")
    landing = confirm(link)
    assert landing.status_code == 302
    assert arabic("Thank you: your signature is confirmed and counted.") in main_text(
        parse(visitor.get(landing["Location"]))
    )
    assert counter(visitor, campaign) == (1, "1", "10")

    sign(campaign, name="Omar Khalil", email="omar@example.org", country="FR")  # not confirmed: not counted
    header, rows = exported(exporter, campaign)
    assert counter(visitor, campaign)[0] == len(rows) == 1
    assert header[:4] == ["Confirmed at", "Name", "Email", "Country code"]
    assert rows[0][1:4] == ["ليلى حداد", "laila@example.org", "PS"]


def test_the_same_address_signs_once_and_is_never_told_it_had_signed(visitor, campaign, sign, confirm):
    first = sign(campaign, email="laila@example.org")
    second = sign(campaign, email="  LAILA@example.ORG ")
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    assert PetitionSignature.objects.count() == 1
    assert len(mail.outbox) == 2, "a pending signature gets its link again"

    confirm(confirmation_link("laila@example.org"))
    confirm(confirmation_link("laila@example.org"))  # a second click counts nothing more
    mail.outbox.clear()
    again = sign(campaign, email="laila@example.org")
    assert again.status_code == 302 and again["Location"] == first["Location"]
    assert mail.outbox == [], "a confirmed signer gets no new email"
    assert counter(visitor, campaign)[0] == 1


def test_a_tampered_or_expired_link_counts_nothing(visitor, campaign, sign, confirm, settings):
    sign(campaign)
    link = confirmation_link("laila@example.org")
    tampered = confirm(link.replace("/confirm/", "/confirm/x"))
    assert tampered.status_code == 400
    assert arabic("This link does not work") in main_text(parse(tampered, 400))

    settings.SUPPORTERS_CONFIRM_MAX_AGE_DAYS = -1  # every link is older than that
    assert confirm(link).status_code == 400
    assert counter(visitor, campaign)[0] == 0


def test_a_filled_honeypot_is_answered_like_a_signature_but_nothing_is_written(campaign, sign):
    response = sign(campaign, website="http://spam.example")
    assert response.status_code == 302 and response["Location"].endswith("#petition")
    assert PetitionSignature.objects.count() == 0
    assert mail.outbox == []


BAD_FORMS = [
    ({"name": ""}, "name"),
    ({"name": "Laila\r\nBcc: all@example.org"}, "name"),
    ({"name": "Laila \u202eevil"}, "name"),
    ({"email": "not-an-address"}, "email"),
    ({"comment": "x" * 10_000}, "comment"),
    ({"country": "XX"}, "country"),
    ({"consent": ""}, "consent"),
]


def test_a_form_with_bad_input_is_shown_again_with_the_error_and_nothing_is_written(campaign, sign, settings):
    settings.SUPPORTERS_RATE_PER_IP = settings.SUPPORTERS_RATE_PER_EMAIL = "100/h"
    for fields, named in BAD_FORMS:
        soup = parse(sign(campaign, **fields), 400)
        petition = soup.select_one("#petition")
        # The page is Arabic: the message is translated, so the field it names is found by its marking.
        invalid = [field.get("name", "") for field in petition.select("[aria-invalid='true']")]
        assert any(name.endswith(named) for name in invalid), (fields, invalid)
        if "email" not in fields:
            assert soup.select_one("input#id_petition-email")["value"] == "laila@example.org", "the input is kept"
        assert_accessible_page(soup, "ar")
    assert PetitionSignature.objects.count() == 0 and OutgoingEmail.objects.count() == 0


def test_the_campaign_page_shows_the_petition_accessibly(visitor, campaign):
    soup = parse(visitor.get(campaign.url))
    assert_accessible_page(soup, "ar")
    petition = soup.select_one("section#petition")
    assert petition.select_one("h3").get_text(strip=True) == "وقّعوا العريضة"
    progress = petition.select_one("progress")
    assert soup.find(id=progress["aria-labelledby"]).get_text(" ", strip=True).startswith("0")
    form = petition.select_one("form")
    assert form["method"] == "post" and form.select_one("input[name=csrfmiddlewaretoken]") is not None
    assert form.select_one("input[name=website]").find_parent(attrs={"aria-hidden": "true"}) is not None
    assert not soup.select("main [style]") and not soup.select("main script")


def test_a_closed_petition_shows_its_counter_and_takes_no_signature(visitor, campaign, sign):
    page = fresh(campaign)
    petition = page.petitions.get()
    petition.is_open = False
    petition.save()
    soup = parse(visitor.get(page.url))
    assert soup.select_one("#petition form") is None
    assert arabic("This petition is closed. Thank you to everyone who signed it.") in main_text(soup)
    assert sign(campaign).status_code == 400
    assert PetitionSignature.objects.count() == 0


def test_signers_are_listed_by_first_name_and_country_only_when_they_agreed(visitor, campaign, sign, confirm):
    sign(campaign, name="ليلى حداد", email="laila@example.org", show_first_name="on")
    sign(campaign, name="Omar Khalil", email="omar@example.org", country="FR")
    confirm(confirmation_link("laila@example.org"))
    confirm(confirmation_link("omar@example.org"))

    soup = parse(visitor.get(fresh(campaign).url))
    signers = [item.get_text(" ", strip=True) for item in soup.select(".petition__signers li")]
    assert len(signers) == 1 and signers[0].startswith("ليلى")
    text = soup.get_text(" ")
    for private in ("حداد", "Omar", "Khalil", "laila@example.org", "omar@example.org"):
        assert private not in text
    assert int(soup.select_one(".petition__signatures").get_text()) == 2


def test_every_translation_shows_the_same_counter_and_goal(visitor, campaign, sign, confirm):
    english = publish_translation(campaign, "en", title="Stop the demolitions", slug="stop-demolitions")
    petition = english.petitions.get()
    assert petition.locale == locale("en")
    petition.heading = "Sign the petition"
    petition.goal = 999  # a translation out of step with the original: its goal is not used
    petition.save()

    sign(campaign, email="laila@example.org")
    response = sign(english, email="omar@example.org")
    assert response["Location"].startswith("/en/")
    confirm(confirmation_link("laila@example.org"))
    confirm(confirmation_link("omar@example.org"))
    assert "/en/campaign-actions/" in confirmation_link("omar@example.org")

    assert counter(visitor, campaign) == (2, "2", "10")
    assert counter(visitor, english) == (2, "2", "10")
    soup = parse(visitor.get(fresh(english).url))
    assert soup.select_one("#petition h3").get_text(strip=True) == "Sign the petition"
    assert_accessible_page(soup, "en")


def test_the_export_is_for_staff_with_the_permission_only(campaign, site_structure):
    url = reverse("supporters_export_petition", args=[campaign.pk])
    assert Client().get(url).status_code == 302  # to the admin login
    editor = Client()
    editor.force_login(staff_user("plain-editor", is_staff=True))
    assert editor.get(url).status_code in (302, 403)


def test_export_cells_cannot_run_as_formulas(visitor, campaign, sign, confirm, exporter):
    sign(campaign, name='=HYPERLINK("http://evil.example")', email="eve@example.org", comment="+1 @SUM(A1)")
    confirm(confirmation_link("eve@example.org"))
    _header, rows = exported(exporter, campaign)
    assert rows[0][1].startswith("'=") and rows[0][6].startswith("'+")


def test_too_many_signatures_from_one_address_are_refused_with_429(campaign, sign, settings):
    settings.SUPPORTERS_RATE_PER_EMAIL = "2/h"
    assert sign(campaign).status_code == 302
    assert sign(campaign).status_code == 302
    refused = sign(campaign)
    assert refused.status_code == 429 and int(refused["Retry-After"]) > 0
    too_many = arabic("Too many attempts. Please wait %(seconds)s seconds and try again.").split("%(seconds)s")[0]
    assert too_many.strip() in parse(refused, 429).select_one("#petition").get_text()
    assert PetitionSignature.objects.count() == 1
