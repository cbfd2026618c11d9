"""What an import did, counted per page type, as the lines ``import_archive`` prints."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import ngettext


@dataclass
class PageCounts:
    created: int = 0
    updated: int = 0
    published: int = 0
    drafts: int = 0
    taken_offline: int = 0

    @property
    def total(self):
        return self.created + self.updated

    def count(self, *, created, published):
        if created:
            self.created += 1
        else:
            self.updated += 1
        if published:
            self.published += 1
        else:
            self.drafts += 1


@dataclass
class ImportSummary:
    units: PageCounts = field(default_factory=PageCounts)
    campaigns: PageCounts = field(default_factory=PageCounts)
    stories: PageCounts = field(default_factory=PageCounts)
    fixed_pages: int = 0
    translations_created: int = 0
    translations_updated: int = 0
    translations_waiting: int = 0
    images_added: int = 0
    images_reused: int = 0
    site_settings: bool = False
    skipped_incidents: int = 0
    #: Which sections the archive had (a section it had but left empty still gets its line).
    sections: set = field(default_factory=set)

    def of(self, kind):
        return {"unit": self.units, "campaign": self.campaigns, "story": self.stories}[kind]

    def count_translation(self, *, created):
        if created:
            self.translations_created += 1
        else:
            self.translations_updated += 1

    @property
    def translations(self):
        return self.translations_created + self.translations_updated

    def lines(self):
        lines = []
        if self.site_settings:
            lines.append(_("Site settings: updated"))
        if "images" in self.sections:
            lines.append(
                _("Images: %(total)d (%(added)d added, %(reused)d already in the library)")
                % {
                    "total": self.images_added + self.images_reused,
                    "added": self.images_added,
                    "reused": self.images_reused,
                }
            )
        if self.fixed_pages:
            lines.append(_("Home, about and section pages: %(count)d updated") % {"count": self.fixed_pages})
        headings = {
            "units": _("Units: %(total)d (%(created)d created, %(updated)d updated)"),
            "campaigns": _("Campaigns: %(total)d (%(created)d created, %(updated)d updated)"),
            "stories": _("Stories: %(total)d (%(created)d created, %(updated)d updated)"),
        }
        for name, heading in headings.items():
            if name in self.sections:
                lines.extend(self._page_lines(heading, getattr(self, name), offline=name == "stories"))
        lines.append(
            _("Translations: %(total)d (%(created)d created, %(updated)d updated)")
            % {"total": self.translations, "created": self.translations_created, "updated": self.translations_updated}
        )
        if self.translations_waiting:
            lines.append(
                _(
                    "Translations not written: %(count)d (their source changed and is not published; import again "
                    "with --publish)"
                )
                % {"count": self.translations_waiting}
            )
        if self.skipped_incidents:
            lines.append(
                ngettext(
                    "Skipped %(count)d incident (no incidents model yet)",
                    "Skipped %(count)d incidents (no incidents model yet)",
                    self.skipped_incidents,
                )
                % {"count": self.skipped_incidents}
            )
        return lines

    @staticmethod
    def _page_lines(heading, counts, *, offline):
        first = heading % {
            "total": counts.total,
            "created": counts.created,
            "updated": counts.updated,
        }
        values = {"published": counts.published, "drafts": counts.drafts, "offline": counts.taken_offline}
        if offline:
            second = _("Published: %(published)d; left as drafts: %(drafts)d; taken offline: %(offline)d") % values
        else:
            second = _("Published: %(published)d; left as drafts: %(drafts)d") % values
        return [first, "  " + second]
