from django.conf import settings
from django.core.paginator import Paginator
from django.db import models
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail.url_routing import RouteResult
from wagtail_localize.fields import SynchronizedField

from core.api_fields import VocabularyTermSerializer
from core.blocks import ContentStreamBlock
from core.models import HeroImageMixin, ImportKeyMixin, SectionIndexPage
from core.visibility import public_pages

from .encrypted import PrivateCharField, PrivateTextField
from .filters import StoryFilter
from .panels import ConsentPanel


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


class StoryPageForm(WagtailAdminPageForm):
    """Refuses the admin's Publish button (publish, schedule, revert) while consent is missing or
    while the text being published holds private data from the survivor record (error on its field)."""

    def clean(self):
        from . import private_guard, services

        cleaned_data = super().clean()
        if "action-publish" in self.data:
            reason = services.consent_blocked_reason(self.instance)
            if reason:
                self.add_error(None, reason)
            # The instance still holds the old text here: check what the editor is about to publish.
            values = private_guard.story_values(self.instance) | {
                name: cleaned_data[name] for name in private_guard.TEXT_FIELDS if name in cleaned_data
            }
            found = private_guard.private_data_in(self.instance, values)
            if found:
                self.add_error(found.field if found.field in self.fields else None, private_guard.message_for(found))
        return cleaned_data


class StoryIndexPage(SectionIndexPage):
    subpage_types = ["stories.StoryPage"]
    stories_per_page = 9

    class Meta:
        verbose_name = _("story index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        stories = StoryPage.for_listing(public_pages(StoryPage.objects.child_of(self)))
        story_filter = StoryFilter(request.GET, stories, locale=self.locale)
        paginator = Paginator(story_filter.qs.order_by("-date", "-pk"), self.stories_per_page)
        context.update(
            stories=paginator.get_page(request.GET.get("page")), story_filter=story_filter, paginator=paginator
        )
        return context


class StoryPage(ImportKeyMixin, HeroImageMixin, Page):
    date = models.DateField(_("date of the events"))
    neighbourhood = models.ForeignKey(
        "core.Neighbourhood",
        verbose_name=_("neighbourhood"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="stories",
    )
    summary = models.TextField(
        _("summary"),
        max_length=600,
        help_text=_(
            "Published for everyone to read: never write the survivor's real name, phone number, address or "
            "other details that identify them. Use the name agreed in the consent record."
        ),
    )
    body = StreamField(
        ContentStreamBlock(),
        verbose_name=_("body"),
        blank=True,
        help_text=_(
            "Published for everyone to read, image captions and alt text included: never write the survivor's "
            "real name, phone number, address or other details that identify them."
        ),
    )

    base_form_class = StoryPageForm

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("date"), FieldPanel("neighbourhood")]),
        InlinePanel("violation_type_links", label=_("Violation types")),
        FieldPanel("summary"),
        HeroImageMixin.hero_panel(),
        FieldPanel("body"),
        ConsentPanel(heading=_("Consent")),
    ]

    # Dates are facts about the story, the same in every language. Consent is not a page field at all:
    # it lives in the story's ConsentRecord, shared by every translation.
    override_translatable_fields = [
        SynchronizedField("date"),
        SynchronizedField("neighbourhood"),
        SynchronizedField("hero_image"),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.RelatedFields("neighbourhood", [index.SearchField("name"), index.FilterField("slug")]),
        index.RelatedFields(
            "violation_type_links", [index.RelatedFields("violation_type", [index.SearchField("name")])]
        ),
        index.FilterField("date"),
        index.FilterField("neighbourhood_id"),
    ]

    api_fields = [
        APIField("date"),
        APIField("summary"),
        APIField("neighbourhood", serializer=VocabularyTermSerializer()),
        APIField("violation_types", serializer=VocabularyTermSerializer(many=True)),
        APIField("body"),
        APIField("anonymised"),
    ] + HeroImageMixin.hero_api_fields()

    parent_page_types = ["stories.StoryIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("story")
        verbose_name_plural = _("stories")

    @classmethod
    def public_condition(cls):
        """Read by ``core.visibility.public_pages``: a story is public only with consent granted, and when."""
        from . import services

        return services.public_consent_condition()

    @property
    def consent(self):
        """The story's ConsentRecord (an unsaved pending one when none was recorded yet)."""
        from . import services

        return services.consent_of(self)

    @property
    def anonymised(self):
        return self.consent.anonymised

    def permissions_for_user(self, user):
        from .permissions import StoryPermissionTester

        return StoryPermissionTester(user, self)

    @classmethod
    def for_listing(cls, stories):
        """Load what a story card shows in the same few queries for the whole list."""
        return stories.select_related("neighbourhood").prefetch_related("violation_type_links__violation_type")

    @property
    def violation_types(self):
        return [link.violation_type for link in self.violation_type_links.all() if link.violation_type]

    def save(self, *args, **kwargs):
        # save_revision() saves bookkeeping columns only (update_fields) on an
        # instance carrying unsaved draft edits; the rule is about what goes live.
        update_fields = kwargs.get("update_fields")
        writes_content = update_fields is None or "live" in update_fields
        if self.live and writes_content:
            from . import services

            services.assert_may_publish(self)
        self.localize_vocabulary()
        result = super().save(*args, **kwargs)
        for link in StoryViolationType.objects.filter(page=self).exclude(violation_type__locale=self.locale_id):
            link.violation_type = link.violation_type.get_translation_or_none(self.locale) or link.violation_type
            link.save(update_fields=["violation_type"])
        return result

    def localize_vocabulary(self):
        """Point the taxonomy at the terms of this page's own locale.

        A translation starts as a copy of the source page, so without this an
        English story would carry the Arabic neighbourhood and violation types.
        """
        if self.neighbourhood_id and self.neighbourhood.locale_id != self.locale_id:
            self.neighbourhood = self.neighbourhood.get_translation_or_none(self.locale) or self.neighbourhood
        for link in self.violation_type_links.all():
            term = link.violation_type
            if term and term.locale_id != self.locale_id:
                link.violation_type = term.get_translation_or_none(self.locale) or term

    def route(self, request, path_components):
        # A withdrawn story's address answers "gone" (see serve) rather than "not found", live or not.
        if not path_components and self.consent.status == ConsentStatus.WITHDRAWN:
            return RouteResult(self)
        return super().route(request, path_components)

    def serve(self, request, *args, **kwargs):
        from . import services

        consent = self.consent
        if consent.status == ConsentStatus.WITHDRAWN:
            # Nothing of the story itself: no title, no content.
            return TemplateResponse(request, "stories/story_withdrawn.html", {}, status=410)
        # A live page without consent is never served, even before it is unpublished.
        if not services.may_publish(self):
            raise Http404
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # A new story being previewed has no primary key and so no campaigns yet.
        campaign_ids = self.campaign_links.values("page_id") if self.pk else []
        context["related_campaigns"] = public_pages(Page.objects.filter(pk__in=campaign_ids)).specific()
        return context


class StoryViolationType(Orderable):
    page = ParentalKey(StoryPage, related_name="violation_type_links", on_delete=models.CASCADE)
    violation_type = models.ForeignKey(
        "core.ViolationType", verbose_name=_("violation type"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("violation_type")]

    class Meta(Orderable.Meta):
        verbose_name = _("violation type")
        unique_together = [("page", "violation_type")]


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
        pages = StoryPage.objects.filter(translation_key=self.story_translation_key)
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
