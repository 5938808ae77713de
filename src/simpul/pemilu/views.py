from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render

from simpul.core.dokumen import CSV, berkas_respons
from simpul.core.errors import SimpulError
from simpul.core.tabel import tulis_csv

from .selectors import pemilu_ambil, pemilu_daftar, tps_ambil
from .services import KOLOM_TPS, tps_impor


@login_required
def daftar(request):
    return render(request, "pemilu/daftar.html", {"daftar": pemilu_daftar(akun=request.user)})


@login_required
def tps_detail(request, tps_id: int):
    return render(request, "pemilu/tps_detail.html",
                  {"tps": tps_ambil(akun=request.user, tps_id=tps_id)})


@login_required
def tps_impor_halaman(request, pemilu_id: int):
    pemilu = pemilu_ambil(akun=request.user, pemilu_id=pemilu_id)
    konteks = {"pemilu": pemilu, "kolom": KOLOM_TPS}
    if request.method == "POST":
        berkas = request.FILES.get("berkas")
        if berkas is None:
            messages.error(request, "Pilih berkas CSV atau XLSX terlebih dahulu.")
        else:
            try:
                hasil = tps_impor(akun=request.user, pemilu=pemilu, data=berkas.read(),
                                  nama_berkas=berkas.name)
            except SimpulError as e:
                messages.error(request, e.message)
            else:
                konteks["hasil"] = hasil
                if hasil.galat and request.POST.get("unduh_galat"):
                    return _galat_csv(hasil)
    return render(request, "pemilu/tps_impor.html", konteks)


def _galat_csv(hasil) -> HttpResponse:
    isi = tulis_csv(["baris", "kode", "pesan"], ((g.baris, g.kode, g.pesan) for g in hasil.galat))
    return berkas_respons(isi, "galat-impor-tps.csv", CSV)
