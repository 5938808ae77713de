"""Writes of an office's public site: media, articles, pages and documents. An office
edits its own site only (the office of the acting account); every change is audited."""

import hashlib
import io
import uuid
from datetime import datetime

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from simpul.core.audit import audit_catat
from simpul.core.errors import DataTidakValid, TidakDitemukan

from .errors import KodeHumas
from .models import (
    Artikel,
    DokumenSitus,
    HalamanSitus,
    JenisDokumen,
    KategoriBerita,
    Media,
    StatusArtikel,
    Tag,
    VersiSitus,
)
from .sanitasi import html_bersih
from .services import kantor_akun

BATAS_MEDIA = 10 * 1024 * 1024
# Magic bytes of the files a site serves; anything else (HTML, SVG, executables) is refused.
TANDA_BERKAS = [
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"%PDF-", "application/pdf"),
    (b"PK\x03\x04", "application/zip"),
]
MIME_ZIP = {".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            ".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation"}


def situs_berubah(kantor: str | None) -> None:
    """Give the office's site a new version token, inside the caller's transaction: the
    cached public pages of the old version are no longer looked up (situs_views)."""
    token = uuid.uuid4().hex
    if not VersiSitus.objects.filter(kantor_id=kantor).update(token=token,
                                                              diubah=timezone.now()):
        VersiSitus.objects.create(kantor_id=kantor, token=token)


def situs_versi(kode: str) -> str:
    """The version token of the site at /kpu/<kode>/ ('-' before its first change)."""
    kantor = None if kode == "ri" else kode
    return VersiSitus.objects.filter(kantor_id=kantor).values_list("token", flat=True).first() \
        or "-"


def kode_url(kantor: str | None) -> str:
    return kantor or "ri"


def media_url(m: Media) -> str:
    return reverse("situs-media", args=[kode_url(m.kantor_id), m.sha256, m.nama_berkas])


def mime_berkas(data: bytes, nama_berkas: str) -> str:
    """The type of an upload from its first bytes (the name alone is not trusted); images
    must also open as images."""
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        mime = "image/webp"
    else:
        mime = next((m for tanda, m in TANDA_BERKAS if data.startswith(tanda)), None)
    if mime == "application/zip":
        akhiran = "." + nama_berkas.rsplit(".", 1)[-1].lower() if "." in nama_berkas else ""
        mime = MIME_ZIP.get(akhiran, "application/zip")
    if mime is None:
        raise DataTidakValid(f"Berkas '{nama_berkas}' bukan gambar (JPEG/PNG/GIF/WebP), PDF "
                             "atau dokumen Office.", code=KodeHumas.BERKAS_TIDAK_VALID)
    if mime.startswith("image/"):
        from PIL import Image, UnidentifiedImageError

        try:
            with Image.open(io.BytesIO(data)) as gambar:
                gambar.verify()
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
            raise DataTidakValid(f"Gambar '{nama_berkas}' rusak atau tidak terbaca.",
                                 code=KodeHumas.BERKAS_TIDAK_VALID) from None
    return mime


def nama_aman(nama_berkas: str) -> str:
    dasar, _, akhiran = (nama_berkas or "berkas").rpartition(".")
    if not dasar:
        dasar, akhiran = akhiran, ""
    nama = (slugify(dasar)[:150] or "berkas") + (f".{slugify(akhiran)[:10]}" if akhiran else "")
    return nama


def media_simpan(*, kantor: str | None, data: bytes, nama_berkas: str, keterangan: str = "",
                 diunggah: datetime | None = None) -> tuple[Media, bool]:
    """Store a checked file (the same bytes once per office); returns (media, new)."""
    if len(data) > BATAS_MEDIA:
        raise DataTidakValid(f"Berkas '{nama_berkas}' melebihi {BATAS_MEDIA // 2**20} MB.",
                             code=KodeHumas.BERKAS_TERLALU_BESAR)
    if not data:
        raise DataTidakValid(f"Berkas '{nama_berkas}' kosong.",
                             code=KodeHumas.BERKAS_TIDAK_VALID)
    mime = mime_berkas(data, nama_berkas)
    sha = hashlib.sha256(data).hexdigest()
    ada = Media.objects.filter(kantor_id=kantor, sha256=sha).first()
    if ada:
        return ada, False
    m = Media.objects.create(kantor_id=kantor, nama_berkas=nama_aman(nama_berkas), mime=mime,
                             ukuran=len(data), sha256=sha, isi=data,
                             keterangan=keterangan[:300], diunggah=diunggah or timezone.now())
    return m, True


def media_unggah(*, akun, data: bytes, nama_berkas: str, keterangan: str = "") -> Media:
    kantor = kantor_akun(akun)
    with transaction.atomic():
        m, baru = media_simpan(kantor=kantor, data=data, nama_berkas=nama_berkas,
                               keterangan=keterangan)
        if baru:
            audit_catat(akun=akun, aksi="situs.media", objek=m, wilayah_kode=kantor or "",
                        sesudah={"nama": m.nama_berkas, "mime": m.mime, "ukuran": m.ukuran,
                                 "sha256": m.sha256})
    return m


def slug_unik(model, kantor: str | None, teks: str, kecuali: int | None = None) -> str:
    dasar = slugify(teks)[:180] or "tanpa-judul"
    slug, n = dasar, 1
    qs = model.objects.filter(kantor_id=kantor)
    if kecuali:
        qs = qs.exclude(pk=kecuali)
    dipakai = set(qs.filter(slug__startswith=dasar).values_list("slug", flat=True))
    while slug in dipakai:
        n += 1
        slug = f"{dasar}-{n}"
    return slug


def _slug_diminta(model, kantor, slug: str, judul: str, kecuali: int | None) -> str:
    if not slug.strip():
        return slug_unik(model, kantor, judul, kecuali)
    s = slugify(slug)[:200]
    if not s:
        raise DataTidakValid(f"Slug '{slug}' tidak sah.", code=KodeHumas.SLUG_GANDA)
    qs = model.objects.filter(kantor_id=kantor, slug=s)
    if kecuali:
        qs = qs.exclude(pk=kecuali)
    if qs.exists():
        raise DataTidakValid(f"Slug '{s}' sudah dipakai di situs kantor ini.",
                             code=KodeHumas.SLUG_GANDA)
    return s


def tag_dari(teks) -> list[Tag]:
    nama = teks if isinstance(teks, list | tuple) else str(teks or "").split(",")
    hasil = {}
    for n in nama:
        n = " ".join(str(n).split())[:100]
        slug = slugify(n)[:100]
        if slug and slug not in hasil:
            hasil[slug] = Tag.objects.get_or_create(slug=slug, defaults={"nama": n})[0]
    return list(hasil.values())


def _kategori(nilai) -> KategoriBerita | None:
    if nilai in (None, ""):
        return None
    k = KategoriBerita.objects.filter(slug=str(nilai)).first() or (
        KategoriBerita.objects.filter(pk=int(nilai)).first() if str(nilai).isdigit() else None)
    if k is None:
        raise DataTidakValid(f"Kategori '{nilai}' tidak dikenal.", code=KodeHumas.ISIAN_KOSONG)
    return k


def _foto_artikel(a: Artikel, tag: list[Tag]) -> dict:
    return {"judul": a.judul, "slug": a.slug, "ringkasan": a.ringkasan, "isi": a.isi,
            "kategori": a.kategori_id, "tag": sorted(t.slug for t in tag),
            "gambar": a.gambar_id, "status": a.status,
            "terbit_pada": a.terbit_pada.isoformat() if a.terbit_pada else None}


def _waktu_opsional(nilai) -> datetime | None:
    if nilai in (None, ""):
        return None
    if not isinstance(nilai, datetime):
        try:
            nilai = datetime.fromisoformat(str(nilai))
        except ValueError:
            raise DataTidakValid(f"Waktu terbit '{nilai}' tidak dikenali.",
                                 code=KodeHumas.TANGGAL_TIDAK_VALID) from None
    return timezone.make_aware(nilai) if timezone.is_naive(nilai) else nilai


def artikel_simpan(*, akun, judul: str, isi: str, ringkasan: str = "", kategori=None,
                   tag="", status: str = StatusArtikel.DRAF, terbit_pada=None, slug: str = "",
                   gambar_id: int | None = None, artikel_id: int | None = None) -> Artikel:
    """Create or edit an article. The body is sanitised; publishing without a time
    publishes now, a future time schedules it."""
    kantor = kantor_akun(akun)
    judul = " ".join((judul or "").split())[:300]
    if not judul:
        raise DataTidakValid("Judul wajib diisi.", code=KodeHumas.JUDUL_KOSONG)
    isi = html_bersih(isi)
    if not isi:
        raise DataTidakValid("Isi artikel wajib diisi.", code=KodeHumas.ISIAN_KOSONG)
    if status not in StatusArtikel.values:
        raise DataTidakValid(f"Status '{status}' tidak sah (draf, tinjau, terbit).",
                             code=KodeHumas.STATUS_ARTIKEL)
    terbit_pada = _waktu_opsional(terbit_pada)
    if status == StatusArtikel.TERBIT and terbit_pada is None:
        terbit_pada = timezone.now()
    gambar = None
    if gambar_id:
        gambar = Media.objects.filter(pk=gambar_id, kantor_id=kantor).first()
        if gambar is None or not gambar.mime.startswith("image/"):
            raise DataTidakValid("Gambar utama harus gambar di media situs kantor ini.",
                                 code=KodeHumas.BERKAS_TIDAK_VALID)
    with transaction.atomic():
        if artikel_id:
            a = Artikel.objects.select_for_update().filter(pk=artikel_id,
                                                           kantor_id=kantor).first()
            if a is None:
                raise TidakDitemukan("Artikel tidak ditemukan di situs kantor Anda.")
            sebelum = _foto_artikel(a, list(a.tag.all()))
        else:
            a = Artikel(kantor_id=kantor, penulis=akun,
                        penulis_nama=akun.get_full_name() or akun.username)
            sebelum = None
        a.slug = a.slug if (a.pk and not slug) else _slug_diminta(Artikel, kantor, slug,
                                                                  judul, a.pk)
        a.judul, a.isi, a.ringkasan = judul, isi, (ringkasan or "").strip()
        a.kategori, a.status, a.terbit_pada, a.gambar = _kategori(kategori), status, \
            terbit_pada, gambar
        a.diubah = timezone.now()
        a.save()
        tags = tag_dari(tag)
        a.tag.set(tags)
        situs_berubah(kantor)
        audit_catat(akun=akun, aksi="artikel.ubah" if sebelum else "artikel.buat", objek=a,
                    wilayah_kode=kantor or "", sebelum=sebelum, sesudah=_foto_artikel(a, tags))
    return a


def artikel_hapus(*, akun, artikel_id: int) -> None:
    kantor = kantor_akun(akun)
    with transaction.atomic():
        a = Artikel.objects.filter(pk=artikel_id, kantor_id=kantor).first()
        if a is None:
            raise TidakDitemukan("Artikel tidak ditemukan di situs kantor Anda.")
        situs_berubah(kantor)
        audit_catat(akun=akun, aksi="artikel.hapus", objek=a, wilayah_kode=kantor or "",
                    sebelum=_foto_artikel(a, list(a.tag.all())))
        a.delete()


def halaman_simpan(*, akun, judul: str, isi: str, slug: str = "", urutan: int = 0,
                   terbit: bool = True, halaman_id: int | None = None) -> HalamanSitus:
    kantor = kantor_akun(akun)
    judul = " ".join((judul or "").split())[:300]
    if not judul:
        raise DataTidakValid("Judul wajib diisi.", code=KodeHumas.JUDUL_KOSONG)
    with transaction.atomic():
        h = HalamanSitus.objects.filter(pk=halaman_id, kantor_id=kantor).first() \
            if halaman_id else HalamanSitus(kantor_id=kantor)
        if h is None:
            raise TidakDitemukan("Halaman tidak ditemukan di situs kantor Anda.")
        sebelum = {"judul": h.judul, "slug": h.slug, "isi": h.isi} if h.pk else None
        h.slug = h.slug if (h.pk and not slug) else _slug_diminta(HalamanSitus, kantor, slug,
                                                                  judul, h.pk)
        h.judul, h.isi, h.urutan, h.terbit = judul, html_bersih(isi), urutan, terbit
        h.diubah = timezone.now()
        h.save()
        situs_berubah(kantor)
        audit_catat(akun=akun, aksi="halaman.ubah" if sebelum else "halaman.buat", objek=h,
                    wilayah_kode=kantor or "", sebelum=sebelum,
                    sesudah={"judul": h.judul, "slug": h.slug, "isi": h.isi})
    return h


def dokumen_simpan(*, akun, judul: str, jenis: str, tanggal, data: bytes, nama_berkas: str,
                   nomor: str = "", keterangan: str = "", terbit: bool = True) -> DokumenSitus:
    """A downloadable document (announcement, SK, PPID information) with its file."""
    from .services import _tanggal

    kantor = kantor_akun(akun)
    judul = " ".join((judul or "").split())[:300]
    if not judul:
        raise DataTidakValid("Judul wajib diisi.", code=KodeHumas.JUDUL_KOSONG)
    if jenis not in JenisDokumen.values:
        raise DataTidakValid(f"Jenis dokumen '{jenis}' tidak dikenal.",
                             code=KodeHumas.ISIAN_KOSONG)
    tanggal = _tanggal(tanggal)
    with transaction.atomic():
        m, _ = media_simpan(kantor=kantor, data=data, nama_berkas=nama_berkas)
        d = DokumenSitus.objects.create(kantor_id=kantor, judul=judul, jenis=jenis,
                                        nomor=nomor.strip()[:100], tanggal=tanggal,
                                        keterangan=keterangan.strip(), berkas=m, terbit=terbit)
        situs_berubah(kantor)
        audit_catat(akun=akun, aksi="dokumen.buat", objek=d, wilayah_kode=kantor or "",
                    sesudah={"judul": judul, "jenis": jenis, "nomor": d.nomor,
                             "tanggal": tanggal, "berkas": m.sha256})
    return d


def media_tertunda_unggah(*, akun, tertunda_id: int, data: bytes,
                          nama_berkas: str) -> tuple[Media, list[str]]:
    """Bring in the file of a pending medium (an attachment or image of an imported
    WordPress site) that staff downloaded themselves: it is checked and stored like any
    upload, and every article and page of the office that loads it, or a resized copy of
    it ('name-300x200.jpg'), from the old site is re-pointed to it. Returns the medium and
    the slugs changed."""
    from html import escape

    from .models import MediaTertunda
    from .rules import gambar_luar, url_asli_wp

    kantor = kantor_akun(akun)
    with transaction.atomic():
        t = MediaTertunda.objects.select_for_update().filter(pk=tertunda_id,
                                                             kantor_id=kantor).first()
        if t is None:
            raise TidakDitemukan("Media tertunda tidak ditemukan di situs kantor Anda.")
        m, _ = media_simpan(kantor=kantor, data=data, nama_berkas=nama_berkas,
                            keterangan=t.judul)
        asli = url_asli_wp(t.url_asal)
        sekelompok = [x for x in MediaTertunda.objects.select_for_update()
                      .filter(kantor_id=kantor, selesai__isnull=True)
                      if x.pk == t.pk or url_asli_wp(x.url_asal) == asli]
        baru, sekarang, diubah = media_url(m), timezone.now(), []
        for model in (Artikel, HalamanSitus):
            for obj in model.objects.filter(kantor_id=kantor, isi__contains=asli.rsplit(
                    ".", 1)[0]):
                isi = obj.isi
                for url in gambar_luar(obj.isi):
                    if url == t.url_asal or url_asli_wp(url) == asli:
                        isi = isi.replace(escape(url), baru).replace(url, baru)
                if isi != obj.isi:
                    obj.isi, obj.diubah = isi, sekarang
                    obj.save(update_fields=["isi", "diubah"])
                    diubah.append(f"{model._meta.model_name}:{obj.slug}")
        for x in sekelompok:
            x.media, x.selesai = m, sekarang
            x.save(update_fields=["media", "selesai"])
        situs_berubah(kantor)
        audit_catat(akun=akun, aksi="situs.media_tertunda", objek=t, wilayah_kode=kantor or "",
                    sebelum={"url_asal": [x.url_asal for x in sekelompok]},
                    sesudah={"media": m.sha256, "url": baru, "diubah": diubah})
    return m, diubah
