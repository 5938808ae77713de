"""On PostgreSQL the audit table refuses UPDATE and DELETE: the application only appends.
Someone with the rights to drop the trigger can still tamper, which `simpul audit verify`
then names."""

from django.db import migrations

BUAT = """
CREATE OR REPLACE FUNCTION simpul_audit_tolak_ubah() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'jejak audit hanya dapat ditambah (append-only)';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER core_auditentry_tambah_saja
  BEFORE UPDATE OR DELETE ON core_auditentry
  FOR EACH ROW EXECUTE FUNCTION simpul_audit_tolak_ubah();
"""
HAPUS = """
DROP TRIGGER IF EXISTS core_auditentry_tambah_saja ON core_auditentry;
DROP FUNCTION IF EXISTS simpul_audit_tolak_ubah();
"""


def maju(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(BUAT)


def mundur(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(HAPUS)


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]
    operations = [migrations.RunPython(maju, mundur)]
