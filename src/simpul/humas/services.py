"""Writes of the Bakohumas logs. Each runs in one transaction with its audit entry; an
office writes its own log only (the office of the acting account)."""

import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from simpul.core.audit import audit_catat, snapshot
from simpul.core.errors import DataTidakValid, Dilarang, SimpulError, TidakDitemukan
from simpul.core.roles import PERAN_KPU
from simpul.core.scope import Cakupan
from simpul.core.tabel import baca_tabel
from simpul.wilayah.models import Wilayah

from .errors import KodeHumas
from .models import (
    AnggotaTim,
    CatatanLaporan,
    Diseminasi,
    JenisKonten,
    Kampanye,
    KampanyeKomentar,
    KampanyeUnggahan,
    Kanal,
    KategoriMitra,
    Koordinasi,
    Laporan,
    PantauanMedia,
    PresisiTanggal,
    Publikasi,
    SKTim,
    TemplatLaporan,
    Unggahan,
)
from .narasi import NARASI_BAWAAN, narasi_bersih
from .rules import (
    STATUS_BOLEH_UBAH,
    TRANSISI_LAPORAN,
    galat_tanggapan,
    host_tautan,
    kanal_dari_host,
    kantor_bakohumas,
    penerbit_kampanye_sah,
    periode,
    rentang_sah,
    sasaran_kampanye,
    status_tanggapan_awal,
    tagar_sah,
    tanggal_laporan_sah,
    tanggal_publikasi_sah,
    tingkat_atas,
)

KOLOM_IMPOR = ["tanggal", "jenis_konten", "judul", "kanal", "tautan", "sasaran", "jangkauan"]


def kantor_akun(akun) -> str | None:
    """The office whose log the account writes: its own territory (None: KPU RI).
    Only KPU staff of a province or kabupaten/kota office (or KPU RI) keep a log."""
    cakupan = Cakupan.dari(akun)
    cakupan.wajib_peran(PERAN_KPU, "Hanya petugas KPU yang mencatat kegiatan Bakohumas.")
    if cakupan.akar is not None:
        tingkat = Wilayah.objects.filter(kode=cakupan.akar).values_list("tingkat",
                                                                        flat=True).first()
        if not kantor_bakohumas(tingkat):
            raise Dilarang("Wilayah kerja akun ini bukan kantor KPU.")
    return cakupan.akar


# --- checking one post ---------------------------------------------------------------------

@dataclass
class Katalog:
    """The editable lists, loaded once per request or import."""

    jenis: dict[str, JenisKonten]
    kanal: dict[str, Kanal]
    host: dict[str, str]

    @classmethod
    def muat(cls) -> "Katalog":
        jenis, kanal, host = {}, {}, {}
        for j in JenisKonten.objects.filter(aktif=True):
            jenis[j.nama.lower()] = jenis[str(j.pk)] = j
        for k in Kanal.objects.filter(aktif=True):
            for nama in (k.kode, k.nama, k.singkatan):
                kanal[nama.lower()] = k
            for h in k.host.split():
                host[h.lower()] = k.kode
        return cls(jenis, kanal, host)

    def jenis_konten(self, teks) -> JenisKonten:
        j = self.jenis.get(str(teks).strip().lower())
        if j is None:
            raise DataTidakValid(f"Jenis konten '{teks}' tidak dikenal.",
                                 code=KodeHumas.JENIS_KONTEN_TIDAK_DIKENAL)
        return j

    def kanal_tautan(self, tautan: str) -> Kanal:
        """The channel a pasted link belongs to, recognised from its host."""
        host = host_tautan(tautan)
        if host is None:
            raise DataTidakValid(f"'{tautan}' bukan tautan http(s) yang sah.",
                                 code=KodeHumas.TAUTAN_TIDAK_VALID)
        kode = kanal_dari_host(host, self.host)
        if kode is None:
            raise DataTidakValid(f"Kanal untuk tautan {host} tidak dikenali; pilih kanalnya.",
                                 code=KodeHumas.KANAL_TIDAK_DIKENAL)
        return self.kanal[kode]

    def unggahan(self, *, kanal: str = "", tautan: str = "", sasaran: str = "") -> Unggahan:
        """A checked, unsaved post: the channel named or recognised from the link, a link
        that belongs to that channel, a target where the channel needs one."""
        tautan, sasaran, kanal = tautan.strip(), sasaran.strip(), kanal.strip()
        dikenali = self.kanal_tautan(tautan) if tautan and not kanal else None
        if kanal:
            k = self.kanal.get(kanal.lower())
            if k is None:
                raise DataTidakValid(f"Kanal '{kanal}' tidak dikenal.",
                                     code=KodeHumas.KANAL_TIDAK_DIKENAL)
        elif dikenali is not None:
            k = dikenali
        else:
            raise DataTidakValid("Pilih kanal atau isi tautan.",
                                 code=KodeHumas.KANAL_TIDAK_DIKENAL)
        if tautan:
            host = host_tautan(tautan)
            if host is None or len(tautan) > 500:
                raise DataTidakValid(f"'{tautan[:80]}' bukan tautan http(s) yang sah.",
                                     code=KodeHumas.TAUTAN_TIDAK_VALID)
            kode_host = kanal_dari_host(host, self.host)
            # An office site may live on any domain; other channels must match their host.
            if k.jenis != "website" and kode_host != k.kode:
                raise DataTidakValid(f"Tautan {host} bukan tautan {k.nama}.",
                                     code=KodeHumas.TAUTAN_KANAL_BEDA)
        elif k.perlu_tautan:
            raise DataTidakValid(f"Unggahan {k.nama} wajib disertai tautannya.",
                                 code=KodeHumas.TAUTAN_TIDAK_VALID)
        if k.jenis in ("pesan", "cetak"):
            if not sasaran:
                raise DataTidakValid(f"Sebutkan nama grup atau media untuk {k.nama}.",
                                     code=KodeHumas.KANAL_TIDAK_DIKENAL)
        else:
            sasaran = ""
        return Unggahan(kanal=k, tautan=tautan, sasaran=sasaran[:200])


def _tanggal(teks) -> date:
    if isinstance(teks, date):
        return teks.date() if isinstance(teks, datetime) else teks
    t = str(teks).strip()
    for bentuk in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y"):
        try:
            return datetime.strptime(t[:10] if bentuk == "%Y-%m-%d" else t, bentuk).date()
        except ValueError:
            continue
    raise DataTidakValid(f"Tanggal '{t}' tidak dikenali (pakai YYYY-MM-DD atau DD/MM/YYYY).",
                         code=KodeHumas.TANGGAL_TIDAK_VALID)


