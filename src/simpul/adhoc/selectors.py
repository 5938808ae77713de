"""Reads of the ad hoc domain, always through the acting user's territory (`Cakupan`)."""

from collections.abc import Iterator
from dataclasses import dataclass, field

from django.apps import apps
from django.db.models import Count, Q, Sum
from django.db.models.functions import Left

from simpul.core.errors import DataTidakValid, SimpulError, TidakDitemukan
from simpul.core.nik import nik_periksa
from simpul.core.roles import Peran
from simpul.core.scope import Cakupan, di_bawah, leluhur, q_subpohon
from simpul.pemilu.models import TPS, Pemilu
from simpul.wilayah.models import Wilayah
from simpul.wilayah.rules import PANJANG_KODE, TINGKAT_DESA

from .errors import KodeAdhoc
from .models import (
    SK,
    Anggota,
    AnggotaPartai,
    JenisBerkas,
    Kegiatan,
    Kehadiran,
    Pendaftar,
    PenempatanJalan,
    PerpanjanganPendaftaran,
    Rekrutmen,
    RiwayatPeriode,
    StatusAnggota,
    StatusPendaftar,
    TemplatDokumen,
)
from .rules import (
    AnggotaPartai as BarisPartai,
)
from .rules import (
    Badan,
    CalonPengganti,
    HasilSyarat,
    Kursi,
    UkuranBadan,
    akhir_pendaftaran,
    kode_kecamatan,
    kursi_hitung,
    kursi_kpps,
    kursi_pantarlih,
    nama_baku,
    pantarlih_per_tps,
    parameter_syarat,
    syarat_domisili,
    syarat_kesehatan,
    syarat_nik,
    syarat_partai,
    syarat_pendidikan,
    syarat_periode,
    syarat_pernyataan,
    syarat_pidana,
    syarat_usia,
    ukuran_badan,
    urutkan_pengganti,
)


@dataclass
class BarisRencana:
    """Counts of one region (or a total) and the seats they call for."""

    kode: str
    nama: str
    tingkat: str
    kecamatan: int = 0
    desa: int = 0
    tps: int = 0
    pemilih: int = 0
    tps_di_atas_ambang: int = 0
    tps_tanpa_pemilih: int = 0
    kursi: Kursi = field(default_factory=Kursi)

    def hitung(self, u: UkuranBadan) -> "BarisRencana":
        self.kursi = kursi_hitung(kecamatan=self.kecamatan, desa=self.desa, tps=self.tps,
                                  tps_di_atas_ambang=self.tps_di_atas_ambang, u=u)
        return self


@dataclass
class KursiTPS:
    tps: TPS
    kpps: int
    pantarlih: int


@dataclass
class Rencana:
    pemilu: Pemilu
    wilayah: Wilayah | None
    ukuran: UkuranBadan
    anak: list[BarisRencana]
    total: BarisRencana
    tps: list[KursiTPS] = field(default_factory=list)


def _q_pemilu(pemilu: Pemilu, kolom: str) -> Q:
    """Rows whose code lies inside the election's own territory."""
    if pemilu.cakupan_id is None:
        return Q()
    return q_subpohon(kolom, pemilu.cakupan_id)


def _wajib_dalam_pemilu(pemilu: Pemilu, kode: str | None) -> None:
    """The node must overlap the election: inside its territory or above it."""
    akar = pemilu.cakupan_id
    if akar is None or kode is None or di_bawah(kode, akar) or di_bawah(akar, kode):
        return
    raise DataTidakValid(f"Wilayah {kode} tidak termasuk cakupan {pemilu.nama}.",
                         code=KodeAdhoc.RENCANA_DI_LUAR_PEMILU)


def _agregat(*, cakupan: Cakupan, pemilu: Pemilu, awalan: str, panjang: int,
             baris: dict[str, BarisRencana]) -> None:
    """Fill region and TPS counts into `baris`, keyed by the first `panjang` characters of
    the code: two grouped queries whatever the number of rows."""
    wilayah = (cakupan.wilayah(Wilayah.objects.filter(
                   kode__startswith=awalan, aktif=True,
                   tingkat__in=("kecamatan", *TINGKAT_DESA)))
               .filter(_q_pemilu(pemilu, "kode"))
               .annotate(grup=Left("kode", panjang)).values("grup")
               .annotate(kec=Count("kode", filter=Q(tingkat="kecamatan")),
                         desa=Count("kode", filter=Q(tingkat__in=TINGKAT_DESA))))
    for r in wilayah:
        if b := baris.get(r["grup"]):
            b.kecamatan, b.desa = r["kec"], r["desa"]
    tps = (cakupan.tps(TPS.objects.filter(pemilu=pemilu, desa_id__startswith=awalan))
           .annotate(grup=Left("desa_id", panjang)).values("grup")
           .annotate(**_kolom_tps(ukuran_badan(pemilu))))
    for r in tps:
        if b := baris.get(r["grup"]):
            b.tps, b.pemilih = r["n"], r["pemilih"] or 0
            b.tps_di_atas_ambang, b.tps_tanpa_pemilih = r.get("besar", 0), r["tanpa"]


