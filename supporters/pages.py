"""The supporters' public pages: the mailing list page (the sign-up form at length) and the privacy page."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import TranslatableField

from core.blocks import ContentStreamBlock
from core.headless_preview import HeadlessPreviewable
from core.models import PAGE_TRANSLATABLE_FIELDS
from core.visibility import ViewRestrictionsInOneQuery


class MailingListPage(ViewRestrictionsInOneQuery, HeadlessPreviewable, Page):
    """A page with the sign-up form at length (the footer has a short one on every page)."""

    introduction = models.TextField(_("introduction"), blank=True)
    body = StreamField(ContentStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction"), FieldPanel("body")]
    translatable_fields = PAGE_TRANSLATABLE_FIELDS + [TranslatableField("introduction"), TranslatableField("body")]
    search_fields = Page.search_fields + [index.SearchField("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "supporters/mailing_list_page.html"

    class Meta:
        verbose_name = _("mailing list page")

    def get_context(self, request, *args, **kwargs):
        from .forms import SignUpForm

        context = super().get_context(request, *args, **kwargs)
        context.setdefault("sign_up_form", SignUpForm(language=self.locale.language_code))
        context["privacy_page"] = PrivacyPage.objects.live().public().filter(locale_id=self.locale_id).first()
        return context

    def serve(self, request, *args, **kwargs):
        # The full form posts back here, with Django's CSRF token (this page is never cached: it sets the cookie).
        if request.method == "POST":
            from .views import handle_sign_up

            return handle_sign_up(request, template=self.get_template(request), context=self.get_context(request))
        return super().serve(request, *args, **kwargs)


class PrivacyPage(ViewRestrictionsInOneQuery, HeadlessPreviewable, Page):
    """What the site keeps about supporters, why and for how long (created by supporters.privacy)."""

    introduction = models.TextField(_("introduction"), blank=True)
    body = StreamField(ContentStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction"), FieldPanel("body")]
    translatable_fields = PAGE_TRANSLATABLE_FIELDS + [TranslatableField("introduction"), TranslatableField("body")]
    search_fields = Page.search_fields + [index.SearchField("introduction"), index.SearchField("body")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "supporters/privacy_page.html"

    class Meta:
        verbose_name = _("privacy page")
