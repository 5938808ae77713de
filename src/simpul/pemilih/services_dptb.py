"""DPTb (pindah memilih) at deadline scale: receive first, decide later.

ANCHORS.md (SIDALIH, Jan 2024): at the DPTb deadline the national server could not cope,
offices had a thousand records pending and kept entering after the deadline. Here an entry
is stored the moment it arrives — with the server's receipt time, the key its device or
file gave it (a resend is never stored twice) and nothing checked but its shape — and the
rules are applied afterwards, inline for a few entries or by a worker for many. The deadline
is judged on the receipt time (`rules.dptb_diterima_tepat_waktu`), so a late worker never
makes an entry late, and a device clock or a typed date never makes one early.
"""

import hashlib
import json
import logging
import os
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime

from django.db import IntegrityError, transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from simpul.core.audit import audit_catat, audit_catat_banyak
from simpul.core.errors import DataTidakValid, TidakDitemukan
from simpul.core.nik import nik_samarkan
from simpul.core.roles import PERAN_KPU, Peran
from simpul.core.scope import Cakupan
from simpul.core.tabel import baca_tabel, tulis_csv
from simpul.pemilu.models import TPS, Pemilu

from .cek import _kecamatan_ada
from .errors import KodePemilih
from .models import (
    EntriDPTb,
    KirimanDPTb,
    PindahMemilih,
    SalinanDaftar,
    SalinanPemilih,
    StatusEntri,
    StatusKiriman,
    SumberDPTb,
    Tahap,
)
from .rules import (
    DPTB_HARI_SEBELUM,
    dptb_batas_terima,
    dptb_diterima_tepat_waktu,
    nik_cek_periksa,
    zona_waktu,
)
from .services import _wajib_pemilu

log = logging.getLogger(__name__)

PERAN_DPTB = PERAN_KPU | {Peran.PPK, Peran.PPS}
BATAS_ENTRI = 5000  # per API call; a bigger batch goes as a file
KOLOM_WAJIB = {"nik", "kode_desa_tujuan", "tps_tujuan", "alasan"}
KOLOM_TEMUAN = ["baris", "kunci", "nik", "kode", "pesan"]
PESAN_SUDAH = "Pemilih ini sudah tercatat pindah memilih."


def _langsung() -> int:
    """Submissions up to this many entries are decided inside the request (the officer
    sees the result at once); bigger ones, or all when 0, go to the worker."""
    return int(os.environ.get("SIMPUL_DPTB_LANGSUNG", "50"))


@dataclass(frozen=True)
class Isian:
    kunci: str
    nik: str
    tps_tujuan_id: int
    alasan: str
    nomor_surat: str
    tanggal_surat: date | None
    waktu_perangkat: datetime | None
    baris: int | None

    def sidik(self) -> str:
        isi = json.dumps([self.nik, self.tps_tujuan_id, self.alasan, self.nomor_surat,
                          str(self.tanggal_surat or "")])
        return hashlib.sha256(isi.encode()).hexdigest()


class _Tolak(Exception):
    """An entry refused with its code: malformed at receipt, or by a rule when decided."""

    def __init__(self, kode: str, pesan: str):
        super().__init__(pesan)
        self.kode, self.pesan = kode, pesan


def _teks(d: dict, kunci: str, batas: int) -> str:
    v = d.get(kunci)
    v = "" if v is None else str(v).strip()
    if len(v) > batas:
        raise _Tolak(KodePemilih.DATA_TIDAK_VALID, f"Isian {kunci} lebih dari {batas} karakter.")
    return v


