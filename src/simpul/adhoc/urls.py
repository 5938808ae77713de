from django.urls import path

from . import views

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
    path("verifikasi/", views.verifikasi_daftar, name="verifikasi-daftar"),
    path("verifikasi/<int:pendaftar_id>/", views.verifikasi, name="verifikasi"),
    path("verifikasi/<int:pendaftar_id>/berkas/<str:jenis>", views.verifikasi_berkas,
         name="verifikasi-berkas"),
]

urlpatterns += [
    path("rekrutmen/", views.rekrutmen_staf, name="rekrutmen-staf"),
    path("rekrutmen/<int:rekrutmen_id>/anggota/", views.anggota, name="anggota"),
]
