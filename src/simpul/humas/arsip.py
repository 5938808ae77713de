"""Lossless archive of an office's site, and import from WordPress.

The archive is a ZIP: `situs.json` (every article, page, document, category and tag with
all its fields and timestamps) and `media/<sha256>` (the files, byte for byte). Links to
the office's own media inside HTML are written as `{{MEDIA}}/<sha256>/<name>` so the
archive can be imported into another office (or another server) and still point to its
files. Import is all-or-nothing in one transaction and idempotent (items are matched by
slug, media by hash)."""

import hashlib
import io
import json
import re
import zipfile
from dataclasses import dataclass, field
from datetime import UTC, datetime

from django.db import transaction
from django.utils.text import slugify

from simpul.core.audit import audit_catat
from simpul.core.errors import DataTidakValid
from simpul.core.models import Akun

from .errors import KodeHumas
from .models import (
    Artikel,
    DokumenSitus,
    HalamanSitus,
    KategoriBerita,
    Media,
    MediaTertunda,
    StatusArtikel,
    Tag,
)
from .rules import gambar_luar, host_tautan
from .sanitasi import html_bersih
from .services import kantor_akun
from .situs_services import BATAS_MEDIA, kode_url, media_simpan, situs_berubah, slug_unik

FORMAT = "simpul-situs"
VERSI = 1
PENANDA_MEDIA = "{{MEDIA}}"
BATAS_ARSIP = 200 * 1024 * 1024  # uncompressed total
BATAS_WXR = 50 * 1024 * 1024


@dataclass
class HasilArsip:
    artikel: int = 0
    halaman: int = 0
    dokumen: int = 0
    media: int = 0
    kategori: int = 0
    media_tertunda: int = 0
    lewati: list[str] = field(default_factory=list)


def _awalan_media(kantor: str | None) -> str:
    return f"/kpu/{kode_url(kantor)}/media"


def _waktu(w: datetime | None) -> str | None:
    return w.isoformat() if w else None


def _dari_iso(teks: str | None) -> datetime | None:
    return datetime.fromisoformat(teks) if teks else None


def situs_data(kantor: str | None) -> tuple[dict, dict[str, bytes]]:
    """Everything of an office's site as plain data, and its media files by hash."""
    awal = _awalan_media(kantor)

    def lepas(html: str) -> str:
        return html.replace(awal + "/", PENANDA_MEDIA + "/")

    media = {m.sha256: m for m in Media.objects.filter(kantor_id=kantor).order_by("sha256")}
    artikel = []
    for a in (Artikel.objects.filter(kantor_id=kantor).select_related("kategori", "penulis")
              .prefetch_related("tag").defer("gambar__isi").order_by("slug")):
        artikel.append({
            "judul": a.judul, "slug": a.slug, "ringkasan": a.ringkasan, "isi": lepas(a.isi),
            "kategori": a.kategori.slug if a.kategori_id else None,
            "tag": sorted(t.slug for t in a.tag.all()),
            "gambar": _sha(media, a.gambar_id),
            "penulis": a.penulis.username if a.penulis_id else None,
            "penulis_nama": a.penulis_nama, "status": a.status,
            "terbit_pada": _waktu(a.terbit_pada), "dibuat": _waktu(a.dibuat),
            "diubah": _waktu(a.diubah)})
    halaman = [{"judul": h.judul, "slug": h.slug, "isi": lepas(h.isi), "urutan": h.urutan,
                "terbit": h.terbit, "diubah": _waktu(h.diubah)}
               for h in HalamanSitus.objects.filter(kantor_id=kantor).order_by("slug")]
    dokumen = [{"judul": d.judul, "jenis": d.jenis, "nomor": d.nomor,
                "tanggal": d.tanggal.isoformat(), "keterangan": d.keterangan,
                "berkas": _sha(media, d.berkas_id), "terbit": d.terbit,
                "diubah": _waktu(d.diubah)}
               for d in DokumenSitus.objects.filter(kantor_id=kantor)
               .order_by("tanggal", "judul", "id")]
    dipakai_kat = {a["kategori"] for a in artikel if a["kategori"]}
    dipakai_tag = {t for a in artikel for t in a["tag"]}
    data = {
        "format": FORMAT, "versi": VERSI, "kantor": kantor,
        "kategori": [{"slug": k.slug, "nama": k.nama, "urutan": k.urutan}
                     for k in KategoriBerita.objects.filter(slug__in=dipakai_kat)
                     .order_by("slug")],
        "tag": [{"slug": t.slug, "nama": t.nama}
                for t in Tag.objects.filter(slug__in=dipakai_tag).order_by("slug")],
        "media": [{"sha256": m.sha256, "nama_berkas": m.nama_berkas, "mime": m.mime,
                   "ukuran": m.ukuran, "keterangan": m.keterangan,
                   "diunggah": _waktu(m.diunggah)} for m in media.values()],
        "artikel": artikel, "halaman": halaman, "dokumen": dokumen,
        "media_tertunda": [
            {"url_asal": t.url_asal, "judul": t.judul, "mime": t.mime, "wp_id": t.wp_id,
             "media": _sha(media, t.media_id), "dicatat": _waktu(t.dicatat),
             "selesai": _waktu(t.selesai)}
            for t in MediaTertunda.objects.filter(kantor_id=kantor).order_by("url_asal")],
    }
    return data, {sha: bytes(m.isi) for sha, m in media.items()}


