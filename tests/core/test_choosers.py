"""The choosers in the page editors speak each editor's admin language, whoever opened them first.

Wagtail builds a snippet's chooser widget once per process, and labels some chooser modals at
import; these tests open the editors as users of different languages one after another in the
same process, in several orders, so a text fixed for the first one shows for the others.
"""

import json

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation
from wagtail.users.models import UserProfile

from core.models import Neighbourhood, ViolationType
from stories.models import StoryPage
from tests.factories import StoryPageFactory
from tests.markup import parse, text
from tests.roles.admin import add_story_url, edit_url

LANGUAGES = ("ar", "en", "fr")
ORDERS = [("fr", "ar", "en"), ("en", "ar", "fr"), ("ar", "fr", "en")]


def translated(language, message, **values):
    with translation.override(language):
        return translation.gettext(message) % values


def snippet_text(language, model, message):
    """Wagtail's snippet chooser text for ``model`` as a ``language`` user should read it."""
    return translated(language, message, object=model._meta.verbose_name)


def log_in_as(client, language):
    user = get_user_model().objects.create_superuser(f"editor-{language}", f"{language}@example.org", "pw")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    client.force_login(user)
    return user


def fragment(markup):
    return BeautifulSoup(markup, "html.parser")


def chooser_text(soup, field_id):
    """The visible text of the chooser widget for the form field ``field_id``, whitespace folded."""
    widget = soup.select_one(f"#{field_id}-chooser")
    assert widget is not None, f"no chooser widget for {field_id}"
    return text(widget)


def new_row_chooser_text(soup, formset, field):
    """The chooser text in the template an inline panel copies for each new row."""
    template = soup.select_one(f"template#id_{formset}-EMPTY_FORM_TEMPLATE")
    assert template is not None, f"no template for new {formset} rows"
    return chooser_text(fragment(template.decode_contents()), f"id_{formset}-__prefix__-{field}")


def modal(client, url_name):
    response = client.get(reverse(url_name))
    assert response.status_code == 200
    return fragment(json.loads(response.content)["html"])


@pytest.fixture
def story(site_structure):
    """An Arabic story set in Silwan, one of the seeded neighbourhoods."""
    return StoryPageFactory(parent=site_structure["stories"]["ar"], title="هدم منزل", neighbourhood="silwan")


@pytest.mark.parametrize(
    "message",
    [
        "Choose %(object)s",
        "Choose another %(object)s",
        "Edit this %(object)s",
        "Choose",
        "Search",
        "Upload",
        "Choose an image",
        "Choose a page",
    ],
)
def test_the_three_languages_word_the_chooser_texts_differently(db, message):
    """Guards the tests below: were two languages worded alike, a frozen text could pass for a translated one."""
    for model in (Neighbourhood, ViolationType):
        worded = {snippet_text(language, model, message) for language in LANGUAGES}
        assert len(worded) == len(LANGUAGES), (model, message, worded)


@pytest.mark.parametrize("order", ORDERS, ids="-".join)
def test_story_add_page_vocabulary_choosers_follow_each_editors_language(client, site_structure, order):
    index = site_structure["stories"]["ar"]
    for language in order:
        log_in_as(client, language)
        soup = parse(client.get(add_story_url(index)))
        assert soup.html["lang"] == language

        neighbourhood = chooser_text(soup, "id_neighbourhood")
        assert snippet_text(language, Neighbourhood, "Choose %(object)s") in neighbourhood, (language, neighbourhood)

        violation_type = new_row_chooser_text(soup, "violation_type_links", "violation_type")
        assert snippet_text(language, ViolationType, "Choose %(object)s") in violation_type, (language, violation_type)


@pytest.mark.parametrize("order", ORDERS, ids="-".join)
def test_story_edit_page_chosen_neighbourhood_actions_follow_each_editors_language(client, story, order):
    for language in order:
        log_in_as(client, language)
        widget = chooser_text(parse(client.get(edit_url(story))), "id_neighbourhood")
        assert "سلوان" in widget
        assert snippet_text(language, Neighbourhood, "Choose another %(object)s") in widget, (language, widget)
        assert snippet_text(language, Neighbourhood, "Edit this %(object)s") in widget, (language, widget)


@pytest.mark.parametrize("order", ORDERS, ids="-".join)
def test_vocabulary_chooser_modal_titles_follow_each_editors_language(client, db, order):
    for language in order:
        log_in_as(client, language)
        for model in (Neighbourhood, ViolationType):
            title = text(modal(client, model.snippet_viewset.chooser_viewset.get_url_name("choose")).select_one("h1"))
            assert title.startswith(translated(language, "Choose")), (language, title)
            with translation.override(language):
                assert str(model._meta.verbose_name) in title, (language, title)


@pytest.mark.parametrize("order", ORDERS[:2], ids="-".join)
def test_image_and_document_chooser_search_tabs_follow_each_editors_language(client, db, order):
    for language in order:
        log_in_as(client, language)
        for url_name in ("wagtailimages_chooser:choose", "wagtaildocs_chooser:choose"):
            tabs = [text(tab) for tab in modal(client, url_name).select('[role="tablist"] [role="tab"]')]
            assert tabs, f"no tabs in {url_name}"
            assert tabs[0].startswith(translated(language, "Search")), (language, url_name, tabs)
            assert tabs[1].startswith(translated(language, "Upload")), (language, url_name, tabs)


@pytest.mark.parametrize("order", ORDERS[:2], ids="-".join)
def test_campaign_page_and_image_choosers_follow_each_editors_language(client, site_structure, order):
    """Wagtail's own choosers in the campaign editor: the hero image and the related stories."""
    index = site_structure["campaigns"]["ar"]
    for language in order:
        log_in_as(client, language)
        soup = parse(client.get(reverse("wagtailadmin_pages:add", args=("campaigns", "campaignpage", index.pk))))

        assert translated(language, "Choose an image") in chooser_text(soup, "id_hero_image")
        with translation.override(language):
            story_chooser = f"{translation.gettext('Choose a page')} ({StoryPage._meta.verbose_name.capitalize()})"
        assert story_chooser in new_row_chooser_text(soup, "related_story_links", "story")
