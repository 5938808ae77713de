from collections import Counter
from datetime import date

import pytest

from simpul.core.errors import Dilarang, TidakDitemukan
from simpul.core.models import AuditEntry
from simpul.core.roles import Peran
from simpul.ganda.errors import KodeGanda
from simpul.ganda.models import PasanganGanda, PemindaianGanda, StatusPasangan
from simpul.ganda.selectors import pemindaian_terakhir
from simpul.ganda.services import pasangan_putuskan, pemindaian_jalankan
from simpul.pemilih.models import KoreksiTertunda, Pemilih, RiwayatPemilih
from simpul.pemilih.services_tahap import tahap_kunci, tahap_tetapkan
from simpul.pemilu.models import TPS

from .conftest import KSATRIAN, LUAR_KEC


def test_konfirmasi_menandai_rekaman_kemudian_tms_ganda_dan_diaudit(pasangan, operator_kota):
    p = pasangan_putuskan(akun=operator_kota, pasangan_id=pasangan.pk,
                          keputusan="dikonfirmasi", alasan="KTP-el di Kedopok")
    assert p.status == StatusPasangan.DIKONFIRMASI and p.diputuskan_oleh == operator_kota
    b = Pemilih.objects.get(pk=pasangan.pemilih_b_id)
    assert (b.status, b.kategori_tms.kode, b.versi) == ("tms", "ganda", 2)
    assert p.pemilih_dicoret_id == b.pk
    assert Pemilih.objects.get(pk=pasangan.pemilih_a_id).status == "aktif"
    riwayat = RiwayatPemilih.objects.get(pemilih=b, aksi="pemilih.tms")
    assert f"pasangan #{pasangan.pk}" in riwayat.alasan
    entri = AuditEntry.objects.get(aksi="ganda.dikonfirmasi", objek_id=str(pasangan.pk))
    assert entri.sesudah["dicoret"] == b.pk and entri.sebelum == {"status": "baru"}


def test_anchors_sidalih_konfirmasi_saat_daftar_dikunci_jadi_koreksi_tertunda(
        pasangan, operator_kota, pemilu, client):
    """ANCHORS.md (SIDALIH 2023): a duplicate confirmed while the list is locked for a
    plenary is decided and audited now; striking the record is queued, shown as pending,
    and applied when the stage is fixed, with the queued correction in its history."""
    b = Pemilih.objects.get(pk=pasangan.pemilih_b_id)
    # Set-up: the struck voter's desa is mapped to a TPS, so its stage can be fixed.
    Pemilih.objects.filter(desa_id=KSATRIAN).update(
        tps=TPS.objects.get(pemilu=pemilu, desa_id=KSATRIAN, nomor=1))
    tahap_kunci(akun=operator_kota, pemilu=pemilu, wilayah_kode=KSATRIAN, tahap="dps")

    p = pasangan_putuskan(akun=operator_kota, pasangan_id=pasangan.pk,
                          keputusan="dikonfirmasi", alasan="KTP-el di Kedopok")
    assert (p.status, p.pemilih_dicoret_id) == (StatusPasangan.DIKONFIRMASI, b.pk)
    k = KoreksiTertunda.objects.get(pemilih=b)
    assert (k.jenis, k.isi["kategori"], k.status) == ("tms", "ganda", "tertunda")
    assert p.koreksi_id == k.pk and f"pasangan #{pasangan.pk}" in k.alasan
    b.refresh_from_db()
    assert (b.status, b.versi) == ("aktif", 1)
    entri = AuditEntry.objects.get(aksi="ganda.dikonfirmasi", objek_id=str(pasangan.pk))
    assert entri.sesudah["koreksi_tertunda"] == k.pk
    assert AuditEntry.objects.filter(aksi="pemilih.koreksi_ajukan", objek_id=str(k.pk)).exists()
    client.force_login(operator_kota)
    antrean = client.get("/ganda/?status=dikonfirmasi").content.decode()
    assert f'data-pasangan="{pasangan.pk}"' in antrean and "koreksi tertunda" in antrean
    rinci = client.get(f"/api/v1/ganda/pasangan/{pasangan.pk}").json()
    assert (rinci["status"], rinci["koreksi_id"], rinci["koreksi_status"]) == (
        "dikonfirmasi", k.pk, "tertunda")

    tahap_tetapkan(akun=operator_kota, pemilu=pemilu, wilayah_kode=KSATRIAN)
    b.refresh_from_db()
    k.refresh_from_db()
    assert (b.status, b.kategori_tms.kode, k.status) == ("tms", "ganda", "diterapkan")
    riwayat = RiwayatPemilih.objects.get(pemilih=b, aksi="pemilih.tms")
    assert f"koreksi tertunda #{k.pk}" in riwayat.alasan
    assert f"pasangan #{pasangan.pk}" in riwayat.alasan
    assert "koreksi tertunda" not in client.get("/ganda/?status=dikonfirmasi").content.decode()


