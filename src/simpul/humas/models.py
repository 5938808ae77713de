"""Bakohumas records of a KPU office. An office (kantor) is a node of the region tree:
a province or kabupaten/kota code, or None for KPU RI; scoping goes through `Cakupan`."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone


class JenisKanal(models.TextChoices):
    WEBSITE = "website", "Website"
    MEDSOS = "medsos", "Media sosial"
    PESAN = "pesan", "Grup pesan"
    PODCAST = "podcast", "Podcast"
    CETAK = "cetak", "Cetak/radio"


class JenisKonten(models.Model):
    """A content type of the social-media recap (seed 002's eleven, editable)."""

    nama = models.CharField(max_length=100, unique=True)
    urutan = models.PositiveSmallIntegerField(default=0)
    aktif = models.BooleanField(default=True)

    class Meta:
        ordering = ["urutan", "nama"]
        verbose_name = "jenis konten"
        verbose_name_plural = "jenis konten"

    def __str__(self) -> str:
        return self.nama


class Kanal(models.Model):
    """A publication channel. `host` lists the URL hosts that identify it when a link is
    pasted; `dihitung_medsos` marks the channels summed into the 'Media Sosial' row of the
    evaluation table (see docs/humas.md: Instagram and TikTok by default)."""

    kode = models.SlugField(max_length=30, primary_key=True)
    nama = models.CharField(max_length=60)
    singkatan = models.CharField(max_length=20, help_text="Judul kolom di tabel rekap.")
    jenis = models.CharField(max_length=10, choices=JenisKanal.choices)
    urutan = models.PositiveSmallIntegerField(default=0)
    host = models.TextField(blank=True, help_text="Host tautan, dipisah spasi.")
    kolom_rekap = models.BooleanField(default=False,
                                      help_text="Tampil sebagai kolom tabel rekap media sosial.")
    dihitung_medsos = models.BooleanField(default=False, help_text=(
        "Dijumlahkan pada baris 'Media Sosial' tabel evaluasi."))
    perlu_tautan = models.BooleanField(default=True)
    aktif = models.BooleanField(default=True)

    class Meta:
        ordering = ["urutan", "kode"]
        verbose_name = "kanal"
        verbose_name_plural = "kanal"

    def __str__(self) -> str:
        return self.nama


class Publikasi(models.Model):
    """One piece of content; cross-posted to several channels it has several posts."""

    kantor = models.ForeignKey("wilayah.Wilayah", null=True, blank=True,
                               on_delete=models.PROTECT, related_name="+",
                               help_text="Kosong: KPU RI.")
    tanggal = models.DateField()
    jenis_konten = models.ForeignKey(JenisKonten, on_delete=models.PROTECT,
                                     related_name="publikasi")
    judul = models.CharField(max_length=300)
    jangkauan = models.PositiveIntegerField(null=True, blank=True)
    dibuat_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")
    dibuat = models.DateTimeField(auto_now_add=True)
    diubah = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-tanggal", "-id"]
        verbose_name = "publikasi"
        verbose_name_plural = "publikasi"
        indexes = [models.Index(fields=["kantor", "tanggal"])]
        constraints = [
            models.UniqueConstraint(fields=["kantor", "tanggal", "jenis_konten", "judul"],
                                    name="humas_publikasi_unik",
                                    nulls_distinct=False),
        ]

    def __str__(self) -> str:
        return f"{self.tanggal:%Y-%m-%d} {self.judul}"


class Unggahan(models.Model):
    """A post of a publication on one channel (and, for message groups or print/radio,
    one target: the group or the outlet)."""

    publikasi = models.ForeignKey(Publikasi, on_delete=models.CASCADE, related_name="unggahan")
    kanal = models.ForeignKey(Kanal, on_delete=models.PROTECT, related_name="unggahan")
    sasaran = models.CharField(max_length=200, blank=True,
                               help_text="Nama grup atau media (untuk grup pesan, cetak/radio).")
    tautan = models.URLField(max_length=500, blank=True)

    class Meta:
        ordering = ["kanal__urutan", "sasaran"]
        verbose_name = "unggahan"
        verbose_name_plural = "unggahan"
        constraints = [
            models.UniqueConstraint(fields=["publikasi", "kanal", "sasaran"],
                                    name="humas_unggahan_unik"),
            models.UniqueConstraint(fields=["tautan"], condition=~Q(tautan=""),
                                    name="humas_tautan_unik"),
        ]

    def __str__(self) -> str:
        return f"{self.kanal_id} {self.tautan or self.sasaran}"


class KategoriMitra(models.TextChoices):
    PEMERINTAH = "pemerintah", "Instansi Pemerintah"
    NONPEMERINTAH = "nonpemerintah", "Instansi Nonpemerintah"


class Koordinasi(models.Model):
    """Coordination, communication or cooperation with a partner (seed 002, Bab II)."""

    kantor = models.ForeignKey("wilayah.Wilayah", null=True, blank=True,
                               on_delete=models.PROTECT, related_name="+")
    tanggal_mulai = models.DateField()
    tanggal_selesai = models.DateField(null=True, blank=True)
    jenis = models.CharField(max_length=100, help_text="Mis. Koordinasi dan Komunikasi.")
    mitra = models.CharField(max_length=300)
    kategori_mitra = models.CharField(max_length=15, choices=KategoriMitra.choices)
    uraian = models.TextField()
    dibuat = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["tanggal_mulai", "id"]
        verbose_name = "koordinasi"
        verbose_name_plural = "koordinasi"
        indexes = [models.Index(fields=["kantor", "tanggal_mulai"])]

    def __str__(self) -> str:
        return f"{self.tanggal_mulai:%Y-%m-%d} {self.mitra}"


class PresisiTanggal(models.TextChoices):
    HARI = "hari", "Tanggal"
    BULAN = "bulan", "Bulan saja"


class Diseminasi(models.Model):
    """Election information disseminated, and through which channels (seed 002, Bab III a).
    Some entries in the seed carry only a month ('April 2022')."""

    kantor = models.ForeignKey("wilayah.Wilayah", null=True, blank=True,
                               on_delete=models.PROTECT, related_name="+")
    tanggal = models.DateField()
    presisi = models.CharField(max_length=5, choices=PresisiTanggal.choices,
                               default=PresisiTanggal.HARI)
    informasi = models.CharField(max_length=300)
    kanal = models.ManyToManyField(Kanal, related_name="+")
    dibuat = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["tanggal", "id"]
        verbose_name = "diseminasi informasi"
        verbose_name_plural = "diseminasi informasi"
        indexes = [models.Index(fields=["kantor", "tanggal"])]

    def __str__(self) -> str:
        return f"{self.tanggal:%Y-%m-%d} {self.informasi}"


class SKTim(models.Model):
    """A decree forming the office's Bakohumas team, or amending an earlier one; each
    decree carries the whole member list in force from its date."""

    kantor = models.ForeignKey("wilayah.Wilayah", null=True, blank=True,
                               on_delete=models.PROTECT, related_name="+")
    nomor = models.CharField(max_length=100)
    tanggal = models.DateField()
    tentang = models.CharField(max_length=300, blank=True)
    mengubah = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT,
                                 related_name="perubahan")

    class Meta:
        ordering = ["tanggal", "id"]
        verbose_name = "SK tim Bakohumas"
        verbose_name_plural = "SK tim Bakohumas"
        constraints = [models.UniqueConstraint(fields=["kantor", "nomor"],
                                               name="humas_sk_unik", nulls_distinct=False)]

    def __str__(self) -> str:
        return f"SK {self.nomor} ({self.tanggal:%d-%m-%Y})"