def _tps_kunci(d: dict) -> tuple:
    """The destination TPS as sent: ("id", pk), or (desa code, TPS number) as staff write it."""
    if d.get("tps_tujuan_id"):
        try:
            return ("id", int(d["tps_tujuan_id"]))
        except (TypeError, ValueError):
            raise _Tolak(KodePemilih.DATA_TIDAK_VALID, "tps_tujuan_id harus angka.") from None
    try:
        return (str(d.get("kode_desa_tujuan") or "").strip(),
                int(str(d.get("tps_tujuan") or "").strip()))
    except ValueError:
        raise _Tolak(KodePemilih.DATA_TIDAK_VALID,
                     "TPS tujuan: isi kode desa tujuan dan nomor TPS (angka).") from None


def _tps_peta(isian: list[dict], pemilu_id: int) -> dict[tuple, int]:
    """Every destination a submission names, looked up in two queries (a file of thousands
    of rows names hundreds of TPS)."""
    kunci = set()
    for d in isian:
        try:
            kunci.add(_tps_kunci(d))
        except _Tolak:
            pass  # reported with its row by isian_periksa
    ids = {k[1] for k in kunci if k[0] == "id"}
    desa = {k[0] for k in kunci if k[0] != "id"}
    qs = TPS.objects.filter(pemilu_id=pemilu_id)
    peta = {("id", pk): pk for pk in qs.filter(pk__in=ids).values_list("pk", flat=True)}
    peta |= {(d, n): pk for pk, d, n in qs.filter(desa_id__in=desa)
             .values_list("pk", "desa_id", "nomor")}
    return peta


def isian_periksa(d: dict, *, tps: dict[tuple, int], baris: int | None = None) -> Isian:
    """The shape of one entry: its key, a structurally valid NIK, an existing destination
    TPS, a reason. Nothing about the voter yet: that is decided after receipt."""
    kunci = _teks(d, "kunci", 100)
    if len(kunci) < 8:
        raise _Tolak(KodePemilih.DATA_TIDAK_VALID, "Kunci entri (8–100 karakter) wajib dikirim.")
    nik = _teks(d, "nik", 40)
    salah = nik_cek_periksa(nik, kecamatan_ada=_kecamatan_ada)
    if salah:
        raise _Tolak(salah[0].kode, salah[0].pesan)
    alasan = _teks(d, "alasan", 200)
    if not alasan:
        raise _Tolak(KodePemilih.DATA_TIDAK_VALID, "Alasan pindah memilih wajib diisi.")
    tanggal_teks = _teks(d, "tanggal_surat", 20)
    tanggal = parse_date(tanggal_teks) if tanggal_teks else None
    if tanggal_teks and tanggal is None:
        raise _Tolak(KodePemilih.DATA_TIDAK_VALID, "tanggal_surat harus TTTT-BB-HH.")
    waktu_teks = _teks(d, "waktu_perangkat", 40)
    waktu = parse_datetime(waktu_teks) if waktu_teks else None
    tps_id = tps.get(_tps_kunci(d))
    if tps_id is None:
        raise _Tolak(KodePemilih.DATA_TIDAK_VALID, "TPS tujuan tidak ada pada pemilu ini.")
    return Isian(kunci=kunci, nik=nik, tps_tujuan_id=tps_id,
                 alasan=alasan, nomor_surat=_teks(d, "nomor_surat", 60),
                 tanggal_surat=tanggal, waktu_perangkat=waktu, baris=baris)


def _wajib_pencatat(akun, pemilu_id: int) -> tuple[Cakupan, Pemilu]:
    cakupan = Cakupan.dari(akun)
    cakupan.wajib_peran(PERAN_DPTB, "Peran Anda tidak mencatat DPTb.")
    return cakupan, _wajib_pemilu(cakupan, pemilu_id)


def _hasil(e: EntriDPTb, status: str | None = None) -> dict:
    return {"kunci": e.kunci, "entri_id": e.pk, "status": status or e.status,
            "diterima": e.diterima.isoformat(), "kode": e.kode, "pesan": e.pesan}


