"""Staff accounts for the tests: a user in some groups, with the Wagtail admin in a chosen language."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.users.models import UserProfile


def staff_user(username, *, groups=(), superuser=False, language="en", password="pw", **fields):
    """An active user named ``username`` (email ``<username>@example.org``) in ``groups`` (group names),
    a superuser if asked, whose admin speaks ``language`` — English by default, so the labels and
    messages tests read are the same on every machine."""
    model = get_user_model()
    create = model.objects.create_superuser if superuser else model.objects.create_user
    user = create(username, f"{username}@example.org", password, **fields)
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user
