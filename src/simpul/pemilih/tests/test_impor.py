import io
from datetime import date

import pytest

from simpul.core.errors import Dilarang, SimpulError
from simpul.core.models import AuditEntry
from simpul.core.roles import Peran
from simpul.core.tabel import tulis_csv
from simpul.pemilih.errors import KodePemilih
from simpul.pemilih.impor import KOLOM
from simpul.pemilih.models import ImporPemilih, Pemilih, RiwayatPemilih, StatusImpor
from simpul.pemilih.services import impor_mulai
from simpul.pemilih.sintetis import Derau, penduduk_buat
from simpul.pemilu.demo import KEDOPOK

from .conftest import nik_untuk

pytestmark = pytest.mark.usefixtures("celery_langsung")


@pytest.fixture
def operator(buat_akun):
    return buat_akun(Peran.KPU_KAB_OPERATOR, "35.74")


def baris(i: int, **kw) -> dict:
    lahir = kw.pop("lahir", date(1980, 1, 1 + i % 28))
    nilai = {"nik": nik_untuk(lahir, urut=i), "nkk": f"357405010120{i:04d}",
             "nama": f"WARGA {i}", "tanggal_lahir": lahir.isoformat(), "jenis_kelamin": "L",
             "kode_desa": KEDOPOK, "tempat_lahir": "PROBOLINGGO", "status_kawin": "S",
             "alamat": "JL. MAWAR 1", "rt": "001", "rw": "002", "disabilitas": "0"}
    nilai.update(kw)
    return nilai


def berkas(rows: list[dict], kolom=KOLOM) -> bytes:
    return tulis_csv(kolom, ([r.get(k, "") for k in kolom] for r in rows))


def impor(akun, pemilu, data, nama="dp4.csv", capture=None) -> ImporPemilih:
    with capture(execute=True):
        job = impor_mulai(akun=akun, pemilu=pemilu, data=data, nama_berkas=nama)
    job.refresh_from_db()
    return job


def test_baris_baik_masuk_baris_salah_dilaporkan_dengan_nomor_baris(
        operator, pemilu, django_capture_on_commit_callbacks):
    rows = [baris(i) for i in range(1, 6)]
    rows.append(baris(6, nik="2"))                                   # line 7
    rows.append(baris(7, kode_desa="35.74.05.9999"))                 # line 8
    rows.append(baris(8, kode_desa="35.73.01.1001"))                 # line 9, outside
    rows.append(baris(9, tanggal_lahir="1980-02-30"))                # line 10
    rows.append(baris(10, lahir=date(2030, 1, 1)))                   # line 11
    rows.append(dict(rows[0], nama="WARGA SATU LAGI"))               # line 12, duplicate
    rows.append(baris(12, nkk="12"))                                 # line 13
    job = impor(operator, pemilu, berkas(rows), capture=django_capture_on_commit_callbacks)
    assert job.status == StatusImpor.SELESAI
    assert (job.jumlah_baris, job.dibuat_jumlah, job.galat_jumlah) == (12, 5, 7)
    galat = {t.baris: t.kode for t in job.temuan.filter(galat=True)}
    assert galat == {7: "nik.panjang", 8: KodePemilih.DESA_TIDAK_VALID,
                     9: KodePemilih.DESA_TIDAK_VALID, 10: "pemilih.tanggal_lahir_tidak_valid",
                     11: "pemilih.tanggal_lahir_tidak_mungkin", 12: KodePemilih.NIK_GANDA,
                     13: "nkk.tidak_valid"}
    assert "baris 2" in job.temuan.get(baris=12).pesan
    assert Pemilih.objects.filter(pemilu=pemilu, impor=job).count() == 5
    assert AuditEntry.objects.filter(aksi="pemilih.impor", objek_id=str(job.pk)).exists()