class AnggotaTim(models.Model):
    sk = models.ForeignKey(SKTim, on_delete=models.CASCADE, related_name="anggota")
    urutan = models.PositiveSmallIntegerField()
    nama = models.CharField(max_length=200)
    jabatan_kedinasan = models.CharField(max_length=200)
    jabatan_tim = models.CharField(max_length=100)

    class Meta:
        ordering = ["urutan"]
        verbose_name = "anggota tim Bakohumas"
        verbose_name_plural = "anggota tim Bakohumas"

    def __str__(self) -> str:
        return f"{self.nama} ({self.jabatan_tim})"


class StatusLaporan(models.TextChoices):
    DRAF = "draf", "Draf"
    DIAJUKAN = "diajukan", "Diajukan"
    DIKEMBALIKAN = "dikembalikan", "Dikembalikan untuk perbaikan"
    DITERIMA = "diterima", "Diterima"


class Laporan(models.Model):
    """A periodic Bakohumas report of an office. Tables are computed from the logs when the
    document is generated; `narasi` holds the editable narrative parts."""

    kantor = models.ForeignKey("wilayah.Wilayah", null=True, blank=True,
                               on_delete=models.PROTECT, related_name="+")
    jenis_periode = models.CharField(max_length=10)
    tahun = models.PositiveSmallIntegerField()
    nomor_periode = models.PositiveSmallIntegerField(default=1)
    nomor_surat = models.CharField(max_length=100, blank=True)
    tanggal_surat = models.DateField()
    data_sampai = models.DateField(null=True, blank=True,
                                   help_text="Batas data (kosong: akhir periode).")
    narasi = models.JSONField(default=dict)
    status = models.CharField(max_length=12, choices=StatusLaporan.choices,
                              default=StatusLaporan.DRAF)
    dibuat_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")
    dibuat = models.DateTimeField(auto_now_add=True)
    diubah = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-tahun", "-dibuat"]
        verbose_name = "laporan Bakohumas"
        verbose_name_plural = "laporan Bakohumas"
        constraints = [models.UniqueConstraint(
            fields=["kantor", "jenis_periode", "tahun", "nomor_periode"],
            name="humas_laporan_unik", nulls_distinct=False)]

    def __str__(self) -> str:
        return f"Laporan {self.jenis_periode} {self.nomor_periode}/{self.tahun}"


