from django.urls import path

from . import views

urlpatterns = [
    path("pemilih/impor/", views.impor_halaman, name="pemilih-impor"),
    path("pemilih/impor/<int:impor_id>/", views.impor_status, name="pemilih-impor-status"),
    path("pemilih/impor/<int:impor_id>/temuan.csv", views.impor_temuan,
         name="pemilih-impor-temuan"),
    path("pemilih/pemetaan/", views.pemetaan_halaman, name="pemilih-pemetaan"),
    path("pemilih/pemetaan/tps/<int:tps_id>/", views.pemetaan_tps, name="pemilih-pemetaan-tps"),
    path("pemilih/tahap/", views.tahap_halaman, name="pemilih-tahap"),
    path("pemilih/salinan/<int:salinan_id>/rekap/<str:tingkat>.<str:fmt>",
         views.salinan_rekap, name="pemilih-salinan-rekap"),
    path("pemilih/salinan/<int:salinan_id>/tps/<int:tps_id>.<str:fmt>", views.salinan_dps,
         name="pemilih-salinan-dps"),
    path("pemilih/dptb/", views.dptb_halaman, name="pemilih-dptb"),
    path("pemilih/dptb/kiriman/<int:kiriman_id>/", views.dptb_kiriman,
         name="pemilih-dptb-kiriman"),
    path("pemilih/dptb/kiriman/<int:kiriman_id>/temuan.csv", views.dptb_temuan,
         name="pemilih-dptb-temuan"),
    path("pemilih/pdpb/", views.pdpb_halaman, name="pemilih-pdpb"),
    path("pemilih/pdpb/rekap.<str:fmt>", views.pdpb_berkas, name="pemilih-pdpb-berkas"),
    path("pemilih/mutu/", views.mutu_halaman, name="pemilih-mutu"),
    path("cek-dpt/", views.cek_dpt, name="cek-dpt"),
    path("coklit/", views.coklit_daftar_halaman, name="coklit"),
    path("coklit/baru/", views.coklit_baru, name="coklit-baru"),
    path("coklit/kemajuan/", views.coklit_kemajuan_halaman, name="coklit-kemajuan"),
    path("coklit/rekonsiliasi/", views.coklit_rekonsiliasi, name="coklit-rekonsiliasi"),
    path("coklit/sw.js", views.coklit_sw, name="coklit-sw"),
    path("coklit/luring/", views.coklit_luring, name="coklit-luring"),
    path("coklit/<int:pemilih_id>/", views.coklit_form, name="coklit-form"),
]
