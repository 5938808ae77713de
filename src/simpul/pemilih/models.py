from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import Q
from django.utils import timezone

from simpul.core.nik import nik_samarkan


class TambahSaja(models.Model):
    """A row written once and never changed or deleted through Django (a PostgreSQL trigger
    refuses it below Django too)."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.pk is not None and not kwargs.get("force_insert"):
            raise ValueError(f"{self._meta.verbose_name} tidak dapat diubah.")
        return super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError(f"{self._meta.verbose_name} tidak dapat dihapus.")


class KategoriTMS(models.Model):
    """A reason a listed person is not eligible (TMS). Kept as data, keyed by a slug:
    RULES.md §4 says the numeric codes in circulation are unverified."""

    kode = models.SlugField(max_length=40, unique=True)
    nama = models.CharField(max_length=100)
    keterangan = models.TextField(blank=True)
    urutan = models.PositiveSmallIntegerField(default=0)
    aktif = models.BooleanField(default=True)

    class Meta:
        ordering = ["urutan", "kode"]
        verbose_name = "kategori TMS"
        verbose_name_plural = "kategori TMS"

    def __str__(self) -> str:
        return self.nama


class JenisKelamin(models.TextChoices):
    L = "L", "Laki-laki"
    P = "P", "Perempuan"


class StatusKawin(models.TextChoices):
    BELUM = "B", "Belum kawin"
    SUDAH = "S", "Sudah kawin"
    PERNAH = "P", "Pernah kawin"


class Disabilitas(models.IntegerChoices):
    """Codes on the coklit form (Pilkada 2024 guide; RULES.md §4, secondary)."""

    TIDAK = 0, "Tidak ada"
    FISIK = 1, "Fisik"
    INTELEKTUAL = 2, "Intelektual"
    MENTAL = 3, "Mental"
    WICARA = 4, "Sensorik wicara"
    RUNGU = 5, "Sensorik rungu"
    NETRA = 6, "Sensorik netra"


class Sumber(models.TextChoices):
    DP4 = "dp4", "DP4"
    DPT_LALU = "dpt_lalu", "DPT pemilu terakhir"
    COKLIT = "coklit", "Pemilih baru (coklit)"
    MASUKAN = "masukan", "Masukan/tanggapan masyarakat"
    IMPOR = "impor", "Impor daftar pemilih"


class StatusPemilih(models.TextChoices):
    AKTIF = "aktif", "Memenuhi syarat"
    TMS = "tms", "Tidak memenuhi syarat"


class HasilCoklit(models.TextChoices):
    BELUM = "belum", "Belum dicoklit"
    MS = "ms", "Memenuhi syarat (MS)"
    TMS = "tms", "Tidak memenuhi syarat (TMS)"


class Pemilih(models.Model):
    """One person on the voter list of one election. Never deleted: a person who is not
    eligible is marked TMS with a category. `versi` guards against lost updates."""

    pemilu = models.ForeignKey("pemilu.Pemilu", on_delete=models.PROTECT, related_name="+",
                               db_index=False)
    nik = models.CharField("NIK", max_length=16)
    nkk = models.CharField("nomor KK", max_length=16)
    nama = models.CharField(max_length=200)
    tempat_lahir = models.CharField(max_length=100, blank=True)
    tanggal_lahir = models.DateField()
    jenis_kelamin = models.CharField(max_length=1, choices=JenisKelamin.choices)
    status_kawin = models.CharField(max_length=1, choices=StatusKawin.choices, blank=True)
    alamat = models.CharField(max_length=300, blank=True)
    rt = models.CharField("RT", max_length=3, blank=True)
    rw = models.CharField("RW", max_length=3, blank=True)
    desa = models.ForeignKey("wilayah.Wilayah", on_delete=models.PROTECT, related_name="+",
                             db_index=False)
    disabilitas = models.PositiveSmallIntegerField(choices=Disabilitas.choices, default=0)
    sumber = models.CharField(max_length=10, choices=Sumber.choices, default=Sumber.DP4)
    status = models.CharField(max_length=5, choices=StatusPemilih.choices,
                              default=StatusPemilih.AKTIF)
    kategori_tms = models.ForeignKey(KategoriTMS, null=True, blank=True,
                                     on_delete=models.PROTECT, related_name="+",
                                     db_index=False)
    tps = models.ForeignKey("pemilu.TPS", null=True, blank=True, on_delete=models.PROTECT,
                            related_name="pemilih", db_index=False)
    coklit = models.CharField(max_length=5, choices=HasilCoklit.choices,
                              default=HasilCoklit.BELUM)
    coklit_pada = models.DateTimeField(null=True, blank=True)
    stiker = models.BooleanField(default=False, help_text="Stiker coklit ditempel.")
    peringatan = models.JSONField(default=list, blank=True,
                                  help_text="Kode temuan peringatan (mis. nik.tanggal_lahir_beda).")
    # No database constraint: a bulk import would pay one foreign-key check per row for a
    # job it has just created itself; Django still resolves and nulls the link.
    impor = models.ForeignKey("ImporPemilih", null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="+", db_index=False, db_constraint=False)
    versi = models.PositiveIntegerField(default=1)
    dibuat = models.DateTimeField(default=timezone.now)
    diubah = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["desa_id", "rw", "rt", "nkk", "nama"]
        verbose_name = "pemilih"
        verbose_name_plural = "pemilih"
        constraints = [
            models.UniqueConstraint(fields=["pemilu", "nik"], name="pemilih_nik_unik_per_pemilu"),
            models.CheckConstraint(
                condition=Q(status="aktif", kategori_tms__isnull=True)
                | Q(status="tms", kategori_tms__isnull=False),
                name="pemilih_tms_berkategori"),
            models.CheckConstraint(condition=Q(jenis_kelamin__in=["L", "P"]),
                                   name="pemilih_jenis_kelamin_l_p"),
            models.CheckConstraint(condition=Q(disabilitas__gte=0, disabilitas__lte=6),
                                   name="pemilih_disabilitas_0_6"),
        ]
        indexes = [
            models.Index(fields=["pemilu", "desa"], name="pemilih_pemilu_desa"),
            models.Index(fields=["tps", "coklit"], name="pemilih_tps_coklit"),
        ]

    def __str__(self) -> str:
        return f"{self.nama} ({self.pemilu_id})"


class RiwayatPemilih(models.Model):
    """Every change to a voter: who, when, and the fields before and after."""

    pemilih = models.ForeignKey(Pemilih, on_delete=models.PROTECT, related_name="riwayat")
    waktu = models.DateTimeField(default=timezone.now)
    akun = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                             on_delete=models.SET_NULL, related_name="+")
    akun_username = models.CharField(max_length=150, blank=True)
    aksi = models.CharField(max_length=40)
    versi = models.PositiveIntegerField(help_text="Versi pemilih sesudah perubahan.")
    sebelum = models.JSONField(null=True, blank=True, encoder=DjangoJSONEncoder)
    sesudah = models.JSONField(null=True, blank=True, encoder=DjangoJSONEncoder)
    alasan = models.TextField(blank=True)

    class Meta:
        ordering = ["pemilih_id", "versi", "id"]
        verbose_name = "riwayat pemilih"
        verbose_name_plural = "riwayat pemilih"

    def __str__(self) -> str:
        return f"{self.aksi} v{self.versi} ({self.waktu:%Y-%m-%d %H:%M})"


class KunciIdempoten(models.Model):
    """A save sent with a client-made key: a retried save (dropped connection, double tap)
    finds its key here and is answered without being applied again."""

    kunci = models.CharField(max_length=64, unique=True)
    akun = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                             related_name="+")
    pemilih = models.ForeignKey(Pemilih, on_delete=models.CASCADE, related_name="+")
    sidik = models.CharField(max_length=64, help_text="SHA-256 isi permintaan.")
    versi = models.PositiveIntegerField()
    dibuat = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "kunci idempoten"
        verbose_name_plural = "kunci idempoten"

    def __str__(self) -> str:
        return self.kunci


class StatusCatatan(models.TextChoices):
    """Where one save stands on the Pantarlih's phone when it reports."""

    TERKIRIM = "terkirim", "Terkirim"
    ANTRE = "antre", "Masih antre di perangkat"
    DITOLAK = "ditolak", "Ditolak server"
    HILANG = "hilang", "Hilang dari antrean perangkat"


