"""The supporters app's models, defined in their own modules and gathered here for Django.

``subscribers`` (the mailing list and its outgoing emails), ``pages`` (mailing list and privacy pages),
``petitions`` and ``letters`` (a campaign's actions). Modules of this app import those, never this one.
"""

from .letters import CampaignLetter, LetterTarget, SentLetter  # noqa: F401
from .pages import MailingListPage, PrivacyPage  # noqa: F401
from .petitions import CampaignPetition, PetitionSignature  # noqa: F401
from .subscribers import OutgoingEmail, Subscriber  # noqa: F401