def dptb_terima(*, akun, pemilu_id: int, isian: list[dict], sumber: str = SumberDPTb.API,
                nama_berkas: str = "", sha256: str = "") -> tuple[KirimanDPTb, list[dict]]:
    """Store a submission: every well-formed entry with the server's receipt time (one
    transaction, one audit entry), every malformed one answered with its code and not
    stored (the officer fixes it and sends it again with the same key). A key already
    received with the same content is answered with its first result (`ulang`); with other
    content it is refused (`pemilih.dptb_kunci_bentrok`). Returns the submission and one result per
    input, in order."""
    cakupan, pemilu = _wajib_pencatat(akun, pemilu_id)
    if not isian:
        raise DataTidakValid("Tidak ada entri yang dikirim.", code=KodePemilih.DATA_TIDAK_VALID)
    if len(isian) > BATAS_ENTRI:
        raise DataTidakValid(f"Paling banyak {BATAS_ENTRI} entri per kiriman; kirim sebagai "
                             "berkas.", code=KodePemilih.DATA_TIDAK_VALID)
    hasil: list[dict | Isian] = []
    temuan: list[dict] = []
    tps = _tps_peta(isian, pemilu.pk)
    for i, d in enumerate(isian):
        baris = d.get("baris") if isinstance(d.get("baris"), int) else None
        try:
            hasil.append(isian_periksa(d, tps=tps, baris=baris))
        except _Tolak as t:
            kunci = str(d.get("kunci") or "")
            hasil.append({"kunci": kunci, "entri_id": None, "status": StatusEntri.DITOLAK,
                          "kode": t.kode, "pesan": t.pesan})
            temuan.append({"baris": baris if baris is not None else i + 1, "kunci": kunci,
                           "nik": nik_samarkan(str(d.get("nik") or "")[:16]),
                           "kode": t.kode, "pesan": t.pesan})
    baik = [h for h in hasil if isinstance(h, Isian)]
    sekarang = timezone.now()
    with transaction.atomic():
        kiriman = KirimanDPTb.objects.create(
            pemilu=pemilu, akun=akun, wilayah_kode=cakupan.akar or "", sumber=sumber,
            nama_berkas=nama_berkas[:255], sha256=sha256, diterima=sekarang, temuan=temuan)
        EntriDPTb.objects.bulk_create(
            [EntriDPTb(kiriman=kiriman, pemilu=pemilu, kunci=x.kunci, sidik=x.sidik(),
                       baris=x.baris, nik=x.nik, tps_tujuan_id=x.tps_tujuan_id,
                       alasan=x.alasan, nomor_surat=x.nomor_surat,
                       tanggal_surat=x.tanggal_surat, waktu_perangkat=x.waktu_perangkat,
                       diterima=sekarang) for x in baik],
            ignore_conflicts=True, batch_size=1000)
        ada = {e.kunci: e for e in EntriDPTb.objects.filter(kunci__in=[x.kunci for x in baik])}
        baru = sum(1 for e in ada.values() if e.kiriman_id == kiriman.pk)
        KirimanDPTb.objects.filter(pk=kiriman.pk).update(jumlah=baru, ulang=len(baik) - baru)
        kiriman.jumlah, kiriman.ulang = baru, len(baik) - baru
        if baru == 0:
            kiriman.status = StatusKiriman.SELESAI
            kiriman.selesai = sekarang
            kiriman.save(update_fields=["status", "selesai"])
        audit_catat(akun=akun, aksi="pemilih.dptb_terima", objek=kiriman,
                    wilayah_kode=kiriman.wilayah_kode,
                    sesudah={"pemilu": pemilu.pk, "sumber": sumber, "entri_baru": baru,
                             "entri_ulang": len(baik) - baru, "ditolak": len(temuan),
                             "berkas": nama_berkas, "sha256": sha256})
    keluar = []
    for h in hasil:
        if isinstance(h, dict):
            keluar.append(h)
            continue
        e = ada[h.kunci]
        if e.kiriman_id == kiriman.pk:
            keluar.append(_hasil(e))
        elif e.sidik == h.sidik() and e.pemilu_id == pemilu.pk:
            keluar.append(_hasil(e) | {"ulang": True})
        else:
            keluar.append({"kunci": h.kunci, "entri_id": None, "status": StatusEntri.DITOLAK,
                           "kode": KodePemilih.DPTB_KUNCI_BENTROK,
                           "pesan": "Kunci ini sudah dipakai untuk entri lain."})
    if baru:
        if baru <= _langsung():
            dptb_proses(kiriman_id=kiriman.pk)
            segar = {e.kunci: e for e in kiriman.entri.all()}
            keluar = [_hasil(segar[h["kunci"]]) if h.get("entri_id") and h["kunci"] in segar
                      else h for h in keluar]
            kiriman.refresh_from_db()
        else:
            _antrekan(kiriman.pk)
    return kiriman, keluar


