"""Reports in the public search (both backends); incidents' unverified texts and confidential sources never."""

import datetime

import pytest

from monitoring.models import IncidentText, ReportIncident, ReportPage
from tests.factories import publish
from tests.search.conftest import backend, committed, database_backend, engine, site  # noqa: F401 (fixtures)

from .incidents import VERIFIED, make_sample

CONFIDENTIAL = "CONFIDENTIAL-WITNESS-7731"


@pytest.fixture
def searchable(site, committed):  # noqa: F811 (the fixture imported above)
    incidents = make_sample()
    # Verified incidents are search results: their words must not meet the draft's, which must never be found.
    for text in IncidentText.objects.filter(incident__status=VERIFIED):
        text.description = "شهادة موثقة من الميدان"
        text.save()
    index = site["reports"]["ar"]
    with committed():
        report = ReportPage(
            title="تقرير عن هدم المنازل في سلوان",
            slug="silwan-demolitions",
            date=datetime.date(2024, 7, 1),
            summary="يوثق التقرير عمليات الهدم في حي البستان",
            body=[("paragraph", "<p>شهادات العائلات المهجرة</p>")],
        )
        report.incident_links.add(ReportIncident(incident=incidents["demolition-silwan-2024"]))
        report.incident_links.add(ReportIncident(incident=incidents["demolition-draft-2024"]))
        index.add_child(instance=report)
        publish(report)
        draft = ReportPage(
            title="مسودة تقرير عن الهدم",
            slug="draft-report",
            date=datetime.date(2024, 8, 1),
            summary="لم ينشر بعد",
            live=False,
        )
        index.add_child(instance=draft)
        draft.save_revision()
    return {"report": report, "draft": draft, "incidents": incidents}


def search(client, **params):
    response = client.get("/api/v2/search/", params, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200, response.content
    return response.json()


def test_a_published_report_is_found_with_its_date_and_type(client, searchable):
    answer = search(client, q="هدم", locale="ar")

    results = {result["id"]: result for result in answer["results"]}
    report = searchable["report"]
    assert report.pk in results
    assert results[report.pk]["type"] == "monitoring.ReportPage"
    assert results[report.pk]["date"] == "2024-07-01"
    assert searchable["draft"].pk not in results
    types = {facet["value"]: facet["count"] for facet in answer["facets"]["type"]}
    assert types["monitoring.ReportPage"] == 1
    years = {facet["value"] for facet in answer["facets"]["year"]}
    assert 2024 in years or "2024" in years

    only_reports = search(client, q="هدم", locale="ar", type="monitoring.ReportPage")
    assert [result["id"] for result in only_reports["results"]] == [report.pk]


def test_unverified_incidents_and_confidential_sources_are_never_found(client, searchable):
    for query in (CONFIDENTIAL, "demolition-draft-2024", "وصف الحادثة demolition-draft-2024"):
        answer = search(client, q=query, locale="ar")
        assert answer["count"] == 0, (query, answer["results"])
        assert CONFIDENTIAL not in str(answer)