def test_impor_ulang_berkas_sama_tidak_mengubah_apa_pun(operator, pemilu,
                                                         django_capture_on_commit_callbacks):
    data = berkas([baris(i) for i in range(1, 21)])
    pertama = impor(operator, pemilu, data, capture=django_capture_on_commit_callbacks)
    sebelum = list(Pemilih.objects.filter(pemilu=pemilu).order_by("nik")
                   .values_list("nik", "nama", "versi", "diubah"))
    kedua = impor(operator, pemilu, data, capture=django_capture_on_commit_callbacks)
    assert (pertama.dibuat_jumlah, kedua.dibuat_jumlah, kedua.diubah_jumlah,
            kedua.tetap_jumlah) == (20, 0, 0, 20)
    assert list(Pemilih.objects.filter(pemilu=pemilu).order_by("nik")
                .values_list("nik", "nama", "versi", "diubah")) == sebelum
    assert not RiwayatPemilih.objects.exists()


def test_impor_ulang_baris_berubah_dicatat_di_riwayat(operator, pemilu,
                                                       django_capture_on_commit_callbacks):
    rows = [baris(i) for i in range(1, 4)]
    impor(operator, pemilu, berkas(rows), capture=django_capture_on_commit_callbacks)
    rows[1] = dict(rows[1], alamat="JL. MELATI 9")
    job = impor(operator, pemilu, berkas(rows), capture=django_capture_on_commit_callbacks)
    assert (job.dibuat_jumlah, job.diubah_jumlah, job.tetap_jumlah) == (0, 1, 2)
    p = Pemilih.objects.get(pemilu=pemilu, nik=rows[1]["nik"])
    assert p.alamat == "JL. MELATI 9" and p.versi == 2
    r = RiwayatPemilih.objects.get(pemilih=p)
    assert r.aksi == "pemilih.impor_ubah" and r.akun == operator
    assert r.sebelum["alamat"] == "JL. MAWAR 1" and r.sesudah["alamat"] == "JL. MELATI 9"


def test_nik_beda_tanggal_dan_jenis_kelamin_adalah_peringatan_yang_disimpan(
        operator, pemilu, django_capture_on_commit_callbacks):
    rows = [baris(1, tanggal_lahir="1980-03-05"), baris(2, jenis_kelamin="P"),
            baris(3, tanggal_lahir="05-01-1980", lahir=date(1980, 1, 5))]
    job = impor(operator, pemilu, berkas(rows), capture=django_capture_on_commit_callbacks)
    assert (job.dibuat_jumlah, job.galat_jumlah, job.peringatan_jumlah) == (3, 0, 2)
    p1 = Pemilih.objects.get(pemilu=pemilu, nik=rows[0]["nik"])
    assert p1.tanggal_lahir == date(1980, 3, 5) and p1.peringatan == ["nik.tanggal_lahir_beda"]
    p2 = Pemilih.objects.get(pemilu=pemilu, nik=rows[1]["nik"])
    assert p2.jenis_kelamin == "P" and p2.peringatan == ["nik.jenis_kelamin_beda"]
    assert Pemilih.objects.get(pemilu=pemilu, nik=rows[2]["nik"]).peringatan == []
    assert set(job.temuan.filter(galat=False).values_list("kode", flat=True)) == {
        "nik.tanggal_lahir_beda", "nik.jenis_kelamin_beda"}


@pytest.mark.parametrize("data,nama,kode", [
    (b"nik,nama\n3574051201800001,BUDI\n", "dp4.csv", KodePemilih.BERKAS_TIDAK_VALID),
    ("nik,nkk,nama,tanggal_lahir,jenis_kelamin,kode_desa\n3574050101800001,"
     "3574050101200001,JOS\xc9,1980-01-01,L,35.74.05.1005\n".encode("latin-1"),
     "dp4.csv", KodePemilih.BERKAS_TIDAK_VALID),
    (b"nik,nkk,nama,tanggal_lahir,jenis_kelamin,kode_desa\n", "dp4.csv",
     KodePemilih.BERKAS_TIDAK_VALID),
    (b"PK\x03\x04rusak", "dp4.xlsx", KodePemilih.BERKAS_TIDAK_VALID),
])
def test_berkas_tidak_terbaca_menggagalkan_tugas_dengan_alasan(
        operator, pemilu, django_capture_on_commit_callbacks, data, nama, kode):
    job = impor(operator, pemilu, data, nama=nama, capture=django_capture_on_commit_callbacks)
    assert job.status == StatusImpor.GAGAL and job.kode_galat == kode and job.pesan
    assert not Pemilih.objects.filter(pemilu=pemilu).exists()


