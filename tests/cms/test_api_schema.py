"""The OpenAPI schema at /api/v2/schema/ tells the truth: real answers of every endpoint validate against it.

Answers come from the Django test client on ``site_pages`` (every page type in ar/en/fr), errors
included, and are validated with jsonschema against the response schema the document gives for
that path, method and status (OpenAPI 3.1 schemas are JSON Schema 2020-12).
"""

import re
from urllib.parse import parse_qs, urlsplit

import jsonschema
import pytest
from django.contrib.staticfiles import finders
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from openapi_spec_validator import validate
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012
from wagtail.documents.models import Document

from cms.api import PublicPagesAPIViewSet
from cms.openapi.fields import UndescribedFieldError, field_schema
from cms.openapi.pages import page_models, type_name
from core.blocks import ContentStreamBlock
from roles import roles
from stories.models import StoryPage
from tests.cms.conftest import LANGUAGES, hero_image
from tests.cms.menus import show_sections_in_menus
from tests.cms.search_index import index_every_page
from tests.factories import StoryPageFactory
from tests.roles.admin import story_form
from tests.roles.conftest import make_member

pytestmark = pytest.mark.django_db

DOCUMENT_URI = "urn:munasara-api"
FORMATS = jsonschema.FormatChecker()


@FORMATS.checks("uri")
def is_absolute_uri(value):
    if not isinstance(value, str):
        return True  # Formats apply to strings only (the type says whether null is allowed).
    parts = urlsplit(value)
    return bool(parts.scheme in ("http", "https") and parts.netloc)