class CatatanLaporan(models.Model):
    """A step on a report: submission, a comment either way, return or acceptance."""

    laporan = models.ForeignKey(Laporan, on_delete=models.CASCADE, related_name="catatan")
    akun = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                             related_name="+")
    tindakan = models.CharField(max_length=20)
    isi = models.TextField(blank=True)
    waktu = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["waktu", "id"]

    def __str__(self) -> str:
        return f"{self.tindakan} {self.waktu:%Y-%m-%d %H:%M}"


class TemplatLaporan(models.Model):
    """A DOCX (docxtpl) template uploaded by an office; without one the built-in is used."""

    kantor = models.ForeignKey("wilayah.Wilayah", null=True, blank=True,
                               on_delete=models.PROTECT, related_name="+")
    nama_berkas = models.CharField(max_length=200)
    isi = models.BinaryField()
    sha256 = models.CharField(max_length=64)
    diunggah = models.DateTimeField(auto_now_add=True)
    aktif = models.BooleanField(default=True)

    class Meta:
        ordering = ["-diunggah"]

    def __str__(self) -> str:
        return self.nama_berkas


class Kampanye(models.Model):
    """Content an upper tier (KPU RI or a KPU Provinsi) asks every office below it to post
    at the same time under one hashtag."""

    penerbit = models.ForeignKey("wilayah.Wilayah", null=True, blank=True,
                                 on_delete=models.PROTECT, related_name="+",
                                 help_text="Kosong: KPU RI.")
    judul = models.CharField(max_length=300)
    isi = models.TextField(help_text="Materi yang diunggah: naskah, keterangan, tautan materi.")
    tagar = models.CharField(max_length=100)
    mulai = models.DateTimeField()
    selesai = models.DateTimeField()
    dibuat_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")
    dibuat = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-mulai", "-id"]
        verbose_name = "kampanye serentak"
        verbose_name_plural = "kampanye serentak"
        indexes = [models.Index(fields=["penerbit", "mulai"])]

    def __str__(self) -> str:
        return f"{self.judul} {self.tagar}"


