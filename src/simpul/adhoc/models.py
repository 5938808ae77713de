import uuid

from django.conf import settings
from django.db import models

from .rules import JENJANG_PENDIDIKAN, Badan


class Rekrutmen(models.Model):
    """A recruitment round of one body, for one election, in one territory, with its schedule."""

    pemilu = models.ForeignKey("pemilu.Pemilu", on_delete=models.PROTECT,
                               related_name="rekrutmen")
    badan = models.CharField(max_length=10, choices=[(b.value, b.name) for b in Badan])
    wilayah = models.ForeignKey("wilayah.Wilayah", on_delete=models.PROTECT, related_name="+",
                                help_text="Wilayah penyelenggara rekrutmen (biasanya kab/kota).")
    nama = models.CharField(max_length=200)
    pengumuman = models.DateField()
    pendaftaran_mulai = models.DateField()
    pendaftaran_selesai = models.DateField()
    penelitian_berkas = models.DateField(null=True, blank=True)
    tes = models.DateField(null=True, blank=True)
    wawancara = models.DateField(null=True, blank=True)
    pengumuman_hasil = models.DateField(null=True, blank=True)
    pelantikan = models.DateField(null=True, blank=True)
    dibuat = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-pendaftaran_mulai", "nama"]
        verbose_name = "rekrutmen"
        verbose_name_plural = "rekrutmen"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(pendaftaran_mulai__lte=models.F("pendaftaran_selesai")),
                name="rekrutmen_jadwal_daftar_urut"),
        ]

    def __str__(self) -> str:
        return self.nama


class StatusPendaftar(models.TextChoices):
    DIAJUKAN = "diajukan", "Diajukan, menunggu verifikasi"
    MEMENUHI_SYARAT = "ms", "Memenuhi syarat"
    TIDAK_MEMENUHI_SYARAT = "tms", "Tidak memenuhi syarat"


class Pendaftar(models.Model):
    """One application. A person applies once per election (unique NIK per election)."""

    rekrutmen = models.ForeignKey(Rekrutmen, on_delete=models.PROTECT, related_name="pendaftar")
    pemilu = models.ForeignKey("pemilu.Pemilu", on_delete=models.PROTECT, related_name="+")
    nomor = models.CharField(max_length=20, unique=True)
    kunci_idempoten = models.CharField(max_length=64, unique=True)
    nik = models.CharField(max_length=16)
    nama = models.CharField(max_length=150)
    jenis_kelamin = models.CharField(max_length=1, choices=[("L", "Laki-laki"),
                                                           ("P", "Perempuan")])
    tanggal_lahir = models.DateField()
    alamat = models.CharField(max_length=300)
    domisili = models.ForeignKey("wilayah.Wilayah", on_delete=models.PROTECT, related_name="+",
                                 help_text="Desa/kelurahan domisili.")
    wilayah_tugas = models.ForeignKey("wilayah.Wilayah", on_delete=models.PROTECT,
                                      related_name="+",
                                      help_text="Kecamatan (PPK) atau desa/kelurahan yang dilamar.")
    pendidikan = models.CharField(max_length=3, choices=list(JENJANG_PENDIDIKAN.items()))
    telepon = models.CharField(max_length=20)
    email = models.EmailField(blank=True)
    pengalaman = models.CharField(max_length=500, blank=True,
                                  help_text="Pengalaman sebagai penyelenggara pemilu.")
    periode_sebelumnya = models.PositiveSmallIntegerField(default=0)
    bukan_anggota_partai = models.BooleanField()
    tidak_pernah_dipidana = models.BooleanField()
    melek_it = models.BooleanField(default=False)
    status = models.CharField(max_length=10, choices=StatusPendaftar.choices,
                              default=StatusPendaftar.DIAJUKAN)
    hasil_syarat = models.JSONField(default=list, blank=True)
    alasan_keputusan = models.CharField(max_length=500, blank=True)
    diputuskan_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                        on_delete=models.PROTECT, related_name="+")
    diputuskan_pada = models.DateTimeField(null=True, blank=True)
    dibantu_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
        related_name="+", help_text="Petugas yang mendaftarkan pelamar yang membawa berkas "
                                    "kertas (pendaftaran dibantu).")
    berkas_kertas_diterima = models.DateField(
        null=True, blank=True, help_text="Tanggal berkas kertas diterima kantor (dibantu).")
    dibuat = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["rekrutmen", "wilayah_tugas", "nama"]
        verbose_name = "pendaftar"
        verbose_name_plural = "pendaftar"
        constraints = [
            models.UniqueConstraint(fields=["pemilu", "nik"], name="pendaftar_satu_per_pemilu"),
        ]
        indexes = [models.Index(fields=["rekrutmen", "wilayah_tugas"],
                                name="pendaftar_rekrutmen_wilayah")]

    def __str__(self) -> str:
        return f"{self.nomor} {self.nama}"


