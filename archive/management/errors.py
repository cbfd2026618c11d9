from django.core.management.base import CommandError


def archive_command_error(heading, error):
    """A CommandError listing every problem of an ArchiveError under ``heading``, one per line."""
    return CommandError(heading + "\n" + "\n".join(f"  {message}" for message in error.errors))
