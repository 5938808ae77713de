from django.conf import settings
from django.db import models


class KategoriSoal(models.Model):
    """A category of the question bank (Pengetahuan Kepemiluan, Pancasila dan UUD 1945, ...)."""

    nama = models.CharField(max_length=100, unique=True)
    urutan = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["urutan", "nama"]
        verbose_name = "kategori soal"
        verbose_name_plural = "kategori soal"

    def __str__(self) -> str:
        return self.nama


class Soal(models.Model):
    """A multiple-choice question with 4 or 5 options and one correct option.

    Questions are confidential: each belongs to the KPU office that imported it (`wilayah`,
    None for KPU RI) and an exam draws from its own office and the offices above it."""

    kategori = models.ForeignKey(KategoriSoal, on_delete=models.PROTECT, related_name="soal")
    wilayah = models.ForeignKey("wilayah.Wilayah", null=True, blank=True,
                                on_delete=models.PROTECT, related_name="+")
    teks = models.TextField()
    pilihan = models.JSONField(help_text="Daftar 4 atau 5 teks pilihan, urut A, B, C, ...")
    kunci = models.PositiveSmallIntegerField(help_text="Indeks pilihan yang benar (0 = A).")
    sidik = models.CharField(max_length=64, help_text="SHA-256 of the normalised question "
                             "text, to refuse the same question twice in one office's bank.")
    aktif = models.BooleanField(default=True)
    dibuat = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["kategori", "pk"]
        verbose_name_plural = "soal"
        constraints = [
            models.UniqueConstraint(fields=["wilayah", "sidik"], name="soal_unik_per_kantor",
                                    nulls_distinct=False),
            models.CheckConstraint(condition=models.Q(kunci__lte=4), name="soal_kunci_a_e"),
        ]

    def __str__(self) -> str:
        return self.teks[:60]


class Ujian(models.Model):
    """The CAT of one recruitment round (PPK or PPS): composition, duration, window."""

    rekrutmen = models.ForeignKey("adhoc.Rekrutmen", on_delete=models.PROTECT,
                                  related_name="ujian")
    nama = models.CharField(max_length=200)
    durasi_menit = models.PositiveSmallIntegerField()
    dibuka = models.DateTimeField(help_text="Peserta dapat mulai sejak saat ini.")
    ditutup = models.DateTimeField(help_text="Peserta tidak dapat mulai setelah saat ini.")
    benih = models.CharField(max_length=32, help_text="Secret of this exam; with the "
                             "registration number it seeds each candidate's test.")
    dibuat = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-dibuka"]
        verbose_name_plural = "ujian"
        constraints = [
            models.CheckConstraint(condition=models.Q(dibuka__lt=models.F("ditutup")),
                                   name="ujian_jendela_urut"),
            models.CheckConstraint(condition=models.Q(durasi_menit__gte=1,
                                                      durasi_menit__lte=240),
                                   name="ujian_durasi_1_240"),
        ]

    def __str__(self) -> str:
        return self.nama


class KomposisiUjian(models.Model):
    ujian = models.ForeignKey(Ujian, on_delete=models.CASCADE, related_name="komposisi")
    kategori = models.ForeignKey(KategoriSoal, on_delete=models.PROTECT, related_name="+")
    jumlah = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["ujian", "kategori__urutan"]
        verbose_name_plural = "komposisi ujian"
        constraints = [models.UniqueConstraint(fields=["ujian", "kategori"],
                                               name="komposisi_satu_per_kategori")]


    def __str__(self) -> str:
        return f"{self.kategori_id}: {self.jumlah}"

