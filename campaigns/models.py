from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Case, OuterRef, Subquery, Value, When
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.api_body import StreamBodyField
from core.api_fields import PageLinkSerializer, VocabularyTermSerializer
from core.blocks import ContentStreamBlock
from core.headless_preview import HeadlessPreviewable
from core.models import PAGE_TRANSLATABLE_FIELDS, HeroImageMixin, ImportKeyMixin, SectionIndexPage
from core.renditions import prefetch_page_renditions
from core.visibility import ViewRestrictionsInOneQuery, public_pages

STATUS_ACTIVE = "active"
STATUS_CLOSED = "closed"


class CampaignIndexPage(ViewRestrictionsInOneQuery, SectionIndexPage):
    subpage_types = ["campaigns.CampaignPage"]
    campaigns_per_page = 9

    class Meta:
        verbose_name = _("campaign index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        campaigns = public_pages(CampaignPage.objects.child_of(self))
        status = request.GET.get("status")
        if status in (STATUS_ACTIVE, STATUS_CLOSED):
            campaigns = campaigns.filter(status=status)
        campaigns = campaigns.order_by("status", "-start_date", "-pk")
        context["campaigns"] = Paginator(campaigns, self.campaigns_per_page).get_page(request.GET.get("page"))
        context["status"] = status
        return context


class CampaignPage(ViewRestrictionsInOneQuery, HeadlessPreviewable, ImportKeyMixin, HeroImageMixin, Page):
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=[(STATUS_ACTIVE, _("Active")), (STATUS_CLOSED, _("Closed"))],
        default=STATUS_ACTIVE,
    )
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"), null=True, blank=True)
    summary = models.TextField(_("summary"), max_length=600)
    the_ask = models.TextField(_("what we ask"), help_text=_("The concrete change the campaign demands."))
    call_to_action_label = models.CharField(_("call to action label"), max_length=80, blank=True)
    call_to_action_url = models.URLField(_("call to action link"), blank=True)
    body = StreamField(ContentStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("status"), FieldPanel("start_date"), FieldPanel("end_date")]),
        FieldPanel("summary"),
        InlinePanel("audience_links", label=_("Audiences")),
        FieldPanel("the_ask"),
        MultiFieldPanel(
            [FieldPanel("call_to_action_label"), FieldPanel("call_to_action_url")], heading=_("Call to action")
        ),
        HeroImageMixin.hero_panel(),
        FieldPanel("body"),
        InlinePanel("related_story_links", label=_("Related stories")),
        # Campaign actions: the models live in the supporters app (supporters/petitions.py, letters.py).
        InlinePanel("petitions", label=_("Petition"), max_num=1),
        InlinePanel("letters", label=_("Letter to decision makers"), max_num=1),
        InlinePanel("letter_targets", label=_("Letter targets")),
    ]
    # The campaign's facts (status, dates, audiences, the stories it links) are the same in every language.
    # Its link may lead to a page in the reader's language (a petition in French), so a translation may
    # override it.
    translatable_fields = (
        PAGE_TRANSLATABLE_FIELDS
        + HeroImageMixin.hero_translatable_fields
        + [
            TranslatableField("summary"),
            TranslatableField("the_ask"),
            TranslatableField("call_to_action_label"),
            TranslatableField("body"),
            SynchronizedField("call_to_action_url", overridable=True),
            SynchronizedField("status", overridable=False),
            SynchronizedField("start_date", overridable=False),
            SynchronizedField("end_date", overridable=False),
            SynchronizedField("audience_links", overridable=False),
            SynchronizedField("related_story_links", overridable=False),
            # The petition's and letter's texts are translated; their goal, state, targets and counts are shared.
            TranslatableField("petitions"),
            TranslatableField("letters"),
            SynchronizedField("letter_targets", overridable=False),
        ]
        + ImportKeyMixin.import_key_translatable_fields
    )
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("the_ask"),
        index.SearchField("body"),
        index.FilterField("status"),
        index.FilterField("start_date"),
    ]
    api_fields = [
        APIField("status"),
        APIField("start_date"),
        APIField("end_date"),
        APIField("summary"),
        APIField("audiences", serializer=VocabularyTermSerializer(many=True)),
        APIField("the_ask"),
        APIField("call_to_action_label"),
        APIField("call_to_action_url"),
        APIField("body", serializer=StreamBodyField()),
        APIField("related_stories", serializer=PageLinkSerializer(many=True)),
        APIField("petitions"),
        APIField("letters"),
    ] + HeroImageMixin.hero_api_fields()

    parent_page_types = ["campaigns.CampaignIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")

    @classmethod
    def for_serving(cls, campaigns):
        """What the campaign's own page shows beyond its row, loaded with it (see ``HomePage.route``)."""
        return campaigns.select_related("hero_image").prefetch_related("audience_links")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        prefetch_page_renditions([self], "body")
        return context

    def clean(self):
        super().clean()
        if self.end_date and self.start_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end date cannot be before the start date.")})

    @property
    def audiences(self):
        return [{"slug": link.audience, "name": str(link.get_audience_display())} for link in self.audience_links.all()]

    @property
    def related_stories(self):
        """The public stories linked to the campaign, each in the campaign's language, in the links' order.

        A translation's links are synchronised from the source campaign and so name the source's
        stories; each is replaced by its translation in this campaign's locale, or left out.
        Stored links are read inside the stories' query; links held in memory (a preview) are listed.
        """
        links = self.related_story_links.all()
        story_model = CampaignRelatedStory._meta.get_field("story").related_model
        if isinstance(links, models.QuerySet):
            linked = story_model.objects.filter(pk__in=links.values("story_id"))
            first_link = links.filter(story__translation_key=OuterRef("translation_key")).order_by("sort_order", "pk")
            order = {"link_order": first_link.values("sort_order")[:1], "link_pk": first_link.values("pk")[:1]}
        else:
            story_ids = [link.story_id for link in links]
            if not story_ids:
                return []
            linked = story_model.objects.filter(pk__in=story_ids)
            position = Case(*(When(pk=pk, then=Value(index)) for index, pk in enumerate(story_ids)))
            first_link = linked.filter(translation_key=OuterRef("translation_key")).annotate(position=position)
            order = {"link_order": first_link.order_by("position").values("position")[:1]}
        stories = story_model.objects.filter(
            locale_id=self.locale_id, translation_key__in=linked.values("translation_key")
        )
        stories = stories.annotate(**{name: Subquery(query) for name, query in order.items()})
        return list(story_model.for_listing(public_pages(stories)).order_by(*order))


AUDIENCES = [
    ("third-party-governments", _("Third-party governments")),
    ("eu", _("European Union")),
    ("un", _("United Nations")),
    ("ngos", _("Human-rights organisations")),
    ("media", _("Media")),
    ("public", _("The public")),
]


class CampaignAudience(Orderable):
    page = ParentalKey(CampaignPage, related_name="audience_links", on_delete=models.CASCADE)
    audience = models.CharField(_("audience"), max_length=40, choices=AUDIENCES)

    panels = [FieldPanel("audience")]

    class Meta(Orderable.Meta):
        verbose_name = _("audience")
        unique_together = [("page", "audience")]


class CampaignRelatedStory(Orderable):
    page = ParentalKey(CampaignPage, related_name="related_story_links", on_delete=models.CASCADE)
    story = models.ForeignKey(
        "stories.StoryPage", verbose_name=_("story"), on_delete=models.CASCADE, related_name="campaign_links"
    )

    panels = [FieldPanel("story")]

    class Meta(Orderable.Meta):
        verbose_name = _("related story")