def _antrekan(kiriman_id: int) -> None:
    """Hand a big submission to the worker. If the queue is down the entries stay received
    (their time is kept) and are decided when the submission's task runs again."""
    from .antrean import antrekan
    from .tasks import dptb_tugas

    if not antrekan(dptb_tugas, kiriman_id):
        log.warning("antrean tidak tersedia; kiriman DPTb #%s menunggu diproses", kiriman_id)


def dptb_impor(*, akun, pemilu_id: int, data: bytes, nama_berkas: str) -> KirimanDPTb:
    """A spreadsheet of DPTb entries (columns nik, kode_desa_tujuan, tps_tujuan, alasan;
    optional nomor_surat, tanggal_surat). Each row's key is the file's SHA-256 and its line,
    so sending the same file again stores nothing twice; bad rows are reported by line."""
    _wajib_pencatat(akun, pemilu_id)
    sha = hashlib.sha256(data).hexdigest()
    isian = []
    for nomor, sel in baca_tabel(data, nama_berkas, wajib=KOLOM_WAJIB,
                                 kode=KodePemilih.BERKAS_TIDAK_VALID):
        isian.append({**sel, "kunci": f"berkas:{sha[:32]}:{nomor}", "baris": nomor})
    kiriman, _ = dptb_terima(akun=akun, pemilu_id=pemilu_id, isian=isian,
                             sumber=SumberDPTb.BERKAS, nama_berkas=nama_berkas, sha256=sha)
    return kiriman


# --- deciding -------------------------------------------------------------------------------

def _dpt_ids(pemilu_id: int) -> list[int]:
    """Fixed DPT lists of the election, newest first."""
    return list(SalinanDaftar.objects.filter(pemilu_id=pemilu_id, tahap=Tahap.DPT)
                .exclude(sha256="").order_by("-dibuat", "-pk").values_list("pk", flat=True))


@dataclass
class _Bekal:
    """What a batch's decisions read, fetched once for the batch: each NIK's row in the
    newest fixed DPT, each destination TPS's desa, and the voters already moved (grown as
    the batch records)."""

    asal: dict[str, SalinanPemilih]
    desa_tujuan: dict[int, str]
    sudah: set[int]


def _bekal(entri: list[EntriDPTb], pemilu_id: int, dpt_ids: list[int]) -> _Bekal:
    urutan = {pk: i for i, pk in enumerate(dpt_ids)}
    asal: dict[str, SalinanPemilih] = {}
    for b in (SalinanPemilih.objects.filter(salinan_id__in=dpt_ids,
                                            nik__in={e.nik for e in entri})
              .only("salinan_id", "pemilih_id", "nik", "desa_id", "tps_id")):
        if b.nik not in asal or urutan[b.salinan_id] < urutan[asal[b.nik].salinan_id]:
            asal[b.nik] = b
    desa = dict(TPS.objects.filter(pk__in={e.tps_tujuan_id for e in entri})
                .values_list("pk", "desa_id"))
    sudah = set(PindahMemilih.objects.filter(
        pemilu_id=pemilu_id, pemilih_id__in=[b.pemilih_id for b in asal.values()])
        .values_list("pemilih_id", flat=True))
    return _Bekal(asal, desa, sudah)


