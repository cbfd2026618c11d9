"""Campaigns with a petition and a letter, and helpers the petition and letter tests share."""

import re

from django.core import mail

from supporters.letters import CampaignLetter, LetterTarget
from supporters.petitions import CampaignPetition
from tests.factories import CampaignPageFactory, fresh, publish

PETITION_TEXT = "نطالب بوقف هدم المنازل في القدس فورًا"
LETTER_BODY = "حضرة الوزير،\nنطالبكم بالتحرك لوقف هدم المنازل في القدس."
TARGETS = [
    ("وزير الخارجية", "وزارة الخارجية", "minister@foreign.example.org"),
    ("المفوض السامي", "مفوضية الأمم المتحدة لحقوق الإنسان", "hc@ohchr.example.org"),
]
CONFIRM_LINK = re.compile(r"https?://\S+/confirm/\S+/")


def campaign_with_actions(structure, *, goal=10, list_signers=True, letter=True, slug="stop-demolitions"):
    """A live Arabic campaign with a petition (``goal``) and, unless ``letter=False``, a letter to two targets."""
    campaign = CampaignPageFactory(
        parent=structure["campaigns"]["ar"], title="أوقفوا الهدم", slug=slug, publish_page=False
    )
    campaign.petitions.add(
        CampaignPetition(heading="وقّعوا العريضة", text=PETITION_TEXT, goal=goal, list_signers=list_signers)
    )
    if letter:
        campaign.letters.add(CampaignLetter(heading="اكتبوا إليهم", subject="أوقفوا هدم المنازل", body=LETTER_BODY))
        for name, organisation, email in TARGETS:
            campaign.letter_targets.add(LetterTarget(name=name, organisation=organisation, email=email))
    publish(campaign)
    return fresh(campaign)


def confirmation_link(to):
    """The confirmation link of the last email sent to ``to``."""
    messages = [message for message in mail.outbox if to in message.to]
    assert messages, f"no email to {to}; sent to {[m.to for m in mail.outbox]}"
    match = CONFIRM_LINK.search(messages[-1].body)
    assert match, messages[-1].body
    return match.group(0)


def path_of(url):
    return re.sub(r"^https?://[^/]+", "", url)
