from django.core.paginator import Paginator
from django.db import models
from django.db.models import F, OuterRef, Prefetch, Subquery
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
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core import memo
from core.api_body import StreamBodyField
from core.api_fields import AnnotatedField, VocabularyTermSerializer
from core.blocks import ContentStreamBlock
from core.headless_preview import HeadlessPreviewable
from core.models import PAGE_TRANSLATABLE_FIELDS, HeroImageMixin, ImportKeyMixin, SectionIndexPage
from core.renditions import prefetch_page_renditions
from core.visibility import ViewRestrictionsInOneQuery, public_pages

from .filters import StoryFilter
from .panels import ConsentPanel
from .records import ConsentEvent, ConsentMethod, ConsentRecord, ConsentStatus, SurvivorRecord

__all__ = [
    "ConsentEvent",
    "ConsentMethod",
    "ConsentRecord",
    "ConsentStatus",
    "StoryIndexPage",
    "StoryPage",
    "StoryPageForm",
    "StoryViolationType",
    "SurvivorRecord",
]


# What serving a story reads of its consent record (its status decides 410/404, ``anonymised`` shows a note).
CONSENT_READ_WHEN_SERVING = ("status", "recorded_on", "anonymised")


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


class StoryIndexPage(ViewRestrictionsInOneQuery, SectionIndexPage):
    subpage_types = ["stories.StoryPage"]
    stories_per_page = 9

    class Meta:
        verbose_name = _("story index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        stories = StoryPage.for_listing(public_pages(StoryPage.objects.child_of(self)))
        story_filter = StoryFilter(request.GET, stories, locale=self.locale_id)
        paginator = Paginator(story_filter.qs.order_by("-date", "-pk"), self.stories_per_page)
        context.update(
            stories=paginator.get_page(request.GET.get("page")), story_filter=story_filter, paginator=paginator
        )
        return context


class StoryPage(ViewRestrictionsInOneQuery, HeadlessPreviewable, ImportKeyMixin, HeroImageMixin, Page):
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

    # The date and the taxonomy are facts about the story, the same in every language (save() points the
    # taxonomy at the terms of the page's own locale). Consent and the private section are not page fields
    # at all: they live in the story's ConsentRecord and SurvivorRecord, never in a translation source.
    translatable_fields = (
        PAGE_TRANSLATABLE_FIELDS
        + HeroImageMixin.hero_translatable_fields
        + [
            TranslatableField("summary"),
            TranslatableField("body"),
            SynchronizedField("date", overridable=False),
            SynchronizedField("neighbourhood", overridable=False),
            SynchronizedField("violation_type_links", overridable=False),
        ]
        + ImportKeyMixin.import_key_translatable_fields
    )

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
        APIField("body", serializer=StreamBodyField()),
        # From the consent record, computed in the listing's own query (not one query per story).
        APIField(
            "anonymised",
            serializer=AnnotatedField(
                lambda: ConsentRecord.objects.filter(story_translation_key=OuterRef("translation_key")).values(
                    "anonymised"
                )[:1]
            ),
        ),
    ] + HeroImageMixin.hero_api_fields()

    parent_page_types = ["stories.StoryIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("story")
        verbose_name_plural = _("stories")
        # The listings show the newest stories first (home page, story index): with this index the
        # database reads stories in that order and stops after a page of visible ones, instead of
        # checking every story of the language before sorting them (bench/README.md, "Page speed").
        indexes = [models.Index(F("date").desc(), F("page_ptr").desc(), name="story_newest_first")]

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
        """Load what a story card shows in the same two queries for the whole list."""
        return stories.select_related("neighbourhood").prefetch_related(cls.violation_types_prefetch())

    @classmethod
    def for_serving(cls, stories):
        """What the story's own page shows beyond its row, loaded with it (see ``HomePage.route``),
        its consent included (read by ``consent_for_request``)."""
        record = ConsentRecord.objects.filter(story_translation_key=OuterRef("translation_key")).order_by("pk")
        consent = {f"consent_{name}": Subquery(record.values(name)[:1]) for name in CONSENT_READ_WHEN_SERVING}
        return (
            cls.for_listing(stories)
            .select_related("hero_image")
            .annotate(consent_pk=Subquery(record.values("pk")[:1]), **consent)
        )

    @staticmethod
    def violation_types_prefetch():
        # In the editor's order; links saved without one keep the order they were added in.
        links = StoryViolationType.objects.select_related("violation_type").order_by("sort_order", "pk")
        return Prefetch("violation_type_links", queryset=links)

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

    def consent_for_request(self, request):
        """The story's consent record, read once per request: routing, serving and the page all ask."""
        if request is None:
            return self.consent
        read = request.__dict__.setdefault("_munasara_story_consent", {})
        if self.translation_key not in read:
            read[self.translation_key] = self._served_consent() or self.consent
        return read[self.translation_key]

    def _served_consent(self):
        """The consent record as ``for_serving`` read it with the page, or None if it did not."""
        if not hasattr(self, "consent_pk"):
            return None
        if self.consent_pk is None:
            return ConsentRecord(story_translation_key=self.translation_key)
        values = {name: getattr(self, f"consent_{name}") for name in CONSENT_READ_WHEN_SERVING}
        return ConsentRecord(pk=self.consent_pk, story_translation_key=self.translation_key, **values)

    def route(self, request, path_components):
        # A withdrawn story's address answers "gone" (see serve) rather than "not found", live or not.
        if not path_components and self.consent_for_request(request).status == ConsentStatus.WITHDRAWN:
            return RouteResult(self)
        return super().route(request, path_components)

    def serve(self, request, *args, **kwargs):
        from . import services

        consent = self.consent_for_request(request)
        if consent.status == ConsentStatus.WITHDRAWN:
            # Nothing of the story itself: no title, no content.
            return TemplateResponse(request, "stories/story_withdrawn.html", {}, status=410)
        # A live page without consent is never served, even before it is unpublished.
        if services.consent_blocked_reason(self, consent) is not None:
            raise Http404
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["anonymised"] = self.consent_for_request(request).anonymised
        # Campaigns sit beside stories (neither app imports the other): the link model names the campaign model.
        campaign_model = StoryPage.campaign_links.rel.related_model._meta.get_field("page").related_model

        # A new story being previewed has no primary key and so no campaigns yet.
        def campaigns():
            campaign_ids = self.campaign_links.values("page_id") if self.pk else []
            return list(public_pages(campaign_model.objects.filter(pk__in=campaign_ids)).order_by("path"))

        # Remembered under the story's path, which a change to a campaign naming it renews (caching.targets).
        path = memo.public_path(self, request)
        context["related_campaigns"] = (
            memo.remember("related_campaigns", (self.pk,), campaigns, paths=[path]) if path else campaigns()
        )
        prefetch_page_renditions([self], "body")
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
