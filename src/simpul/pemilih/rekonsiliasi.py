"""Reconciliation of coklit between the Pantarlih's phones and the server (ANCHORS.md,
e-Coklit: officers worked on paper by day and synced at night, and nobody could see
which saves never arrived).

Each phone keeps a log of every save it made for its TPS: the idempotency key it made,
the voter (or a new voter), the device time and where the save stands on the device
(sent, queued, refused on arrival, or gone from the queue). It posts the log at each sync
(`laporan_perangkat_catat`). Set against the keys the server holds (`KunciIdempoten`), the
latest log of each device gives its count of saves against the server's count and names
each save that did not arrive (`rekonsiliasi_hitung`, pure). Progress stays computed from
the voter rows."""

import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Count, Max, Q

from simpul.core.errors import DataTidakValid, SimpulError, TidakDitemukan
from simpul.core.models import Akun
from simpul.core.roles import Peran
from simpul.core.scope import Cakupan
from simpul.pemilu.models import TPS

from .errors import KodePemilih
from .models import HasilCoklit, KunciIdempoten, LaporanPerangkat, StatusCatatan
from .rules import nama_samarkan
from .selectors import pemilih_qs
from .services import PERAN_UBAH

# A TPS has at most ~300 voters; ten saves each on one phone is already far more than real.
BATAS_CATATAN = 3000
JENIS_CATATAN = ("coklit", "baru")


@dataclass(frozen=True)
class CatatanPerangkat:
    kunci: str
    jenis: str  # "coklit", or "baru" for a new voter
    pemilih_id: int | None  # None for a new voter: the device does not know its id
    waktu: datetime  # the device's clock
    status: str  # StatusCatatan
    nama: str = ""  # new voter only, masked: the server may have no row to name it by

    def ke_json(self) -> dict:
        return {"kunci": self.kunci, "jenis": self.jenis, "pemilih": self.pemilih_id,
                "waktu": self.waktu.isoformat(), "status": self.status, "nama": self.nama}

    @classmethod
    def dari_json(cls, d: dict) -> "CatatanPerangkat":
        return cls(d["kunci"], d["jenis"], d["pemilih"], datetime.fromisoformat(d["waktu"]),
                   d["status"], d.get("nama", ""))


@dataclass(frozen=True)
class LaporanMasuk:
    perangkat: uuid.UUID
    tps_id: int
    waktu: datetime
    catatan: list[CatatanPerangkat]


def _waktu(nilai) -> datetime | None:
    if not isinstance(nilai, str):
        return None
    try:
        w = datetime.fromisoformat(nilai)
    except ValueError:
        return None
    return w if w.tzinfo is not None else None


def laporan_urai(data) -> LaporanMasuk:
    """Read a device report sent as JSON, checking every field. A malformed report is
    refused whole with `coklit.laporan_tidak_valid` and the list of what is wrong, so the
    device keeps its log and nothing half-read is stored."""
    salah: list[dict] = []

    def tolak(kolom: str, pesan: str) -> None:
        salah.append({"kolom": kolom, "pesan": pesan})

    if not isinstance(data, dict):
        data = {}
        tolak("", "Laporan harus berupa objek JSON.")
    try:
        perangkat = uuid.UUID(str(data.get("perangkat", "")))
    except ValueError:
        perangkat = None
        tolak("perangkat", "Kode perangkat harus UUID.")
    tps_id = data.get("tps_id")
    if not isinstance(tps_id, int) or isinstance(tps_id, bool) or tps_id <= 0:
        tolak("tps_id", "tps_id harus bilangan bulat positif.")
    waktu = _waktu(data.get("waktu"))
    if waktu is None:
        tolak("waktu", "Waktu perangkat harus ISO 8601 dengan zona waktu.")
    mentah = data.get("catatan")
    if not isinstance(mentah, list):
        tolak("catatan", "Catatan harus berupa daftar.")
        mentah = []
    elif len(mentah) > BATAS_CATATAN:
        tolak("catatan", f"Paling banyak {BATAS_CATATAN} catatan per laporan.")
        mentah = []
    catatan, kunci_ada = [], set()
    for i, c in enumerate(mentah):
        k = f"catatan[{i}]"
        if not isinstance(c, dict):
            tolak(k, "Setiap catatan harus berupa objek.")
            continue
        kunci = c.get("kunci").strip() if isinstance(c.get("kunci"), str) else ""
        jenis, pemilih, status = c.get("jenis"), c.get("pemilih"), c.get("status")
        nama = c.get("nama") or ""
        w = _waktu(c.get("waktu"))
        if not 8 <= len(kunci) <= 64:
            tolak(f"{k}.kunci", "Kunci idempoten harus 8–64 karakter.")
        elif kunci in kunci_ada:
            tolak(f"{k}.kunci", "Kunci yang sama tercatat dua kali.")
        if jenis not in JENIS_CATATAN:
            tolak(f"{k}.jenis", "Jenis harus coklit atau baru.")
        elif jenis == "coklit" and (not isinstance(pemilih, int) or isinstance(pemilih, bool)
                                    or pemilih <= 0):
            tolak(f"{k}.pemilih", "Catatan coklit wajib menyebut id pemilih.")
        elif jenis == "baru" and pemilih is not None:
            tolak(f"{k}.pemilih", "Pemilih baru belum punya id pemilih.")
        if w is None:
            tolak(f"{k}.waktu", "Waktu harus ISO 8601 dengan zona waktu.")
        if status not in StatusCatatan.values:
            tolak(f"{k}.status",
                  f"Status harus salah satu dari {', '.join(StatusCatatan.values)}.")
        if not isinstance(nama, str) or len(nama) > 200:
            tolak(f"{k}.nama", "Nama paling panjang 200 karakter.")
        kunci_ada.add(kunci)
        if not salah:
            catatan.append(CatatanPerangkat(kunci, jenis, pemilih, w, status,
                                            nama_samarkan(nama.strip()) if jenis == "baru"
                                            else ""))
    if salah:
        raise DataTidakValid(f"Laporan perangkat tidak valid: {salah[0]['kolom'] or 'isi'}: "
                             f"{salah[0]['pesan']}", code=KodePemilih.LAPORAN_TIDAK_VALID,
                             details=salah[:50])
    return LaporanMasuk(perangkat, tps_id, waktu, catatan)


