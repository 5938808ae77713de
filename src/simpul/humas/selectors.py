"""Reads of the Bakohumas logs through the acting user's territory: an office sees its own
log, an upper tier also the logs of the offices below it."""

from dataclasses import replace
from datetime import date

from django.db.models import Count, Prefetch, Q
from django.db.models.functions import ExtractMonth

from simpul.core.errors import DataTidakValid, TidakDitemukan
from simpul.core.scope import Cakupan
from simpul.wilayah.models import Wilayah

from .errors import KodeHumas
from .models import Diseminasi, JenisKonten, Kanal, Koordinasi, Laporan, Publikasi, SKTim, Unggahan
from .narasi import narasi_paragraf
from .rules import (
    BULAN,
    BULAN_SINGKAT,
    NAMA_PERIODE,
    DefinisiEvaluasi,
    HitungUnggahan,
    Periode,
    kantor_bakohumas,
    periode,
    rekap_gabung,
    rekap_per_bulan,
    sk_berlaku,
    tabel_evaluasi,
    tingkat_atas,
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


# --- reports ---------------------------------------------------------------------------------

def laporan_ambil(*, akun, laporan_id: int) -> Laporan:
    """The office's own report in any state; a report of an office below once submitted."""
    cakupan = Cakupan.dari(akun)
    cakupan.wajib_staf()
    lap = Laporan.objects.filter(pk=laporan_id).select_related("kantor").first()
    if lap is None or not (lap.kantor_id == cakupan.akar or (
            tingkat_atas(lap.kantor_id, cakupan.akar) and lap.status != "draf")):
        raise TidakDitemukan("Laporan tidak ditemukan di wilayah kerja Anda.")
    return lap


def laporan_daftar(*, akun) -> dict[str, list[Laporan]]:
    """The office's own reports, and the submitted reports of the offices below it."""
    cakupan = Cakupan.dari(akun)
    cakupan.wajib_staf()
    qs = Laporan.objects.select_related("kantor")
    sendiri = list(qs.filter(kantor_id=cakupan.akar))
    bawah = qs.exclude(status="draf").filter(cakupan.q_kode("kantor_id"))
    bawah = bawah.exclude(kantor_id=cakupan.akar) if cakupan.akar else bawah.exclude(
        kantor__isnull=True)
    return {"sendiri": sendiri, "bawah": list(bawah)}


def _tanggal_id(t: date) -> str:
    return f"{t.day} {BULAN[t.month - 1]} {t.year}"


def _rentang_id(mulai: date, selesai: date | None) -> str:
    if not selesai:
        return _tanggal_id(mulai)
    if (mulai.year, mulai.month) == (selesai.year, selesai.month):
        return f"{mulai.day} s/d {_tanggal_id(selesai)}"
    return f"{mulai.day} {BULAN[mulai.month - 1]} s/d {_tanggal_id(selesai)}"


def laporan_konteks(*, akun, laporan: Laporan) -> dict:
    """Everything the report template needs, computed from the logs of the period."""
    p = periode(laporan.jenis_periode, laporan.tahun, laporan.nomor_periode)
    p_data = replace(p, akhir=laporan.data_sampai) if laporan.data_sampai else p
    kode = laporan.kantor_id
    r = rekap(akun=akun, kantor_kode=kode, periode=p_data)
    kantor = r["kantor"]
    kantor_nama = f"KPU {kantor.nama.title()}" if kantor else "KPU"
    nama_periode = {"triwulan": "Triwulan", "semester": "Semester", "tahun": "Tahun",
                    "bulan": "Bulan"}[p.jenis]
    periode_judul = nama_periode if p.jenis == "tahun" else (
        f"{nama_periode} {NAMA_PERIODE.get(p.jenis, ('',) * 12)[p.nomor - 1]}".strip())
    isian = {"kantor": kantor_nama, "periode": f"{p.rentang_bulan}"}
    koordinasi = koordinasi_daftar(akun=akun, kantor_kode=kode, periode=p)
    diseminasi = diseminasi_daftar(akun=akun, kantor_kode=kode, periode=p)
    tim = tim_berlaku(akun=akun, kantor_kode=kode, tanggal=p_data.akhir)
    kalimat_sk = "Tim Bakohumas belum ditetapkan dengan surat keputusan."
    if tim:
        asal, akhir = tim[-1], tim[0]
        kalimat_sk = (f"Struktur organisasi Bakohumas {kantor_nama} berdasarkan Surat Keputusan "
                      f"tanggal {_tanggal_id(asal.tanggal)} nomor {asal.nomor}")
        if akhir is not asal:
            kalimat_sk += (f" sebagaimana diubah terakhir dengan keputusan tanggal "
                           f"{_tanggal_id(akhir.tanggal)} nomor {akhir.nomor}")
        kalimat_sk += ", sebagai berikut:"
    publikasi = (Publikasi.objects.filter(kantor_id=kode,
                                          tanggal__range=(p_data.awal, p_data.akhir))
                 .select_related("jenis_konten").order_by("tanggal", "id")
                 .prefetch_related(Prefetch("unggahan", Unggahan.objects.only(
                     "publikasi_id", "kanal_id", "sasaran"))))
    singkatan = {k.kode: k.singkatan for k in Kanal.objects.all()}
    return {
        "laporan": laporan,
        "periode": p,
        "kantor_nama": kantor_nama,
        "kantor_nama_kapital": kantor_nama.removeprefix("KPU ").upper() if kantor else "",
        "tempat": kantor.nama.title() if kantor else "Jakarta",
        "tanggal_surat": _tanggal_id(laporan.tanggal_surat),
        "periode_nama": p.nama,
        "periode_judul": periode_judul,
        "periode_judul_kapital": periode_judul.upper(),
        "rentang_bulan": p.rentang_bulan,
        "rentang_bulan_kapital": p.rentang_bulan.upper(),
        "data_sampai": _tanggal_id(p_data.akhir),
        "narasi": laporan.narasi,
        "narasi_p": narasi_paragraf(laporan.narasi, isian),
        "kalimat_sk": kalimat_sk,
        "tim": list(tim[0].anggota.all()) if tim else [],
        "koordinasi": {
            kategori: [{"tanggal": _rentang_id(k.tanggal_mulai, k.tanggal_selesai),
                        "jenis": k.jenis, "mitra": k.mitra, "uraian": k.uraian}
                       for k in koordinasi if k.kategori_mitra == kategori]
            for kategori in ("pemerintah", "nonpemerintah")},
        "diseminasi": [
            {"nama": f"{BULAN[b - 1]} {p.tahun}", "baris": [
                {"tanggal": (f"{BULAN[d.tanggal.month - 1]} {d.tanggal.year}"
                             if d.presisi == "bulan" else _tanggal_id(d.tanggal)),
                 "informasi": d.informasi,
                 "media": ", ".join(k.singkatan if k.singkatan != "TWITTER" else "twitter"
                                    for k in d.kanal.all())}
                for d in diseminasi if d.tanggal.month == b]}
            for b in p.bulan if any(d.tanggal.month == b for d in diseminasi)],
        "kolom": [k.singkatan for k in r["kolom"]],
        "rekap_bulanan": [{"nama": t.nama, "baris": [
            {"nama": nama, "angka": [str(n) if n else "-" for n in angka]}
            for nama, angka in t.baris]} for t in r["bulanan"]],
        "rekap": r,
        "bulan_singkat": [BULAN_SINGKAT[b - 1] for b in p.bulan],
        "evaluasi": r["evaluasi"],
        "lampiran": [{"tanggal": x.tanggal.strftime("%d-%m-%Y"), "jenis": x.jenis_konten.nama,
                      "judul": x.judul, "kanal": ", ".join(sorted(
                          {singkatan.get(u.kanal_id, u.kanal_id) for u in x.unggahan.all()}))}
                     for x in publikasi],
    }