class LaporanPerangkat(TambahSaja):
    """What one phone says it saved during coklit, sent at each sync: every key it made for
    its TPS with the key's status on the device. Set against the keys the server holds, it
    shows what never arrived (ANCHORS.md, e-Coklit). Not an election record (the voter rows
    and their history are), so no audit entry; append-only so the reconciliation shown on
    any day can be traced. Updates and deletes are refused by a trigger on PostgreSQL."""

    akun = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                             related_name="+")
    tps = models.ForeignKey("pemilu.TPS", on_delete=models.PROTECT, related_name="+",
                            db_index=False)
    perangkat = models.UUIDField(help_text="Acak, dibuat dan disimpan di perangkat.")
    diterima = models.DateTimeField(default=timezone.now)
    waktu_perangkat = models.DateTimeField(help_text="Jam perangkat saat melapor.")
    jumlah = models.PositiveIntegerField()
    terkirim = models.PositiveIntegerField()
    antre = models.PositiveIntegerField()
    ditolak = models.PositiveIntegerField()
    hilang = models.PositiveIntegerField()
    catatan = models.JSONField(help_text="[{kunci, jenis, pemilih, waktu, status, nama}]; "
                                         "nama (pemilih baru) disamarkan.")

    class Meta:
        ordering = ["-diterima", "-id"]
        verbose_name = "laporan perangkat coklit"
        verbose_name_plural = "laporan perangkat coklit"
        indexes = [models.Index(fields=["tps", "akun", "perangkat"], name="laporan_tps_perangkat")]

    def __str__(self) -> str:
        return f"{self.perangkat} ({self.diterima:%Y-%m-%d %H:%M})"


