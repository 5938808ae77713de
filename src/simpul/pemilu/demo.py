"""Demo elections for Kota Probolinggo: Pemilu 2024 with 669 TPS and Pilkada 2024 with
328 TPS (the seeds' figures), spread over its 29 kelurahan deterministically."""

import random
from datetime import date

from django.db import transaction

from simpul.core.audit import audit_catat
from simpul.wilayah.models import Wilayah

from .models import TPS, JenisPemilu, Pemilu

KOTA_PROBOLINGGO = "35.74"
KEDOPOK = "35.74.05.1005"  # 13 TPS in Pemilu 2024 (shared/data/samples)
TPS_PEMILU_2024 = 669
TPS_PILKADA_2024 = 328


def _bagi(total: int, bobot: dict[str, float], tetap: dict[str, int]) -> dict[str, int]:
    """Split `total` over keys by weight (largest remainder), with some counts fixed."""
    sisa = total - sum(tetap.values())
    bebas = {k: w for k, w in bobot.items() if k not in tetap}
    jumlah_bobot = sum(bebas.values())
    kuota = {k: sisa * w / jumlah_bobot for k, w in bebas.items()}
    hasil = {k: max(1, int(q)) for k, q in kuota.items()}
    for k in sorted(kuota, key=lambda k: kuota[k] - int(kuota[k]), reverse=True):
        if sum(hasil.values()) >= sisa:
            break
        hasil[k] += 1
    return {**hasil, **tetap}


def _rata(jumlah: int, bagian: int) -> list[int]:
    return [jumlah // bagian + (1 if i < jumlah % bagian else 0) for i in range(bagian)]


@transaction.atomic
def demo_pemilu() -> tuple[Pemilu, Pemilu]:
    pemilu = Pemilu.objects.filter(nama="Pemilu 2024").first()
    if pemilu is not None:
        return pemilu, Pemilu.objects.get(nama="Pilkada 2024 Kota Probolinggo")
    acak = random.Random(2024)
    kelurahan = list(Wilayah.objects.filter(kode__startswith=KOTA_PROBOLINGGO + ".",
                                            tingkat="kelurahan").order_by("kode"))
    kota = Wilayah.objects.get(kode=KOTA_PROBOLINGGO)
    pemilu = Pemilu.objects.create(nama="Pemilu 2024", jenis=JenisPemilu.PEMILU,
                                   tanggal_pemungutan=date(2024, 2, 14))
    pilkada = Pemilu.objects.create(nama="Pilkada 2024 Kota Probolinggo",
                                    jenis=JenisPemilu.PILKADA, cakupan=kota,
                                    tanggal_pemungutan=date(2024, 11, 27))
    jumlah_tps = _bagi(TPS_PEMILU_2024, {k.kode: acak.uniform(0.5, 1.6) for k in kelurahan},
                       {KEDOPOK: 13})
    pemilih = {k: sum(acak.randint(215, 300) for _ in range(n)) for k, n in jumlah_tps.items()}
    # Pilkada TPS hold up to 600 voters, so each kelurahan needs at least pemilih/600.
    maks = pilkada.maks_pemilih_per_tps
    jumlah_pilkada = {k: -(-v // maks) for k, v in pemilih.items()}
    while sum(jumlah_pilkada.values()) < TPS_PILKADA_2024:
        k = max(jumlah_pilkada, key=lambda k: pemilih[k] / jumlah_pilkada[k])
        jumlah_pilkada[k] += 1
    baris = []
    for kel in kelurahan:
        for p, jumlah in ((pemilu, jumlah_tps), (pilkada, jumlah_pilkada)):
            for i, v in enumerate(_rata(pemilih[kel.kode], jumlah[kel.kode]), start=1):
                baris.append(TPS(pemilu=p, desa=kel, nomor=i, jumlah_pemilih=v,
                                 alamat=f"RW {acak.randint(1, 12):02d} Kel. {kel.nama}"))
    TPS.objects.bulk_create(baris)
    for p in (pemilu, pilkada):
        audit_catat(akun=None, aksi="demo.pemilu", objek=p,
                    sesudah={"nama": p.nama, "tps": TPS.objects.filter(pemilu=p).count()})
    return pemilu, pilkada
