"""Reads of an office's public site. Public pages need no account; staff pages go
through `Cakupan` like the rest of the app."""

from django.db import connection
from django.db.models import Q
from django.utils import timezone

from simpul.core.errors import TidakDitemukan
from simpul.core.scope import Cakupan
from simpul.wilayah.models import Wilayah

from .models import Artikel, DokumenSitus, HalamanSitus, KategoriBerita, Media, StatusArtikel
from .rules import kantor_bakohumas
from .services import kantor_akun


def situs_kantor(kode: str) -> Wilayah | None:
    """The office of a public URL: 'ri' is KPU RI (None); else a province or
    kabupaten/kota code."""
    if kode == "ri":
        return None
    w = Wilayah.objects.filter(kode=kode).only("kode", "nama", "tingkat").first()
    if w is None or not kantor_bakohumas(w.tingkat):
        raise TidakDitemukan("Situs kantor tidak ditemukan.")
    return w


def _kode(kantor: Wilayah | None) -> str | None:
    return kantor.kode if kantor else None


def artikel_terbit(kantor: Wilayah | None):
    """Published articles: status terbit and their (scheduled) time has come."""
    return (Artikel.objects.filter(kantor_id=_kode(kantor), status=StatusArtikel.TERBIT,
                                   terbit_pada__lte=timezone.now())
            .select_related("kategori", "gambar").defer("isi", "gambar__isi")
            .order_by("-terbit_pada", "-id"))


def artikel_publik(kantor: Wilayah | None, slug: str) -> Artikel:
    a = (Artikel.objects.filter(kantor_id=_kode(kantor), slug=slug, status=StatusArtikel.TERBIT,
                                terbit_pada__lte=timezone.now())
         .select_related("kategori", "gambar").defer("gambar__isi")
         .prefetch_related("tag").first())
    if a is None:
        raise TidakDitemukan("Artikel tidak ditemukan.")
    return a


KONFIG_CARI = "indonesian"


def artikel_cari(kantor: Wilayah | None, q: str):
    """Published articles matching every word of `q`. On PostgreSQL: full-text search with
    the Indonesian Snowball stemmer ('memilih' finds 'pemilihan'; HTML tags in the body are
    not indexed), title weighted above summary above body, best match first. Elsewhere
    (SQLite in development): each word must appear in title, summary or body."""
    q = " ".join(q.split())[:100]
    if not q:
        return artikel_terbit(kantor).none()
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector

        vektor = (SearchVector("judul", weight="A", config=KONFIG_CARI)
                  + SearchVector("ringkasan", weight="B", config=KONFIG_CARI)
                  + SearchVector("isi", weight="C", config=KONFIG_CARI))
        kueri = SearchQuery(q, search_type="websearch", config=KONFIG_CARI)
        return (artikel_terbit(kantor).alias(cocok=vektor).filter(cocok=kueri)
                .annotate(peringkat=SearchRank(vektor, kueri))
                .order_by("-peringkat", "-terbit_pada", "-id"))
    syarat = Q()
    for kata in q.split()[:8]:
        syarat &= Q(judul__icontains=kata) | Q(ringkasan__icontains=kata) | Q(isi__icontains=kata)
    return artikel_terbit(kantor).filter(syarat)


def halaman_menu(kantor: Wilayah | None) -> list[tuple[str, str]]:
    return list(HalamanSitus.objects.filter(kantor_id=_kode(kantor), terbit=True)
                .values_list("slug", "judul"))


def halaman_publik(kantor: Wilayah | None, slug: str) -> HalamanSitus:
    h = HalamanSitus.objects.filter(kantor_id=_kode(kantor), slug=slug, terbit=True).first()
    if h is None:
        raise TidakDitemukan("Halaman tidak ditemukan.")
    return h


def dokumen_publik(kantor: Wilayah | None, jenis: str = ""):
    qs = (DokumenSitus.objects.filter(kantor_id=_kode(kantor), terbit=True)
          .select_related("berkas").defer("berkas__isi"))
    return qs.filter(jenis=jenis) if jenis else qs


def media_publik(kantor: Wilayah | None, sha256: str) -> Media:
    m = Media.objects.filter(kantor_id=_kode(kantor), sha256=sha256).first()
    if m is None:
        raise TidakDitemukan("Berkas tidak ditemukan.")
    return m


def kategori_daftar() -> list[KategoriBerita]:
    return list(KategoriBerita.objects.all())


# --- staff ----------------------------------------------------------------------------------

def artikel_staf(*, akun) -> list[Artikel]:
    kantor = kantor_akun(akun)
    return list(Artikel.objects.filter(kantor_id=kantor).select_related("kategori")
                .defer("isi").order_by("-diubah")[:300])


def artikel_staf_ambil(*, akun, artikel_id: int) -> Artikel:
    a = (Artikel.objects.filter(pk=artikel_id)
         .filter(Cakupan.dari(akun).q_kode("kantor_id") | _nasional(akun))
         .prefetch_related("tag").first())
    if a is None:
        raise TidakDitemukan("Artikel tidak ditemukan di wilayah kerja Anda.")
    return a


def _nasional(akun):
    cakupan = Cakupan.dari(akun)
    return Q(kantor__isnull=True) if cakupan.aktif and cakupan.akar is None else Q(pk__in=[])


def media_staf(*, akun) -> list[Media]:
    return list(Media.objects.filter(kantor_id=kantor_akun(akun)).defer("isi")[:200])


def media_tertunda_staf(*, akun) -> dict:
    """Pending media of the office's site (from a WordPress import), each with the articles
    and pages whose HTML still loads it from the old site; then those already brought in.
    Three queries whatever the number of pending files."""
    from .models import MediaTertunda
    from .rules import gambar_luar, host_tautan

    kantor = kantor_akun(akun)
    semua = list(MediaTertunda.objects.filter(kantor_id=kantor).select_related("media")
                 .defer("media__isi"))
    tertunda = [t for t in semua if t.selesai is None]
    host = {host_tautan(t.url_asal) for t in tertunda} - {None}
    pakai: dict[str, list[tuple[str, str, str]]] = {}
    if host:
        syarat = Q()
        for h in host:
            syarat |= Q(isi__icontains=h)
        for jenis, model in (("artikel", Artikel), ("halaman", HalamanSitus)):
            for slug, judul, isi in (model.objects.filter(syarat, kantor_id=kantor)
                                     .values_list("slug", "judul", "isi")):
                for url in gambar_luar(isi):
                    pakai.setdefault(url, []).append((jenis, slug, judul))
    for t in tertunda:
        t.dipakai = pakai.get(t.url_asal, [])
    return {"tertunda": tertunda, "selesai": [t for t in semua if t.selesai is not None],
            "artikel_lama": len({(j, s) for d in (pakai.get(t.url_asal, []) for t in tertunda)
                                 for j, s, _ in d})}