def _kolom_tps(u: UkuranBadan) -> dict:
    """Aggregates of a group of TPS: count, voters, how many exceed the Pantarlih
    threshold, how many have no voter count."""
    kolom = {"n": Count("id"), "pemilih": Sum("jumlah_pemilih"),
             "tanpa": Count("id", filter=Q(jumlah_pemilih__isnull=True))}
    if u.pantarlih_ambang_pemilih is not None:
        kolom["besar"] = Count("id", filter=Q(jumlah_pemilih__gt=u.pantarlih_ambang_pemilih))
    return kolom


def _jumlahkan(kode: str, nama: str, tingkat: str, daftar: list[BarisRencana],
               u: UkuranBadan) -> BarisRencana:
    total = BarisRencana(kode, nama, tingkat)
    for b in daftar:
        for f in ("kecamatan", "desa", "tps", "pemilih", "tps_di_atas_ambang",
                  "tps_tanpa_pemilih"):
            setattr(total, f, getattr(total, f) + getattr(b, f))
    return total.hitung(u)


def _simpul(akun, pemilu: Pemilu, kode: str | None) -> tuple[Cakupan, Wilayah | None]:
    cakupan = Cakupan.dari(akun)
    cakupan.wajib_staf()
    if not cakupan.pemilu(Pemilu.objects.filter(pk=pemilu.pk)).exists():
        raise TidakDitemukan("Pemilu tidak ditemukan di wilayah kerja Anda.")
    if kode is None:
        kode = cakupan.akar
    if kode is None:
        return cakupan, None
    cakupan.wajib_mencakup(kode)
    _wajib_dalam_pemilu(pemilu, kode)
    wilayah = Wilayah.objects.filter(kode=kode).first()
    if wilayah is None:
        raise TidakDitemukan("Wilayah tidak ditemukan di wilayah kerja Anda.")
    return cakupan, wilayah


def rencana_kursi(*, akun, pemilu: Pemilu, kode: str | None = None) -> Rencana:
    """The staffing plan of a node (None: the user's own root) and of each of its
    children, one level down: province → kab/kota → kecamatan → desa/kelurahan → TPS.

    A constant number of queries whatever the number of children."""
    cakupan, wilayah = _simpul(akun, pemilu, kode)
    u = ukuran_badan(pemilu)
    if wilayah is not None and wilayah.is_desa:
        daftar_tps = list(cakupan.tps(TPS.objects.filter(pemilu=pemilu, desa=wilayah))
                          .order_by("nomor"))
        baris = BarisRencana(wilayah.kode, wilayah.nama, wilayah.tingkat, desa=1,
                             tps=len(daftar_tps),
                             pemilih=sum(t.jumlah_pemilih or 0 for t in daftar_tps))
        per_tps = [KursiTPS(t, u.kpps_per_tps, pantarlih_per_tps(t.jumlah_pemilih, u))
                   for t in daftar_tps]
        baris.tps_tanpa_pemilih = sum(1 for t in daftar_tps if t.jumlah_pemilih is None)
        baris.tps_di_atas_ambang = sum(1 for k in per_tps if k.pantarlih != u.pantarlih_per_tps)
        baris.hitung(u)
        return Rencana(pemilu, wilayah, u, [], baris, per_tps)
    if wilayah is None:
        anak_qs, awalan, kedalaman = Wilayah.objects.filter(tingkat="provinsi"), "", 1
    else:
        anak_qs = Wilayah.objects.filter(induk=wilayah)
        awalan, kedalaman = wilayah.kode + ".", wilayah.kedalaman + 1
    q_anak = _q_pemilu(pemilu, "kode")
    if pemilu.cakupan_id:
        q_anak |= Q(kode__in=leluhur(pemilu.cakupan_id))
    anak = [BarisRencana(w.kode, w.nama, w.tingkat) for w in
            cakupan.wilayah(anak_qs.filter(aktif=True)).filter(q_anak).order_by("kode")]
    _agregat(cakupan=cakupan, pemilu=pemilu, awalan=awalan, panjang=PANJANG_KODE[kedalaman],
             baris={b.kode: b for b in anak})
    for b in anak:
        b.hitung(u)
    total = _jumlahkan(wilayah.kode if wilayah else "", wilayah.nama if wilayah else "Indonesia",
                       wilayah.tingkat if wilayah else "", anak, u)
    return Rencana(pemilu, wilayah, u, anak, total)


