from django.urls import path

from . import views

urlpatterns = [
    path("pemilih/impor/", views.impor_halaman, name="pemilih-impor"),
    path("pemilih/impor/<int:impor_id>/", views.impor_status, name="pemilih-impor-status"),
    path("pemilih/impor/<int:impor_id>/temuan.csv", views.impor_temuan,
         name="pemilih-impor-temuan"),
    path("pemilih/pemetaan/", views.pemetaan_halaman, name="pemilih-pemetaan"),
    path("pemilih/pemetaan/tps/<int:tps_id>/", views.pemetaan_tps, name="pemilih-pemetaan-tps"),
    path("cek-dpt/", views.cek_dpt, name="cek-dpt"),
    path("coklit/", views.coklit_daftar_halaman, name="coklit"),
    path("coklit/baru/", views.coklit_baru, name="coklit-baru"),
    path("coklit/kemajuan/", views.coklit_kemajuan_halaman, name="coklit-kemajuan"),
    path("coklit/<int:pemilih_id>/", views.coklit_form, name="coklit-form"),
]
