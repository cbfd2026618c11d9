"""The subscribers in the Wagtail admin: a filtered listing, a CSV export and erasure on request.

Seeing them needs ``supporters.view_subscriber``, exporting ``supporters.export_subscriber``, erasing
``supporters.delete_subscriber`` (the "Supporter managers" role in roles/roles.py). Nobody adds or edits
a subscriber by hand: consent comes from the person, through the double opt-in.
"""

import django_filters
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button
from wagtail.permission_policies import ModelPermissionPolicy

from core.spreadsheet import csv_response

from .subscribers import Subscriber
from .topics import topic_choices

EXPORT_PERMISSION = "supporters.export_subscriber"


class SubscriberFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=gettext_lazy("Status"), choices=Subscriber.Status.choices)
    language = django_filters.ChoiceFilter(
        label=gettext_lazy("Language"), choices=Subscriber._meta.get_field("language").choices
    )
    topic = django_filters.ChoiceFilter(label=gettext_lazy("Topic"), choices=topic_choices, method="filter_topic")

    class Meta:
        model = Subscriber
        fields = []

    def filter_topic(self, queryset, name, value):
        # Topics are a JSON list of slugs; the quoted slug matches one whole element on every database.
        return queryset.filter(Q(topics__icontains=f'"{value}"')) if value else queryset


class SubscriberPermissionPolicy(ModelPermissionPolicy):
    """Nobody adds or edits a subscriber in the admin, superusers included: consent and choices come from
    the person (double opt-in, the preferences link)."""

    NEVER = {"add", "change"}

    def user_has_permission(self, user, action):
        return action not in self.NEVER and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission([action for action in actions if action not in self.NEVER])


class SubscriberIndexView(generic.IndexView):
    @cached_property
    def header_more_buttons(self):
        buttons = super().header_more_buttons
        if self.request.user.has_perm(EXPORT_PERMISSION):
            query = self.request.GET.urlencode()
            url = reverse("supporters_subscriber:export") + (f"?{query}" if query else "")
            buttons.append(Button(_("Download CSV"), url=url, icon_name="download", priority=90))
        return buttons


EXPORT_HEADER = [
    gettext_lazy("Email"),
    gettext_lazy("Name"),
    gettext_lazy("Language"),
    gettext_lazy("Topics"),
    gettext_lazy("Status"),
    gettext_lazy("Consent given at"),
    gettext_lazy("Confirmed at"),
]


def export_rows(queryset):
    for subscriber in queryset.order_by("pk").iterator():
        yield [
            subscriber.email,
            subscriber.name,
            subscriber.language,
            " ".join(subscriber.topics),
            subscriber.status,
            subscriber.consented_at.isoformat(),
            subscriber.confirmed_at.isoformat() if subscriber.confirmed_at else "",
        ]


def export_subscribers(request):
    """The subscribers the listing's filters select, as CSV (formula-safe cells: core.spreadsheet)."""
    if not request.user.has_perm(EXPORT_PERMISSION):
        raise PermissionDenied
    filters = SubscriberFilterSet(request.GET, queryset=Subscriber.objects.all(), request=request)
    queryset = filters.qs if filters.is_valid() else Subscriber.objects.none()
    filename = f"subscribers-{timezone.localdate().isoformat()}.csv"
    return csv_response(filename, [str(label) for label in EXPORT_HEADER], export_rows(queryset))


class SubscriberViewSet(ModelViewSet):
    model = Subscriber
    icon = "mail"
    menu_label = gettext_lazy("Mailing list")
    menu_order = 900
    add_to_admin_menu = True
    url_prefix = "supporters/subscribers"
    name = "supporters_subscriber"
    index_view_class = SubscriberIndexView
    filterset_class = SubscriberFilterSet
    list_display = ["email", "name", "language", "status", "consented_at", "confirmed_at"]
    search_fields = ["email", "name"]
    copy_view_enabled = False
    form_fields = ["name", "language", "topics"]

    @cached_property
    def permission_policy(self):
        return SubscriberPermissionPolicy(self.model)

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [path("export/", export_subscribers, name="export")]
