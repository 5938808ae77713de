"""The public site of an office: /kpu/<office code>/ ('ri' for KPU RI). No account needed;
pages are small, server-rendered and cacheable by browsers and proxies for a minute.

Pages are also kept in the server's cache (Django's cache framework) under the site's
version token (`situs_services.situs_berubah`, changed in the transaction of every publish
or edit), so a change shows at once; they expire after a minute, which is also how late a
scheduled article may appear."""

import hashlib
from functools import wraps

from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import sitemap as sitemap_view
from django.contrib.syndication.views import Feed
from django.core.cache import cache
from django.core.paginator import Paginator
from django.http import HttpResponse, HttpResponseNotModified
from django.shortcuts import render
from django.urls import reverse
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import get_language
from django.views.decorators.cache import cache_control

from . import situs_selectors as sel
from .models import JenisDokumen
from .situs_services import kode_url, media_url, situs_versi

PUBLIK = cache_control(public=True, max_age=60)
UMUR_CACHE = 60


def situs_cache(view):
    """Serve a public page from the server cache when the site has not changed since it
    was rendered: one query (the version token) instead of rendering. Only complete 200
    answers are kept; the key holds the absolute URL (host, path, query) and language."""

    @wraps(view)
    def bungkus(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            return view(request, *args, **kwargs)
        alamat = hashlib.sha256(request.build_absolute_uri().encode()).hexdigest()[:32]
        kunci = f"humas.situs:{kwargs['kode']}:{situs_versi(kwargs['kode'])}:" \
                f"{get_language()}:{alamat}"
        simpanan = cache.get(kunci)
        if simpanan is not None:
            isi, jenis = simpanan
            return HttpResponse(isi, content_type=jenis)
        respons = view(request, *args, **kwargs)
        if getattr(respons, "is_rendered", True) is False:
            respons.render()  # the sitemap answers with a TemplateResponse
        if respons.status_code == 200 and not respons.streaming:
            cache.set(kunci, (respons.content, respons["Content-Type"]), UMUR_CACHE)
        return respons

    return bungkus


def _nama(kantor) -> str:
    return f"KPU {kantor.nama.title()}" if kantor else "KPU RI"


def _konteks(kantor, **kw) -> dict:
    return {"kantor": kantor, "kode": kode_url(kantor.kode if kantor else None),
            "nama_situs": _nama(kantor), "menu": sel.halaman_menu(kantor),
            "kategori": sel.kategori_daftar(), **kw}


def _halaman(request, qs, per=10):
    return Paginator(qs, per).get_page(request.GET.get("hal"))


@PUBLIK
@situs_cache
def beranda(request, kode: str):
    kantor = sel.situs_kantor(kode)
    return render(request, "humas/situs/daftar.html", _konteks(
        kantor, hal=_halaman(request, sel.artikel_terbit(kantor)), judul=_nama(kantor)))


@PUBLIK
@situs_cache
def kategori(request, kode: str, slug: str):
    kantor = sel.situs_kantor(kode)
    k = next((k for k in sel.kategori_daftar() if k.slug == slug), None)
    if k is None:
        from simpul.core.errors import TidakDitemukan

        raise TidakDitemukan("Kategori tidak ditemukan.")
    return render(request, "humas/situs/daftar.html", _konteks(
        kantor, hal=_halaman(request, sel.artikel_terbit(kantor).filter(kategori=k)),
        judul=k.nama))


@PUBLIK
@situs_cache
def tag(request, kode: str, slug: str):
    kantor = sel.situs_kantor(kode)
    return render(request, "humas/situs/daftar.html", _konteks(
        kantor, hal=_halaman(request, sel.artikel_terbit(kantor).filter(tag__slug=slug)),
        judul=f"#{slug}"))


@PUBLIK
def cari(request, kode: str):
    kantor = sel.situs_kantor(kode)
    q = request.GET.get("q", "")
    return render(request, "humas/situs/daftar.html", _konteks(
        kantor, hal=_halaman(request, sel.artikel_cari(kantor, q)), q=q,
        judul=f"Cari: {q}" if q else "Cari"))


@PUBLIK
@situs_cache
def artikel(request, kode: str, slug: str):
    kantor = sel.situs_kantor(kode)
    a = sel.artikel_publik(kantor, slug)
    teks = a.ringkasan or Truncator(strip_tags(a.isi)).words(40)
    return render(request, "humas/situs/artikel.html", _konteks(
        kantor, a=a, deskripsi=teks, judul=a.judul,
        url=request.build_absolute_uri(),
        gambar=request.build_absolute_uri(media_url(a.gambar)) if a.gambar else ""))


@PUBLIK
@situs_cache
def halaman(request, kode: str, slug: str):
    kantor = sel.situs_kantor(kode)
    h = sel.halaman_publik(kantor, slug)
    return render(request, "humas/situs/halaman.html", _konteks(kantor, h=h, judul=h.judul))


@PUBLIK
@situs_cache
def dokumen(request, kode: str):
    kantor = sel.situs_kantor(kode)
    jenis = request.GET.get("jenis", "")
    jenis = jenis if jenis in JenisDokumen.values else ""
    return render(request, "humas/situs/dokumen.html", _konteks(
        kantor, hal=_halaman(request, sel.dokumen_publik(kantor, jenis), 20),
        jenis_pilih=jenis, jenis=JenisDokumen.choices, judul="Dokumen"))


@cache_control(public=True, max_age=31536000, immutable=True)
def media(request, kode: str, sha256: str, nama: str):
    """Files are addressed by their hash, so they never change and are cached for a year."""
    if request.headers.get("If-None-Match") == f'"{sha256}"':
        return HttpResponseNotModified()
    m = sel.media_publik(sel.situs_kantor(kode), sha256)
    r = HttpResponse(bytes(m.isi), content_type=m.mime)
    r["ETag"] = f'"{m.sha256}"'
    sikap = "inline" if m.mime.startswith("image/") or m.mime == "application/pdf" \
        else "attachment"
    r["Content-Disposition"] = f'{sikap}; filename="{m.nama_berkas}"'
    return r


class BeritaFeed(Feed):
    feed_type = Rss201rev2Feed

    def get_object(self, request, kode: str):
        self.kantor = sel.situs_kantor(kode)
        return self.kantor

    def title(self, kantor):
        return f"Berita {_nama(kantor)}"

    def link(self, kantor):
        return reverse("situs-beranda", args=[kode_url(kantor.kode if kantor else None)])

    def description(self, kantor):
        return f"Berita terkini {_nama(kantor)}"

    def items(self, kantor):
        return sel.artikel_terbit(kantor)[:30]

    def item_title(self, a):
        return a.judul

    def item_description(self, a):
        return a.ringkasan

    def item_link(self, a):
        return reverse("situs-artikel", args=[kode_url(a.kantor_id), a.slug])

    def item_pubdate(self, a):
        return a.terbit_pada

    def item_author_name(self, a):
        return a.penulis_nama or None

    def item_categories(self, a):
        return [a.kategori.nama] if a.kategori_id else []


class ArtikelSitemap(Sitemap):
    changefreq = "weekly"

    def __init__(self, kantor):
        self.kantor = kantor

    def items(self):
        return sel.artikel_terbit(self.kantor).select_related(None).only(
            "slug", "diubah", "kantor_id")

    def location(self, a):
        return reverse("situs-artikel", args=[kode_url(a.kantor_id), a.slug])

    def lastmod(self, a):
        return a.diubah


class HalamanSitemap(Sitemap):
    def __init__(self, kantor):
        self.kantor = kantor

    def items(self):
        kode = kode_url(self.kantor.kode if self.kantor else None)
        return [reverse("situs-beranda", args=[kode]), reverse("situs-dokumen", args=[kode])] + [
            reverse("situs-halaman", args=[kode, slug]) for slug, _ in
            sel.halaman_menu(self.kantor)]

    def location(self, url):
        return url


@situs_cache
def peta_situs(request, kode: str):
    kantor = sel.situs_kantor(kode)
    return sitemap_view(request, {"halaman": HalamanSitemap(kantor),
                                  "berita": ArtikelSitemap(kantor)},
                        template_name="humas/situs/sitemap.xml")
