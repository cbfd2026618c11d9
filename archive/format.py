"""Reading an archive file and checking its shape against ``schema.json`` (no database involved).

Every problem becomes a :class:`Problem` that reads ``<record key or section>: <field path>: <what is
wrong>``; jsonschema's own messages are translated into that form so that the person fixing the file
reads the same kind of sentence whether the schema or a database check found the problem.
"""

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.utils.translation import gettext as _
from jsonschema import Draft202012Validator, FormatChecker

FORMAT_NAME = "munasara-archive"
CURRENT_VERSION = 2
SCHEMA_FILE = Path(__file__).resolve().with_name("schema.json")

#: Sections holding lists of records, in the order problems are reported.
LIST_SECTIONS = ("images", "units", "campaigns", "stories", "incidents")
SECTION_ORDER = ("top level", "format", "version", "images", "site_settings", "home", "about", "sections")
SECTION_ORDER += LIST_SECTIONS[1:]
VERSION_1_MEMBERS = {"stories", "incidents", "format", "version"}

BLANK_PATTERN = "\\S"
DATE_PATTERN = "^\\d{4}-\\d{2}-\\d{2}$"
SLUG_PATTERN = "^[-\\w]+$"

# When one field breaks several rules, the first of these is the one worth reading.
VALIDATOR_PRIORITY = ("type", "required", "additionalProperties", "const", "enum", "pattern", "format")


class ArchiveError(Exception):
    """The archive cannot be imported; ``errors`` lists every problem found, as text."""

    def __init__(self, errors):
        self.errors = [str(error) for error in errors]
        super().__init__("\n".join(self.errors))


@dataclass(frozen=True)
class Problem:
    label: str  # a record's key, ``stories[3]`` for a record without one, or a section name
    path: str  # the field inside it, e.g. ``translations.en.body[2].text``; empty for the whole section
    message: str
    order: tuple = (0, 0)

    def __str__(self):
        return f"{self.label}: {self.path}: {self.message}" if self.path else f"{self.label}: {self.message}"


