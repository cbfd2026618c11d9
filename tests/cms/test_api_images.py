"""Images and documents follow their pages: the API lists, and /media/ serves, only what public pages use."""

import re
from io import BytesIO
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from archive.importer import import_archive
from core.visibility import public_pages
from tests.factories import CampaignPageFactory, StoryPageFactory, UnitPageFactory, publish

pytestmark = pytest.mark.django_db

FIXTURE_ARCHIVE = "tests/fixtures/archive/archive.json"


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    # Wagtail caches renditions by image id and file hash; after a rollback both can come back in
    # the next test, whose files live in another MEDIA_ROOT.
    cache.clear()
    yield tmp_path
    cache.clear()


def make_image(title, colour="#1d5446"):
    buffer = BytesIO()
    PILImage.new("RGB", (640, 480), colour).save(buffer, "PNG")
    return get_image_model().objects.create(title=title, file=ImageFile(buffer, name=f"{title}.png"))


def api_ids(client, endpoint, **params):
    response = client.get(f"/api/v2/{endpoint}/", {"limit": 50, **params})
    assert response.status_code == 200, response.content
    return {item["id"] for item in response.json()["items"]}


def path_of(url):
    return urlsplit(url).path


@pytest.fixture
def images(site_structure):
    """Images used by public pages (hero, StreamField), by drafts, by unconsented stories, and by nobody."""
    stories = site_structure["stories"]["ar"]
    made = {
        name: make_image(name)
        for name in ("public_hero", "in_body", "used_twice", "draft_only", "pending_only", "unpublished_edit", "unused")
    }
    StoryPageFactory(parent=stories, title="قصة منشورة", hero_image=made["public_hero"])
    UnitPageFactory(
        parent=site_structure["units"]["ar"],
        title="وحدة",
        goals=[("image", {"image": made["in_body"], "alt_text": "", "caption": "صورة"})],
    )
    CampaignPageFactory(parent=site_structure["campaigns"]["ar"], title="حملة", hero_image=made["used_twice"])
    StoryPageFactory(parent=stories, title="مسودة", hero_image=made["draft_only"], publish_page=False)
    StoryPageFactory(parent=stories, title="مسودة ثانية", hero_image=made["used_twice"], publish_page=False)
    StoryPageFactory(
        parent=stories,
        title="بانتظار الموافقة",
        consent_status="pending",
        hero_image=made["pending_only"],
        publish_page=False,
    )
    # A live page whose unpublished draft adds an image: the public does not see that image yet.
    edited = CampaignPageFactory(parent=site_structure["campaigns"]["ar"], title="حملة معدلة")
    edited.hero_image = made["unpublished_edit"]
    edited.save_revision()
    return made


def test_the_images_api_lists_only_images_used_by_public_pages(client, images):
    listed = api_ids(client, "images")

    assert listed == {images[name].pk for name in ("public_hero", "in_body", "used_twice")}
    for name in ("draft_only", "pending_only", "unpublished_edit", "unused"):
        assert client.get(f"/api/v2/images/{images[name].pk}/").status_code == 404, name
    detail = client.get(f"/api/v2/images/{images['public_hero'].pk}/")
    assert detail.status_code == 200
    assert detail.json()["title"] == "public_hero"


def test_withdrawing_consent_takes_the_storys_image_out_of_the_api_and_off_the_media_url(client, site_structure):
    from stories.services import withdraw_consent

    image = make_image("withdrawn_hero")
    story = StoryPageFactory(parent=site_structure["stories"]["ar"], title="قصة", hero_image=image)
    original = image.file.url
    assert api_ids(client, "images") == {image.pk}
    assert client.get(original).status_code == 200

    withdraw_consent(story)

    assert api_ids(client, "images") == set()
    assert client.get(f"/api/v2/images/{image.pk}/").status_code == 404
    assert client.get(original).status_code == 404


