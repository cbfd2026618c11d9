"""Search backends: Wagtail's, extended for Arabic and for the public index."""
