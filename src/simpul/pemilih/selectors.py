"""Reads of voter records through the acting user's territory (and TPS for Pantarlih)."""

from django.db import models
from django.db.models import QuerySet

from simpul.core.errors import TidakDitemukan
from simpul.core.scope import Cakupan, q_subpohon
from simpul.pemilu.models import Pemilu
from simpul.wilayah.models import Wilayah

from .models import ImporPemilih, KategoriTMS, Pemilih, RincianTPS, RiwayatPemilih


def pemilih_qs(*, akun) -> QuerySet[Pemilih]:
    """Voters the account may see: elections of its territory, desa inside it, and for
    KPPS/Pantarlih only their TPS."""
    cakupan = Cakupan.dari(akun)
    qs = Pemilih.objects.filter(pemilu__in=cakupan.pemilu(Pemilu.objects.all()))
    qs = qs.filter(cakupan.q_kode("desa_id"))
    if cakupan.tps_id:
        qs = qs.filter(tps_id=cakupan.tps_id)
    return qs


def pemilih_ambil(*, akun, pemilih_id: int) -> Pemilih:
    p = (pemilih_qs(akun=akun).filter(pk=pemilih_id)
         .select_related("desa", "tps", "kategori_tms", "pemilu").first())
    if p is None:
        raise TidakDitemukan("Pemilih tidak ditemukan di wilayah kerja Anda.")
    return p


def pemilih_riwayat(*, akun, pemilih_id: int) -> list[RiwayatPemilih]:
    """Every change to a voter, oldest first: its history rows, and its first placement on
    a TPS, which a mapping run lists on the TPS's detail (`RincianTPS.ditempatkan`)."""
    p = pemilih_ambil(akun=akun, pemilih_id=pemilih_id)
    riwayat = list(p.riwayat.all())
    desa = {p.desa_id} | {r.sebelum["desa_id"] for r in riwayat
                          if isinstance(r.sebelum, dict) and r.sebelum.get("desa_id")}
    for r in (RincianTPS.objects.filter(pemetaan__pemilu_id=p.pemilu_id, tps__desa_id__in=desa)
              .exclude(ditempatkan=[]).select_related("pemetaan__akun")):
        if p.pk in r.ditempatkan:
            run = r.pemetaan
            riwayat.append(RiwayatPemilih(
                pemilih=p, waktu=run.selesai or run.dibuat, akun=run.akun,
                aksi="pemilih.tps_petakan",
                akun_username=run.akun.username if run.akun else "sistem",
                sebelum={"tps_id": None}, sesudah={"tps_id": r.tps_id},
                alasan=f"pemetaan TPS #{run.pk}"))
    return sorted(riwayat, key=lambda r: (r.waktu, r.versi or 0))


def kategori_tms_daftar() -> list[KategoriTMS]:
    return list(KategoriTMS.objects.filter(aktif=True))


def impor_ambil(*, akun, impor_id: int) -> ImporPemilih:
    """An import job, visible to the uploader and to staff whose territory covers it."""
    cakupan = Cakupan.dari(akun)
    impor = (ImporPemilih.objects.filter(pk=impor_id)
             .filter(pemilu__in=cakupan.pemilu(Pemilu.objects.all()))
             .select_related("pemilu").first())
    if impor is None or not cakupan.mencakup(impor.wilayah_kode):
        raise TidakDitemukan("Impor tidak ditemukan di wilayah kerja Anda.")
    return impor


def coklit_daftar(*, akun) -> QuerySet[Pemilih]:
    """The voters a Pantarlih matches: those of their own TPS (from `Cakupan.tps`),
    house by house (RW, RT, KK)."""
    from simpul.pemilu.models import TPS

    cakupan = Cakupan.dari(akun)
    tps = cakupan.tps(TPS.objects.all())
    if cakupan.tps_id is None:
        raise TidakDitemukan("Akun ini tidak terikat pada satu TPS.")
    return (pemilih_qs(akun=akun).filter(tps__in=tps).select_related("kategori_tms")
            .order_by("rw", "rt", "nkk", "nama"))


TINGKAT_KEMAJUAN = {"tps": "tps_id", "desa": "desa_id", "kecamatan": None}


