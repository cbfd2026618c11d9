"""A security crawl: nothing that must stay hidden is reachable by following links.

An anonymous visitor and a staff member holding every role (roles/roles.py) follow every link from
the home pages in each language, the sitemap and the API listings — HTML, JSON and XML alike,
documents included — and try the hidden things' own addresses and the search. Hidden are: a draft,
a draft revision of a live story, a page in a password-protected section, a story without consent,
a story whose consent was withdrawn, and a document in a private collection. Each carries a marker
word in its title (and the document in its file); no answer on the public site or the API may
contain one. On the public site a role only ever adds access (a group view restriction, staff's
media), so what the holder of every role cannot reach, no single role can; each role on its own
still tries the hidden things' addresses and the search. Each crawl makes about 80 requests.

In the admin, each role opens exactly what roles/roles.py grants: the hidden pages' editors with
``change_page`` where the page is, the private document's editor with ``change_document``.
"""

import json
import re
from collections import deque
from urllib.parse import urldefrag, urlsplit

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.documents.models import Document
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from roles import roles
from stories.services import withdraw_consent
from tests.accounts import staff_user
from tests.factories import StoryPageFactory, UnitPageFactory, fresh, publish, publish_translation

from .admin import refused
from .conftest import make_member

pytestmark = pytest.mark.django_db

LANGUAGES = ("ar", "en", "fr")
# The site the fixture builds has about 80 addresses to visit; a crawl that goes far past that is lost.
MAX_URLS = 150
# The crawl stays on the site's own public addresses: not the admin (the userbar links there), static files or images.
SKIPPED_PREFIXES = ("/admin/", "/django-admin/", "/static/", "/media/images/", "/media/original_images/", "/jsi18n/")
HOST = "testserver"

MARKERS = {
    "draft": "zqdraftsecret",
    "draft revision": "zqrevisionsecret",
    "private section": "zqrestrictedsecret",
    "unconsented": "zqunconsentedsecret",
    "withdrawn": "zqwithdrawnsecret",
    "private document": "zqprivatedocsecret",
}
# A second word in each hidden title, to search for: a search page repeats the query, never the marker.
SEARCH_WORDS = {kind: f"zqfind{number}" for number, kind in enumerate(MARKERS)}


def hidden_title(kind, prefix):
    return f"{prefix} {MARKERS[kind]} {SEARCH_WORDS[kind]}"


def _stream(*blocks):
    return json.dumps([{"type": kind, "value": value} for kind, value in blocks])


@pytest.fixture
def hidden(site_structure, settings, tmp_path):
    """The public story linking a public and a private document, and every hidden thing, by kind."""
    settings.MEDIA_ROOT = tmp_path
    stories = site_structure["stories"]
    private = Collection.get_first_root_node().add_child(name="Survivors' files")
    CollectionViewRestriction.objects.create(collection=private, restriction_type="password", password="secret")
    private_document = Document.objects.create(
        title=f"Testimony {SEARCH_WORDS['private document']}",
        collection=private,
        file=ContentFile(f"statement {MARKERS['private document']}".encode(), name="statement.txt"),
    )
    public_document = Document.objects.create(title="Annual report", file=ContentFile(b"report", name="report.txt"))

    public = StoryPageFactory(parent=stories["ar"], title="هدم منزل في سلوان", slug="silwan")
    public.body = _stream(
        ("document", {"document": public_document.pk, "title": "التقرير"}),
        ("document", {"document": private_document.pk, "title": "الإفادة"}),
    )
    publish(public)
    for code in ("en", "fr"):
        publish_translation(public, code, slug="silwan")

    revised = fresh(StoryPageFactory(parent=stories["ar"], title="قصة منشورة", slug="revised"))
    revised.title = hidden_title("draft revision", "قصة")
    revised.save_revision()

    restricted = UnitPageFactory(
        parent=site_structure["units"]["ar"], title=hidden_title("private section", "وحدة"), slug="internal"
    )
    PageViewRestriction.objects.create(page=restricted, restriction_type="password", password="secret")

    withdrawn = StoryPageFactory(parent=stories["ar"], title=hidden_title("withdrawn", "قصة"), slug="withdrawn")
    for code in ("en", "fr"):
        publish_translation(withdrawn, code, title=hidden_title("withdrawn", "Story"), slug="withdrawn")
    withdraw_consent(withdrawn)

    return {
        "public story": public,
        "public document": public_document,
        "private document": private_document,
        "draft": StoryPageFactory(
            parent=stories["ar"], title=hidden_title("draft", "قصة"), slug="draft", publish_page=False
        ),
        "draft revision": revised,
        "private section": restricted,
        "unconsented": StoryPageFactory(
            parent=stories["ar"],
            title=hidden_title("unconsented", "قصة"),
            slug="unconsented",
            consent_status="pending",
            publish_page=False,
        ),
        "withdrawn": withdrawn,
    }


