"""Content by path: ``pages/find/?html_path=``, bodies as structured JSON, parents and SEO fields."""

import uuid
from urllib.parse import quote, unquote

import pytest
from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail.models import Page, PageViewRestriction

from tests.cms.conftest import PAGE_TYPES, hero_image
from tests.factories import StoryPageFactory, UnitPageFactory, fresh, publish

pytestmark = pytest.mark.django_db

HOST = "munasara.example"
LANGUAGES = ["ar", "en"]


@pytest.fixture
def api(client, settings):
    settings.ALLOWED_HOSTS = [HOST]
    settings.WAGTAILAPI_BASE_URL = None

    def get(path, params=None):
        return client.get(path, params or {}, HTTP_HOST=HOST, HTTP_ACCEPT_LANGUAGE="en")

    return get


def stream(*blocks):
    """A StreamField value as stored: ``[{"type", "value", "id"}]``."""
    return [{"type": kind, "value": value, "id": str(uuid.uuid4())} for kind, value in blocks]


def public_path(page):
    return fresh(page).get_url()


def find(api, path):
    return api("/api/v2/pages/find/", {"html_path": path})


# Finding a page by its public path


@pytest.mark.parametrize("code", LANGUAGES + ["fr"])
@pytest.mark.parametrize("key", sorted(PAGE_TYPES))
def test_find_answers_the_detail_of_every_page_type_by_its_prefixed_path(api, site_pages, key, code):
    page = site_pages[key][code]
    path = public_path(page)
    assert path.startswith(f"/{code}/")

    response = find(api, path)

    assert response.status_code == 200, response.content[:300]
    data = response.json()
    assert data["id"] == page.pk
    assert data["title"] == page.title
    assert data["meta"]["type"] == f"{PAGE_TYPES[key]._meta.app_label}.{PAGE_TYPES[key].__name__}"
    assert data["meta"]["locale"] == code
    assert data["meta"]["html_url"] == f"http://{HOST}{path}"
    assert data == api(f"/api/v2/pages/{page.pk}/").json()


@pytest.mark.parametrize("code", LANGUAGES)
def test_find_accepts_a_path_without_its_last_slash_and_percent_encoded_slugs(api, site_pages, code):
    unit = UnitPageFactory(parent=site_pages["units"][code], title="وحدة الرصد", slug="وحدة-الرصد")
    encoded = public_path(unit)
    assert encoded == f"/{code}/units/{quote('وحدة-الرصد')}/"

    assert find(api, encoded).json()["id"] == unit.pk
    assert find(api, unquote(encoded)).json()["id"] == unit.pk
    assert find(api, encoded.rstrip("/")).json()["id"] == unit.pk


@pytest.mark.parametrize("code", LANGUAGES)
def test_find_does_not_serve_what_is_not_public(api, site_pages, code):
    stories = site_pages["stories"][code]
    StoryPageFactory(parent=stories, slug="draft-story", publish_page=False)
    StoryPageFactory(parent=stories, slug="pending-story", consent_status="pending", publish_page=False)
    restricted = StoryPageFactory(parent=stories, slug="restricted-story")
    PageViewRestriction.objects.create(page=restricted, restriction_type="password", password="secret")
    paths = [f"/{code}/stories/draft-story/", f"/{code}/stories/pending-story/", public_path(restricted)]
    paths += [f"/{code}/no-such-page/", "/stories/silwan-demolition/", "/xx/stories/", "/"]

    for path in paths:
        response = find(api, path)
        assert response.status_code == 404, path
        assert response["Content-Type"].startswith("application/json")
        assert "not found" in response.json()["message"].lower()
        assert "draft" not in response.content.decode()


def test_a_story_whose_consent_is_withdrawn_is_not_found_by_path(api, site_pages):
    from stories.services import withdraw_consent

    path = public_path(site_pages["story"]["en"])
    assert find(api, path).status_code == 200
    withdraw_consent(site_pages["story"]["ar"])

    assert find(api, path).status_code == 404