def _periksa_tanggal(tanggal: date) -> None:
    if not tanggal_publikasi_sah(tanggal, timezone.localdate()):
        raise DataTidakValid(f"Tanggal {tanggal:%d-%m-%Y} tidak sah: publikasi dicatat "
                             "setelah terbit, bukan untuk tanggal yang akan datang.",
                             code=KodeHumas.TANGGAL_TIDAK_VALID)


def _jangkauan(teks) -> int | None:
    if teks in (None, ""):
        return None
    try:
        nilai = int(str(teks).replace(".", "").strip())
    except ValueError:
        nilai = -1
    if nilai < 0:
        raise DataTidakValid(f"Jangkauan '{teks}' harus bilangan bulat tidak negatif.",
                             code=KodeHumas.JANGKAUAN_TIDAK_VALID)
    return nilai


def _judul(teks: str) -> str:
    judul = " ".join((teks or "").split())
    if not judul:
        raise DataTidakValid("Judul wajib diisi.", code=KodeHumas.JUDUL_KOSONG)
    return judul[:300]


def _foto(p: Publikasi, unggahan) -> dict:
    return {"kantor": p.kantor_id, "tanggal": p.tanggal, "jenis_konten": p.jenis_konten_id,
            "judul": p.judul, "jangkauan": p.jangkauan,
            "unggahan": sorted([u.kanal_id, u.sasaran, u.tautan] for u in unggahan)}


def _tautan_bebas(unggahan: list[Unggahan], kecuali_publikasi: int | None) -> None:
    tautan = [u.tautan for u in unggahan if u.tautan]
    if len(tautan) != len(set(tautan)):
        raise DataTidakValid("Tautan yang sama diisi dua kali.", code=KodeHumas.TAUTAN_GANDA)
    lain = Unggahan.objects.filter(tautan__in=tautan)
    if kecuali_publikasi:
        lain = lain.exclude(publikasi_id=kecuali_publikasi)
    ada = lain.select_related("publikasi").first()
    if ada:
        raise DataTidakValid(f"Tautan {ada.tautan} sudah tercatat pada publikasi "
                             f"'{ada.publikasi.judul}' ({ada.publikasi.tanggal:%d-%m-%Y}).",
                             code=KodeHumas.TAUTAN_GANDA)


# --- publication items --------------------------------------------------------------------

def publikasi_simpan(*, akun, tanggal, jenis_konten, judul: str, unggahan: list[dict],
                     jangkauan=None, publikasi_id: int | None = None) -> Publikasi:
    """Create a publication item with its posts, or replace an item's fields and posts.
    `unggahan` is a list of {kanal, tautan, sasaran}; at least one."""
    kantor = kantor_akun(akun)
    katalog = Katalog.muat()
    tanggal = _tanggal(tanggal)
    _periksa_tanggal(tanggal)
    jenis = katalog.jenis_konten(jenis_konten)
    judul = _judul(judul)
    jangkauan = _jangkauan(jangkauan)
    baru = [katalog.unggahan(**{k: u.get(k) or "" for k in ("kanal", "tautan", "sasaran")})
            for u in unggahan if any((u.get(k) or "").strip() for k in ("kanal", "tautan"))]
    if not baru:
        raise DataTidakValid("Isi sedikitnya satu kanal unggahan.",
                             code=KodeHumas.KANAL_TIDAK_DIKENAL)
    kunci = [(u.kanal_id, u.sasaran) for u in baru]
    if len(kunci) != len(set(kunci)):
        raise DataTidakValid("Satu kanal (dan grup) diisi dua kali untuk publikasi yang sama.",
                             code=KodeHumas.UNGGAHAN_GANDA)
    with transaction.atomic():
        sebelum = None
        if publikasi_id:
            p = _publikasi_milik(akun, kantor, publikasi_id, kunci_baris=True)
            sebelum = _foto(p, p.unggahan.all())
        else:
            p = Publikasi(kantor_id=kantor, dibuat_oleh=akun)
        _tautan_bebas(baru, p.pk)
        kembar = Publikasi.objects.filter(kantor_id=kantor, tanggal=tanggal, jenis_konten=jenis,
                                          judul=judul).exclude(pk=p.pk).first()
        if kembar:
            raise DataTidakValid(f"Publikasi '{judul}' pada tanggal itu sudah tercatat; "
                                 "tambahkan kanalnya pada publikasi tersebut.",
                                 code=KodeHumas.UNGGAHAN_GANDA, details={"id": kembar.pk})
        p.tanggal, p.jenis_konten, p.judul, p.jangkauan = tanggal, jenis, judul, jangkauan
        p.save()
        if sebelum:
            p.unggahan.all().delete()
        for u in baru:
            u.publikasi = p
        Unggahan.objects.bulk_create(baru)
        audit_catat(akun=akun, aksi="publikasi.ubah" if sebelum else "publikasi.buat",
                    objek=p, wilayah_kode=kantor or "", sebelum=sebelum,
                    sesudah=_foto(p, baru))
    return p


def _publikasi_milik(akun, kantor, publikasi_id, *, kunci_baris=False) -> Publikasi:
    qs = Publikasi.objects.filter(pk=publikasi_id, kantor_id=kantor)
    if kunci_baris:
        qs = qs.select_for_update()
    p = qs.first()
    if p is None:
        raise TidakDitemukan("Publikasi tidak ditemukan di log kantor Anda.")
    return p


def publikasi_hapus(*, akun, publikasi_id: int) -> None:
    kantor = kantor_akun(akun)
    with transaction.atomic():
        p = _publikasi_milik(akun, kantor, publikasi_id, kunci_baris=True)
        sebelum = _foto(p, p.unggahan.all())
        audit_catat(akun=akun, aksi="publikasi.hapus", objek=p, wilayah_kode=kantor or "",
                    sebelum=sebelum)
        p.delete()


def unggahan_tempel(*, akun, tautan: str, publikasi_id: int | None = None, tanggal=None,
                    jenis_konten=None, judul: str = "", sasaran: str = "") -> Publikasi:
    """Record a post by pasting its link: the channel is recognised from the host; the
    post joins an existing item (a cross-post) or starts a new one."""
    katalog = Katalog.muat()
    u = katalog.unggahan(tautan=tautan, sasaran=sasaran)
    baris = {"kanal": u.kanal_id, "tautan": u.tautan, "sasaran": u.sasaran}
    if publikasi_id:
        p = _publikasi_milik(akun, kantor_akun(akun), publikasi_id)
        lama = [{"kanal": x.kanal_id, "tautan": x.tautan, "sasaran": x.sasaran}
                for x in p.unggahan.all()]
        return publikasi_simpan(akun=akun, tanggal=p.tanggal, jenis_konten=p.jenis_konten_id,
                                judul=p.judul, jangkauan=p.jangkauan, unggahan=[*lama, baris],
                                publikasi_id=p.pk)
    return publikasi_simpan(akun=akun, tanggal=tanggal or timezone.localdate(),
                            jenis_konten=jenis_konten or "", judul=judul, unggahan=[baris])


