from datetime import date

import polars as pl
import pytest
from django.core.management import call_command

from simpul.core.nik import nik_periksa, nik_urai
from simpul.pemilih.sintetis import KOLOM_PEMILIH, Derau, penduduk_buat

DESA = ["35.74.01.1001", "35.74.01.1002", "35.74.03.1001", "35.74.05.1005", "35.74.05.1006"]
ACUAN = date(2024, 2, 14)


@pytest.fixture(scope="module")
def bersih():
    return penduduk_buat(desa=DESA, jumlah=3000, seed=11, tanggal_acuan=ACUAN)


@pytest.fixture(scope="module")
def berderau():
    return penduduk_buat(desa=DESA, jumlah=20_000, seed=12, tanggal_acuan=ACUAN,
                         derau=Derau.dari_teks("0.05"))


def test_kolom_sama_dengan_kolom_impor(bersih):
    daftar, benar = bersih
    assert daftar.columns == ["id_rekam", *KOLOM_PEMILIH]
    assert len(daftar) == len(benar) == 3000


def test_nik_permendagri_108_2019_konsisten_dengan_wilayah_tanggal_dan_jenis_kelamin(bersih):
    daftar, _ = bersih
    assert daftar["nik"].n_unique() == len(daftar)
    for r in daftar.sample(400, seed=1).iter_rows(named=True):
        assert nik_periksa(r["nik"], tanggal_lahir=r["tanggal_lahir"],
                           jenis_kelamin=r["jenis_kelamin"],
                           kecamatan_ada=lambda k: k in {d[:8] for d in DESA},
                           hari_ini=ACUAN) == []
        assert nik_urai(r["nik"], hari_ini=ACUAN).kode_kecamatan == r["kode_desa"][:8]


def test_semua_berusia_pemilih_dan_keluarga_berbagi_kk_dan_alamat(bersih):
    daftar, _ = bersih
    usia = (pl.lit(ACUAN) - daftar["tanggal_lahir"]).dt.total_days() / 365.25
    assert daftar.select(usia.min()).item() >= 17
    # Ages are drawn, not clipped: no pile of people on one birth date (NIK serials).
    assert daftar["tanggal_lahir"].value_counts()["count"].max() <= 6
    kk = daftar.group_by("nkk").agg(pl.len(), pl.col("kode_desa").n_unique().alias("desa"),
                                    pl.col("rt").n_unique().alias("rt"),
                                    pl.col("alamat").n_unique().alias("alamat"))
    assert kk["len"].max() >= 3 and kk["len"].mean() > 1.5
    assert kk["desa"].max() == 1 and kk["rt"].max() == 1 and kk["alamat"].max() == 1
    assert set(daftar["kode_desa"]) <= set(DESA)


def test_nama_tanpa_gelar_dan_beragam(bersih):
    daftar, _ = bersih
    nama = daftar["nama"]
    assert not nama.str.contains(r"\.").any()
    for gelar in ("DRS", "HJ", "IR", "S.KOM", "KH"):
        assert not nama.str.split(" ").list.contains(gelar).any()
    assert nama.n_unique() > 0.6 * len(nama)
    assert daftar["jenis_kelamin"].value_counts()["count"].min() > 1000


def test_sama_seed_sama_hasil(bersih):
    lagi, _ = penduduk_buat(desa=DESA, jumlah=3000, seed=11, tanggal_acuan=ACUAN)
    assert lagi.equals(bersih[0])


def test_derau_tercatat_di_kebenaran(berderau):
    daftar, benar = berderau
    gabung = daftar.join(benar, on="id_rekam")
    for kolom in ("salah_ketik", "tukar", "hilang", "pindah", "meninggal"):
        assert 0.03 < gabung[kolom].mean() < 0.07, kolom
    ganda = gabung.filter(pl.col("ganda"))
    assert 0.03 < len(ganda) / len(gabung) < 0.07
    # Each duplicate is a second record of a person who is also listed, in another desa.
    asli = gabung.filter(~pl.col("ganda")).select("id_entitas", pl.col("desa_asli").alias("d"))
    pasangan = ganda.join(asli, on="id_entitas")
    assert len(pasangan) == len(ganda)
    assert (pasangan["kode_desa"] != pasangan["d"]).mean() > 0.7
    pindah = gabung.filter(pl.col("pindah") & ~pl.col("ganda"))
    assert (pindah["kode_desa"] != pindah["desa_asli"]).all()
    kosong = gabung.filter(pl.col("hilang"))
    assert ((kosong["rt"] == "000") | (kosong["tempat_lahir"] == "") | (kosong["alamat"] == "")
            | (kosong["status_kawin"] == "")).all()
    ketik = gabung.filter(pl.col("salah_ketik") & ~pl.col("tukar"))
    bersih_nama = penduduk_buat(desa=DESA, jumlah=20_000, seed=12, tanggal_acuan=ACUAN)[0]
    assert len(ketik) > 0 and set(ketik["nama"]) - set(bersih_nama["nama"])


def test_derau_dari_teks():
    assert Derau.dari_teks("0.1").ganda == 0.1
    d = Derau.dari_teks("salah_ketik=0.02, ganda=0.01")
    assert (d.salah_ketik, d.ganda, d.pindah) == (0.02, 0.01, 0.0)
    with pytest.raises(ValueError):
        Derau.dari_teks("gempa=0.1")
    with pytest.raises(ValueError):
        Derau.dari_teks("ganda=2")


def test_perintah_generate(db, tmp_path):
    keluar = tmp_path / "p.parquet"
    call_command("pemilih", "generate", "--wilayah", "35.74", "--jumlah", "500", "--seed", "3",
                 "--noise", "ganda=0.1", "-o", str(keluar))
    daftar = pl.read_parquet(keluar)
    benar = pl.read_parquet(tmp_path / "p.kebenaran.parquet")
    assert len(daftar) == 500 and benar["ganda"].sum() > 20
    assert daftar["kode_desa"].str.starts_with("35.74.").all()
    assert daftar["kode_desa"].n_unique() > 20
