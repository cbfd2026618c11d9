from django import template
from django.core.cache import caches
from django.utils.translation import get_language

from caching import outbox
from caching.keys import current_tokens

register = template.Library()


@register.simple_tag
def layout_generation():
    """The current layout token of the active language, for ``{% cache %}`` keys of navigation and footer.

    No check of pending purges here (that costs a query): navigation and footer show sections and the
    organisation's details, never a story, and a pending layout purge renews this token when applied.
    """
    return current_tokens(caches[outbox.CACHE_ALIAS], [f"layout:{get_language()}"])[0]
