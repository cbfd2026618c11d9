"""The translation status report (admin, under Reports) and the same data as JSON for staff."""

from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.views.reports import ReportView

from core.i18n import SOURCE_LANGUAGE

from .actions import actions_for
from .permissions import may_see_translation_status
from .status import STATE_LABELS, translation_status


class TranslationStatusReportView(ReportView):
    page_title = _("Translation status")
    header_icon = "site"
    results_template_name = "localization/status_report_results.html"
    index_url_name = "localization:status_report"
    index_results_url_name = "localization:status_report_results"
    paginate_by = 50

    def dispatch(self, request, *args, **kwargs):
        if not may_see_translation_status(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def status(self):
        return translation_status()

    def selected(self):
        """The language and state the list shows (GET ``locale`` and ``state``), None for all."""
        codes = {locale.language_code: locale for locale in self.status.locales}
        locale = codes.get(self.request.GET.get("locale"))
        state = self.request.GET.get("state")
        return locale, state if state in STATE_LABELS else None

    def get_queryset(self):
        locale, state = self.selected()
        return [
            entry
            for entry in self.status.entries
            if (locale is None or entry.locale == locale) and (state is None or entry.state == state)
        ]

    def decorate_paginated_queryset(self, entries):
        finder = AdminURLFinder(self.request.user)
        for entry in entries:
            entry.actions = actions_for(entry, self.request.user)
            entry.source_edit_url = finder.get_edit_url(entry.source)
        return entries

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        locale, state = self.selected()
        context["summary"] = [
            {
                "locale": summary_locale,
                "counts": [
                    {"state": name, "label": STATE_LABELS[name], "count": count}
                    for name, count in self.status.counts(summary_locale).items()
                ],
            }
            for summary_locale in self.status.locales
        ]
        context.update(
            selected_locale=locale,
            selected_state=state,
            report_url=reverse(self.index_url_name),
            source_language=SOURCE_LANGUAGE,
        )
        return context


def status_json(request):
    """``GET /admin/localization/status.json``: per target language, the counts and every entry with its links."""
    if not may_see_translation_status(request.user):
        raise PermissionDenied
    status = translation_status()
    finder = AdminURLFinder(request.user)
    return JsonResponse(
        {
            "locales": [
                {
                    "locale": locale.language_code,
                    "name": locale.get_display_name(),
                    "counts": status.counts(locale),
                    **{
                        state: [_entry_json(entry, request.user, finder) for entry in status.in_state(locale, state)]
                        for state in STATE_LABELS
                    },
                }
                for locale in status.locales
            ]
        },
        json_dumps_params={"ensure_ascii": False},
    )


def _entry_json(entry, user, finder):
    progress = entry.progress
    return {
        "kind": "page" if entry.is_page else "snippet",
        "type": entry.source._meta.label_lower,
        "source": {
            "id": entry.source.pk,
            "title": str(entry.source),
            "locale": SOURCE_LANGUAGE,
            "edit_url": finder.get_edit_url(entry.source),
        },
        "translation": None
        if entry.target is None
        else {"id": entry.target.pk, "title": str(entry.target), "live": getattr(entry.target, "live", True)},
        "progress": None if progress is None else {"translated": progress[0], "total": progress[1]},
        "actions": [
            {"name": action.name, "label": str(action.label), "url": action.url} for action in actions_for(entry, user)
        ],
    }
