"""Reads of the Bakohumas logs through the acting user's territory: an office sees its own
log, an upper tier also the logs of the offices below it."""

from dataclasses import replace
from datetime import date

from django.db.models import Count, Min, Prefetch, Q
from django.db.models.functions import ExtractMonth

from simpul.core.dokumen import tanggal_teks
from simpul.core.errors import DataTidakValid, TidakDitemukan
from simpul.core.scope import Cakupan, leluhur
from simpul.wilayah.models import Wilayah

from .errors import KodeHumas
from .models import (
    Diseminasi,
    JenisKonten,
    Kampanye,
    KampanyeKomentar,
    KampanyeUnggahan,
    Kanal,
    Koordinasi,
    Laporan,
    PantauanMedia,
    Publikasi,
    SKTim,
    Unggahan,
)
from .narasi import narasi_paragraf
from .rules import (
    BULAN,
    BULAN_SINGKAT,
    NAMA_PERIODE,
    TINGKAT_KANTOR,
    DefinisiEvaluasi,
    HitungUnggahan,
    Periode,
    kantor_bakohumas,
    periode,
    rekap_gabung,
    rekap_kantor,
    rekap_pantauan,
    rekap_per_bulan,
    sasaran_kampanye,
    sk_berlaku,
    status_kampanye,
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
    return tanggal_teks(t)


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
    kampanye = kampanye_laporan(akun=akun, kantor_kode=kode, periode=p_data)
    return {
        "pantauan": pantauan_rekap(akun=akun, kantor_kode=kode, periode=p_data),
        **kampanye,
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


# --- campaigns across tiers ------------------------------------------------------------------

def _q_kampanye(cakupan: Cakupan) -> Q:
    """Campaigns an office sees: those of the tiers above it and its own (addressed to it
    or published by it), and those published inside its territory."""
    if not cakupan.aktif:
        return Q(pk__in=[])
    if cakupan.akar is None:
        return Q()
    return (Q(penerbit__isnull=True) | Q(penerbit_id__in=[*leluhur(cakupan.akar), cakupan.akar])
            | cakupan.q_kode("penerbit_id"))


def kampanye_daftar(*, akun) -> list[Kampanye]:
    cakupan = Cakupan.dari(akun)
    cakupan.wajib_staf()
    return list(Kampanye.objects.filter(_q_kampanye(cakupan)).select_related("penerbit")
                .annotate(n_unggahan=Count("unggahan"),
                          n_sendiri=Count("unggahan", filter=Q(
                              unggahan__kantor_id=cakupan.akar)))[:200])


def kampanye_ambil(*, akun, kampanye_id: int) -> Kampanye:
    cakupan = Cakupan.dari(akun)
    cakupan.wajib_staf()
    k = (Kampanye.objects.filter(_q_kampanye(cakupan), pk=kampanye_id)
         .select_related("penerbit").first())
    if k is None:
        raise TidakDitemukan("Kampanye tidak ditemukan untuk kantor Anda.")
    return k


def kampanye_penerbit_atau_atas(cakupan: Cakupan, k: Kampanye) -> bool:
    """The publishing office, and the tiers above it, follow who has posted."""
    return cakupan.aktif and (cakupan.akar is None or (
        k.penerbit_id is not None and cakupan.mencakup(k.penerbit_id)))


def kampanye_sasaran(k: Kampanye) -> list[Wilayah]:
    """The offices a campaign is addressed to: every active KPU office below the publisher."""
    qs = Wilayah.objects.filter(tingkat__in=TINGKAT_KANTOR, aktif=True)
    if k.penerbit_id:
        qs = qs.filter(kode__startswith=k.penerbit_id + ".")
    return [w for w in qs.order_by("kode").only("kode", "nama", "tingkat")
            if sasaran_kampanye(k.penerbit_id, w.kode, w.tingkat)]


def kampanye_status(*, akun, kampanye_id: int) -> dict:
    """Who posted, when, and who has not: a row per target office, and per province a grid
    of its offices with the share that posted. Four queries whatever the number of offices."""
    cakupan = Cakupan.dari(akun)
    k = kampanye_ambil(akun=akun, kampanye_id=kampanye_id)
    if not kampanye_penerbit_atau_atas(cakupan, k):
        raise TidakDitemukan("Status kampanye hanya untuk kantor penerbit dan di atasnya.")
    sasaran = kampanye_sasaran(k)
    unggahan = list(KampanyeUnggahan.objects.filter(kampanye=k).order_by("waktu")
                    .values_list("kantor_id", "waktu", "kanal_id", "tautan"))
    baris = status_kampanye([(w.kode, w.nama) for w in sasaran],
                            [(u[0], u[1]) for u in unggahan], selesai=k.selesai)
    tautan: dict[str, list[tuple[str, str]]] = {}
    for kode, _, kanal, url in unggahan:
        tautan.setdefault(kode, []).append((kanal, url))
    for b in baris:
        b.tautan = tautan.get(b.kode, [])
    nama_prov = dict(Wilayah.objects.filter(kode__in={b.provinsi for b in baris})
                     .values_list("kode", "nama"))
    provinsi: dict[str, dict] = {}
    for b in baris:
        p = provinsi.setdefault(b.provinsi, {"kode": b.provinsi, "nama": nama_prov.get(
            b.provinsi, b.provinsi), "sel": [], "sudah": 0})
        p["sel"].append(b)
        p["sudah"] += b.pertama is not None
    for p in provinsi.values():
        p["jumlah"] = len(p["sel"])
        p["persen"] = round(100 * p["sudah"] / p["jumlah"]) if p["jumlah"] else 0
    sudah = sum(b.pertama is not None for b in baris)
    return {"kampanye": k, "baris": baris, "provinsi": list(provinsi.values()),
            "sudah": sudah, "belum": len(baris) - sudah, "jumlah": len(baris)}


def kampanye_komentar_daftar(*, akun, kampanye_id: int) -> list[KampanyeKomentar]:
    """Top-level comments with their replies (prefetched), oldest first."""
    k = kampanye_ambil(akun=akun, kampanye_id=kampanye_id)
    return list(KampanyeKomentar.objects.filter(kampanye=k, induk__isnull=True)
                .select_related("kantor", "akun")
                .prefetch_related(Prefetch("balasan", KampanyeKomentar.objects
                                           .select_related("kantor", "akun"))))


def kampanye_unggahan_sendiri(*, akun, kampanye_id: int) -> list[KampanyeUnggahan]:
    cakupan = Cakupan.dari(akun)
    k = kampanye_ambil(akun=akun, kampanye_id=kampanye_id)
    return list(KampanyeUnggahan.objects.filter(kampanye=k, kantor_id=cakupan.akar)
                .select_related("kanal"))


# --- media monitoring ------------------------------------------------------------------------

def pantauan_daftar(*, akun, kantor_kode: str | None, periode: Periode, hoaks: bool | None = None,
                    status: str = "", batas: int = 300) -> list[PantauanMedia]:
    kantor = kantor_ambil(akun=akun, kode=kantor_kode)
    qs = PantauanMedia.objects.filter(kantor=kantor, tanggal__range=(periode.awal, periode.akhir))
    if hoaks is not None:
        qs = qs.filter(hoaks=hoaks)
    if status:
        qs = qs.filter(status_tanggapan=status)
    return list(qs[:batas])


def pantauan_rekap(*, akun, kantor_kode: str | None, periode: Periode) -> list[dict]:
    """Counters per month of the period (one aggregate query)."""
    kantor = kantor_ambil(akun=akun, kode=kantor_kode)
    baris = (PantauanMedia.objects
             .filter(kantor=kantor, tanggal__range=(periode.awal, periode.akhir))
             .annotate(bulan=ExtractMonth("tanggal"))
             .values_list("bulan", "jenis_sumber", "sentimen", "hoaks", "status_tanggapan")
             .annotate(n=Count("id")).order_by())
    return rekap_pantauan(baris, periode.bulan)


# --- coordination, dissemination and team pages ------------------------------------------

def sk_tim_daftar(*, akun, kantor_kode: str | None) -> list[SKTim]:
    """Every team decree of the office, newest first, with its members and the decree it
    amends."""
    kantor = kantor_ambil(akun=akun, kode=kantor_kode)
    return list(SKTim.objects.filter(kantor=kantor).select_related("mengubah")
                .prefetch_related("anggota").order_by("-tanggal", "-id"))


def catatan_sendiri(*, akun, jenis: str, catatan_id: int):
    """A coordination entry, dissemination entry or team decree of the account's own office,
    for its edit form."""
    from .services import kantor_akun

    model = {"koordinasi": Koordinasi, "diseminasi": Diseminasi, "sk": SKTim}[jenis]
    qs = model.objects.filter(pk=catatan_id, kantor_id=kantor_akun(akun))
    if jenis == "diseminasi":
        qs = qs.prefetch_related("kanal")
    elif jenis == "sk":
        qs = qs.select_related("mengubah").prefetch_related("anggota")
    c = qs.first()
    if c is None:
        raise TidakDitemukan("Catatan tidak ditemukan di log kantor Anda.")
    return c


def _waktu_teks(w) -> str:
    from django.utils import timezone

    w = timezone.localtime(w)
    return f"{_tanggal_id(w.date())} {w:%H.%M}"


def kampanye_laporan(*, akun, kantor_kode: str | None, periode: Periode) -> dict:
    """The campaigns of a report period. `kampanye_diikuti`: those addressed to the office
    whose window meets the period, with when it first posted and how many posts (on time,
    late, or not at all); `kampanye_diterbitkan`: those the office published, with how many
    of the offices addressed have posted. Three queries whatever the number of campaigns."""
    kantor = kantor_ambil(akun=akun, kode=kantor_kode)
    kode = kantor.kode if kantor else None
    dalam = Q(mulai__date__lte=periode.akhir, selesai__date__gte=periode.awal)
    diikuti = []
    if kode is not None:
        milik = Q(unggahan__kantor_id=kode)
        for k in (Kampanye.objects.filter(dalam)
                  .filter(Q(penerbit__isnull=True) | Q(penerbit_id__in=leluhur(kode)))
                  .annotate(jumlah=Count("unggahan", filter=milik),
                            pertama=Min("unggahan__waktu", filter=milik))
                  .order_by("mulai", "id")):
            status = "belum mengunggah" if k.pertama is None else (
                "terlambat" if k.pertama > k.selesai else "tepat waktu")
            diikuti.append({"judul": k.judul, "tagar": k.tagar,
                            "waktu": f"{_waktu_teks(k.mulai)} s/d {_waktu_teks(k.selesai)}",
                            "pertama": _waktu_teks(k.pertama) if k.pertama else "-",
                            "jumlah": k.jumlah, "status": status})
    terbit = list(Kampanye.objects.filter(dalam, penerbit_id=kode)
                  .annotate(sudah=Count("unggahan__kantor", distinct=True))
                  .order_by("mulai", "id"))
    sasaran = len(kampanye_sasaran(terbit[0])) if terbit else 0
    diterbitkan = [{"judul": k.judul, "tagar": k.tagar,
                    "waktu": f"{_waktu_teks(k.mulai)} s/d {_waktu_teks(k.selesai)}",
                    "sudah": k.sudah, "sasaran": sasaran, "belum": sasaran - k.sudah,
                    "persen": round(100 * k.sudah / sasaran) if sasaran else 0}
                   for k in terbit]
    return {"kampanye_diikuti": diikuti, "kampanye_diterbitkan": diterbitkan}


# --- recap across offices --------------------------------------------------------------------

def rekap_lintas_kantor(*, akun, periode: Periode, kantor_kode: str | None = None) -> dict:
    """The recap of every KPU office in a territory, per office x month: the office itself
    (the account's, or `kantor_kode` inside it) first, then every active office below it.
    Five queries whatever the number of offices and posts (tested)."""
    cakupan = Cakupan.dari(akun)
    cakupan.wajib_staf()
    induk = kantor_ambil(akun=akun, kode=kantor_kode)
    # The same scoping as the account's, narrowed to the office asked for (inside it).
    lingkup = replace(cakupan, akar=induk.kode if induk else None)
    bawah = list(Wilayah.objects.filter(lingkup.q_kode("kode"), tingkat__in=TINGKAT_KANTOR,
                                        aktif=True).exclude(pk=lingkup.akar)
                 .order_by("kode").values_list("kode", "nama", "tingkat"))
    # Region names of kabupaten/kota already say "KABUPATEN …"/"KOTA …"; provinces do not.
    awalan = {"provinsi": "KPU Provinsi", "kabupaten": "KPU", "kota": "KPU"}
    kantor = [(induk.kode if induk else None,
               f"{awalan.get(induk.tingkat, 'KPU')} {induk.nama.title()}" if induk else "KPU RI")]
    kantor += [(kode, f"{awalan[t]} {nama.title()}") for kode, nama, t in bawah]
    kanal = list(Kanal.objects.all())
    kolom = [k for k in kanal if k.kolom_rekap and k.aktif]
    rentang = (periode.awal, periode.akhir)
    publikasi = (Publikasi.objects.filter(lingkup.q_kode("kantor_id"), tanggal__range=rentang)
                 .annotate(bulan=ExtractMonth("tanggal"))
                 .values_list("kantor_id", "bulan").annotate(n=Count("id")).order_by())
    unggahan = (Unggahan.objects
                .filter(lingkup.q_kode("publikasi__kantor_id"),
                        publikasi__tanggal__range=rentang)
                .annotate(bulan=ExtractMonth("publikasi__tanggal"))
                .values_list("publikasi__kantor_id", "bulan", "kanal_id")
                .annotate(n=Count("id")).order_by())
    baris, total = rekap_kantor(kantor, publikasi, unggahan, bulan=periode.bulan,
                                kolom=[k.kode for k in kolom],
                                medsos=definisi_evaluasi(kanal).medsos)
    return {"induk": induk, "periode": periode, "kolom": kolom, "baris": baris,
            "total": total, "bulan_singkat": [BULAN_SINGKAT[b - 1] for b in periode.bulan],
            "belum_mencatat": sum(r.jumlah_publikasi == 0 for r in baris)}