# --- the numbers ------------------------------------------------------------------------------
@dataclass
class BarisPerangkat:
    """One device's latest report against the server."""

    laporan: LaporanPerangkat
    jumlah: int = 0  # saves the device made for this TPS
    di_server: int = 0  # of those, keys the server holds
    antre: int = 0  # not on the server and still queued on the device

    @property
    def selisih(self) -> int:
        return self.jumlah - self.di_server


@dataclass(frozen=True)
class BelumDiServer:
    """A save a device made that the server does not hold."""

    catatan: CatatanPerangkat
    laporan: LaporanPerangkat


@dataclass
class Rekonsiliasi:
    perangkat: list[BarisPerangkat]
    belum_sampai: list[BelumDiServer]  # sent, refused or lost: will not arrive by itself
    masih_antre: list[BelumDiServer]  # still queued: arrives at the device's next sync
    tanpa_laporan: dict[int | None, int] = field(default_factory=dict)  # akun → keys

    @property
    def jumlah_perangkat(self) -> int:
        return sum(b.jumlah for b in self.perangkat)

    @property
    def jumlah_server(self) -> int:
        return sum(b.di_server for b in self.perangkat)


def rekonsiliasi_hitung(*, laporan: list[tuple[LaporanPerangkat, list[CatatanPerangkat]]],
                        kunci_server: set[str],
                        kunci_tps: dict[str, int | None]) -> Rekonsiliasi:
    """Device counts against server counts. `laporan`: the latest report of each device
    with its log; `kunci_server`: which of the reported keys the server holds (wherever
    the voter now is); `kunci_tps`: every key the server holds for the TPS, with the
    account that made it, to show saves no device report accounts for (a phone that never
    reported, or whose log was wiped)."""
    hasil = Rekonsiliasi([], [], [])
    dilapor = set()
    for lap, catatan in laporan:
        baris = BarisPerangkat(lap, jumlah=len(catatan))
        for c in catatan:
            dilapor.add(c.kunci)
            if c.kunci in kunci_server:
                baris.di_server += 1
            elif c.status == StatusCatatan.ANTRE:
                baris.antre += 1
                hasil.masih_antre.append(BelumDiServer(c, lap))
            else:
                hasil.belum_sampai.append(BelumDiServer(c, lap))
        hasil.perangkat.append(baris)
    hasil.tanpa_laporan = dict(Counter(akun for k, akun in kunci_tps.items()
                                       if k not in dilapor))
    for daftar in (hasil.belum_sampai, hasil.masih_antre):
        daftar.sort(key=lambda b: b.catatan.waktu)
    return hasil


