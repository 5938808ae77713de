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
