"""Publishing the result against writes that race it, on PostgreSQL with two threads (each
its own connection, data committed): the round's row lock makes check and write atomic."""

import threading
import time

import pytest
from django.db import connection, transaction

from simpul.core.errors import Konflik
from simpul.seleksi.errors import KodeSeleksi
from simpul.seleksi.models import NilaiWawancara, Pengumuman
from simpul.seleksi.services import pengumuman_terbitkan, wawancara_catat

pytestmark = pytest.mark.usefixtures("data_jatim_komit")


def _di_utas(kerja, selesai: threading.Event | None = None):
    """Run `kerja` in a thread with its own connection; returns (thread, outcome list)."""
    hasil = []

    def jalan():
        try:
            hasil.append(kerja())
        except Exception as e:  # the outcome under test, checked by the caller
            hasil.append(e)
        finally:
            connection.close()
            if selesai:
                selesai.set()

    utas = threading.Thread(target=jalan)
    utas.start()
    return utas, hasil


def _ada_yang_menunggu_saya() -> bool:
    """Is another session waiting for a lock this one holds? (pg_locks is read live;
    pg_stat_activity would be frozen for the rest of this transaction.)"""
    with connection.cursor() as c:
        c.execute("SELECT count(*) FROM pg_locks WHERE NOT granted "
                  "AND pg_backend_pid() = ANY(pg_blocking_pids(pid))")
        return c.fetchone()[0] > 0


def test_dua_pengumuman_serentak_hanya_satu_terbit(rekrutmen_pps, operator_kota, daftarkan):
    daftarkan()
    serentak = threading.Barrier(2)

    def terbitkan(nomor):
        def kerja():
            serentak.wait()
            return pengumuman_terbitkan(akun=operator_kota, rekrutmen=rekrutmen_pps,
                                        nomor_surat=nomor)
        return kerja

    berjalan = [_di_utas(terbitkan(n)) for n in ("001/2024", "002/2024")]
    for utas, _ in berjalan:
        utas.join()
    [a], [b] = (h for _, h in berjalan)
    terbit = [x for x in (a, b) if isinstance(x, Pengumuman)]
    gagal = [x for x in (a, b) if not isinstance(x, Pengumuman)]
    assert len(terbit) == 1 and len(gagal) == 1
    assert isinstance(gagal[0], Konflik) and gagal[0].code == KodeSeleksi.HASIL_TERKUNCI
    assert Pengumuman.objects.filter(rekrutmen=rekrutmen_pps).count() == 1


def test_nilai_wawancara_menunggu_pengumuman_yang_sedang_terbit_lalu_ditolak(
        rekrutmen_pps, operator_kota, daftarkan):
    """The publication holds the round's lock until it commits: an interview score sent
    meanwhile waits for it, then is refused, so the frozen ranking never misses a score
    that the database holds. (Without the lock the score would be written at once.)"""
    p = daftarkan()
    terbit = threading.Event()
    nilai_selesai = threading.Event()

    def umumkan():
        try:
            with transaction.atomic():
                u = pengumuman_terbitkan(akun=operator_kota, rekrutmen=rekrutmen_pps,
                                         nomor_surat="001/2024")
                terbit.set()
                # Commit only once the score waits on this lock (or has already returned);
                # the bound only keeps a broken run from hanging.
                batas = time.monotonic() + 120
                while not (nilai_selesai.is_set() or _ada_yang_menunggu_saya()
                           or time.monotonic() > batas):
                    time.sleep(0.02)
            return u
        finally:
            terbit.set()

    def nilai():
        terbit.wait()
        return wawancara_catat(akun=operator_kota, pendaftar_id=p.pk, nilai="90")

    utas_u, hasil_u = _di_utas(umumkan)
    utas_n, hasil_n = _di_utas(nilai, selesai=nilai_selesai)
    utas_u.join()
    utas_n.join()
    [u], [n] = hasil_u, hasil_n
    assert isinstance(u, Pengumuman)
    assert isinstance(n, Konflik) and n.code == KodeSeleksi.HASIL_TERKUNCI
    assert not NilaiWawancara.objects.filter(pendaftar=p).exists()
