from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render

from simpul.core.errors import SimpulError
from simpul.pemilu.selectors import pemilu_ambil, pemilu_daftar

from .impor import KOLOM, KOLOM_WAJIB, batas_byte, ukuran_periksa
from .models import Sumber
from .selectors import impor_ambil
from .services import impor_mulai, impor_temuan_ekspor


@login_required
def impor_halaman(request):
    konteks = {"daftar_pemilu": pemilu_daftar(akun=request.user), "kolom": KOLOM,
               "wajib": KOLOM_WAJIB, "sumber": Sumber.choices,
               "batas_mb": batas_byte() // 2**20}
    if request.method == "POST":
        berkas = request.FILES.get("berkas")
        if berkas is None:
            messages.error(request, "Pilih berkas CSV atau XLSX terlebih dahulu.")
        else:
            try:
                pemilu = pemilu_ambil(akun=request.user, pemilu_id=request.POST.get("pemilu"))
                ukuran_periksa(berkas.size)  # before reading a huge upload into memory
                impor = impor_mulai(akun=request.user, pemilu=pemilu, data=berkas.read(),
                                    nama_berkas=berkas.name,
                                    sumber=request.POST.get("sumber", Sumber.DP4))
            except SimpulError as e:
                messages.error(request, e.message)
            else:
                return redirect("pemilih-impor-status", impor_id=impor.pk)
    return render(request, "pemilih/impor.html", konteks)


@login_required
def impor_status(request, impor_id: int):
    impor = impor_ambil(akun=request.user, impor_id=impor_id)
    return render(request, "pemilih/impor_status.html", {
        "impor": impor, "galat": impor.temuan.filter(galat=True)[:50]})


@login_required
def impor_temuan(request, impor_id: int):
    isi = impor_temuan_ekspor(akun=request.user, impor_id=impor_id)
    respons = HttpResponse(isi, content_type="text/csv; charset=utf-8")
    respons["Content-Disposition"] = f'attachment; filename="temuan-impor-{impor_id}.csv"'
    return respons


def cek_dpt(request):
    """Public page: no login. The NIK travels in a POST body, never in the URL."""
    from .cek import cek_dpt as cari
    from .cek import klien_dari

    konteks, status = {}, 200
    if request.method == "POST":
        konteks["dicari"] = True
        try:
            konteks["hasil"] = cari(nik=request.POST.get("nik", ""),
                                    nama=request.POST.get("nama", "").strip(),
                                    klien=klien_dari(request),
                                    akun=request.user if request.user.is_authenticated
                                    else None)
        except SimpulError as e:
            konteks["galat"], status = e, e.status
    return render(request, "pemilih/cek_dpt.html", konteks, status=status)
