from django.db import migrations


def seed(apps, schema_editor):
    from core.vocabulary import seed_vocabulary

    seed_vocabulary(
        violation_type_model=apps.get_model("core", "ViolationType"),
        neighbourhood_model=apps.get_model("core", "Neighbourhood"),
        locale_model=apps.get_model("wagtailcore", "Locale"),
    )


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_initial"),
        ("wagtailcore", "0096_referenceindex_referenceindex_source_object_and_more"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
