"""Resumable uploads of registration files (ANCHORS.md, SIAKBA rows 1 and 2).

The browser checks size and type first, then opens an upload (`unggahan_mulai`: the
declared size and type are refused here already, before any byte is sent), sends the file
in chunks (`unggahan_potongan`, each at the offset the server holds), and after a dropped
connection asks for that offset (`unggahan_posisi`) and goes on from it. On completion
(`unggahan_selesai`) the whole file is checked again on the server by its bytes
(`rules.berkas_periksa`: magic bytes, size, truncation) and a receipt is returned: size,
SHA-256 and server time. The registration form then carries the upload ids instead of the
files; the plain multipart form still works without JavaScript.

Chunks are rows in the database, so any worker on any host can take the next chunk and
an acknowledged offset is always committed. Uploads nobody submitted are removed after
`UMUR_UNGGAHAN`.
"""

import hashlib
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from simpul.core.errors import DataTidakValid, SimpulError, TidakDitemukan

from .errors import KodeAdhoc
from .models import JenisBerkas, PotonganUnggahan, Rekrutmen, StatusUnggahan, Unggahan
from .rules import BERKAS_MAKS_BYTE, TANDA_BERKAS, berkas_periksa

POTONGAN_BYTE = 256 * 1024  # chunk size the page uses: a few seconds on a weak 3G link
POTONGAN_MAKS_BYTE = 1024 * 1024
UMUR_UNGGAHAN = timedelta(days=2)


@dataclass(frozen=True)
class Tanda:
    """The receipt of an accepted file, shown to the applicant."""

    id: str
    jenis: str
    nama_berkas: str
    ukuran: int
    mime: str
    sha256: str
    waktu: datetime


def _tanda(u: Unggahan) -> Tanda:
    return Tanda(str(u.pk), u.jenis, u.nama_berkas, u.ukuran, u.mime, u.sha256, u.selesai)


def _maks(r: Rekrutmen) -> int:
    return r.pemilu.param("berkas_maks_byte", BERKAS_MAKS_BYTE)


def unggahan_mulai(*, rekrutmen: Rekrutmen, kunci_formulir: str, jenis: str,
                   nama_berkas: str, ukuran: int, mime: str = "") -> Unggahan:
    """Open an upload. Too large or of a type other than PDF/JPEG/PNG (as the browser
    declares it) is refused now, before the file is sent."""
    kunci = (kunci_formulir or "").strip()
    if not kunci or len(kunci) > 64:
        raise DataTidakValid("Kunci formulir tidak valid; muat ulang formulir.",
                             code=KodeAdhoc.KUNCI_BENTROK)
    if jenis not in JenisBerkas.values:
        raise DataTidakValid(f"Jenis berkas '{jenis}' tidak dikenal.",
                             code=KodeAdhoc.UNGGAHAN_TIDAK_VALID)
    maks = _maks(rekrutmen)
    if ukuran <= 0:
        raise DataTidakValid("Berkas kosong.", code="adhoc.berkas_kosong")
    if ukuran > maks:
        raise DataTidakValid(f"Berkas {ukuran / 2**20:.1f} MB; maksimal {maks / 2**20:.1f} MB.",
                             code="adhoc.berkas_terlalu_besar",
                             details={"ukuran": ukuran, "maks": maks})
    if mime and mime not in TANDA_BERKAS:
        raise DataTidakValid("Jenis berkas harus PDF, JPEG atau PNG.",
                             code="adhoc.berkas_jenis_salah")
    with transaction.atomic():
        Unggahan.objects.filter(diperbarui__lt=timezone.now() - UMUR_UNGGAHAN).delete()
        return Unggahan.objects.create(rekrutmen=rekrutmen, kunci_formulir=kunci, jenis=jenis,
                                       nama_berkas=(nama_berkas or "")[:200], ukuran=ukuran)


def _ambil(unggahan_id, *, kunci: bool = False) -> Unggahan:
    try:
        pk = uuid.UUID(str(unggahan_id))
    except ValueError:
        raise TidakDitemukan("Unggahan tidak ditemukan.") from None
    qs = Unggahan.objects.select_related("rekrutmen__pemilu")
    if kunci:
        qs = qs.select_for_update(of=("self",))
    u = qs.filter(pk=pk).first()
    if u is None:
        raise TidakDitemukan("Unggahan tidak ditemukan atau sudah kedaluwarsa; pilih berkas "
                             "lagi.")
    return u


def unggahan_posisi(*, unggahan_id) -> Unggahan:
    """Where an upload stands: `diterima` is the offset to send the next chunk from."""
    return _ambil(unggahan_id)


