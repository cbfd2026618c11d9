from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core import memo
from core.api_body import StreamBodyField
from core.blocks import ContentStreamBlock
from core.headless_preview import HeadlessPreviewable
from core.models import PAGE_TRANSLATABLE_FIELDS, HeroImageMixin, ImportKeyMixin, SectionIndexPage
from core.renditions import prefetch_page_renditions
from core.visibility import ViewRestrictionsInOneQuery, public_pages, restriction_check_needed

from .organisation import OrganisationDetails  # noqa: F401 (a model of this app, in its own module)


class HomePage(ViewRestrictionsInOneQuery, HeadlessPreviewable, HeroImageMixin, Page):
    introduction = models.TextField(_("introduction"), blank=True)
    body = StreamField(ContentStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        HeroImageMixin.hero_panel(),
        FieldPanel("body"),
    ]
    translatable_fields = (
        PAGE_TRANSLATABLE_FIELDS
        + HeroImageMixin.hero_translatable_fields
        + [TranslatableField("introduction"), TranslatableField("body")]
    )
    search_fields = Page.search_fields + [index.SearchField("introduction"), index.SearchField("body")]
    api_fields = [
        APIField("introduction"),
        APIField("body", serializer=StreamBodyField()),
    ] + HeroImageMixin.hero_api_fields()

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.AboutPage",
        "home.UnitIndexPage",
        "campaigns.CampaignIndexPage",
        "stories.StoryIndexPage",
        "monitoring.ReportIndexPage",
        "monitoring.StatisticsPage",
        "supporters.MailingListPage",
        "supporters.PrivacyPage",
    ]

    class Meta:
        verbose_name = _("home page")

    def route(self, request, path_components):
        """The page a path names below this home page, found in two queries however deep it lies.

        Wagtail's own routing reads each page on the way, two queries a level. A page's
        ``url_path`` is the slugs on that way, so one query finds the deepest page the path
        names; routing then goes on from that page as Wagtail's would (a story answers 410
        when withdrawn, any remaining component is looked up below it). The page is loaded
        with what its own template shows when its model says what that is (``for_serving``).
        """
        if not path_components:
            return super().route(request, path_components)
        url_paths = [
            self.url_path + "/".join(path_components[:count]) + "/" for count in range(1, len(path_components) + 1)
        ]
        found = memo.remember(
            "route",
            (self.pk, url_paths[-1]),
            lambda: self._deepest_page_named(path_components, url_paths),
            paths=[request.path] if request is not None else (),
        )
        if found is None:
            raise Http404
        pk, depth, model, check_needed = found
        pages = Page.objects.filter(pk=pk) if model is None else model.objects.filter(pk=pk)
        if hasattr(model, "for_serving"):
            pages = model.for_serving(pages)
        page = pages.first()
        if page is None:  # deleted since the route was remembered under a longer path than its own
            raise Http404
        # Wagtail asks the page for its view restrictions before serving it: spare it the query.
        page.restriction_check_needed = check_needed
        return page.route(request, path_components[depth - self.depth :])

    def _deepest_page_named(self, path_components, url_paths):
        """``(pk, depth, model, restriction check needed)`` of the deepest page the path names, or None.

        Remembered under the request's path (core.memo): a publication, move, slug change or view
        restriction of that page renews it. The page itself is loaded fresh on every request, so it is
        its own ``route`` that answers 404 or 410 when it is no longer live or its consent is gone.
        """
        found = (
            Page.objects.filter(slug__in=path_components, url_path__in=url_paths, path__startswith=self.path)
            .annotate(restriction_check_needed=restriction_check_needed())
            .order_by("-depth")
            .first()
        )
        if found is None:
            return None
        return found.pk, found.depth, found.specific_class, found.restriction_check_needed

    def get_context(self, request, *args, **kwargs):
        from campaigns.models import CampaignPage
        from stories.models import StoryPage

        context = super().get_context(request, *args, **kwargs)
        context["latest_stories"] = StoryPage.for_listing(public_pages(StoryPage.objects.descendant_of(self))).order_by(
            "-date", "-pk"
        )[:3]
        context["active_campaigns"] = public_pages(
            CampaignPage.objects.descendant_of(self).filter(status="active")
        ).order_by("-start_date")[:3]
        prefetch_page_renditions([self], "body")
        return context


