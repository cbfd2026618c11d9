import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.users.models import UserProfile

from roles import roles


def make_member(role, username):
    """An active staff user in ``role``'s group, with an email address and the admin in English."""
    user = get_user_model().objects.create_user(username, f"{username}@example.org", "pw")
    user.groups.add(Group.objects.get(name=role))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


@pytest.fixture
def editor(site_structure):
    return make_member(roles.EDITORS, "editor")


@pytest.fixture
def legal_reviewer(site_structure):
    return make_member(roles.LEGAL_REVIEWERS, "legal")


@pytest.fixture
def publisher(site_structure):
    return make_member(roles.PUBLISHERS, "publisher")


@pytest.fixture
def translator(site_structure):
    return make_member(roles.TRANSLATORS, "translator")


@pytest.fixture
def documentation_officer(site_structure):
    return make_member(roles.DOCUMENTATION_OFFICERS, "documentation")