class SesiCAT(models.Model):
    """One candidate's test: login code, questions in their order, deadline, score.

    `susunan` is [{"s": soal id, "p": [original option index shown at position i]}], in
    the order the candidate sees them; it is drawn once, from the exam's secret and the
    registration number, so the same candidate always gets the same test."""

    ujian = models.ForeignKey(Ujian, on_delete=models.PROTECT, related_name="sesi")
    pendaftar = models.ForeignKey("adhoc.Pendaftar", on_delete=models.PROTECT,
                                  related_name="sesi_cat")
    kode_hash = models.CharField(max_length=64)
    kode_dipakai = models.BooleanField(default=False)
    gagal_masuk = models.PositiveSmallIntegerField(default=0)
    token_hash = models.CharField(max_length=64, blank=True, db_index=True)
    susunan = models.JSONField(default=list, blank=True)
    mulai = models.DateTimeField(null=True, blank=True)
    tenggat = models.DateTimeField(null=True, blank=True)
    selesai = models.DateTimeField(null=True, blank=True)
    sebab_selesai = models.CharField(max_length=10, blank=True,
                                     choices=[("kirim", "Dikirim peserta"),
                                              ("tenggat", "Waktu habis")])
    jumlah_soal = models.PositiveSmallIntegerField(default=0)
    benar = models.PositiveSmallIntegerField(null=True, blank=True)
    nilai = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    sidik_jawaban = models.CharField(max_length=64, blank=True)

    class Meta:
        ordering = ["ujian", "pendaftar"]
        verbose_name = "sesi CAT"
        verbose_name_plural = "sesi CAT"
        constraints = [
            models.UniqueConstraint(fields=["ujian", "pendaftar"], name="sesi_satu_per_peserta"),
            models.CheckConstraint(
                condition=models.Q(selesai__isnull=True, nilai__isnull=True)
                | models.Q(selesai__isnull=False, nilai__isnull=False),
                name="sesi_nilai_saat_selesai"),
        ]

    def __str__(self) -> str:
        return f"CAT {self.pendaftar_id} / ujian {self.ujian_id}"


class Jawaban(models.Model):
    """The current answer to one question (position `nomor`, 1-based) of a session;
    `pilihan` is the position on the candidate's screen, None when cleared."""

    sesi = models.ForeignKey(SesiCAT, on_delete=models.CASCADE, related_name="jawaban")
    nomor = models.PositiveSmallIntegerField()
    pilihan = models.PositiveSmallIntegerField(null=True, blank=True)
    urutan = models.PositiveIntegerField(help_text="The browser's click counter: a late "
                                         "older save never overwrites a newer one.")
    diterima = models.DateTimeField()

    class Meta:
        ordering = ["sesi", "nomor"]
        verbose_name_plural = "jawaban"
        constraints = [models.UniqueConstraint(fields=["sesi", "nomor"],
                                               name="jawaban_satu_per_soal")]


    def __str__(self) -> str:
        return f"{self.sesi_id} #{self.nomor}: {self.pilihan}"

class LogJawaban(models.Model):
    """Every save as received, once per idempotency key: the trace of the answer sheet."""

    sesi = models.ForeignKey(SesiCAT, on_delete=models.CASCADE, related_name="log")
    kunci = models.CharField(max_length=64)
    nomor = models.PositiveSmallIntegerField()
    pilihan = models.PositiveSmallIntegerField(null=True, blank=True)
    urutan = models.PositiveIntegerField()
    diterima = models.DateTimeField()

    class Meta:
        ordering = ["sesi", "diterima"]
        verbose_name_plural = "log jawaban"
        constraints = [models.UniqueConstraint(fields=["sesi", "kunci"],
                                               name="log_jawaban_kunci_unik")]


    def __str__(self) -> str:
        return f"{self.sesi_id} #{self.nomor} [{self.kunci}]"

class NilaiWawancara(models.Model):
    """One panel member's interview score for one candidate (each member once)."""

    pendaftar = models.ForeignKey("adhoc.Pendaftar", on_delete=models.PROTECT,
                                  related_name="nilai_wawancara")
    penguji = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                related_name="+")
    nilai = models.DecimalField(max_digits=5, decimal_places=2)
    catatan = models.CharField(max_length=500, blank=True)
    dibuat = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pendaftar", "dibuat"]
        verbose_name_plural = "nilai wawancara"
        constraints = [
            models.UniqueConstraint(fields=["pendaftar", "penguji"],
                                    name="wawancara_sekali_per_penguji"),
            models.CheckConstraint(condition=models.Q(nilai__gte=0, nilai__lte=100),
                                   name="wawancara_nilai_0_100"),
        ]


    def __str__(self) -> str:
        return f"{self.pendaftar_id}: {self.nilai}"

class Pengumuman(models.Model):
    """The published result of a recruitment round: a frozen snapshot (NIK masked), its
    hash, and who published it. Once published, scores of the round are locked."""

    rekrutmen = models.OneToOneField("adhoc.Rekrutmen", on_delete=models.PROTECT,
                                     related_name="pengumuman_seleksi")
    nomor_surat = models.CharField(max_length=100)
    isi = models.JSONField()
    sidik = models.CharField(max_length=64)
    terbit = models.DateTimeField(auto_now_add=True)
    oleh = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                             related_name="+")

    class Meta:
        ordering = ["-terbit"]
        verbose_name_plural = "pengumuman"

    def __str__(self) -> str:
        return self.nomor_surat
