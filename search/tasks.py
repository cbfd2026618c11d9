from django_tasks import task


@task()
def apply_index_updates(page_ids):
    """Push queued page changes to the search engine (runs after the content change commits)."""
    from search import sync

    return sync.apply(page_ids)
