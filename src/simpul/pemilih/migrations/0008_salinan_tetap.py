from django.db import migrations

# No TRUNCATE trigger: Django's test flush empties every table with TRUNCATE.

FUNGSI = """
CREATE OR REPLACE FUNCTION pemilih_salinan_tetap() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'salinan daftar pemilih tidak dapat diubah atau dihapus (%%)', TG_OP
    USING ERRCODE = 'integrity_constraint_violation';
END $$ LANGUAGE plpgsql;
CREATE TRIGGER pemilih_salinanpemilih_tetap BEFORE UPDATE OR DELETE ON pemilih_salinanpemilih
  FOR EACH ROW EXECUTE FUNCTION pemilih_salinan_tetap();
-- A list row is written once with an empty hash and sealed once with it; never after.
CREATE OR REPLACE FUNCTION pemilih_salinandaftar_tetap() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.sha256 = '' AND NEW.sha256 <> ''
     AND (NEW.pemilu_id, NEW.wilayah_kode, NEW.tahap, NEW.versi, NEW.dibuat)
         IS NOT DISTINCT FROM (OLD.pemilu_id, OLD.wilayah_kode, OLD.tahap, OLD.versi, OLD.dibuat)
  THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'salinan daftar pemilih yang sudah disegel tidak dapat diubah (%%)', TG_OP
    USING ERRCODE = 'integrity_constraint_violation';
END $$ LANGUAGE plpgsql;
CREATE TRIGGER pemilih_salinandaftar_tetap BEFORE UPDATE OR DELETE ON pemilih_salinandaftar
  FOR EACH ROW EXECUTE FUNCTION pemilih_salinandaftar_tetap();
"""
HAPUS = """
DROP TRIGGER IF EXISTS pemilih_salinanpemilih_tetap ON pemilih_salinanpemilih;
DROP TRIGGER IF EXISTS pemilih_salinandaftar_tetap ON pemilih_salinandaftar;
DROP FUNCTION IF EXISTS pemilih_salinan_tetap();
DROP FUNCTION IF EXISTS pemilih_salinandaftar_tetap();
"""


def pasang(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FUNGSI)  # "%%" is a literal % once interpolated


def lepas(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(HAPUS)


class Migration(migrations.Migration):
    dependencies = [("pemilih", "0007_tahap_salinan")]
    operations = [migrations.RunPython(pasang, lepas)]