# --- bulk import -----------------------------------------------------------------------

@dataclass
class GalatBaris:
    baris: int
    kode: str
    pesan: str


@dataclass
class HasilImpor:
    publikasi_baru: int = 0
    dibuat: int = 0
    diubah: int = 0
    tetap: int = 0
    galat: list[GalatBaris] = field(default_factory=list)


def publikasi_impor(*, akun, data: bytes, nama_berkas: str) -> HasilImpor:
    """Import posts from CSV/XLSX, one post per row (columns KOLOM_IMPOR). Rows with the
    same date, content type and title form one item (a cross-post). Good rows are saved,
    bad rows reported with their line and reason, a row repeated in the file is reported
    as a duplicate; importing the same file again changes nothing."""
    kantor = kantor_akun(akun)
    katalog = Katalog.muat()
    hasil = HasilImpor()
    baris = baca_tabel(data, nama_berkas, wajib={"tanggal", "jenis_konten", "judul"},
                       kode=KodeHumas.BERKAS_TIDAK_VALID)
    item: dict[tuple, dict] = {}
    dilihat: dict[tuple, int] = {}
    tautan_dilihat: dict[str, int] = {}
    for nomor, b in baris:
        try:
            tanggal = _tanggal(b.get("tanggal", ""))
            _periksa_tanggal(tanggal)
            jenis = katalog.jenis_konten(b.get("jenis_konten", ""))
            judul = _judul(b.get("judul", ""))
            jangkauan = _jangkauan(b.get("jangkauan"))
            u = katalog.unggahan(kanal=b.get("kanal", ""), tautan=b.get("tautan", ""),
                                 sasaran=b.get("sasaran", ""))
        except DataTidakValid as e:
            hasil.galat.append(GalatBaris(nomor, e.code, e.message))
            continue
        kunci_item = (tanggal, jenis.pk, judul)
        kunci = (*kunci_item, u.kanal_id, u.sasaran)
        if kunci in dilihat:
            hasil.galat.append(GalatBaris(nomor, KodeHumas.BARIS_GANDA,
                                          f"Baris ganda: sama dengan baris {dilihat[kunci]}."))
            continue
        if u.tautan and u.tautan in tautan_dilihat:
            hasil.galat.append(GalatBaris(
                nomor, KodeHumas.TAUTAN_GANDA,
                f"Tautan sama dengan baris {tautan_dilihat[u.tautan]}."))
            continue
        dilihat[kunci] = nomor
        if u.tautan:
            tautan_dilihat[u.tautan] = nomor
        i = item.setdefault(kunci_item, {"jenis": jenis, "jangkauan": None, "unggahan": []})
        if jangkauan is not None:
            i["jangkauan"] = max(jangkauan, i["jangkauan"] or 0)
        i["unggahan"].append((nomor, u))
    if not item:
        return hasil
    with transaction.atomic():
        _impor_simpan(akun, kantor, item, hasil)
    return hasil


def _impor_simpan(akun, kantor, item: dict, hasil: HasilImpor) -> None:
    q = Q(pk__in=[])
    for tanggal, jenis_id, judul in item:
        q |= Q(tanggal=tanggal, jenis_konten_id=jenis_id, judul=judul)
    ada = {(p.tanggal, p.jenis_konten_id, p.judul): p for p in
           Publikasi.objects.select_for_update().filter(q, kantor_id=kantor)}
    unggahan_ada: dict[int, list[Unggahan]] = {}
    for u in Unggahan.objects.filter(publikasi__in=list(ada.values())):
        unggahan_ada.setdefault(u.publikasi_id, []).append(u)
    semua_tautan = [u.tautan for i in item.values() for _, u in i["unggahan"] if u.tautan]
    pemilik_tautan = dict(Unggahan.objects.filter(tautan__in=semua_tautan)
                          .values_list("tautan", "publikasi_id"))
    for kunci, i in item.items():
        p = ada.get(kunci)
        lama = {(u.kanal_id, u.sasaran): u for u in unggahan_ada.get(p.pk, [])} if p else {}
        sebelum = _foto(p, lama.values()) if p else None
        simpan, ubah = [], []
        for nomor, u in i["unggahan"]:
            pemilik = pemilik_tautan.get(u.tautan) if u.tautan else None
            if pemilik is not None and (p is None or pemilik != p.pk):
                hasil.galat.append(GalatBaris(nomor, KodeHumas.TAUTAN_GANDA,
                                              "Tautan sudah tercatat pada publikasi lain."))
                continue
            x = lama.get((u.kanal_id, u.sasaran))
            if x is None:
                simpan.append(u)
            elif x.tautan != u.tautan:
                x.tautan = u.tautan
                ubah.append(x)
            else:
                hasil.tetap += 1
        jangkauan_berubah = p is not None and i["jangkauan"] is not None \
            and p.jangkauan != i["jangkauan"]
        if not simpan and not ubah and not jangkauan_berubah:
            continue
        if p is None:
            tanggal, _, judul = kunci
            p = Publikasi.objects.create(kantor_id=kantor, tanggal=tanggal,
                                         jenis_konten=i["jenis"], judul=judul,
                                         jangkauan=i["jangkauan"], dibuat_oleh=akun)
            hasil.publikasi_baru += 1
        elif jangkauan_berubah:
            p.jangkauan = i["jangkauan"]
            p.save(update_fields=["jangkauan", "diubah"])
        for u in simpan:
            u.publikasi = p
        Unggahan.objects.bulk_create(simpan)
        Unggahan.objects.bulk_update(ubah, ["tautan"])
        hasil.dibuat += len(simpan)
        hasil.diubah += len(ubah) + (1 if jangkauan_berubah else 0)
        sesudah = [*lama.values(), *simpan]
        audit_catat(akun=akun, aksi="publikasi.impor", objek=p, wilayah_kode=kantor or "",
                    sebelum=sebelum, sesudah=_foto(p, sesudah))


# --- editable lists ------------------------------------------------------------------------

def _wajib_kpu_ri(akun) -> None:
    cakupan = Cakupan.dari(akun)
    if not cakupan.aktif or cakupan.akar is not None:
        raise Dilarang("Daftar jenis konten dan kanal diatur oleh KPU RI.")


