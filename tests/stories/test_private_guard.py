"""The private-data guard: a story carrying its survivor's real name, phone or email never goes live.

Through the admin as a logged-in superuser: the refusal names the field and never shows the
private value; a story without private data in its text publishes.
"""

import datetime
from io import BytesIO

import pytest
from django.contrib.messages import get_messages
from django.core.files.images import ImageFile
from django.utils import translation
from PIL import Image as PILImage
from wagtail.images.models import Image

from stories.models import StoryPage, SurvivorRecord
from stories.private_guard import PrivateValues
from stories.services import ConsentError, record_consent
from tests.factories import StoryPageFactory, publish_translation

pytestmark = pytest.mark.django_db

SURVIVOR_NAME = "نبيل أبو رموز"
CONTACT = "+972 52-123-4567, Nabil.R@example.org"


@pytest.fixture(autouse=True)
def _english_messages():
    with translation.override("en"):
        yield


@pytest.fixture
def story(site_structure):
    """A story live in Arabic and English, with its survivor's private record."""
    arabic = StoryPageFactory(parent=site_structure["stories"]["ar"], title="هدم منزل في سلوان", slug="silwan")
    publish_translation(arabic, "en", title="A house demolished in Silwan", slug="silwan", summary="A family lost")
    SurvivorRecord.objects.create(
        story_translation_key=arabic.translation_key, survivor_name=SURVIVOR_NAME, contact=CONTACT
    )
    return arabic


@pytest.fixture
def english(story):
    return StoryPage.objects.get(translation_key=story.translation_key, locale__language_code="en")