class JenisBerkas(models.TextChoices):
    KTP = "ktp", "KTP-el"
    IJAZAH = "ijazah", "Ijazah"
    SURAT_SEHAT = "surat_sehat", "Surat keterangan sehat"
    SURAT_PERNYATAAN = "surat_pernyataan", "Surat pernyataan"


class Berkas(models.Model):
    """An accepted upload with its receipt: type found by its bytes, size, SHA-256, time."""

    pendaftar = models.ForeignKey(Pendaftar, on_delete=models.CASCADE, related_name="berkas")
    jenis = models.CharField(max_length=20, choices=JenisBerkas.choices)
    berkas = models.FileField(upload_to="adhoc/berkas/%Y/%m/")
    mime = models.CharField(max_length=50)
    ukuran = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    diterima = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pendaftar", "jenis"]
        verbose_name_plural = "berkas"
        constraints = [models.UniqueConstraint(fields=["pendaftar", "jenis"],
                                               name="berkas_satu_per_jenis")]

    def __str__(self) -> str:
        return f"{self.get_jenis_display()} {self.sha256[:12]}"


class AnggotaPartai(models.Model):
    """A row of an uploaded party membership list (e.g. a SIPOL export), per election."""

    pemilu = models.ForeignKey("pemilu.Pemilu", on_delete=models.PROTECT, related_name="+")
    nik = models.CharField(max_length=16, blank=True, db_index=True)
    nama = models.CharField(max_length=150)
    nama_baku = models.CharField(max_length=150)
    tanggal_lahir = models.DateField(null=True, blank=True)
    partai = models.CharField(max_length=150)
    keluar = models.DateField(null=True, blank=True)
    sumber = models.CharField(max_length=200)

    class Meta:
        verbose_name_plural = "anggota partai (daftar unggahan)"
        indexes = [models.Index(fields=["pemilu", "nama_baku", "tanggal_lahir"],
                                name="anggota_partai_nama_lahir")]

    def __str__(self) -> str:
        return f"{self.nama} ({self.partai})"


class JenisSK(models.TextChoices):
    PENGANGKATAN = "pengangkatan", "Pengangkatan"
    PAW = "paw", "Pergantian antarwaktu"


class SK(models.Model):
    """A decree (surat keputusan) appointing members of one body; a PAW decree appoints
    one replacement."""

    rekrutmen = models.ForeignKey(Rekrutmen, on_delete=models.PROTECT, related_name="sk")
    pemilu = models.ForeignKey("pemilu.Pemilu", on_delete=models.PROTECT, related_name="+")
    jenis = models.CharField(max_length=12, choices=JenisSK.choices,
                             default=JenisSK.PENGANGKATAN)
    nomor = models.CharField(max_length=100)
    tanggal = models.DateField()
    perihal = models.CharField(max_length=300)
    wilayah = models.ForeignKey("wilayah.Wilayah", on_delete=models.PROTECT, related_name="+",
                                help_text="Wilayah yang dicakup SK (kab/kota, kecamatan, desa).")
    dibuat_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, null=True,
                                    on_delete=models.PROTECT, related_name="+")
    dibuat = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-tanggal", "nomor"]
        verbose_name = "SK"
        verbose_name_plural = "SK"
        constraints = [models.UniqueConstraint(fields=["pemilu", "nomor"],
                                               name="sk_nomor_unik_per_pemilu")]

    def __str__(self) -> str:
        return f"SK {self.nomor}"


