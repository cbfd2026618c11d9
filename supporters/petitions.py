"""A campaign's petition: what editors write on the campaign, and the signatures supporters send.

The petition belongs to the campaign in every language at once. Its texts are translated with the
campaign (wagtail-localize copies the row into each translation); its facts (goal, open or closed,
whether opted-in first names are listed) and its signatures are keyed by the campaign's
``translation_key`` and read from the original campaign (the first translation created), so every
language shows the same counter and a translation can never fork the goal.
"""

from django.db import models
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.api import APIField
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .actions_panels import CampaignExportPanel
from .validation import COMMENT_MAX_LENGTH, NAME_MAX_LENGTH

PUBLIC_SIGNERS_SHOWN = 50


class CampaignPetition(TranslatableMixin, Orderable):
    """The petition editors attach to a campaign (at most one, in the campaign's edit view)."""

    page = ParentalKey("campaigns.CampaignPage", related_name="petitions", on_delete=models.CASCADE)
    heading = models.CharField(_("heading"), max_length=200, blank=True, help_text=_("Empty: “Sign the petition”."))
    text = models.TextField(_("petition text"), help_text=_("What the signers ask for, in their name."))
    goal = models.PositiveIntegerField(_("goal"), default=1000, help_text=_("The number of signatures aimed for."))
    is_open = models.BooleanField(_("open for signatures"), default=True)
    list_signers = models.BooleanField(
        _("list signers"),
        default=True,
        help_text=_("Show the first name and country of signers who agreed to it."),
    )

    panels = [
        FieldPanel("heading"),
        FieldPanel("text"),
        FieldRowPanel([FieldPanel("goal"), FieldPanel("is_open"), FieldPanel("list_signers")]),
        CampaignExportPanel("petition"),
    ]
    translatable_fields = [
        TranslatableField("heading"),
        TranslatableField("text"),
        SynchronizedField("goal", overridable=False),
        SynchronizedField("is_open", overridable=False),
        SynchronizedField("list_signers", overridable=False),
    ]
    # In the campaign's API detail: the shared facts and counter, never a signer's email or full name.
    api_fields = [APIField("heading"), APIField("text"), APIField("counter"), APIField("signers"), APIField("sign_url")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]
        verbose_name = _("petition")
        verbose_name_plural = _("petitions")

    def __str__(self):
        return self.heading

    @cached_property
    def shared(self):
        return petition_for(self.page)

    @property
    def counter(self):
        shared = self.shared
        return {
            "signatures": shared.signatures,
            "goal": shared.goal,
            "percent": shared.percent,
            "is_open": shared.is_open,
        }

    @property
    def signers(self):
        return public_signers(self.page.translation_key) if self.shared.list_signers else []

    @property
    def sign_url(self):
        return reverse("api_campaign_petition_sign", args=[self.page_id])


class PetitionSignature(models.Model):
    """One supporter's signature; it counts once its email address is confirmed."""

    campaign_key = models.UUIDField(_("campaign"), db_index=True, help_text=_("The campaign's translation key."))
    language = models.CharField(_("language"), max_length=10)
    name = models.CharField(_("name"), max_length=NAME_MAX_LENGTH)
    email = models.EmailField(_("email"))
    country = CountryField(_("country"))
    comment = models.TextField(_("comment"), max_length=COMMENT_MAX_LENGTH, blank=True)
    may_contact = models.BooleanField(_("may be contacted about the campaign"), default=False)
    show_first_name = models.BooleanField(_("first name shown publicly"), default=False)
    created_at = models.DateTimeField(_("signed at"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("petition signature")
        verbose_name_plural = _("petition signatures")
        ordering = ["-confirmed_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["campaign_key", "email"], name="one_signature_per_email_and_petition")
        ]
        permissions = [("export_campaign_actions", _("Can export a campaign's signatures and letters"))]

    def __str__(self):
        return str(_("Signature %(number)s") % {"number": self.pk})

    @property
    def first_name(self):
        return self.name.split()[0] if self.name.split() else ""


def confirmed_signatures(campaign_key):
    return PetitionSignature.objects.filter(campaign_key=campaign_key, confirmed_at__isnull=False)


class PetitionView:
    """What the campaign page and the API show of a petition: the translated texts, the shared facts."""

    def __init__(self, own, original, signatures):
        self.heading = own.heading
        self.text = own.text
        self.goal = original.goal
        self.is_open = original.is_open
        self.list_signers = original.list_signers
        self.signatures = signatures

    @property
    def percent(self):
        return min(100, round(100 * self.signatures / self.goal)) if self.goal else 100

    @property
    def progress_value(self):
        return min(self.signatures, self.goal) if self.goal else self.signatures


def petition_for(campaign):
    """The petition of ``campaign`` as its language shows it, or None when the campaign has none."""
    rows = list(
        CampaignPetition.objects.filter(page__translation_key=campaign.translation_key)
        .exclude(page__alias_of__isnull=False)
        .order_by("page_id", "sort_order")
    )
    if not rows:
        return None
    own = next((row for row in rows if row.page_id == campaign.pk), rows[0])
    signatures = confirmed_signatures(campaign.translation_key).count()
    return PetitionView(own, rows[0], signatures)


def public_signers(campaign_key, limit=PUBLIC_SIGNERS_SHOWN):
    """The latest confirmed signers who agreed to be listed: first name and country, nothing else."""
    rows = (
        confirmed_signatures(campaign_key)
        .filter(show_first_name=True)
        .order_by("-confirmed_at", "-pk")
        .only("name", "country")[:limit]
    )
    return [{"first_name": row.first_name, "country": row.country.code} for row in rows]