def load_archive(path):
    """The parsed JSON of the file at ``path``; ArchiveError if it cannot be read or parsed."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ArchiveError([_("%(path)s: cannot read the file: %(error)s") % {"path": path, "error": error}]) from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise ArchiveError([_("%(path)s: not valid JSON: %(error)s") % {"path": path, "error": error}]) from None


def archive_version(data):
    """The format version the file declares (1 when it declares none)."""
    return data.get("version", 1) if isinstance(data, dict) else 1


def top_level_problems(data):
    """Problems that make the rest of the file unreadable: not an object, or a version 1 file without stories."""
    version_1_shape = _('expected an object with a "stories" list (and an optional "incidents" list)')
    if not isinstance(data, dict):
        return [Problem("top level", "", version_1_shape)]
    if archive_version(data) != 1:
        return []
    if not isinstance(data.get("stories"), list):
        return [Problem("top level", "", version_1_shape)]
    return [
        Problem(name, "", _('only in version 2 archives (add "version": 2)'), _order(name))
        for name in data
        if name not in VERSION_1_MEMBERS
    ]


@cache
def schema():
    return json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))


@cache
def _validator():
    return Draft202012Validator(schema(), format_checker=FormatChecker(formats=["date"]))


def schema_problems(data):
    """``(problems, error_paths)``: what the schema finds, one problem per field, and where (as path tuples)."""
    best = {}
    for error in _validator().iter_errors(data):
        for parts, message in _translate(error):
            problem = locate(data, parts, message, position=_document_position(data, parts))
            rank = _rank(error.validator)
            spot = (problem.label, problem.path)
            if spot not in best or rank < best[spot][0]:
                best[spot] = (rank, problem, tuple(parts))
    problems = [problem for _rank_, problem, _parts in best.values()]
    return problems, {parts for _rank_, _problem, parts in best.values()}


def locate(data, parts, message, *, position=None):
    """A Problem for the value at ``parts`` (a JSON path as a list) in the archive ``data``.

    Problems sort by section and record; within a record, those with a ``position`` (the schema's, in the
    order of the file) come before the others (in the order they were found).
    """
    rank = (0, position) if position is not None else (1, ())
    if not parts:
        return Problem("top level", "", message)
    section, rest = parts[0], list(parts[1:])
    if section in LIST_SECTIONS and rest and isinstance(rest[0], int):
        index = rest.pop(0)
        label = record_label(data, section, index)
        return Problem(label, field_path(rest) or "record", message, (*_order(section, index), *rank))
    return Problem(str(section), field_path(rest), message, (*_order(section), *rank))


def _document_position(data, parts):
    """Where ``parts`` is in the file, as a tuple that sorts in reading order (a missing member goes last)."""
    position, value = [], data
    for part in parts:
        if isinstance(value, dict):
            names = list(value)
            position.append(names.index(part) if part in value else len(names))
        elif isinstance(value, list) and isinstance(part, int):
            position.append(part)
        else:
            break
        value = value[part] if part in value or isinstance(value, list) else None
    return tuple(position)


def record_label(data, section, index):
    """How problems name a record: its key, or ``section[index]`` when it has none."""
    record = data[section][index]
    key = record.get("key") if isinstance(record, dict) else None
    if isinstance(key, str) and key.strip():
        return key.strip()
    return f"{section}[{index}]"


def field_path(parts):
    """``["translations", "en", "body", 2]`` → ``translations.en.body[2]``."""
    text = ""
    for part in parts:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def sort_problems(problems):
    return sorted(problems, key=lambda problem: problem.order)


def _order(section, index=0):
    rank = SECTION_ORDER.index(section) if section in SECTION_ORDER else len(SECTION_ORDER)
    return (rank, index)


def _rank(validator):
    return VALIDATOR_PRIORITY.index(validator) if validator in VALIDATOR_PRIORITY else len(VALIDATOR_PRIORITY)


def _translate(error):
    """``[(path parts, message)]`` for one jsonschema error."""
    parts = list(error.absolute_path)
    instance = error.instance
    if error.validator == "required":
        missing = [name for name in error.validator_value if isinstance(instance, dict) and name not in instance]
        return [(parts + [name], _("missing")) for name in missing]
    if error.validator == "additionalProperties":
        allowed = list(error.schema.get("properties", {}))
        unknown = [name for name in instance if name not in allowed]
        if not parts:
            return [([name], _("not a section of the archive format")) for name in unknown]
        message = _("unknown field (expected one of %(fields)s)") % {"fields": ", ".join(allowed)}
        return [(parts + [name], message) for name in unknown]
    return [(parts, _message(error))]


def _message(error):
    validator, expected, value = error.validator, error.validator_value, error.instance
    if validator == "type":
        return _type_message(expected, value)
    if validator == "pattern":
        if expected == BLANK_PATTERN:
            return _("missing")
        if expected == DATE_PATTERN:
            return _("%(value)s is not a date in the form YYYY-MM-DD") % {"value": show(value)}
        if expected == SLUG_PATTERN:
            return _("%(value)s is not a slug (letters, digits and hyphens only)") % {"value": show(value)}
    if validator == "format" and expected == "date":
        return _("%(value)s is not a real date") % {"value": show(value)}
    if validator == "enum":
        choices = ", ".join(str(choice) for choice in expected if choice not in ("", None))
        return _("%(value)s is not one of %(choices)s") % {"value": show(value), "choices": choices}
    if validator == "const":
        return _("must be %(expected)s, not %(value)s") % {"expected": show(expected), "value": show(value)}
    if validator == "maxLength":
        return _("longer than %(max)d characters (%(length)d)") % {"max": expected, "length": len(value)}
    if validator == "minItems":
        return _("must not be empty")
    if validator == "minimum":
        return _("%(value)s is less than %(minimum)s") % {"value": show(value), "minimum": expected}
    if validator == "maximum":
        return _("%(value)s is more than %(maximum)s") % {"value": show(value), "maximum": expected}
    if validator == "uniqueItems":
        seen, repeated = [], None
        for item in value:
            if item in seen:
                repeated = item
                break
            seen.append(item)
        return _("lists %(value)s more than once") % {"value": show(repeated)}
    return error.message


def _type_message(expected, value):
    expected = [expected] if isinstance(expected, str) else list(expected)
    names = {
        "object": _("an object"),
        "array": _("a list"),
        "string": _("text"),
        "integer": _("a whole number"),
        "number": _("a number"),
        "boolean": _("true or false"),
        "null": "null",
    }
    wanted = _(" or ").join(names[name] for name in expected)
    if {"object", "array"} & set(expected):
        return _("expected %(expected)s, not %(actual)s") % {"expected": wanted, "actual": json_type(value)}
    return _("must be %(expected)s, not %(actual)s") % {"expected": wanted, "actual": json_type(value)}


def json_type(value):
    """The JSON type of ``value`` as a reader would say it."""
    if value is None:
        return "null"
    return {
        bool: _("true/false"),
        int: _("a number"),
        float: _("a number"),
        str: _("text"),
        list: _("a list"),
        dict: _("an object"),
    }.get(type(value), type(value).__name__)


def show(value):
    """A value as it appears in a message: strings quoted, the rest as JSON."""
    return repr(value) if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
