"""Reports: listed newest first, translated, with their PDF served by Wagtail's document view, in the API."""

import datetime
from io import BytesIO

import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from core.i18n import translate_page
from monitoring.models import ReportIncident, ReportPage
from tests.factories import publish
from tests.markup import assert_accessible_page, main_text, parse

from .incidents import make_sample

CONFIDENTIAL = "CONFIDENTIAL-WITNESS-7731"
PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    cache.clear()
    yield tmp_path
    cache.clear()


def make_report(index, title, day, *, incidents=(), pdf=None, cover=None):
    report = ReportPage(
        title=title,
        slug=f"report-{day}",
        date=datetime.date.fromisoformat(day),
        summary=f"ملخص {title}",
        pdf=pdf,
        hero_image=cover,
        hero_image_alt="صورة الغلاف" if cover else "",
        body=[("paragraph", "<p>نص التقرير عن الهدم في سلوان</p>")],
    )
    for incident in incidents:
        report.incident_links.add(ReportIncident(incident=incident))
    index.add_child(instance=report)
    return publish(report)


@pytest.fixture
def reports(site_structure, media_root):
    incidents = make_sample()
    pdf = get_document_model().objects.create(
        title="التقرير الكامل", file=ContentFile(PDF_BYTES, name="report-2024.pdf")
    )
    buffer = BytesIO()
    PILImage.new("RGB", (800, 600), "#1d5446").save(buffer, "PNG")
    cover = get_image_model().objects.create(title="غلاف", file=ImageFile(buffer, name="cover.png"))
    index = site_structure["reports"]["ar"]
    older = make_report(index, "تقرير 2023", "2023-12-01")
    report = make_report(
        index,
        "تقرير هدم المنازل 2024",
        "2024-07-01",
        incidents=[incidents["demolition-silwan-2024"], incidents["demolition-draft-2024"]],
        pdf=pdf,
        cover=cover,
    )
    english = translate_page(report, site_structure["home"]["en"].locale, title="Home demolitions 2024")
    english.summary = "Summary of the 2024 report"
    publish(english)
    return {"report": report, "older": older, "english": english, "pdf": pdf, "incidents": incidents}


def test_the_reports_index_lists_newest_first(client, reports):
    soup = parse(client.get("/ar/reports/"))
    assert_accessible_page(soup, "ar")

    titles = [link.get_text(strip=True) for link in soup.select(".report-card .card__title a")]
    assert titles == ["تقرير هدم المنازل 2024", "تقرير 2023"]


def test_the_report_page_offers_its_pdf_through_the_document_view(client, reports):
    soup = parse(client.get("/ar/reports/report-2024-07-01/"))
    assert_accessible_page(soup, "ar")
    assert not soup.select("[style]") and not [s for s in soup.find_all("script") if not s.get("src")]

    link = soup.select_one("a.report-download")
    pdf = reports["pdf"]
    assert link["href"] == f"/documents/{pdf.pk}/report-2024.pdf"
    response = client.get(link["href"])
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF_BYTES

    text = main_text(soup)
    assert "وصف الحادثة demolition-silwan-2024" in text
    assert "demolition-draft-2024" not in text  # linked, but not verified
    assert CONFIDENTIAL not in soup.decode()


def test_the_report_is_translated(client, reports):
    soup = parse(client.get("/en/reports/report-2024-07-01/"))
    assert_accessible_page(soup, "en")
    assert soup.h1.get_text(strip=True) == "Home demolitions 2024"
    text = main_text(soup)
    assert "Home demolition · Silwan" in text  # the incident's terms in the page's language
    assert "Download the report (PDF)" in text


def test_the_api_gives_the_pdf_link_and_only_public_incidents(client, reports):
    response = client.get(f"/api/v2/pages/{reports['report'].pk}/")
    assert response.status_code == 200, response.content
    data = response.json()

    pdf = reports["pdf"]
    assert data["pdf"]["download_url"] == f"http://testserver/documents/{pdf.pk}/report-2024.pdf"
    assert data["date"] == "2024-07-01"
    assert [incident["key"] for incident in data["related_incidents"]] == ["demolition-silwan-2024"]
    incident = data["related_incidents"][0]
    assert incident["people_affected"] == 7
    assert [source["reference"] for source in incident["sources"]] == ["public-press-item-12"]
    assert CONFIDENTIAL not in response.content.decode()
    assert data["hero_image"]["url"]

    listing = client.get("/api/v2/pages/", {"type": "monitoring.ReportPage", "fields": "date,pdf", "locale": "ar"})
    assert listing.status_code == 200, listing.content
    assert {item["title"] for item in listing.json()["items"]} == {"تقرير هدم المنازل 2024", "تقرير 2023"}

    english = client.get(f"/api/v2/pages/{reports['english'].pk}/").json()
    assert english["related_incidents"][0]["violation_type"]["name"] == "Home demolition"


def test_a_draft_report_and_its_pdf_stay_private(client, reports):
    draft = ReportPage.objects.get(pk=reports["report"].pk)
    draft.unpublish()
    ReportPage.objects.get(pk=reports["english"].pk).unpublish()  # the translation links the same PDF
    assert client.get("/ar/reports/report-2024-07-01/").status_code == 404
    assert client.get(f"/api/v2/pages/{draft.pk}/").status_code == 404
    assert client.get(f"/documents/{reports['pdf'].pk}/report-2024.pdf").status_code == 404
