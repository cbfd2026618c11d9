"""The OpenAPI 3.1 description of the headless API (served at /api/v2/schema/, shown at /api/v2/docs/).

``document.openapi_document()`` assembles it from one module per group of endpoints; the page
types' schemas are derived from their models' ``api_fields`` (``pages.py``, ``fields.py``,
``streams.py``), so a field the schema cannot describe fails the schema's tests.
"""
