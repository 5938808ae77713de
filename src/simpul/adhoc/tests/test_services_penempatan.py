from collections import Counter

import pytest

from simpul.adhoc.models import Anggota, Jabatan
from simpul.adhoc.services import anggota_jadikan_ketua, penempatan_jalankan
from simpul.core.audit import audit_verifikasi
from simpul.core.errors import Dilarang, TidakDitemukan
from simpul.core.models import AuditEntry
from simpul.core.roles import Peran
from simpul.pemilu.demo import KEDOPOK
from simpul.pemilu.models import TPS

pytestmark = pytest.mark.django_db


def test_seed_003_2296_kpps_di_328_tps(pilkada, rekrutmen_kpps, operator_kota, pelamar_ms):
    """Seed 003: 2,296 KPPS for the 328 Pilkada TPS of Kota Probolinggo, 7 per TPS with one
    ketua and at least 2 IT-literate, when every kelurahan has enough applicants."""
    per_desa = Counter(TPS.objects.filter(pemilu=pilkada).values_list("desa_id", flat=True))
    for desa, n in per_desa.items():
        pelamar_ms(rekrutmen_kpps, desa, 7 * n + 1, it=2 * n)
    jalan = penempatan_jalankan(akun=operator_kota, rekrutmen_id=rekrutmen_kpps.pk)
    assert jalan.ringkasan["ditempatkan"] == 2296 == jalan.ringkasan["kursi"]
    assert jalan.kekurangan == [] and jalan.ringkasan["tidak_ditempatkan"] == 29
    per_tps = Counter(Anggota.objects.filter(rekrutmen=rekrutmen_kpps)
                      .values_list("tps_id", "jabatan"))
    assert len({t for t, _ in per_tps}) == 328
    assert all(per_tps[(t, Jabatan.KETUA)] == 1 and per_tps[(t, Jabatan.ANGGOTA)] == 6
               for t, _ in per_tps)
    it = Counter(Anggota.objects.filter(rekrutmen=rekrutmen_kpps, pendaftar__melek_it=True)
                 .values_list("tps_id", flat=True))
    assert min(it.values()) >= 2 and len(it) == 328
    entri = AuditEntry.objects.get(aksi="adhoc.penempatan.jalankan")
    assert entri.sesudah["ditempatkan"] == 2296 and len(entri.sesudah["sidik"]) == 64
    assert audit_verifikasi().utuh


def test_laporan_tps_yang_tidak_terisi_dan_jalankan_ulang(pilkada, rekrutmen_kpps,
                                                           operator_kota, pelamar_ms):
    """Every TPS that cannot be filled is reported with its reason; a second run after new
    applicants fills only the vacant seats."""
    tps = list(TPS.objects.filter(pemilu=pilkada, desa_id=KEDOPOK).order_by("nomor"))
    pelamar_ms(rekrutmen_kpps, KEDOPOK, 7 * len(tps) - 3, it=len(tps))
    jalan = penempatan_jalankan(akun=operator_kota, rekrutmen_id=rekrutmen_kpps.pk)
    kedopok = [k for k in jalan.kekurangan if k["wilayah"] == KEDOPOK]
    assert sum(k["kursi_kosong"] for k in kedopok) == 3
    assert sum(k["kurang_it"] for k in kedopok) == len(tps)
    assert any("kurang melek IT" in a for k in kedopok for a in k["alasan"])
    assert all("kurang pendaftar" in k["alasan"][0] for k in jalan.kekurangan
               if k["wilayah"] != KEDOPOK)
    pelamar_ms(rekrutmen_kpps, KEDOPOK, 3 + len(tps), it=len(tps) + 3)
    kedua = penempatan_jalankan(akun=operator_kota, rekrutmen_id=rekrutmen_kpps.pk)
    assert kedua.ringkasan["terisi_sebelumnya"] == 7 * len(tps) - 3
    # The vacant seats are filled; seats already held are not reshuffled, so a full TPS
    # that still lacks IT-literate members stays on the report for staff to act on.
    sisa = [k for k in kedua.kekurangan if k["wilayah"] == KEDOPOK]
    assert sisa and all(k["kursi_kosong"] == 0 and k["kurang_it"] for k in sisa)
    assert Anggota.objects.filter(rekrutmen=rekrutmen_kpps, jabatan=Jabatan.KETUA,
                                  wilayah_id=KEDOPOK).count() == len(tps)
    # The rest went to TPS elsewhere in the kecamatan, marked as placed away from home.
    assert Anggota.objects.filter(rekrutmen=rekrutmen_kpps, jarak=1).exclude(
        wilayah_id=KEDOPOK).count() == len(tps)


