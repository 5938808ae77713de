"""The placement algorithm over plain data (seed 003: 7 per TPS, one ketua, 2 IT-literate)."""

from collections import Counter

import numpy as np

from simpul.adhoc.penempatan import Pelamar, Unit, tempatkan, tempatkan_larik


def _tps(i, desa="A", kec="K", kursi=7, min_it=2, **kw):
    return Unit(f"t{i}", desa, kursi, min_it, kec, **kw)


def _orang(mulai, n, desa="A", kec="K", it_setiap=0):
    return [Pelamar(mulai + i, desa, mulai + i, bool(it_setiap) and i % it_setiap == 0, kec)
            for i in range(n)]


def test_kpps_tujuh_per_tps_satu_ketua_dua_melek_it_seed_003():
    """Seed 003: 7 KPPS per TPS, one ketua, 2 IT-literate (Sirekap), RULES.md §2 line 47."""
    unit = [_tps(i) for i in range(3)]
    h = tempatkan(unit, _orang(0, 25, it_setiap=4))
    per_unit = Counter(d.unit_id for d in h.duduk)
    assert per_unit == {"t0": 7, "t1": 7, "t2": 7}
    assert Counter(d.unit_id for d in h.duduk if d.ketua) == {"t0": 1, "t1": 1, "t2": 1}
    it = {p.id for p in _orang(0, 25, it_setiap=4) if p.melek_it}
    assert all(sum(1 for d in h.duduk if d.unit_id == u and d.pelamar_id in it) >= 2
               for u in per_unit)
    assert h.kekurangan == [] and len(h.tidak_ditempatkan) == 4


def test_desa_sendiri_dulu_lalu_kecamatan():
    """Nearest home first: the TPS's own desa, then the kecamatan (RULES.md §2 line 45)."""
    unit = [_tps(0, "A"), _tps(1, "B")]
    orang = _orang(0, 7, "A", it_setiap=3) + _orang(100, 4, "B", it_setiap=2) \
        + _orang(200, 5, "A", it_setiap=0)
    h = tempatkan(unit, orang)
    b = [d for d in h.duduk if d.unit_id == "t1"]
    assert {d.pelamar_id for d in b if d.jarak == 0} == {100, 101, 102, 103}
    assert len(b) == 7 and sum(1 for d in b if d.jarak == 1) == 3
    # The ketua comes from the TPS's own desa.
    assert next(d for d in b if d.ketua).jarak == 0


def test_lain_kecamatan_tidak_dipakai():
    h = tempatkan([_tps(0, "A", "K1")], _orang(0, 3, "A", "K1", 1) + _orang(10, 9, "B", "K2", 1))
    assert len(h.duduk) == 3
    (k,) = h.kekurangan
    assert k.kursi_kosong == 4 and k.kurang_it == 0
    assert "kurang pendaftar: 4 kursi kosong" in k.alasan[0]


def test_kurang_melek_it_dilaporkan():
    """A TPS with enough applicants but fewer than 2 IT-literate is reported as such."""
    h = tempatkan([_tps(0)], _orang(0, 9, it_setiap=100))  # only person 0 is IT-literate
    assert len(h.duduk) == 7
    (k,) = h.kekurangan
    assert (k.kursi_kosong, k.kurang_it) == (0, 1)
    assert k.alasan == ["kurang melek IT: perlu 1 lagi"]


def test_kursi_disimpan_untuk_melek_it_dari_desa_sekitar():
    """Seats still lacking an IT-literate member are kept for one from the kecamatan
    before the desa's own others take them."""
    unit = [_tps(0, "A"), _tps(1, "B")]
    orang = _orang(0, 9, "A", it_setiap=0) + _orang(100, 10, "B", it_setiap=1)
    h = tempatkan(unit, orang)
    a = [d for d in h.duduk if d.unit_id == "t0"]
    assert len(a) == 7
    assert sum(1 for d in a if d.pelamar_id >= 100) == 2
    assert h.kekurangan == []


def test_kursi_yang_sudah_terisi_dihormati():
    """A second run fills only the vacant seats and counts the IT members already there."""
    h = tempatkan([_tps(0, terisi=5, terisi_it=2)], _orang(0, 4))
    assert len(h.duduk) == 2 and h.kekurangan == []


def test_pps_tanpa_wilayah_sekitar_dan_urutan_peringkat():
    """PPS: 3 per desa, from the desa's own applicants, best rank first (RULES.md §1 line 21)."""
    unit = [Unit("A", "A", 3), Unit("B", "B", 3)]
    orang = [Pelamar(i, "A", 10 - i) for i in range(5)] + [Pelamar(9, "B", 1)]
    h = tempatkan(unit, orang)
    assert {d.pelamar_id for d in h.duduk if d.unit_id == "A"} == {4, 3, 2}
    assert next(d for d in h.duduk if d.unit_id == "A" and d.ketua).pelamar_id == 4
    (k,) = h.kekurangan
    assert (k.unit_id, k.kursi_kosong) == ("B", 2)


def test_larik_sama_dengan_urutan_masukan():
    """The array form assigns the same people whatever the order applicants are given in."""
    acak = np.random.default_rng(7)
    n = 500
    argumen = dict(u_rumah=np.repeat(np.arange(10), 4), u_sekitar=np.repeat(np.arange(2) + 10,
                                                                            20),
                   u_kursi=np.full(40, 7), u_min_it=np.full(40, 2), u_terisi=np.zeros(40),
                   u_terisi_it=np.zeros(40), jumlah_grup=12)
    rumah = acak.integers(0, 10, n)
    orang = dict(p_rumah=rumah, p_sekitar=rumah // 5 + 10, p_it=acak.random(n) < 0.3,
                 p_urutan=acak.permutation(n))
    h1 = tempatkan_larik(**argumen, **orang)
    urut = acak.permutation(n)
    h2 = tempatkan_larik(**argumen, **{k: v[urut] for k, v in orang.items()})
    assert np.array_equal(h1.unit[urut], h2.unit)
    assert (h1.terisi <= 7).all() and h1.ketua.sum() == (h1.terisi > 0).sum()