def test_the_images_listing_costs_the_same_queries_for_one_image_or_many(client, site_structure):
    stories = site_structure["stories"]["ar"]
    StoryPageFactory(parent=stories, hero_image=make_image("first"))

    def listing_queries():
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/api/v2/images/", {"fields": "*"}).status_code == 200
        return len(queries)

    client.get("/api/v2/images/")  # content types and other one-off lookups are cached from here
    one = listing_queries()
    for number in range(4):
        StoryPageFactory(parent=stories, hero_image=make_image(f"more-{number}"))
    assert api_ids(client, "images") == set(get_image_model().objects.values_list("pk", flat=True))
    assert listing_queries() == one


def test_imported_and_published_pages_make_their_images_public(client, site_structure):
    import_archive(FIXTURE_ARCHIVE, publish=True)

    listed = api_ids(client, "images")

    used = {
        page.specific.hero_image_id
        for page in public_pages()
        if getattr(page.specific, "hero_image_id", None) is not None
    }
    assert used, "the test archive publishes pages with images"
    assert used <= listed
    for image in get_image_model().objects.exclude(pk__in=listed):
        assert client.get(image.file.url).status_code == 404, image.title


def test_originals_and_renditions_of_non_public_images_are_not_served(client, images):
    for name in ("draft_only", "pending_only", "unpublished_edit", "unused"):
        image = images[name]
        assert client.get(image.file.url).status_code == 404, name
        assert client.get(image.get_rendition("fill-100x100").url).status_code == 404, name
        # The same file by a path the static server would also accept.
        dotted = image.file.url.replace("/original_images/", "/original_images/./")
        assert client.get(dotted).status_code == 404, name
    shown = images["public_hero"]
    response = client.get(shown.file.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == shown.file.open("rb").read()
    assert client.get(shown.get_rendition("fill-100x100").url).status_code == 200


def test_editors_still_get_every_file_but_no_shared_cache_keeps_it(client, images):
    editor = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(editor)

    response = client.get(images["draft_only"].file.url)

    assert response.status_code == 200
    assert "private" in response["Cache-Control"]
    assert "Cookie" in response["Vary"]


def test_the_site_shows_its_images_from_media_urls_that_answer(client, images):
    story = public_pages().get(title="قصة منشورة")
    unit = public_pages().get(title="وحدة")
    html = client.get(story.url).content.decode() + client.get(unit.url).content.decode()
    shown = {path_of(url) for url in re.findall(r"""(?:src|srcset)="([^"\s]*/media/[^"\s]+)""", html)}
    assert len(shown) >= 2, "the story's hero image and the unit's body image are on the pages"
    api_hero = client.get(f"/api/v2/pages/{story.pk}/", {"fields": "hero_image"}).json()["hero_image"]
    for path in shown | {path_of(api_hero["url"])}:
        assert client.get(path).status_code == 200, path


def test_other_files_under_media_root_are_served_as_before(client, media_root):
    (media_root / "exports").mkdir()
    (media_root / "exports" / "note.txt").write_text("hello")

    response = client.get("/media/exports/note.txt")

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"hello"
    assert client.get("/media/exports/missing.txt").status_code == 404


def test_documents_follow_the_pages_that_link_them(client, site_structure):
    document_model = get_document_model()
    linked = document_model.objects.create(title="التقرير", file=ContentFile(b"report", name="report.txt"))
    draft_only = document_model.objects.create(title="مسودة", file=ContentFile(b"draft", name="draft.txt"))
    unit = UnitPageFactory(
        parent=site_structure["units"]["ar"],
        title="وحدة",
        goals=[("document", {"document": linked, "title": "التقرير"})],
    )
    draft = UnitPageFactory(parent=site_structure["units"]["ar"], title="مسودة", publish_page=False)
    draft.goals = [("document", {"document": draft_only, "title": "مسودة"})]
    publish(unit)
    draft.save_revision()
    draft.save()

    assert api_ids(client, "documents") == {linked.pk}
    assert client.get(f"/api/v2/documents/{draft_only.pk}/").status_code == 404
    assert client.get(linked.url).status_code == 200
    assert client.get(draft_only.url).status_code == 404
    # The file itself is never served from the media folder: only through the document view above.
    assert client.get(linked.file.url).status_code == 404
    assert client.get(draft_only.file.url).status_code == 404