@dataclass
class RencanaRinci:
    """The plan of every kecamatan and every desa/kelurahan under a node (for exports)."""

    pemilu: Pemilu
    wilayah: Wilayah | None
    ukuran: UkuranBadan
    kecamatan: list[BarisRencana]
    desa: list[BarisRencana]
    total: BarisRencana
    nama_induk: dict[str, str]

    def baris_desa(self) -> Iterator[tuple[str, str, BarisRencana]]:
        """(kab/kota name, kecamatan name, row) for each desa/kelurahan."""
        for b in self.desa:
            kec = b.kode[:8]
            yield self.nama_induk.get(kec[:5], ""), self.nama_induk.get(kec, ""), b


def rencana_rinci(*, akun, pemilu: Pemilu, kode: str | None = None) -> RencanaRinci:
    """Every kecamatan and desa/kelurahan under the node with its seats: five queries."""
    cakupan, wilayah = _simpul(akun, pemilu, kode)
    u = ukuran_badan(pemilu)
    awalan = "" if wilayah is None else (wilayah.kode if wilayah.is_desa else wilayah.kode + ".")
    dasar = (cakupan.wilayah(Wilayah.objects.filter(kode__startswith=awalan, aktif=True))
             .filter(_q_pemilu(pemilu, "kode")).order_by("kode"))
    desa = {k: BarisRencana(k, n, t) for k, n, t in
            dasar.filter(tingkat__in=TINGKAT_DESA).values_list("kode", "nama", "tingkat")}
    kecamatan = {k: BarisRencana(k, n, t, kecamatan=1) for k, n, t in
                 dasar.filter(tingkat="kecamatan").values_list("kode", "nama", "tingkat")}
    nama_induk = dict(Wilayah.objects.filter(
        tingkat__in=("kabupaten", "kota", "kecamatan"),
        kode__in={k[:5] for k in kecamatan} | set(kecamatan)).values_list("kode", "nama"))
    for b in desa.values():
        b.desa = 1
    _agregat_tps_desa(cakupan, pemilu, awalan, desa, u)
    for b in desa.values():
        b.hitung(u)
        if k := kecamatan.get(b.kode[:8]):
            for f in ("desa", "tps", "pemilih", "tps_di_atas_ambang", "tps_tanpa_pemilih"):
                setattr(k, f, getattr(k, f) + getattr(b, f))
    daftar_kec = [k.hitung(u) for k in kecamatan.values()]
    total = _jumlahkan(wilayah.kode if wilayah else "", wilayah.nama if wilayah else "Indonesia",
                       wilayah.tingkat if wilayah else "", daftar_kec or list(desa.values()), u)
    return RencanaRinci(pemilu, wilayah, u, daftar_kec, list(desa.values()), total, nama_induk)


def _agregat_tps_desa(cakupan: Cakupan, pemilu: Pemilu, awalan: str,
                      desa: dict[str, BarisRencana], u: UkuranBadan) -> None:
    qs = (cakupan.tps(TPS.objects.filter(pemilu=pemilu, desa_id__startswith=awalan))
          .values("desa_id").annotate(**_kolom_tps(u)))
    for r in qs.iterator(chunk_size=20_000):
        if b := desa.get(r["desa_id"]):
            b.tps, b.pemilih = r["n"], r["pemilih"] or 0
            b.tps_di_atas_ambang, b.tps_tanpa_pemilih = r.get("besar", 0), r["tanpa"]


def pendaftar_status(*, nomor: str, tanggal_lahir) -> Pendaftar:
    """The public status page: the registration number and the birth date together."""
    p = (Pendaftar.objects.select_related("rekrutmen", "wilayah_tugas", "dibantu_oleh")
         .prefetch_related("berkas")
         .filter(nomor=nomor.strip().upper(), tanggal_lahir=tanggal_lahir).first())
    if p is None:
        raise SimpulError(KodeAdhoc.STATUS_TIDAK_DITEMUKAN, "Nomor pendaftaran dan tanggal "
                          "lahir tidak cocok dengan pendaftaran mana pun.", status=404)
    return p