def jenis_konten_simpan(*, akun, nama: str, urutan: int = 0, aktif: bool = True,
                        jenis_konten_id: int | None = None) -> JenisKonten:
    _wajib_kpu_ri(akun)
    nama = _judul(nama)[:100]
    with transaction.atomic():
        j = JenisKonten.objects.filter(pk=jenis_konten_id).first() if jenis_konten_id \
            else JenisKonten()
        sebelum = {"nama": j.nama, "urutan": j.urutan, "aktif": j.aktif} if j.pk else None
        j.nama, j.urutan, j.aktif = nama, urutan, aktif
        j.save()
        audit_catat(akun=akun, aksi="jenis_konten.ubah" if sebelum else "jenis_konten.buat",
                    objek=j, sebelum=sebelum, sesudah={"nama": nama, "urutan": urutan,
                                                       "aktif": aktif})
    return j


FIELD_KANAL = ["nama", "singkatan", "jenis", "urutan", "host", "kolom_rekap",
               "dihitung_medsos", "perlu_tautan", "aktif"]


def kanal_simpan(*, akun, kanal: Kanal) -> Kanal:
    """Save a channel edited in the admin, with its audit entry."""
    _wajib_kpu_ri(akun)
    with transaction.atomic():
        lama = Kanal.objects.filter(pk=kanal.pk).first()
        sebelum = {f: getattr(lama, f) for f in FIELD_KANAL} if lama else None
        kanal.save()
        audit_catat(akun=akun, aksi="kanal.ubah" if lama else "kanal.buat", objek=kanal,
                    sebelum=sebelum, sesudah={f: getattr(kanal, f) for f in FIELD_KANAL})
    return kanal


# --- coordination, dissemination, team ---------------------------------------------------

def _wajib_isi(nilai: str, nama: str, batas: int) -> str:
    teks = " ".join((nilai or "").split())
    if not teks:
        raise DataTidakValid(f"{nama} wajib diisi.", code=KodeHumas.ISIAN_KOSONG)
    return teks[:batas]


def _rentang(mulai, selesai) -> tuple[date, date | None]:
    mulai = _tanggal(mulai)
    selesai = _tanggal(selesai) if selesai else None
    if not rentang_sah(mulai, selesai, timezone.localdate()):
        raise DataTidakValid("Tanggal tidak sah: kegiatan dicatat setelah terjadi, dan tanggal "
                             "selesai tidak sebelum tanggal mulai.",
                             code=KodeHumas.TANGGAL_TIDAK_VALID)
    return mulai, selesai if selesai != mulai else None


FIELD_KOORDINASI = ["tanggal_mulai", "tanggal_selesai", "jenis", "mitra", "kategori_mitra",
                    "uraian"]


def _catatan_milik(model, kantor, catatan_id):
    c = model.objects.select_for_update().filter(pk=catatan_id, kantor_id=kantor).first()
    if c is None:
        raise TidakDitemukan("Catatan tidak ditemukan di log kantor Anda.")
    return c


def koordinasi_catat(*, akun, tanggal_mulai, jenis: str, mitra: str, kategori_mitra: str,
                     uraian: str, tanggal_selesai=None,
                     koordinasi_id: int | None = None) -> Koordinasi:
    """Record a coordination entry, or correct one of the office's own (`koordinasi_id`)."""
    kantor = kantor_akun(akun)
    mulai, selesai = _rentang(tanggal_mulai, tanggal_selesai)
    if kategori_mitra not in KategoriMitra.values:
        raise DataTidakValid("Kategori mitra harus pemerintah atau nonpemerintah.",
                             code=KodeHumas.KATEGORI_MITRA_TIDAK_VALID)
    nilai = {"tanggal_mulai": mulai, "tanggal_selesai": selesai,
             "jenis": _wajib_isi(jenis, "Uraian kegiatan", 100),
             "mitra": _wajib_isi(mitra, "Instansi mitra", 300),
             "kategori_mitra": kategori_mitra,
             "uraian": _wajib_isi(uraian, "Keterangan", 4000)}
    with transaction.atomic():
        if koordinasi_id:
            k = _catatan_milik(Koordinasi, kantor, koordinasi_id)
            sebelum = snapshot(k, FIELD_KOORDINASI)
        else:
            k, sebelum = Koordinasi(kantor_id=kantor), None
        for f, v in nilai.items():
            setattr(k, f, v)
        k.save()
        audit_catat(akun=akun, aksi="koordinasi.ubah" if sebelum else "koordinasi.buat",
                    objek=k, wilayah_kode=kantor or "", sebelum=sebelum,
                    sesudah=snapshot(k, FIELD_KOORDINASI))
    return k


def _foto_diseminasi(d: Diseminasi, kanal) -> dict:
    return {"tanggal": d.tanggal, "presisi": d.presisi, "informasi": d.informasi,
            "kanal": sorted(k.kode for k in kanal)}


def diseminasi_catat(*, akun, tanggal, informasi: str, kanal: list[str],
                     presisi: str = "hari", diseminasi_id: int | None = None) -> Diseminasi:
    """Information disseminated; `presisi='bulan'` records a month only ('April 2022').
    With `diseminasi_id`, corrects an entry of the office's own."""
    kantor = kantor_akun(akun)
    tanggal, _ = _rentang(tanggal, None)
    if presisi not in PresisiTanggal.values:
        raise DataTidakValid("Presisi tanggal harus 'hari' atau 'bulan'.",
                             code=KodeHumas.TANGGAL_TIDAK_VALID)
    if presisi == PresisiTanggal.BULAN:
        tanggal = tanggal.replace(day=1)
    katalog = Katalog.muat()
    dipilih = []
    for nama in kanal:
        k = katalog.kanal.get(str(nama).strip().lower())
        if k is None:
            raise DataTidakValid(f"Kanal '{nama}' tidak dikenal.",
                                 code=KodeHumas.KANAL_TIDAK_DIKENAL)
        if k not in dipilih:
            dipilih.append(k)
    if not dipilih:
        raise DataTidakValid("Pilih sedikitnya satu media penyebaran.",
                             code=KodeHumas.KANAL_TIDAK_DIKENAL)
    informasi = _wajib_isi(informasi, "Jenis informasi", 300)
    with transaction.atomic():
        if diseminasi_id:
            d = _catatan_milik(Diseminasi, kantor, diseminasi_id)
            sebelum = _foto_diseminasi(d, d.kanal.all())
        else:
            d, sebelum = Diseminasi(kantor_id=kantor), None
        d.tanggal, d.presisi, d.informasi = tanggal, presisi, informasi
        d.save()
        d.kanal.set(dipilih)
        audit_catat(akun=akun, aksi="diseminasi.ubah" if sebelum else "diseminasi.buat",
                    objek=d, wilayah_kode=kantor or "", sebelum=sebelum,
                    sesudah=_foto_diseminasi(d, dipilih))
    return d