def test_peninjau_boleh_memilih_rekaman_yang_dicoret(pasangan, operator_kota):
    p = pasangan_putuskan(akun=operator_kota, pasangan_id=pasangan.pk, keputusan="dikonfirmasi",
                          pemilih_dicoret_id=pasangan.pemilih_a_id)
    assert p.pemilih_dicoret_id == pasangan.pemilih_a_id
    assert Pemilih.objects.get(pk=pasangan.pemilih_b_id).status == "aktif"


def test_pemilih_dicoret_harus_salah_satu_pasangan(pasangan, operator_kota, buat_pemilih):
    lain = buat_pemilih()
    with pytest.raises(Exception) as e:
        pasangan_putuskan(akun=operator_kota, pasangan_id=pasangan.pk,
                          keputusan="dikonfirmasi", pemilih_dicoret_id=lain.pk)
    assert e.value.code == KodeGanda.PEMILIH_DICORET_BUKAN_PASANGAN
    assert Pemilih.objects.get(pk=lain.pk).status == "aktif"
    assert PasanganGanda.objects.get(pk=pasangan.pk).status == "baru"


def test_tolak_wajib_beralasan_dan_tidak_mengubah_pemilih(pasangan, pps_kedopok):
    with pytest.raises(Exception) as e:
        pasangan_putuskan(akun=pps_kedopok, pasangan_id=pasangan.pk, keputusan="ditolak")
    assert e.value.code == KodeGanda.ALASAN_WAJIB
    # PPS of Kedopok does not cover Ksatrian, where the second record lives
    with pytest.raises(TidakDitemukan):
        pasangan_putuskan(akun=pps_kedopok, pasangan_id=pasangan.pk, keputusan="ditolak",
                          alasan="kembar")


def test_ppk_kecamatan_menolak_dengan_alasan(pasangan, buat_akun, pemilu):
    ppk = buat_akun(Peran.PPK, "35.74.05", pemilu)
    p = pasangan_putuskan(akun=ppk, pasangan_id=pasangan.pk, keputusan="ditolak",
                          alasan="Saudara kembar, sudah dicek ke rumah")
    assert p.status == StatusPasangan.DITOLAK and p.pemilih_dicoret_id is None
    assert not Pemilih.objects.filter(status="tms").exists()
    assert AuditEntry.objects.filter(aksi="ganda.ditolak").count() == 1


def test_pasangan_yang_sudah_diputuskan_tidak_diputuskan_lagi(pasangan, operator_kota):
    pasangan_putuskan(akun=operator_kota, pasangan_id=pasangan.pk, keputusan="ditolak",
                      alasan="beda orang")
    with pytest.raises(Exception) as e:
        pasangan_putuskan(akun=operator_kota, pasangan_id=pasangan.pk,
                          keputusan="dikonfirmasi")
    assert e.value.code == KodeGanda.SUDAH_DIPUTUSKAN


def test_keputusan_tidak_dikenal_ditolak(pasangan, operator_kota):
    with pytest.raises(Exception) as e:
        pasangan_putuskan(akun=operator_kota, pasangan_id=pasangan.pk, keputusan="hapus")
    assert e.value.code == KodeGanda.KEPUTUSAN_TIDAK_DIKENAL