class Jabatan(models.TextChoices):
    KETUA = "ketua", "Ketua"
    ANGGOTA = "anggota", "Anggota"


class StatusAnggota(models.TextChoices):
    AKTIF = "aktif", "Aktif"
    BERHENTI = "berhenti", "Berhenti"


class Anggota(models.Model):
    """A member in a seat of a body. A seat (`kursi`: the TPS or region and a number) keeps
    its history: a replacement is a new row pointing at the member it replaces."""

    rekrutmen = models.ForeignKey(Rekrutmen, on_delete=models.PROTECT, related_name="anggota")
    pemilu = models.ForeignKey("pemilu.Pemilu", on_delete=models.PROTECT, related_name="+")
    badan = models.CharField(max_length=10, choices=[(b.value, b.name) for b in Badan])
    wilayah = models.ForeignKey("wilayah.Wilayah", on_delete=models.PROTECT, related_name="+",
                                help_text="Desa/kelurahan (KPPS, PPS) atau kecamatan (PPK).")
    tps = models.ForeignKey("pemilu.TPS", null=True, blank=True, on_delete=models.PROTECT,
                            related_name="+")
    kursi = models.CharField(max_length=40, help_text="Kunci kursi: unit dan nomor urut.")
    urut = models.PositiveSmallIntegerField()
    jabatan = models.CharField(max_length=8, choices=Jabatan.choices, default=Jabatan.ANGGOTA)
    pendaftar = models.ForeignKey(Pendaftar, on_delete=models.PROTECT, related_name="kursi")
    jarak = models.PositiveSmallIntegerField(
        default=0, help_text="0: ditempatkan di desa/wilayah domisili; 1: di sekitarnya.")
    sk = models.ForeignKey(SK, null=True, blank=True, on_delete=models.PROTECT,
                           related_name="anggota")
    status = models.CharField(max_length=8, choices=StatusAnggota.choices,
                              default=StatusAnggota.AKTIF)
    menggantikan = models.OneToOneField("self", null=True, blank=True,
                                        on_delete=models.PROTECT, related_name="pengganti")
    berhenti_tanggal = models.DateField(null=True, blank=True)
    berhenti_alasan = models.CharField(max_length=500, blank=True)
    berhenti_bukti = models.FileField(upload_to="adhoc/paw/%Y/%m/", blank=True)
    berhenti_bukti_sha256 = models.CharField(max_length=64, blank=True)
    kode_hadir = models.CharField(max_length=24, unique=True,
                                  help_text="Kode pada QR kehadiran anggota.")
    dibuat = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["rekrutmen", "wilayah_id", "tps_id", "urut", "dibuat"]
        verbose_name_plural = "anggota"
        constraints = [
            models.UniqueConstraint(fields=["pendaftar"], condition=models.Q(status="aktif"),
                                    name="anggota_satu_kursi_per_orang"),
            models.UniqueConstraint(fields=["rekrutmen", "kursi"],
                                    condition=models.Q(status="aktif"),
                                    name="anggota_satu_per_kursi"),
        ]
        indexes = [models.Index(fields=["rekrutmen", "wilayah"], name="anggota_rekrutmen_wil")]

    def __str__(self) -> str:
        return f"{self.get_jabatan_display()} {self.kursi}"


class PenempatanJalan(models.Model):
    """One run of the placement: what was filled and every unit that could not be."""

    rekrutmen = models.ForeignKey(Rekrutmen, on_delete=models.PROTECT,
                                  related_name="penempatan")
    akun = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT,
                             related_name="+")
    waktu = models.DateTimeField(auto_now_add=True)
    ringkasan = models.JSONField(default=dict)
    kekurangan = models.JSONField(default=list)

    class Meta:
        ordering = ["-waktu"]
        verbose_name_plural = "penempatan"

    def __str__(self) -> str:
        return f"Penempatan {self.rekrutmen_id} {self.waktu:%Y-%m-%d %H:%M}"


