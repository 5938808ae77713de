from django.db import migrations


def isi(apps, schema_editor):
    from simpul.pemilih.rules import KATEGORI_TMS_AWAL

    KategoriTMS = apps.get_model("pemilih", "KategoriTMS")
    for urutan, (kode, nama, keterangan) in enumerate(KATEGORI_TMS_AWAL, start=1):
        KategoriTMS.objects.get_or_create(
            kode=kode, defaults={"nama": nama, "keterangan": keterangan, "urutan": urutan})


class Migration(migrations.Migration):
    dependencies = [("pemilih", "0001_initial")]

    operations = [migrations.RunPython(isi, migrations.RunPython.noop)]
