"""A translator's PO file comes in whole or not at all.

wagtail-localize's own upload imports the entries it recognises and skips the rest without a word:
a file made from an older version of the source, for another page, or edited by hand loses text
silently. This check refuses the whole file instead, naming each entry that does not match a
segment of the translation's current source (its ``msgctxt`` and ``msgid``), and imports nothing.
"""

import tempfile
from dataclasses import dataclass
from pathlib import Path

import polib
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail_localize.models import StringSegment
from wagtail_localize.strings import validate_translation_links

TRANSLATION_ID_HEADER = "X-WagtailLocalize-TranslationID"
PROBLEMS_SHOWN = 10


class POFileRefusedError(Exception):
    """The file cannot be imported; ``problems`` says why, one line each."""

    def __init__(self, problems):
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))

    @property
    def message(self):
        shown = self.problems[:PROBLEMS_SHOWN]
        hidden = len(self.problems) - len(shown)
        if hidden:
            shown.append(
                ngettext("… and %(count)d more problem.", "… and %(count)d more problems.", hidden) % {"count": hidden}
            )
        return " ".join([_("The PO file was not imported; nothing was changed.")] + shown)


@dataclass(frozen=True)
class CheckedPOFile:
    po: polib.POFile
    #: How many entries carry a translation.
    translated: int


def read_po_file(uploaded):
    """Parse an uploaded file. Through a file on disk: polib reads a string naming a file as that file."""
    if uploaded is None:
        raise POFileRefusedError([_("Choose a PO file to upload.")])
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "upload.po"
        path.write_bytes(uploaded.read())
        try:
            return polib.pofile(str(path), encoding="utf-8")
        except (OSError, UnicodeDecodeError, ValueError) as error:
            raise POFileRefusedError([_("This is not a valid PO file (%(error)s).") % {"error": error}]) from error


def check_po_file(po, translation):
    """The entries of ``po`` to import into ``translation``, or :class:`POFileRefusedError` listing every mismatch."""
    file_translation = po.metadata.get(TRANSLATION_ID_HEADER)
    if not file_translation:
        raise POFileRefusedError(
            [_("The file does not say which translation it belongs to; download this page's PO file and fill that in.")]
        )
    if file_translation != str(translation.uuid):
        raise POFileRefusedError(
            [_("The file was made for another translation; download this page's PO file and fill that in.")]
        )

    segments = StringSegment.objects.filter(source=translation.source).select_related("string", "context")
    texts_by_context = {}
    for segment in segments:
        texts_by_context.setdefault(segment.context.path, set()).add(segment.string.data)

    problems, seen = [], {}
    checked = polib.POFile(wrapwidth=po.wrapwidth)
    checked.metadata = dict(po.metadata)
    for number, entry in enumerate(po, start=1):
        if entry.obsolete:
            continue  # kept by wagtail-localize for reference only: strings no longer in the source
        where = _("entry %(number)d (%(context)s)") % {"number": number, "context": entry.msgctxt or "—"}
        if entry.msgctxt not in texts_by_context:
            problems.append(_("%(where)s: the source has no such segment.") % {"where": where})
            continue
        if entry.msgid not in texts_by_context[entry.msgctxt]:
            problems.append(
                _("%(where)s: the text is not the source's text there (did the source change since the download?)")
                % {"where": where}
            )
            continue
        if not entry.msgstr:
            continue
        key = (entry.msgctxt, entry.msgid)
        if seen.setdefault(key, entry.msgstr) != entry.msgstr:
            problems.append(_("%(where)s: translated twice, differently.") % {"where": where})
            continue
        try:
            validate_translation_links(entry.msgid, entry.msgstr)
        except ValueError:
            problems.append(_("%(where)s: the translation's links do not match the source's.") % {"where": where})
            continue
        checked.append(entry)
    if problems:
        raise POFileRefusedError(problems)
    return CheckedPOFile(po=checked, translated=len(checked))
