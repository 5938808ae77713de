"""A synthetic population list (DP4-like) for tests, demos and benchmarks.

People live in families that share a KK, in real desa/kelurahan of a region, by RW and
RT; NIKs follow Permendagri 108/2019 (kecamatan code, birth date with +40 for women,
a serial unique per kecamatan and date). Names come from Faker's `id_ID` pools (first
and last names only, so no academic or religious titles), combined for variety.
Noise is applied on top with the truth kept aside, so matching can be measured.

Everything is vectorised with numpy and Polars; only the noisy few rows (typos) go
through Python one by one.
"""

from dataclasses import dataclass, fields
from datetime import date

import numpy as np
import polars as pl

KOLOM_PEMILIH = ["nik", "nkk", "nama", "tempat_lahir", "tanggal_lahir", "jenis_kelamin",
                 "status_kawin", "alamat", "rt", "rw", "kode_desa", "disabilitas"]


@dataclass(frozen=True)
class Derau:
    """Share of records hit by each kind of noise (0–1)."""

    salah_ketik: float = 0.0  # a typo in the name
    tukar: float = 0.0  # day and month of birth swapped, or name parts swapped
    hilang: float = 0.0  # a missing element: RT/RW 000, no birthplace, address or status
    pindah: float = 0.0  # listed in another desa than the one they live in
    meninggal: float = 0.0  # dead but still listed
    ganda: float = 0.0  # listed a second time in another region

    @classmethod
    def dari_teks(cls, teks: str) -> "Derau":
        """`"0.02"` sets every rate; `"salah_ketik=0.02,ganda=0.01"` sets the named ones."""
        teks = (teks or "").strip()
        if not teks:
            return cls()
        nama = [f.name for f in fields(cls)]
        if "=" not in teks:
            return cls(**dict.fromkeys(nama, float(teks)))
        nilai = {}
        for bagian in teks.split(","):
            k, _, v = bagian.partition("=")
            k = k.strip()
            if k not in nama:
                raise ValueError(f"jenis derau '{k}' tidak dikenal (pilihan: {', '.join(nama)})")
            nilai[k] = float(v)
        for k, v in nilai.items():
            if not 0 <= v <= 1:
                raise ValueError(f"derau {k}={v} harus antara 0 dan 1")
        return cls(**nilai)


def _pool_nama(seed: int) -> tuple[list[str], ...]:
    from faker import Faker

    fake = Faker("id_ID")
    fake.seed_instance(seed)
    orang = next(p for p in fake.get_providers() if type(p).__module__.endswith("person.id_ID"))
    alamat = next(p for p in fake.get_providers()
                  if type(p).__module__.endswith("address.id_ID"))

    def bersih(nama) -> list[str]:
        # Titles live in separate prefix/suffix pools; drop anything that still looks like one.
        return sorted({n.upper() for n in nama if "." not in n and n.strip()})

    return (bersih(orang.first_names_male), bersih(orang.first_names_female),
            bersih(orang.last_names_male), bersih(orang.last_names_female),
            bersih(alamat.streets), bersih(alamat.cities))


def _ambil(pool: list[str], indeks: np.ndarray) -> pl.Series:
    return pl.Series(pool, dtype=pl.Utf8).gather(indeks)


def _hari_ke_tanggal(hari: np.ndarray) -> np.ndarray:
    return (np.datetime64("1970-01-01") + hari.astype("timedelta64[D]")).astype("datetime64[D]")


def _kode_tanggal(lahir: np.ndarray, perempuan: np.ndarray) -> pl.Series:
    """DDMMYY of the NIK, with 40 added to the day for women."""
    s = pl.Series(lahir).cast(pl.Date)
    hari = s.dt.day().cast(pl.Int32) + pl.Series(perempuan.astype(np.int32) * 40)
    return pl.DataFrame({"h": hari, "b": s.dt.month(), "t": s.dt.year() % 100}).select(
        pl.format("{}{}{}", pl.col("h").cast(pl.Utf8).str.zfill(2),
                  pl.col("b").cast(pl.Utf8).str.zfill(2),
                  pl.col("t").cast(pl.Utf8).str.zfill(2))).to_series()


def _nomor_unik(awalan: pl.Series, acak: np.random.Generator) -> pl.Series:
    """16-digit numbers `awalan` (12 digits) + a 4-digit serial unique per prefix."""
    df = pl.DataFrame({"a": awalan, "u": acak.random(len(awalan))})
    terbanyak = df["a"].value_counts()["count"].max() if len(df) else 0
    if terbanyak > 9999:
        raise ValueError(f"{terbanyak} orang berbagi awalan nomor; nomor urut hanya 4 digit")
    return df.select(pl.col("a") + (pl.int_range(pl.len()).sort_by("u").over("a") + 1)
                     .cast(pl.Utf8).str.zfill(4)).to_series()


