from django.db import migrations

# The categories of the PPK/PPS written test as KPU offices announce them.
KATEGORI = ["Pengetahuan Kepemiluan", "Pancasila dan UUD 1945", "Wawasan Kebangsaan",
            "Ke-PPK/PPS-an"]


def isi(apps, schema_editor):
    KategoriSoal = apps.get_model("seleksi", "KategoriSoal")
    for i, nama in enumerate(KATEGORI, start=1):
        KategoriSoal.objects.get_or_create(nama=nama, defaults={"urutan": i})


class Migration(migrations.Migration):
    dependencies = [("seleksi", "0001_initial")]
    operations = [migrations.RunPython(isi, migrations.RunPython.noop)]
