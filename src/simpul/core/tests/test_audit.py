import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError, connection, connections, transaction

from simpul.core.audit import audit_catat, audit_catat_banyak, audit_verifikasi
from simpul.core.models import AuditEntry
from simpul.core.roles import Peran
from simpul.pemilu.services import tps_simpan

pytestmark = pytest.mark.django_db


@pytest.fixture
def rantai(buat_akun, pemilu):
    """A few real audited changes: TPS saved by a KPU Kota operator."""
    akun = buat_akun(Peran.KPU_KAB_OPERATOR, "35.74")
    for nomor in (50, 51, 52):
        tps_simpan(akun=akun, pemilu=pemilu, kode_desa="35.74.05.1005", nomor=nomor,
                   jumlah_pemilih=200)
    return list(AuditEntry.objects.order_by("-seq")[:3])[::-1]


def _sql(perintah: str, *param):
    """Tamper as someone with database rights would: the trigger is dropped first."""
    with connection.cursor() as c:
        if connection.vendor == "postgresql":
            c.execute("ALTER TABLE core_auditentry DISABLE TRIGGER core_auditentry_tambah_saja")
        c.execute(perintah, param)
        if connection.vendor == "postgresql":
            c.execute("ALTER TABLE core_auditentry ENABLE TRIGGER core_auditentry_tambah_saja")


def test_entri_mencatat_siapa_peran_wilayah_sebelum_sesudah(rantai):
    e = rantai[0]
    assert e.aksi == "tps.buat" and e.peran == Peran.KPU_KAB_OPERATOR
    assert e.wilayah_kode == "35.74.05.1005" and e.akun_username.startswith("kpu_kab_operator")
    assert e.sebelum is None and e.sesudah["nomor"] == 50
    assert rantai[1].hash_sebelumnya == e.hash


def test_rantai_utuh_terverifikasi(rantai):
    hasil = audit_verifikasi()
    assert hasil.utuh and hasil.jumlah >= 3
    call_command("audit", "verify")


def test_banyak_entri_sekali_kunci_tetap_berantai(rantai):
    """A batch written under one take of the head's lock is chained like single entries."""
    with transaction.atomic():
        banyak = audit_catat_banyak([{"akun": None, "aksi": "uji.banyak", "objek_id": i}
                                     for i in range(3)])
        satu = audit_catat(akun=None, aksi="uji.satu")
    assert [e.seq for e in banyak] == [rantai[2].seq + 1, rantai[2].seq + 2, rantai[2].seq + 3]
    assert banyak[0].hash_sebelumnya == rantai[2].hash
    assert satu.hash_sebelumnya == banyak[2].hash and satu.seq == banyak[2].seq + 1
    assert [e.objek_id for e in AuditEntry.objects.filter(aksi="uji.banyak")] == ["0", "1", "2"]
    assert audit_verifikasi().utuh
    with transaction.atomic():
        assert audit_catat_banyak([]) == []


def test_isi_diubah_lewat_sql_tertangkap(rantai):
    sasaran = rantai[1]
    _sql("UPDATE core_auditentry SET akun_username = %s WHERE seq = %s", "penyusup", sasaran.seq)
    hasil = audit_verifikasi()
    assert not hasil.utuh and hasil.seq_rusak == sasaran.seq
    assert "diubah" in hasil.alasan
    with pytest.raises(CommandError, match=f"#{sasaran.seq}"):
        call_command("audit", "verify")


def test_entri_dihapus_tertangkap(rantai):
    _sql("DELETE FROM core_auditentry WHERE seq = %s", rantai[1].seq)
    hasil = audit_verifikasi()
    assert not hasil.utuh and hasil.seq_rusak == rantai[1].seq and "hilang" in hasil.alasan


def test_entri_terakhir_dihapus_tertangkap(rantai):
    _sql("DELETE FROM core_auditentry WHERE seq = %s", rantai[2].seq)
    hasil = audit_verifikasi()
    assert not hasil.utuh and hasil.seq_rusak == rantai[2].seq


def test_urutan_ditukar_tertangkap(rantai):
    a, b = rantai[0], rantai[1]
    _sql("UPDATE core_auditentry SET seq = 999999999 WHERE seq = %s", a.seq)
    _sql("UPDATE core_auditentry SET seq = %s WHERE seq = %s", a.seq, b.seq)
    _sql("UPDATE core_auditentry SET seq = %s WHERE seq = 999999999", b.seq)
    hasil = audit_verifikasi()
    assert not hasil.utuh and hasil.seq_rusak == a.seq


@pytest.mark.skipif(connection.vendor != "postgresql", reason="trigger is PostgreSQL's")
def test_basis_data_menolak_ubah_dan_hapus(rantai):
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditEntry.objects.filter(pk=rantai[0].pk).update(aksi="lain")
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditEntry.objects.filter(pk=rantai[0].pk).delete()


def test_audit_di_luar_transaksi_ditolak(monkeypatch):
    # Tests already run inside a transaction; this is the state autocommit code sees.
    monkeypatch.setattr(connections["default"], "in_atomic_block", False)
    with pytest.raises(RuntimeError, match="transaction.atomic"):
        audit_catat(akun=None, aksi="uji")


def test_perubahan_gagal_tidak_meninggalkan_audit(buat_akun, pemilu):
    """The change and its audit entry commit or roll back together."""
    akun = buat_akun(Peran.KPU_KAB_OPERATOR, "35.74")
    sebelum = AuditEntry.objects.count()
    with pytest.raises(RuntimeError), transaction.atomic():
        tps_simpan(akun=akun, pemilu=pemilu, kode_desa="35.74.05.1005", nomor=60)
        raise RuntimeError("gagal setelah simpan")
    assert AuditEntry.objects.count() == sebelum


def test_perubahan_akun_lewat_admin_diaudit(buat_akun, rf):
    from django.contrib import admin

    from simpul.core.admin import AkunAdmin
    from simpul.core.models import Akun

    ri = buat_akun(Peran.KPU_RI, is_superuser=True, is_staff=True)
    ppk = buat_akun(Peran.PPK, "35.74.05")
    permintaan = rf.post("/admin/")
    permintaan.user = ri
    ppk.wilayah_id = "35.74.01"
    AkunAdmin(Akun, admin.site).save_model(permintaan, ppk, form=None, change=True)
    entri = AuditEntry.objects.order_by("-seq").first()
    assert entri.aksi == "akun.ubah" and entri.akun_username == ri.username
    assert (entri.sebelum["wilayah_id"], entri.sesudah["wilayah_id"]) == ("35.74.05", "35.74.01")