def _sha(media: dict[str, Media], media_id: int | None) -> str | None:
    if media_id is None:
        return None
    return next((sha for sha, m in media.items() if m.pk == media_id), None)


def situs_ekspor(*, akun) -> bytes:
    """The ZIP archive of the acting office's whole site (audited as an export)."""
    kantor = kantor_akun(akun)
    data, berkas = situs_data(kantor)
    keluar = io.BytesIO()
    with zipfile.ZipFile(keluar, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("situs.json", json.dumps(data, ensure_ascii=False, indent=1,
                                            sort_keys=True))
        for sha, isi in berkas.items():
            z.writestr(f"media/{sha}", isi, compress_type=zipfile.ZIP_STORED)
    with transaction.atomic():
        audit_catat(akun=akun, aksi="situs.ekspor", objek_tipe="humas.situs",
                    objek_id=kode_url(kantor), wilayah_kode=kantor or "",
                    sesudah={"artikel": len(data["artikel"]), "halaman": len(data["halaman"]),
                             "dokumen": len(data["dokumen"]), "media": len(data["media"])})
    return keluar.getvalue()


def _galat(pesan: str) -> DataTidakValid:
    return DataTidakValid(pesan, code=KodeHumas.ARSIP_TIDAK_VALID)


def _baca_arsip(data: bytes) -> tuple[dict, dict[str, bytes]]:
    try:
        z = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise _galat("Berkas bukan arsip ZIP situs Simpul.") from None
    with z:
        info = z.infolist()
        if sum(i.file_size for i in info) > BATAS_ARSIP:
            raise DataTidakValid(f"Isi arsip melebihi {BATAS_ARSIP // 2**20} MB.",
                                 code=KodeHumas.BERKAS_TERLALU_BESAR)
        nama = {i.filename for i in info}
        if "situs.json" not in nama:
            raise _galat("Arsip tidak memuat situs.json.")
        try:
            isi = json.loads(z.read("situs.json"))
        except (ValueError, UnicodeDecodeError):
            raise _galat("situs.json rusak (bukan JSON).") from None
        if not isinstance(isi, dict) or isi.get("format") != FORMAT:
            raise _galat("situs.json bukan arsip situs Simpul.")
        if isi.get("versi") != VERSI:
            raise _galat(f"Versi arsip {isi.get('versi')} tidak didukung.")
        berkas = {}
        for m in isi.get("media", []):
            sha = str(m.get("sha256", ""))
            if f"media/{sha}" not in nama:
                raise _galat(f"Berkas media {sha[:12]}… tidak ada di arsip.")
            b = z.read(f"media/{sha}")
            if hashlib.sha256(b).hexdigest() != sha or len(b) > BATAS_MEDIA:
                raise _galat(f"Berkas media {sha[:12]}… rusak (hash tidak cocok).")
            berkas[sha] = b
    return isi, berkas


def situs_impor(*, akun, data: bytes) -> HasilArsip:
    """Import a site archive into the acting office's site. All or nothing."""
    kantor = kantor_akun(akun)
    isi, berkas = _baca_arsip(data)
    hasil = HasilArsip()
    awal = _awalan_media(kantor)
    try:
        with transaction.atomic():
            media: dict[str, Media] = {}
            for m in isi["media"]:
                media[m["sha256"]], baru = media_simpan(
                    kantor=kantor, data=berkas[m["sha256"]], nama_berkas=m["nama_berkas"],
                    keterangan=m.get("keterangan", ""), diunggah=_dari_iso(m.get("diunggah")))
                hasil.media += baru
            kategori = {}
            for k in isi["kategori"]:
                kategori[k["slug"]], baru = KategoriBerita.objects.get_or_create(
                    slug=k["slug"], defaults={"nama": k["nama"], "urutan": k["urutan"]})
                hasil.kategori += baru
            tag = {t["slug"]: Tag.objects.get_or_create(slug=t["slug"],
                                                        defaults={"nama": t["nama"]})[0]
                   for t in isi["tag"]}
            penulis = dict(Akun.objects.filter(username__in={
                a["penulis"] for a in isi["artikel"] if a.get("penulis")})
                .values_list("username", "pk"))

            def pasang(html: str) -> str:
                return html_bersih(html.replace(PENANDA_MEDIA + "/", awal + "/"))

            for a in isi["artikel"]:
                obj = Artikel.objects.filter(kantor_id=kantor, slug=a["slug"]).first() or \
                    Artikel(kantor_id=kantor, slug=a["slug"])
                obj.judul, obj.ringkasan, obj.isi = a["judul"], a["ringkasan"], pasang(a["isi"])
                obj.kategori = kategori.get(a["kategori"]) if a["kategori"] else None
                obj.gambar = media.get(a["gambar"]) if a["gambar"] else None
                obj.penulis_id = penulis.get(a.get("penulis"))
                obj.penulis_nama, obj.status = a["penulis_nama"], a["status"]
                obj.terbit_pada = _dari_iso(a["terbit_pada"])
                obj.dibuat, obj.diubah = _dari_iso(a["dibuat"]), _dari_iso(a["diubah"])
                if obj.status not in StatusArtikel.values or not obj.slug:
                    raise _galat(f"Artikel '{obj.judul[:60]}': status atau slug tidak sah.")
                obj.save()
                obj.tag.set([tag[s] for s in a["tag"]])
                hasil.artikel += 1
            for h in isi["halaman"]:
                obj = HalamanSitus.objects.filter(kantor_id=kantor, slug=h["slug"]).first() or \
                    HalamanSitus(kantor_id=kantor, slug=h["slug"])
                obj.judul, obj.isi, obj.urutan = h["judul"], pasang(h["isi"]), h["urutan"]
                obj.terbit, obj.diubah = h["terbit"], _dari_iso(h["diubah"])
                obj.save()
                hasil.halaman += 1
            for d in isi["dokumen"]:
                nilai = {"jenis": d["jenis"], "nomor": d["nomor"], "keterangan": d["keterangan"],
                         "berkas": media[d["berkas"]], "terbit": d["terbit"],
                         "diubah": _dari_iso(d["diubah"])}
                DokumenSitus.objects.update_or_create(
                    kantor_id=kantor, judul=d["judul"], tanggal=d["tanggal"], defaults=nilai)
                hasil.dokumen += 1
            for t in isi.get("media_tertunda", []):
                MediaTertunda.objects.update_or_create(
                    kantor_id=kantor, url_asal=t["url_asal"], defaults={
                        "judul": t["judul"], "mime": t["mime"], "wp_id": t["wp_id"],
                        "media": media[t["media"]] if t["media"] else None,
                        "dicatat": _dari_iso(t["dicatat"]), "selesai": _dari_iso(t["selesai"])})
                hasil.media_tertunda += 1
            situs_berubah(kantor)
            audit_catat(akun=akun, aksi="situs.impor", objek_tipe="humas.situs",
                        objek_id=kode_url(kantor), wilayah_kode=kantor or "",
                        sesudah={"asal": isi.get("kantor"), **hasil.__dict__})
    except (KeyError, TypeError, ValueError) as e:
        if isinstance(e, DataTidakValid):
            raise
        raise _galat(f"situs.json tidak lengkap atau salah isi ({e.__class__.__name__}: "
                     f"{str(e)[:80]}).") from None
    return hasil


# --- WordPress (WXR) ---------------------------------------------------------------------------

NS = {"wp": "http://wordpress.org/export/{v}/",
      "content": "http://purl.org/rss/1.0/modules/content/",
      "excerpt": "http://wordpress.org/export/{v}/excerpt/", "dc": "http://purl.org/dc/elements/1.1/"}
STATUS_WP = {"publish": "terbit", "future": "terbit", "draft": "draf", "pending": "tinjau"}


def _paragraf(html: str) -> str:
    """WordPress stores posts without <p> (wpautop adds them on display): blank lines
    separate paragraphs."""
    if re.search(r"<(p|div|h[1-6]|ul|ol|table|figure|blockquote)[\s>]", html, re.I):
        return html
    return "".join(f"<p>{b.strip()}</p>" for b in re.split(r"\n\s*\n", html) if b.strip())


def _wxr(data: bytes):
    import defusedxml.ElementTree as DET
    from defusedxml import DefusedXmlException

    if len(data) > BATAS_WXR:
        raise DataTidakValid(f"Berkas WXR melebihi {BATAS_WXR // 2**20} MB.",
                             code=KodeHumas.BERKAS_TERLALU_BESAR)
    try:
        akar = DET.fromstring(data)
    except DefusedXmlException:
        raise DataTidakValid("Berkas XML memuat entitas/DTD yang tidak diizinkan.",
                             code=KodeHumas.BUKAN_WXR) from None
    except Exception:  # ParseError of the standard library parser
        raise DataTidakValid("Berkas bukan XML yang sah, jadi bukan ekspor WordPress (WXR).",
                             code=KodeHumas.BUKAN_WXR) from None
    channel = akar.find("channel") if akar.tag == "rss" else None
    versi = None
    if channel is not None:
        for v in ("1.2", "1.1", "1.0"):
            if channel.find(f"{{http://wordpress.org/export/{v}/}}wxr_version") is not None:
                versi = v
                break
    if versi is None:
        raise DataTidakValid("Berkas XML ini bukan ekspor WordPress (WXR): tidak ada "
                             "wp:wxr_version di dalam <rss><channel>.", code=KodeHumas.BUKAN_WXR)
    return channel, {k: v.format(v=versi) for k, v in NS.items()}


def _tertunda_catat(kantor: str | None, tertunda: dict[str, dict]) -> int:
    """Record the files the import could not bring (attachments, images still loaded from
    the old site) as pending media; known addresses keep their record. Returns how many
    are new."""
    ada = set(MediaTertunda.objects.filter(kantor_id=kantor, url_asal__in=list(tertunda))
              .values_list("url_asal", flat=True))
    baru = [MediaTertunda(kantor_id=kantor, url_asal=url, judul=d.get("judul", "")[:300],
                          mime=d.get("mime", ""), wp_id=d.get("wp_id"))
            for url, d in tertunda.items() if url not in ada]
    MediaTertunda.objects.bulk_create(baru)
    return len(baru)


def wxr_impor(*, akun, data: bytes) -> HasilArsip:
    """Import posts (as articles) and pages from a WordPress export (WXR), with their
    categories, tags, authors, status and dates; HTML is sanitised. A WXR file holds only
    the addresses of attachments, and nothing is fetched from the internet: attachments and
    images the HTML loads from another site are recorded as pending media (MediaTertunda)
    until staff upload their files (situs_services.media_tertunda_unggah)."""
    kantor = kantor_akun(akun)
    channel, ns = _wxr(data)
    hasil = HasilArsip()

    def teks(el, nama):
        x = el.find(nama, ns)
        return (x.text or "") if x is not None else ""

    tertunda: dict[str, dict] = {}
    with transaction.atomic():
        for item in channel.findall("item"):
            jenis = teks(item, "wp:post_type")
            judul = " ".join(teks(item, "title").split())[:300] or "(tanpa judul)"
            status_wp = teks(item, "wp:status")
            if jenis == "attachment":
                url = (teks(item, "wp:attachment_url") or teks(item, "guid")).strip()
                if host_tautan(url) is None or len(url) > 1000:
                    hasil.lewati.append(f"{jenis}: {judul}")
                    continue
                wp_id = teks(item, "wp:post_id").strip()
                tertunda[url] = {"judul": judul, "mime": teks(item, "wp:post_mime_type")[:100],
                                 "wp_id": int(wp_id) if wp_id.isdigit() else None}
                continue
            if jenis not in ("post", "page"):
                hasil.lewati.append(f"{jenis}: {judul}")
                continue
            isi = html_bersih(_paragraf(teks(item, "content:encoded")))
            for url in gambar_luar(isi):
                if len(url) <= 1000:
                    tertunda.setdefault(url, {})
            slug = slugify(teks(item, "wp:post_name"))[:200] or slugify(judul)[:200]
            if jenis == "page":
                h = HalamanSitus.objects.filter(kantor_id=kantor, slug=slug).first() or \
                    HalamanSitus(kantor_id=kantor, slug=slug or slug_unik(HalamanSitus, kantor,
                                                                          judul))
                h.judul, h.isi, h.terbit = judul, isi, status_wp == "publish"
                h.urutan = int(teks(item, "wp:menu_order") or 0)
                h.save()
                hasil.halaman += 1
                continue
            if status_wp not in STATUS_WP:
                hasil.lewati.append(f"{status_wp}: {judul}")
                continue
            waktu = teks(item, "wp:post_date_gmt").strip()
            terbit_pada = None
            if waktu and not waktu.startswith("0000"):
                try:
                    terbit_pada = datetime.fromisoformat(waktu).replace(tzinfo=UTC)
                except ValueError:
                    raise DataTidakValid(f"Tanggal '{waktu}' pada '{judul}' tidak dikenali.",
                                         code=KodeHumas.BUKAN_WXR) from None
            a = Artikel.objects.filter(kantor_id=kantor, slug=slug).first() or Artikel(
                kantor_id=kantor, slug=slug or slug_unik(Artikel, kantor, judul))
            a.judul, a.isi = judul, isi
            a.ringkasan = " ".join(teks(item, "excerpt:encoded").split())
            a.penulis_nama = teks(item, "dc:creator")[:200]
            a.status = STATUS_WP[status_wp]
            a.terbit_pada = terbit_pada
            if terbit_pada:
                a.dibuat = a.diubah = terbit_pada
            kategori, tag = None, []
            for c in item.findall("category"):
                nama = " ".join((c.text or "").split())[:100]
                s = slugify(c.get("nicename") or nama)[:100]
                if not s:
                    continue
                if c.get("domain") == "category" and kategori is None:
                    kategori, baru = KategoriBerita.objects.get_or_create(
                        slug=s, defaults={"nama": nama})
                    hasil.kategori += baru
                elif c.get("domain") == "post_tag":
                    tag.append(Tag.objects.get_or_create(slug=s, defaults={"nama": nama})[0])
            a.kategori = kategori
            a.save()
            a.tag.set(tag)
            hasil.artikel += 1
        hasil.media_tertunda = _tertunda_catat(kantor, tertunda)
        situs_berubah(kantor)
        audit_catat(akun=akun, aksi="situs.impor_wxr", objek_tipe="humas.situs",
                    objek_id=kode_url(kantor), wilayah_kode=kantor or "",
                    sesudah={**hasil.__dict__, "lewati": len(hasil.lewati)})
    return hasil
