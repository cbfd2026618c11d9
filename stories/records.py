"""The facts about a story that are not page content: consent (with its history) and the survivor's
private record. Keyed by the story's ``translation_key``, shared by every translation, never copied
into pages, revisions or translation sources.
"""

from django.apps import apps
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .encrypted import PrivateCharField, PrivateTextField


class ConsentStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    GRANTED = "granted", _("Granted")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    REFUSED = "refused", _("Refused")


class ConsentMethod(models.TextChoices):
    WRITTEN = "written", _("Written form")
    RECORDED_ORAL = "recorded-oral", _("Recorded oral consent")
    ORAL_WITNESSED = "oral-witnessed", _("Oral, witnessed")
    ELECTRONIC = "electronic", _("Electronic")


class SurvivorRecord(models.Model):
    """The private section of a story: who the survivor really is and how to reach them.

    Kept out of the page model on purpose: page fields end up in revisions,
    wagtail-localize translation sources (seen by translators), the search index
    and the API. This record is shared by all translations of a story (keyed by
    ``translation_key``) and is only visible to staff with the
    ``stories.view_survivorrecord`` permission.
    """

    story_translation_key = models.UUIDField(_("story"), unique=True, editable=False)
    # Encrypted at rest (key: FIELD_ENCRYPTION_KEY); an empty value is stored as NULL and read as "".
    survivor_name = PrivateCharField(_("survivor's real name"), max_length=255, blank=True, null=True)
    contact = PrivateCharField(_("contact details"), max_length=255, blank=True, null=True)
    notes = PrivateTextField(_("private notes"), blank=True, null=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("survivor record (private)")
        verbose_name_plural = _("survivor records (private)")

    def __str__(self):
        story = self.story
        return str(story) if story else str(self.story_translation_key)

    @property
    def story(self):
        # By name: the page model imports this module (and the consent service that reads it).
        story_model = apps.get_model("stories", "StoryPage")
        pages = story_model.objects.filter(translation_key=self.story_translation_key)
        return pages.filter(locale__language_code="ar").first() or pages.first()


class ConsentRecord(models.Model):
    """The survivor's consent to publish a story: one record for the story in every language.

    Keyed by the story's ``translation_key`` like SurvivorRecord, and for the same reason kept out of
    the page: page fields are copied into revisions and translations, and a stale copy must never be
    able to put a withdrawn story back online. Changed only through ``stories.services``, which also
    appends a ConsentEvent to the history.
    """

    story_translation_key = models.UUIDField(_("story"), unique=True, editable=False)
    status = models.CharField(
        _("consent status"), max_length=20, choices=ConsentStatus.choices, default=ConsentStatus.PENDING
    )
    recorded_on = models.DateField(_("consent recorded on"), null=True, blank=True)
    method = models.CharField(_("consent method"), max_length=30, choices=ConsentMethod.choices, blank=True)
    anonymised = models.BooleanField(
        _("anonymised"), default=True, help_text=_("Names and identifying details have been changed.")
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("consent record")
        verbose_name_plural = _("consent records")

    def __str__(self):
        return f"{self.story_translation_key}: {self.get_status_display()}"


class ConsentEvent(models.Model):
    """One entry of a story's consent history; entries are only ever added."""

    record = models.ForeignKey(ConsentRecord, on_delete=models.CASCADE, related_name="history")
    status = models.CharField(_("consent status"), max_length=20, choices=ConsentStatus.choices)
    recorded_on = models.DateField(_("consent recorded on"), null=True, blank=True)
    method = models.CharField(_("consent method"), max_length=30, choices=ConsentMethod.choices, blank=True)
    anonymised = models.BooleanField(_("anonymised"), default=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("recorded by"), null=True, blank=True, on_delete=models.SET_NULL
    )
    note = models.TextField(_("note"), blank=True)
    created_at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        verbose_name = _("consent history entry")
        verbose_name_plural = _("consent history")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M}: {self.get_status_display()}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ValueError("The consent history is append-only: an entry cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("The consent history is append-only: an entry cannot be deleted.")
