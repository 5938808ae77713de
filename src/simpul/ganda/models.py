from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone


class PemindaianGanda(models.Model):
    """One run of the duplicate model over an election's list in a territory. The trained
    model is kept with the run, so every pair can be traced to the parameters that
    scored it."""

    pemilu = models.ForeignKey("pemilu.Pemilu", on_delete=models.PROTECT, related_name="+")
    wilayah_kode = models.CharField(max_length=13, blank=True,
                                    help_text="Wilayah yang dipindai; kosong: seluruh pemilu.")
    akun = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                             related_name="+")
    backend = models.CharField(max_length=10, default="duckdb")
    ambang = models.FloatField(help_text="Probabilitas cocok minimal sebuah pasangan.")
    jumlah_rekaman = models.PositiveIntegerField(default=0)
    jumlah_pasangan = models.PositiveIntegerField(default=0)
    jumlah_baru = models.PositiveIntegerField(default=0)
    model = models.JSONField(default=dict)
    mulai = models.DateTimeField(default=timezone.now)
    selesai = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-mulai"]
        verbose_name = "pemindaian pemilih ganda"
        verbose_name_plural = "pemindaian pemilih ganda"

    def __str__(self) -> str:
        return f"Pemindaian #{self.pk} {self.wilayah_kode or 'semua'} ({self.jumlah_pasangan})"


class StatusPasangan(models.TextChoices):
    BARU = "baru", "Belum diperiksa"
    DIKONFIRMASI = "dikonfirmasi", "Dikonfirmasi ganda"
    DITOLAK = "ditolak", "Bukan ganda"


class PasanganGanda(models.Model):
    """Two voter records the model thinks are one person, waiting for a person to decide.
    `pemilih_a` is always the lower id, so a pair is stored once."""

    pemilu = models.ForeignKey("pemilu.Pemilu", on_delete=models.PROTECT, related_name="+")
    pemilih_a = models.ForeignKey("pemilih.Pemilih", on_delete=models.PROTECT,
                                  related_name="+")
    pemilih_b = models.ForeignKey("pemilih.Pemilih", on_delete=models.PROTECT,
                                  related_name="+")
    pemindaian = models.ForeignKey(PemindaianGanda, on_delete=models.PROTECT,
                                   related_name="pasangan")
    bobot = models.FloatField("bobot kecocokan", help_text="Match weight (log2 rasio odds).")
    probabilitas = models.FloatField()
    penjelasan = models.JSONField(default=list,
                                  help_text="Per perbandingan: tingkat, keterangan, bobot.")
    status = models.CharField(max_length=12, choices=StatusPasangan.choices,
                              default=StatusPasangan.BARU)
    diputuskan_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                        on_delete=models.SET_NULL, related_name="+")
    diputuskan_pada = models.DateTimeField(null=True, blank=True)
    alasan = models.TextField(blank=True)
    pemilih_dicoret = models.ForeignKey("pemilih.Pemilih", null=True, blank=True,
                                        on_delete=models.PROTECT, related_name="+",
                                        help_text="Rekaman yang ditandai TMS ganda.")
    koreksi = models.ForeignKey("pemilih.KoreksiTertunda", null=True, blank=True,
                                on_delete=models.PROTECT, related_name="+",
                                help_text="Bila daftar dikunci saat konfirmasi: koreksi TMS "
                                          "yang diterapkan saat tahap ditetapkan.")
    dibuat = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-bobot", "id"]
        verbose_name = "pasangan pemilih ganda"
        verbose_name_plural = "pasangan pemilih ganda"
        constraints = [
            models.UniqueConstraint(fields=["pemilih_a", "pemilih_b"],
                                    name="ganda_pasangan_unik"),
            models.CheckConstraint(condition=Q(pemilih_a__lt=F("pemilih_b")),
                                   name="ganda_a_lebih_kecil_dari_b"),
            models.CheckConstraint(
                condition=Q(status="baru", diputuskan_pada__isnull=True)
                | (~Q(status="baru") & Q(diputuskan_pada__isnull=False)),
                name="ganda_keputusan_bertanggal"),
        ]
        indexes = [models.Index(fields=["pemilu", "status"], name="ganda_pemilu_status")]

    def __str__(self) -> str:
        return f"{self.pemilih_a_id} ~ {self.pemilih_b_id} ({self.get_status_display()})"
