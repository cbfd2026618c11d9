"""Checking incident records from a file: the rules the CSV import and the archive share.

A record comes in as a dict of field values (text from a CSV cell, or JSON values from an archive).
:func:`check_record` turns it into an :class:`IncidentRecord` and a list of ``(field, message)``
problems. Callers check every record first and write (``importing.write_records``) only when none
has a problem.
"""

import datetime
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from core.i18n import SOURCE_LANGUAGE, language_codes
from core.models import Neighbourhood, ViolationType

from .incidents import DESCRIPTION_MAX_LENGTH, REFERENCE_MAX_LENGTH, Incident, SourceType

KEY_MAX_LENGTH = Incident._meta.get_field("key").max_length
COUNT_FIELDS = ("people_affected", "children_affected", "women_affected")
MAX_COUNT = 2_147_483_647
DATE_PATTERN = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass
class IncidentRecord:
    key: str
    line: int = 0  # where the record is in its file, for messages
    date: datetime.date | None = None
    date_end: datetime.date | None = None
    violation_type: str = ""
    neighbourhood: str = ""
    latitude: Decimal | None = None
    longitude: Decimal | None = None
    people_affected: int = 0
    children_affected: int = 0
    women_affected: int = 0
    descriptions: dict = field(default_factory=dict)  # language code -> text
    legal_analyses: dict = field(default_factory=dict)
    # None: the file says nothing about them, leave them as they are.
    public_sources: list | None = None  # [(source_type, reference)]
    confidential_sources: list | None = None


class Vocabulary:
    """The source-language violation types and neighbourhoods by slug, read once per import."""

    def __init__(self):
        self.violation_types = dict(
            ViolationType.objects.filter(locale__language_code=SOURCE_LANGUAGE).values_list("slug", "pk")
        )
        self.neighbourhoods = dict(
            Neighbourhood.objects.filter(locale__language_code=SOURCE_LANGUAGE).values_list("slug", "pk")
        )


def source_type_from_text(text):
    """``"field visit"``, ``"Field-Visit"`` or ``"field-visit"`` → ``"field-visit"``; None if unknown."""
    slug = "-".join(str(text).strip().lower().replace("_", " ").split())
    return slug if slug in SourceType.values else None


def parse_sources(text):
    """``"field-visit: ref 12; media report: https://…"`` → ``([(type, reference)], [problems])``."""
    sources, problems = [], []
    for entry in str(text).split(";"):
        entry = entry.strip()
        if not entry:
            continue
        kind, _sep, reference = entry.partition(":")
        source_type = source_type_from_text(kind)
        if source_type is None:
            problems.append(_unknown_source_type(kind.strip()))
            continue
        reference = reference.strip()
        if len(reference) > REFERENCE_MAX_LENGTH:
            problems.append(
                _("a source reference is longer than %(max)d characters (%(length)d)")
                % {"max": REFERENCE_MAX_LENGTH, "length": len(reference)}
            )
            continue
        sources.append((source_type, reference))
    return sources, problems


def _blank(value):
    return value is None or (isinstance(value, str) and not value.strip())


def _date(value, name, problems):
    if _blank(value):
        return None
    text = str(value).strip()
    if DATE_PATTERN.fullmatch(text):
        try:
            return datetime.date.fromisoformat(text)
        except ValueError:
            pass
    problems.append((name, _("%(value)s is not a date in the form YYYY-MM-DD") % {"value": repr(value)}))
    return None


def _count(value, name, problems):
    if _blank(value):
        return 0
    if isinstance(value, bool) or not isinstance(value, int | str):
        problems.append((name, _("%(value)s is not a whole number") % {"value": repr(value)}))
        return 0
    text = str(value).strip()
    try:
        number = int(text)
    except ValueError:
        problems.append((name, _("%(value)s is not a whole number") % {"value": repr(value)}))
        return 0
    if number < 0:
        problems.append((name, _("%(value)s is negative; counts start at 0") % {"value": number}))
        return 0
    if number > MAX_COUNT:
        problems.append((name, _("%(value)s is too large") % {"value": number}))
        return 0
    return number


def _coordinate(value, name, limit, problems):
    if _blank(value):
        return None
    try:
        number = Decimal(str(value).strip())
    except InvalidOperation:
        problems.append((name, _("%(value)s is not a number") % {"value": repr(value)}))
        return None
    if not number.is_finite() or abs(number) > limit:
        problems.append(
            (name, _("%(value)s is not between -%(limit)d and %(limit)d") % {"value": value, "limit": limit})
        )
        return None
    return number.quantize(Decimal("0.000001"))


def _text(value, name, problems, *, required=False, max_length=DESCRIPTION_MAX_LENGTH):
    if _blank(value):
        if required:
            problems.append((name, _("missing")))
        return ""
    if not isinstance(value, str):
        problems.append((name, _("must be text")))
        return ""
    text = value.strip()
    if len(text) > max_length:
        problems.append(
            (name, _("longer than %(max)d characters (%(length)d)") % {"max": max_length, "length": len(text)})
        )
    return text