def rekrutmen_terbuka(*, hari_ini) -> list[Rekrutmen]:
    """Rounds open for registration today (public)."""
    return list(Rekrutmen.objects.select_related("pemilu", "wilayah")
                .filter(Q(pendaftaran_selesai__gte=hari_ini)
                        | Q(perpanjangan__selesai__gte=hari_ini),
                        pendaftaran_mulai__lte=hari_ini).distinct())


def rekrutmen_publik(*, rekrutmen_id: int) -> Rekrutmen:
    r = Rekrutmen.objects.select_related("pemilu", "wilayah").filter(pk=rekrutmen_id).first()
    if r is None:
        raise TidakDitemukan("Rekrutmen tidak ditemukan.")
    return r


def wilayah_tugas_pilihan(*, rekrutmen: Rekrutmen, desa: bool = False) -> list[Wilayah]:
    """The kecamatan (PPK) or desa/kelurahan (others) an applicant may apply for; with
    `desa`, the desa/kelurahan of the round's territory (for the domicile)."""
    tingkat = ("kecamatan",) if rekrutmen.badan == "ppk" and not desa else TINGKAT_DESA
    return list(Wilayah.objects.filter(q_subpohon("kode", rekrutmen.wilayah_id),
                                       tingkat__in=tingkat, aktif=True).order_by("kode"))


def perpanjangan_rekrutmen(*, rekrutmen: Rekrutmen) -> list[tuple]:
    """(area code, new last day) of every extension of a round."""
    return list(PerpanjanganPendaftaran.objects.filter(rekrutmen=rekrutmen)
                .values_list("wilayah_id", "selesai"))


def perpanjangan_daftar(*, rekrutmen: Rekrutmen) -> list[PerpanjanganPendaftaran]:
    """The extensions of a round with their decision letters (public: the letters are
    announced)."""
    return list(PerpanjanganPendaftaran.objects.filter(rekrutmen=rekrutmen)
                .select_related("wilayah").order_by("wilayah_id", "-selesai"))


def perpanjangan_per_wilayah(*, rekrutmen: Rekrutmen,
                             kode: list[str]) -> dict[str, list[PerpanjanganPendaftaran]]:
    """For each dashboard row, the extensions of that area or of areas inside it."""
    semua = perpanjangan_daftar(rekrutmen=rekrutmen)
    return {k: [p for p in semua if di_bawah(p.wilayah_id, k)] for k in kode}


def perpanjangan_ambil(*, akun, perpanjangan_id: int) -> PerpanjanganPendaftaran:
    p = PerpanjanganPendaftaran.objects.filter(pk=perpanjangan_id).first()
    if p is None:
        raise TidakDitemukan("Surat keputusan tidak ditemukan.")
    rekrutmen_staf(akun=akun, rekrutmen_id=p.rekrutmen_id)
    return p


def wilayah_tugas_terbuka(*, rekrutmen: Rekrutmen, hari_ini) -> list[Wilayah]:
    """The work areas still open for registration on `hari_ini`: all of them during the
    round's own period, afterwards only those under an extension still running."""
    semua = wilayah_tugas_pilihan(rekrutmen=rekrutmen)
    if hari_ini <= rekrutmen.pendaftaran_selesai:
        return semua
    perpanjangan = perpanjangan_rekrutmen(rekrutmen=rekrutmen)
    return [w for w in semua if akhir_pendaftaran(
        selesai=rekrutmen.pendaftaran_selesai, perpanjangan=perpanjangan,
        kode_tugas=w.kode) >= hari_ini]


def riwayat_periode(*, nik: str, badan: str, kecuali_pemilu_id: int) -> tuple[str, ...]:
    """Terms a person served in a body before this election: seats in Simpul's own
    earlier elections and rows of the imported history, one per election (same name and
    year counted once). Two queries."""
    periode = {}
    for nama, tanggal in (Anggota.objects.filter(pendaftar__nik=nik, badan=badan)
                          .exclude(pemilu_id=kecuali_pemilu_id)
                          .values_list("pemilu__nama", "pemilu__tanggal_pemungutan")):
        periode.setdefault((nama_baku(nama), tanggal.year), f"{nama} ({tanggal.year})")
    for nama, tahun in RiwayatPeriode.objects.filter(nik=nik, badan=badan).values_list(
            "pemilu", "tahun"):
        periode.setdefault((nama_baku(nama), tahun), f"{nama} ({tahun})")
    return tuple(v for _, v in sorted(periode.items(), key=lambda x: (x[0][1], x[0][0])))


