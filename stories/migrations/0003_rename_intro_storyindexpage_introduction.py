from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("stories", "0002_storypage_import_key"),
    ]

    operations = [
        migrations.RenameField(model_name="storyindexpage", old_name="intro", new_name="introduction"),
    ]
