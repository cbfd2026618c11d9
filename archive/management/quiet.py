import logging
from contextlib import contextmanager


@contextmanager
def quiet_wagtail_log(verbosity):
    """Wagtail logs a line per page created, edited or published; keep them for -v 2 and up."""
    wagtail_logger = logging.getLogger("wagtail")
    previous_level = wagtail_logger.level
    if verbosity < 2:
        wagtail_logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        wagtail_logger.setLevel(previous_level)
