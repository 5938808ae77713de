from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render

from simpul.pemilu.selectors import pemilu_ambil, pemilu_daftar
from simpul.wilayah.selectors import wilayah_jejak

from .selectors import rencana_kursi
from .services import rencana_ekspor_xlsx

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@login_required
def rencana(request, pemilu_id: int, kode: str | None = None):
    akun = request.user
    pemilu = pemilu_ambil(akun=akun, pemilu_id=pemilu_id)
    r = rencana_kursi(akun=akun, pemilu=pemilu, kode=kode)
    return render(request, "adhoc/rencana.html", {
        "r": r, "pemilu": pemilu, "daftar_pemilu": pemilu_daftar(akun=akun),
        "jejak": wilayah_jejak(akun=akun, wilayah=r.wilayah) if r.wilayah else [],
        "maks": max((b.kursi.total for b in r.anak), default=0),
    })


@login_required
def rencana_xlsx(request, pemilu_id: int, kode: str | None = None):
    pemilu = pemilu_ambil(akun=request.user, pemilu_id=pemilu_id)
    isi = rencana_ekspor_xlsx(akun=request.user, pemilu=pemilu, kode=kode)
    respons = HttpResponse(isi, content_type=XLSX)
    nama = f"rencana-adhoc-{pemilu.pk}-{(kode or 'semua').replace('.', '')}.xlsx"
    respons["Content-Disposition"] = f'attachment; filename="{nama}"'
    return respons
