from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render

from simpul.core.errors import SimpulError

from .models import StatusPasangan
from .selectors import (
    pasangan_ambil,
    pasangan_banding,
    pasangan_qs,
    pasangan_ringkasan,
    pemindaian_terakhir,
)
from .services import pasangan_putuskan

HALAMAN = 50


def _angka(teks: str | None) -> int | None:
    return int(teks) if teks and teks.isdigit() else None


@login_required
def antrean(request):
    """The review queue, strongest pairs first."""
    akun = request.user
    pemilu_id = _angka(request.GET.get("pemilu"))
    status = request.GET.get("status", StatusPasangan.BARU)
    if status not in StatusPasangan.values:
        status = StatusPasangan.BARU
    halaman = max(1, _angka(request.GET.get("hal")) or 1)
    qs = pasangan_qs(akun=akun, pemilu_id=pemilu_id, status=status)
    daftar = list(qs[(halaman - 1) * HALAMAN: halaman * HALAMAN + 1])
    return render(request, "ganda/antrean.html", {
        "daftar": daftar[:HALAMAN], "ada_berikut": len(daftar) > HALAMAN,
        "halaman": halaman, "status": status, "pemilu_id": pemilu_id or "",
        "status_pilihan": StatusPasangan.choices,
        "ringkasan": pasangan_ringkasan(akun=akun, pemilu_id=pemilu_id),
        "pemindaian": pemindaian_terakhir(akun=akun, pemilu_id=pemilu_id),
    })


@login_required
def pasangan(request, pasangan_id: int):
    """One pair side by side, the model's reasons, and the decision form."""
    akun, galat = request.user, None
    if request.method == "POST":
        try:
            pasangan_putuskan(akun=akun, pasangan_id=pasangan_id,
                              keputusan=request.POST.get("keputusan", ""),
                              alasan=request.POST.get("alasan", ""),
                              pemilih_dicoret_id=_angka(request.POST.get("dicoret")))
        except SimpulError as e:
            if e.status == 404:
                raise
            galat = e
        else:
            return redirect("ganda:pasangan", pasangan_id=pasangan_id)
    p = pasangan_ambil(akun=akun, pasangan_id=pasangan_id)
    return render(request, "ganda/pasangan.html", {
        "p": p, "baris": pasangan_banding(akun=akun, pasangan=p), "galat": galat,
    }, status=galat.status if galat else 200)
