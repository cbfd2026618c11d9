"""Fixtures shared by the story tests: a logged-in superuser and a story live in every language."""

import pytest
from django.contrib.auth import get_user_model

from tests.factories import StoryPageFactory, publish_translation


@pytest.fixture
def admin(client):
    """A superuser, logged in through ``client``."""
    user = get_user_model().objects.create_superuser("staff", "staff@example.org", "pw")
    client.force_login(user)
    return user


@pytest.fixture
def story(site_structure):
    """A story live in Arabic, English and French."""
    arabic = StoryPageFactory(parent=site_structure["stories"]["ar"], title="هدم منزل في سلوان", slug="silwan")
    publish_translation(arabic, "en", title="A house demolished in Silwan", slug="silwan")
    publish_translation(arabic, "fr", title="Une maison démolie à Silwan", slug="silwan")
    return arabic