def coklit_kemajuan(*, akun, pemilu: Pemilu, tingkat: str = "desa") -> list[dict]:
    """Coklit progress computed from the voter rows themselves (never typed in): per TPS,
    desa/kelurahan or kecamatan, inside the account's territory."""
    from django.db.models import Count, Q
    from django.db.models.functions import Substr

    if tingkat not in TINGKAT_KEMAJUAN:
        raise TidakDitemukan(f"Tingkat '{tingkat}' tidak dikenal.")
    qs = pemilih_qs(akun=akun).filter(pemilu=pemilu)
    if tingkat == "kecamatan":
        qs = qs.annotate(kunci=Substr("desa_id", 1, 8))
    else:
        qs = qs.annotate(kunci=models.F(TINGKAT_KEMAJUAN[tingkat]))
    baris = list(qs.values("kunci").annotate(
        jumlah=Count("id"), ms=Count("id", filter=Q(coklit="ms")),
        tms=Count("id", filter=Q(coklit="tms")),
        stiker=Count("id", filter=Q(stiker=True))).order_by("kunci"))
    if tingkat == "tps":
        from simpul.pemilu.models import TPS

        label = {t.pk: f"{t.desa.nama} · {t.label}" for t in TPS.objects.filter(
            pk__in=[b["kunci"] for b in baris if b["kunci"]]).select_related("desa")}
    else:
        label = dict(Wilayah.objects.filter(kode__in=[b["kunci"] for b in baris])
                     .values_list("kode", "nama"))
    for b in baris:
        b["nama"] = label.get(b["kunci"], "(belum dipetakan ke TPS)")
        b["belum"] = b["jumlah"] - b["ms"] - b["tms"]
        b["persen"] = round(100 * (b["ms"] + b["tms"]) / b["jumlah"], 1) if b["jumlah"] else 0
    return baris


# --- TPS mapping ---------------------------------------------------------------------------
def pemetaan_terakhir(*, akun, pemilu: Pemilu, selesai: bool = True):
    """The latest mapping run of `pemilu` inside the account's territory (finished, or
    whatever its status with `selesai=False`), or None."""
    from .models import PemetaanTPS, StatusImpor

    cakupan = Cakupan.dari(akun)
    qs = PemetaanTPS.objects.filter(pemilu=pemilu).filter(cakupan.q_kode("wilayah_kode"))
    if selesai:
        qs = qs.filter(status=StatusImpor.SELESAI)
    return qs.select_related("akun").first()


def pemetaan_ambil(*, akun, pemetaan_id: int):
    """A mapping run inside the account's territory."""
    from .models import PemetaanTPS

    cakupan = Cakupan.dari(akun)
    cakupan.wajib_staf()
    run = (PemetaanTPS.objects.filter(pk=pemetaan_id, pemilu__in=cakupan.pemilu(
        Pemilu.objects.all())).filter(cakupan.q_kode("wilayah_kode")).select_related("akun")
           .first())
    if run is None:
        raise TidakDitemukan("Pemetaan tidak ditemukan di wilayah kerja Anda.")
    return run


def pemetaan_rincian(*, akun, pemetaan) -> list:
    return list(pemetaan.rincian.defer("ditempatkan").select_related("tps__desa")
                .order_by("tps__desa_id", "tps__nomor"))


def tps_isi(*, akun, tps_id: int) -> dict:
    """One TPS as it stands: its voters by RW/RT and KK (live, not the run's snapshot),
    the other TPS of its desa to move a family to, and the last run's reason."""
    from simpul.pemilu.models import TPS

    from .models import StatusPemilih

    cakupan = Cakupan.dari(akun)
    cakupan.wajib_staf()
    tps = cakupan.tps(TPS.objects.filter(pk=tps_id)).select_related("desa", "pemilu").first()
    if tps is None:
        raise TidakDitemukan("TPS tidak ditemukan di wilayah kerja Anda.")
    pemilih = list(pemilih_qs(akun=akun).filter(tps=tps, status=StatusPemilih.AKTIF)
                   .order_by("rw", "rt", "nkk", "nama"))
    keluarga: dict[str, list] = {}
    for p in pemilih:
        keluarga.setdefault(p.nkk, []).append(p)
    rt: dict[tuple[str, str], dict] = {}
    for p in pemilih:
        r = rt.setdefault((p.rw, p.rt), {"rw": p.rw, "rt": p.rt, "pemilih": 0, "kk": set()})
        r["pemilih"] += 1
        r["kk"].add(p.nkk)
    lain = list(TPS.objects.filter(pemilu=tps.pemilu, desa=tps.desa).exclude(pk=tps.pk)
                .order_by("nomor"))
    rincian = RincianTPS.objects.filter(tps=tps).order_by("-pemetaan__dibuat").first()
    return {"tps": tps, "jumlah": len(pemilih), "maks": tps.pemilu.maks_pemilih_per_tps,
            "keluarga": list(keluarga.values()),
            "rt": [{**r, "kk": len(r["kk"])} for r in rt.values()],
            "tps_lain": lain, "rincian": rincian}


