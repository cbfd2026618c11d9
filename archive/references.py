"""What archive records name by key, looked up in the database: vocabulary terms and pages.

Records name vocabulary terms by slug (the same in every language) and pages by key; a page's text in
one language refers to the term or page of that same language.
"""

FIXED_PAGES = ("home", "about", "units", "campaigns", "stories")


def keyed_models():
    """The page models an archive record becomes, by record kind."""
    from campaigns.models import CampaignPage
    from home.models import UnitPage
    from stories.models import StoryPage

    return {"unit": UnitPage, "campaign": CampaignPage, "story": StoryPage}


class Vocabulary:
    """The taxonomy terms by (slug, language code), loaded once."""

    def __init__(self, neighbourhoods, violation_types):
        self.neighbourhoods = neighbourhoods
        self.violation_types = violation_types

    @classmethod
    def from_database(cls):
        from core.models import Neighbourhood, ViolationType

        def terms(model):
            return {(term.slug, term.locale.language_code): term for term in model.objects.select_related("locale")}

        return cls(terms(Neighbourhood), terms(ViolationType))


class KeyedPages:
    """The pages already in the database that carry an import key: their kind and languages."""

    def __init__(self, languages_by_key):
        self._pages = languages_by_key  # key → (kind, {language codes})

    @classmethod
    def from_database(cls):
        pages = {}
        for kind, model in keyed_models().items():
            rows = model.objects.exclude(import_key="").values_list("import_key", "locale__language_code")
            for key, code in rows:
                pages.setdefault(key, (kind, set()))[1].add(code)
        return cls(pages)

    def kind(self, key):
        return self._pages.get(key, (None,))[0]

    def languages(self, key):
        return self._pages.get(key, (None, set()))[1]


class PageFinder:
    """Primary keys of the pages that references name, in one language: fixed pages and keyed records."""

    def __init__(self, structure):
        self.structure = structure
        self._found = {}

    def page_id(self, reference, code):
        """The page's primary key, or None while it does not exist (yet) in that language."""
        if reference in FIXED_PAGES:
            return self.structure[reference][code].pk
        if self._found.get((reference, code)) is None:
            self._found[(reference, code)] = self._keyed_page_id(reference, code)
        return self._found[(reference, code)]

    def _keyed_page_id(self, reference, code):
        for model in keyed_models().values():
            pk = model.objects.filter(import_key=reference, locale__language_code=code).values_list("pk", flat=True)
            if pk:
                return pk[0]
        return None