def _links(text):
    """Addresses on this site mentioned in ``text``: HTML attributes, sitemap entries, API URLs."""
    found = re.findall(r"""(?:href|src|action)=\\?["']([^"'\\]+)""", text)
    found += re.findall(r"<loc>([^<]+)</loc>", text)
    found += re.findall(rf"https?://{HOST}/[^\s\"'<>\\]*", text)
    return found


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _normalise(link):
    """``link`` as a path with its query string, or None when it leaves the site or the crawl's scope."""
    link, _fragment = urldefrag(link.strip())
    parts = urlsplit(link)
    if parts.scheme not in ("", "http", "https") or parts.netloc not in ("", HOST) or not parts.path.startswith("/"):
        return None
    if parts.path.startswith(SKIPPED_PREFIXES):
        return None
    # Filter and pagination links multiply the same pages; the API's query strings choose what it answers.
    query = parts.query if parts.path.startswith("/api/") else ""
    return parts.path + (f"?{query}" if query else "")


def crawl(client, start, follow=True):
    """GET ``start`` and every address reachable from there: {address: (status, body as text)}."""
    answers, queue = {}, deque(start)
    while queue:
        url = queue.popleft()
        if url in answers:
            continue
        assert len(answers) < MAX_URLS, f"more than {MAX_URLS} addresses: the crawl is not bounded"
        response = client.get(url, HTTP_ACCEPT_LANGUAGE="en")
        content_type = response.get("Content-Type", "")
        if response.streaming:
            body = b"".join(response.streaming_content).decode("utf-8", "replace")
        else:
            body = response.content.decode("utf-8", "replace")
        answers[url] = (response.status_code, body)
        # Redirects are always followed; the links in an answer when ``follow`` is true.
        links = [response["Location"]] if response.has_header("Location") else []
        if follow:
            texts = list(_strings(json.loads(body))) if content_type.startswith("application/json") else [body]
            for text in texts:
                links += _links(text)
        for link in links:
            normalised = _normalise(link)
            if normalised and normalised not in answers:
                queue.append(normalised)
    return answers


ENTRY_POINTS = [f"/{code}/" for code in LANGUAGES] + [
    "/sitemap.xml",
    "/api/v2/pages/?limit=50",
    "/api/v2/documents/?limit=50",
    "/api/v2/images/?limit=50",
]


def attempts(hidden):
    """What an attacker tries: each hidden thing's own addresses (site, API, file) and a search for it."""
    start = []
    for kind, word in SEARCH_WORDS.items():
        start += [f"/api/v2/search/?q={word}", f"/en/search/?q={word}"]
        thing = hidden[kind]
        if isinstance(thing, Document):
            start += [f"/api/v2/documents/{thing.pk}/", thing.url, f"{settings.MEDIA_URL}{thing.file.name}"]
        else:
            for page in thing.get_translations(inclusive=True):
                start += [f"/api/v2/pages/{page.pk}/", page.url or f"/{page.locale.language_code}{page.url_path}"]
    return start


def assert_nothing_hidden_is_reachable(answers, who):
    leaks = [
        f"{kind} on {url} (status {status})"
        for url, (status, body) in answers.items()
        for kind, marker in MARKERS.items()
        if marker.lower() in body.lower()
    ]
    assert not leaks, f"{who} reached: {leaks}"


def assert_the_crawl_covered_the_site(answers, hidden):
    """A crawl that reached nothing would prove nothing: the public story and document were found by following links."""
    story_urls = {page.url for page in hidden["public story"].get_translations(inclusive=True)}
    assert story_urls <= {url for url, (status, _body) in answers.items() if status == 200}
    document = hidden["public document"]
    assert answers.get(document.url, (None,))[0] == 200, "the public document was not reached through its link"
    assert answers[document.url][1] == "report"
    listed = [item["id"] for item in json.loads(answers["/api/v2/documents/?limit=50"][1])["items"]]
    assert document.pk in listed and hidden["private document"].pk not in listed


ROLE_NAMES = list(roles.ROLES)


def test_nobody_reaches_hidden_content_on_the_public_site_or_the_api(client, hidden):
    start = ENTRY_POINTS + attempts(hidden)
    anonymous = crawl(client, start)
    assert_the_crawl_covered_the_site(anonymous, hidden)
    assert_nothing_hidden_is_reachable(anonymous, "an anonymous visitor")

    client.force_login(staff_user("every_role", groups=ROLE_NAMES))
    staff = crawl(client, start)
    assert_the_crawl_covered_the_site(staff, hidden)
    assert_nothing_hidden_is_reachable(staff, "a member of every role")
    client.logout()

    for number, name in enumerate(ROLE_NAMES):
        client.force_login(make_member(name, f"member{number}"))
        assert_nothing_hidden_is_reachable(crawl(client, attempts(hidden), follow=False), name)
        client.logout()


def _may_change_pages_in(role, code):
    return "change_page" in role.page_permissions and role.language in (None, code)


@pytest.mark.parametrize("name", ROLE_NAMES)
def test_in_the_admin_each_role_opens_what_roles_py_grants_it(client, hidden, name):
    role = roles.ROLES[name]
    client.force_login(make_member(name, "member"))

    for kind in ("draft", "draft revision", "private section", "unconsented", "withdrawn"):
        for page in hidden[kind].get_translations(inclusive=True):
            response = client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
            expected = _may_change_pages_in(role, page.locale.language_code)
            assert (response.status_code == 200) is expected, (kind, page.locale.language_code, response.status_code)
            assert refused(response) is not expected, (kind, page.locale.language_code)

    document = hidden["private document"]
    response = client.get(reverse("wagtaildocs:edit", args=(document.pk,)))
    expected = ("wagtaildocs", "change_document") in role.collection_permissions
    assert (response.status_code == 200) is expected, response.status_code
    assert refused(response) is not expected
