from django.urls import path

from . import views, views_unggahan

app_name = "adhoc"

urlpatterns = [
    path("rencana/<int:pemilu_id>/", views.rencana, name="rencana"),
    path("rencana/<int:pemilu_id>/<str:kode>/", views.rencana, name="rencana-wilayah"),
    path("rencana/<int:pemilu_id>/xlsx", views.rencana_xlsx, name="rencana-xlsx"),
    path("rencana/<int:pemilu_id>/<str:kode>/xlsx", views.rencana_xlsx,
         name="rencana-wilayah-xlsx"),
    path("daftar/", views.rekrutmen_publik_daftar, name="rekrutmen-publik"),
    path("daftar/<int:rekrutmen_id>/", views.pendaftaran, name="pendaftaran"),
    path("status/", views.status, name="status"),
    path("impor/", views.impor, name="impor"),
    path("verifikasi/", views.verifikasi_daftar, name="verifikasi-daftar"),
    path("verifikasi/<int:pendaftar_id>/", views.verifikasi, name="verifikasi"),
    path("verifikasi/<int:pendaftar_id>/berkas/<str:jenis>", views.verifikasi_berkas,
         name="verifikasi-berkas"),
]

urlpatterns += [
    path("rekrutmen/", views.rekrutmen_staf, name="rekrutmen-staf"),
    path("rekrutmen/<int:rekrutmen_id>/anggota/", views.anggota, name="anggota"),
    path("rekrutmen/<int:rekrutmen_id>/bantu/", views.pendaftaran_bantu,
         name="pendaftaran-bantu"),
    path("rekrutmen/<int:rekrutmen_id>/perpanjangan/", views.perpanjangan, name="perpanjangan"),
    path("perpanjangan/<int:perpanjangan_id>/berkas", views.perpanjangan_berkas,
         name="perpanjangan-berkas"),
]

urlpatterns += [
    path("rekrutmen/<int:rekrutmen_id>/anggota/xlsx", views.anggota_xlsx, name="anggota-xlsx"),
    path("rekrutmen/<int:rekrutmen_id>/sk/", views.sk_daftar_view, name="sk-daftar"),
    path("rekrutmen/<int:rekrutmen_id>/kegiatan/", views.kegiatan_daftar_view,
         name="kegiatan-daftar"),
    path("rekrutmen/<int:rekrutmen_id>/dasbor/", views.dasbor, name="dasbor"),
    path("rekrutmen/<int:rekrutmen_id>/dasbor/<str:kode>/", views.dasbor, name="dasbor-wilayah"),
    path("rekrutmen/<int:rekrutmen_id>/dasbor-xlsx/", views.dasbor_xlsx, name="dasbor-xlsx"),
    path("rekrutmen/<int:rekrutmen_id>/dasbor-xlsx/<str:kode>/", views.dasbor_xlsx,
         name="dasbor-wilayah-xlsx"),
    path("anggota/<int:anggota_id>/", views.anggota_satu, name="anggota-satu"),
    path("kegiatan/<int:kegiatan_id>/", views.kegiatan, name="kegiatan"),
    path("kegiatan/<int:kegiatan_id>/qr/", views.kegiatan_qr, name="kegiatan-qr"),
    path("dokumen/<str:jenis>.<str:format>", views.dokumen, name="dokumen"),
    path("templat/", views.templat, name="templat"),
]

urlpatterns += [
    path("unggah/", views_unggahan.mulai, name="unggah-mulai"),
    path("unggah/<str:unggahan_id>", views_unggahan.unggahan, name="unggah"),
    path("unggah/<str:unggahan_id>/selesai", views_unggahan.selesai, name="unggah-selesai"),
]
