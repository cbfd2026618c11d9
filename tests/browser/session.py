"""Logging in to the admin in a browser tab."""

PASSWORD = "kalimat-sirr-123"


def log_in(tab, live_server, username, password=PASSWORD):
    """Sign ``username`` in through the admin's login form and wait for the dashboard."""
    tab.goto(f"{live_server.url}/admin/login/")
    tab.fill("#id_username", username)
    tab.fill("#id_password", password)
    tab.click("button[type=submit]")
    tab.wait_for_url(f"{live_server.url}/admin/")