def _foto_sk(sk: SKTim, anggota) -> dict:
    return {"nomor": sk.nomor, "tanggal": sk.tanggal, "tentang": sk.tentang,
            "mengubah": sk.mengubah.nomor if sk.mengubah_id else None,
            "anggota": [[a.nama, a.jabatan_kedinasan, a.jabatan_tim] for a in anggota]}


def catatan_hapus(*, akun, jenis: str, catatan_id: int) -> None:
    """Delete a coordination or dissemination entry, or a team decree (`jenis='sk'`), of the
    account's own office. A decree that a later one amends stays (the amendment names it)."""
    model = {"koordinasi": Koordinasi, "diseminasi": Diseminasi, "sk": SKTim}.get(jenis)
    if model is None:
        raise TidakDitemukan()
    kantor = kantor_akun(akun)
    with transaction.atomic():
        c = _catatan_milik(model, kantor, catatan_id)
        if jenis == "koordinasi":
            sebelum = snapshot(c, FIELD_KOORDINASI)
        elif jenis == "diseminasi":
            sebelum = _foto_diseminasi(c, c.kanal.all())
        else:
            ubah = c.perubahan.first()
            if ubah is not None:
                raise DataTidakValid(f"SK {c.nomor} diubah oleh SK {ubah.nomor}; hapus SK "
                                     "perubahan itu terlebih dahulu.",
                                     code=KodeHumas.SK_DIRUJUK)
            sebelum = _foto_sk(c, c.anggota.all())
        audit_catat(akun=akun, aksi=f"{'sk_tim' if jenis == 'sk' else jenis}.hapus", objek=c,
                    wilayah_kode=kantor or "", sebelum=sebelum)
        c.delete()


def anggota_urai(teks: str) -> list[dict]:
    """Team members typed one per line as 'name | official position | team role' (a tab,
    as pasted from a spreadsheet, also separates)."""
    hasil = []
    for nomor, baris in enumerate((teks or "").splitlines(), start=1):
        if not baris.strip():
            continue
        bagian = [b.strip() for b in baris.replace("\t", "|").split("|")]
        if len(bagian) != 3 or not all(bagian):
            raise DataTidakValid(f"Baris anggota {nomor} harus 'nama | jabatan kedinasan | "
                                 "jabatan dalam tim'.", code=KodeHumas.ISIAN_KOSONG)
        hasil.append(dict(zip(("nama", "jabatan_kedinasan", "jabatan_tim"), bagian,
                              strict=True)))
    return hasil


def sk_tim_tetapkan(*, akun, nomor: str, tanggal, anggota: list[dict], tentang: str = "",
                    mengubah: str | None = None, sk_id: int | None = None) -> SKTim:
    """Record the decree forming the Bakohumas team, or an amendment (`mengubah`: the
    number of the decree it amends); `anggota` is the whole team from that date:
    [{nama, jabatan_kedinasan, jabatan_tim}]. With `sk_id`, corrects a recorded decree."""
    kantor = kantor_akun(akun)
    tanggal, _ = _rentang(tanggal, None)
    nomor = _wajib_isi(nomor, "Nomor SK", 100)
    induk = None
    if mengubah:
        induk = SKTim.objects.filter(kantor_id=kantor, nomor=mengubah.strip()).first()
        if induk is None or induk.pk == sk_id:
            raise DataTidakValid(f"SK {mengubah} yang diubah tidak ditemukan.",
                                 code=KodeHumas.SK_TIDAK_DITEMUKAN)
        if induk.tanggal > tanggal:
            raise DataTidakValid("SK perubahan tidak boleh bertanggal sebelum SK yang diubah.",
                                 code=KodeHumas.TANGGAL_TIDAK_VALID)
    baris = [AnggotaTim(urutan=i, nama=_wajib_isi(a.get("nama"), "Nama anggota", 200),
                        jabatan_kedinasan=_wajib_isi(a.get("jabatan_kedinasan"),
                                                     "Jabatan kedinasan", 200),
                        jabatan_tim=_wajib_isi(a.get("jabatan_tim"), "Jabatan dalam tim", 100))
             for i, a in enumerate(anggota, start=1)]
    if not baris:
        raise DataTidakValid("SK tim harus memuat anggota.", code=KodeHumas.ISIAN_KOSONG)
    with transaction.atomic():
        if SKTim.objects.filter(kantor_id=kantor, nomor=nomor).exclude(pk=sk_id).exists():
            raise DataTidakValid(f"SK {nomor} sudah tercatat.", code=KodeHumas.SK_GANDA)
        if sk_id:
            sk = _catatan_milik(SKTim, kantor, sk_id)
            sebelum = _foto_sk(sk, sk.anggota.all())
            for ubah in sk.perubahan.all():
                if ubah.tanggal < tanggal:
                    raise DataTidakValid(f"SK {ubah.nomor} yang mengubahnya bertanggal lebih "
                                         "awal.", code=KodeHumas.TANGGAL_TIDAK_VALID)
            sk.anggota.all().delete()
        else:
            sk, sebelum = SKTim(kantor_id=kantor), None
        sk.nomor, sk.tanggal, sk.tentang, sk.mengubah = nomor, tanggal, \
            (tentang or "").strip()[:300], induk
        sk.save()
        for a in baris:
            a.sk = sk
        AnggotaTim.objects.bulk_create(baris)
        audit_catat(akun=akun, aksi="sk_tim.ubah" if sebelum else "sk_tim.tetapkan",
                    objek=sk, wilayah_kode=kantor or "", sebelum=sebelum,
                    sesudah=_foto_sk(sk, baris))
    return sk


# --- periodic report ------------------------------------------------------------------------

def _laporan_tanggal(p, tanggal_surat, data_sampai) -> tuple[date, date | None]:
    tanggal_surat = _tanggal(tanggal_surat)
    data_sampai = _tanggal(data_sampai) if data_sampai else None
    alasan = tanggal_laporan_sah(p, tanggal_surat, data_sampai)
    if alasan:
        raise DataTidakValid(f"Tanggal laporan tidak sah: {alasan}.",
                             code=KodeHumas.TANGGAL_TIDAK_VALID)
    return tanggal_surat, data_sampai


