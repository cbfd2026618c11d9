"""Logging in to the admin in a browser tab."""

from django.contrib.auth import get_user_model

from tests.two_factor import current_token, totp_device

PASSWORD = "kalimat-sirr-123"


def log_in(tab, live_server, username, password=PASSWORD):
    """Sign ``username`` in through the admin's login form and the two-factor code form, and wait for the dashboard.

    The user gets an authenticator (a TOTP device) if they have none, as staff who must use two-factor
    authentication do (cms/two_factor.py); the code typed is the one their app would show now.
    """
    device = totp_device(get_user_model().objects.get(username=username))
    tab.goto(f"{live_server.url}/admin/login/")
    tab.fill("#id_username", username)
    tab.fill("#id_password", password)
    tab.click("button[type=submit]")
    tab.wait_for_url(f"{live_server.url}/admin/2fa/auth**")
    tab.fill("#id_otp_token", current_token(device))
    tab.click("form button[type=submit]:not([formaction])")
    tab.wait_for_url(f"{live_server.url}/admin/")
