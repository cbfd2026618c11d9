from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import listing, po_upload, views
from .permissions import may_see_translation_status


@hooks.register("register_admin_urls")
def register_localization_urls():
    status_urls = [
        path("status/", views.TranslationStatusReportView.as_view(), name="status_report"),
        path(
            "status/results/",
            views.TranslationStatusReportView.as_view(results_only=True),
            name="status_report_results",
        ),
        path("status.json", views.status_json, name="status_json"),
    ]
    return [
        # wagtail-localize's upload address, resolved here first (this app comes before it in INSTALLED_APPS):
        # the file is checked whole before anything is imported.
        path(
            "localize/translate/<int:translation_id>/pofile/upload/",
            po_upload.upload_po_file,
            name="localization_upload_pofile",
        ),
        path("localization/", include((status_urls, "localization"), namespace="localization")),
    ]


class TranslationStatusMenuItem(MenuItem):
    def is_shown(self, request):
        return may_see_translation_status(request.user)


@hooks.register("register_reports_menu_item")
def register_translation_status_menu_item():
    return TranslationStatusMenuItem(
        _("Translation status"),
        reverse("localization:status_report"),
        name="translation-status",
        icon_name="site",
        order=650,
    )


@hooks.register("register_page_listing_buttons")
def translation_status_buttons(page, user, next_url=None):
    if may_see_translation_status(user):
        yield from listing.out_of_date_buttons(page, user)
