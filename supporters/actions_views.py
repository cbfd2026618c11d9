"""The campaign page's forms (sign, write) and the links in the confirmation emails.

A form with errors shows the campaign page again with the supporter's input and the errors (400,
or 429 when rate-limited); a sent form redirects back to the campaign with a message. The answer is
the same whether or not the address had signed before, and a honeypot submission is answered like a
real one but writes nothing.
"""

from urllib.parse import quote

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from . import actions
from .abuse import RateLimited, check_rate_limits, honeypot_filled
from .actions_forms import LetterForm, PetitionSignatureForm
from .letters import letter_for, signed_letter_text_for
from .petitions import petition_for
from .tokens import InvalidToken

#: Where a view leaves the bound forms for ``{% campaign_actions %}`` when it shows the campaign again.
BOUND_FORMS_ATTRIBUTE = "campaign_action_forms"


def _campaign_or_404(page_id):
    campaign = actions.public_campaign(page_id)
    if campaign is None:
        raise Http404(_("No public campaign has this id."))
    return campaign


def _campaign_again(request, campaign, forms, status):
    """The campaign page with ``forms`` (bound, with their errors) in place of the empty ones."""
    setattr(request, BOUND_FORMS_ATTRIBUTE, forms)
    response = campaign.serve(request)
    response.status_code = status
    return response


def _rate_limited(request, campaign, name, form, error):
    form.add_error(
        None, _("Too many attempts. Please wait %(seconds)s seconds and try again.") % {"seconds": error.retry_after}
    )
    response = _campaign_again(request, campaign, {name: form}, 429)
    response["Retry-After"] = str(error.retry_after)
    return response


def _back_to(campaign, request, anchor):
    return redirect(f"{campaign.get_url(request)}#{anchor}")


def _email_of(form):
    """The address to rate-limit by, when the form gives a valid one."""
    form.is_valid()
    return getattr(form, "cleaned_data", {}).get("email")


@require_POST
def sign_petition(request, page_id):
    campaign = _campaign_or_404(page_id)
    petition = petition_for(campaign)
    if petition is None:
        raise Http404(_("This campaign has no petition."))
    sent = _("Thank you. We have sent you an email: follow its link to confirm your signature.")
    if honeypot_filled(request.POST):
        messages.success(request, sent)
        return _back_to(campaign, request, "petition")
    form = PetitionSignatureForm(request.POST, prefix="petition")
    try:
        check_rate_limits(request, email=_email_of(form), scope="petition")
    except RateLimited as error:
        return _rate_limited(request, campaign, "petition", form, error)
    if not petition.is_open:
        form.add_error(None, _("This petition is closed."))
    if not form.is_valid():
        return _campaign_again(request, campaign, {"petition": form}, 400)
    actions.sign_petition(
        campaign, form.cleaned_data, language=campaign.locale.language_code, absolute_url=request.build_absolute_uri
    )
    messages.success(request, sent)
    return _back_to(campaign, request, "petition")


def mailto_link(recipients, subject, text):
    return f"mailto:{','.join(recipients)}?subject={quote(subject)}&body={quote(text)}"


@require_POST
def write_letter(request, page_id):
    campaign = _campaign_or_404(page_id)
    letter = letter_for(campaign)
    if letter is None:
        raise Http404(_("This campaign has no letter."))
    sent = _("Thank you. We have sent you an email: follow its link and the site sends your letter.")
    if honeypot_filled(request.POST):
        messages.success(request, sent)
        return _back_to(campaign, request, "letter")
    form = LetterForm(request.POST, prefix="letter")
    try:
        check_rate_limits(request, email=_email_of(form), scope="letter")
    except RateLimited as error:
        return _rate_limited(request, campaign, "letter", form, error)
    if not letter.is_open:
        form.add_error(None, _("This letter is closed."))
    if request.POST.get("delivery") == "self":
        # Nothing is stored: the supporter sends the letter from their own mailbox.
        if not form.is_valid():
            return _campaign_again(request, campaign, {"letter": form}, 400)
        text = signed_letter_text_for(form.cleaned_data)
        prepared = {
            "recipients": letter.recipients,
            "subject": letter.subject,
            "text": text,
            "mailto": mailto_link(letter.recipients, letter.subject, text),
        }
        return _campaign_again(request, campaign, {"letter": form, "prepared_letter": prepared}, 200)
    if not form.require_consent():
        return _campaign_again(request, campaign, {"letter": form}, 400)
    actions.write_letter(
        campaign, form.cleaned_data, language=campaign.locale.language_code, absolute_url=request.build_absolute_uri
    )
    messages.success(request, sent)
    return _back_to(campaign, request, "letter")


def _invalid_link(request):
    return render(request, "supporters/actions/invalid_link.html", status=400)


@require_GET
def confirm_signature(request, token):
    try:
        signature = actions.confirm_signature(token)
    except InvalidToken:
        return _invalid_link(request)
    campaign = actions.campaign_in_language(signature.campaign_key, signature.language)
    if campaign is None:
        return _invalid_link(request)
    messages.success(request, _("Thank you: your signature is confirmed and counted."))
    return _back_to(campaign, request, "petition")


@require_GET
def confirm_letter(request, token):
    try:
        letter = actions.confirm_letter(token)
    except InvalidToken:
        return _invalid_link(request)
    campaign = actions.campaign_in_language(letter.campaign_key, letter.language)
    if campaign is None:
        return _invalid_link(request)
    if letter.confirmed_at is None:
        messages.warning(request, _("This letter is closed: your letter was not sent."))
    else:
        messages.success(request, _("Thank you: your letter is on its way to the decision makers."))
    return _back_to(campaign, request, "letter")