class JenisDokumen(models.TextChoices):
    SK = "sk", "Surat keputusan pengangkatan"
    SUMPAH = "sumpah", "Berita acara sumpah/janji"
    PAKTA = "pakta", "Pakta integritas"
    SERTIFIKAT = "sertifikat", "Sertifikat bimtek"


class TemplatDokumen(models.Model):
    """A DOCX (docxtpl) template uploaded by an office to replace the built-in one for its
    territory; the newest active one of the nearest office wins."""

    kantor = models.ForeignKey("wilayah.Wilayah", null=True, blank=True,
                               on_delete=models.PROTECT, related_name="+",
                               help_text="Kantor KPU pemilik templat (kosong: nasional).")
    jenis = models.CharField(max_length=12, choices=JenisDokumen.choices)
    nama_berkas = models.CharField(max_length=200)
    isi = models.BinaryField()
    sha256 = models.CharField(max_length=64)
    diunggah_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, null=True,
                                      on_delete=models.PROTECT, related_name="+")
    diunggah = models.DateTimeField(auto_now_add=True)
    aktif = models.BooleanField(default=True)

    class Meta:
        ordering = ["-diunggah"]
        verbose_name_plural = "templat dokumen"

    def __str__(self) -> str:
        return f"{self.get_jenis_display()} {self.kantor_id or 'nasional'}"


class JenisKegiatan(models.TextChoices):
    PELANTIKAN = "pelantikan", "Pelantikan"
    BIMTEK = "bimtek", "Bimbingan teknis"


class Kegiatan(models.Model):
    """An inauguration or a training session (bimtek) for the members of a round in a
    territory, with its agenda; attendance is recorded per member."""

    rekrutmen = models.ForeignKey(Rekrutmen, on_delete=models.PROTECT, related_name="kegiatan")
    jenis = models.CharField(max_length=12, choices=JenisKegiatan.choices)
    nama = models.CharField(max_length=200)
    tanggal = models.DateField()
    tempat = models.CharField(max_length=200)
    wilayah = models.ForeignKey("wilayah.Wilayah", on_delete=models.PROTECT, related_name="+",
                                help_text="Wilayah peserta (anggota di bawah wilayah ini).")
    agenda = models.TextField(blank=True, help_text="Satu butir acara per baris.")
    sk = models.ForeignKey(SK, null=True, blank=True, on_delete=models.PROTECT,
                           related_name="kegiatan")
    dibuat_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, null=True,
                                    on_delete=models.PROTECT, related_name="+")
    dibuat = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-tanggal", "nama"]
        verbose_name_plural = "kegiatan"

    def __str__(self) -> str:
        return self.nama

    @property
    def butir_agenda(self) -> list[str]:
        return [b.strip() for b in self.agenda.splitlines() if b.strip()]


class Kehadiran(models.Model):
    kegiatan = models.ForeignKey(Kegiatan, on_delete=models.CASCADE, related_name="kehadiran")
    anggota = models.ForeignKey(Anggota, on_delete=models.PROTECT, related_name="kehadiran")
    cara = models.CharField(max_length=6, choices=[("qr", "Pindai QR"), ("daftar", "Daftar")])
    dicatat_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, null=True,
                                     on_delete=models.PROTECT, related_name="+")
    waktu = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["kegiatan", "waktu"]
        verbose_name_plural = "kehadiran"
        constraints = [models.UniqueConstraint(fields=["kegiatan", "anggota"],
                                               name="kehadiran_sekali")]

    def __str__(self) -> str:
        return f"{self.kegiatan_id}:{self.anggota_id}"


class StatusUnggahan(models.TextChoices):
    BERJALAN = "berjalan", "Sedang diunggah"
    SELESAI = "selesai", "Diterima"
    DITOLAK = "ditolak", "Ditolak"