def _putuskan(e: EntriDPTb, cakupan: Cakupan, pemilu: Pemilu,
              bekal: _Bekal) -> tuple[PindahMemilih, dict]:
    """PKPU 7/2022 Pasal 117 (RULES.md §4): a voter of the fixed DPT, reported in time,
    once per election, to another TPS; recorded by an office whose territory holds the
    origin or the destination. Returns the record to save and its audit entry."""
    asal = bekal.asal.get(e.nik)
    if asal is None:
        raise _Tolak(KodePemilih.BUKAN_DPT, "NIK ini tidak terdaftar di DPT yang ditetapkan.")
    tujuan = bekal.desa_tujuan[e.tps_tujuan_id]
    if not (cakupan.mencakup(asal.desa_id) or cakupan.mencakup(tujuan)):
        raise _Tolak(KodePemilih.DI_LUAR_WILAYAH,
                     "Asal maupun tujuan pemilih ini di luar wilayah kerja Anda.")
    hari = dptb_hari(pemilu)
    lokal = timezone.localtime(e.diterima, zona_waktu(asal.desa_id))
    if not dptb_diterima_tepat_waktu(e.diterima, pemilu.tanggal_pemungutan, asal.desa_id, hari):
        raise _Tolak(KodePemilih.DPTB_TERLAMBAT,
                     f"Diterima {lokal:%d-%m-%Y %H:%M} {lokal.tzname()}: pindah memilih paling "
                     f"lambat {hari} hari sebelum hari pemungutan suara.")
    if e.tps_tujuan_id == asal.tps_id:
        raise _Tolak(KodePemilih.DATA_TIDAK_VALID, "TPS tujuan sama dengan TPS asal.")
    if asal.pemilih_id in bekal.sudah:
        raise _Tolak(KodePemilih.DPTB_SUDAH, PESAN_SUDAH)
    bekal.sudah.add(asal.pemilih_id)
    pm = PindahMemilih(
        pemilu_id=pemilu.pk, pemilih_id=asal.pemilih_id, salinan_id=asal.salinan_id,
        tps_asal_id=asal.tps_id, tps_tujuan_id=e.tps_tujuan_id, alasan=e.alasan,
        nomor_surat=e.nomor_surat, entri=e, diterima=e.diterima, akun_id=e.kiriman.akun_id,
        tanggal=e.tanggal_surat or lokal.date())
    audit = {"akun": e.kiriman.akun, "aksi": "pemilih.dptb_catat", "objek": pm,
             "wilayah_kode": asal.desa_id,
             "sesudah": {"pemilih": asal.pemilih_id, "tps_asal": asal.tps_id,
                         "tps_tujuan": e.tps_tujuan_id, "dpt": asal.salinan_id,
                         "alasan": e.alasan, "entri": e.pk, "diterima": e.diterima}}
    return pm, audit


def _simpan(catat: list[tuple[EntriDPTb, PindahMemilih, dict]]) -> list[dict]:
    """The batch's records in one INSERT, in voter order (two deciders never wait on each
    other in a cycle). If a concurrent decision recorded one of these voters first (the
    once-per-election constraint), one savepoint each instead: that entry is refused,
    the rest kept. Returns the audit entries of what was saved."""
    catat = sorted(catat, key=lambda c: c[1].pemilih_id)
    try:
        with transaction.atomic():
            PindahMemilih.objects.bulk_create([pm for _, pm, _ in catat])
        return [a for _, _, a in catat]
    except IntegrityError:
        pass
    audit = []
    for e, pm, a in catat:
        try:
            with transaction.atomic():
                pm.save(force_insert=True)
            audit.append(a)
        except IntegrityError:
            e.status, e.kode, e.pesan = StatusEntri.DITOLAK, KodePemilih.DPTB_SUDAH, PESAN_SUDAH
    return audit


