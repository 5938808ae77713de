from django.contrib import admin
from django.urls import include, path
from django.views.i18n import JavaScriptCatalog

from simpul.core import views as core_views
from simpul.pemilu import views as pemilu_views
from simpul.wilayah import views as wilayah_views

from .api import api

urlpatterns = [
    path("", core_views.beranda, name="beranda"),
    path("masuk/", core_views.MasukView.as_view(), name="login"),
    path("keluar/", core_views.KeluarView.as_view(), name="logout"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    path("dasbor/", wilayah_views.dasbor, name="dashboard"),
    path("wilayah/<str:kode>/", wilayah_views.dasbor, name="wilayah"),
    path("cari/", wilayah_views.cari, name="cari"),
    path("pemilu/", pemilu_views.daftar, name="pemilu-daftar"),
    path("pemilu/<int:pemilu_id>/tps/impor/", pemilu_views.tps_impor_halaman, name="tps-impor"),
    path("tps/<int:tps_id>/", pemilu_views.tps_detail, name="tps"),
    path("adhoc/", include("simpul.adhoc.urls")),
    path("humas/", include("simpul.humas.urls")),
    path("kpu/", include("simpul.humas.situs_urls")),
    path("seleksi/", include("simpul.seleksi.urls")),
    path("ganda/", include("simpul.ganda.urls")),
    path("", include("simpul.pemilih.urls")),
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
]
