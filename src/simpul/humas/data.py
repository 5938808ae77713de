"""The editable lists as first installed (a data migration loads them)."""

# Seed 002's eleven content types, in the seed's order and spelling.
JENIS_KONTEN_AWAL = [
    "Foto Berita", "KPU Flash", "Meme Quote", "Ucapan Selamat", "Ucapan Dukacita",
    "Infografik", "Peringatan Hari Besar", "Promote live IG/streaming",
    "Promote link berita web", "Repost", "Video lainnya",
]

# (kode, nama, singkatan, jenis, host, kolom_rekap, dihitung_medsos, perlu_tautan)
KANAL_AWAL = [
    ("instagram", "Instagram", "IG", "medsos", "instagram.com instagr.am", True, True, True),
    ("x", "X/Twitter", "TWITTER", "medsos", "x.com twitter.com", True, False, True),
    ("facebook", "Facebook", "FB", "medsos", "facebook.com fb.com fb.watch", True, False,
     True),
    ("youtube", "YouTube", "YOUTUBE", "medsos", "youtube.com youtu.be", True, False, True),
    ("tiktok", "TikTok", "TIKTOK", "medsos", "tiktok.com", True, True, True),
    ("website", "Website", "WEB", "website", "kpu.go.id", False, False, True),
    ("podcast", "Podcast", "PODCAST", "podcast",
     "spotify.com anchor.fm podcasters.spotify.com", False, False, True),
    ("whatsapp", "Grup WhatsApp", "WA", "pesan", "whatsapp.com wa.me", False, False, False),
    ("cetak", "Cetak/radio", "CETAK", "cetak", "", False, False, False),
]
