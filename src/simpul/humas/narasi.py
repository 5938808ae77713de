"""The narrative parts of a report. A new report carries them forward from the office's
previous report; the first one starts from these texts (seed 002's, generalised).
`{kantor}` and `{periode}` are filled in when the document is generated; paragraphs are
separated by a blank line, list items (LISTA) by a new line."""

KUNCI_NARASI = [
    "tujuan_surat", "surat", "tembusan", "alamat", "kata_pengantar", "gambaran_umum",
    "maksud_tujuan", "ruang_lingkup", "dasar_hukum", "uraian_koordinasi",
    "pengantar_kegiatan", "uraian_diseminasi", "uraian_medsos", "uraian_evaluasi", "masalah",
    "rekomendasi", "penutup", "penandatangan_jabatan", "penandatangan_nama",
]
# Parts written one item per line (numbered lists in the document).
DAFTAR = {"tembusan", "maksud_tujuan", "dasar_hukum", "masalah", "rekomendasi",
          "tujuan_surat"}

NARASI_BAWAAN = {
    "tujuan_surat": "Yth. Ketua KPU Provinsi\ndi\nTempat",
    "surat": (
        "Menindaklanjuti Keputusan KPU RI nomor 561/HM.03.5-Kpt/06/KPU/VIII/2021 tentang "
        "Badan Koordinasi Hubungan Masyarakat Komisi Pemilihan Umum, Komisi Pemilihan Umum "
        "Provinsi, dan Komisi Pemilihan Umum Kabupaten/Kota, disebutkan bahwa salah satu tugas "
        "dari Tim Bakohumas KPU Kabupaten/Kota adalah menyampaikan laporan kegiatan 3 (tiga) "
        "bulanan dan tahunan kepada KPU Provinsi untuk kemudian disampaikan kepada KPU. "
        "Sehubungan dengan hal tersebut, bersama ini kami sampaikan dengan hormat laporan "
        "Bakohumas {kantor} {periode} sebagaimana terlampir.\n\n"
        "Demikian untuk menjadikan periksa, atas perhatiannya kami sampaikan terima kasih."),
    "tembusan": "Arsip.",
    "alamat": "",
    "kata_pengantar": (
        "Bakohumas merupakan salah satu elemen penting untuk meningkatkan citra lembaga serta "
        "menjalin komunikasi efektif dengan para pemangku kepentingan pemilu. Laporan "
        "Bakohumas ini disusun sebagai bentuk pertanggungjawaban kinerja {kantor} dalam "
        "mengisi kegiatan positif, mengajak dan mengedukasi masyarakat, serta koordinasi dan "
        "konsolidasi.\n\n"
        "Kami berharap laporan ini dapat menjadi acuan sekaligus bahan evaluasi untuk "
        "pengembangan Bakohumas {kantor} pada masa yang akan datang."),
    "gambaran_umum": (
        "Pemberlakuan UU No 14 Tahun 2008 tentang Keterbukaan Informasi Publik memberikan "
        "landasan hukum terhadap hak setiap orang dalam memperoleh informasi publik, dan "
        "setiap badan publik mempunyai kewajiban menyediakan dan melayani permohonan "
        "informasi publik secara cepat, tepat waktu, biaya ringan dan cara sederhana.\n\n"
        "Laporan ini memuat kegiatan kehumasan yang telah dilaksanakan oleh {kantor} selama "
        "{periode}."),
    "maksud_tujuan": (
        "Terciptanya SDM Kehumasan di KPU yang berkualitas, komunikatif, aspiratif, "
        "profesional dan kompeten.\n"
        "Terciptanya hubungan kemitraan yang baik dengan para pemangku kepentingan terkait "
        "dalam penyampaian informasi kepemiluan secara berjenjang dan berkelanjutan.\n"
        "Tersosialisasikannya kebijakan dan program KPU kepada internal dan eksternal.\n"
        "Membangun opini publik yang positif terkait informasi kepemiluan dan menyebarkannya "
        "secara masif.\n"
        "Meningkatkan partisipasi masyarakat dalam mengakses informasi kepemiluan serta "
        "citra lembaga dan kepercayaan publik pada KPU.\n"
        "Tersedianya data dan pelayanan informasi publik terkait kepemiluan yang terdepan dan "
        "terupdate bagi masyarakat."),
    "ruang_lingkup": (
        "Ruang lingkup laporan ini adalah seluruh kegiatan yang dilaksanakan oleh Bakohumas "
        "{kantor} baik melalui kegiatan sosialisasi dan koordinasi secara luring maupun "
        "daring, serta penyebarluasan informasi tahapan dan kepemiluan di seluruh akun resmi "
        "media sosial {kantor}."),
    "dasar_hukum": (
        "Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik.\n"
        "Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik.\n"
        "Undang-Undang Nomor 10 Tahun 2016 tentang Perubahan Kedua Atas Undang-Undang Nomor 1 "
        "Tahun 2015 tentang Pemilihan Gubernur, Bupati dan Walikota.\n"
        "Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum.\n"
        "Peraturan Menteri Komunikasi dan Informatika Nomor 35 Tahun 2014 tentang Badan "
        "Koordinasi Hubungan Masyarakat.\n"
        "Peraturan Komisi Pemilihan Umum Nomor 1 Tahun 2015 tentang Pengelolaan dan Pelayanan "
        "Informasi Publik di Lingkungan Komisi Pemilihan Umum.\n"
        "Keputusan Komisi Pemilihan Umum Nomor 542/HM.03.5-Kpt/06/VIII/2021 tentang Petunjuk "
        "Teknis Pelaksanaan Program Badan Koordinasi Hubungan Masyarakat.\n"
        "Keputusan Komisi Pemilihan Umum Nomor 561/HM.03.5-Kpt/06/VIII/2021 tentang Badan "
        "Koordinasi Hubungan Masyarakat KPU, KPU Provinsi dan KPU Kabupaten/Kota."),
    "uraian_koordinasi": "",
    "pengantar_kegiatan": (
        "Beberapa kegiatan Bakohumas {kantor} dalam {periode} adalah sebagai berikut:"),
    "uraian_diseminasi": "",
    "uraian_medsos": (
        "Tim Bakohumas {kantor} rutin melakukan posting di media sosial terkait dengan "
        "aktivitas keseharian, berita, ucapan selamat/duka cita, serta mereposting konten dari "
        "akun media sosial KPU RI dan KPU Provinsi."),
    "uraian_evaluasi": (
        "Semua postingan selain disebarluaskan melalui akun media sosial, juga disebarluaskan "
        "melalui grup Bakohumas."),
    "masalah": "",
    "rekomendasi": "",
    "penutup": (
        "Peran Bakohumas {kantor} adalah memperluas penyampaian informasi berkaitan dengan "
        "tahapan, membangun kesiapan dan koordinasi antar Bakohumas secara berjenjang, "
        "meningkatkan kualitas SDM kehumasan, dan meningkatkan partisipasi masyarakat dengan "
        "memberikan informasi kepemiluan yang baik, positif, lengkap dan transparan ke publik."),
    "penandatangan_jabatan": "Ketua",
    "penandatangan_nama": "",
}


def narasi_bersih(narasi: dict) -> dict:
    """Only the known parts, as trimmed text."""
    return {k: str(narasi.get(k) or "").strip() for k in KUNCI_NARASI}


def narasi_paragraf(narasi: dict, isian: dict[str, str]) -> dict[str, list[str]]:
    """Each part split into paragraphs (or list items) with the placeholders filled."""
    hasil = {}
    for k in KUNCI_NARASI:
        teks = str(narasi.get(k) or "")
        for nama, nilai in isian.items():
            teks = teks.replace("{" + nama + "}", nilai)
        pemisah = "\n" if k in DAFTAR else "\n\n"
        hasil[k] = [" ".join(p.split()) for p in teks.split(pemisah) if p.strip()]
    return hasil