def check_record(values, vocabulary):
    """``(IncidentRecord, [(field, message)])`` for one record given as ``{field: value}``.

    Fields: key, date, date_end, violation_type, neighbourhood, latitude, longitude, the counts,
    ``description_<lang>``, ``legal_analysis_<lang>``, ``sources``, ``confidential_sources`` (absent: unchanged).
    """
    problems = []
    key = _text(values.get("key"), "key", problems, required=True, max_length=KEY_MAX_LENGTH)
    if key and not all(char.isalnum() or char in "-_" for char in key):
        problems.append(("key", _("%(value)s is not a slug (letters, digits and hyphens only)") % {"value": repr(key)}))
    record = IncidentRecord(key=key)
    record.date = _date(values.get("date"), "date", problems)
    if record.date is None and not any(name == "date" for name, _message in problems):
        problems.append(("date", _("missing")))
    record.date_end = _date(values.get("date_end"), "date_end", problems)
    if record.date and record.date_end and record.date_end < record.date:
        problems.append(
            ("date_end", _("%(end)s is before the date %(start)s") % {"end": record.date_end, "start": record.date})
        )
    for name, known in (("violation_type", vocabulary.violation_types), ("neighbourhood", vocabulary.neighbourhoods)):
        slug = _text(values.get(name), name, problems, required=True, max_length=80)
        if slug and slug not in known:
            problems.append((name, _("unknown slug %(value)s") % {"value": repr(slug)}))
        setattr(record, name, slug)
    record.latitude = _coordinate(values.get("latitude"), "latitude", 90, problems)
    record.longitude = _coordinate(values.get("longitude"), "longitude", 180, problems)
    if (record.latitude is None) != (record.longitude is None) and not problems:
        problems.append(
            ("longitude" if record.longitude is None else "latitude", _("give both coordinates or neither"))
        )
    for name in COUNT_FIELDS:
        setattr(record, name, _count(values.get(name), name, problems))
    for name in ("children_affected", "women_affected"):
        if getattr(record, name) > record.people_affected:
            problems.append(
                (
                    name,
                    _("%(part)d is more than the %(people)d people affected")
                    % {"part": getattr(record, name), "people": record.people_affected},
                )
            )
    for code in language_codes():
        description_field, analysis_field = f"description_{code}", f"legal_analysis_{code}"
        required = code == SOURCE_LANGUAGE
        record.descriptions[code] = _text(values.get(description_field), description_field, problems, required=required)
        record.legal_analyses[code] = _text(values.get(analysis_field), analysis_field, problems)
    for name, attribute in (("sources", "public_sources"), ("confidential_sources", "confidential_sources")):
        if name not in values:
            continue
        sources, source_problems = parse_sources(values[name] or "")
        problems.extend((name, message) for message in source_problems)
        setattr(record, attribute, sources)
    return record, problems


ARCHIVE_SCALAR_FIELDS = ("key", "date", "date_end", "violation_type", "neighbourhood", "latitude", "longitude")


def check_archive_record(record, vocabulary):
    """``(IncidentRecord, [(field path, message)])`` for one ``incidents[]`` record of an archive (archive/README.md).

    The archive names its sources either as ``source`` (a source type, as the unit's exports write it:
    ``"field visit"``) or as ``sources``: ``[{"type", "reference", "confidential"}]``.
    """
    values = {name: record.get(name) for name in ARCHIVE_SCALAR_FIELDS + COUNT_FIELDS}
    for code in language_codes():
        for name in (f"description_{code}", f"legal_analysis_{code}"):
            values[name] = record.get(name)
    incident, problems = check_record(values, vocabulary)
    public, confidential = [], []
    if record.get("source") is not None:
        source_type = source_type_from_text(record["source"])
        if source_type is None:
            problems.append(("source", _unknown_source_type(record["source"])))
        else:
            public.append((source_type, ""))
    for position, source in enumerate(record.get("sources") or []):
        if not isinstance(source, dict):
            continue  # the schema reports it
        source_type = source_type_from_text(source.get("type", ""))
        if source_type is None:
            problems.append((f"sources[{position}].type", _unknown_source_type(source.get("type"))))
            continue
        reference = _text(
            source.get("reference"), f"sources[{position}].reference", problems, max_length=REFERENCE_MAX_LENGTH
        )
        (confidential if source.get("confidential") else public).append((source_type, reference))
    incident.public_sources, incident.confidential_sources = public, confidential
    return incident, problems


def _unknown_source_type(value):
    return _("%(value)s is not a source type (expected one of %(choices)s)") % {
        "value": repr(value),
        "choices": ", ".join(SourceType.values),
    }
