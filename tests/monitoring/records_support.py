"""Shared pieces of the monitoring-records tests: staff in each role, admin URLs, incident form data, CSV files."""

import csv
import io

import pytest
from django.urls import reverse

from roles import roles
from tests.accounts import staff_user


@pytest.fixture
def editor(site_structure):
    return staff_user("editor", groups=[roles.EDITORS])


@pytest.fixture
def documentation_officer(site_structure):
    return staff_user("documentation", groups=[roles.DOCUMENTATION_OFFICERS])


def incidents_url(action="list", *args):
    return reverse(f"wagtailsnippets_monitoring_incident:{action}", args=args)


def verify_url(incident):
    return reverse("monitoring_incident_verify", args=[incident.pk])


def incident_form(key="demolition-silwan-x", **overrides):
    """What the incident editor posts: facts, the Arabic description, one public and one confidential source."""
    from core.models import Neighbourhood, ViolationType

    data = {
        "key": key,
        "date": "2024-05-02",
        "date_end": "",
        "violation_type": ViolationType.objects.get(slug="home-demolition", locale__language_code="ar").pk,
        "neighbourhood": Neighbourhood.objects.get(slug="silwan", locale__language_code="ar").pk,
        "latitude": "",
        "longitude": "",
        "people_affected": "6",
        "children_affected": "3",
        "women_affected": "2",
        "description": "هدم منزل عائلة في سلوان",
        "legal_analysis": "",
        "sources-TOTAL_FORMS": "2",
        "sources-INITIAL_FORMS": "0",
        "sources-MIN_NUM_FORMS": "0",
        "sources-MAX_NUM_FORMS": "1000",
        "sources-0-source_type": "field-visit",
        "sources-0-reference": "visit 12",
        "sources-0-confidential": "",
        "sources-0-ORDER": "1",
        "sources-0-id": "",
        "sources-0-DELETE": "",
        "sources-1-source_type": "family-testimony",
        "sources-1-reference": "SECRET-WITNESS-42",
        "sources-1-confidential": "on",
        "sources-1-ORDER": "2",
        "sources-1-id": "",
        "sources-1-DELETE": "",
    }
    data.update(overrides)
    return data


CSV_HEADER = [
    "key",
    "date",
    "date_end",
    "violation_type",
    "neighbourhood",
    "people_affected",
    "children_affected",
    "women_affected",
    "description_ar",
    "description_en",
    "sources",
    "confidential_sources",
]


def good_row(key, **overrides):
    row = {
        "key": key,
        "date": "2023-04-01",
        "date_end": "",
        "violation_type": "home-demolition",
        "neighbourhood": "silwan",
        "people_affected": "5",
        "children_affected": "2",
        "women_affected": "1",
        "description_ar": f"وصف {key}",
        "description_en": f"Description of {key}",
        "sources": "field-visit: visit 1; media report: https://example.org/news",
        "confidential_sources": "family-testimony: CONFIDENTIAL-NAME-9981",
    }
    row.update(overrides)
    return row


def csv_bytes(rows, header=None, encoding="utf-8"):
    header = header or CSV_HEADER
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow(header)
    for row in rows:
        writer.writerow([row.get(name, "") for name in header] if isinstance(row, dict) else row)
    return out.getvalue().encode(encoding)


def read_csv_response(response):
    text = b"".join(response.streaming_content if response.streaming else [response.content]).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))
