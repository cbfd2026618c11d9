"""Machine translation comes from the environment, is marked as machine output, and still goes through review."""

import json
import os
import subprocess
import sys

import pytest
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.test import override_settings
from django.urls import reverse
from wagtail_localize.models import StringTranslation

from roles import roles
from tests.factories import fresh, locale

from .admin import edit_url
from .conftest import page_in, translation_into

pytestmark = pytest.mark.django_db

DEEPL = "wagtail_localize.machine_translators.deepl.DeepLTranslator"
DUMMY = "wagtail_localize.machine_translators.dummy.DummyTranslator"


def configured_translator(settings_module, **environment):
    """WAGTAILLOCALIZE_MACHINE_TRANSLATOR as ``settings_module`` reads it from ``environment``, in a fresh process."""
    env = {key: value for key, value in os.environ.items() if key != "DEEPL_API_KEY"}
    env.update(SECRET_KEY="k", FIELD_ENCRYPTION_KEY="f", DJANGO_SETTINGS_MODULE=settings_module, **environment)
    code = (
        "import json; from django.conf import settings; print(json.dumps(settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR))"
    )
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


@pytest.mark.parametrize(
    ("settings_module", "key", "expected"),
    [
        ("cms.settings.production", None, None),
        ("cms.settings.production", "deepl-key:fx", DEEPL),
        ("cms.settings.dev", None, DUMMY),
        ("cms.settings.dev", "deepl-key", DEEPL),
        ("cms.settings.test", "deepl-key", DUMMY),
    ],
)
def test_the_machine_translator_follows_the_environment(settings_module, key, expected):
    config = configured_translator(settings_module, **({"DEEPL_API_KEY": key} if key else {}))
    assert (config and config["CLASS"]) == expected
    if expected == DEEPL:
        assert config["OPTIONS"]["AUTH_KEY"] == key


@pytest.fixture
def french_translation(client, translator, arabic_story, request_translation):
    client.force_login(translator)
    request_translation(arabic_story, "fr")
    return translation_into(arabic_story, "fr")


def editor_props(client, page):
    response = client.get(edit_url(page), HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    return json.loads(response.context["props"]), response.content.decode()


def machine_translate(client, translation):
    page = page_in(translation.source.get_source_instance(), translation.target_locale.language_code)
    url = reverse("wagtail_localize:machine_translate", args=(translation.pk,))
    return client.post(url, {"next": edit_url(page)}, HTTP_ACCEPT_LANGUAGE="en")


@override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=None)
def test_without_a_machine_translator_the_editor_offers_none(client, french_translation, arabic_story):
    props, _html = editor_props(client, page_in(arabic_story, "fr"))
    assert props["machineTranslator"] is None
    assert machine_translate(client, french_translation).status_code == 404
    assert not StringTranslation.objects.filter(locale=locale("fr")).exists()


def test_machine_output_is_marked_and_goes_through_review(
    client, translator, french_reviewer, french_translation, arabic_story, translate_strings
):
    french = page_in(arabic_story, "fr")
    props, _html = editor_props(client, french)
    assert props["machineTranslator"]["name"] == "Dummy translator"

    response = machine_translate(client, french_translation)

    assert response.status_code == 302
    machine = StringTranslation.objects.filter(locale=locale("fr"), translation_type="machine")
    total = french_translation.source.stringsegment_set.count()
    assert machine.count() == total >= 2
    assert set(machine.values_list("tool_name", flat=True)) == {"Dummy translator"}
    assert not fresh(french).live

    # A person's edit makes a string theirs; the rest stays marked.
    translate_strings(french_translation, {"هدم منزل في سلوان": "Une maison démolie à Silwan"})
    _props, html = editor_props(client, french)
    marked = f"{total - 1} of {total} strings are machine translations (Dummy translator)"
    assert marked in html

    response = client.post(
        reverse("roles_submit_translation_for_review", args=(french_translation.pk,)), HTTP_ACCEPT_LANGUAGE="en"
    )
    assert marked in " ".join(str(message) for message in get_messages(response.wsgi_request))
    assert not fresh(french).live

    client.force_login(french_reviewer)
    _props, html = editor_props(client, french)
    assert marked in html
    client.post(reverse("roles_review_translation", args=(french_translation.pk, "approve")))
    assert fresh(french).live


def test_machine_translation_is_never_published_unseen(
    client, translator, french_translation, arabic_story, django_capture_on_commit_callbacks
):
    translator.groups.add(Group.objects.get(name=roles.PUBLISHERS))
    update = reverse("wagtail_localize:update_translations", args=(french_translation.source.pk,))

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            update, {"publish_translations": "on", "use_machine_translation": "on"}, HTTP_ACCEPT_LANGUAGE="en"
        )

    assert response.status_code == 400
    assert "Machine translations are reviewed before they are published" in response.content.decode()
    assert not StringTranslation.objects.filter(locale=locale("fr")).exists()
    assert not fresh(page_in(arabic_story, "fr")).live

    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(update, {"use_machine_translation": "on"}).status_code == 302
    assert StringTranslation.objects.filter(locale=locale("fr"), translation_type="machine").exists()
    assert not fresh(page_in(arabic_story, "fr")).live


@override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR={"CLASS": DEEPL, "OPTIONS": {"AUTH_KEY": "deepl-key:fx"}})
def test_deepl_translates_arabic_through_its_api_as_configured(client, french_translation, monkeypatch):
    calls = []

    class Answer:
        def __init__(self, texts):
            self.texts = texts

        def json(self):
            return {"translations": [{"text": f"[fr] {text}"} for text in self.texts]}

    def post(url, data, timeout, headers):
        calls.append((url, data, headers))
        return Answer(data["text"])

    monkeypatch.setattr("wagtail_localize.machine_translators.deepl.requests.post", post)

    assert machine_translate(client, french_translation).status_code == 302

    [(url, data, headers)] = calls
    assert url == "https://api-free.deepl.com/v2/translate"
    assert (data["source_lang"], data["target_lang"]) == ("AR", "FR")
    assert headers["Authorization"] == "DeepL-Auth-Key deepl-key:fx"
    machine = StringTranslation.objects.filter(locale=locale("fr"), translation_type="machine")
    assert machine.filter(data="[fr] هدم منزل في سلوان", tool_name="DeepL").exists()
