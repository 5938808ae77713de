"""Reads of the Bakohumas logs through the acting user's territory: an office sees its own
log, an upper tier also the logs of the offices below it."""

from datetime import date

from django.db.models import Count, Prefetch, Q
from django.db.models.functions import ExtractMonth

from simpul.core.errors import DataTidakValid, TidakDitemukan
from simpul.core.scope import Cakupan
from simpul.wilayah.models import Wilayah

from .errors import KodeHumas
from .models import Diseminasi, JenisKonten, Kanal, Koordinasi, Publikasi, SKTim, Unggahan
from .rules import (
    DefinisiEvaluasi,
    HitungUnggahan,
    Periode,
    kantor_bakohumas,
    periode,
    rekap_gabung,
    rekap_per_bulan,
    sk_berlaku,
    tabel_evaluasi,
)


def kantor_ambil(*, akun, kode: str | None) -> Wilayah | None:
    """The office a page is about (None: KPU RI), if the account's territory covers it."""
    cakupan = Cakupan.dari(akun)
    cakupan.wajib_staf()
    if not kode:
        if cakupan.akar is None:
            return None
        kode = cakupan.akar
    cakupan.wajib_mencakup(kode)
    kantor = Wilayah.objects.filter(kode=kode).first()
    if kantor is None or not kantor_bakohumas(kantor.tingkat):
        raise DataTidakValid(f"{kode} bukan kantor KPU (provinsi atau kabupaten/kota).",
                             code=KodeHumas.KANTOR_TIDAK_VALID)
    return kantor


def periode_ambil(jenis: str, tahun, nomor=1) -> Periode:
    try:
        p = periode(jenis, int(tahun), int(nomor or 1))
    except (TypeError, ValueError):
        p = None
    if p is None:
        raise DataTidakValid("Periode tidak sah: pilih bulan 1-12, triwulan 1-4, semester 1-2 "
                             "atau tahun.", code=KodeHumas.PERIODE_TIDAK_VALID)
    return p


def publikasi_daftar(*, akun, kantor_kode: str | None, awal: date | None = None,
                     akhir: date | None = None, batas: int = 200) -> list[Publikasi]:
    kantor = kantor_ambil(akun=akun, kode=kantor_kode)
    qs = Publikasi.objects.filter(kantor=kantor)
    if awal:
        qs = qs.filter(tanggal__gte=awal)
    if akhir:
        qs = qs.filter(tanggal__lte=akhir)
    return list(qs.select_related("jenis_konten").prefetch_related(
        Prefetch("unggahan", Unggahan.objects.select_related("kanal")))[:batas])


def publikasi_ambil(*, akun, publikasi_id: int) -> Publikasi:
    p = (Publikasi.objects.filter(pk=publikasi_id)
         .filter(Cakupan.dari(akun).q_kode("kantor_id") | _nasional(akun))
         .select_related("jenis_konten").prefetch_related("unggahan__kanal").first())
    if p is None:
        raise TidakDitemukan("Publikasi tidak ditemukan di wilayah kerja Anda.")
    return p


def _nasional(akun):
    cakupan = Cakupan.dari(akun)
    return Q(kantor__isnull=True) if cakupan.aktif and cakupan.akar is None else Q(pk__in=[])


def jenis_konten_daftar() -> list[JenisKonten]:
    return list(JenisKonten.objects.filter(aktif=True))


def kanal_daftar() -> list[Kanal]:
    return list(Kanal.objects.filter(aktif=True))


def hitung_unggahan(*, kantor: Wilayah | None, awal: date, akhir: date) -> list[HitungUnggahan]:
    """Posts per month x content type x channel x target in one query (one calendar year
    at most: callers split longer ranges by year)."""
    baris = (Unggahan.objects
             .filter(publikasi__kantor=kantor, publikasi__tanggal__range=(awal, akhir))
             .annotate(bulan=ExtractMonth("publikasi__tanggal"))
             .values_list("bulan", "publikasi__jenis_konten_id", "kanal_id", "sasaran")
             .annotate(n=Count("id")).order_by())
    return [HitungUnggahan(b, j, k, s, n) for b, j, k, s, n in baris]


def definisi_evaluasi(kanal: list[Kanal]) -> DefinisiEvaluasi:
    return DefinisiEvaluasi(
        medsos=frozenset(k.kode for k in kanal if k.dihitung_medsos),
        website=frozenset(k.kode for k in kanal if k.jenis == "website"),
        pesan=frozenset(k.kode for k in kanal if k.jenis == "pesan"))


def rekap(*, akun, kantor_kode: str | None, periode: Periode) -> dict:
    """The recap of one office for one period: per month tables, their sum, and the
    evaluation table. Four queries whatever the size of the log."""
    kantor = kantor_ambil(akun=akun, kode=kantor_kode)
    jenis = JenisKonten.objects.order_by("urutan", "nama")
    kanal = list(Kanal.objects.all())
    kolom = [k for k in kanal if k.kolom_rekap and k.aktif]
    hitung = hitung_unggahan(kantor=kantor, awal=periode.awal, akhir=periode.akhir)
    dipakai = {h.jenis_konten_id for h in hitung}
    jenis = [(j.pk, j.nama) for j in jenis if j.aktif or j.pk in dipakai]
    bulanan = rekap_per_bulan(hitung, tahun=periode.tahun, bulan=periode.bulan,
                              jenis_konten=jenis, kolom=[k.kode for k in kolom])
    return {
        "kantor": kantor,
        "periode": periode,
        "kolom": kolom,
        "bulanan": bulanan,
        "gabungan": rekap_gabung(bulanan),
        "evaluasi": tabel_evaluasi(hitung, bulan=periode.bulan,
                                   definisi=definisi_evaluasi(kanal)),
        "hitung": hitung,
    }


def koordinasi_daftar(*, akun, kantor_kode: str | None, periode: Periode) -> list[Koordinasi]:
    """Coordination entries whose date (or date range) meets the period."""
    kantor = kantor_ambil(akun=akun, kode=kantor_kode)
    return list(Koordinasi.objects.filter(kantor=kantor, tanggal_mulai__lte=periode.akhir)
                .filter(Q(tanggal_selesai__gte=periode.awal)
                        | Q(tanggal_selesai__isnull=True, tanggal_mulai__gte=periode.awal)))


def diseminasi_daftar(*, akun, kantor_kode: str | None, periode: Periode) -> list[Diseminasi]:
    kantor = kantor_ambil(akun=akun, kode=kantor_kode)
    return list(Diseminasi.objects.filter(kantor=kantor,
                                          tanggal__range=(periode.awal, periode.akhir))
                .prefetch_related(Prefetch("kanal", Kanal.objects.order_by("urutan"))))


def tim_berlaku(*, akun, kantor_kode: str | None, tanggal: date) -> list[SKTim]:
    """The decree in force on `tanggal` first, then the decrees it amends, back to the
    original; empty if the office has no team decree yet."""
    kantor = kantor_ambil(akun=akun, kode=kantor_kode)
    semua = {s.pk: s for s in SKTim.objects.filter(kantor=kantor)
             .prefetch_related("anggota")}
    sk = sk_berlaku(list(semua.values()), tanggal)
    rantai = []
    while sk is not None and sk not in rantai:
        rantai.append(sk)
        sk = semua.get(sk.mengubah_id)
    return rantai