class Unggahan(models.Model):
    """A resumable upload of one registration file: the browser sends it in chunks to this
    server-side id and, after a dropped connection, asks for `diterima` (the offset) and
    goes on from there. On completion the bytes are checked again and kept in `isi` until
    the form that carries the id is submitted."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    rekrutmen = models.ForeignKey(Rekrutmen, on_delete=models.CASCADE, related_name="+")
    kunci_formulir = models.CharField(max_length=64, db_index=True,
                                      help_text="Kunci idempoten formulir pemilik unggahan.")
    jenis = models.CharField(max_length=20, choices=JenisBerkas.choices)
    nama_berkas = models.CharField(max_length=200, blank=True)
    ukuran = models.PositiveIntegerField(help_text="Ukuran yang diumumkan peramban (byte).")
    diterima = models.PositiveIntegerField(default=0, help_text="Byte yang sudah diterima.")
    status = models.CharField(max_length=10, choices=StatusUnggahan.choices,
                              default=StatusUnggahan.BERJALAN)
    mime = models.CharField(max_length=50, blank=True)
    sha256 = models.CharField(max_length=64, blank=True)
    kode_tolak = models.CharField(max_length=60, blank=True)
    isi = models.BinaryField(null=True, blank=True)
    dibuat = models.DateTimeField(auto_now_add=True)
    diperbarui = models.DateTimeField(auto_now=True, db_index=True)
    selesai = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name_plural = "unggahan"

    def __str__(self) -> str:
        return f"{self.jenis} {self.diterima}/{self.ukuran}"


class PotonganUnggahan(models.Model):
    """One chunk, committed before its offset is acknowledged, so the offset the server
    reports is always what it really holds."""

    unggahan = models.ForeignKey(Unggahan, on_delete=models.CASCADE, related_name="potongan")
    awal = models.PositiveIntegerField()
    data = models.BinaryField()

    class Meta:
        ordering = ["unggahan", "awal"]
        constraints = [models.UniqueConstraint(fields=["unggahan", "awal"],
                                               name="potongan_unggahan_sekali")]

    def __str__(self) -> str:
        return f"{self.unggahan_id}@{self.awal}"


class PerpanjanganPendaftaran(models.Model):
    """An extension of a round's registration for one kecamatan or desa/kelurahan, with
    its decision letter (nomor, tanggal, the uploaded letter and its SHA-256)."""

    rekrutmen = models.ForeignKey(Rekrutmen, on_delete=models.PROTECT,
                                  related_name="perpanjangan")
    wilayah = models.ForeignKey("wilayah.Wilayah", on_delete=models.PROTECT, related_name="+")
    selesai = models.DateField(help_text="Akhir pendaftaran baru di wilayah ini.")
    nomor_keputusan = models.CharField(max_length=100)
    tanggal_keputusan = models.DateField()
    berkas = models.FileField(upload_to="adhoc/perpanjangan/%Y/%m/")
    berkas_sha256 = models.CharField(max_length=64)
    pendaftar = models.PositiveIntegerField(help_text="Pendaftar di wilayah saat ditetapkan.")
    kebutuhan = models.PositiveIntegerField(help_text="Kebutuhan kursi di wilayah.")
    dibuat_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, null=True,
                                    on_delete=models.PROTECT, related_name="+")
    dibuat = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["rekrutmen", "wilayah_id", "-selesai"]
        verbose_name_plural = "perpanjangan pendaftaran"

    def __str__(self) -> str:
        return f"{self.wilayah_id} s.d. {self.selesai}"


class RiwayatPeriode(models.Model):
    """A term served in an ad hoc body before Simpul (imported from a file): feeds the
    terms-served rule together with Simpul's own seats of earlier elections."""

    nik = models.CharField(max_length=16, db_index=True)
    badan = models.CharField(max_length=10, choices=[(b.value, b.name) for b in Badan])
    pemilu = models.CharField(max_length=150, help_text="Nama pemilu/pemilihan.")
    tahun = models.PositiveSmallIntegerField()
    sumber = models.CharField(max_length=200)
    dibuat = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["nik", "tahun"]
        verbose_name_plural = "riwayat periode"
        constraints = [models.UniqueConstraint(fields=["nik", "badan", "pemilu", "tahun"],
                                               name="riwayat_periode_unik")]

    def __str__(self) -> str:
        return f"{self.badan} {self.pemilu} {self.tahun}"