class KampanyeUnggahan(models.Model):
    """A post an office made for a campaign, linked to its publication log when possible."""

    kampanye = models.ForeignKey(Kampanye, on_delete=models.CASCADE, related_name="unggahan")
    kantor = models.ForeignKey("wilayah.Wilayah", null=True, blank=True,
                               on_delete=models.PROTECT, related_name="+")
    kanal = models.ForeignKey(Kanal, on_delete=models.PROTECT, related_name="+")
    tautan = models.URLField(max_length=500)
    waktu = models.DateTimeField()
    unggahan = models.ForeignKey(Unggahan, null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="kampanye")
    dibuat_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["waktu", "id"]
        verbose_name = "unggahan kampanye"
        verbose_name_plural = "unggahan kampanye"
        indexes = [models.Index(fields=["kampanye", "kantor"])]
        constraints = [models.UniqueConstraint(fields=["kampanye", "tautan"],
                                               name="humas_kampanye_tautan_unik")]

    def __str__(self) -> str:
        return f"{self.kantor_id} {self.tautan}"


class KampanyeKomentar(models.Model):
    """A comment on a campaign or a reply to one, by the publishing tier or an office."""

    kampanye = models.ForeignKey(Kampanye, on_delete=models.CASCADE, related_name="komentar")
    kantor = models.ForeignKey("wilayah.Wilayah", null=True, blank=True,
                               on_delete=models.PROTECT, related_name="+")
    induk = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE,
                              related_name="balasan")
    akun = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                             related_name="+")
    isi = models.TextField()
    waktu = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["waktu", "id"]
        verbose_name = "komentar kampanye"
        verbose_name_plural = "komentar kampanye"

    def __str__(self) -> str:
        return self.isi[:60]


# --- news and public site ----------------------------------------------------------------------
# Timestamps are plain defaults, not auto_now, so an imported archive keeps its own.

class KategoriBerita(models.Model):
    nama = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    urutan = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["urutan", "nama"]
        verbose_name = "kategori berita"
        verbose_name_plural = "kategori berita"

    def __str__(self) -> str:
        return self.nama


class Tag(models.Model):
    nama = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)

    class Meta:
        ordering = ["nama"]

    def __str__(self) -> str:
        return self.nama


class Media(models.Model):
    """An image or file of an office's site, kept in the database so that a move of the
    site or the server cannot lose it (seed 002's complaint); addressed by its hash."""

    kantor = models.ForeignKey("wilayah.Wilayah", null=True, blank=True,
                               on_delete=models.PROTECT, related_name="+")
    nama_berkas = models.CharField(max_length=200)
    mime = models.CharField(max_length=100)
    ukuran = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    isi = models.BinaryField()
    keterangan = models.CharField(max_length=300, blank=True)
    diunggah = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-diunggah", "-id"]
        verbose_name = "media situs"
        verbose_name_plural = "media situs"
        constraints = [models.UniqueConstraint(fields=["kantor", "sha256"],
                                               name="humas_media_unik", nulls_distinct=False)]

    def __str__(self) -> str:
        return self.nama_berkas


class StatusArtikel(models.TextChoices):
    DRAF = "draf", "Draf"
    TINJAU = "tinjau", "Ditinjau"
    TERBIT = "terbit", "Terbit"