@pytest.mark.parametrize("query", [{}, {"html_path": ""}, {"html_path": "   "}, {"fields": "title"}])
def test_find_without_a_path_is_a_bad_request_naming_html_path(api, site_pages, query):
    response = api("/api/v2/pages/find/", query)

    assert response.status_code == 400
    assert "html_path" in response.json()["message"]


def test_find_by_id_still_redirects_to_the_detail(api, site_pages):
    story = site_pages["story"]["ar"]

    response = api("/api/v2/pages/find/", {"id": story.pk})

    assert response.status_code == 302
    assert response["Location"] == f"http://{HOST}/api/v2/pages/{story.pk}/"


# Bodies


@pytest.fixture
def linked(site_pages):
    """What a body links to, per language: a public campaign, a draft, an unconsented story, a document, an image."""
    targets = {}
    for code in LANGUAGES:
        stories = site_pages["stories"][code]
        targets[code] = {
            "public": site_pages["campaign"][code],
            "draft": StoryPageFactory(
                parent=stories, title="مسودة سرية", slug=f"secret-draft-{code}", publish_page=False
            ),
            "unconsented": StoryPageFactory(
                parent=stories,
                title="قصة بلا موافقة",
                slug=f"no-consent-{code}",
                consent_status="pending",
                publish_page=False,
            ),
        }
    # A live story whose consent is then revoked behind the page's back: only the public condition hides it.
    from stories.models import ConsentRecord

    for code in LANGUAGES:
        revoked = StoryPageFactory(parent=site_pages["stories"][code], title="سحبت", slug=f"revoked-{code}")
        ConsentRecord.objects.filter(story_translation_key=revoked.translation_key).update(status="pending")
        targets[code]["revoked"] = revoked
    targets["document"] = Document.objects.create(title="تقرير", file=ContentFile(b"report", name="report.txt"))
    targets["image"] = hero_image("صورة الحي")
    return targets


def story_with_body(site_pages, code, blocks):
    story = fresh(site_pages["story"][code])
    story.body = stream(*blocks)
    story.search_description = "وصف للمحركات"
    story.seo_title = "عنوان للمحركات"
    return publish(story)


def link(kind, target, text):
    return f'<a linktype="{kind}" id="{target.pk}">{text}</a>'


