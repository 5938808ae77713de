from django.db import migrations

PASANG = """
CREATE TRIGGER pemilih_logcekdpt_tetap BEFORE UPDATE OR DELETE ON pemilih_logcekdpt
  FOR EACH ROW EXECUTE FUNCTION pemilih_salinan_tetap();
"""
LEPAS = "DROP TRIGGER IF EXISTS pemilih_logcekdpt_tetap ON pemilih_logcekdpt;"


def pasang(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(PASANG)


def lepas(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(LEPAS)


class Migration(migrations.Migration):
    dependencies = [("pemilih", "0011_log_cek")]
    operations = [migrations.RunPython(pasang, lepas)]
