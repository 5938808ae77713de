from django.db import models

from .rules import parameter_pemilu


class JenisPemilu(models.TextChoices):
    PEMILU = "pemilu", "Pemilu"
    PILKADA = "pilkada", "Pilkada (Pemilihan)"


class Pemilu(models.Model):
    """A general election or a regional-head election, with its scope and parameters."""

    nama = models.CharField(max_length=200)
    jenis = models.CharField(max_length=10, choices=JenisPemilu.choices)
    tanggal_pemungutan = models.DateField()
    cakupan = models.ForeignKey(
        "wilayah.Wilayah", null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        help_text="Provinsi atau kabupaten/kota untuk pilkada; kosong berarti nasional.",
    )
    parameter = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-tanggal_pemungutan", "nama"]
        verbose_name = "pemilu/pemilihan"
        verbose_name_plural = "pemilu/pemilihan"

    def __str__(self) -> str:
        return self.nama

    def param(self, nama: str, bawaan=None):
        return parameter_pemilu(self.jenis, self.parameter, nama, bawaan)

    @property
    def maks_pemilih_per_tps(self) -> int:
        return self.param("maks_pemilih_per_tps")


class TPS(models.Model):
    """A polling station of one election, numbered within its desa/kelurahan."""

    pemilu = models.ForeignKey(Pemilu, on_delete=models.PROTECT, related_name="tps")
    desa = models.ForeignKey("wilayah.Wilayah", on_delete=models.PROTECT, related_name="+")
    nomor = models.PositiveSmallIntegerField()
    alamat = models.CharField(max_length=300, blank=True)
    lintang = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    bujur = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    jumlah_pemilih = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["desa_id", "nomor"]
        verbose_name = "TPS"
        verbose_name_plural = "TPS"
        constraints = [
            models.UniqueConstraint(fields=["pemilu", "desa", "nomor"], name="tps_unik_per_desa"),
            models.CheckConstraint(condition=models.Q(nomor__gte=1, nomor__lte=999),
                                   name="tps_nomor_1_999"),
            models.CheckConstraint(
                condition=models.Q(lintang__isnull=True, bujur__isnull=True)
                | models.Q(lintang__isnull=False, bujur__isnull=False),
                name="tps_koordinat_lengkap"),
        ]
        indexes = [
            models.Index(fields=["pemilu", "desa"], name="tps_pemilu_desa"),
            models.Index(fields=["desa"], name="tps_desa_prefix",
                         opclasses=["varchar_pattern_ops"]),
        ]

    def __str__(self) -> str:
        return f"TPS {self.nomor:03d} {self.desa_id}"

    @property
    def label(self) -> str:
        return f"TPS {self.nomor:03d}"

    @property
    def kode_kpu(self) -> str:
        """KPU's 13-digit TPS code: the desa code without dots and the 3-digit number."""
        return self.desa_id.replace(".", "") + f"{self.nomor:03d}"