def laporan_buat(*, akun, jenis_periode: str, tahun: int, nomor_periode: int = 1,
                 tanggal_surat, nomor_surat: str = "", data_sampai=None) -> Laporan:
    """Start a report; its narrative is carried forward from the office's latest earlier
    report (or starts from the built-in texts)."""
    kantor = kantor_akun(akun)
    p = periode(jenis_periode, int(tahun), int(nomor_periode or 1))
    if p is None:
        raise DataTidakValid("Periode laporan tidak sah.", code=KodeHumas.PERIODE_TIDAK_VALID)
    tanggal_surat, data_sampai = _laporan_tanggal(p, tanggal_surat, data_sampai)
    sebelumnya = [lap for lap in Laporan.objects.filter(kantor_id=kantor)
                  if periode(lap.jenis_periode, lap.tahun, lap.nomor_periode).akhir <= p.akhir]
    sebelumnya.sort(key=lambda lap: (periode(lap.jenis_periode, lap.tahun,
                                             lap.nomor_periode).akhir, lap.dibuat))
    narasi = narasi_bersih(sebelumnya[-1].narasi if sebelumnya else NARASI_BAWAAN)
    with transaction.atomic():
        if Laporan.objects.filter(kantor_id=kantor, jenis_periode=p.jenis, tahun=p.tahun,
                                  nomor_periode=p.nomor).exists():
            raise DataTidakValid(f"Laporan {p.nama} sudah ada.", code=KodeHumas.LAPORAN_STATUS)
        lap = Laporan.objects.create(kantor_id=kantor, jenis_periode=p.jenis, tahun=p.tahun,
                                     nomor_periode=p.nomor, tanggal_surat=tanggal_surat,
                                     nomor_surat=nomor_surat.strip()[:100],
                                     data_sampai=data_sampai, narasi=narasi, dibuat_oleh=akun)
        audit_catat(akun=akun, aksi="laporan.buat", objek=lap, wilayah_kode=kantor or "",
                    sesudah={"periode": p.nama, "tanggal_surat": tanggal_surat,
                             "nomor_surat": lap.nomor_surat, "data_sampai": data_sampai,
                             "narasi_dari": sebelumnya[-1].pk if sebelumnya else None})
    return lap


def _laporan_milik(kantor, laporan_id) -> Laporan:
    lap = Laporan.objects.select_for_update().filter(pk=laporan_id, kantor_id=kantor).first()
    if lap is None:
        raise TidakDitemukan("Laporan tidak ditemukan di kantor Anda.")
    return lap


def laporan_ubah(*, akun, laporan_id: int, narasi: dict | None = None, nomor_surat=None,
                 tanggal_surat=None, data_sampai=None) -> Laporan:
    """Edit the narrative and letter details while the report is a draft or returned."""
    kantor = kantor_akun(akun)
    with transaction.atomic():
        lap = _laporan_milik(kantor, laporan_id)
        if lap.status not in STATUS_BOLEH_UBAH:
            raise DataTidakValid("Laporan yang sudah diajukan atau diterima tidak dapat diubah.",
                                 code=KodeHumas.LAPORAN_STATUS)
        p = periode(lap.jenis_periode, lap.tahun, lap.nomor_periode)
        sebelum = {"narasi": lap.narasi, "nomor_surat": lap.nomor_surat,
                   "tanggal_surat": lap.tanggal_surat, "data_sampai": lap.data_sampai}
        if tanggal_surat is not None or data_sampai is not None:
            lap.tanggal_surat, lap.data_sampai = _laporan_tanggal(
                p, tanggal_surat or lap.tanggal_surat, data_sampai or lap.data_sampai)
        if nomor_surat is not None:
            lap.nomor_surat = nomor_surat.strip()[:100]
        if narasi is not None:
            lap.narasi = narasi_bersih({**lap.narasi, **narasi})
        lap.save()
        sesudah = {"narasi": lap.narasi, "nomor_surat": lap.nomor_surat,
                   "tanggal_surat": lap.tanggal_surat, "data_sampai": lap.data_sampai}
        ubah = [k for k in sesudah if sebelum[k] != sesudah[k]]
        audit_catat(akun=akun, aksi="laporan.ubah", objek=lap, wilayah_kode=kantor or "",
                    sebelum={k: sebelum[k] for k in ubah}, sesudah={k: sesudah[k] for k in ubah})
    return lap


def laporan_tindak(*, akun, laporan_id: int, tindakan: str, isi: str = "") -> Laporan:
    """Submit (the office), accept or return (the tier above), or comment (either side).
    Only the transitions in rules.TRANSISI_LAPORAN are possible."""
    cakupan = Cakupan.dari(akun)
    cakupan.wajib_peran(PERAN_KPU, "Hanya petugas KPU yang menangani laporan Bakohumas.")
    with transaction.atomic():
        lap = Laporan.objects.select_for_update().filter(pk=laporan_id).first()
        if lap is None:
            raise TidakDitemukan("Laporan tidak ditemukan.")
        sendiri = lap.kantor_id == cakupan.akar
        atas = tingkat_atas(lap.kantor_id, cakupan.akar) and lap.status != "draf"
        if not sendiri and not atas:
            raise TidakDitemukan("Laporan tidak ditemukan di wilayah kerja Anda.")
        sebelum = lap.status
        if tindakan == "komentar":
            if not isi.strip():
                raise DataTidakValid("Komentar kosong.", code=KodeHumas.ISIAN_KOSONG)
        else:
            langkah = TRANSISI_LAPORAN.get((lap.status, tindakan))
            if langkah is None or (langkah[1] == "kantor") != sendiri:
                raise DataTidakValid(f"Laporan berstatus {lap.get_status_display().lower()} "
                                     f"tidak dapat di-{tindakan} oleh Anda.",
                                     code=KodeHumas.LAPORAN_STATUS)
            if tindakan == "kembalikan" and not isi.strip():
                raise DataTidakValid("Sebutkan apa yang perlu diperbaiki.",
                                     code=KodeHumas.ISIAN_KOSONG)
            lap.status = langkah[0]
            lap.save(update_fields=["status", "diubah"])
        CatatanLaporan.objects.create(laporan=lap, akun=akun, tindakan=tindakan,
                                      isi=isi.strip()[:4000])
        audit_catat(akun=akun, aksi=f"laporan.{tindakan}", objek=lap,
                    wilayah_kode=lap.kantor_id or "", sebelum={"status": sebelum},
                    sesudah={"status": lap.status, "isi": isi.strip()[:4000]})
    return lap


BATAS_TEMPLAT = 5 * 1024 * 1024


