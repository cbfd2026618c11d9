"""What the mailing list keeps and for how long (the privacy page promises it)."""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from core.spreadsheet import safe_cell
from supporters.models import OutgoingEmail, Subscriber

pytestmark = pytest.mark.django_db


def subscriber(email, status, days_ago):
    return Subscriber.objects.create(
        email=email, language="en", status=status, status_changed_at=timezone.now() - timedelta(days=days_ago)
    )


def test_pruning_deletes_what_is_past_its_keeping_time(settings):
    settings.SUPPORTERS_CONFIRM_MAX_AGE_DAYS = 7
    settings.SUPPORTERS_UNSUBSCRIBED_RETENTION_DAYS = 30
    subscriber("fresh-pending@example.org", "pending", 6)
    subscriber("stale-pending@example.org", "pending", 8)
    subscriber("recently-gone@example.org", "unsubscribed", 29)
    subscriber("long-gone@example.org", "unsubscribed", 31)
    subscriber("loyal@example.org", "confirmed", 900)
    OutgoingEmail.objects.create(to="stale-pending@example.org", subject="s", body_text="b")
    OutgoingEmail.objects.create(
        to="x@example.org",
        subject="s",
        body_text="b",
        gave_up=True,
        next_attempt_at=timezone.now() - timedelta(days=31),
    )

    call_command("prune_subscribers", stdout=io.StringIO())

    assert sorted(Subscriber.objects.values_list("email", flat=True)) == [
        "fresh-pending@example.org",
        "loyal@example.org",
        "recently-gone@example.org",
    ]
    assert not OutgoingEmail.objects.exists()


@pytest.mark.parametrize(
    "value, expected",
    [
        ("=1+2", "'=1+2"),
        ("+971 50", "'+971 50"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=cmd", "'\t=cmd"),
        ("\r=cmd", "'\r=cmd"),
        ("ليلى", "ليلى"),
        ("a=b", "a=b"),
        (None, ""),
        (42, "42"),
    ],
)
def test_spreadsheet_cells_never_start_a_formula(value, expected):
    assert safe_cell(value) == expected
