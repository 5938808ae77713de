from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from simpul.pemilu.selectors import pemilu_daftar, pemilu_pilihan, tps_di_desa

from .selectors import wilayah_akar, wilayah_ambil, wilayah_anak, wilayah_cari, wilayah_jejak


@login_required
def dasbor(request, kode: str | None = None):
    akun = request.user
    wilayah = wilayah_ambil(akun=akun, kode=kode) if kode else wilayah_akar(akun=akun)
    pemilu = pemilu_pilihan(akun=akun, pemilu_id=request.GET.get("pemilu"))
    anak = wilayah_anak(akun=akun, induk=wilayah, pemilu=pemilu)
    tps = (tps_di_desa(akun=akun, pemilu=pemilu, kode_desa=wilayah.kode)
           if wilayah is not None and wilayah.is_desa and pemilu else [])
    total = {k: sum(getattr(s, k) for s in anak) for k in ("kecamatan", "desa", "tps", "pemilih")}
    if tps:
        total.update(tps=len(tps), pemilih=sum(t.jumlah_pemilih or 0 for t in tps))
    return render(request, "wilayah/dasbor.html", {
        "wilayah": wilayah,
        "jejak": wilayah_jejak(akun=akun, wilayah=wilayah) if wilayah else [],
        "anak": anak,
        "maks_tps": max((s.tps for s in anak), default=0),
        "tps": tps,
        "total": total,
        "pemilu": pemilu,
        "daftar_pemilu": pemilu_daftar(akun=akun),
    })


@login_required
def cari(request):
    q = request.GET.get("q", "")
    return render(request, "wilayah/cari.html",
                  {"q": q, "hasil": wilayah_cari(akun=request.user, q=q)})
