"""Encrypt the survivor record's fields at rest, keeping every existing value.

The columns become text (ciphertext is longer than the plaintext); then each record is read (a plaintext
value that does not decrypt is read as it is) and saved again, which writes it encrypted. Backwards, the
values are decrypted and written back as plaintext before the columns return to their old types.
"""

from django.db import migrations

import stories.encrypted

PRIVATE_FIELDS = ("survivor_name", "contact", "notes")


def encrypt_existing_values(apps, schema_editor):
    SurvivorRecord = apps.get_model("stories", "SurvivorRecord")
    for record in SurvivorRecord.objects.using(schema_editor.connection.alias).iterator():
        record.save(update_fields=PRIVATE_FIELDS)


def decrypt_values(apps, schema_editor):
    SurvivorRecord = apps.get_model("stories", "SurvivorRecord")
    connection = schema_editor.connection
    table = connection.ops.quote_name(SurvivorRecord._meta.db_table)
    assignments = ", ".join(f"{connection.ops.quote_name(name)} = %s" for name in PRIVATE_FIELDS)
    with connection.cursor() as cursor:
        for record in SurvivorRecord.objects.using(connection.alias).iterator():
            values = [getattr(record, name) or "" for name in PRIVATE_FIELDS]
            cursor.execute(f"UPDATE {table} SET {assignments} WHERE id = %s", [*values, record.pk])


class Migration(migrations.Migration):
    dependencies = [
        ("stories", "0005_story_help_text_against_real_names"),
    ]

    operations = [
        migrations.AlterField(
            model_name="survivorrecord",
            name="survivor_name",
            field=stories.encrypted.PrivateCharField(
                blank=True, max_length=255, null=True, verbose_name="survivor's real name"
            ),
        ),
        migrations.AlterField(
            model_name="survivorrecord",
            name="contact",
            field=stories.encrypted.PrivateCharField(
                blank=True, max_length=255, null=True, verbose_name="contact details"
            ),
        ),
        migrations.AlterField(
            model_name="survivorrecord",
            name="notes",
            field=stories.encrypted.PrivateTextField(blank=True, null=True, verbose_name="private notes"),
        ),
        migrations.RunPython(encrypt_existing_values, decrypt_values),
    ]