def unggahan_potongan(*, unggahan_id, awal: int, data: bytes) -> Unggahan:
    """Append one chunk at offset `awal`. A chunk at another offset (a retry of a chunk
    that did arrive, or one sent after a lost one) is refused with the offset the server
    holds, so the browser resumes from there; nothing is stored twice."""
    if not data or len(data) > POTONGAN_MAKS_BYTE:
        raise DataTidakValid(f"Potongan harus 1 byte sampai {POTONGAN_MAKS_BYTE} byte.",
                             code=KodeAdhoc.UNGGAHAN_TIDAK_VALID)
    with transaction.atomic():
        u = _ambil(unggahan_id, kunci=True)
        if u.status != StatusUnggahan.BERJALAN:
            raise SimpulError(KodeAdhoc.UNGGAHAN_SELESAI, "Unggahan ini sudah selesai.",
                              status=409, details={"diterima": u.diterima})
        if awal != u.diterima:
            raise SimpulError(KodeAdhoc.UNGGAHAN_POSISI, f"Server sudah menerima {u.diterima} "
                              f"byte; lanjutkan dari sana.", status=409,
                              details={"diterima": u.diterima})
        if u.diterima + len(data) > u.ukuran:
            raise DataTidakValid("Berkas lebih besar dari ukuran yang diumumkan.",
                                 code="adhoc.berkas_terlalu_besar",
                                 details={"diterima": u.diterima, "ukuran": u.ukuran})
        PotonganUnggahan.objects.create(unggahan=u, awal=awal, data=data)
        Unggahan.objects.filter(pk=u.pk).update(diterima=F("diterima") + len(data),
                                                diperbarui=timezone.now())
        u.diterima += len(data)
    return u


def unggahan_selesai(*, unggahan_id) -> Tanda:
    """Check the whole file on the server by its bytes and return its receipt. A file of
    the wrong type, truncated or too large is refused with its named code and the upload
    ends as refused. Asking again returns the same receipt."""
    with transaction.atomic():
        u = _ambil(unggahan_id, kunci=True)
        if u.status == StatusUnggahan.SELESAI:
            return _tanda(u)
        if u.status == StatusUnggahan.DITOLAK:
            raise DataTidakValid("Berkas ini ditolak; pilih berkas lain.", code=u.kode_tolak)
        if u.diterima != u.ukuran:
            raise SimpulError(KodeAdhoc.UNGGAHAN_BELUM_LENGKAP, f"Baru {u.diterima} dari "
                              f"{u.ukuran} byte diterima.", status=409,
                              details={"diterima": u.diterima})
        data = b"".join(bytes(d) for d in u.potongan.order_by("awal")
                        .values_list("data", flat=True))
        t = berkas_periksa(data, maks_byte=_maks(u.rekrutmen))
        u.potongan.all().delete()
        if t.kode:
            u.status, u.kode_tolak = StatusUnggahan.DITOLAK, t.kode
            u.save(update_fields=["status", "kode_tolak", "diperbarui"])
        else:
            u.status, u.mime, u.isi = StatusUnggahan.SELESAI, t.mime, data
            u.sha256, u.selesai = hashlib.sha256(data).hexdigest(), timezone.now()
            u.save(update_fields=["status", "mime", "isi", "sha256", "selesai", "diperbarui"])
    if t.kode:
        raise DataTidakValid(f"{JenisBerkas(u.jenis).label}: {t.pesan}", code=t.kode,
                             details={"berkas": u.jenis})
    return _tanda(u)


def unggahan_isi(*, rekrutmen: Rekrutmen, kunci_formulir: str,
                 ids: dict[str, str]) -> dict[str, bytes]:
    """The bytes of the completed uploads a form names (jenis → upload id). An id that is
    unknown, of another form, of another kind or not completed is refused by name."""
    berkas = {}
    for jenis, uid in ids.items():
        try:
            pk = uuid.UUID(uid)
        except ValueError:
            pk = None
        u = Unggahan.objects.filter(pk=pk, rekrutmen=rekrutmen, jenis=jenis,
                                    kunci_formulir=kunci_formulir).first() if pk else None
        if u is None or u.status != StatusUnggahan.SELESAI:
            raise DataTidakValid(f"{JenisBerkas(jenis).label}: unggahan tidak ditemukan atau "
                                 "belum selesai; unggah ulang.",
                                 code=KodeAdhoc.UNGGAHAN_TIDAK_VALID, details={"berkas": jenis})
        berkas[jenis] = bytes(u.isi)
    return berkas
