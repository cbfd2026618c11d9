"""Page-level permission policy for stories: nobody can publish a story its consent does not allow.

Wagtail asks ``can_publish()`` before showing publish buttons and actions, before publishing the
descendants in a bulk publish, and in wagtail-localize's translation editor; answering no there
keeps every such route from reaching ``StoryPage.save``'s last-line refusal.
"""

from wagtail.models import PagePermissionTester


class StoryPermissionTester(PagePermissionTester):
    def can_publish(self):
        from . import services

        return super().can_publish() and services.may_publish(self.page)

    # Wagtail derives these from can_publish; they are about the user's role, not about consent.
    def can_set_view_restrictions(self):
        return super().can_publish()

    def can_unschedule(self):
        return super().can_publish()