class AboutPage(ViewRestrictionsInOneQuery, HeadlessPreviewable, Page):
    """The Community Action Center: who we are."""

    introduction = models.TextField(_("introduction"), blank=True)
    body = StreamField(ContentStreamBlock(), verbose_name=_("body"), blank=True)
    founded_year = models.PositiveIntegerField(_("founded in"), null=True, blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction"), FieldPanel("founded_year"), FieldPanel("body")]
    translatable_fields = PAGE_TRANSLATABLE_FIELDS + [
        TranslatableField("introduction"),
        TranslatableField("body"),
        SynchronizedField("founded_year", overridable=False),
    ]
    search_fields = Page.search_fields + [index.SearchField("introduction"), index.SearchField("body")]
    api_fields = [APIField("introduction"), APIField("founded_year"), APIField("body", serializer=StreamBodyField())]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("about page")


class UnitIndexPage(ViewRestrictionsInOneQuery, SectionIndexPage):
    subpage_types = ["home.UnitPage"]

    class Meta:
        verbose_name = _("unit index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["units"] = public_pages(self.get_children()).specific()
        return context


class UnitPage(ViewRestrictionsInOneQuery, HeadlessPreviewable, ImportKeyMixin, Page):
    """One of the Center's units: why it exists, what it aims for and how it works."""

    summary = models.TextField(_("summary"), blank=True)
    mission = models.TextField(_("mission"), blank=True)
    founded_reason = StreamField(ContentStreamBlock(), verbose_name=_("why the unit was founded"), blank=True)
    goals = StreamField(ContentStreamBlock(), verbose_name=_("goals"), blank=True)
    how_we_work = StreamField(ContentStreamBlock(), verbose_name=_("how we work"), blank=True)
    founded_year = models.PositiveIntegerField(_("founded in"), null=True, blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("mission"),
        FieldPanel("founded_year"),
        FieldPanel("founded_reason"),
        FieldPanel("goals"),
        FieldPanel("how_we_work"),
    ]
    translatable_fields = (
        PAGE_TRANSLATABLE_FIELDS
        + [
            TranslatableField("summary"),
            TranslatableField("mission"),
            TranslatableField("founded_reason"),
            TranslatableField("goals"),
            TranslatableField("how_we_work"),
            SynchronizedField("founded_year", overridable=False),
        ]
        + ImportKeyMixin.import_key_translatable_fields
    )
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("mission"),
        index.SearchField("founded_reason"),
        index.SearchField("goals"),
        index.SearchField("how_we_work"),
    ]
    api_fields = [
        APIField("summary"),
        APIField("mission"),
        APIField("founded_year"),
        APIField("founded_reason", serializer=StreamBodyField()),
        APIField("goals", serializer=StreamBodyField()),
        APIField("how_we_work", serializer=StreamBodyField()),
    ]

    parent_page_types = ["home.UnitIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("unit page")


@register_setting(icon="site")
class SiteSettings(BaseGenericSetting):
    """What the site says about the organisation in every language alike; its texts are OrganisationDetails."""

    contact_email = models.EmailField(_("contact email"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    facebook_url = models.URLField(_("Facebook"), blank=True)
    x_url = models.URLField(_("X (Twitter)"), blank=True)

    panels = [
        HelpPanel(
            _(
                "The organisation's name, description and address are written in each language under "
                "Settings → Organisation details."
            )
        ),
        MultiFieldPanel([FieldPanel("contact_email"), FieldPanel("phone")], heading=_("Contact")),
        MultiFieldPanel([FieldPanel("facebook_url"), FieldPanel("x_url")], heading=_("Social media")),
    ]

    class Meta:
        verbose_name = _("site settings")
