"""Staff and the mailing list: who may see, filter, export and erase subscribers."""

import csv
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from roles import roles
from supporters.models import OutgoingEmail, Subscriber
from tests.accounts import staff_user

pytestmark = pytest.mark.django_db

INDEX = "supporters_subscriber:index"
EXPORT = "supporters_subscriber:export"


@pytest.fixture
def subscribers(site_structure):
    now = timezone.now()
    rows = [
        ("amal@example.org", "Amal", "ar", ["campaigns"], "confirmed"),
        ("ben@example.org", '=HYPERLINK("http://evil.example","click")', "en", ["stories", "reports"], "confirmed"),
        ("chloe@example.org", "+33 Chloé", "fr", ["reports"], "pending"),
        ("dawud@example.org", "@Dawud", "ar", ["stories"], "unsubscribed"),
    ]
    return [
        Subscriber.objects.create(
            email=email,
            name=name,
            language=language,
            topics=topics,
            status=status,
            confirmed_at=now if status == "confirmed" else None,
        )
        for email, name, language, topics, status in rows
    ]


def signed_in(client, group, username):
    client.force_login(staff_user(username, groups=[group]))
    return client


def emails_listed(response):
    return sorted(
        address
        for address in ("amal", "ben", "chloe", "dawud")
        if f"{address}@example.org" in response.content.decode()
    )


def export(client, **filters):
    response = client.get(reverse(EXPORT), filters)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))


def test_a_supporter_manager_lists_and_filters_subscribers(subscribers, client):
    signed_in(client, roles.SUPPORTER_MANAGERS, "manager")

    assert emails_listed(client.get(reverse(INDEX))) == ["amal", "ben", "chloe", "dawud"]
    assert emails_listed(client.get(reverse(INDEX), {"status": "confirmed"})) == ["amal", "ben"]
    assert emails_listed(client.get(reverse(INDEX), {"language": "ar"})) == ["amal", "dawud"]
    assert emails_listed(client.get(reverse(INDEX), {"topic": "stories"})) == ["ben", "dawud"]
    assert emails_listed(client.get(reverse(INDEX), {"topic": "reports", "status": "pending"})) == ["chloe"]
    assert emails_listed(client.get(reverse(INDEX), {"q": "chloe"})) == ["chloe"]


def test_the_export_is_filtered_and_formula_safe(subscribers, client):
    signed_in(client, roles.SUPPORTER_MANAGERS, "manager")

    header, *rows = export(client)
    assert header[:2] == ["Email", "Name"]
    names = {row[0]: row[1] for row in rows}
    assert names["ben@example.org"] == '\'=HYPERLINK("http://evil.example","click")'
    assert names["chloe@example.org"] == "'+33 Chloé"
    assert names["dawud@example.org"] == "'@Dawud"
    assert names["amal@example.org"] == "Amal"
    assert all(not cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)

    _header, *confirmed_arabic = export(client, status="confirmed", language="ar")
    assert [row[0] for row in confirmed_arabic] == ["amal@example.org"]


def test_an_editor_can_neither_see_nor_export_subscribers(subscribers, client):
    signed_in(client, roles.EDITORS, "editor")

    listing = client.get(reverse(INDEX))
    assert listing.status_code in (302, 403)
    assert emails_listed(listing) == []
    exported = client.get(reverse(EXPORT))
    assert exported.status_code in (302, 403)
    assert b"@example.org" not in exported.content
    menu = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse(INDEX) not in menu


def test_seeing_without_the_export_permission_does_not_export(subscribers, client):
    from django.contrib.auth.models import Permission

    user = staff_user("viewer", groups=[roles.EDITORS])
    user.user_permissions.add(Permission.objects.get(codename="view_subscriber"))
    client.force_login(user)

    listing = client.get(reverse(INDEX))
    assert emails_listed(listing) == ["amal", "ben", "chloe", "dawud"]
    assert reverse(EXPORT) not in listing.content.decode()
    refused = client.get(reverse(EXPORT))
    assert refused.status_code in (302, 403)
    assert not refused.get("Content-Type", "").startswith("text/csv")


def test_erasing_a_subscriber_on_request(subscribers, client):
    signed_in(client, roles.SUPPORTER_MANAGERS, "manager")
    amal = subscribers[0]
    OutgoingEmail.objects.create(to=amal.email, subject="s", body_text="b")
    OutgoingEmail.objects.create(to="someone.else@example.org", subject="s", body_text="b")

    response = client.post(reverse("supporters_subscriber:delete", args=[amal.pk]))

    assert response.status_code == 302
    assert not Subscriber.objects.filter(email=amal.email).exists()
    assert list(OutgoingEmail.objects.values_list("to", flat=True)) == ["someone.else@example.org"]
    from wagtail.models import ModelLogEntry

    assert not any("amal" in entry.label for entry in ModelLogEntry.objects.all())


@pytest.mark.parametrize("who", ["manager", "superuser"])
def test_nobody_adds_or_edits_subscribers_by_hand(subscribers, client, who):
    if who == "superuser":
        client.force_login(staff_user("root", superuser=True))
    else:
        signed_in(client, roles.SUPPORTER_MANAGERS, "manager")

    assert client.get(reverse("supporters_subscriber:add")).status_code in (302, 403)
    assert client.get(reverse("supporters_subscriber:edit", args=[subscribers[0].pk])).status_code in (302, 403)
