"""A campaign's letter to decision makers: the targets and template editors set, and the letters sent.

Like the petition (supporters/petitions.py), the letter's texts are translated with the campaign
while its facts — the targets and whether it is open — and the count of letters sent are shared by
every translation: they are read from the original campaign and keyed by its ``translation_key``.
A supporter either sends the personalised letter themselves (mailto: or copy), which the site cannot
see and so does not count, or has the site send it to every target once their email address is confirmed.
"""

from django.db import models
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from django_countries.fields import CountryField
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .actions_panels import CampaignExportPanel
from .validation import COMMENT_MAX_LENGTH, NAME_MAX_LENGTH

SUBJECT_MAX_LENGTH = 200
# A letter is checked like a comment (supporters.validation.clean_comment), so it has the same limit.
LETTER_MAX_LENGTH = COMMENT_MAX_LENGTH


class CampaignLetter(TranslatableMixin, Orderable):
    """The letter template editors write for a campaign (at most one), translated into each language."""

    page = ParentalKey("campaigns.CampaignPage", related_name="letters", on_delete=models.CASCADE)
    heading = models.CharField(_("heading"), max_length=200, blank=True, help_text=_("Empty: “Write to them”."))
    introduction = models.TextField(_("introduction"), blank=True)
    subject = models.CharField(_("subject"), max_length=SUBJECT_MAX_LENGTH)
    body = models.TextField(
        _("letter"),
        max_length=LETTER_MAX_LENGTH,
        help_text=_("The letter supporters start from; they may change it and sign it with their name."),
    )
    is_open = models.BooleanField(_("open for letters"), default=True)

    panels = [
        FieldPanel("heading"),
        FieldPanel("introduction"),
        FieldPanel("subject"),
        FieldPanel("body"),
        FieldPanel("is_open"),
        CampaignExportPanel("letters"),
    ]
    translatable_fields = [
        TranslatableField("heading"),
        TranslatableField("introduction"),
        TranslatableField("subject"),
        TranslatableField("body"),
        SynchronizedField("is_open", overridable=False),
    ]
    # In the campaign's API detail: the texts, the shared targets and count; never a writer's address.
    api_fields = [
        APIField("heading"),
        APIField("introduction"),
        APIField("subject"),
        APIField("body"),
        APIField("counter"),
        APIField("targets"),
        APIField("send_url"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]
        verbose_name = _("letter to decision makers")
        verbose_name_plural = _("letters to decision makers")

    def __str__(self):
        return self.subject

    @cached_property
    def shared(self):
        return letter_for(self.page)

    @property
    def counter(self):
        shared = self.shared
        return {"letters_sent": shared.sent if shared else 0, "is_open": bool(shared and shared.is_open)}

    @property
    def targets(self):
        shared = self.shared
        return [
            {"name": target.name, "organisation": target.organisation, "email": target.email}
            for target in (shared.targets if shared else [])
        ]

    @property
    def send_url(self):
        return reverse("api_campaign_letter_send", args=[self.page_id])


class LetterTarget(Orderable):
    """A decision maker the campaign's letter goes to: a ministry, an EU or UN body, …"""

    page = ParentalKey("campaigns.CampaignPage", related_name="letter_targets", on_delete=models.CASCADE)
    name = models.CharField(_("name"), max_length=200, help_text=_("e.g. the Minister of Foreign Affairs"))
    organisation = models.CharField(
        _("body"), max_length=200, help_text=_("e.g. the Ministry, the European Commission")
    )
    email = models.EmailField(_("email address"))

    panels = [FieldPanel("name"), FieldPanel("organisation"), FieldPanel("email")]

    class Meta(Orderable.Meta):
        verbose_name = _("letter target")
        verbose_name_plural = _("letter targets")

    def __str__(self):
        return f"{self.name}, {self.organisation}"


class SentLetter(models.Model):
    """A letter a supporter asked the site to send; it is sent, and counted, once their email is confirmed."""

    campaign_key = models.UUIDField(_("campaign"), db_index=True, help_text=_("The campaign's translation key."))
    language = models.CharField(_("language"), max_length=10)
    name = models.CharField(_("name"), max_length=NAME_MAX_LENGTH)
    email = models.EmailField(_("email"))
    country = CountryField(_("country"))
    subject = models.CharField(_("subject"), max_length=SUBJECT_MAX_LENGTH)
    body = models.TextField(_("letter"), max_length=LETTER_MAX_LENGTH)
    recipients = models.JSONField(_("recipients"), default=list, help_text=_("The targets' addresses it went to."))
    created_at = models.DateTimeField(_("written at"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        verbose_name = _("letter sent")
        verbose_name_plural = _("letters sent")
        ordering = ["-confirmed_at", "-pk"]

    def __str__(self):
        return str(_("Letter %(number)s") % {"number": self.pk})


def letters_sent(campaign_key):
    return SentLetter.objects.filter(campaign_key=campaign_key, confirmed_at__isnull=False)


class LetterView:
    """What the campaign page and the API show of a letter: translated texts, shared targets and count."""

    def __init__(self, own, original, targets, sent):
        self.heading = own.heading
        self.introduction = own.introduction
        self.subject = own.subject
        self.body = own.body
        self.is_open = original.is_open
        self.targets = targets
        self.sent = sent

    @property
    def recipients(self):
        return [target.email for target in self.targets]


def letter_for(campaign):
    """The letter of ``campaign`` as its language shows it, or None when it has none (or no target)."""
    rows = list(
        CampaignLetter.objects.filter(page__translation_key=campaign.translation_key)
        .exclude(page__alias_of__isnull=False)
        .order_by("page_id", "sort_order")
    )
    if not rows:
        return None
    own = next((row for row in rows if row.page_id == campaign.pk), rows[0])
    original = rows[0]
    targets = list(LetterTarget.objects.filter(page_id=original.page_id))
    if not targets:
        return None
    return LetterView(own, original, targets, letters_sent(campaign.translation_key).count())


def signed_letter_text_for(data):
    """The letter as the targets read it: the supporter's text signed with their name and country."""
    return f"{data['body']}\n\n{data['name']}\n{countries.name(str(data['country']))}"