def pendaftar_syarat(*, pendaftar: Pendaftar) -> list[HasilSyarat]:
    """Every eligibility rule for one application, against the uploaded party lists."""
    p, pemilu = pendaftar, pendaftar.pemilu
    jenis = set(p.berkas.values_list("jenis", flat=True))
    baku = nama_baku(p.nama)
    anggota = [BarisPartai(a.nik, a.nama, a.tanggal_lahir, a.partai, a.keluar, a.sumber)
               for a in AnggotaPartai.objects.filter(pemilu=pemilu).filter(
                   Q(nik=p.nik) | Q(nama_baku=baku, tanggal_lahir=p.tanggal_lahir))]
    return [
        syarat_nik(nik_periksa(p.nik, tanggal_lahir=p.tanggal_lahir,
                               jenis_kelamin=p.jenis_kelamin)),
        syarat_usia(lahir=p.tanggal_lahir, acuan=pemilu.tanggal_pemungutan,
                    badan=p.rekrutmen.badan,
                    usia_minimal=parameter_syarat(pemilu, "usia_minimal"),
                    kpps_diutamakan_maks=parameter_syarat(pemilu, "usia_kpps_diutamakan_maks"),
                    kpps_maks_wajib=parameter_syarat(pemilu, "usia_kpps_maks_wajib")),
        syarat_domisili(domisili_kode=p.domisili_id, wilayah_kerja_kode=p.wilayah_tugas_id,
                        nama_wilayah_kerja=p.wilayah_tugas.nama),
        syarat_pendidikan(pendidikan=p.pendidikan,
                          minimal=parameter_syarat(pemilu, "pendidikan_minimal")),
        syarat_kesehatan(ada_surat_sehat=JenisBerkas.SURAT_SEHAT in jenis),
        syarat_pernyataan(ada_surat_pernyataan=JenisBerkas.SURAT_PERNYATAAN in jenis),
        syarat_partai(nik=p.nik, nama=p.nama, lahir=p.tanggal_lahir,
                      acuan=pemilu.tanggal_pemungutan,
                      menyatakan_bukan_anggota=p.bukan_anggota_partai, anggota=anggota,
                      tahun_keluar=parameter_syarat(pemilu, "partai_tahun_keluar")),
        syarat_pidana(menyatakan_tidak_pernah_dipidana=p.tidak_pernah_dipidana),
        syarat_periode(periode=p.periode_sebelumnya,
                       riwayat=riwayat_periode(nik=p.nik, badan=p.rekrutmen.badan,
                                               kecuali_pemilu_id=pemilu.pk),
                       batas=parameter_syarat(pemilu, "batas_periode")),
    ]


# KPU Kab/Kota staff and PPK/PPS verify applications inside their own territory.
PERAN_VERIFIKATOR = frozenset({Peran.KPU_KAB_KOMISIONER, Peran.KPU_KAB_OPERATOR, Peran.PPK,
                               Peran.PPS})


def _pendaftar_qs(akun):
    cakupan = Cakupan.dari(akun)
    cakupan.wajib_peran(PERAN_VERIFIKATOR, "Hanya KPU Kabupaten/Kota, PPK dan PPS yang "
                        "memverifikasi pendaftar.")
    qs = Pendaftar.objects.filter(cakupan.q_kode("wilayah_tugas_id"))
    if cakupan.pemilu_id:
        qs = qs.filter(pemilu_id=cakupan.pemilu_id)
    return qs


def pendaftar_verifikasi_daftar(*, akun, status: str | None = None) -> list[Pendaftar]:
    qs = _pendaftar_qs(akun).select_related("rekrutmen", "wilayah_tugas", "dibantu_oleh")
    if status:
        qs = qs.filter(status=status)
    return list(qs.order_by("rekrutmen_id", "wilayah_tugas_id", "nama"))


def pendaftar_ambil(*, akun, pendaftar_id: int, kunci: bool = False) -> Pendaftar:
    """One application inside the verifier's territory; outside it looks like missing."""
    qs = _pendaftar_qs(akun).select_related("rekrutmen", "pemilu", "wilayah_tugas", "domisili",
                                            "dibantu_oleh")
    if kunci:
        qs = qs.select_for_update(of=("self",))
    p = qs.filter(pk=pendaftar_id).first()
    if p is None:
        raise TidakDitemukan("Pendaftar tidak ditemukan di wilayah kerja Anda.")
    return p