class StatusImpor(models.TextChoices):
    ANTRE = "antre", "Menunggu"
    BERJALAN = "berjalan", "Berjalan"
    SELESAI = "selesai", "Selesai"
    GAGAL = "gagal", "Gagal"


class ImporPemilih(models.Model):
    """One upload of a DP4 or voter list, processed as a background job."""

    pemilu = models.ForeignKey("pemilu.Pemilu", on_delete=models.PROTECT, related_name="+")
    akun = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                             related_name="+")
    wilayah_kode = models.CharField(max_length=13, blank=True,
                                    help_text="Wilayah kerja pengunggah saat mengunggah.")
    sumber = models.CharField(max_length=10, choices=Sumber.choices, default=Sumber.DP4)
    nama_berkas = models.CharField(max_length=255)
    berkas = models.FileField(upload_to="pemilih/impor/", max_length=255)
    sha256 = models.CharField(max_length=64)
    ukuran = models.PositiveBigIntegerField(default=0)
    status = models.CharField(max_length=10, choices=StatusImpor.choices,
                              default=StatusImpor.ANTRE)
    tahap = models.CharField(max_length=40, blank=True)
    jumlah_baris = models.PositiveIntegerField(default=0)
    diproses = models.PositiveIntegerField(default=0)
    dibuat_jumlah = models.PositiveIntegerField(default=0)
    diubah_jumlah = models.PositiveIntegerField(default=0)
    tetap_jumlah = models.PositiveIntegerField(default=0)
    galat_jumlah = models.PositiveIntegerField(default=0)
    peringatan_jumlah = models.PositiveIntegerField(default=0)
    pesan = models.TextField(blank=True, help_text="Alasan bila seluruh berkas ditolak.")
    kode_galat = models.CharField(max_length=60, blank=True)
    dibuat = models.DateTimeField(default=timezone.now)
    mulai = models.DateTimeField(null=True, blank=True)
    selesai = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-dibuat"]
        verbose_name = "impor pemilih"
        verbose_name_plural = "impor pemilih"

    def __str__(self) -> str:
        return f"{self.nama_berkas} ({self.get_status_display()})"

    @property
    def persen(self) -> int:
        if self.status == StatusImpor.SELESAI:
            return 100
        if not self.jumlah_baris:
            return 0
        return min(99, int(100 * self.diproses / self.jumlah_baris))


class TemuanImpor(models.Model):
    """A finding on one line of an imported file: an error (row refused) or a warning
    (row imported, warning kept with the voter)."""

    impor = models.ForeignKey(ImporPemilih, on_delete=models.CASCADE, related_name="temuan")
    baris = models.PositiveIntegerField()
    kode = models.CharField(max_length=60)
    pesan = models.TextField()
    galat = models.BooleanField(default=True)

    class Meta:
        ordering = ["impor_id", "baris", "id"]
        verbose_name = "temuan impor"
        verbose_name_plural = "temuan impor"

    def __str__(self) -> str:
        return f"baris {self.baris}: {self.kode}"


