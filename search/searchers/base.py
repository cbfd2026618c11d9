"""The interface every public-search backend implements, and the values that cross it.

A searcher answers three questions for one validated request
(:class:`SearchParams`, built by ``search.forms``): which pages match, one page
of them (:meth:`Searcher.search`); how many match per facet value
(:meth:`Searcher.facets`); which titles complete a prefix
(:meth:`Searcher.suggest`). It returns plain values; ``search.query`` turns them
into the public answer (labels, escaped highlights, absolute URLs), so the two
backends cannot drift apart in what the reader sees.
"""

import datetime
from abc import ABC, abstractmethod
from dataclasses import dataclass, field

FACETS = ("type", "violation_type", "neighbourhood", "year")
SNIPPET_LENGTH = 200
# Private-use characters around each matched word in a highlight: they survive escaping, then become <mark>.
MARK_START, MARK_END = "\ue000", "\ue001"


def unmarked(text):
    """``text`` without the highlight marks, for text that is shown as it is (a summary, say)."""
    return (text or "").replace(MARK_START, "").replace(MARK_END, "")


@dataclass
class SearchParams:
    """A validated search request (``search.forms.SearchForm.params()``)."""

    q: str
    locale: str
    page: int
    page_size: int
    filters: dict = field(default_factory=dict)  # facet name -> list of values, only the active ones
    # The reader typed something with no word in it (only quotes, or diacritics): nothing can match.
    matches_nothing: bool = False

    @property
    def offset(self):
        return (self.page - 1) * self.page_size


@dataclass
class Hit:
    id: int
    type: str
    title: str
    url: str | None
    locale: str
    date: datetime.date | str | None
    summary: str
    highlight: str  # Plain text, matched words between MARK_START and MARK_END.


@dataclass
class Matches:
    count: int
    hits: list


@dataclass
class Suggestion:
    id: int
    type: str
    title: str
    url: str | None


class Searcher(ABC):
    """One backend of the public search. Results are public pages of ``params.locale`` only."""

    @abstractmethod
    def search(self, params):
        """:class:`Matches`: the number of matching pages and the hits of the requested page, best first."""

    @abstractmethod
    def facets(self, params):
        """``{facet: {value: count}}`` for each of :data:`FACETS`; each facet ignores its own filter.

        Values are strings (years too), counts of the pages matching the query and the other filters.
        """

    @abstractmethod
    def count(self, params):
        """How many pages match ``params`` (its query and filters), and nothing else."""

    @abstractmethod
    def did_you_mean(self, params):
        """A spelling of ``params.q`` that finds pages in ``params.locale``, or None (asked when nothing matched)."""

    @abstractmethod
    def suggest(self, q, locale, limit):
        """Up to ``limit`` :class:`Suggestion` whose title completes ``q`` (non-empty), best first."""