@pytest.fixture
def image(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    buffer = BytesIO()
    PILImage.new("RGB", (80, 60), "#1d5446").save(buffer, "PNG")
    return Image.objects.create(title="ركام المنزل", file=ImageFile(buffer, name="rubble.png"))


def form_data(page, summary=None, image_block=None):
    data = {
        "title": page.title,
        "slug": page.slug,
        "date": page.date.isoformat(),
        "summary": page.summary if summary is None else summary,
        "body-count": "0",
        "violation_type_links-TOTAL_FORMS": "0",
        "violation_type_links-INITIAL_FORMS": "0",
        "violation_type_links-MIN_NUM_FORMS": "0",
        "violation_type_links-MAX_NUM_FORMS": "1000",
        "action-publish": "1",
    }
    if image_block:
        data |= {
            "body-count": "1",
            "body-0-type": "image",
            "body-0-deleted": "",
            "body-0-order": "0",
            "body-0-id": "",
            "body-0-value-image": str(image_block["image"].pk),
            "body-0-value-alt_text": image_block.get("alt_text", ""),
            "body-0-value-caption": image_block.get("caption", ""),
        }
    return data


def publish_through_admin(client, page, **changes):
    return client.post(f"/admin/pages/{page.pk}/edit/", form_data(page, **changes), HTTP_ACCEPT_LANGUAGE="en")


def form_errors(response):
    return {field: [str(error) for error in errors] for field, errors in response.context["form"].errors.items()}


def assert_private_values_not_shown(messages):
    for message in messages:
        for private in ("نبيل", "رموز", "4567", "example.org"):
            assert private not in message


def test_the_real_name_in_another_spelling_in_the_english_summary_is_refused(client, admin, english):
    summary = "Testimony of نبيل ابو رموز, whose house was demolished."
    response = publish_through_admin(client, english, summary=summary)

    assert response.status_code == 200
    errors = form_errors(response)
    assert list(errors) == ["summary"]
    assert errors["summary"] == [
        "Summary contains the survivor's real name (or part of it) from the private record. "
        "Remove it before publishing."
    ]
    assert_private_values_not_shown(errors["summary"])
    assert SURVIVOR_NAME not in response.content.decode()
    english.refresh_from_db()
    assert english.live and english.summary == "A family lost"
    assert "رموز" not in client.get(english.url).content.decode()


def test_a_phone_number_from_the_contact_in_an_image_caption_is_refused(client, admin, english, image):
    caption = "للتواصل: ٠٥٢ ١٢٣ ٤٥٦٧"  # the record says +972 52-123-4567
    response = publish_through_admin(client, english, image_block={"image": image, "caption": caption})

    assert response.status_code == 200
    errors = form_errors(response)
    assert list(errors) == ["body"]
    assert errors["body"] == [
        "Body, block 1 (Image), Caption contains a phone number from the survivor's private record. "
        "Remove it before publishing."
    ]
    assert_private_values_not_shown(errors["body"])
    english.refresh_from_db()
    assert len(english.body) == 0
    assert "٤٥٦٧" not in client.get(english.url).content.decode()


def test_an_email_from_the_contact_in_the_hero_alt_text_is_refused(client, admin, english):
    data = form_data(english) | {"hero_image_alt": "Photo sent by NABIL.R@EXAMPLE.ORG"}
    response = client.post(f"/admin/pages/{english.pk}/edit/", data, HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 200
    errors = form_errors(response)
    assert list(errors) == ["hero_image_alt"]
    assert "email address from the survivor's private record" in errors["hero_image_alt"][0]
    assert_private_values_not_shown(errors["hero_image_alt"])


def test_a_story_without_private_data_in_its_text_publishes(client, admin, english, image):
    summary = "Abu Khaled's neighbours watched the demolition; call the office on 02 555 0000."
    response = publish_through_admin(
        client, english, summary=summary, image_block={"image": image, "caption": "The ruins", "alt_text": "Rubble"}
    )

    assert response.status_code == 302
    english.refresh_from_db()
    assert english.live and english.summary == summary
    assert english.body[0].value["caption"] == "The ruins"
    assert summary.replace("'", "&#x27;") in client.get(english.url).content.decode()


def test_a_survivor_who_chose_to_be_named_may_be_named_but_their_phone_stays_private(client, admin, story, english):
    record_consent(story, status="granted", recorded_on=datetime.date(2024, 7, 1), method="written", anonymised=False)
    english.refresh_from_db()

    named = publish_through_admin(client, english, summary="The testimony of نبيل أبو رموز.")
    assert named.status_code == 302
    english.refresh_from_db()
    assert english.live and english.summary == "The testimony of نبيل أبو رموز."

    with_phone = publish_through_admin(client, english, summary="Call 052-123-4567.")
    assert with_phone.status_code == 200
    assert "phone number" in form_errors(with_phone)["summary"][0]


def test_publishing_outside_the_form_is_refused_too(client, admin, story):
    """Routes without a form end in the page's save, which asks the same guard: no private text goes live."""
    arabic = StoryPage.objects.get(pk=story.pk)
    arabic.summary = "شهادة نبيل"
    with pytest.raises(ConsentError, match="Summary contains the survivor's real name"):
        arabic.save_revision().publish()
    arabic.refresh_from_db()
    assert arabic.summary == "ملخص القصة"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("شهادة نَبِيـل", "name"),  # diacritics and tatweel
        ("ذهب ونبيل إلى البيت", "name"),  # a joined particle
        ("رموزه", None),  # word boundaries: a longer word is another word
        ("ابو علي و ام علي", None),  # common particles alone identify no one
        ("0521234567", "phone"),
        ("+972-52-1234567", "phone"),
        ("00972 52 123 4567", "phone"),
        ("05212345678", None),  # one more digit: another number
        ("write to nabil.r@example.org", "email"),
        ("write to nabil@example.org", None),
    ],
)
def test_matching_rules(text, kind):
    assert PrivateValues(SURVIVOR_NAME, CONTACT).kind_found_in(text) == kind


def test_latin_names_match_without_accents_or_case_and_particles_alone_do_not():
    values = PrivateValues("Éloïse de la Tour", "")
    assert values.kind_found_in("Interview with ELOISE, a neighbour") == "name"
    assert values.kind_found_in("la Tour de Babel") == "name"
    assert values.kind_found_in("Le quartier de la gare") is None
    assert values.kind_found_in("Tourism in the old city") is None


def test_bulk_publishing_a_draft_with_private_data_is_refused_without_an_error_page(client, admin, english):
    english.summary = "Nabil.R@example.org told us"
    english.save_revision(user=admin)
    url = f"/admin/bulk/wagtailcore/page/publish/?id={english.pk}&next=/admin/pages/"
    response = client.post(url, {"include_descendants": ""}, HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 302
    shown = [str(message) for message in get_messages(response.wsgi_request)]
    assert_private_values_not_shown(shown)
    # The editor is told which field holds private data, not only that publishing was refused.
    assert any("summary" in message.lower() for message in shown), shown
    english.refresh_from_db()
    assert english.live and english.summary == "A family lost"
    assert "example.org" not in client.get(english.url).content.decode()
