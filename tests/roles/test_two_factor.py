"""Two-factor authentication in the admin: required for Legal reviewers, Publishers and superusers.

Users sign in here through the admin's login form, as a person does: the fixture in
tests/conftest.py that passes the second factor applies to ``client.force_login`` only.
"""

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.accounts import staff_user
from tests.two_factor import current_token, totp_device, wrong_token

pytestmark = pytest.mark.django_db

SETUP = reverse("wagtail_2fa_device_new")
ENTER_CODE = reverse("wagtail_2fa_auth")
# What a signed-in user reaches without the second factor: signing in and out, the code and setup pages.
OPEN_URL_NAMES = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
    "wagtail_2fa_auth",
    "wagtail_2fa_device_new",
    "wagtail_2fa_device_qrcode",
}


def sign_in(client, user, password="pw"):
    response = client.post(reverse("wagtailadmin_login"), {"username": user.username, "password": password})
    assert response.status_code == 302, "the password was refused"
    return response


def admin_pages(site_structure):
    """Every admin address that needs no argument, and some that do (a page's editor and explorer)."""
    urls = set()

    def walk(patterns, prefix=""):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, prefix + str(pattern.pattern))
            elif isinstance(pattern, URLPattern) and pattern.name and pattern.name not in OPEN_URL_NAMES:
                route = prefix + str(pattern.pattern)
                if not re.search(r"[<(]", route):  # no argument to fill in
                    urls.add("/" + route.lstrip("^").rstrip("$").replace("\\", ""))

    for resolver in get_resolver().url_patterns:
        if isinstance(resolver, URLResolver) and str(resolver.pattern) in ("admin/", "django-admin/"):
            walk(resolver.url_patterns, str(resolver.pattern))
    home = site_structure["home"]["ar"]
    urls |= {reverse("wagtailadmin_pages:edit", args=(home.pk,)), reverse("wagtailadmin_explore", args=(home.pk,))}
    return sorted(urls)


@pytest.mark.parametrize("role", ["publisher", "legal_reviewer"])
def test_required_roles_without_a_device_are_sent_to_set_one_up_from_every_admin_page(
    client, request, role, site_structure
):
    user = request.getfixturevalue(role)
    sign_in(client, user)

    pages = admin_pages(site_structure)
    assert len(pages) > 50, pages
    for url in pages:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.url.startswith(SETUP), (url, response.url)
    # The setup page itself answers, with the QR code to scan.
    setup = client.get(SETUP)
    assert setup.status_code == 200
    assert reverse("wagtail_2fa_device_qrcode") in setup.content.decode()


def test_superusers_are_required_too(client, site_structure):
    sign_in(client, staff_user("root", superuser=True))
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 302
    assert response.url.startswith(SETUP)


def test_the_public_site_and_the_api_do_not_ask_for_a_second_factor(client, publisher):
    sign_in(client, publisher)
    assert client.get("/en/").status_code == 200
    assert client.get("/api/v2/pages/").status_code == 200


def test_setting_up_a_device_lets_a_required_user_in(client, publisher):
    sign_in(client, publisher)
    client.get(SETUP)  # makes the unconfirmed device the QR code shows
    device = TOTPDevice.objects.get(user=publisher, confirmed=False)

    response = client.post(SETUP, {"name": "Phone", "otp_token": current_token(device), "password": "pw"})
    assert response.status_code == 302
    device.refresh_from_db()
    assert device.confirmed and device.name == "Phone"
    assert client.get(reverse("wagtailadmin_home")).status_code == 200


@pytest.mark.parametrize("role", ["publisher", "legal_reviewer"])
def test_with_a_device_no_admin_page_opens_before_a_valid_code(client, request, role, site_structure):
    user = request.getfixturevalue(role)
    device = totp_device(user)
    sign_in(client, user)

    for url in (
        "/admin/",
        "/admin/pages/",
        reverse("wagtailadmin_pages:edit", args=(site_structure["home"]["ar"].pk,)),
    ):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.url.startswith(ENTER_CODE), url
    # Nor does the setup page let a user with a device around the code.
    assert client.get(SETUP).url.startswith(ENTER_CODE)

    entered = client.post(ENTER_CODE, {"otp_token": current_token(device), "next": "/admin/pages/"})
    assert entered.status_code == 302 and entered.url == "/admin/pages/"
    assert client.get("/admin/").status_code == 200


def test_the_code_page_sends_anyone_not_signed_in_to_the_sign_in_page(client, site_structure):
    for response in (client.get(ENTER_CODE), client.post(ENTER_CODE, {"otp_token": "123456"})):
        assert response.status_code == 302
        assert response.url.startswith(reverse("wagtailadmin_login"))


def test_a_wrong_code_is_refused_with_a_message(client, publisher):
    device = totp_device(publisher)
    sign_in(client, publisher)

    response = client.post(ENTER_CODE, {"otp_token": wrong_token(device)}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert "Invalid code" in response.content.decode()
    assert client.get("/admin/").url.startswith(ENTER_CODE)


def test_an_editor_is_not_forced_but_may_add_a_device(client, editor):
    sign_in(client, editor)
    assert client.get("/admin/").status_code == 200
    devices = reverse("wagtail_2fa_device_list", args=(editor.pk,))
    assert client.get(devices).status_code == 200
    assert client.get(SETUP).status_code == 200

    # Once an editor has a device, the code is asked for at the next sign-in like anyone's.
    device = totp_device(editor)
    client.logout()
    sign_in(client, editor)
    assert client.get("/admin/").url.startswith(ENTER_CODE)
    client.post(ENTER_CODE, {"otp_token": current_token(device)})
    assert client.get("/admin/").status_code == 200


def test_a_user_with_two_devices_says_which_one_the_code_is_from(client, publisher):
    phone = totp_device(publisher)
    tablet = TOTPDevice.objects.create(user=publisher, name="Tablet", confirmed=True)
    sign_in(client, publisher)

    form = client.get(ENTER_CODE).content.decode()
    assert phone.persistent_id in form and tablet.persistent_id in form
    response = client.post(ENTER_CODE, {"otp_device": tablet.persistent_id, "otp_token": current_token(tablet)})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200
