from django.db import models

from .rules import TINGKAT_DESA, kedalaman


class Tingkat(models.TextChoices):
    PROVINSI = "provinsi", "Provinsi"
    KABUPATEN = "kabupaten", "Kabupaten"
    KOTA = "kota", "Kota"
    KECAMATAN = "kecamatan", "Kecamatan"
    DESA = "desa", "Desa"
    KELURAHAN = "kelurahan", "Kelurahan"


class EdisiWilayah(models.Model):
    """One imported edition of the Kemendagri code list (a decree)."""

    sumber = models.CharField(max_length=300)
    dasar_hukum = models.CharField(max_length=300)
    sha256 = models.CharField(max_length=64)
    jumlah_baris = models.PositiveIntegerField()
    diimpor = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "edisi kode wilayah"
        verbose_name_plural = "edisi kode wilayah"

    def __str__(self) -> str:
        return f"{self.dasar_hukum} ({self.diimpor:%Y-%m-%d})"


class Wilayah(models.Model):
    """A province, kabupaten/kota, kecamatan or desa/kelurahan. Never deleted: a code
    dropped by a newer decree is marked inactive, since elections refer to it."""

    kode = models.CharField(max_length=13, primary_key=True)
    nama = models.CharField(max_length=200)
    tingkat = models.CharField(max_length=10, choices=Tingkat.choices)
    induk = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT,
                              related_name="anak")
    aktif = models.BooleanField(default=True)
    edisi = models.ForeignKey(EdisiWilayah, null=True, on_delete=models.PROTECT,
                              related_name="+", help_text="Edisi terakhir yang memuat kode ini.")

    class Meta:
        ordering = ["kode"]
        verbose_name = "wilayah"
        verbose_name_plural = "wilayah"
        indexes = [
            # Subtree queries are prefix matches on the dotted code.
            models.Index(fields=["kode"], name="wilayah_kode_prefix",
                         opclasses=["varchar_pattern_ops"]),
            models.Index(fields=["tingkat"], name="wilayah_tingkat"),
        ]

    def __str__(self) -> str:
        return f"{self.kode} {self.nama}"

    @property
    def kedalaman(self) -> int:
        return kedalaman(self.tingkat)

    @property
    def is_desa(self) -> bool:
        return self.tingkat in TINGKAT_DESA

    @property
    def label_tingkat(self) -> str:
        return self.get_tingkat_display()
