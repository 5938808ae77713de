from datetime import date

from simpul.humas.data import KANAL_AWAL
from simpul.humas.rules import (
    DefinisiEvaluasi,
    HitungUnggahan,
    host_tautan,
    kanal_dari_host,
    kantor_bakohumas,
    periode,
    rekap_gabung,
    rekap_per_bulan,
    tabel_evaluasi,
    tanggal_publikasi_sah,
)

PETA = {h: k[0] for k in KANAL_AWAL for h in k[4].split()}


def test_kantor_bakohumas_kpu_561_2021_kpu_provinsi_kabkota():
    """Keputusan KPU 561/HM.03.5-Kpt/06/KPU/VIII/2021: Bakohumas at KPU, provinsi,
    kabupaten/kota; not at kecamatan or desa."""
    assert kantor_bakohumas(None)
    assert kantor_bakohumas("provinsi") and kantor_bakohumas("kota")
    assert kantor_bakohumas("kabupaten")
    assert not kantor_bakohumas("kecamatan") and not kantor_bakohumas("kelurahan")


def test_tanggal_publikasi_bukan_masa_depan():
    hari_ini = date(2022, 6, 24)
    assert tanggal_publikasi_sah(date(2022, 6, 24), hari_ini)
    assert not tanggal_publikasi_sah(date(2022, 6, 25), hari_ini)
    assert not tanggal_publikasi_sah(date(1999, 12, 31), hari_ini)


def test_kanal_dikenali_dari_host():
    cases = {
        "https://www.instagram.com/p/Cabc123/": "instagram",
        "https://instagr.am/p/x": "instagram",
        "https://twitter.com/kpu_kota/status/1": "x",
        "https://x.com/kpu/status/2": "x",
        "https://m.facebook.com/story.php?id=1": "facebook",
        "https://fb.watch/abc/": "facebook",
        "https://youtu.be/dQw4w9WgXcQ": "youtube",
        "https://vm.tiktok.com/ZSabc/": "tiktok",
        "https://www.tiktok.com/@kpukotaprobolinggo/video/1": "tiktok",
        "https://kota-probolinggo.kpu.go.id/berita/baca/1": "website",
        "https://chat.whatsapp.com/AbCdEf": "whatsapp",
        "https://open.spotify.com/episode/1": "podcast",
    }
    for tautan, kanal in cases.items():
        assert kanal_dari_host(host_tautan(tautan), PETA) == kanal, tautan
    assert kanal_dari_host(host_tautan("https://example.org/x"), PETA) is None
    # `notinstagram.com` is not a subdomain of instagram.com
    assert kanal_dari_host(host_tautan("https://notinstagram.com/p/1"), PETA) is None


def test_host_tautan_menolak_bukan_tautan():
    for teks in ("instagram.com/p/1", "ftp://x.com/a", "javascript:alert(1)", "https://",
                 "https://local/x", "https://x.com/a b"):
        assert host_tautan(teks) is None, teks


def test_periode_kpu_561_2021_laporan_triwulan_dan_tahunan():
    """Keputusan KPU 561/HM.03.5-Kpt/06/KPU/VIII/2021: reports every three months and every
    year; seed 002 covers semester I 2022."""
    tw2 = periode("triwulan", 2022, 2)
    assert (tw2.awal, tw2.akhir, tw2.bulan) == (date(2022, 4, 1), date(2022, 6, 30), [4, 5, 6])
    s1 = periode("semester", 2022, 1)
    assert (s1.awal, s1.akhir, s1.nama) == (date(2022, 1, 1), date(2022, 6, 30),
                                           "Semester I 2022")
    assert periode("tahun", 2022).akhir == date(2022, 12, 31)
    assert periode("bulan", 2024, 2).akhir == date(2024, 2, 29)
    assert s1.rentang_bulan == "Januari s/d Juni 2022"
    assert periode("triwulan", 2022, 5) is None
    assert periode("minggu", 2022, 1) is None
    assert not s1.memuat(date(2022, 7, 1))


def test_rekap_per_bulan_dan_gabungan():
    hitung = [HitungUnggahan(1, 1, "instagram", "", 3), HitungUnggahan(1, 1, "x", "", 2),
              HitungUnggahan(2, 2, "instagram", "", 1), HitungUnggahan(2, 1, "tiktok", "", 4)]
    tabel = rekap_per_bulan(hitung, tahun=2022, bulan=[1, 2],
                            jenis_konten=[(1, "Foto Berita"), (2, "KPU Flash")],
                            kolom=["instagram", "x", "tiktok"])
    assert tabel[0].baris == [("Foto Berita", [3, 2, 0]), ("KPU Flash", [0, 0, 0])]
    assert tabel[1].baris == [("Foto Berita", [0, 0, 4]), ("KPU Flash", [1, 0, 0])]
    assert tabel[1].total_kolom == [1, 0, 4]
    assert rekap_gabung(tabel) == [("Foto Berita", [3, 2, 4]), ("KPU Flash", [1, 0, 0])]


def test_tabel_evaluasi_definisi_seed_002():
    """Social media = Instagram + TikTok posts (Facebook and X mirror Instagram; YouTube is
    not counted); website = website posts; one row per message group."""
    definisi = DefinisiEvaluasi(medsos=frozenset({"instagram", "tiktok"}),
                                website=frozenset({"website"}), pesan=frozenset({"whatsapp"}))
    hitung = [HitungUnggahan(1, 1, "instagram", "", 79), HitungUnggahan(1, 1, "x", "", 70),
              HitungUnggahan(1, 9, "youtube", "", 5), HitungUnggahan(4, 1, "instagram", "", 115),
              HitungUnggahan(4, 11, "tiktok", "", 5), HitungUnggahan(1, 9, "website", "", 6),
              HitungUnggahan(1, 1, "whatsapp", "Grup B", 79),
              HitungUnggahan(1, 1, "whatsapp", "Grup A", 79)]
    baris = tabel_evaluasi(hitung, bulan=[1, 2, 3, 4], definisi=definisi)
    assert [(b.media, b.per_bulan) for b in baris] == [
        ("Media Sosial (IG, FB, Twitter)", [79, 0, 0, 120]), ("Website", [6, 0, 0, 0]),
        ("Grup A", [79, 0, 0, 0]), ("Grup B", [79, 0, 0, 0])]
    assert baris[0].jumlah == 199