class PemetaanTPS(models.Model):
    """One run of the TPS mapping over a territory of an election: what it was asked,
    what it found and what it changed."""

    pemilu = models.ForeignKey("pemilu.Pemilu", on_delete=models.PROTECT, related_name="+")
    wilayah_kode = models.CharField(max_length=13)
    akun = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                             related_name="+")
    maks = models.PositiveIntegerField(help_text="Batas pemilih per TPS yang dipakai.")
    jumlah_pemilih = models.PositiveIntegerField(default=0)
    jumlah_tps = models.PositiveIntegerField(default=0)
    pindah = models.PositiveIntegerField(default=0, help_text="Pemilih yang TPS-nya berubah.")
    tps_baru = models.JSONField(default=list, blank=True)
    tps_kosong = models.JSONField(default=list, blank=True,
                                  help_text="TPS yang ada tetapi tidak diperlukan lagi.")
    temuan = models.JSONField(default=list, blank=True)
    detik = models.FloatField(default=0)
    dibuat = models.DateTimeField(default=timezone.now)
    # A run is a background job: queued, then mapped in one transaction that also sets
    # `selesai`; a failure rolls the mapping back and records its code here.
    status = models.CharField(max_length=10, choices=StatusImpor.choices,
                              default=StatusImpor.ANTRE)
    kode_galat = models.CharField(max_length=60, blank=True)
    pesan = models.TextField(blank=True)
    selesai = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-dibuat"]
        verbose_name = "pemetaan TPS"
        verbose_name_plural = "pemetaan TPS"

    def __str__(self) -> str:
        return f"Pemetaan {self.wilayah_kode} ({self.dibuat:%Y-%m-%d %H:%M})"


class RincianTPS(models.Model):
    """Why one TPS holds whom after a mapping run: its stretch of RW/RT, whole KKs."""

    pemetaan = models.ForeignKey(PemetaanTPS, on_delete=models.CASCADE, related_name="rincian")
    tps = models.ForeignKey("pemilu.TPS", on_delete=models.PROTECT, related_name="+")
    jumlah_pemilih = models.PositiveIntegerField()
    jumlah_kk = models.PositiveIntegerField()
    rentang = models.JSONField(default=list, help_text="[{rw, rt, pemilih, kk, sebagian}]")
    alasan = models.TextField()
    # A first placement (no TPS → this TPS) is recorded here, one list per TPS, not as one
    # RiwayatPemilih row per voter: a million history rows and their key checks were most
    # of a first mapping's time. A change of TPS still gets its own history row.
    ditempatkan = models.JSONField(
        default=list, blank=True,
        help_text="Pemilih tanpa TPS yang ditempatkan di TPS ini oleh pemetaan ini.")

    class Meta:
        ordering = ["pemetaan_id", "tps_id"]
        verbose_name = "rincian TPS"
        verbose_name_plural = "rincian TPS"

    def __str__(self) -> str:
        return f"{self.tps}: {self.jumlah_pemilih}"


# --- stages: DPS → DPSHP → DPSHP Akhir → DPT, locks, snapshots --------------------------------
class Tahap(models.TextChoices):
    DPS = "dps", "DPS"
    DPSHP = "dpshp", "DPSHP"
    DPSHP_AKHIR = "dpshp_akhir", "DPSHP Akhir"
    DPT = "dpt", "DPT"


class KunciTahap(models.Model):
    """A stage lock over a territory of an election, set before the plenary that fixes a
    stage. While it holds, voter changes there are queued (`KoreksiTertunda`), not applied."""

    pemilu = models.ForeignKey("pemilu.Pemilu", on_delete=models.PROTECT, related_name="+")
    wilayah_kode = models.CharField(max_length=13)
    tahap = models.CharField(max_length=12, choices=Tahap.choices)
    akun = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                             related_name="+")
    dikunci = models.DateTimeField(default=timezone.now)
    dibuka = models.DateTimeField(null=True, blank=True)
    aktif = models.BooleanField(default=True)

    class Meta:
        ordering = ["-dikunci"]
        verbose_name = "kunci tahap"
        verbose_name_plural = "kunci tahap"
        constraints = [models.UniqueConstraint(
            fields=["pemilu", "wilayah_kode"], condition=Q(aktif=True),
            name="kunci_tahap_satu_aktif")]

    def __str__(self) -> str:
        keadaan = "aktif" if self.aktif else "dibuka"
        return f"{self.get_tahap_display()} {self.wilayah_kode} ({keadaan})"