@pytest.mark.parametrize("code", LANGUAGES)
def test_rich_text_links_resolve_to_public_urls_and_hidden_pages_leave_no_trace(api, site_pages, linked, code):
    targets = linked[code]
    paragraph = (
        f"<p>{link('page', targets['public'], 'the campaign')}, {link('page', targets['draft'], 'a draft')}, "
        f"{link('page', targets['unconsented'], 'a pending story')}, {link('page', targets['revoked'], 'revoked')}, "
        f"{link('document', linked['document'], 'the report')} and "
        '<a href="https://example.org/x">outside</a>.</p>'
        f'<embed embedtype="image" id="{linked["image"].pk}" format="left" alt="الحي"/>'
    )
    story = story_with_body(site_pages, code, [("paragraph", paragraph)])

    (block,) = find(api, public_path(story)).json()["body"]

    assert block["type"] == "paragraph"
    html = block["value"]
    campaign_url = f"http://{HOST}{public_path(targets['public'])}"
    assert f'<a href="{campaign_url}">the campaign</a>' in html
    assert ", a draft, a pending story, revoked, " in html
    for hidden in ("draft", "unconsented", "revoked"):
        page = targets[hidden]
        assert page.slug not in html
        assert f'id="{page.pk}"' not in html
        assert page.title not in html
    assert "linktype" not in html
    assert f'<a href="http://{HOST}/documents/{linked["document"].pk}/report.txt">the report</a>' in html
    assert '<a href="https://example.org/x">outside</a>' in html
    assert f'<img src="http://{HOST}/media/images/' in html
    assert 'alt="الحي"' in html
    assert "<embed" not in html


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_block_type_is_structured_json(api, site_pages, linked, code):
    targets = linked[code]
    image, document = linked["image"], linked["document"]
    story = story_with_body(
        site_pages,
        code,
        [
            ("heading", {"text": "البيت", "level": "h3"}),
            ("image", {"image": image.pk, "alt_text": "بيت مهدوم", "caption": "سلوان"}),
            ("image", {"image": image.pk, "alt_text": "", "caption": ""}),
            ("quote", {"quote": "كان بيتنا", "attribution": "أبو خالد"}),
            ("embed", "https://www.youtube.com/watch?v=abc"),
            ("document", {"document": document.pk, "title": "التقرير"}),
            ("call_to_action", {"text": "ادعم", "button_label": "الحملة", "page": targets["public"].pk, "url": ""}),
            ("call_to_action", {"text": "ادعم", "button_label": "سر", "page": targets["draft"].pk, "url": ""}),
        ],
    )

    data = api(f"/api/v2/pages/{story.pk}/").json()
    body = data["body"]

    assert [block["type"] for block in body] == [
        "heading",
        "image",
        "image",
        "quote",
        "embed",
        "document",
        "call_to_action",
        "call_to_action",
    ]
    assert all(block["id"] for block in body)
    assert body[0]["value"] == {"text": "البيت", "level": "h3"}
    rendition = body[1]["value"]["image"]
    assert rendition["url"].startswith(f"http://{HOST}/media/images/")
    assert (rendition["width"], rendition["height"], rendition["alt"]) == (1200, 800, "بيت مهدوم")
    assert body[1]["value"]["caption"] == "سلوان"
    assert body[2]["value"]["image"]["alt"] == "صورة الحي"  # the image's title when the block has no alt text
    assert api(rendition["url"].removeprefix(f"http://{HOST}")).status_code == 200
    assert body[3]["value"] == {"quote": "كان بيتنا", "attribution": "أبو خالد"}
    assert body[4]["value"] == {"url": "https://www.youtube.com/watch?v=abc"}
    assert body[5]["value"] == {
        "document": {
            "id": document.pk,
            "title": "تقرير",
            "url": f"http://{HOST}/documents/{document.pk}/report.txt",
        },
        "title": "التقرير",
    }
    campaign = targets["public"]
    assert body[6]["value"]["page"] == {
        "id": campaign.pk,
        "title": campaign.title,
        "html_url": f"http://{HOST}{public_path(campaign)}",
        "detail_url": f"http://{HOST}/api/v2/pages/{campaign.pk}/",
    }
    assert body[7]["value"]["page"] is None
    assert targets["draft"].slug not in str(data)


def test_a_deleted_image_leaves_its_block_without_a_picture(api, site_pages, linked):
    image = linked["image"]
    story = story_with_body(site_pages, "ar", [("image", {"image": image.pk, "alt_text": "", "caption": "ك"})])
    image.delete()

    (block,) = api(f"/api/v2/pages/{story.pk}/").json()["body"]

    assert block["value"] == {"image": None, "caption": "ك"}


@pytest.mark.parametrize("code", LANGUAGES)
def test_unit_stream_fields_are_structured_too(api, site_pages, code):
    data = api("/api/v2/pages/", {"type": "home.UnitPage", "locale": code, "fields": "goals,how_we_work"}).json()

    (unit,) = data["items"]
    assert unit["goals"] == [
        {"type": "paragraph", "value": "<p>حشد المؤيدين النشطين.</p>", "id": unit["goals"][0]["id"]}
    ]
    assert unit["how_we_work"] == []


@pytest.mark.parametrize("code", LANGUAGES)
def test_hero_image_is_a_rendition_on_the_request_host(api, site_pages, code):
    story = fresh(site_pages["story"][code])
    data = api(f"/api/v2/pages/{story.pk}/").json()

    hero = data["hero_image"]
    assert hero["url"].startswith(f"http://{HOST}/media/images/")
    assert (hero["width"], hero["height"]) == (1200, 630)
    assert hero["alt"] == "منظر عام لحي سلوان"
    assert api(hero["url"].removeprefix(f"http://{HOST}")).status_code == 200

    story.hero_image_alt = "بيوت سلوان"
    publish(story)
    assert api(f"/api/v2/pages/{story.pk}/").json()["hero_image"]["alt"] == "بيوت سلوان"