def test_kolom_salah_menyebut_kolom_yang_kurang(operator, pemilu,
                                                django_capture_on_commit_callbacks):
    job = impor(operator, pemilu, b"nik,nama\n3574051201800001,BUDI\n",
                capture=django_capture_on_commit_callbacks)
    assert "nkk" in job.pesan and "kode_desa" in job.pesan


def test_encoding_salah_disebut(operator, pemilu, django_capture_on_commit_callbacks):
    data = "nik,nkk,nama,tanggal_lahir,jenis_kelamin,kode_desa\n1,2,JOS\xc9,x,L,y\n"
    job = impor(operator, pemilu, data.encode("latin-1"),
                capture=django_capture_on_commit_callbacks)
    assert "UTF-8" in job.pesan


@pytest.mark.parametrize("data,nama,kode", [
    (b"", "dp4.csv", KodePemilih.BERKAS_TIDAK_VALID),
    (b"  \n", "dp4.csv", KodePemilih.BERKAS_TIDAK_VALID),
    (b"nik\n1\n", "dp4.pdf", KodePemilih.BERKAS_TIDAK_VALID),
])
def test_berkas_kosong_atau_jenis_salah_ditolak_sebelum_antre(operator, pemilu, data, nama,
                                                              kode):
    with pytest.raises(SimpulError) as e:
        impor_mulai(akun=operator, pemilu=pemilu, data=data, nama_berkas=nama)
    assert e.value.code == kode
    assert not ImporPemilih.objects.exists()


def test_berkas_terlalu_besar_ditolak(operator, pemilu, settings):
    settings.SIMPUL_PEMILIH_BATAS_BYTE = 2000
    data = berkas([baris(i) for i in range(1, 40)])
    assert len(data) > 2000
    with pytest.raises(SimpulError) as e:
        impor_mulai(akun=operator, pemilu=pemilu, data=data, nama_berkas="dp4.csv")
    assert e.value.code == KodePemilih.BERKAS_TERLALU_BESAR
    assert not ImporPemilih.objects.exists()


def test_impor_xlsx_dengan_sel_tanggal(operator, pemilu, django_capture_on_commit_callbacks):
    from openpyxl import Workbook

    buku = Workbook()
    lembar = buku.active
    lembar.append(KOLOM)
    for i in range(1, 4):
        r = baris(i)
        r["tanggal_lahir"] = date.fromisoformat(r["tanggal_lahir"])
        lembar.append([r[k] for k in KOLOM])
    keluaran = io.BytesIO()
    buku.save(keluaran)
    job = impor(operator, pemilu, keluaran.getvalue(), nama="dp4.xlsx",
                capture=django_capture_on_commit_callbacks)
    assert (job.status, job.dibuat_jumlah, job.galat_jumlah) == (StatusImpor.SELESAI, 3, 0)


def test_hanya_kpu_yang_mengimpor(buat_akun, pemilu):
    pps = buat_akun(Peran.PPS, KEDOPOK, pemilu)
    with pytest.raises(Dilarang):
        impor_mulai(akun=pps, pemilu=pemilu, data=berkas([baris(1)]), nama_berkas="dp4.csv")


def test_impor_populasi_sintetis_berderau(operator, pilkada, django_capture_on_commit_callbacks):
    """Generated noisy voters: every record is either imported or reported, none lost."""
    daftar, benar = penduduk_buat(desa=[KEDOPOK, "35.74.05.1006", "35.74.01.1001"],
                                  jumlah=1500, seed=5, derau=Derau.dari_teks("0.03"),
                                  tanggal_acuan=pilkada.tanggal_pemungutan)
    keluaran = io.BytesIO()
    daftar.write_csv(keluaran)
    job = impor(operator, pilkada, keluaran.getvalue(), capture=django_capture_on_commit_callbacks)
    assert job.status == StatusImpor.SELESAI
    assert job.dibuat_jumlah + job.galat_jumlah == 1500
    nik_ganda = len(daftar) - daftar["nik"].n_unique()
    assert job.temuan.filter(kode=KodePemilih.NIK_GANDA).count() == nik_ganda
    assert job.galat_jumlah == nik_ganda
    assert job.peringatan_jumlah >= benar["tukar"].sum() // 3