class SalinanDaftar(models.Model):
    """A fixed list (DPS, DPSHP, DPSHP Akhir, DPT) of a territory: an immutable copy of its
    eligible voters with the SHA-256 of their canonical form. Later changes to voters do not
    touch it; the public check names the copy and hash it reads."""

    pemilu = models.ForeignKey("pemilu.Pemilu", on_delete=models.PROTECT, related_name="+")
    wilayah_kode = models.CharField(max_length=13)
    tahap = models.CharField(max_length=12, choices=Tahap.choices)
    versi = models.PositiveIntegerField(default=1)
    sha256 = models.CharField(max_length=64)
    jumlah = models.PositiveIntegerField(default=0)
    jumlah_l = models.PositiveIntegerField(default=0)
    jumlah_p = models.PositiveIntegerField(default=0)
    jumlah_tps = models.PositiveIntegerField(default=0)
    akun = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                             related_name="+")
    dibuat = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-dibuat"]
        verbose_name = "salinan daftar pemilih"
        verbose_name_plural = "salinan daftar pemilih"
        constraints = [models.UniqueConstraint(fields=["pemilu", "wilayah_kode", "tahap", "versi"],
                                               name="salinan_versi_unik")]

    def __str__(self) -> str:
        return f"{self.get_tahap_display()} v{self.versi} {self.wilayah_kode}"

    @property
    def label(self) -> str:
        return f"{self.get_tahap_display()} versi {self.versi}"


class SalinanPemilih(TambahSaja):
    """One voter row of a fixed list, copied; never updated or deleted (a database trigger
    refuses it on PostgreSQL)."""

    salinan = models.ForeignKey(SalinanDaftar, on_delete=models.PROTECT, related_name="baris",
                                db_index=False)
    pemilih_id = models.BigIntegerField()
    nik = models.CharField(max_length=16)
    nkk = models.CharField(max_length=16)
    nama = models.CharField(max_length=200)
    tempat_lahir = models.CharField(max_length=100, blank=True)
    tanggal_lahir = models.DateField()
    jenis_kelamin = models.CharField(max_length=1)
    status_kawin = models.CharField(max_length=1, blank=True)
    alamat = models.CharField(max_length=300, blank=True)
    rt = models.CharField(max_length=3, blank=True)
    rw = models.CharField(max_length=3, blank=True)
    desa_id = models.CharField(max_length=13)
    tps_id = models.BigIntegerField(null=True)
    tps_nomor = models.PositiveSmallIntegerField(null=True)
    disabilitas = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = "baris salinan"
        verbose_name_plural = "baris salinan"
        indexes = [models.Index(fields=["salinan", "nik"], name="salinan_nik"),
                   models.Index(fields=["salinan", "tps_id"], name="salinan_tps")]

    def __str__(self) -> str:
        return f"{self.nama} ({self.salinan_id})"


class StatusKoreksi(models.TextChoices):
    TERTUNDA = "tertunda", "Tertunda (menunggu tahap berikutnya)"
    DITERAPKAN = "diterapkan", "Diterapkan"
    GAGAL = "gagal", "Gagal diterapkan"


class KoreksiTertunda(models.Model):
    """A correction made while the list was locked: shown as pending, applied when the
    stage is fixed and the next one opens, with its own audit trail (ANCHORS.md, SIDALIH
    2023: dead and moved voters could not be removed during the lock)."""

    JENIS = [("ubah", "Ubah data"), ("tms", "Tandai TMS"), ("ms", "Tandai MS")]
    pemilu = models.ForeignKey("pemilu.Pemilu", on_delete=models.PROTECT, related_name="+")
    pemilih = models.ForeignKey(Pemilih, on_delete=models.PROTECT, related_name="koreksi")
    kunci = models.ForeignKey(KunciTahap, on_delete=models.PROTECT, related_name="koreksi")
    jenis = models.CharField(max_length=5, choices=JENIS)
    isi = models.JSONField(default=dict, blank=True, encoder=DjangoJSONEncoder)
    alasan = models.TextField(blank=True)
    akun = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                             related_name="+")
    dibuat = models.DateTimeField(default=timezone.now)
    status = models.CharField(max_length=10, choices=StatusKoreksi.choices,
                              default=StatusKoreksi.TERTUNDA)
    diterapkan = models.DateTimeField(null=True, blank=True)
    salinan = models.ForeignKey(SalinanDaftar, null=True, blank=True, on_delete=models.PROTECT,
                                related_name="+", help_text="Diterapkan sesudah salinan ini.")
    hasil = models.TextField(blank=True)

    class Meta:
        ordering = ["dibuat", "id"]
        verbose_name = "koreksi tertunda"
        verbose_name_plural = "koreksi tertunda"

    def __str__(self) -> str:
        return f"{self.jenis} #{self.pemilih_id} ({self.status})"