# --- stages ----------------------------------------------------------------------------------
def tahap_ringkas(*, akun, pemilu: Pemilu) -> dict:
    """What the stage page shows: fixed lists, active locks, pending and applied
    corrections, public responses, DPTb and DPK, inside the account's territory."""
    from .models import (
        KoreksiTertunda,
        KunciTahap,
        PemilihKhusus,
        PindahMemilih,
        SalinanDaftar,
        Tanggapan,
    )

    cakupan = Cakupan.dari(akun)
    cakupan.wajib_staf()
    return {
        "salinan": list(SalinanDaftar.objects.filter(pemilu=pemilu).exclude(sha256="")
                        .filter(cakupan.q_menyentuh("wilayah_kode"))[:50]),
        "kunci": list(KunciTahap.objects.filter(pemilu=pemilu, aktif=True)
                      .filter(cakupan.q_menyentuh("wilayah_kode"))),
        "koreksi": list(KoreksiTertunda.objects.filter(pemilu=pemilu)
                        .filter(cakupan.q_kode("pemilih__desa_id"))
                        .select_related("pemilih", "akun").order_by("-dibuat")[:100]),
        "tanggapan": list(Tanggapan.objects.filter(pemilu=pemilu)
                          .filter(cakupan.q_kode("desa_id")).select_related("desa")[:100]),
        "dptb": list(PindahMemilih.objects.filter(pemilu=pemilu)
                     .filter(cakupan.q_kode("pemilih__desa_id") | cakupan.q_kode(
                         "tps_tujuan__desa_id"))
                     .select_related("pemilih", "tps_asal__desa", "tps_tujuan__desa")[:100]),
        "dpk": list(PemilihKhusus.objects.filter(pemilu=pemilu)
                    .filter(cakupan.q_kode("tps__desa_id")).select_related("tps__desa")[:100]),
    }


PILIHAN_MAKS = 1000  # options in one select; a larger territory narrows by region code first


def tahap_pilihan(*, akun, pemilu: Pemilu, salinan: list, saring: str = "") -> dict:
    """Choices of the stage page's forms, inside the account's territory (narrowed to the
    region `saring`): the election's TPS (DPK), and the desa under the fixed lists (public
    responses). Each list stops at `PILIHAN_MAKS`; `*_lebih` says that more were left."""
    from simpul.pemilu.models import TPS
    from simpul.wilayah.rules import TINGKAT_DESA

    cakupan = Cakupan.dari(akun)
    sempit = q_subpohon("desa_id", saring) if saring else models.Q()
    tps = list(cakupan.tps(TPS.objects.filter(pemilu=pemilu)).filter(sempit)
               .select_related("desa").order_by("desa_id", "nomor")[:PILIHAN_MAKS + 1])
    akar = {s.wilayah_kode for s in salinan}
    di_daftar = models.Q(pk__in=[])
    for kode in akar:
        di_daftar |= q_subpohon("kode", kode)
    desa = list(Wilayah.objects.filter(tingkat__in=TINGKAT_DESA).filter(cakupan.q_kode("kode"))
                .filter(di_daftar).filter(q_subpohon("kode", saring) if saring else models.Q())
                .order_by("kode")[:PILIHAN_MAKS + 1])
    return {"tps_pilihan": tps[:PILIHAN_MAKS], "tps_lebih": len(tps) > PILIHAN_MAKS,
            "desa_pilihan": desa[:PILIHAN_MAKS], "desa_lebih": len(desa) > PILIHAN_MAKS,
            "saring": saring}