def test_saringan_cepat_tidak_pernah_meloloskan_baris_bertemuan(pemilu):
    """The vectorised pre-filter may send clean rows to `pemilih_periksa`, but must never
    pass a row in which `pemilih_periksa` (and the desa/disability/duplicate checks) would
    find anything."""
    import polars as pl

    from simpul.pemilih.impor import _curiga, _tanggal, _tanggal_vektor
    from simpul.pemilih.rules import pemilih_periksa

    desa = [KEDOPOK, "35.74.05.1006", "35.74.01.1001"]
    daftar, _ = penduduk_buat(desa=desa, jumlah=4000, seed=9, derau=Derau.dari_teks("0.08"),
                              tanggal_acuan=pemilu.tanggal_pemungutan)
    df = daftar.drop("id_rekam").with_columns(pl.col("tanggal_lahir").cast(pl.Utf8),
                                              pl.col("disabilitas").cast(pl.Utf8))
    aneh = [baris(i, **kw) for i, kw in enumerate([
        {"tanggal_lahir": "1980-1-5"}, {"tanggal_lahir": "05/01/1980"},
        {"tanggal_lahir": "05-01/1980"}, {"tanggal_lahir": "2008-02-29"},
        {"rt": "0"}, {"rw": "１２"}, {"nik": "３５７４０５０１０１８０００１"},
        {"jenis_kelamin": "l"}, {"status_kawin": "s"}, {"disabilitas": "7"},
        {"nik": "3574054101800001"}, {"nik": "3574050001800001"},
        {"lahir": date(2007, 2, 14), "status_kawin": "B"},
        {"lahir": date(2007, 2, 15), "status_kawin": "B"}], start=100)]
    df = pl.concat([df, pl.DataFrame(aneh).select(df.columns)])
    kecamatan = {"35.74.01", "35.74.05"}
    df = df.with_columns(_tgl=_tanggal_vektor(pl.col("tanggal_lahir")))
    curiga = _curiga(df, kecamatan=kecamatan, desa=set(desa), hari_ini=date(2024, 1, 1),
                     pemungutan=pemilu.tanggal_pemungutan)
    lolos = df.filter(~curiga)
    assert 0 < len(lolos) < len(df)
    for r in lolos.iter_rows(named=True):
        tgl = _tanggal(r["tanggal_lahir"])
        assert tgl == r["_tgl"]
        assert pemilih_periksa(nik=r["nik"], nkk=r["nkk"], nama=r["nama"], tanggal_lahir=tgl,
                               jenis_kelamin=r["jenis_kelamin"].upper(),
                               status_kawin=r["status_kawin"].upper(), rt=r["rt"], rw=r["rw"],
                               tanggal_pemungutan=pemilu.tanggal_pemungutan,
                               kecamatan_ada=kecamatan.__contains__,
                               hari_ini=date(2024, 1, 1)) == [], r
        assert r["kode_desa"] in desa and r["disabilitas"] in "0123456"
    assert lolos["nik"].is_unique().all()


def test_berkas_hilang_menggagalkan_tugas_bukan_macet(operator, pemilu,
                                                      django_capture_on_commit_callbacks):
    from simpul.pemilih.services import impor_jalankan

    job = impor_mulai(akun=operator, pemilu=pemilu, data=berkas([baris(1)]),
                      nama_berkas="dp4.csv", latar=False)
    assert job.status == StatusImpor.SELESAI
    kedua = impor_mulai(akun=operator, pemilu=pemilu, data=berkas([baris(2)]),
                        nama_berkas="dp4.csv", latar=True)
    kedua.berkas.delete(save=False)
    hasil = impor_jalankan(impor_id=kedua.pk)
    assert hasil.status == StatusImpor.GAGAL and hasil.kode_galat == "pemilih.impor_galat_sistem"
    # A redelivered task finds the job done and does nothing.
    assert impor_jalankan(impor_id=job.pk).dibuat_jumlah == 1
