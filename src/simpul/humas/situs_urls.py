from django.urls import path

from . import situs_views as v

urlpatterns = [
    path("<str:kode>/", v.beranda, name="situs-beranda"),
    path("<str:kode>/berita/<slug:slug>/", v.artikel, name="situs-artikel"),
    path("<str:kode>/kategori/<slug:slug>/", v.kategori, name="situs-kategori"),
    path("<str:kode>/tag/<slug:slug>/", v.tag, name="situs-tag"),
    path("<str:kode>/cari/", v.cari, name="situs-cari"),
    path("<str:kode>/halaman/<slug:slug>/", v.halaman, name="situs-halaman"),
    path("<str:kode>/dokumen/", v.dokumen, name="situs-dokumen"),
    path("<str:kode>/media/<str:sha256>/<str:nama>", v.media, name="situs-media"),
    path("<str:kode>/rss/", v.situs_cache(v.BeritaFeed()), name="situs-rss"),
    path("<str:kode>/sitemap.xml", v.peta_situs, name="situs-sitemap"),
]
