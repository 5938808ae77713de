import hashlib
import secrets

from django.contrib.auth.models import AbstractUser
from django.db import models

from .roles import Peran, galat_penugasan


class Akun(AbstractUser):
    """A person's account, bound to one node of the region tree (and one election if ad hoc)."""

    peran = models.CharField(max_length=32, choices=Peran.choices, default=Peran.PUBLIK)
    wilayah = models.ForeignKey(
        "wilayah.Wilayah", null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        help_text="Wilayah kerja; kosong untuk KPU RI (seluruh Indonesia).",
    )
    pemilu = models.ForeignKey(
        "pemilu.Pemilu", null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        help_text="Pemilu/pemilihan untuk peran badan ad hoc.",
    )
    tps = models.ForeignKey(
        "pemilu.TPS", null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        help_text="TPS untuk KPPS dan Pantarlih.",
    )

    class Meta:
        verbose_name = "akun"
        verbose_name_plural = "akun"

    def galat_penugasan(self) -> list[str]:
        if self.is_superuser:
            return []
        tps = self.tps
        return galat_penugasan(
            peran=self.peran, tingkat_wilayah=self.wilayah.tingkat if self.wilayah else None,
            ada_pemilu=self.pemilu_id is not None,
            tps_di_wilayah=None if tps is None else (
                tps.desa_id == self.wilayah_id and tps.pemilu_id == self.pemilu_id))

    def clean(self):
        from django.core.exceptions import ValidationError

        super().clean()
        if galat := self.galat_penugasan():
            raise ValidationError(galat)


class TokenAPI(models.Model):
    """A bearer token for machine clients; only its SHA-256 is stored."""

    akun = models.ForeignKey(Akun, on_delete=models.CASCADE, related_name="token_api")
    nama = models.CharField(max_length=100)
    awalan = models.CharField(max_length=8, help_text="Awal token, untuk mengenali di daftar.")
    hash = models.CharField(max_length=64, unique=True)
    dibuat = models.DateTimeField(auto_now_add=True)
    terakhir_dipakai = models.DateTimeField(null=True, blank=True)
    dicabut = models.BooleanField(default=False)

    class Meta:
        verbose_name = "token API"
        verbose_name_plural = "token API"

    def __str__(self) -> str:
        return f"{self.nama} ({self.awalan}…)"

    @staticmethod
    def hash_kunci(kunci: str) -> str:
        return hashlib.sha256(kunci.encode()).hexdigest()

    @classmethod
    def terbitkan(cls, *, akun: Akun, nama: str) -> tuple["TokenAPI", str]:
        kunci = "smp_" + secrets.token_urlsafe(32)
        token = cls.objects.create(akun=akun, nama=nama, awalan=kunci[:8],
                                   hash=cls.hash_kunci(kunci))
        return token, kunci


class AuditEntry(models.Model):
    """One append-only line of the audit trail, chained to the one before by SHA-256.

    The actor is copied, not referenced, so deleting an account never rewrites history.
    """

    seq = models.PositiveBigIntegerField(unique=True)
    waktu = models.DateTimeField()
    akun_id_teks = models.CharField(max_length=32, blank=True)
    akun_username = models.CharField(max_length=150, blank=True)
    peran = models.CharField(max_length=32, blank=True)
    wilayah_kode = models.CharField(max_length=13, blank=True)
    aksi = models.CharField(max_length=64)
    objek_tipe = models.CharField(max_length=64, blank=True)
    objek_id = models.CharField(max_length=64, blank=True)
    sebelum = models.JSONField(null=True, blank=True)
    sesudah = models.JSONField(null=True, blank=True)
    hash_sebelumnya = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)

    class Meta:
        ordering = ["seq"]
        verbose_name = "entri audit"
        verbose_name_plural = "entri audit"
        indexes = [models.Index(fields=["objek_tipe", "objek_id"])]

    def __str__(self) -> str:
        return f"#{self.seq} {self.aksi} {self.objek_tipe}:{self.objek_id}"


class AuditKepala(models.Model):
    """The head of the chain: locked by every writer so entries get gapless numbers."""

    seq = models.PositiveBigIntegerField(default=0)
    hash = models.CharField(max_length=64, default="0" * 64)

    def __str__(self) -> str:
        return f"#{self.seq} {self.hash[:12]}"
