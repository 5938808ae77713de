from django.urls import path

from . import views

urlpatterns = [
    path("", views.log, name="humas-log"),
    path("publikasi/baru/", views.publikasi_form, name="humas-publikasi-baru"),
    path("publikasi/<int:publikasi_id>/", views.publikasi_form, name="humas-publikasi"),
    path("publikasi/<int:publikasi_id>/hapus/", views.publikasi_hapus,
         name="humas-publikasi-hapus"),
    path("tempel/", views.tempel, name="humas-tempel"),
    path("impor/", views.impor, name="humas-impor"),
    path("rekap/", views.rekap, name="humas-rekap"),
]
urlpatterns += [
    path("laporan/", views.laporan_daftar, name="humas-laporan-daftar"),
    path("laporan/templat/", views.templat, name="humas-templat"),
    path("laporan/<int:laporan_id>/", views.laporan_detail, name="humas-laporan"),
    path("laporan/<int:laporan_id>/unduh.<str:bentuk>", views.laporan_unduh,
         name="humas-laporan-unduh"),
]
urlpatterns += [
    path("kampanye/", views.kampanye_daftar, name="humas-kampanye-daftar"),
    path("kampanye/<int:kampanye_id>/", views.kampanye_detail, name="humas-kampanye"),
    path("kampanye/<int:kampanye_id>/status/", views.kampanye_status,
         name="humas-kampanye-status"),
]
urlpatterns += [
    path("situs/", views.situs_staf, name="humas-situs"),
    path("situs/artikel/baru/", views.artikel_form, name="humas-artikel-baru"),
    path("situs/artikel/<int:artikel_id>/", views.artikel_form, name="humas-artikel"),
    path("situs/halaman/baru/", views.halaman_form, name="humas-halaman-baru"),
    path("situs/halaman/<int:halaman_id>/", views.halaman_form, name="humas-halaman"),
]
urlpatterns += [path("situs/arsip/", views.arsip, name="humas-arsip")]
urlpatterns += [path("pantauan/", views.pantauan, name="humas-pantauan")]
urlpatterns += [
    path("koordinasi/", views.koordinasi, name="humas-koordinasi"),
    path("koordinasi/<int:catatan_id>/", views.koordinasi, name="humas-koordinasi-ubah"),
    path("diseminasi/", views.diseminasi, name="humas-diseminasi"),
    path("diseminasi/<int:catatan_id>/", views.diseminasi, name="humas-diseminasi-ubah"),
    path("tim/", views.tim, name="humas-tim"),
    path("tim/<int:catatan_id>/", views.tim, name="humas-tim-ubah"),
    path("<str:jenis>/<int:catatan_id>/hapus/", views.catatan_hapus, name="humas-catatan-hapus"),
]
urlpatterns += [path("rekap/kantor/", views.rekap_kantor, name="humas-rekap-kantor")]
urlpatterns += [path("situs/media-tertunda/", views.media_tertunda, name="humas-media-tertunda")]
