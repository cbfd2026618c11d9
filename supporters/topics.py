"""What a subscriber can choose to hear about. Slugs are stored; labels are translated."""

from django.utils.translation import gettext_lazy as _

TOPICS = {
    "campaigns": _("Campaigns and actions"),
    "stories": _("New testimonies"),
    "reports": _("Reports and news"),
}


def topic_choices():
    return list(TOPICS.items())
