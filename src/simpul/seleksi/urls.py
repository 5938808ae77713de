from django.urls import path

from . import views

app_name = "seleksi"

urlpatterns = [
    path("", views.indeks, name="indeks"),
    path("bank/", views.bank, name="bank"),
    path("ujian/<int:ujian_id>/", views.ujian, name="ujian"),
    path("rekrutmen/<int:rekrutmen_id>/", views.peringkat, name="peringkat"),
    path("rekrutmen/<int:rekrutmen_id>/ujian/baru/", views.ujian_baru, name="ujian-baru"),
    path("wawancara/<int:pendaftar_id>/", views.wawancara, name="wawancara"),
    path("pengumuman/<int:pengumuman_id>/", views.pengumuman, name="pengumuman"),
    path("pengumuman/<int:pengumuman_id>/pdf", views.pengumuman_unduh_pdf,
         name="pengumuman-pdf"),
    path("cat/", views.cat_masuk, name="cat-masuk"),
    path("cat/tes/", views.cat_tes, name="cat-tes"),
    path("cat/keadaan", views.cat_keadaan, name="cat-keadaan"),
    path("cat/mulai", views.cat_mulai, name="cat-mulai"),
    path("cat/jawab", views.cat_jawab, name="cat-jawab"),
    path("cat/selesai", views.cat_selesai, name="cat-selesai"),
]
