"""Encrypted model fields for the survivor record (django-fernet-encrypted-fields, key from FIELD_ENCRYPTION_KEY).

The library stores an empty value as NULL; these fields read NULL back as "" so the record's text fields
keep behaving like ordinary blank text fields for the guard, the exporter and forms.
"""

from encrypted_fields.fields import EncryptedCharField, EncryptedTextField


class _BlankWhenNull:
    def from_db_value(self, value, expression, connection):
        value = super().from_db_value(value, expression, connection)
        return "" if value is None else value


class PrivateCharField(_BlankWhenNull, EncryptedCharField):
    pass


class PrivateTextField(_BlankWhenNull, EncryptedTextField):
    pass