class JenisTanggapan(models.TextChoices):
    BELUM_TERDAFTAR = "belum_terdaftar", "Belum terdaftar"
    DATA_SALAH = "data_salah", "Data tidak benar"
    TMS = "tms", "Tidak memenuhi syarat (mis. meninggal, pindah)"
    LAINNYA = "lainnya", "Lainnya"


class StatusTanggapan(models.TextChoices):
    BARU = "baru", "Baru"
    DITINDAKLANJUTI = "ditindaklanjuti", "Ditindaklanjuti"
    DITOLAK = "ditolak", "Ditolak"


class Tanggapan(models.Model):
    """A public response to an announced list (DPS/DPSHP): who said what about whom, and
    what was done with it."""

    pemilu = models.ForeignKey("pemilu.Pemilu", on_delete=models.PROTECT, related_name="+")
    salinan = models.ForeignKey(SalinanDaftar, on_delete=models.PROTECT, related_name="tanggapan")
    desa = models.ForeignKey("wilayah.Wilayah", on_delete=models.PROTECT, related_name="+")
    jenis = models.CharField(max_length=20, choices=JenisTanggapan.choices)
    pelapor = models.CharField(max_length=200)
    kontak = models.CharField(max_length=100, blank=True)
    isi = models.TextField()
    pemilih = models.ForeignKey(Pemilih, null=True, blank=True, on_delete=models.PROTECT,
                                related_name="+")
    status = models.CharField(max_length=16, choices=StatusTanggapan.choices,
                              default=StatusTanggapan.BARU)
    tindak_lanjut = models.TextField(blank=True)
    akun = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                             related_name="+")
    dibuat = models.DateTimeField(default=timezone.now)
    selesai = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-dibuat"]
        verbose_name = "tanggapan masyarakat"
        verbose_name_plural = "tanggapan masyarakat"

    def __str__(self) -> str:
        return f"{self.get_jenis_display()} ({self.get_status_display()})"


class PindahMemilih(models.Model):
    """DPTb: a DPT voter who votes at another TPS (Model A-Surat Pindah Memilih)."""

    pemilu = models.ForeignKey("pemilu.Pemilu", on_delete=models.PROTECT, related_name="+")
    pemilih = models.ForeignKey(Pemilih, on_delete=models.PROTECT, related_name="+")
    salinan = models.ForeignKey(SalinanDaftar, on_delete=models.PROTECT, related_name="+",
                                help_text="DPT tempat pemilih terdaftar.")
    tps_asal = models.ForeignKey("pemilu.TPS", on_delete=models.PROTECT, related_name="+")
    tps_tujuan = models.ForeignKey("pemilu.TPS", on_delete=models.PROTECT, related_name="+")
    alasan = models.CharField(max_length=200)
    nomor_surat = models.CharField("nomor Model A-Surat Pindah Memilih", max_length=60,
                                   blank=True)
    tanggal = models.DateField(help_text="Tanggal surat pindah memilih (keterangan).")
    diterima = models.DateTimeField(default=timezone.now,
                                    help_text="Waktu server menerima isian: yang dihitung "
                                              "untuk batas waktu, walau diproses kemudian.")
    entri = models.OneToOneField("EntriDPTb", null=True, blank=True, on_delete=models.PROTECT,
                                 related_name="pindah")
    akun = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                             related_name="+")
    dibuat = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-dibuat"]
        verbose_name = "pindah memilih (DPTb)"
        verbose_name_plural = "pindah memilih (DPTb)"
        constraints = [models.UniqueConstraint(fields=["pemilu", "pemilih"],
                                               name="dptb_sekali_per_pemilu")]

    def __str__(self) -> str:
        return f"{self.pemilih_id}: {self.tps_asal_id} → {self.tps_tujuan_id}"


class SumberDPTb(models.TextChoices):
    FORMULIR = "formulir", "Formulir"
    API = "api", "API"
    BERKAS = "berkas", "Berkas CSV/XLSX"


class StatusKiriman(models.TextChoices):
    ANTRE = "antre", "Dalam antrean"
    BERJALAN = "berjalan", "Diproses"
    SELESAI = "selesai", "Selesai"


