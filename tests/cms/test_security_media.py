"""A document in a private collection is reachable by no URL for an anonymous visitor; a public one is.

Collections are made private in the admin (Wagtail's collection privacy: a login or a password).
The visitor tries every address a document can have: the media URL of its file, Wagtail's document
view, the API's document listing, detail and ``find``, and every link the page's own HTML and API
answer carry.
"""

import json
import re

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

from tests.factories import UnitPageFactory, publish

pytestmark = pytest.mark.django_db

PRIVATE_CONTENT = b"names of witnesses - private"
PUBLIC_CONTENT = b"annual report - public"
HOST = "testserver"


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def private_collection(restriction_type):
    collection = Collection.get_first_root_node().add_child(name="Witness files")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=restriction_type, password="collection-secret"
    )
    # A sub-collection of a private one is private too.
    return collection.add_child(name="2024")


def make_documents(site_structure, restriction_type):
    """A public document and one in a private collection, both linked from the same public page."""
    model = get_document_model()
    public = model.objects.create(title="التقرير السنوي", file=ContentFile(PUBLIC_CONTENT, name="report.txt"))
    private = model.objects.create(
        title="شهادات",
        file=ContentFile(PRIVATE_CONTENT, name="witnesses.txt"),
        collection=private_collection(restriction_type),
    )
    page = UnitPageFactory(
        parent=site_structure["units"]["ar"],
        title="وحدة التوثيق",
        slug="documentation",
        goals=[
            ("document", {"document": public, "title": "التقرير"}),
            ("document", {"document": private, "title": "الشهادات"}),
        ],
    )
    publish(page)
    return {"public": public, "private": private, "page": page, "restriction": restriction_type}


@pytest.fixture(params=[CollectionViewRestriction.LOGIN, CollectionViewRestriction.PASSWORD])
def documents(request, site_structure):
    return make_documents(site_structure, request.param)


def body_of(response):
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def same_site_urls(text):
    """Every address on this site named in ``text`` (HTML or JSON): absolute on our host, or a path."""
    found = set()
    for url in re.findall(rf"""(?:https?://{re.escape(HOST)})?(/[^\s"'<>\\]*)""", text):
        if url.startswith(("/documents/", "/media/", "/api/")):
            found.add(url)
    return found


def test_the_public_document_is_served_by_wagtails_view_only(client, documents):
    public = documents["public"]

    served = client.get(public.url)

    assert public.url == f"/documents/{public.pk}/report.txt"
    assert served.status_code == 200
    assert body_of(served) == PUBLIC_CONTENT
    # The media route serves no document, public or not: only the view above checks privacy.
    assert client.get(public.file.url).status_code == 404
    listed = client.get("/api/v2/documents/", {"fields": "download_url"}).json()["items"]
    assert [item["id"] for item in listed] == [public.pk]
    assert listed[0]["meta"]["download_url"].endswith(public.url)


def test_the_private_document_is_reachable_by_no_url(client, documents):
    private, page = documents["private"], documents["page"]
    candidate_urls = {
        private.url,
        private.file.url,
        f"/media/{private.file.name}",
        f"/media/./{private.file.name}",
        f"/api/v2/documents/{private.pk}/",
        f"/api/v2/documents/find/?id={private.pk}",
        "/api/v2/documents/?fields=*",
    }
    page_html = client.get(page.url)
    page_api = client.get(f"/api/v2/pages/{page.pk}/", {"fields": "*"})
    assert page_html.status_code == 200 and page_api.status_code == 200
    candidate_urls |= same_site_urls(page_html.content.decode())
    candidate_urls |= same_site_urls(json.dumps(page_api.json()))
    assert private.url in candidate_urls  # The page does link it: the link must lead nowhere.

    for url in sorted(candidate_urls):
        response = client.get(url, follow=True)
        content = body_of(response)
        assert PRIVATE_CONTENT not in content, url

    assert client.get(f"/api/v2/documents/{private.pk}/").status_code == 404
    refused = client.get(private.url)
    if documents["restriction"] == CollectionViewRestriction.LOGIN:
        assert refused.status_code == 302 and "/login/" in refused["Location"]
    else:
        assert refused.status_code == 200 and b'name="password"' in refused.content


def test_the_collections_password_opens_the_private_document(client, site_structure):
    """The restriction is Wagtail's own: who has the password gets the file (and only through the view)."""
    private = make_documents(site_structure, CollectionViewRestriction.PASSWORD)["private"]
    form_page = client.get(private.url)
    action = re.search(rb'action="([^"]+)"', form_page.content).group(1).decode().replace("&amp;", "&")

    client.post(action, {"password": "collection-secret", "return_url": private.url})

    assert body_of(client.get(private.url)) == PRIVATE_CONTENT
    assert client.get(private.file.url).status_code == 404