class Artikel(models.Model):
    """A news item of an office's public site. Published when its status is `terbit` and
    `terbit_pada` has come (scheduled publishing)."""

    kantor = models.ForeignKey("wilayah.Wilayah", null=True, blank=True,
                               on_delete=models.PROTECT, related_name="+")
    judul = models.CharField(max_length=300)
    slug = models.SlugField(max_length=200)
    ringkasan = models.TextField(blank=True)
    isi = models.TextField(help_text="HTML yang sudah disanitasi.")
    kategori = models.ForeignKey(KategoriBerita, null=True, blank=True,
                                 on_delete=models.PROTECT, related_name="artikel")
    tag = models.ManyToManyField(Tag, blank=True, related_name="artikel")
    gambar = models.ForeignKey(Media, null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="+")
    penulis = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                on_delete=models.SET_NULL, related_name="+")
    penulis_nama = models.CharField(max_length=200, blank=True)
    status = models.CharField(max_length=6, choices=StatusArtikel.choices,
                              default=StatusArtikel.DRAF)
    terbit_pada = models.DateTimeField(null=True, blank=True)
    dibuat = models.DateTimeField(default=timezone.now)
    diubah = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-terbit_pada", "-id"]
        verbose_name = "artikel"
        verbose_name_plural = "artikel"
        indexes = [models.Index(fields=["kantor", "status", "terbit_pada"])]
        constraints = [models.UniqueConstraint(fields=["kantor", "slug"],
                                               name="humas_artikel_slug_unik",
                                               nulls_distinct=False)]

    def __str__(self) -> str:
        return self.judul


class HalamanSitus(models.Model):
    """A fixed page of the site (Profil, PPID, Kontak ...)."""

    kantor = models.ForeignKey("wilayah.Wilayah", null=True, blank=True,
                               on_delete=models.PROTECT, related_name="+")
    judul = models.CharField(max_length=300)
    slug = models.SlugField(max_length=200)
    isi = models.TextField()
    urutan = models.PositiveSmallIntegerField(default=0)
    terbit = models.BooleanField(default=True)
    diubah = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["urutan", "judul"]
        verbose_name = "halaman situs"
        verbose_name_plural = "halaman situs"
        constraints = [models.UniqueConstraint(fields=["kantor", "slug"],
                                               name="humas_halaman_slug_unik",
                                               nulls_distinct=False)]

    def __str__(self) -> str:
        return self.judul


class JenisDokumen(models.TextChoices):
    PENGUMUMAN = "pengumuman", "Pengumuman"
    SK = "sk", "Surat Keputusan"
    PPID = "ppid", "Informasi Publik (PPID)"
    LAINNYA = "lainnya", "Lainnya"


class DokumenSitus(models.Model):
    """A downloadable document: announcement, decree (SK), PPID information."""

    kantor = models.ForeignKey("wilayah.Wilayah", null=True, blank=True,
                               on_delete=models.PROTECT, related_name="+")
    judul = models.CharField(max_length=300)
    jenis = models.CharField(max_length=12, choices=JenisDokumen.choices)
    nomor = models.CharField(max_length=100, blank=True)
    tanggal = models.DateField()
    keterangan = models.TextField(blank=True)
    berkas = models.ForeignKey(Media, on_delete=models.PROTECT, related_name="+")
    terbit = models.BooleanField(default=True)
    diubah = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-tanggal", "-id"]
        verbose_name = "dokumen unduhan"
        verbose_name_plural = "dokumen unduhan"

    def __str__(self) -> str:
        return self.judul


# --- media monitoring ----------------------------------------------------------------------------

class JenisSumber(models.TextChoices):
    BERITA = "berita", "Berita daring/cetak"
    MEDSOS = "medsos", "Media sosial"


class Sentimen(models.TextChoices):
    POSITIF = "positif", "Positif"
    NETRAL = "netral", "Netral"
    NEGATIF = "negatif", "Negatif"