class KirimanDPTb(models.Model):
    """One submission of DPTb entries (a form, an API batch or a spreadsheet), received and
    stored before any rule is checked, so an entry counts at the time the server received
    it even when processing is late (ANCHORS.md, SIDALIH Jan 2024: offices had a thousand
    records pending at the deadline)."""

    pemilu = models.ForeignKey("pemilu.Pemilu", on_delete=models.PROTECT, related_name="+")
    akun = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                             related_name="+")
    wilayah_kode = models.CharField(max_length=13, blank=True)
    sumber = models.CharField(max_length=10, choices=SumberDPTb.choices)
    nama_berkas = models.CharField(max_length=255, blank=True)
    sha256 = models.CharField(max_length=64, blank=True)
    diterima = models.DateTimeField(default=timezone.now)
    status = models.CharField(max_length=10, choices=StatusKiriman.choices,
                              default=StatusKiriman.ANTRE)
    jumlah = models.PositiveIntegerField(default=0, help_text="Entri yang diterima kiriman ini.")
    ulang = models.PositiveIntegerField(default=0, help_text="Entri yang sudah diterima dulu.")
    temuan = models.JSONField(default=list, blank=True,
                              help_text="Baris yang tidak dapat diterima: [{baris, kode, pesan}].")
    selesai = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-diterima"]
        verbose_name = "kiriman DPTb"
        verbose_name_plural = "kiriman DPTb"

    def __str__(self) -> str:
        return f"{self.get_sumber_display()} {self.diterima:%Y-%m-%d %H:%M} ({self.jumlah})"


class StatusEntri(models.TextChoices):
    ANTRE = "antre", "Diterima, menunggu diproses"
    DICATAT = "dicatat", "Dicatat di DPTb"
    DITOLAK = "ditolak", "Ditolak"


class EntriDPTb(models.Model):
    """One DPTb entry as received: the key the device or file gave it (a resend is not
    stored twice), the server's receipt time, what was sent, and how it ended."""

    kiriman = models.ForeignKey(KirimanDPTb, on_delete=models.PROTECT, related_name="entri")
    pemilu = models.ForeignKey("pemilu.Pemilu", on_delete=models.PROTECT, related_name="+",
                               db_index=False)
    kunci = models.CharField(max_length=100, unique=True)
    sidik = models.CharField(max_length=64, help_text="SHA-256 isi entri.")
    baris = models.PositiveIntegerField(null=True, blank=True, help_text="Baris berkas.")
    nik = models.CharField("NIK", max_length=16)
    tps_tujuan = models.ForeignKey("pemilu.TPS", on_delete=models.PROTECT, related_name="+")
    alasan = models.CharField(max_length=200)
    nomor_surat = models.CharField(max_length=60, blank=True)
    tanggal_surat = models.DateField(null=True, blank=True)
    waktu_perangkat = models.DateTimeField(null=True, blank=True,
                                           help_text="Jam di perangkat (keterangan saja).")
    diterima = models.DateTimeField(default=timezone.now)
    status = models.CharField(max_length=8, choices=StatusEntri.choices,
                              default=StatusEntri.ANTRE)
    kode = models.CharField(max_length=60, blank=True)
    pesan = models.TextField(blank=True)
    diproses = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["diterima", "id"]
        verbose_name = "entri DPTb"
        verbose_name_plural = "entri DPTb"
        indexes = [models.Index(fields=["kiriman", "status"], name="entri_dptb_kiriman"),
                   models.Index(fields=["pemilu", "status"], name="entri_dptb_status")]

    def __str__(self) -> str:
        return f"{self.kunci} ({self.status})"

    @property
    def nik_samar(self) -> str:
        return nik_samarkan(self.nik)


class PemilihKhusus(models.Model):
    """DPK: an eligible person not on the DPT who votes with their KTP-el at the TPS of
    their address."""

    pemilu = models.ForeignKey("pemilu.Pemilu", on_delete=models.PROTECT, related_name="+")
    tps = models.ForeignKey("pemilu.TPS", on_delete=models.PROTECT, related_name="+")
    nik = models.CharField("NIK", max_length=16)
    nkk = models.CharField("nomor KK", max_length=16, blank=True)
    nama = models.CharField(max_length=200)
    tanggal_lahir = models.DateField()
    jenis_kelamin = models.CharField(max_length=1, choices=JenisKelamin.choices)
    status_kawin = models.CharField(max_length=1, choices=StatusKawin.choices, blank=True)
    alamat = models.CharField(max_length=300, blank=True)
    rt = models.CharField(max_length=3, blank=True)
    rw = models.CharField(max_length=3, blank=True)
    akun = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                             related_name="+")
    dibuat = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["tps_id", "nama"]
        verbose_name = "pemilih khusus (DPK)"
        verbose_name_plural = "pemilih khusus (DPK)"
        constraints = [models.UniqueConstraint(fields=["pemilu", "nik"], name="dpk_nik_unik")]

    def __str__(self) -> str:
        return self.nama

    @property
    def nik_samar(self) -> str:
        return nik_samarkan(self.nik)


