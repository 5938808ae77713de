from django.urls import path

from . import views

urlpatterns = [
    path("pemilih/impor/", views.impor_halaman, name="pemilih-impor"),
    path("pemilih/impor/<int:impor_id>/", views.impor_status, name="pemilih-impor-status"),
    path("pemilih/impor/<int:impor_id>/temuan.csv", views.impor_temuan,
         name="pemilih-impor-temuan"),
    path("cek-dpt/", views.cek_dpt, name="cek-dpt"),
]
