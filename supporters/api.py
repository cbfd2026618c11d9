"""``POST /api/v2/mailing-list/subscribe/``: the headless front end's sign-up.

JSON in (``email``, ``locale``, optional ``name`` and ``topics``, ``consent: true``), JSON out: 202 with
the same body whatever the address's state, 400 naming each bad field, 429 when rate-limited. No
cookie is involved, so no CSRF token: a browser can only send JSON from another site after a CORS
preflight, which the API's CORS settings answer.
"""

import json

from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from .abuse import HONEYPOT_FIELD, RateLimited, check_rate_limits, honeypot_filled
from .subscriptions import clean_sign_up, language_codes, sign_up
from .views import SIGN_UP_SCOPE

FIELDS = {"email", "locale", "name", "topics", "consent", HONEYPOT_FIELD}
# Far above any honest sign-up, far below Django's own limit on a request body.
MAX_BODY_BYTES = 32 * 1024


def bad_request(errors):
    field, messages = next(iter(errors.items()))
    return JsonResponse({"message": f"{field}: {messages[0]}", "errors": errors}, status=400)


def _read_json(request):
    """The JSON object sent, or raise ValidationError naming what is wrong with the request."""
    content_type = request.content_type or ""
    if content_type != "application/json":
        raise ValidationError({"Content-Type": [_("Send the sign-up as application/json.")]})
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    if length > MAX_BODY_BYTES:
        raise ValidationError({"body": [_("The request is too large.")]})
    try:
        data = json.loads(request.body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise ValidationError({"body": [_("The request body is not valid JSON.")]}) from None
    if not isinstance(data, dict):
        raise ValidationError({"body": [_("The request body must be a JSON object.")]})
    unknown = sorted(str(key)[:50] for key in data if key not in FIELDS)
    if unknown:
        raise ValidationError({unknown[0]: [_("Unknown field; the fields are email, locale, name, topics, consent.")]})
    return data


def accepted(data):
    locale = data.get("locale")
    with translation.override(locale if locale in language_codes() else translation.get_language()):
        message = _(
            "Thank you. If this address can receive our emails, a message is on its way: "
            "follow the link in it to confirm your subscription."
        )
    return JsonResponse({"message": message}, status=202)


@csrf_exempt
@require_POST
def subscribe(request):
    try:
        data = _read_json(request)
    except ValidationError as error:
        return bad_request(error.message_dict)
    if honeypot_filled(data):
        return accepted(data)
    try:
        cleaned = clean_sign_up(data)
    except ValidationError as error:
        return bad_request(error.message_dict)
    try:
        check_rate_limits(request, email=cleaned["email"], scope=SIGN_UP_SCOPE)
    except RateLimited as limited:
        response = JsonResponse(
            {
                "message": _("Too many requests from your address. Please wait %(seconds)s seconds and try again.")
                % {"seconds": limited.retry_after}
            },
            status=429,
        )
        response["Retry-After"] = str(limited.retry_after)
        return response
    sign_up(request, **cleaned)
    return accepted(data)
