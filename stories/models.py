from django.core.paginator import Paginator
from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.api_fields import VocabularyTermSerializer
from core.blocks import ContentStreamBlock
from core.models import HeroImageMixin, ImportKeyMixin, SectionIndexPage
from core.visibility import public_pages

from . import services
from .filters import StoryFilter


class StoryPageForm(WagtailAdminPageForm):
    """Refuses the admin's Publish button while consent is missing, with a message on the field."""

    def clean(self):
        cleaned_data = super().clean()
        if "action-publish" in self.data:
            probe = StoryPage(
                consent_status=cleaned_data.get("consent_status"),
                consent_recorded_on=cleaned_data.get("consent_recorded_on"),
            )
            reason = services.publication_blocked_reason(probe)
            if reason:
                self.add_error("consent_status", reason)
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
    summary = models.TextField(_("summary"), max_length=600)
    body = StreamField(ContentStreamBlock(), verbose_name=_("body"), blank=True)

    consent_status = models.CharField(
        _("consent status"),
        max_length=20,
        choices=services.CONSENT_STATUSES,
        default=services.CONSENT_PENDING,
        help_text=_("The story can only be published when consent is granted."),
    )
    consent_recorded_on = models.DateField(_("consent recorded on"), null=True, blank=True)
    consent_method = models.CharField(_("consent method"), max_length=30, choices=services.CONSENT_METHODS, blank=True)
    anonymised = models.BooleanField(
        _("anonymised"), default=True, help_text=_("Names and identifying details have been changed.")
    )

    base_form_class = StoryPageForm

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("date"), FieldPanel("neighbourhood")]),
        InlinePanel("violation_type_links", label=_("Violation types")),
        FieldPanel("summary"),
        HeroImageMixin.hero_panel(),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("consent_status"), FieldPanel("consent_recorded_on")]),
                FieldRowPanel([FieldPanel("consent_method"), FieldPanel("anonymised")]),
            ],
            heading=_("Consent"),
        ),
    ]

    # Consent and dates are facts about the story, the same in every language.
    override_translatable_fields = [
        SynchronizedField("date"),
        SynchronizedField("neighbourhood"),
        SynchronizedField("consent_status", overridable=False),
        SynchronizedField("consent_recorded_on", overridable=False),
        SynchronizedField("consent_method", overridable=False),
        SynchronizedField("anonymised", overridable=False),
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
        index.FilterField("consent_status"),
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
        return services.public_consent_condition()

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
        writes_content = update_fields is None or {"live", "consent_status"} & set(update_fields)
        if self.live and writes_content:
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

    def serve(self, request, *args, **kwargs):
        # A live page whose consent was withdrawn is never served, even before it is unpublished.
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
    survivor_name = models.CharField(_("survivor's real name"), max_length=255, blank=True)
    contact = models.CharField(_("contact details"), max_length=255, blank=True)
    notes = models.TextField(_("private notes"), blank=True)
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