def templat_unggah(*, akun, data: bytes, nama_berkas: str) -> TemplatLaporan:
    """Replace the office's report template with a DOCX the staff edited; it must open and
    render with a sample report, or it is refused and the previous one stays."""
    from .dokumen import periksa_templat

    kantor = kantor_akun(akun)
    if len(data) > BATAS_TEMPLAT:
        raise DataTidakValid("Templat terlalu besar (maksimal 5 MB).",
                             code=KodeHumas.TEMPLAT_TIDAK_VALID)
    if not nama_berkas.lower().endswith(".docx"):
        raise DataTidakValid("Templat harus berkas .docx.", code=KodeHumas.TEMPLAT_TIDAK_VALID)
    periksa_templat(data)
    with transaction.atomic():
        TemplatLaporan.objects.filter(kantor_id=kantor, aktif=True).update(aktif=False)
        t = TemplatLaporan.objects.create(kantor_id=kantor, nama_berkas=nama_berkas[:200],
                                          isi=data, sha256=hashlib.sha256(data).hexdigest())
        audit_catat(akun=akun, aksi="templat_laporan.unggah", objek=t,
                    wilayah_kode=kantor or "",
                    sesudah={"nama_berkas": t.nama_berkas, "sha256": t.sha256})
    return t


# --- campaigns across tiers ------------------------------------------------------------------

def _waktu(teks, nama: str) -> datetime:
    if isinstance(teks, datetime):
        w = teks
    else:
        try:
            w = datetime.fromisoformat(str(teks).strip())
        except ValueError:
            raise DataTidakValid(f"{nama} '{teks}' tidak dikenali (pakai YYYY-MM-DD HH:MM).",
                                 code=KodeHumas.TANGGAL_TIDAK_VALID) from None
    return timezone.make_aware(w) if timezone.is_naive(w) else w


def _foto_kampanye(k: Kampanye) -> dict:
    return {"penerbit": k.penerbit_id, "judul": k.judul, "isi": k.isi, "tagar": k.tagar,
            "mulai": k.mulai.isoformat(), "selesai": k.selesai.isoformat()}


def kampanye_terbitkan(*, akun, judul: str, isi: str, tagar: str, mulai, selesai) -> Kampanye:
    """KPU RI or a KPU Provinsi publishes a campaign to every office below it."""
    kantor = kantor_akun(akun)
    tingkat = Wilayah.objects.filter(kode=kantor).values_list("tingkat", flat=True).first() \
        if kantor else None
    if not penerbit_kampanye_sah(tingkat, kpu_ri=kantor is None):
        raise DataTidakValid("Kampanye serentak diterbitkan oleh KPU RI atau KPU Provinsi.",
                             code=KodeHumas.KAMPANYE_PENERBIT)
    tagar = tagar.strip()
    if not tagar.startswith("#"):
        tagar = "#" + tagar
    if not tagar_sah(tagar):
        raise DataTidakValid(f"Tagar '{tagar}' tidak sah: '#' lalu huruf, angka atau '_'.",
                             code=KodeHumas.ISIAN_KOSONG)
    mulai, selesai = _waktu(mulai, "Waktu mulai"), _waktu(selesai, "Waktu selesai")
    if selesai <= mulai:
        raise DataTidakValid("Waktu selesai harus setelah waktu mulai.",
                             code=KodeHumas.TANGGAL_TIDAK_VALID)
    with transaction.atomic():
        k = Kampanye.objects.create(penerbit_id=kantor, judul=_judul(judul),
                                    isi=_wajib_isi_panjang(isi, "Isi kampanye"), tagar=tagar,
                                    mulai=mulai, selesai=selesai, dibuat_oleh=akun)
        audit_catat(akun=akun, aksi="kampanye.terbit", objek=k, wilayah_kode=kantor or "",
                    sesudah=_foto_kampanye(k))
    return k


def _wajib_isi_panjang(nilai: str, nama: str) -> str:
    teks = (nilai or "").strip()
    if not teks:
        raise DataTidakValid(f"{nama} wajib diisi.", code=KodeHumas.ISIAN_KOSONG)
    return teks[:20_000]


def _kampanye_terlihat(akun, kampanye_id: int) -> Kampanye:
    from .selectors import kampanye_ambil

    return kampanye_ambil(akun=akun, kampanye_id=kampanye_id)


def kampanye_unggahan_catat(*, akun, kampanye_id: int, tautan: str, waktu=None,
                            jenis_konten: str = "Repost",
                            kantor_kode: str | None = None) -> KampanyeUnggahan:
    """An office records the link of its post for a campaign addressed to it. The post is
    linked to the office's publication log: to the post with the same link if one is
    logged, else a log item (content type `jenis_konten`) is made for it, so the recap and
    the report count it. Posting for another office, or for a campaign not addressed to
    this office, is refused."""
    kantor = kantor_akun(akun)
    if kantor_kode is not None and (kantor_kode or None) != kantor:
        raise SimpulError(KodeHumas.KAMPANYE_KANTOR_LAIN, "Unggahan kampanye dicatat oleh "
                          "kantor itu sendiri, bukan oleh kantor lain.", status=403)
    # Looked up unscoped: a campaign of another province is refused by name, not hidden.
    k = Kampanye.objects.filter(pk=kampanye_id).first()
    if k is None:
        raise TidakDitemukan("Kampanye tidak ditemukan.")
    tingkat = Wilayah.objects.filter(kode=kantor).values_list("tingkat", flat=True).first() \
        if kantor else None
    if not sasaran_kampanye(k.penerbit_id, kantor, tingkat):
        raise SimpulError(KodeHumas.KAMPANYE_BUKAN_SASARAN,
                          "Kampanye ini tidak ditujukan kepada kantor Anda.", status=403)
    katalog = Katalog.muat()
    u = katalog.unggahan(tautan=tautan)
    waktu = _waktu(waktu, "Waktu unggah") if waktu else timezone.now()
    if waktu < k.mulai or waktu > timezone.now():
        raise DataTidakValid("Waktu unggah harus sejak kampanye dimulai dan tidak di masa "
                             "depan.", code=KodeHumas.TANGGAL_TIDAK_VALID)
    if KampanyeUnggahan.objects.filter(kampanye=k, tautan=u.tautan).exists():
        raise DataTidakValid(f"Tautan {u.tautan} sudah dicatat untuk kampanye ini.",
                             code=KodeHumas.TAUTAN_GANDA)
    with transaction.atomic():
        log = Unggahan.objects.filter(tautan=u.tautan).select_related("publikasi").first()
        if log is not None and log.publikasi.kantor_id != kantor:
            raise DataTidakValid(f"Tautan {u.tautan} tercatat di log kantor lain.",
                                 code=KodeHumas.TAUTAN_GANDA)
        if log is None:
            judul = f"{k.judul} {k.tagar}"[:300]
            tanggal = timezone.localdate(waktu)
            jenis = katalog.jenis_konten(jenis_konten)
            ada = Publikasi.objects.filter(kantor_id=kantor, tanggal=tanggal,
                                           jenis_konten=jenis, judul=judul).first()
            lama = [{"kanal": x.kanal_id, "tautan": x.tautan, "sasaran": x.sasaran}
                    for x in ada.unggahan.all()] if ada else []
            p = publikasi_simpan(akun=akun, tanggal=tanggal, jenis_konten=jenis.pk,
                                 judul=judul, publikasi_id=ada.pk if ada else None,
                                 unggahan=[*lama, {"kanal": u.kanal_id, "tautan": u.tautan}])
            log = p.unggahan.get(tautan=u.tautan)
        ku = KampanyeUnggahan.objects.create(kampanye=k, kantor_id=kantor, kanal=u.kanal,
                                             tautan=u.tautan, waktu=waktu, unggahan=log,
                                             dibuat_oleh=akun)
        audit_catat(akun=akun, aksi="kampanye.unggah", objek=ku, wilayah_kode=kantor or "",
                    sesudah={"kampanye": k.pk, "kanal": u.kanal_id, "tautan": u.tautan,
                             "waktu": waktu.isoformat(), "unggahan_log": log.pk})
    return ku


