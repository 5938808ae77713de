"""The duplicate-voter model: Splink (Fellegi–Sunter) over voter records.

One model definition, two backends: DuckDB on one machine (the default) and Spark where
one machine is not enough. Input is a table of voter records in the columns of
`KOLOM_MASUK`; output is one row per candidate pair with its match weight, probability
and the partial weight of every comparison, so staff can see *why* two records were
paired.

Parameters are estimated on the data itself: u by random sampling of record pairs
(almost all random pairs are different people), m by expectation–maximisation over the
pairs of a few training blocking rules. No labels are needed.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Literal

import polars as pl

KOLOM_MASUK = ["unique_id", "nik", "nkk", "nama", "tempat_lahir", "tanggal_lahir",
               "jenis_kelamin", "alamat", "rt", "rw", "kode_desa"]
# Comparisons of the full voter model; a data set without a column (FEBRL has no KK)
# simply leaves that comparison out.
PERBANDINGAN = ["nik", "nkk", "nama", "tanggal_lahir", "tempat_lahir", "jenis_kelamin",
                "alamat", "rt_rw", "wilayah"]
AMBANG_PROBABILITAS = 0.9

Backend = Literal["duckdb", "spark"]

log = logging.getLogger(__name__)


# --- preparation -------------------------------------------------------------------------------
def _teks(kolom: str) -> pl.Expr:
    """Upper case, letters/digits/spaces only, single spaces; empty becomes null."""
    e = (pl.col(kolom).cast(pl.Utf8).str.to_uppercase()
         .str.replace_all(r"[^A-Z0-9 ]", " ").str.replace_all(r"\s+", " ").str.strip_chars())
    return pl.when(e == "").then(None).otherwise(e)


def siapkan(df: pl.DataFrame) -> pl.DataFrame:
    """Normalise the input and derive the columns the blocking rules and comparisons use.

    Derived columns are computed here rather than in SQL so that DuckDB and Spark see
    exactly the same values."""
    kurang = [k for k in ("unique_id", "nama", "tanggal_lahir") if k not in df.columns]
    if kurang:
        raise ValueError(f"kolom wajib tidak ada: {', '.join(kurang)}")
    for k in KOLOM_MASUK:
        if k not in df.columns:
            df = df.with_columns(pl.lit(None, dtype=pl.Utf8).alias(k))
    tgl = pl.col("tanggal_lahir")
    if df.schema["tanggal_lahir"] != pl.Date:
        df = df.with_columns(tgl.cast(pl.Utf8).str.to_date(strict=False))
    rt = _teks("rt").str.replace(r"^0+$", "")
    rw = _teks("rw").str.replace(r"^0+$", "")
    desa = pl.col("kode_desa").cast(pl.Utf8)
    df = df.select(
        pl.col("unique_id").cast(pl.Int64),
        pl.col("nik").cast(pl.Utf8).str.replace_all(r"\D", "").replace("", None).alias("nik"),
        pl.col("nkk").cast(pl.Utf8).str.replace_all(r"\D", "").replace("", None).alias("nkk"),
        _teks("nama").alias("nama"),
        _teks("tempat_lahir").alias("tempat_lahir"),
        tgl,
        _teks("jenis_kelamin").alias("jenis_kelamin"),
        _teks("alamat").alias("alamat"),
        pl.when((rt == "") | (rw == "") | rt.is_null() | rw.is_null()).then(None)
        .otherwise(pl.concat_str([rt, rw], separator="/")).alias("rt_rw"),
        pl.when(desa == "").then(None).otherwise(desa).alias("kode_desa"),
    )
    nama = pl.col("nama")
    return df.with_columns(
        nama_awal=nama.str.slice(0, 2),
        nama_urut=nama.str.split(" ").list.sort().list.join(" "),
        tahun_lahir=tgl.dt.year().cast(pl.Utf8),
        tgl_teks=tgl.dt.strftime("%Y%m%d"),
        # The same date with day and month swapped, for dates where that is a date.
        tgl_tukar=pl.when(tgl.dt.day() <= 12).then(pl.format(
            "{}{}{}", tgl.dt.year(), tgl.dt.day().cast(pl.Utf8).str.zfill(2),
            tgl.dt.month().cast(pl.Utf8).str.zfill(2))).otherwise(None),
        nik_12=pl.col("nik").str.slice(0, 12),
        kode_kec=pl.col("kode_desa").str.slice(0, 8),
        kode_kab=pl.col("kode_desa").str.slice(0, 5),
    )


# --- the model --------------------------------------------------------------------------------
def _perbandingan(nama: str):
    import splink.comparison_level_library as cll
    import splink.comparison_library as cl

    if nama == "nik":
        return cl.CustomComparison([
            cll.NullLevel("nik"),
            cll.ExactMatchLevel("nik").configure(label_for_charts="NIK sama"),
            # No "almost the same NIK" level: the first 12 digits encode kecamatan, birth
            # date and sex, which other comparisons already weigh, and neighbouring
            # kecamatan codes or serials 0001/0002 differ by one digit between strangers.
            cll.ElseLevel().configure(label_for_charts="NIK berbeda"),
        ], output_column_name="nik", comparison_description="NIK")
    if nama == "nkk":
        return cl.CustomComparison([
            cll.NullLevel("nkk"),
            cll.ExactMatchLevel("nkk").configure(label_for_charts="Nomor KK sama"),
            cll.ElseLevel().configure(label_for_charts="Nomor KK berbeda"),
        ], output_column_name="nkk", comparison_description="Nomor KK")
    if nama == "nama":
        return cl.CustomComparison([
            cll.NullLevel("nama"),
            cll.ExactMatchLevel("nama").configure(label_for_charts="Nama sama persis",
                                                  tf_adjustment_column="nama"),
            cll.LevenshteinLevel("nama", 1).configure(label_for_charts="Nama beda 1 huruf"),
            cll.CustomLevel("nama_urut_l = nama_urut_r", "Bagian nama sama, urutan beda"),
            cll.LevenshteinLevel("nama", 2).configure(label_for_charts="Nama beda 2 huruf"),
            cll.JaroWinklerLevel("nama", 0.92).configure(
                label_for_charts="Nama mirip (Jaro-Winkler ≥ 0,92)"),
            cll.JaroWinklerLevel("nama", 0.8).configure(
                label_for_charts="Nama agak mirip (Jaro-Winkler ≥ 0,80)"),
            cll.ElseLevel().configure(label_for_charts="Nama berbeda"),
        ], output_column_name="nama", comparison_description="Nama")
    if nama == "tanggal_lahir":
        return cl.CustomComparison([
            cll.NullLevel("tanggal_lahir"),
            # Term frequencies: a date shared by many (1 January, a clipped age) says less.
            cll.ExactMatchLevel("tanggal_lahir").configure(
                label_for_charts="Tanggal lahir sama", tf_adjustment_column="tanggal_lahir"),
            cll.CustomLevel("tgl_teks_l = tgl_tukar_r", "Tanggal dan bulan lahir tertukar"),
            cll.LevenshteinLevel("tgl_teks", 1).configure(
                label_for_charts="Tanggal lahir beda 1 angka"),
            cll.AbsoluteDateDifferenceLevel("tanggal_lahir", input_is_string=False,
                                            threshold=31, metric="day").configure(
                label_for_charts="Tanggal lahir selisih ≤ 31 hari"),
            cll.AbsoluteDateDifferenceLevel("tanggal_lahir", input_is_string=False,
                                            threshold=1, metric="year").configure(
                label_for_charts="Tanggal lahir selisih ≤ 1 tahun"),
            cll.ElseLevel().configure(label_for_charts="Tanggal lahir berbeda"),
        ], output_column_name="tanggal_lahir", comparison_description="Tanggal lahir")
    if nama == "tempat_lahir":
        return cl.CustomComparison([
            cll.NullLevel("tempat_lahir"),
            cll.ExactMatchLevel("tempat_lahir").configure(label_for_charts="Tempat lahir sama"),
            cll.JaroWinklerLevel("tempat_lahir", 0.9).configure(
                label_for_charts="Tempat lahir mirip"),
            cll.ElseLevel().configure(label_for_charts="Tempat lahir berbeda"),
        ], output_column_name="tempat_lahir", comparison_description="Tempat lahir")
    if nama == "jenis_kelamin":
        return cl.CustomComparison([
            cll.NullLevel("jenis_kelamin"),
            cll.ExactMatchLevel("jenis_kelamin").configure(
                label_for_charts="Jenis kelamin sama"),
            cll.ElseLevel().configure(label_for_charts="Jenis kelamin berbeda"),
        ], output_column_name="jenis_kelamin", comparison_description="Jenis kelamin")
    if nama == "alamat":
        return cl.CustomComparison([
            cll.NullLevel("alamat"),
            cll.ExactMatchLevel("alamat").configure(label_for_charts="Alamat sama"),
            cll.JaroWinklerLevel("alamat", 0.9).configure(label_for_charts="Alamat mirip"),
            cll.ElseLevel().configure(label_for_charts="Alamat berbeda"),
        ], output_column_name="alamat", comparison_description="Alamat")
    if nama == "rt_rw":
        return cl.CustomComparison([
            cll.NullLevel("rt_rw"),
            cll.ExactMatchLevel("rt_rw").configure(label_for_charts="RT/RW sama"),
            cll.ElseLevel().configure(label_for_charts="RT/RW berbeda"),
        ], output_column_name="rt_rw", comparison_description="RT/RW")
    if nama == "wilayah":
        return cl.CustomComparison([
            cll.NullLevel("kode_desa"),
            cll.ExactMatchLevel("kode_desa").configure(label_for_charts="Desa/kelurahan sama"),
            cll.CustomLevel("kode_kec_l = kode_kec_r", "Kecamatan sama, desa beda"),
            cll.CustomLevel("kode_kab_l = kode_kab_r", "Kabupaten/kota sama, kecamatan beda"),
            cll.ElseLevel().configure(label_for_charts="Kabupaten/kota berbeda"),
        ], output_column_name="wilayah", comparison_description="Wilayah")
    raise ValueError(f"perbandingan '{nama}' tidak dikenal")


_KOLOM_PERBANDINGAN = {"wilayah": "kode_desa"}


def _blok_prediksi(kolom: set[str]):
    """Pairs are only scored when they share one of these keys: the same NIK; the same
    birth date and first two letters of the name; the same KK; the same name and year
    of birth (which survives a day/month swap); the same 12-digit NIK head and first
    letters (a second NIK issued to the same person)."""
    from splink import block_on

    aturan = []
    if "nik" in kolom:
        aturan.append(block_on("nik"))
    aturan.append(block_on("tanggal_lahir", "nama_awal"))
    if "nkk" in kolom:
        aturan.append(block_on("nkk"))
    aturan.append(block_on("nama", "tahun_lahir"))
    if "nik" in kolom:
        aturan.append(block_on("nik_12", "nama_awal"))
    return aturan


def _blok_latih(siap: pl.DataFrame, *, minimal: int = 10) -> list[tuple[str, ...]]:
    """Training blocks, chosen to hold few pairs of relatives: a family shares a KK,
    an address and often (for twins, or ages clipped to 17) a birth date, which EM
    would otherwise learn as the signature of a duplicate. A block that yields almost
    no pairs is skipped: in the database one NIK appears once per election."""
    calon = [("nik",), ("nama", "tahun_lahir"), ("tanggal_lahir", "nama_awal")]
    dipakai = []
    for kolom in calon:
        n = (siap.drop_nulls(list(kolom)).group_by(list(kolom)).len()
             .select((pl.col("len") * (pl.col("len") - 1) // 2).sum()).item())
        if n >= minimal:
            dipakai.append(kolom)
        if len(dipakai) == 2:
            break
    return dipakai


def _aturan_pasti(kolom: set[str]):
    """Rules that admit almost no false pairs, to estimate how many pairs match at all
    (assumed to find 80% of them)."""
    from splink import block_on

    aturan = [block_on("nama", "tanggal_lahir")]
    if "nik" in kolom:
        aturan.append(block_on("nik"))
    return aturan


def kolom_terisi(df: pl.DataFrame) -> set[str]:
    """Comparisons whose columns hold data in this set (the others are left out)."""
    terisi = set()
    for p in PERBANDINGAN:
        k = _KOLOM_PERBANDINGAN.get(p, p)
        if k in df.columns and df[k].null_count() < len(df):
            terisi.add(p)
    return terisi


def pengaturan(kolom: set[str], *, link: bool = False):
    from splink import SettingsCreator

    return SettingsCreator(
        link_type="link_only" if link else "dedupe_only",
        comparisons=[_perbandingan(p) for p in PERBANDINGAN if p in kolom],
        blocking_rules_to_generate_predictions=_blok_prediksi(kolom),
        retain_matching_columns=True,
        retain_intermediate_calculation_columns=True,
        max_iterations=20,
        em_convergence=0.001,
    )


# --- running it ---------------------------------------------------------------------------------
@dataclass
class HasilDeteksi:
    pasangan: pl.DataFrame  # unique_id_l, unique_id_r, match_weight, match_probability, ...
    model: dict  # the trained Splink model (JSON-able), kept with each scan
    perbandingan: list[str]
    label: dict[str, dict[int, str]] = field(default_factory=dict)

    def penjelasan(self, baris: dict) -> list[dict]:
        """Per comparison: which level the pair fell in and its partial match weight
        (log2 of its Bayes factor, term-frequency adjustment included)."""
        return penjelasan_baris(baris, self.perbandingan, self.label)


def penjelasan_baris(baris: dict, perbandingan: list[str],
                     label: dict[str, dict[int, str]]) -> list[dict]:
    hasil = []
    for p in perbandingan:
        gamma = int(baris[f"gamma_{p}"])
        bobot = float(baris.get(f"mw_{p}") or 0.0) + float(baris.get(f"mw_tf_adj_{p}") or 0.0)
        hasil.append({"perbandingan": p, "tingkat": gamma,
                      "keterangan": label[p].get(gamma, ""), "bobot": round(bobot, 3)})
    return hasil


def _label(model: dict) -> dict[str, dict[int, str]]:
    """Level labels by comparison vector value. Splink numbers a comparison's levels
    from the most to the least specific, n-1 down to 0, and its null level -1."""
    label = {}
    for c in model["comparisons"]:
        bukan_null = [lv for lv in c["comparison_levels"] if not lv.get("is_null_level")]
        peta = {-1: "Data kosong di salah satu rekaman"}
        for i, lv in enumerate(bukan_null):
            peta[len(bukan_null) - 1 - i] = lv.get("label_for_charts") or lv["sql_condition"]
        label[c["output_column_name"]] = peta
    return label


def spark_lokal(*, partisi: int = 2):
    """A local Spark session with Splink's similarity functions (the jar ships inside
    the splink package, so nothing is downloaded)."""
    from pyspark.sql import SparkSession
    from splink.backends.spark import similarity_jar_location

    return (SparkSession.builder.master(f"local[{partisi}]").appName("simpul-ganda")
            .config("spark.jars", similarity_jar_location())
            .config("spark.sql.shuffle.partitions", str(partisi))
            .config("spark.default.parallelism", str(partisi))
            .config("spark.ui.enabled", "false")
            .config("spark.driver.memory", "2g")
            .getOrCreate())


def _model_untuk(model: dict, kolom: set[str], *, link: bool, backend: Backend) -> dict:
    """A trained model written in the SQL of `backend`: the settings are rebuilt for
    that dialect and the trained m, u and prior are copied over level by level."""
    dialek = "spark" if backend == "spark" else "duckdb"
    settings = pengaturan(kolom, link=link).create_settings_dict(dialek)
    settings["probability_two_random_records_match"] = model[
        "probability_two_random_records_match"]
    terlatih = {c["output_column_name"]: c for c in model["comparisons"]}
    for c in settings["comparisons"]:
        lama = terlatih[c["output_column_name"]]["comparison_levels"]
        if len(lama) != len(c["comparison_levels"]):
            raise ValueError(f"model tidak cocok dengan perbandingan {c['output_column_name']}")
        for baru, dilatih in zip(c["comparison_levels"], lama, strict=True):
            for k in ("m_probability", "u_probability"):
                if k in dilatih:
                    baru[k] = dilatih[k]
    return settings


def _db_api(backend: Backend, spark=None):
    if backend == "duckdb":
        import duckdb
        from splink import DuckDBAPI

        con = duckdb.connect()
        con.execute("SET preserve_insertion_order = false")
        return DuckDBAPI(connection=con)
    if backend == "spark":
        from splink import SparkAPI

        if spark is None:
            raise ValueError("backend spark memerlukan SparkSession")
        return SparkAPI(spark_session=spark, break_lineage_method="persist")
    raise ValueError(f"backend '{backend}' tidak dikenal")


def _daftarkan(db_api, df: pl.DataFrame, nama: str, backend: Backend):
    if backend == "spark":
        return db_api.register(df.to_pandas(), dataset_display_name=nama)
    return db_api.register(df.to_arrow(), dataset_display_name=nama)


def deteksi(df: pl.DataFrame, *, df_lain: pl.DataFrame | None = None,
            backend: Backend = "duckdb", spark=None, model: dict | None = None,
            ambang: float | None = AMBANG_PROBABILITAS, u_max_pasangan: float = 2e6,
            em_max_pasangan: float | None = 2e6, seed: int = 42,
            u_semua_pasangan: bool = False) -> HasilDeteksi:
    """Train (unless `model` is given) and predict candidate duplicate pairs.

    `df` alone is deduplicated; with `df_lain` the two lists are linked (e.g. two
    regions) and only pairs across them are returned. `u_semua_pasangan` estimates u
    from every pair rather than a random sample, which makes training deterministic
    across backends on a small sample."""
    from splink import Linker, block_on

    siap = siapkan(df)
    siap_lain = siapkan(df_lain) if df_lain is not None else None
    kolom = kolom_terisi(siap if siap_lain is None else pl.concat([siap, siap_lain]))
    db_api = _db_api(backend, spark)
    tabel = [_daftarkan(db_api, siap, "daftar_a", backend)]
    if siap_lain is not None:
        tabel.append(_daftarkan(db_api, siap_lain, "daftar_b", backend))
    if model is None:
        settings = pengaturan(kolom, link=siap_lain is not None)
    else:
        kolom = {c["output_column_name"] for c in model["comparisons"]}
        settings = _model_untuk(model, kolom, link=siap_lain is not None, backend=backend)
    linker = Linker(tabel if len(tabel) > 1 else tabel[0], settings,
                    log_level=logging.WARNING)
    if model is None:
        n = len(siap) + (len(siap_lain) if siap_lain is not None else 0)
        if u_semua_pasangan:
            linker.training.estimate_u_using_random_sampling(
                max_pairs=n * (n - 1) / 2 + 1, seed=seed, min_count_per_level=None,
                num_chunks=1)
        else:
            linker.training.estimate_u_using_random_sampling(max_pairs=u_max_pasangan,
                                                             seed=seed)
        linker.training.estimate_probability_two_random_records_match(
            _aturan_pasti(kolom), recall=0.8)
        semua = siap if siap_lain is None else pl.concat([siap, siap_lain])
        for kolom_blok in _blok_latih(semua):
            linker.training.estimate_parameters_using_expectation_maximisation(
                block_on(*kolom_blok),
                max_pairs=None if u_semua_pasangan else em_max_pasangan)
    hasil = linker.inference.predict(threshold_match_probability=ambang,
                                     warning_mode="never")
    pasangan = pl.from_pandas(hasil.as_pandas_dataframe())
    model_json = linker.misc.save_model_to_json()
    urut = [c["output_column_name"] for c in model_json["comparisons"]]
    if not len(pasangan):
        pasangan = pl.DataFrame(schema={"unique_id_l": pl.Int64, "unique_id_r": pl.Int64,
                                        "match_weight": pl.Float64,
                                        "match_probability": pl.Float64})
    else:
        # Lowest id on the left, whatever the backend returned.
        kiri = pl.min_horizontal("unique_id_l", "unique_id_r")
        kanan = pl.max_horizontal("unique_id_l", "unique_id_r")
        pasangan = pasangan.with_columns(unique_id_l=kiri, unique_id_r=kanan)
    # Only ids, weights and the symmetric per-comparison columns are kept: the _l/_r
    # copies of the data would no longer line up with the reordered ids.
    pasangan = pasangan.select(
        "unique_id_l", "unique_id_r", "match_weight", "match_probability",
        *[c for c in pasangan.columns if c.startswith(("gamma_", "mw_"))])
    return HasilDeteksi(pasangan=pasangan.sort("unique_id_l", "unique_id_r"),
                        model=model_json, perbandingan=urut, label=_label(model_json))
