"""Form data and URLs for driving the page editor as a logged-in user."""

from django.urls import reverse


def story_form(title, slug, action=None):
    """What the story editor posts for a story with no violation types and an empty body."""
    data = {
        "title": title,
        "slug": slug,
        "date": "2023-04-02",
        "summary": "ملخص القصة",
        "body-count": "0",
        "violation_type_links-TOTAL_FORMS": "0",
        "violation_type_links-INITIAL_FORMS": "0",
        "violation_type_links-MIN_NUM_FORMS": "0",
        "violation_type_links-MAX_NUM_FORMS": "1000",
    }
    if action:
        data[action] = "1"
    return data


def add_story_url(index):
    return reverse("wagtailadmin_pages:add", args=("stories", "storypage", index.pk))


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


def workflow_action_url(page, action="approve"):
    task_state = page.current_workflow_task_state
    return reverse("wagtailadmin_pages:workflow_action", args=(page.pk, action, task_state.pk))


def refused(response):
    """Whether the admin refused the request: 403, or Wagtail's redirect home with "you do not have permission".

    Wagtail says so in the language active when the check fails, which is not always the user's.
    """
    if response.status_code == 403:
        return True
    if response.status_code != 302 or response.url != reverse("wagtailadmin_home"):
        return False
    from django.conf import settings
    from django.contrib.messages import get_messages
    from django.utils import translation

    denied = set()
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            denied.add(translation.gettext("Sorry, you do not have permission to access this area."))
    return any(str(message).strip() in denied for message in get_messages(response.wsgi_request))