def kampanye_komentar(*, akun, kampanye_id: int, isi: str,
                      induk_id: int | None = None) -> KampanyeKomentar:
    """A comment or reply on a campaign by any office that sees it, so the flow runs both
    ways (the seed's one-way WhatsApp groups had no feedback)."""
    kantor = kantor_akun(akun)
    k = _kampanye_terlihat(akun, kampanye_id)
    induk = None
    if induk_id:
        induk = KampanyeKomentar.objects.filter(pk=induk_id, kampanye=k).first()
        if induk is None:
            raise TidakDitemukan("Komentar yang dibalas tidak ditemukan pada kampanye ini.")
    with transaction.atomic():
        c = KampanyeKomentar.objects.create(kampanye=k, kantor_id=kantor, induk=induk,
                                            akun=akun,
                                            isi=_wajib_isi_panjang(isi, "Komentar")[:4000])
        audit_catat(akun=akun, aksi="kampanye.komentar", objek=c, wilayah_kode=kantor or "",
                    sesudah={"kampanye": k.pk, "induk": induk_id, "isi": c.isi})
    return c


# --- media monitoring ------------------------------------------------------------------------

def _foto_pantauan(p: PantauanMedia) -> dict:
    return {f: getattr(p, f) for f in ("tanggal", "jenis_sumber", "sumber", "judul", "tautan",
                                        "sentimen", "hoaks", "tanggapan", "status_tanggapan",
                                        "ditanggapi")}


def _pilihan(nilai: str, pilihan, nama: str) -> str:
    if nilai not in pilihan.values:
        raise DataTidakValid(f"{nama} '{nilai}' tidak dikenal.",
                             code=KodeHumas.PANTAUAN_TIDAK_SAH)
    return nilai


def pantauan_catat(*, akun, tanggal, jenis_sumber: str, sumber: str, judul: str,
                   sentimen: str, tautan: str = "", ringkasan: str = "", hoaks: bool = False,
                   tanggapan: str = "", status_tanggapan: str | None = None) -> PantauanMedia:
    """Record a news or social-media item about the election in the office's territory."""
    from .models import JenisSumber, Sentimen, StatusTanggapan

    kantor = kantor_akun(akun)
    tanggal = _tanggal(tanggal)
    _periksa_tanggal(tanggal)
    tautan = (tautan or "").strip()
    if tautan and (host_tautan(tautan) is None or len(tautan) > 500):
        raise DataTidakValid(f"'{tautan[:80]}' bukan tautan http(s) yang sah.",
                             code=KodeHumas.TAUTAN_TIDAK_VALID)
    sentimen = _pilihan(sentimen, Sentimen, "Sentimen")
    status = _pilihan(status_tanggapan or status_tanggapan_awal(hoaks=hoaks, sentimen=sentimen),
                      StatusTanggapan, "Status tanggapan")
    alasan = galat_tanggapan(hoaks=hoaks, status=status, tanggapan=tanggapan)
    if alasan:
        raise DataTidakValid(f"Tidak sah: {alasan}.", code=KodeHumas.PANTAUAN_TIDAK_SAH)
    with transaction.atomic():
        if tautan and PantauanMedia.objects.filter(kantor_id=kantor, tautan=tautan).exists():
            raise DataTidakValid(f"Tautan {tautan} sudah tercatat di pantauan.",
                                 code=KodeHumas.TAUTAN_GANDA)
        p = PantauanMedia.objects.create(
            kantor_id=kantor, tanggal=tanggal,
            jenis_sumber=_pilihan(jenis_sumber, JenisSumber, "Jenis sumber"),
            sumber=_wajib_isi(sumber, "Sumber", 200), judul=_judul(judul), tautan=tautan,
            ringkasan=(ringkasan or "").strip(), sentimen=sentimen, hoaks=bool(hoaks),
            tanggapan=(tanggapan or "").strip(), status_tanggapan=status,
            ditanggapi=timezone.localdate() if status == "selesai" else None,
            dibuat_oleh=akun)
        audit_catat(akun=akun, aksi="pantauan.buat", objek=p, wilayah_kode=kantor or "",
                    sesudah=_foto_pantauan(p))
    return p


def pantauan_tanggapi(*, akun, pantauan_id: int, status_tanggapan: str, tanggapan: str = "",
                      hoaks: bool | None = None, sentimen: str | None = None) -> PantauanMedia:
    """Record the office's response to an item (and correct its hoax flag or sentiment)."""
    from .models import Sentimen, StatusTanggapan

    kantor = kantor_akun(akun)
    with transaction.atomic():
        p = PantauanMedia.objects.select_for_update().filter(pk=pantauan_id,
                                                             kantor_id=kantor).first()
        if p is None:
            raise TidakDitemukan("Pantauan tidak ditemukan di kantor Anda.")
        sebelum = _foto_pantauan(p)
        if hoaks is not None:
            p.hoaks = bool(hoaks)
        if sentimen:
            p.sentimen = _pilihan(sentimen, Sentimen, "Sentimen")
        p.status_tanggapan = _pilihan(status_tanggapan, StatusTanggapan, "Status tanggapan")
        p.tanggapan = (tanggapan or "").strip() or p.tanggapan
        alasan = galat_tanggapan(hoaks=p.hoaks, status=p.status_tanggapan,
                                 tanggapan=p.tanggapan)
        if alasan:
            raise DataTidakValid(f"Tidak sah: {alasan}.", code=KodeHumas.PANTAUAN_TIDAK_SAH)
        if p.status_tanggapan == "selesai" and p.ditanggapi is None:
            p.ditanggapi = timezone.localdate()
        p.save()
        audit_catat(akun=akun, aksi="pantauan.tanggapi", objek=p, wilayah_kode=kantor or "",
                    sebelum=sebelum, sesudah=_foto_pantauan(p))
    return p