# Parent, locale and SEO


@pytest.mark.parametrize("code", LANGUAGES)
def test_meta_parent_is_the_public_parent_and_stops_at_the_locale_home(api, site_pages, code):
    story = site_pages["story"][code]
    index = site_pages["stories"][code]
    home = site_pages["home"][code]

    parent = api(f"/api/v2/pages/{story.pk}/").json()["meta"]["parent"]
    assert parent["id"] == index.pk
    assert parent["meta"]["html_url"] == f"http://{HOST}{public_path(index)}"
    assert api(f"/api/v2/pages/{index.pk}/").json()["meta"]["parent"]["id"] == home.pk
    # A home page's parent is the tree root, which is no page of the site.
    assert api(f"/api/v2/pages/{home.pk}/").json()["meta"]["parent"] is None
    assert Page.objects.get(pk=home.pk).get_parent().depth == 1


@pytest.mark.parametrize("code", LANGUAGES)
def test_meta_parent_is_null_when_the_parent_is_a_draft(api, site_pages, code):
    unit, index = site_pages["unit"][code], site_pages["units"][code]
    assert api(f"/api/v2/pages/{unit.pk}/").json()["meta"]["parent"]["id"] == index.pk

    fresh(index).unpublish()

    assert api(f"/api/v2/pages/{unit.pk}/").json()["meta"]["parent"] is None


@pytest.mark.parametrize("code", LANGUAGES)
def test_seo_fields_and_canonical_url(api, site_pages, linked, code):
    story = story_with_body(site_pages, code, [("quote", {"quote": "ق", "attribution": ""})])

    meta = find(api, public_path(story)).json()["meta"]

    assert meta["seo_title"] == "عنوان للمحركات"
    assert meta["search_description"] == "وصف للمحركات"
    assert meta["canonical_url"] == meta["html_url"] == f"http://{HOST}{public_path(story)}"
    assert meta["locale"] == code


# JSON only


@pytest.mark.parametrize("endpoint", ["pages/", "images/", "documents/", "pages/find/"])
def test_the_browsable_html_api_is_gone(api, site_pages, endpoint):
    path = {"html_path": "/ar/"} if endpoint == "pages/find/" else {}

    response = api(f"/api/v2/{endpoint}", {"format": "api", **path})

    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    assert "format" in response.json()["message"]
    assert api(f"/api/v2/{endpoint}", {"format": "json", **path}).status_code == 200


def test_listings_serve_bodies_in_every_language(api, site_pages):
    for code in LANGUAGES:
        items = api(
            "/api/v2/pages/", {"type": "stories.StoryPage", "locale": code, "fields": "body,hero_image"}
        ).json()["items"]
        (story,) = items
        assert story["body"][0]["type"] == "heading"
        assert story["hero_image"]["url"].startswith(f"http://{HOST}/")


@pytest.mark.parametrize("endpoint", ["pages", "images", "documents"])
@pytest.mark.parametrize("value", ["R", "", "-1", "1.5", "٣"])
def test_find_by_an_id_that_is_not_a_whole_number_is_a_bad_request(api, site_pages, endpoint, value):
    response = api(f"/api/v2/{endpoint}/find/", {"id": value})

    assert response.status_code == 400
    assert response.json()["message"].startswith("id:")


@pytest.mark.parametrize("site", ["", "nowhere.example", "localhost:port"])
def test_an_unknown_site_is_a_bad_request_naming_site(api, site_pages, site):
    response = api("/api/v2/pages/", {"site": site})

    assert response.status_code == 400
    assert response.json()["message"].startswith("site:")


def test_the_site_named_by_host_lists_its_pages(api, site_pages):
    response = api("/api/v2/pages/", {"site": "localhost", "type": "stories.StoryPage"})

    assert {item["id"] for item in response.json()["items"]} == {page.pk for page in site_pages["story"].values()}