# --- Members, placement ---------------------------------------------------------------------

def rekrutmen_staf(*, akun, rekrutmen_id: int) -> Rekrutmen:
    """A round seen by staff whose territory overlaps the round's (a PPS sees the KPPS
    round of its kab/kota; KPU Kab/Kota sees its own). Missing and outside look alike."""
    cakupan = Cakupan.dari(akun)
    cakupan.wajib_staf()
    r = (Rekrutmen.objects.select_related("pemilu", "wilayah").filter(pk=rekrutmen_id).first())
    if (r is None or not cakupan.menyentuh(r.wilayah_id)
            or (cakupan.pemilu_id and cakupan.pemilu_id != r.pemilu_id)):
        raise TidakDitemukan("Rekrutmen tidak ditemukan di wilayah kerja Anda.")
    return r


def rekrutmen_staf_daftar(*, akun) -> list[Rekrutmen]:
    cakupan = Cakupan.dari(akun)
    cakupan.wajib_staf()
    qs = Rekrutmen.objects.select_related("pemilu", "wilayah")
    if cakupan.pemilu_id:
        qs = qs.filter(pemilu_id=cakupan.pemilu_id)
    return list(qs.filter(cakupan.q_menyentuh("wilayah_id")))


def peringkat_seleksi(*, akun, rekrutmen: Rekrutmen) -> list[int] | None:
    """The CAT selection's order of applicants (PPK, PPS), when `simpul.seleksi` is
    installed and ranked this round; None otherwise (then registration order is used)."""
    if rekrutmen.badan not in (Badan.PPK, Badan.PPS) or not apps.is_installed("simpul.seleksi"):
        return None
    from simpul.seleksi.selectors import peringkat_rekrutmen

    p = peringkat_rekrutmen(akun=akun, rekrutmen=rekrutmen)
    urut = [c.pendaftar_id for _, _, daftar in p.wilayah for c in daftar
            if c.peringkat is not None]
    return urut or None


def anggota_qs(*, akun, rekrutmen: Rekrutmen):
    """Members of a round inside the account's territory."""
    return Anggota.objects.filter(rekrutmen=rekrutmen).filter(
        Cakupan.dari(akun).q_kode("wilayah_id"))


def anggota_daftar(*, akun, rekrutmen: Rekrutmen, kode: str | None = None,
                   semua: bool = False) -> list[Anggota]:
    """Active members (or the whole seat history with `semua`) under `kode`."""
    qs = anggota_qs(akun=akun, rekrutmen=rekrutmen).select_related(
        "pendaftar", "wilayah", "tps", "sk")
    if not semua:
        qs = qs.filter(status=StatusAnggota.AKTIF)
    if kode:
        qs = qs.filter(q_subpohon("wilayah_id", kode))
    return list(qs.order_by("wilayah_id", "tps__nomor", "urut", "dibuat"))


def anggota_ambil(*, akun, anggota_id: int) -> Anggota:
    a = (Anggota.objects.select_related("rekrutmen__pemilu", "rekrutmen__wilayah", "pendaftar",
                                        "wilayah", "tps", "sk")
         .filter(Cakupan.dari(akun).q_kode("wilayah_id")).filter(pk=anggota_id).first())
    if a is None or not Cakupan.dari(akun).aktif:
        raise TidakDitemukan("Anggota tidak ditemukan di wilayah kerja Anda.")
    return a


def penempatan_terakhir(*, rekrutmen: Rekrutmen) -> PenempatanJalan | None:
    return rekrutmen.penempatan.order_by("-waktu").first()


# --- Decrees, documents, events -------------------------------------------------------------

def sk_daftar(*, akun, rekrutmen: Rekrutmen) -> list[SK]:
    return list(SK.objects.filter(rekrutmen=rekrutmen)
                .filter(Cakupan.dari(akun).q_menyentuh("wilayah_id"))
                .annotate(jumlah=Count("anggota")).order_by("-tanggal", "nomor"))


def sk_ambil(*, akun, sk_id: int) -> SK:
    """A decree the account may see: one covering its territory or lying inside it."""
    cakupan = Cakupan.dari(akun)
    cakupan.wajib_staf()
    sk = SK.objects.select_related("rekrutmen__pemilu", "rekrutmen__wilayah", "wilayah").filter(
        pk=sk_id).first()
    if sk is None or not cakupan.menyentuh(sk.wilayah_id):
        raise TidakDitemukan("SK tidak ditemukan di wilayah kerja Anda.")
    return sk


