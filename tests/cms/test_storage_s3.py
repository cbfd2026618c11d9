"""Media on S3-compatible storage (AWS_STORAGE_BUCKET_NAME): a round trip against a real local S3 server.

The server is moto's server mode, started in this process on a free loopback port and spoken to over
HTTP by boto3 exactly as a production bucket would be. The storage settings come from the project's
settings module under the AWS_* environment variables, not from a copy in the test.
"""

import json
import os
import subprocess
import sys
import urllib.error
import urllib.request
from io import BytesIO

import boto3
import pytest
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from moto.server import ThreadedMotoServer
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.images.models import Image

from tests.cms.test_settings import ROOT
from tests.factories import StoryPageFactory

BUCKET = "munasara-media"
CREDENTIALS = {"AWS_ACCESS_KEY_ID": "munasara-test", "AWS_SECRET_ACCESS_KEY": "munasara-test-secret"}


@pytest.fixture(scope="session")
def s3_endpoint():
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    endpoint = f"http://{host}:{port}"
    bucket_client(endpoint).create_bucket(Bucket=BUCKET)
    yield endpoint
    server.stop()


def bucket_client(endpoint):
    return boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id=CREDENTIALS["AWS_ACCESS_KEY_ID"],
        aws_secret_access_key=CREDENTIALS["AWS_SECRET_ACCESS_KEY"],
    )


def settings_from_environment(env):
    """STORAGES, SERVE_MEDIA and WAGTAILDOCS_SERVE_METHOD as cms.settings.production makes them from ``env``."""
    code = (
        "import json; from django.conf import settings; print(json.dumps({'storages': settings.STORAGES, "
        "'serve_media': settings.SERVE_MEDIA, 'documents': settings.WAGTAILDOCS_SERVE_METHOD, "
        "'cache_timeout': settings.RESPONSE_CACHE_TIMEOUT, 'page_max_age': settings.PAGE_CACHE_MAX_AGE}))"
    )
    clean = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    clean.update(env, DJANGO_SETTINGS_MODULE="cms.settings.production", SECRET_KEY="x" * 50)
    clean.setdefault("FIELD_ENCRYPTION_KEY", "storage-test-key")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=clean, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture
def bucket_storage(s3_endpoint, settings):
    configured = settings_from_environment(
        {
            "AWS_STORAGE_BUCKET_NAME": BUCKET,
            "AWS_S3_ENDPOINT_URL": s3_endpoint,
            "AWS_S3_REGION_NAME": "us-east-1",
            **CREDENTIALS,
        }
    )
    settings.STORAGES = {**settings.STORAGES, "default": configured["storages"]["default"]}
    return configured


def read_url(url):
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read()


def anonymous_status(endpoint, key):
    """What anyone on the internet gets for the object, without credentials or a signature."""
    try:
        read_url(f"{endpoint}/{BUCKET}/{key}")
    except urllib.error.HTTPError as error:
        return error.code
    return 200


def png_bytes():
    buffer = BytesIO()
    PILImage.new("RGB", (640, 480), "#1d5446").save(buffer, "PNG")
    return buffer.getvalue()


@pytest.mark.smoke
def test_without_a_bucket_media_stay_on_the_local_disk():
    configured = settings_from_environment({})
    assert configured["storages"]["default"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    assert configured["documents"] == "serve_view"


def test_a_bucket_switches_media_to_private_s3_and_keeps_static_files_local(bucket_storage, s3_endpoint):
    default = bucket_storage["storages"]["default"]
    assert default["BACKEND"] == "storages.backends.s3.S3Storage"
    assert default["OPTIONS"]["bucket_name"] == BUCKET and default["OPTIONS"]["endpoint_url"] == s3_endpoint
    assert default["OPTIONS"]["default_acl"] == "private" and default["OPTIONS"]["querystring_auth"] is True
    assert bucket_storage["storages"]["staticfiles"]["BACKEND"].startswith("whitenoise.")
    # Django no longer serves MEDIA_ROOT: the files are in the bucket.
    assert bucket_storage["serve_media"] is False


def test_a_cached_page_never_outlives_the_signed_image_urls_it_carries(s3_endpoint):
    """Pages are cached with image URLs signed at rendering: they are dropped at half the URLs' lifetime."""
    configured = settings_from_environment(
        {"AWS_STORAGE_BUCKET_NAME": BUCKET, "AWS_S3_ENDPOINT_URL": s3_endpoint, "AWS_QUERYSTRING_EXPIRE": "600"}
    )
    assert configured["cache_timeout"] == 300 and configured["page_max_age"] == 300
    # Behind a CDN the image URLs are unsigned and do not expire: the usual lifetimes stay.
    behind_cdn = settings_from_environment(
        {
            "AWS_STORAGE_BUCKET_NAME": BUCKET,
            "AWS_S3_CUSTOM_DOMAIN": "media.example.org",
            "AWS_QUERYSTRING_EXPIRE": "600",
        }
    )
    assert behind_cdn["cache_timeout"] == 3600


@pytest.mark.django_db
def test_an_image_and_its_rendition_round_trip_through_the_bucket(
    bucket_storage, s3_endpoint, django_capture_on_commit_callbacks
):
    content = png_bytes()
    image = Image.objects.create(title="سلوان", file=ImageFile(BytesIO(content), name="silwan.png"))
    rendition = image.get_rendition("fill-200x100")
    keys = {item["Key"] for item in bucket_client(s3_endpoint).list_objects_v2(Bucket=BUCKET)["Contents"]}
    assert {image.file.name, rendition.file.name} <= keys

    with image.file.open("rb") as original:
        assert original.read() == content
    with rendition.file.open("rb") as stored:
        assert PILImage.open(stored).size == (200, 100)
    # The rendition's URL is signed: it reads back; the same object without a signature does not.
    assert rendition.url.startswith(f"{s3_endpoint}/{BUCKET}/") and "Signature=" in rendition.url
    assert PILImage.open(BytesIO(read_url(rendition.url))).size == (200, 100)
    assert anonymous_status(s3_endpoint, rendition.file.name) == 403
    assert anonymous_status(s3_endpoint, image.file.name) == 403

    with django_capture_on_commit_callbacks(execute=True):
        image.delete()
    remaining = bucket_client(s3_endpoint).list_objects_v2(Bucket=BUCKET).get("Contents", [])
    assert not {image.file.name, rendition.file.name} & {item["Key"] for item in remaining}


@pytest.mark.django_db
def test_a_document_is_served_by_wagtails_view_and_never_public_on_the_bucket(
    bucket_storage, s3_endpoint, site_structure, client
):
    document = Document.objects.create(title="تقرير", file=ContentFile(b"annual report", name="report.txt"))
    StoryPageFactory(
        parent=site_structure["stories"]["ar"],
        body=[("paragraph", f'<p><a linktype="document" id="{document.pk}">تقرير</a></p>')],
    )
    unlinked = Document.objects.create(title="مسودة", file=ContentFile(b"draft notes", name="draft.txt"))

    response = client.get(f"/documents/{document.pk}/report.txt")

    assert response.status_code == 200  # Streamed through Django, not a redirect to the bucket.
    assert b"".join(response.streaming_content) == b"annual report"
    assert client.get(f"/documents/{unlinked.pk}/draft.txt").status_code == 404
    for stored in (document, unlinked):
        key = stored.file.name
        assert key.startswith("documents/")
        assert bucket_client(s3_endpoint).get_object(Bucket=BUCKET, Key=key)["Body"].read()
        assert anonymous_status(s3_endpoint, key) == 403