def _salah_ketik(nama: str, acak: np.random.Generator) -> str:
    if len(nama) < 3:
        return nama + "A"
    i = int(acak.integers(1, len(nama) - 1))
    jenis = int(acak.integers(0, 4))
    if jenis == 0:  # one letter replaced
        return nama[:i] + "AEIOUNRSTH"[int(acak.integers(0, 10))] + nama[i + 1:]
    if jenis == 1:  # one letter dropped
        return nama[:i] + nama[i + 1:]
    if jenis == 2:  # one letter doubled
        return nama[:i] + nama[i] + nama[i:]
    return nama[:i - 1] + nama[i] + nama[i - 1] + nama[i + 1:]  # neighbours swapped


def penduduk_buat(*, desa: list[str], jumlah: int, seed: int = 1, derau: Derau | None = None,
                  tanggal_acuan: date = date(2024, 2, 14),
                  nama_kota: str = "") -> tuple[pl.DataFrame, pl.DataFrame]:
    """`jumlah` records over the given desa codes: (list, truth).

    The list has `id_rekam` and the import columns; the truth has, per record, the
    person (`id_entitas`), their true NIK and desa, and which noise was applied."""
    if not desa:
        raise ValueError("tidak ada desa/kelurahan di wilayah ini")
    if jumlah < 1:
        raise ValueError("jumlah harus lebih dari 0")
    derau = derau or Derau()
    acak = np.random.default_rng(seed)
    laki, perempuan_, akhir_laki, akhir_pr, jalan, kota = _pool_nama(seed)
    desa_arr = np.array(sorted(desa))
    n_desa = len(desa_arr)

    n_orang = max(1, round(jumlah / (1 + derau.ganda)))
    n_ganda = jumlah - n_orang

    # --- families, each with a head, maybe a spouse, and adult children --------------------
    n_kel = n_orang // 2 + 16
    punya_pasangan = acak.random(n_kel) < 0.8
    anak = acak.choice(4, size=n_kel, p=[0.45, 0.30, 0.17, 0.08])
    ukuran = 1 + punya_pasangan + anak
    batas = np.searchsorted(np.cumsum(ukuran), n_orang)
    ukuran = ukuran[: batas + 1]
    ukuran[-1] -= ukuran.sum() - n_orang
    n_kel = len(ukuran)
    punya_pasangan = punya_pasangan[:n_kel]
    kel = np.repeat(np.arange(n_kel), ukuran)
    awal = np.repeat(np.cumsum(ukuran) - ukuran, ukuran)
    posisi = np.arange(n_orang) - awal
    pasangan = punya_pasangan[kel] & (posisi == 1)
    kepala = posisi == 0

    bobot = acak.uniform(0.5, 1.5, n_desa)
    desa_kel = acak.choice(n_desa, size=n_kel, p=bobot / bobot.sum())
    rw_maks = acak.integers(3, 13, n_desa)
    rw_kel = (acak.random(n_kel) * rw_maks[desa_kel]).astype(np.int32) + 1
    rt_kel = acak.integers(1, 9, n_kel)
    jalan_desa = acak.integers(0, len(jalan), (n_desa, 6))
    jalan_kel = jalan_desa[desa_kel, acak.integers(0, 6, n_kel)]
    rumah_kel = acak.integers(1, 200, n_kel)

    kepala_laki = acak.random(n_kel) < 0.88
    laki_arr = np.where(kepala, kepala_laki[kel],
                        np.where(pasangan, ~kepala_laki[kel], acak.random(n_orang) < 0.5))
    usia_kepala = acak.normal(47, 13, n_kel)
    usia_kepala = np.where((usia_kepala < 21) | (usia_kepala > 92),
                           acak.uniform(21, 70, n_kel), usia_kepala)
    usia = np.where(kepala, usia_kepala[kel],
                    np.where(pasangan, usia_kepala[kel] + acak.normal(-3, 4, n_orang),
                             usia_kepala[kel] - acak.uniform(20, 38, n_orang)))
    # Redraw out-of-range ages (not clip): a clipped age piles people on one birth date.
    usia = np.where(usia < 17.05, acak.uniform(17.05, 27, n_orang), usia)
    usia = np.where(usia > 95, acak.uniform(75, 95, n_orang), usia)
    acuan = (np.datetime64(tanggal_acuan) - np.datetime64("1970-01-01")).astype(int)
    lahir = _hari_ke_tanggal(acuan - (usia * 365.25).astype(np.int64))
    kawin = np.where(kepala | pasangan, "S", np.where((usia > 24) & (acak.random(n_orang) < .3),
                                                      "S", "B"))
    kawin = np.where(kepala & ~punya_pasangan[kel] & (usia > 55), "P", kawin)

    # --- names ---------------------------------------------------------------------------
    i_laki = acak.integers(0, len(laki), n_orang)
    i_pr = acak.integers(0, len(perempuan_), n_orang)
    depan = pl.select(pl.when(pl.Series(laki_arr)).then(_ambil(laki, i_laki))
                      .otherwise(_ambil(perempuan_, i_pr))).to_series()
    i_laki2 = acak.integers(0, len(laki), n_orang)
    i_pr2 = acak.integers(0, len(perempuan_), n_orang)
    tengah = pl.select(pl.when(pl.Series(laki_arr)).then(_ambil(laki, i_laki2))
                       .otherwise(_ambil(perempuan_, i_pr2))).to_series()
    akhir = pl.select(pl.when(pl.Series(laki_arr))
                      .then(_ambil(akhir_laki, acak.integers(0, len(akhir_laki), n_orang)))
                      .otherwise(_ambil(akhir_pr, acak.integers(0, len(akhir_pr), n_orang)))
                      ).to_series()
    pakai_tengah = pl.Series(acak.random(n_orang) < 0.45)
    pakai_akhir = pl.Series(acak.random(n_orang) < 0.7)
    nama = pl.select(pl.concat_str([
        depan,
        pl.when(pakai_tengah).then(pl.lit(" ") + tengah).otherwise(pl.lit("")),
        pl.when(pakai_akhir).then(pl.lit(" ") + akhir).otherwise(pl.lit("")),
    ])).to_series()

    # --- numbers ---------------------------------------------------------------------------
    desa_orang = desa_arr[desa_kel[kel]]
    kec = pl.Series(desa_orang).str.slice(0, 8).str.replace_all(".", "", literal=True)
    nik = _nomor_unik(kec + _kode_tanggal(lahir, ~laki_arr), acak)
    kec_kel = pl.Series(desa_arr[desa_kel]).str.slice(0, 8).str.replace_all(".", "",
                                                                          literal=True)
    terbit = _hari_ke_tanggal(acak.integers(12_800, 19_700, n_kel))
    nkk = _nomor_unik(kec_kel + _kode_tanggal(terbit, np.zeros(n_kel, bool)), acak).gather(kel)

    kota_lahir = nama_kota.upper().removeprefix("KOTA ").removeprefix("KABUPATEN ") or kota[0]
    tempat = pl.select(pl.when(pl.Series(acak.random(n_orang) < 0.7)).then(pl.lit(kota_lahir))
                       .otherwise(_ambil(kota, acak.integers(0, len(kota), n_orang))))
    alamat = pl.select(pl.format("JL. {} NO. {}", _ambil(jalan, jalan_kel[kel]),
                                 pl.Series(rumah_kel[kel]))).to_series()
    disabilitas = np.where(acak.random(n_orang) < 0.015, acak.integers(1, 7, n_orang), 0)

    df = pl.DataFrame({
        "id_entitas": np.arange(1, n_orang + 1),
        "nik": nik, "nkk": nkk, "nama": nama, "tempat_lahir": tempat.to_series(),
        "tanggal_lahir": pl.Series(lahir).cast(pl.Date),
        "jenis_kelamin": np.where(laki_arr, "L", "P"), "status_kawin": kawin,
        "alamat": alamat,
        "rt": pl.Series(rt_kel[kel]).cast(pl.Utf8).str.zfill(3),
        "rw": pl.Series(rw_kel[kel]).cast(pl.Utf8).str.zfill(3),
        "kode_desa": desa_orang, "disabilitas": disabilitas,
    })

    df = df.with_columns(desa_asli=pl.col("kode_desa"), nik_asli=pl.col("nik"))

    # --- duplicates in another region (same person, second record) -------------------------
    if n_ganda:
        asal = acak.choice(n_orang, size=n_ganda, replace=n_ganda > n_orang)
        dup = df[asal]
        geser = acak.integers(1, max(2, n_desa), n_ganda) if n_desa > 1 else np.zeros(
            n_ganda, int)
        desa_idx = np.searchsorted(desa_arr, dup["kode_desa"].to_numpy())
        nik_lain = acak.random(n_ganda) < 0.5
        seri = pl.Series(acak.integers(1, 10_000, n_ganda)).cast(pl.Utf8).str.zfill(4)
        dup = dup.with_columns(
            kode_desa=pl.Series(desa_arr[(desa_idx + geser) % n_desa]),
            nik=pl.when(pl.Series(nik_lain)).then(pl.col("nik").str.slice(0, 12) + seri)
            .otherwise(pl.col("nik")),
            nkk=pl.col("nkk").str.slice(0, 12)
            + pl.Series(acak.integers(1, 10_000, n_ganda)).cast(pl.Utf8).str.zfill(4),
            rt=pl.Series(acak.integers(1, 9, n_ganda)).cast(pl.Utf8).str.zfill(3),
            rw=pl.Series(acak.integers(1, 8, n_ganda)).cast(pl.Utf8).str.zfill(3),
        )
        df = pl.concat([df.with_columns(ganda=pl.lit(False)),
                        dup.with_columns(ganda=pl.lit(True))])
    else:
        df = df.with_columns(ganda=pl.lit(False))
    n = len(df)

    # --- noise on single elements ----------------------------------------------------------
    def pilih(rate: float) -> np.ndarray:
        return acak.random(n) < rate

    salah = pilih(derau.salah_ketik)
    if salah.any():
        idx = np.flatnonzero(salah)
        nama_baru = df["nama"].to_numpy().copy()
        nama_baru[idx] = [_salah_ketik(s, acak) for s in nama_baru[idx]]
        df = df.with_columns(nama=pl.Series(nama_baru, dtype=pl.Utf8))

    tukar = pilih(derau.tukar)
    hari = df["tanggal_lahir"].dt.day().to_numpy()
    bulan = df["tanggal_lahir"].dt.month().to_numpy()
    tukar_tgl = tukar & (hari <= 12) & (hari != bulan)
    df = df.with_columns(
        tanggal_lahir=pl.when(pl.Series(tukar_tgl)).then(pl.date(
            pl.col("tanggal_lahir").dt.year(), pl.col("tanggal_lahir").dt.day(),
            pl.col("tanggal_lahir").dt.month())).otherwise(pl.col("tanggal_lahir")),
        nama=pl.when(pl.Series(tukar & ~tukar_tgl) & pl.col("nama").str.contains(" "))
        .then(pl.concat_str([pl.col("nama").str.extract(r" (\S+)$"), pl.lit(" "),
                             pl.col("nama").str.replace(r" \S+$", "")]))
        .otherwise(pl.col("nama")))

    hilang = pilih(derau.hilang)
    bagian = acak.integers(0, 4, n)
    hl = pl.Series(hilang)
    df = df.with_columns(
        rt=pl.when(hl & (pl.Series(bagian) == 0)).then(pl.lit("000")).otherwise(pl.col("rt")),
        rw=pl.when(hl & (pl.Series(bagian) == 0)).then(pl.lit("000")).otherwise(pl.col("rw")),
        tempat_lahir=pl.when(hl & (pl.Series(bagian) == 1)).then(pl.lit(""))
        .otherwise(pl.col("tempat_lahir")),
        alamat=pl.when(hl & (pl.Series(bagian) == 2)).then(pl.lit("")).otherwise(pl.col("alamat")),
        status_kawin=pl.when(hl & (pl.Series(bagian) == 3)).then(pl.lit(""))
        .otherwise(pl.col("status_kawin")),
    )

    pindah = pilih(derau.pindah) & (n_desa > 1)
    geser = acak.integers(1, max(2, n_desa), n)
    desa_idx = np.searchsorted(desa_arr, df["kode_desa"].to_numpy())
    df = df.with_columns(kode_desa=pl.when(pl.Series(pindah))
                         .then(pl.Series(desa_arr[(desa_idx + geser) % n_desa]))
                         .otherwise(pl.col("kode_desa")))
    meninggal = pilih(derau.meninggal)

    urutan = acak.permutation(n)
    df = df.with_columns(
        salah_ketik=pl.Series(salah), tukar=pl.Series(tukar), hilang=pl.Series(hilang),
        pindah=pl.Series(pindah), meninggal=pl.Series(meninggal),
    )[urutan].with_columns(id_rekam=pl.int_range(1, n + 1, dtype=pl.Int64))
    daftar = df.select(["id_rekam", *KOLOM_PEMILIH])
    kebenaran = df.select(["id_rekam", "id_entitas", "nik_asli", "desa_asli", "salah_ketik",
                           "tukar", "hilang", "pindah", "meninggal", "ganda"])
    return daftar, kebenaran


def tulis(df: pl.DataFrame, jalur: str) -> None:
    """CSV (UTF-8, ISO dates) or Parquet, chosen by the file name."""
    if jalur.endswith(".parquet"):
        df.write_parquet(jalur)
    else:
        df.write_csv(jalur)
