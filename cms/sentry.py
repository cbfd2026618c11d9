"""Error reports to Sentry when ``SENTRY_DSN`` is set, without personal data.

Sentry's own defaults already leave out users' emails, IP addresses and cookies
(``send_default_pii=False``); :func:`scrub_event` is the second line for what they let through:
request bodies, cookies and headers that name a person are removed, the user is reduced to an id,
and every remaining text of the event (URL, query string, messages, exception values,
breadcrumbs) goes through the log filter's :func:`cms.log_filters.scrub`, which removes email
addresses, phone numbers, full IP addresses and survivors' names. Local variables are not sent:
a frame may hold a decrypted survivor record.
"""

from cms.log_filters import scrub

REMOVED = "[removed]"
# Request headers that carry credentials, session state or the client's address.
# Set by us or the SDK, never by a visitor: left as they are ("app@1.2.3" is a release, not an address).
_OPERATOR_FIELDS = frozenset({"release", "environment", "event_id", "timestamp", "platform", "sdk", "server_name"})
_PRIVATE_HEADERS = frozenset({"authorization", "cookie", "x-forwarded-for", "x-real-ip", "forwarded", "x-csrftoken"})


def init_sentry(dsn, *, environment=None, release=None, traces_sample_rate=0.0, transport=None):
    import sentry_sdk
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(
        dsn=dsn,
        environment=environment,
        release=release,
        integrations=[DjangoIntegration()],
        send_default_pii=False,
        include_local_variables=False,
        max_request_body_size="never",
        traces_sample_rate=traces_sample_rate,
        before_send=scrub_event,
        before_send_transaction=scrub_event,
        transport=transport,
    )


def scrub_event(event, hint=None):
    request = event.get("request")
    if isinstance(request, dict):
        for key in ("data", "cookies", "env"):
            if key in request:
                request[key] = REMOVED
        headers = request.get("headers")
        if isinstance(headers, dict):
            request["headers"] = {
                name: REMOVED if name.lower() in _PRIVATE_HEADERS else value for name, value in headers.items()
            }
    user = event.get("user")
    if isinstance(user, dict):
        event["user"] = {"id": user["id"]} if "id" in user else {}
    return {key: value if key in _OPERATOR_FIELDS else _scrub_texts(value) for key, value in event.items()}


def _scrub_texts(value):
    if isinstance(value, str):
        return scrub(value)
    if isinstance(value, dict):
        return {key: _scrub_texts(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_scrub_texts(item) for item in value]
    return value