def templat_untuk(*, jenis: str, kode: str) -> TemplatDokumen | None:
    """The override of the office nearest to `kode` (itself, then its ancestors)."""
    kantor = [kode, *reversed(leluhur(kode))]
    calon = {t.kantor_id: t for t in TemplatDokumen.objects.filter(
        jenis=jenis, aktif=True).filter(Q(kantor_id__in=kantor) | Q(kantor__isnull=True))
        .order_by("diunggah")}
    return next((calon[k] for k in [*kantor, None] if k in calon), None)


def kegiatan_daftar(*, akun, rekrutmen: Rekrutmen) -> list[Kegiatan]:
    return list(Kegiatan.objects.filter(rekrutmen=rekrutmen)
                .filter(Cakupan.dari(akun).q_menyentuh("wilayah_id"))
                .annotate(hadir=Count("kehadiran")).order_by("-tanggal"))


def kegiatan_ambil(*, akun, kegiatan_id: int) -> Kegiatan:
    cakupan = Cakupan.dari(akun)
    cakupan.wajib_staf()
    k = (Kegiatan.objects.select_related("rekrutmen__pemilu", "rekrutmen__wilayah", "wilayah",
                                         "sk").filter(pk=kegiatan_id).first())
    if k is None or not cakupan.menyentuh(k.wilayah_id):
        raise TidakDitemukan("Kegiatan tidak ditemukan di wilayah kerja Anda.")
    return k


def peserta_kegiatan(*, akun, kegiatan: Kegiatan) -> list[Anggota]:
    """Active members of the round under the event's territory (and the account's), each
    with `hadir` (the time of attendance, or None). Two queries."""
    w = kegiatan.wilayah_id
    qs = (anggota_qs(akun=akun, rekrutmen=kegiatan.rekrutmen)
          .filter(q_subpohon("wilayah_id", w))
          .select_related("pendaftar", "wilayah", "tps"))
    if kegiatan.sk_id:
        qs = qs.filter(sk_id=kegiatan.sk_id)
    else:
        qs = qs.filter(status=StatusAnggota.AKTIF)
    hadir = dict(Kehadiran.objects.filter(kegiatan=kegiatan).values_list("anggota_id", "waktu"))
    daftar = list(qs.order_by("wilayah_id", "tps__nomor", "urut"))
    for a in daftar:
        a.hadir = hadir.get(a.pk)
    return daftar


# --- Replacement (PAW) ----------------------------------------------------------------------

def paw_calon(*, akun, anggota: Anggota, batas: int = 10) -> list[CalonPengganti]:
    """Candidates for the seat of `anggota`, best first (`rules.urutkan_pengganti`):
    verified applicants of the same round who never held a seat in it; for PPK/PPS those of
    the same work area, for KPPS/Pantarlih those living in the seat's kecamatan."""
    r = anggota.rekrutmen
    qs = (Pendaftar.objects.filter(rekrutmen=r, status=StatusPendaftar.MEMENUHI_SYARAT)
          .filter(kursi__isnull=True))
    if r.badan in (Badan.PPK, Badan.PPS):
        qs = qs.filter(wilayah_tugas_id=anggota.wilayah_id)
    else:
        qs = qs.filter(domisili_id__startswith=kode_kecamatan(anggota.wilayah_id) + ".")
    calon = [CalonPengganti(pk, nomor, rumah if r.badan in (Badan.KPPS, Badan.PANTARLIH)
                            else tugas, dibuat, it)
             for pk, nomor, rumah, tugas, dibuat, it in qs.values_list(
                 "pk", "nomor", "domisili_id", "wilayah_tugas_id", "dibuat", "melek_it")]
    urut = urutkan_pengganti(calon, tujuan=anggota.wilayah_id,
                             peringkat_seleksi=peringkat_seleksi(akun=akun, rekrutmen=r))
    return urut[:batas]


def riwayat_kursi(*, akun, anggota: Anggota) -> list[Anggota]:
    """Everyone who held this seat, first to last."""
    return list(anggota_qs(akun=akun, rekrutmen=anggota.rekrutmen).filter(kursi=anggota.kursi)
                .select_related("pendaftar", "sk").order_by("dibuat", "pk"))


# --- Dashboard ------------------------------------------------------------------------------