@pytest.fixture
def document(client):
    response = client.get("/api/v2/schema/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return response.json()


class Checker:
    """Validates real answers against the document's response schemas."""

    def __init__(self, document):
        self.document = document
        resource = Resource.from_contents(document, default_specification=DRAFT202012)
        self.registry = Registry().with_resource(DOCUMENT_URI, resource)

    def resolve(self, node):
        while "$ref" in node:
            node = self.pointer(node["$ref"])
        return node

    def pointer(self, reference):
        node = self.document
        for part in reference.removeprefix("#/").split("/"):
            node = node[part.replace("~1", "/").replace("~0", "~")]
        return node

    def response_spec(self, path, status, method="get"):
        responses = self.document["paths"][path][method]["responses"]
        assert str(status) in responses, f"{method.upper()} {path} answered {status}, which the schema does not list"
        return self.resolve(responses[str(status)])

    def check(self, path, response, method="get"):
        spec = self.response_spec(path, response.status_code, method)
        if "content" not in spec:
            return None
        assert response["Content-Type"].startswith("application/json"), response["Content-Type"]
        schema = spec["content"]["application/json"]["schema"]
        return self.validate(response.json(), schema)

    def validate(self, data, schema):
        wrapper = {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}
        if "$ref" in schema:
            wrapper["$ref"] = DOCUMENT_URI + schema["$ref"]
        validator = jsonschema.Draft202012Validator(wrapper, registry=self.registry, format_checker=FORMATS)
        errors = sorted(validator.iter_errors(data), key=lambda error: list(error.absolute_path))
        assert not errors, "\n".join(f"{list(error.absolute_path)}: {error.message}" for error in errors[:10])
        return data


@pytest.fixture
def checker(document):
    return Checker(document)


def api_routes(resolver=None, prefix=""):
    """Every URL pattern under /api/v2/ as an OpenAPI path (``<int:pk>``, ``<int:page_id>`` → ``{id}``)."""
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        route = prefix + str(pattern.pattern).lstrip("^").rstrip("$")
        if isinstance(pattern, URLResolver):
            yield from api_routes(pattern, route)
        elif isinstance(pattern, URLPattern) and route.startswith("api/v2/"):
            yield "/" + re.sub(r"<int:\w+>", "{id}", route)


def test_the_document_is_valid_openapi_31_in_english(document):
    validate(document)
    assert document["openapi"].startswith("3.1")
    assert document["info"]["title"] == "Munasara API"
    story = document["components"]["schemas"]["stories.StoryPage"]
    assert story["properties"]["date"]["description"] == "Date of the events."


def test_every_api_route_is_described_and_every_described_path_exists(document):
    routes = set(api_routes()) - {"/api/v2/schema/", "/api/v2/docs/"}
    assert routes == set(document["paths"])


def test_every_page_type_is_described_with_exactly_its_api_fields(document):
    schemas = document["components"]["schemas"]
    for model in page_models():
        schema = schemas[type_name(model)]
        body = set(PublicPagesAPIViewSet.get_body_fields_names(model))
        meta = set(PublicPagesAPIViewSet.get_meta_fields_names(model))
        assert set(schema["properties"]) == body | {"meta", "@components"}, type_name(model)
        assert set(schema["properties"]["meta"]["properties"]) == meta, type_name(model)
        assert schema["additionalProperties"] is False
    assert {ref["$ref"].rsplit("/", 1)[1] for ref in schemas["Page"]["anyOf"]} == {
        type_name(model) for model in page_models()
    }


def parameter(document, path, name):
    checker = Checker(document)
    for item in document["paths"][path]["get"]["parameters"]:
        item = checker.resolve(item)
        if item["name"] == name:
            return item["schema"]
    raise LookupError(name)


@pytest.mark.parametrize(
    ("path", "name", "others"),
    [
        ("/api/v2/pages/", "limit", {}),
        ("/api/v2/images/", "limit", {}),
        ("/api/v2/search/", "page_size", {}),
        ("/api/v2/navigation/", "depth", {}),
        ("/api/v2/pages/{id}/", "navigation_depth", {"expand": "navigation"}),
    ],
)
def test_the_documented_limits_are_the_enforced_ones(document, client, site_structure, path, name, others):
    limits = parameter(document, path, name)
    url = path.replace("{id}", str(site_structure["home"]["en"].pk))
    for value, status in ((limits["minimum"], 200), (limits["maximum"], 200), (limits["maximum"] + 1, 400)):
        response = client.get(url, {**others, name: value})
        assert response.status_code == status, (name, value, response.content[:200])


def test_the_documented_query_length_is_the_enforced_one(document, client, site_structure):
    longest = parameter(document, "/api/v2/search/", "q")["maxLength"]
    assert client.get("/api/v2/search/", {"q": "ب" * longest}).status_code == 200
    assert client.get("/api/v2/search/", {"q": "ب" * (longest + 1)}).status_code == 400


def test_a_field_the_schema_cannot_describe_fails_loudly():
    # A property (the consent record behind a story) is described only when someone writes its schema.
    with pytest.raises(UndescribedFieldError, match="StoryPage.consent"):
        field_schema(StoryPage, "consent")


def test_a_drifted_answer_fails_validation(checker, client, site_pages):
    """The page schemas are strict: an unknown field or a wrong type is caught."""
    story = client.get(f"/api/v2/pages/{site_pages['story']['en'].pk}/").json()
    page_schema = {"$ref": "#/components/schemas/Page"}
    with pytest.raises(AssertionError):
        checker.validate({**story, "survivor_name": "x"}, page_schema)
    with pytest.raises(AssertionError):
        checker.validate({**story, "date": 2020}, page_schema)
    with pytest.raises(AssertionError):
        checker.validate({**story, "meta": {**story["meta"], "locale": None}}, page_schema)


def test_page_listings_match_the_schema(checker, client, site_pages):
    for language in LANGUAGES:
        checker.check("/api/v2/pages/", client.get("/api/v2/pages/", {"locale": language}))
        answer = checker.check("/api/v2/pages/", client.get("/api/v2/pages/", {"locale": language, "fields": "*"}))
        assert answer["meta"]["total_count"] == len(answer["items"]) == len(site_pages)
        for model in page_models():
            params = {"type": type_name(model), "locale": language, "fields": "*"}
            answer = checker.check("/api/v2/pages/", client.get("/api/v2/pages/", params))
            assert [item["meta"]["type"] for item in answer["items"]] == [type_name(model)]


def test_every_page_detail_matches_the_schema_and_carries_every_described_field(checker, document, client, site_pages):
    schemas = document["components"]["schemas"]
    for key, pages in site_pages.items():
        for language, page in pages.items():
            answer = checker.check("/api/v2/pages/{id}/", client.get(f"/api/v2/pages/{page.pk}/"))
            schema = schemas[answer["meta"]["type"]]
            # Without ``fields`` a detail has every field of its type (``@components`` only with ``expand``).
            assert set(answer) == set(schema["properties"]) - {"@components"}, (key, language)
            assert set(answer["meta"]) == set(schema["properties"]["meta"]["properties"]), (key, language)
            found = client.get("/api/v2/pages/find/", {"html_path": page.url})
            assert checker.check("/api/v2/pages/find/", found) == answer
        partial = client.get(f"/api/v2/pages/{pages['ar'].pk}/", {"fields": "_,title"})
        assert set(checker.check("/api/v2/pages/{id}/", partial)) == {"title"}


def test_every_block_type_and_the_media_it_uses_match_the_schema(checker, client, site_pages):
    """A story using every block of the body, with links to a page and a document, an image and an embed."""
    report = Document.objects.create(title="تقرير", file=ContentFile(b"%PDF-1.4\n", name="report.pdf"))
    campaign = site_pages["campaign"]["ar"]
    links = f'<a linktype="page" id="{campaign.pk}">الحملة</a> <a linktype="document" id="{report.pk}">التقرير</a>'
    story = StoryPageFactory(
        parent=site_pages["stories"]["ar"],
        body=[
            ("heading", {"text": "البيت", "level": "h3"}),
            ("paragraph", f'<p>{links} <a href="https://example.org/">مصدر</a></p>'),
            ("image", {"image": hero_image("البيت بعد الهدم"), "alt_text": "", "caption": "بعد الهدم"}),
            ("quote", {"quote": "لم يبق لنا شيء.", "attribution": ""}),
            ("embed", "https://www.youtube.com/watch?v=dQw4w9WgXcQ"),
            ("document", {"document": report, "title": "التقرير الكامل"}),
            ("call_to_action", {"text": "ساندونا", "button_label": "الحملة", "page": campaign, "url": ""}),
        ],
    )
    answer = checker.check("/api/v2/pages/{id}/", client.get(f"/api/v2/pages/{story.pk}/"))
    assert [block["type"] for block in answer["body"]] == list(ContentStreamBlock.base_blocks)
    assert answer["body"][2]["value"]["image"]["width"] > 0
    assert answer["body"][5]["value"]["document"]["id"] == report.pk
    assert answer["body"][6]["value"]["page"]["id"] == campaign.pk

    documents = checker.check("/api/v2/documents/", client.get("/api/v2/documents/", {"fields": "*"}))
    assert [item["id"] for item in documents["items"]] == [report.pk]
    checker.check("/api/v2/documents/{id}/", client.get(f"/api/v2/documents/{report.pk}/"))
    checker.check("/api/v2/documents/find/", client.get("/api/v2/documents/find/", {"id": report.pk}))
    images = checker.check("/api/v2/images/", client.get("/api/v2/images/", {"fields": "*"}))
    assert len(images["items"]) == 2


def test_a_detail_with_its_components_matches_the_schema(checker, client, site_pages):
    show_sections_in_menus(site_pages)
    story = site_pages["story"]["ar"]
    params = {"expand": "navigation,breadcrumbs,translations", "navigation_depth": "2"}
    answer = checker.check("/api/v2/pages/{id}/", client.get(f"/api/v2/pages/{story.pk}/", params))
    assert set(answer["@components"]) == {"navigation", "breadcrumbs", "translations"}
    assert answer["@components"]["navigation"]["items"]


def test_navigation_and_breadcrumbs_match_the_schema(checker, client, site_pages):
    show_sections_in_menus(site_pages)
    for language in LANGUAGES:
        params = {"locale": language, "depth": 2}
        answer = checker.check("/api/v2/navigation/", client.get("/api/v2/navigation/", params))
        assert answer["items"]
        for pages in site_pages.values():
            url = f"/api/v2/pages/{pages[language].pk}/breadcrumbs/"
            assert checker.check("/api/v2/pages/{id}/breadcrumbs/", client.get(url))["items"]


def test_finding_a_page_by_id_matches_the_schema(checker, client, site_pages):
    found = client.get("/api/v2/pages/find/", {"id": site_pages["story"]["en"].pk})
    assert found.status_code == 302
    checker.check("/api/v2/pages/find/", found)


def test_images_and_documents_match_the_schema(checker, client, site_pages):
    answer = checker.check("/api/v2/images/", client.get("/api/v2/images/", {"fields": "*"}))
    assert answer["items"], "site_pages shows a hero image"
    image = answer["items"][0]
    checker.check("/api/v2/images/{id}/", client.get(f"/api/v2/images/{image['id']}/"))
    checker.check("/api/v2/images/find/", client.get("/api/v2/images/find/", {"id": image["id"]}))
    checker.check("/api/v2/documents/", client.get("/api/v2/documents/", {"fields": "*"}))


def test_search_suggest_site_and_vocabularies_match_the_schema(checker, client, site_pages):
    index_every_page()
    for language in LANGUAGES:
        answer = checker.check("/api/v2/search/", client.get("/api/v2/search/", {"locale": language}))
        assert answer["count"] > 0
        story = site_pages["story"][language]
        params = {"q": story.title.split()[-1], "locale": language, "type": "stories.StoryPage", "year": "2020,2021"}
        checker.check("/api/v2/search/", client.get("/api/v2/search/", params))
        suggest = {"q": story.title[:3], "locale": language}
        checker.check("/api/v2/search/suggest/", client.get("/api/v2/search/suggest/", suggest))
        answer = checker.check("/api/v2/site/", client.get("/api/v2/site/", {"locale": language}))
        assert [item["code"] for item in answer["locales"]] == LANGUAGES
        for path in ("/api/v2/vocabularies/violation-types/", "/api/v2/vocabularies/neighbourhoods/"):
            assert checker.check(path, client.get(path, {"locale": language}))["items"]


def test_previews_match_the_schema(checker, client, site_pages, settings):
    front_end = "https://front.example/preview/"
    settings.HEADLESS_PREVIEW_URL = front_end
    settings.WAGTAIL_HEADLESS_PREVIEW = {"CLIENT_URLS": {"default": front_end}, "REDIRECT_ON_PREVIEW": True}
    client.force_login(make_member(roles.EDITORS, "editor"))

    def fetch(location):
        assert location.startswith(front_end), location
        query = {name: values[0] for name, values in parse_qs(urlsplit(location).query).items()}
        return checker.check("/api/v2/page_preview/", Client().get("/api/v2/page_preview/", query))

    index = site_pages["stories"]["ar"]
    url = reverse("wagtailadmin_pages:preview_on_add", args=("stories", "storypage", index.pk))
    assert client.post(url, story_form("قصة جديدة", "new-story")).json()["is_valid"] is True
    assert fetch(client.get(url)["Location"])["id"] is None
    for pages in site_pages.values():
        draft = client.get(reverse("wagtailadmin_pages:view_draft", args=(pages["ar"].pk,)))
        assert fetch(draft["Location"])["id"] == pages["ar"].pk


ERRORS = [
    ("/api/v2/pages/", "/api/v2/pages/", {"limit": "abc"}, 400),
    ("/api/v2/pages/", "/api/v2/pages/", {"type": "nowhere.Page"}, 400),
    ("/api/v2/pages/", "/api/v2/pages/", {"locale": "xx"}, 400),
    ("/api/v2/pages/", "/api/v2/pages/", {"fields": "survivor_name"}, 400),
    ("/api/v2/pages/{id}/", "/api/v2/pages/999999/", {}, 404),
    ("/api/v2/pages/find/", "/api/v2/pages/find/", {}, 400),
    ("/api/v2/pages/find/", "/api/v2/pages/find/", {"html_path": "/en/no-such-page/"}, 404),
    ("/api/v2/pages/{id}/breadcrumbs/", "/api/v2/pages/999999/breadcrumbs/", {}, 404),
    ("/api/v2/navigation/", "/api/v2/navigation/", {"depth": "9"}, 400),
    ("/api/v2/images/", "/api/v2/images/", {"search": "\x00"}, 400),
    ("/api/v2/images/{id}/", "/api/v2/images/999999/", {}, 404),
    ("/api/v2/documents/", "/api/v2/documents/", {"offset": "-1"}, 400),
    ("/api/v2/documents/{id}/", "/api/v2/documents/999999/", {}, 404),
    ("/api/v2/search/", "/api/v2/search/", {"page_size": "51"}, 400),
    ("/api/v2/search/suggest/", "/api/v2/search/suggest/", {"locale": "xx"}, 400),
    ("/api/v2/site/", "/api/v2/site/", {"locale": "xx"}, 400),
    ("/api/v2/vocabularies/neighbourhoods/", "/api/v2/vocabularies/neighbourhoods/", {"other": "1"}, 400),
    ("/api/v2/page_preview/", "/api/v2/page_preview/", {}, 400),
    ("/api/v2/page_preview/", "/api/v2/page_preview/", {"content_type": "stories.storypage", "token": "x"}, 403),
]


def test_errors_match_the_schema(checker, client, site_pages):
    for path, url, params, status in ERRORS:
        response = client.get(url, params)
        assert response.status_code == status, (url, params, response.content[:300])
        assert checker.check(path, response)["message"]
    response = client.post("/api/v2/site/")
    assert response.status_code == 405
    checker.validate(response.json(), {"$ref": "#/components/schemas/Error"})


def test_the_docs_page_uses_only_our_own_files(client):
    response = client.get("/api/v2/docs/", HTTP_ACCEPT_LANGUAGE="ar")
    assert response.status_code == 200
    html = response.content.decode()
    references = re.findall(r'(?:src|href)="([^"]*)"', html)
    assert references
    for reference in references:
        assert reference.startswith("/static/") or reference == "/api/v2/schema/", reference
    assert 'data-schema-url="/api/v2/schema/"' in html
    assert '<html lang="ar" dir="rtl">' in html
    # Swagger UI and the document are English: their container says so, whatever the page's language.
    assert '<div id="swagger-ui" lang="en" dir="ltr"' in html
    for reference in references:
        if reference.startswith("/static/"):
            assert finders.find(reference.removeprefix("/static/")), reference
