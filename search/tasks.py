from django_tasks import task

from search import indexer


@task()
def apply_index_updates(page_ids):
    """Push queued page changes to the search engine (runs after the content change commits)."""
    return indexer.apply(page_ids)


@task()
def apply_incident_index_updates(incident_ids):
    """Push queued incident changes to the search engine (runs after the change commits)."""
    return indexer.apply_incidents(incident_ids)