def dptb_proses(*, kiriman_id: int | None = None, pemilu_id: int | None = None,
                per_batch: int = 200) -> int:
    """Decide received entries in receipt order, a batch per transaction. Rows are taken
    with SKIP LOCKED, so several workers (and a request deciding its own few entries) never
    decide one entry twice; a refusal or a clash with a concurrent decision loses nothing
    else. The batch's audit entries are written last, so the chain's lock is held from
    there to the commit only. Returns how many were decided."""
    qs = EntriDPTb.objects.filter(status=StatusEntri.ANTRE)
    if kiriman_id is not None:
        qs = qs.filter(kiriman_id=kiriman_id)
    if pemilu_id is not None:
        qs = qs.filter(pemilu_id=pemilu_id)
    jumlah, cakupan_akun, pemilu_cache, dpt_cache = 0, {}, {}, {}
    while True:
        with transaction.atomic():
            entri = list(qs.select_related("kiriman__akun")
                         .select_for_update(skip_locked=True, of=("self",))
                         .order_by("diterima", "pk")[:per_batch])
            if not entri:
                break
            bekal = {}
            for p in {e.pemilu_id for e in entri}:
                if p not in pemilu_cache:
                    pemilu_cache[p], dpt_cache[p] = Pemilu.objects.get(pk=p), _dpt_ids(p)
                bekal[p] = _bekal([e for e in entri if e.pemilu_id == p], p, dpt_cache[p])
            catat = []
            for e in entri:
                akun = e.kiriman.akun
                if akun.pk not in cakupan_akun:
                    cakupan_akun[akun.pk] = Cakupan.dari(akun)
                try:
                    catat.append((e, *_putuskan(e, cakupan_akun[akun.pk],
                                                pemilu_cache[e.pemilu_id], bekal[e.pemilu_id])))
                    e.status, e.kode, e.pesan = StatusEntri.DICATAT, "", ""
                except _Tolak as t:
                    e.status, e.kode, e.pesan = StatusEntri.DITOLAK, t.kode, t.pesan
            audit = _simpan(catat)
            # One UPDATE per outcome (usually one or two), not a CASE per entry and field.
            sekarang, hasil = timezone.now(), defaultdict(list)
            for e in entri:
                e.diproses = sekarang
                hasil[(e.status, e.kode, e.pesan)].append(e.pk)
            for (status, kode, pesan), pks in hasil.items():
                EntriDPTb.objects.filter(pk__in=pks).update(status=status, kode=kode, pesan=pesan,
                                                            diproses=sekarang)
            jumlah += len(entri)
            audit_catat_banyak(audit)
        _kiriman_segarkan({e.kiriman_id for e in entri})
    # A worker that died between a batch's commit and the check above left a submission
    # running with nothing pending: the next call (the redelivered task) finishes it.
    sisa = KirimanDPTb.objects.all()
    if kiriman_id is not None:
        sisa = sisa.filter(pk=kiriman_id)
    if pemilu_id is not None:
        sisa = sisa.filter(pemilu_id=pemilu_id)
    _kiriman_selesaikan(sisa)
    return jumlah


def _kiriman_segarkan(ids: set[int]) -> None:
    """Checked after the batch commits: inside it, entries another worker is deciding
    still look pending, so two workers finishing one submission together would each have
    left it running."""
    KirimanDPTb.objects.filter(pk__in=ids, status=StatusKiriman.ANTRE).update(
        status=StatusKiriman.BERJALAN)
    _kiriman_selesaikan(KirimanDPTb.objects.filter(pk__in=ids))


def _kiriman_selesaikan(qs) -> None:
    """A submission is finished once none of its entries is pending."""
    (qs.exclude(status=StatusKiriman.SELESAI).exclude(entri__status=StatusEntri.ANTRE)
     .update(status=StatusKiriman.SELESAI, selesai=timezone.now()))