class StatusTanggapan(models.TextChoices):
    TIDAK_PERLU = "tidak_perlu", "Tidak perlu ditanggapi"
    BELUM = "belum", "Belum ditanggapi"
    PROSES = "proses", "Sedang ditanggapi"
    SELESAI = "selesai", "Sudah ditanggapi"


class PantauanMedia(models.Model):
    """A news or social-media item about the election in the office's territory, its
    sentiment, whether it is a hoax or disinformation, and the office's response."""

    kantor = models.ForeignKey("wilayah.Wilayah", null=True, blank=True,
                               on_delete=models.PROTECT, related_name="+")
    tanggal = models.DateField()
    jenis_sumber = models.CharField(max_length=6, choices=JenisSumber.choices)
    sumber = models.CharField(max_length=200, help_text="Nama media atau akun/platform.")
    judul = models.CharField(max_length=300)
    tautan = models.URLField(max_length=500, blank=True)
    ringkasan = models.TextField(blank=True)
    sentimen = models.CharField(max_length=7, choices=Sentimen.choices)
    hoaks = models.BooleanField(default=False, help_text="Hoaks atau disinformasi.")
    tanggapan = models.TextField(blank=True, help_text="Klarifikasi, hak jawab, laporan ...")
    status_tanggapan = models.CharField(max_length=11, choices=StatusTanggapan.choices,
                                        default=StatusTanggapan.TIDAK_PERLU)
    ditanggapi = models.DateField(null=True, blank=True)
    dibuat_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")
    dibuat = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-tanggal", "-id"]
        verbose_name = "pantauan media"
        verbose_name_plural = "pantauan media"
        indexes = [models.Index(fields=["kantor", "tanggal"])]
        constraints = [models.UniqueConstraint(fields=["kantor", "tautan"],
                                               condition=~Q(tautan=""),
                                               name="humas_pantauan_tautan_unik",
                                               nulls_distinct=False)]

    def __str__(self) -> str:
        return f"{self.tanggal:%Y-%m-%d} {self.judul}"


class VersiSitus(models.Model):
    """A token that changes with every change to an office's public site, in the same
    transaction as the change: the server-side page cache keys on it, so a publish or an
    edit is seen at once by every worker process, and a restored database never meets a
    cached page of a later state (the token is random, not a counter)."""

    kantor = models.OneToOneField("wilayah.Wilayah", null=True, blank=True,
                                  on_delete=models.CASCADE, related_name="+")
    token = models.CharField(max_length=32)
    diubah = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "versi situs"
        verbose_name_plural = "versi situs"
        constraints = [models.UniqueConstraint(fields=["kantor"], name="humas_versi_situs_unik",
                                               nulls_distinct=False)]

    def __str__(self) -> str:
        return f"{self.kantor_id or 'ri'} {self.token}"


class MediaTertunda(models.Model):
    """A file of an imported WordPress site that is not here yet: an attachment named in
    the WXR file, or an image the imported HTML still loads from the old site. A WXR file
    holds only addresses, and the servers fetch nothing from the internet, so staff upload
    the file (`media`); the HTML is then re-pointed to it."""

    kantor = models.ForeignKey("wilayah.Wilayah", null=True, blank=True,
                               on_delete=models.PROTECT, related_name="+")
    url_asal = models.URLField(max_length=1000)
    judul = models.CharField(max_length=300, blank=True)
    mime = models.CharField(max_length=100, blank=True)
    wp_id = models.PositiveBigIntegerField(null=True, blank=True)
    media = models.ForeignKey(Media, null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="+")
    dicatat = models.DateTimeField(default=timezone.now)
    selesai = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["selesai", "url_asal"]
        verbose_name = "media tertunda"
        verbose_name_plural = "media tertunda"
        constraints = [models.UniqueConstraint(fields=["kantor", "url_asal"],
                                               name="humas_media_tertunda_unik",
                                               nulls_distinct=False)]

    def __str__(self) -> str:
        return self.url_asal
