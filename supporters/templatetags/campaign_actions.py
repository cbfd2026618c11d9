"""``{% campaign_actions page %}``: a campaign's petition and letter, with their forms and counters."""

from django import template
from django.contrib.messages import get_messages

from ..actions import action_kinds
from ..actions_forms import LetterForm, PetitionSignatureForm
from ..actions_views import BOUND_FORMS_ATTRIBUTE
from ..letters import letter_for
from ..petitions import petition_for, public_signers

register = template.Library()


@register.inclusion_tag("supporters/actions/campaign_actions.html", takes_context=True)
def campaign_actions(context, page):
    request = context.get("request")
    bound = getattr(request, BOUND_FORMS_ATTRIBUTE, {})
    # One query tells whether the campaign has any action, so a campaign without one costs no more.
    kinds = action_kinds(page)
    petition = petition_for(page) if "petition" in kinds else None
    letter = letter_for(page) if "letter" in kinds else None
    actions = {
        "page": page,
        "csrf_token": context.get("csrf_token"),
        "messages": list(get_messages(request)) if request is not None else [],
        "petition": petition,
        "letter": letter,
    }
    if petition is not None:
        actions["petition_form"] = bound.get("petition") or PetitionSignatureForm(prefix="petition")
        actions["signers"] = public_signers(page.translation_key) if petition.list_signers else []
    if letter is not None:
        actions["letter_form"] = bound.get("letter") or LetterForm(prefix="letter", initial={"body": letter.body})
        actions["prepared_letter"] = bound.get("prepared_letter")
    return actions
