"""Incident records: the model's rules, what is public, and who may do what in the admin."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from wagtail.models import Locale, ModelLogEntry

from core.models import Neighbourhood, ViolationType
from monitoring.models import Incident, IncidentSource, IncidentStatus, IncidentText, LegalReference
from monitoring.records import public_incidents, public_sources, with_public_details
from tests.monitoring import records_support as support
from tests.monitoring.records_support import (
    incident_form,
    incidents_url,
    verify_url,
)
from tests.roles.admin import refused

pytestmark = pytest.mark.django_db
editor = support.editor
documentation_officer = support.documentation_officer


def make(key, *, status=IncidentStatus.DRAFT, day="2024-03-01", kind="home-demolition", place="silwan", people=4):
    incident = Incident.objects.create(
        key=key,
        date=datetime.date.fromisoformat(day),
        violation_type=ViolationType.objects.get(slug=kind, locale__language_code="ar"),
        neighbourhood=Neighbourhood.objects.get(slug=place, locale__language_code="ar"),
        people_affected=people,
        status=status,
    )
    IncidentText.objects.create(
        incident=incident, locale=Locale.objects.get(language_code="ar"), description=f"نص {key}"
    )
    return incident


def test_counts_and_dates_must_add_up(site_structure):
    incident = make("rules")
    incident.children_affected, incident.women_affected = 5, 9
    incident.date_end = incident.date - datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as error:
        incident.full_clean()
    assert {"children_affected", "women_affected", "date_end"} <= set(error.value.message_dict)
    # The database holds the same rules, whatever writes to it.
    with pytest.raises(IntegrityError), transaction.atomic():
        Incident.objects.filter(pk=incident.pk).update(children_affected=5)


def test_only_verified_incidents_and_non_confidential_sources_are_public(site_structure):
    draft = make("draft-one")
    verified = make("verified-one", status=IncidentStatus.VERIFIED)
    for incident in (draft, verified):
        IncidentSource.objects.create(incident=incident, source_type="field-visit", reference="visit")
        IncidentSource.objects.create(
            incident=incident, source_type="family-testimony", reference="SECRET-NAME", confidential=True
        )

    assert list(public_incidents()) == [verified]
    assert [source.reference for source in public_sources(verified)] == ["visit"]
    assert public_sources(draft) == []
    prefetched = with_public_details(public_incidents()).get()
    assert [source.reference for source in public_sources(prefetched)] == ["visit"]


def test_the_description_is_read_per_language_and_falls_back_to_arabic(site_structure):
    incident = make("texts")
    english = IncidentText.objects.get(incident=incident).copy_for_translation(Locale.objects.get(language_code="en"))
    english.description = "A home demolished"
    english.save()

    assert incident.description_in("en") == "A home demolished"
    assert incident.description_in("fr") == "نص texts"
    # One set of facts: the translation names the same incident, no copy of the counts.
    assert Incident.objects.count() == 1 and english.incident_id == incident.pk


def test_the_legal_references_are_there_in_every_language(site_structure):
    arabic = LegalReference.objects.filter(locale__language_code="ar")
    assert sorted(arabic.values_list("article", flat=True)) == ["11", "12", "17", "49", "53"]
    for code in ("en", "fr"):
        translations = LegalReference.objects.filter(locale__language_code=code)
        assert set(translations.values_list("translation_key", flat=True)) == set(
            arabic.values_list("translation_key", flat=True)
        )
    english = LegalReference.objects.get(locale__language_code="en", article="49")
    assert english.instrument == "Fourth Geneva Convention (1949)"


def test_an_editor_records_a_draft_but_cannot_verify_it(client, editor):
    client.force_login(editor)
    response = client.post(incidents_url("add"), incident_form())
    assert response.status_code == 302, response.content.decode()[:2000]

    incident = Incident.objects.get(key="demolition-silwan-x")
    assert incident.status == IncidentStatus.DRAFT
    assert incident.description_in("ar") == "هدم منزل عائلة في سلوان"
    assert sorted(incident.sources.values_list("confidential", flat=True)) == [False, True]
    assert incident.revisions.count() == 1
    assert ModelLogEntry.objects.for_instance(incident).filter(action="wagtail.create", user=editor).exists()

    edit_page = client.get(incidents_url("edit", incident.pk))
    assert edit_page.status_code == 200
    assert verify_url(incident) not in edit_page.content.decode()
    assert verify_url(incident) not in client.get(incidents_url("list")).content.decode()
    assert refused(client.get(verify_url(incident)))
    assert refused(client.post(verify_url(incident)))
    incident.refresh_from_db()
    assert incident.status == IncidentStatus.DRAFT
    assert incident not in public_incidents()

    # The editor still edits the draft.
    response = client.post(
        incidents_url("edit", incident.pk), incident_form(people_affected="7", **{"sources-TOTAL_FORMS": "0"})
    )
    assert response.status_code == 302
    incident.refresh_from_db()
    assert incident.people_affected == 7


def test_a_documentation_officer_verifies_and_the_audit_log_says_so(client, documentation_officer, editor):
    incident = make("to-verify")
    client.force_login(documentation_officer)
    assert verify_url(incident) in client.get(incidents_url("edit", incident.pk)).content.decode()
    assert verify_url(incident) in client.get(incidents_url("list")).content.decode()

    response = client.post(verify_url(incident))

    assert response.status_code == 302
    incident.refresh_from_db()
    assert incident.status == IncidentStatus.VERIFIED
    assert incident.verified_by == documentation_officer and incident.verified_at is not None
    assert list(public_incidents()) == [incident]
    assert (
        ModelLogEntry.objects.for_instance(incident)
        .filter(action="monitoring.incident_verified", user=documentation_officer)
        .exists()
    )
    assert incident.revisions.count() == 1
    history = client.get(reverse("wagtailsnippets_monitoring_incident:history", args=[incident.pk]))
    assert "Incident verified" in history.content.decode()

    # A verified incident is the verifiers' to change: an editor can no longer edit it.
    client.force_login(editor)
    assert refused(client.get(incidents_url("edit", incident.pk)))
    assert refused(
        client.post(incidents_url("edit", incident.pk), incident_form(key="to-verify", people_affected="99"))
    )
    incident.refresh_from_db()
    assert incident.people_affected == 4

    # The officer may take it out of the public record again.
    client.force_login(documentation_officer)
    client.post(reverse("monitoring_incident_return_to_draft", args=[incident.pk]))
    incident.refresh_from_db()
    assert incident.status == IncidentStatus.DRAFT and not public_incidents().exists()


def test_the_listing_filters_by_type_neighbourhood_year_and_status_and_searches_texts(client, documentation_officer):
    make("silwan-2023", day="2023-02-01")
    make("jarrah-2024", day="2024-02-01", place="sheikh-jarrah", status=IncidentStatus.VERIFIED)
    make("residency-2024", day="2024-05-01", kind="residency-revocation")
    client.force_login(documentation_officer)

    def listed(**query):
        content = client.get(incidents_url("list"), query).content.decode()
        return {key for key in ("silwan-2023", "jarrah-2024", "residency-2024") if key in content}

    assert listed() == {"silwan-2023", "jarrah-2024", "residency-2024"}
    assert listed(violation_type="residency-revocation") == {"residency-2024"}
    assert listed(neighbourhood="sheikh-jarrah") == {"jarrah-2024"}
    assert listed(year="2024") == {"jarrah-2024", "residency-2024"}
    assert listed(status="verified") == {"jarrah-2024"}
    assert listed(q="نص silwan") == {"silwan-2023"}


def test_the_incident_text_is_translated_through_wagtail_localize(
    client, documentation_officer, django_capture_on_commit_callbacks
):
    from tests.accounts import staff_user

    incident = make("translated")
    admin = staff_user("root", superuser=True)
    client.force_login(admin)
    source = IncidentText.objects.get(incident=incident)
    url = reverse("wagtail_localize:submit_snippet_translation", args=("monitoring", "incidenttext", source.pk))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"locales": [Locale.objects.get(language_code="fr").pk]})
    assert response.status_code == 302
    french = IncidentText.objects.get(locale__language_code="fr")
    assert french.incident_id == incident.pk and french.translation_key == source.translation_key
    assert Incident.objects.count() == 1