@dataclass
class BarisDasbor:
    """One kecamatan or desa/kelurahan of a round: need, applicants and seats filled."""

    kode: str
    nama: str
    kebutuhan: int = 0
    pendaftar: int = 0
    diajukan: int = 0
    ms: int = 0
    tms: int = 0
    terisi: int = 0

    @property
    def persen_terisi(self) -> int:
        return round(100 * self.terisi / self.kebutuhan) if self.kebutuhan else 0

    @property
    def dua_kali(self) -> int:
        return 2 * self.kebutuhan

    @property
    def kurang_pendaftar(self) -> bool:
        """Fewer applicants than twice the need: the 2024 rule for extending registration
        in that area (ANCHORS.md, SIAKBA row 3)."""
        return self.pendaftar < self.dua_kali

    @property
    def persen_pendaftar(self) -> int:
        return min(round(100 * self.pendaftar / self.dua_kali), 100) if self.dua_kali else 0


@dataclass
class Dasbor:
    rekrutmen: Rekrutmen
    wilayah: Wilayah
    baris: list[BarisDasbor]
    total: BarisDasbor


def dasbor_rekrutmen(*, akun, rekrutmen: Rekrutmen, kode: str | None = None) -> Dasbor:
    """Fill rate and progress of a round per child of a node (kab/kota → kecamatan →
    desa/kelurahan), with applicants against twice the need. Five grouped queries."""
    cakupan = Cakupan.dari(akun)
    r = rekrutmen
    kode = kode or (cakupan.akar if cakupan.akar and di_bawah(cakupan.akar, r.wilayah_id)
                    else r.wilayah_id)
    if not di_bawah(kode, r.wilayah_id):
        raise TidakDitemukan("Wilayah tidak ditemukan di rekrutmen ini.")
    cakupan.wajib_mencakup(kode)
    wilayah = Wilayah.objects.get(kode=kode)
    if wilayah.is_desa:
        raise DataTidakValid("Dasbor dimulai dari kecamatan atau di atasnya.",
                             code=KodeAdhoc.PENEMPATAN_TIDAK_VALID)
    panjang = PANJANG_KODE[wilayah.kedalaman + 1]
    pemilu, u = r.pemilu, ukuran_badan(r.pemilu)
    anak = {w.kode: BarisDasbor(w.kode, w.nama) for w in Wilayah.objects.filter(
        induk=wilayah, aktif=True).filter(_q_pemilu(pemilu, "kode")).order_by("kode")}
    awalan = kode + "."
    if r.badan in (Badan.KPPS, Badan.PANTARLIH):
        for g in (TPS.objects.filter(pemilu=pemilu, desa_id__startswith=awalan)
                  .annotate(grup=Left("desa_id", panjang)).values("grup")
                  .annotate(**_kolom_tps(u))):
            if b := anak.get(g["grup"]):
                b.kebutuhan = (kursi_kpps(g["n"], u) if r.badan == Badan.KPPS
                               else kursi_pantarlih(g["n"], g.get("besar", 0), u))
    else:
        tingkat = ("kecamatan",) if r.badan == Badan.PPK else TINGKAT_DESA
        per = u.ppk_per_kecamatan if r.badan == Badan.PPK else u.pps_per_desa
        for g in (Wilayah.objects.filter(kode__startswith=awalan, tingkat__in=tingkat, aktif=True)
                  .annotate(grup=Left("kode", panjang)).values("grup").annotate(n=Count("kode"))):
            if b := anak.get(g["grup"]):
                b.kebutuhan = g["n"] * per
    for g in (Pendaftar.objects.filter(rekrutmen=r, wilayah_tugas_id__startswith=awalan)
              .annotate(grup=Left("wilayah_tugas_id", panjang)).values("grup", "status")
              .annotate(n=Count("id"))):
        if b := anak.get(g["grup"]):
            b.pendaftar += g["n"]
            setattr(b, {"diajukan": "diajukan", "ms": "ms", "tms": "tms"}[g["status"]],
                    getattr(b, g["status"]) + g["n"])
    for g in (Anggota.objects.filter(q_subpohon("wilayah_id", kode),
                                     rekrutmen=r, status=StatusAnggota.AKTIF)
              .annotate(grup=Left("wilayah_id", panjang)).values("grup").annotate(n=Count("id"))):
        if b := anak.get(g["grup"]):
            b.terisi = g["n"]
    baris = [b for b in anak.values() if b.kebutuhan or b.pendaftar]
    total = BarisDasbor(kode, wilayah.nama)
    for b in baris:
        for f in ("kebutuhan", "pendaftar", "diajukan", "ms", "tms", "terisi"):
            setattr(total, f, getattr(total, f) + getattr(b, f))
    return Dasbor(r, wilayah, baris, total)