def test_di_luar_wilayah_404_dan_kpps_pantarlih_dilarang(pasangan, buat_akun, akun_per_peran):
    kota_lain = buat_akun(Peran.KPU_KAB_OPERATOR, "35.73")
    with pytest.raises(TidakDitemukan):
        pasangan_putuskan(akun=kota_lain, pasangan_id=pasangan.pk, keputusan="dikonfirmasi")
    for peran in (Peran.KPPS, Peran.PANTARLIH, Peran.PUBLIK):
        with pytest.raises(Dilarang):
            pasangan_putuskan(akun=akun_per_peran[peran], pasangan_id=pasangan.pk,
                              keputusan="dikonfirmasi")
    assert PasanganGanda.objects.get(pk=pasangan.pk).status == "baru"


def test_pindai_menemukan_pemilih_ganda_di_basis_data(daftar_sintetis, operator_kota, pemilu):
    entitas = daftar_sintetis
    run = pemindaian_jalankan(akun=operator_kota, pemilu_id=pemilu.pk)
    assert run.jumlah_rekaman == len(entitas) and run.jumlah_baru == run.jumlah_pasangan
    pasangan = list(PasanganGanda.objects.filter(pemindaian=run))
    benar = sum(entitas[p.pemilih_a_id] == entitas[p.pemilih_b_id] for p in pasangan)
    ukuran = Counter(entitas.values())
    semua = sum(n * (n - 1) // 2 for n in ukuran.values())
    assert semua >= 20
    assert benar / len(pasangan) >= 0.9 and benar / semua >= 0.8, (benar, len(pasangan), semua)
    assert all(p.pemilih_a_id < p.pemilih_b_id and p.penjelasan for p in pasangan)
    assert AuditEntry.objects.filter(aksi="ganda.pindai", objek_id=str(run.pk)).exists()
    # a run over the whole territory is listed for the office that ran it
    assert run.wilayah_kode == "35.74"
    assert run in pemindaian_terakhir(akun=operator_kota, pemilu_id=pemilu.pk)

    # a decision survives the next scan; nothing is queued twice
    pasangan_putuskan(akun=operator_kota, pasangan_id=pasangan[0].pk, keputusan="ditolak",
                      alasan="uji")
    ulang = pemindaian_jalankan(akun=operator_kota, pemilu_id=pemilu.pk)
    assert ulang.jumlah_baru <= 1  # at most the record the decision just left out
    assert PasanganGanda.objects.get(pk=pasangan[0].pk).status == "ditolak"


def test_pindai_hanya_kpu_di_wilayahnya_dan_data_cukup(operator_kota, pps_kedopok, pemilu,
                                                       buat_pemilih):
    with pytest.raises(Dilarang):
        pemindaian_jalankan(akun=pps_kedopok, pemilu_id=pemilu.pk)
    with pytest.raises(TidakDitemukan):
        pemindaian_jalankan(akun=operator_kota, pemilu_id=pemilu.pk, wilayah_kode="35.73")
    buat_pemilih(tanggal_lahir=date(1970, 1, 1))
    with pytest.raises(Exception) as e:
        pemindaian_jalankan(akun=operator_kota, pemilu_id=pemilu.pk, wilayah_kode=LUAR_KEC)
    assert e.value.code == KodeGanda.DATA_TERLALU_SEDIKIT
    with pytest.raises(Exception) as e:
        pemindaian_jalankan(akun=operator_kota, pemilu_id=pemilu.pk, backend="oracle")
    assert e.value.code == KodeGanda.BACKEND_TIDAK_DIKENAL
    assert not PemindaianGanda.objects.exists()


def test_wilayah_pindai_adalah_subpohon_bukan_awalan_teks(buat_akun, pemilu, buat_pemilih):
    """"35.7" is not a prefix of Kota Probolinggo (35.74): its voters are not scanned."""
    for _ in range(12):
        buat_pemilih()
    with pytest.raises(Exception) as e:
        pemindaian_jalankan(akun=buat_akun(Peran.KPU_RI, None), pemilu_id=pemilu.pk,
                            wilayah_kode="35.7")
    assert e.value.code == KodeGanda.DATA_TERLALU_SEDIKIT and "Hanya 0 " in e.value.message
