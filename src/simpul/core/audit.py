"""The audit trail: every service that changes a record calls `audit_catat` inside its
own transaction, so the change and its trace commit or roll back together."""

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC

from django.db import connection, transaction
from django.utils import timezone

from .models import AuditEntry, AuditKepala

HASH_AWAL = "0" * 64


def _normal(nilai):
    """JSON as the database will give it back (dates and decimals become strings)."""
    if nilai is None:
        return None
    return json.loads(json.dumps(nilai, default=str, ensure_ascii=False))


def hitung_hash(entri: AuditEntry) -> str:
    isi = {
        "seq": entri.seq,
        "waktu": entri.waktu.astimezone(UTC).isoformat(),
        "akun_id": entri.akun_id_teks,
        "akun": entri.akun_username,
        "peran": entri.peran,
        "wilayah": entri.wilayah_kode,
        "aksi": entri.aksi,
        "objek_tipe": entri.objek_tipe,
        "objek_id": entri.objek_id,
        "sebelum": entri.sebelum,
        "sesudah": entri.sesudah,
        "hash_sebelumnya": entri.hash_sebelumnya,
    }
    teks = json.dumps(isi, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(teks.encode()).hexdigest()


def audit_catat(*, akun, aksi: str, objek=None, objek_tipe: str = "", objek_id="",
                sebelum=None, sesudah=None, wilayah_kode: str = "") -> AuditEntry:
    return audit_catat_banyak([{
        "akun": akun, "aksi": aksi, "objek": objek, "objek_tipe": objek_tipe,
        "objek_id": objek_id, "sebelum": sebelum, "sesudah": sesudah,
        "wilayah_kode": wilayah_kode}])[0]


def audit_catat_banyak(catatan: list[dict]) -> list[AuditEntry]:
    """Entries with `audit_catat`'s arguments, chained under one take of the head's lock.
    Every writer waits on that lock until its transaction ends, so a service recording
    many changes in one transaction (a batch of DPTb decisions) calls this once, last,
    rather than holding the lock from its first change to its commit."""
    if not connection.in_atomic_block:
        raise RuntimeError("audit_catat harus dipanggil di dalam transaction.atomic()")
    if not catatan:
        return []
    kepala, _ = AuditKepala.objects.select_for_update().get_or_create(pk=1)
    entri = []
    for c in catatan:
        e = _entri(seq=kepala.seq + 1, hash_sebelumnya=kepala.hash, **c)
        kepala.seq, kepala.hash = e.seq, e.hash
        entri.append(e)
    AuditEntry.objects.bulk_create(entri)
    kepala.save(update_fields=["seq", "hash"])
    return entri


def _entri(*, seq: int, hash_sebelumnya: str, akun, aksi: str, objek=None,
           objek_tipe: str = "", objek_id="", sebelum=None, sesudah=None,
           wilayah_kode: str = "") -> AuditEntry:
    if objek is not None:
        objek_tipe = objek_tipe or objek._meta.label_lower
        objek_id = objek_id or objek.pk
    entri = AuditEntry(
        seq=seq,
        waktu=timezone.now(),
        akun_id_teks=str(akun.pk) if akun is not None and akun.pk else "",
        akun_username=getattr(akun, "username", "") or "sistem",
        peran=getattr(akun, "peran", "") or "",
        wilayah_kode=wilayah_kode or (getattr(akun, "wilayah_id", "") or ""),
        aksi=aksi,
        objek_tipe=objek_tipe,
        objek_id=str(objek_id),
        sebelum=_normal(sebelum),
        sesudah=_normal(sesudah),
        hash_sebelumnya=hash_sebelumnya,
    )
    entri.hash = hitung_hash(entri)
    return entri


@dataclass(frozen=True)
class HasilVerifikasi:
    utuh: bool
    jumlah: int
    seq_rusak: int | None = None
    alasan: str = ""


def audit_verifikasi() -> HasilVerifikasi:
    """Re-walk the chain; name the first entry that was edited, deleted or reordered."""
    hash_lalu, diharapkan, jumlah = HASH_AWAL, 1, 0
    with transaction.atomic():
        for entri in AuditEntry.objects.order_by("seq").iterator(chunk_size=5000):
            jumlah += 1
            if entri.seq != diharapkan:
                return HasilVerifikasi(False, jumlah, diharapkan,
                                       f"entri #{diharapkan} hilang (dihapus) atau urutan diubah")
            if entri.hash_sebelumnya != hash_lalu:
                return HasilVerifikasi(False, jumlah, entri.seq,
                                       f"entri #{entri.seq} tidak menyambung ke entri sebelumnya "
                                       "(urutan diubah atau entri sebelumnya dihapus)")
            if hitung_hash(entri) != entri.hash:
                return HasilVerifikasi(False, jumlah, entri.seq,
                                       f"isi entri #{entri.seq} telah diubah")
            hash_lalu, diharapkan = entri.hash, diharapkan + 1
        kepala = AuditKepala.objects.filter(pk=1).first()
        if kepala and (kepala.seq != diharapkan - 1 or kepala.hash != hash_lalu):
            return HasilVerifikasi(False, jumlah, diharapkan,
                                   f"entri #{diharapkan} sampai #{kepala.seq} hilang (dihapus)")
    return HasilVerifikasi(True, jumlah)


def snapshot(obj, fields) -> dict:
    return {f: getattr(obj, f) for f in fields}
