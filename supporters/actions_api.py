"""``POST /api/v2/campaigns/<id>/petition/sign/`` and ``…/letter/send/``: the campaign actions of a headless front end.

JSON in, JSON out: 202 with the same body whatever the address's state (a repeated signature, a
honeypot), 400 naming the bad field with nothing written, 404 for a campaign that is not public or
has no such action, 429 when rate-limited. Like the mailing list's endpoint, no cookie is involved and
so no CSRF token (a browser sends JSON cross-site only after a CORS preflight). The letter endpoint
always has the site send the letter, after the supporter confirms their address.
"""

import json

from django.http import JsonResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from core.i18n import language_codes

from . import actions
from .abuse import HONEYPOT_FIELD, RateLimited, check_rate_limits, honeypot_filled
from .actions_forms import LetterForm, PetitionSignatureForm, api_type_errors
from .letters import letter_for
from .petitions import petition_for

PETITION_FIELDS = {"name", "email", "country", "comment", "consent", "may_contact", "show_first_name", "language"}
LETTER_FIELDS = {"name", "email", "country", "body", "consent", "language"}
MAX_BODY_BYTES = 32 * 1024


class BadRequestError(Exception):
    def __init__(self, errors):
        super().__init__(errors)
        self.errors = errors


def _bad_request(errors):
    field, messages = next(iter(errors.items()))
    return JsonResponse({"message": f"{field}: {messages[0]}", "errors": errors}, status=400)


def _read_json(request, allowed):
    if (request.content_type or "") != "application/json":
        raise BadRequestError({"Content-Type": [_("Send the request as application/json.")]})
    if len(request.body) > MAX_BODY_BYTES:
        raise BadRequestError({"body": [_("The request is too large.")]})
    try:
        data = json.loads(request.body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise BadRequestError({"body": [_("The request body is not valid JSON.")]}) from None
    if not isinstance(data, dict):
        raise BadRequestError({"body": [_("The request body must be a JSON object.")]})
    unknown = sorted(str(key)[:50] for key in data if key not in allowed | {HONEYPOT_FIELD})
    if unknown:
        raise BadRequestError(
            {unknown[0]: [_("Unknown field; the fields are: %(fields)s.") % {"fields": ", ".join(sorted(allowed))}]}
        )
    if errors := api_type_errors(data):
        raise BadRequestError(errors)
    language = data.get("language")
    if language is not None and language not in language_codes():
        raise BadRequestError(
            {"language": [_("Unknown language; use one of: %(codes)s.") % {"codes": ", ".join(language_codes())}]}
        )
    return data


def _form_errors(form):
    return {name: [str(message) for message in messages] for name, messages in form.errors.items()}


def _too_many(error):
    response = JsonResponse(
        {
            "message": _("Too many requests from your address. Please wait %(seconds)s seconds and try again.")
            % {"seconds": error.retry_after}
        },
        status=429,
    )
    response["Retry-After"] = str(error.retry_after)
    return response


def _not_found(message):
    return JsonResponse({"message": message}, status=404)


def _accepted(message):
    return JsonResponse({"message": message}, status=202)


SIGNED = gettext_lazy("Thank you. We have sent you an email: follow its link to confirm your signature.")
WRITTEN = gettext_lazy("Thank you. We have sent you an email: follow its link and the site sends your letter.")


def _handle(request, page_id, *, find_action, allowed, form_class, scope, submit, accepted_message):
    campaign = actions.public_campaign(page_id)
    if campaign is None:
        return _not_found(_("No public campaign has this id."))
    try:
        data = _read_json(request, allowed)
    except BadRequestError as error:
        return _bad_request(error.errors)
    language = data.get("language") or campaign.locale.language_code
    with translation.override(language):
        action = find_action(campaign)
        if action is None:
            return _not_found(_("This campaign has no such action."))
        if honeypot_filled(data):
            return _accepted(str(accepted_message))
        form = form_class(data)
        form.is_valid()
        try:
            check_rate_limits(request, email=form.cleaned_data.get("email"), scope=scope)
        except RateLimited as error:
            return _too_many(error)
        if not action.is_open:
            return _bad_request({"campaign": [_("This action is closed.")]})
        valid = form.require_consent() if isinstance(form, LetterForm) else form.is_valid()
        if not valid:
            return _bad_request(_form_errors(form))
        submit(campaign, form.cleaned_data, language=language, absolute_url=request.build_absolute_uri)
        return _accepted(str(accepted_message))


@csrf_exempt
@require_POST
def sign_petition(request, page_id):
    return _handle(
        request,
        page_id,
        find_action=petition_for,
        allowed=PETITION_FIELDS,
        form_class=PetitionSignatureForm,
        scope="petition",
        submit=actions.sign_petition,
        accepted_message=SIGNED,
    )


@csrf_exempt
@require_POST
def send_letter(request, page_id):
    return _handle(
        request,
        page_id,
        find_action=letter_for,
        allowed=LETTER_FIELDS,
        form_class=LetterForm,
        scope="letter",
        submit=actions.write_letter,
        accepted_message=WRITTEN,
    )