def test_pps_tiga_per_kelurahan(pilkada, operator_kota, pelamar_ms):
    """PPS: 3 per desa/kelurahan (RULES.md §1 line 21), placed in the desa applied for."""
    from datetime import timedelta

    from django.utils import timezone

    from simpul.adhoc.services import rekrutmen_buat
    hari_ini = timezone.localdate()
    r = rekrutmen_buat(akun=operator_kota, pemilu=pilkada, badan="pps", kode_wilayah="35.74",
                       nama="PPS", pengumuman=hari_ini, pendaftaran_mulai=hari_ini,
                       pendaftaran_selesai=hari_ini + timedelta(days=3))
    pelamar_ms(r, KEDOPOK, 5)
    jalan = penempatan_jalankan(akun=operator_kota, rekrutmen_id=r.pk)
    assert jalan.ringkasan["kursi"] == 29 * 3 and jalan.ringkasan["ditempatkan"] == 3
    assert Anggota.objects.filter(rekrutmen=r, wilayah_id=KEDOPOK, tps=None).count() == 3


def test_hanya_kpu_di_wilayahnya_yang_menempatkan(pemilu, rekrutmen_kpps, buat_akun):
    with pytest.raises(Dilarang):
        penempatan_jalankan(akun=buat_akun(Peran.PPS, KEDOPOK, rekrutmen_kpps.pemilu),
                            rekrutmen_id=rekrutmen_kpps.pk)
    with pytest.raises(TidakDitemukan):
        penempatan_jalankan(akun=buat_akun(Peran.KPU_KAB_OPERATOR, "35.13"),
                            rekrutmen_id=rekrutmen_kpps.pk)
    assert not Anggota.objects.exists()


def test_ketua_diganti(pilkada, rekrutmen_kpps, operator_kota, pelamar_ms):
    pelamar_ms(rekrutmen_kpps, KEDOPOK, 7, it=2)
    penempatan_jalankan(akun=operator_kota, rekrutmen_id=rekrutmen_kpps.pk)
    anggota = Anggota.objects.filter(rekrutmen=rekrutmen_kpps, jabatan=Jabatan.ANGGOTA).first()
    anggota_jadikan_ketua(akun=operator_kota, anggota_id=anggota.pk)
    ketua = Anggota.objects.filter(rekrutmen=rekrutmen_kpps, tps=anggota.tps,
                                   jabatan=Jabatan.KETUA)
    assert list(ketua) == [anggota]
    assert AuditEntry.objects.filter(aksi="adhoc.anggota.ketua").count() == 1


def test_halaman_dan_api_penempatan(client, pilkada, rekrutmen_kpps, operator_kota, pelamar_ms,
                                     buat_akun):
    pelamar_ms(rekrutmen_kpps, KEDOPOK, 9, it=3)
    client.force_login(operator_kota)
    assert client.get("/adhoc/rekrutmen/").status_code == 200
    r = client.post(f"/adhoc/rekrutmen/{rekrutmen_kpps.pk}/anggota/")
    assert r.status_code == 302
    halaman = client.get(f"/adhoc/rekrutmen/{rekrutmen_kpps.pk}/anggota/").content.decode()
    assert 'data-testid="kekurangan"' in halaman and "kurang pendaftar" in halaman
    api = client.get(f"/api/v1/adhoc/rekrutmen/{rekrutmen_kpps.pk}/anggota").json()
    assert len(api) == 9 and all("*" in a["nik"] for a in api)
    assert client.get(f"/api/v1/adhoc/rekrutmen/{rekrutmen_kpps.pk}/penempatan").json()[
        "ringkasan"]["ditempatkan"] == 9
    # A PPS of the kelurahan sees its members, may not run the placement.
    client.force_login(buat_akun(Peran.PPS, KEDOPOK, pilkada))
    assert len(client.get(f"/api/v1/adhoc/rekrutmen/{rekrutmen_kpps.pk}/anggota").json()) == 9
    ditolak = client.post(f"/api/v1/adhoc/rekrutmen/{rekrutmen_kpps.pk}/penempatan")
    assert ditolak.status_code == 403
    # Another kab/kota does not see the round at all.
    client.force_login(buat_akun(Peran.KPU_KAB_OPERATOR, "35.13"))
    assert client.get(f"/adhoc/rekrutmen/{rekrutmen_kpps.pk}/anggota/").status_code == 404