class PeringatanCekDPT(models.Model):
    """An alert from the public check: one client asked about many distinct NIKs (an
    enumeration attempt, ANCHORS.md DPT 2023) and was blocked. Only keyed hashes stored."""

    klien_sidik = models.CharField(max_length=64)
    jenis = models.CharField(max_length=20, default="enumerasi")
    jumlah_nik = models.PositiveIntegerField()
    jendela_detik = models.PositiveIntegerField()
    diblokir_sampai = models.DateTimeField()
    dibuat = models.DateTimeField(default=timezone.now)
    ditangani = models.BooleanField(default=False)

    class Meta:
        ordering = ["-dibuat"]
        verbose_name = "peringatan cek DPT"
        verbose_name_plural = "peringatan cek DPT"

    def __str__(self) -> str:
        return f"{self.jenis} {self.klien_sidik[:8]} ({self.jumlah_nik} NIK)"


class PemeriksaanMutu(models.Model):
    """Data-quality findings over a territory's list, kept as they were found: run when a
    list is locked for a plenary and whenever staff ask."""

    pemilu = models.ForeignKey("pemilu.Pemilu", on_delete=models.PROTECT, related_name="+")
    wilayah_kode = models.CharField(max_length=13)
    tahap = models.CharField(max_length=12, blank=True)
    akun = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                             related_name="+")
    jumlah_pemilih = models.PositiveIntegerField(default=0)
    temuan = models.JSONField(default=list, encoder=DjangoJSONEncoder)
    dibuat = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-dibuat"]
        verbose_name = "pemeriksaan mutu data"
        verbose_name_plural = "pemeriksaan mutu data"

    def __str__(self) -> str:
        return f"Mutu {self.wilayah_kode} ({self.dibuat:%Y-%m-%d})"


class StatusSaran(models.TextChoices):
    BARU = "baru", "Baru"
    DIPROSES = "diproses", "Diproses"
    SELESAI = "selesai", "Selesai ditindaklanjuti"
    DITOLAK = "ditolak", "Ditolak"


class SaranBawaslu(models.Model):
    """A correction suggestion from Bawaslu (saran perbaikan), tracked to done or rejected
    with a reason."""

    pemilu = models.ForeignKey("pemilu.Pemilu", on_delete=models.PROTECT, related_name="+")
    wilayah = models.ForeignKey("wilayah.Wilayah", on_delete=models.PROTECT, related_name="+")
    nomor_surat = models.CharField(max_length=100)
    tanggal_surat = models.DateField()
    pemilih = models.ForeignKey(Pemilih, null=True, blank=True, on_delete=models.PROTECT,
                                related_name="+")
    jenis = models.CharField(max_length=20)
    isi = models.TextField()
    status = models.CharField(max_length=10, choices=StatusSaran.choices,
                              default=StatusSaran.BARU)
    alasan = models.TextField(blank=True, help_text="Tindak lanjut atau alasan penolakan.")
    akun = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                             related_name="+")
    dibuat = models.DateTimeField(default=timezone.now)
    diubah = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-dibuat"]
        verbose_name = "saran perbaikan Bawaslu"
        verbose_name_plural = "saran perbaikan Bawaslu"

    def __str__(self) -> str:
        return f"{self.nomor_surat} ({self.get_status_display()})"


class LogCekDPT(models.Model):
    """Append-only log of every public DPT check (keyed hashes only, never the NIK). Kept
    apart from the audit chain: the chain serialises writers behind one lock, which at a
    polling-day peak would make the check itself the queue. Alerts and blocks still go to
    the audit chain. Updates and deletes are refused by a trigger on PostgreSQL."""

    waktu = models.DateTimeField(default=timezone.now)
    nik_sidik = models.CharField(max_length=64)
    klien_sidik = models.CharField(max_length=16)
    akun = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                             on_delete=models.SET_NULL, related_name="+", db_constraint=False)
    dengan_nama = models.BooleanField(default=False)
    valid = models.BooleanField(default=True)
    ditemukan = models.PositiveSmallIntegerField(default=0)
    diblokir = models.BooleanField(default=False)
    sumber = models.CharField(max_length=80, blank=True)

    class Meta:
        ordering = ["-waktu"]
        verbose_name = "log cek DPT"
        verbose_name_plural = "log cek DPT"

    def __str__(self) -> str:
        return f"{self.waktu:%Y-%m-%d %H:%M:%S} {self.klien_sidik}"
