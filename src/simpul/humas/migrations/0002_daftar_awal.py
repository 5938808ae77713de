from django.db import migrations

from simpul.humas.data import JENIS_KONTEN_AWAL, KANAL_AWAL


def isi(apps, schema_editor):
    JenisKonten = apps.get_model("humas", "JenisKonten")
    Kanal = apps.get_model("humas", "Kanal")
    for i, nama in enumerate(JENIS_KONTEN_AWAL, start=1):
        JenisKonten.objects.get_or_create(nama=nama, defaults={"urutan": i})
    for i, (kode, nama, singkatan, jenis, host, kolom, medsos, tautan) in enumerate(
            KANAL_AWAL, start=1):
        Kanal.objects.get_or_create(kode=kode, defaults={
            "nama": nama, "singkatan": singkatan, "jenis": jenis, "urutan": i, "host": host,
            "kolom_rekap": kolom, "dihitung_medsos": medsos, "perlu_tautan": tautan})


class Migration(migrations.Migration):
    dependencies = [("humas", "0001_initial")]
    operations = [migrations.RunPython(isi, migrations.RunPython.noop)]