# --- reading --------------------------------------------------------------------------------
def kiriman_ambil(*, akun, kiriman_id: int) -> KirimanDPTb:
    """A submission is seen by whoever sent it and by offices above its territory."""
    cakupan = Cakupan.dari(akun)
    k = KirimanDPTb.objects.select_related("akun", "pemilu").filter(pk=kiriman_id).first()
    if k is None or not (k.akun_id == getattr(akun, "pk", None)
                         or cakupan.mencakup(k.wilayah_kode or "")):
        raise TidakDitemukan("Kiriman DPTb tidak ditemukan di wilayah kerja Anda.")
    return k


def _hitung_status(entri) -> dict[str, int]:
    """Entries per status, counted in the database (a file may hold thousands)."""
    hitung = {s: 0 for s in StatusEntri.values}
    for row in entri.order_by().values("status").annotate(n=Count("pk")):
        hitung[row["status"]] = row["n"]
    return hitung


def kiriman_ringkas(k: KirimanDPTb) -> dict:
    hitung = _hitung_status(k.entri.all())
    return {"id": k.pk, "sumber": k.sumber, "diterima": k.diterima, "status": k.status,
            "jumlah": k.jumlah, "ulang": k.ulang, "ditolak_bentuk": len(k.temuan),
            "antre": hitung[StatusEntri.ANTRE], "dicatat": hitung[StatusEntri.DICATAT],
            "ditolak": hitung[StatusEntri.DITOLAK], "selesai": k.selesai,
            "nama_berkas": k.nama_berkas}


def kiriman_temuan_ekspor(*, akun, kiriman_id: int) -> bytes:
    """CSV of every row not recorded: malformed at receipt, or refused by a rule; NIK
    masked. Audited like every export of voter data."""
    k = kiriman_ambil(akun=akun, kiriman_id=kiriman_id)
    baris = [[t["baris"], t["kunci"], t["nik"], t["kode"], t["pesan"]] for t in k.temuan]
    baris += [[e.baris or "", e.kunci, nik_samarkan(e.nik), e.kode, e.pesan]
              for e in k.entri.filter(status=StatusEntri.DITOLAK).order_by("baris", "pk")]
    baris.sort(key=lambda b: (b[0] == "", b[0] if b[0] != "" else 0))
    audit_catat(akun=akun, aksi="pemilih.dptb_temuan_ekspor", objek=k,
                wilayah_kode=k.wilayah_kode, sesudah={"baris": len(baris)})
    return tulis_csv(KOLOM_TEMUAN, baris)


def dptb_hari(pemilu: Pemilu) -> int:
    """Days before polling by which a move must be reported (a per-election parameter)."""
    return int(pemilu.param("dptb_hari_sebelum", DPTB_HARI_SEBELUM))



def dptb_ringkas(*, akun, pemilu: Pemilu) -> dict:
    """The office's DPTb desk: counts by status, the latest submissions and entries of its
    territory, and the deadline in its local time."""
    cakupan = Cakupan.dari(akun)
    kiriman = KirimanDPTb.objects.filter(pemilu=pemilu).filter(cakupan.q_kode("wilayah_kode"))
    entri = EntriDPTb.objects.filter(kiriman__in=kiriman)
    hitung = _hitung_status(entri)
    batas = dptb_batas_terima(pemilu.tanggal_pemungutan, cakupan.akar or pemilu.cakupan_id or "",
                              dptb_hari(pemilu))
    return {"hitung": hitung, "batas": f"{batas:%d-%m-%Y %H:%M} {batas.tzname()}",
            "kiriman": list(kiriman.select_related("akun").order_by("-diterima", "-pk")[:20]),
            "entri": list(entri.select_related("tps_tujuan__desa", "kiriman__akun")
                          .order_by("-diterima", "-pk")[:50])}