# --- service and selector ---------------------------------------------------------------------
def laporan_perangkat_catat(*, akun, data) -> tuple[LaporanPerangkat, int]:
    """Store a device report of a Pantarlih for their own TPS; returns it with how many of
    its keys the server holds. Not an election-record change: no audit entry (the saves
    themselves were audited when applied); the row is append-only."""
    cakupan = Cakupan.dari(akun)
    cakupan.wajib_peran(frozenset({Peran.PANTARLIH}),
                        "Hanya Pantarlih yang mengirim laporan perangkat coklit.")
    masuk = laporan_urai(data)
    if masuk.tps_id != cakupan.tps_id:
        raise SimpulError(KodePemilih.LAPORAN_TPS_LAIN,
                          "Laporan perangkat hanya untuk TPS tempat Anda bertugas.", status=403)
    hitung = Counter(c.status for c in masuk.catatan)
    lap = LaporanPerangkat.objects.create(
        akun=akun, tps_id=masuk.tps_id, perangkat=masuk.perangkat, waktu_perangkat=masuk.waktu,
        jumlah=len(masuk.catatan), terkirim=hitung[StatusCatatan.TERKIRIM],
        antre=hitung[StatusCatatan.ANTRE], ditolak=hitung[StatusCatatan.DITOLAK],
        hilang=hitung[StatusCatatan.HILANG], catatan=[c.ke_json() for c in masuk.catatan])
    di_server = KunciIdempoten.objects.filter(kunci__in=[c.kunci for c in masuk.catatan]).count()
    return lap, di_server


def rekonsiliasi_tps(*, akun, tps_id: int) -> dict:
    """The reconciliation page of one TPS, for its Pantarlih and for PPS, PPK and KPU whose
    territory covers it: device against server counts, what has not arrived, and the
    voters not yet visited. Voter names are masked as in the public check."""
    cakupan = Cakupan.dari(akun)
    cakupan.wajib_peran(PERAN_UBAH, "Peran Anda tidak berwenang melihat rekonsiliasi coklit.")
    tps = (cakupan.tps(TPS.objects.filter(pk=tps_id)).select_related("desa", "pemilu")
           .first())
    if tps is None:
        raise TidakDitemukan("TPS tidak ditemukan di wilayah kerja Anda.")
    terakhir = (LaporanPerangkat.objects.filter(tps=tps).values("akun", "perangkat")
                .annotate(akhir=Max("id")).values("akhir"))
    laporan = [(lap, [CatatanPerangkat.dari_json(c) for c in lap.catatan])
               for lap in LaporanPerangkat.objects.filter(pk__in=terakhir)
               .select_related("akun").order_by("akun__username", "-diterima")]
    dilapor = {c.kunci for _, cs in laporan for c in cs}
    server = KunciIdempoten.objects.filter(Q(kunci__in=dilapor) | Q(pemilih__tps=tps))
    kunci_server, kunci_tps = set(), {}
    for kunci, akun_id, tps_pemilih in server.values_list("kunci", "akun_id", "pemilih__tps"):
        kunci_server.add(kunci)
        if tps_pemilih == tps.pk:
            kunci_tps[kunci] = akun_id
    hasil = rekonsiliasi_hitung(laporan=laporan, kunci_server=kunci_server,
                                kunci_tps=kunci_tps)
    pemilih = pemilih_qs(akun=akun)
    ids = {b.catatan.pemilih_id for b in hasil.belum_sampai + hasil.masih_antre}
    nama = {pk: nama_samarkan(n) for pk, n in
            pemilih.filter(pk__in=ids - {None}).values_list("pk", "nama")}

    def baris(b: BelumDiServer) -> dict:
        c = b.catatan
        return {"kunci": c.kunci, "jenis": c.jenis, "status": c.status, "waktu": c.waktu,
                "nama": c.nama if c.jenis == "baru" else nama.get(c.pemilih_id, "—"),
                "petugas": b.laporan.akun.username, "perangkat": str(b.laporan.perangkat)}

    kemajuan = pemilih.filter(tps=tps).aggregate(
        jumlah=Count("id"), ms=Count("id", filter=Q(coklit=HasilCoklit.MS)),
        tms=Count("id", filter=Q(coklit=HasilCoklit.TMS)))
    kemajuan["belum"] = kemajuan["jumlah"] - kemajuan["ms"] - kemajuan["tms"]
    belum = [{"id": pk, "nama": nama_samarkan(n), "rt": rt, "rw": rw} for pk, n, rt, rw in
             pemilih.filter(tps=tps, coklit=HasilCoklit.BELUM).order_by("rw", "rt", "nkk", "nama")
             .values_list("pk", "nama", "rt", "rw")]
    petugas = dict(Akun.objects.filter(pk__in=[a for a in hasil.tanpa_laporan if a])
                   .values_list("pk", "username"))
    return {"tps": tps, "hasil": hasil, "kemajuan": kemajuan,
            "belum_sampai": [baris(b) for b in hasil.belum_sampai],
            "masih_antre": [baris(b) for b in hasil.masih_antre],
            "belum_dicoklit": belum, "pantarlih_tps": cakupan.tps_id == tps.pk,
            "tanpa_laporan": [(petugas.get(a, "—"), n) for a, n in hasil.tanpa_laporan.items()]}
