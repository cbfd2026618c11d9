"""SQL queries per API request: within the issue's limits, and the same for 5 or 20 pages, 1 or 10 blocks.

Every query the request makes is counted, on the test database. Each request is made once
beforehand: the first one makes the image renditions (files and rows) and fills Wagtail's
cache of the site's root paths, as the first visitor after a publication does.
"""

import uuid

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.documents.models import Document

from tests.cms.conftest import hero_image
from tests.factories import StoryPageFactory, fresh, publish, publish_translation

pytestmark = pytest.mark.django_db

DETAIL_LIMIT = 6
LISTING_LIMIT = 8


def queries(client, path, params=None):
    """The number of SQL queries of a warm request to ``path``."""
    assert client.get(path, params or {}).status_code == 200
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path, params or {})
    assert response.status_code == 200, response.content[:300]
    return len(captured.captured_queries)


def stream(*blocks):
    return [{"type": kind, "value": value, "id": str(uuid.uuid4())} for kind, value in blocks]


def rich_blocks(count, targets):
    """``count`` of each kind of block that refers to something: page and document links, images."""
    image, document, campaign, draft = targets
    paragraph = (
        f'<p><a linktype="page" id="{campaign.pk}">a</a> <a linktype="page" id="{draft.pk}">b</a> '
        f'<a linktype="document" id="{document.pk}">c</a></p>'
        f'<embed embedtype="image" id="{image.pk}" format="left" alt="d"/>'
    )
    return [
        *[("heading", {"text": "عنوان", "level": "h2"})] * count,
        *[("paragraph", paragraph)] * count,
        *[("image", {"image": image.pk, "alt_text": "", "caption": ""})] * count,
        *[("document", {"document": document.pk, "title": ""})] * count,
        *[("call_to_action", {"text": "t", "button_label": "b", "page": campaign.pk, "url": ""})] * count,
    ]


@pytest.fixture
def targets(site_pages):
    image = hero_image("صورة")
    document = Document.objects.create(title="تقرير", file=ContentFile(b"report", name="report.txt"))
    draft = StoryPageFactory(parent=site_pages["stories"]["ar"], title="مسودة", publish_page=False)
    return image, document, site_pages["campaign"]["ar"], draft


def make_stories(site_structure, count, blocks=(), code="ar"):
    parent = site_structure["stories"][code]
    return [
        StoryPageFactory(
            parent=parent,
            neighbourhood="silwan",
            violation_types=["home-demolition", "forced-displacement"],
            body=stream(*blocks),
            hero_image=hero_image(f"بطل {number}"),
        )
        for number in range(count)
    ]


@pytest.mark.parametrize("code", ["ar", "en"])
def test_story_detail_with_hero_body_and_translations(client, site_pages, code, django_assert_max_num_queries):
    story = fresh(site_pages["story"][code])
    story.body = stream(
        ("heading", {"text": "البيت", "level": "h2"}),
        ("paragraph", "<p>بنى أبو خالد منزله عام 1998.</p>"),
        ("quote", {"quote": "كان بيتنا", "attribution": "أبو خالد"}),
        ("paragraph", "<p><b>ثم</b> جاء أمر الهدم.</p>"),
        ("embed", "https://www.youtube.com/watch?v=abc"),
    )
    publish(story)
    path = f"/api/v2/pages/{story.pk}/"
    client.get(path)

    with django_assert_max_num_queries(DETAIL_LIMIT):
        data = client.get(path).json()

    assert len(data["body"]) == 5
    assert data["hero_image"]["width"] == 1200
    assert len(data["meta"]["translations"]) == 2
    assert data["meta"]["parent"]["id"] == site_pages["stories"][code].pk
    assert data["violation_types"] and data["neighbourhood"]
    with django_assert_max_num_queries(DETAIL_LIMIT):
        assert client.get("/api/v2/pages/find/", {"html_path": story.get_url()}).json()["id"] == story.pk


def test_detail_queries_do_not_grow_with_blocks(client, site_pages, targets):
    counts = []
    for count in (1, 10):
        story = fresh(site_pages["story"]["ar"])
        story.body = stream(*rich_blocks(count, targets))
        publish(story)
        counts.append(queries(client, f"/api/v2/pages/{story.pk}/"))
    assert counts[0] == counts[1], counts
    # Linked pages and documents each add one query whatever their number; images come with the hero's.
    assert counts[0] <= DETAIL_LIMIT + 2, counts


@pytest.mark.parametrize("code", ["ar", "en"])
def test_story_listing_with_every_field(client, site_structure, code):
    stories = make_stories(site_structure, 20, [("paragraph", "<p>نص</p>"), ("quote", {"quote": "ق"})], code)
    for story in stories[:3]:
        publish_translation(story, "fr", title="Traduction")
    params = {"type": "stories.StoryPage", "fields": "*", "limit": 20, "order": "id"}

    count = queries(client, "/api/v2/pages/", params)

    assert count <= LISTING_LIMIT
    items = client.get("/api/v2/pages/", params).json()["items"]
    assert [item["id"] for item in items] == [story.pk for story in stories]
    assert {item["meta"]["locale"] for item in items} == {code}
    assert all(item["hero_image"]["url"] and len(item["violation_types"]) == 2 for item in items)
    assert sum(len(item["meta"]["translations"]) for item in items) == 3


def test_a_listing_in_one_language_adds_only_the_locale_lookups(client, site_structure):
    make_stories(site_structure, 20, [("paragraph", "<p>نص</p>")], "en")
    params = {"type": "stories.StoryPage", "fields": "*", "limit": 20}

    everything = queries(client, "/api/v2/pages/", params)
    english = queries(client, "/api/v2/pages/", {**params, "locale": "en"})

    # ``locale=`` is checked against the configured languages and filtered through a join: no query of its own.
    assert english <= everything


def test_story_listing_queries_do_not_grow_with_items_or_blocks(client, site_structure, targets):
    make_stories(site_structure, 20, rich_blocks(1, targets))
    params = {"type": "stories.StoryPage", "fields": "*"}

    five = queries(client, "/api/v2/pages/", {**params, "limit": 5})
    twenty = queries(client, "/api/v2/pages/", {**params, "limit": 20})

    assert five == twenty
    assert twenty <= LISTING_LIMIT + 1  # linked pages and documents, once each

    for story in fresh_stories():
        story.body = stream(*rich_blocks(10, targets))
        publish(story)
    assert queries(client, "/api/v2/pages/", {**params, "limit": 20}) == twenty


def fresh_stories():
    from stories.models import StoryPage

    return list(StoryPage.objects.live().exclude(title="مسودة"))


def test_listing_of_mixed_pages_with_default_fields(client, site_pages):
    assert client.get("/api/v2/pages/", {"limit": 20}).json()["meta"]["total_count"] >= 20
    types = {item["meta"]["type"] for item in client.get("/api/v2/pages/", {"limit": 20}).json()["items"]}
    assert len(types) >= 4

    five = queries(client, "/api/v2/pages/", {"limit": 5})
    twenty = queries(client, "/api/v2/pages/", {"limit": 20})

    assert five == twenty
    assert twenty <= LISTING_LIMIT
