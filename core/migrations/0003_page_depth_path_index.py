"""An index on Wagtail's page table for "the children of a page": (depth, path).

Wagtail (treebeard) finds a page's children as the pages one level deeper whose path lies in the
parent's range; with the path index alone the database reads every descendant to keep the children
(half the archive for a home page). The page frame of every public page asks for a home page's
children. Wagtail's own migrations do not create it, so it is added here, by name, and dropped on reverse.
"""

from django.db import migrations

INDEX = "core_page_depth_path"


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0002_seed_vocabulary"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [
        migrations.RunSQL(
            sql=f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailcore_page (depth, path)",
            reverse_sql=f"DROP INDEX IF EXISTS {INDEX}",
        ),
    ]
