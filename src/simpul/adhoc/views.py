import uuid
from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from simpul.core.errors import SimpulError, TidakDitemukan
from simpul.core.nik import nik_samarkan
from simpul.core.roles import PERAN_KPU
from simpul.core.scope import Cakupan
from simpul.pemilu.selectors import pemilu_ambil, pemilu_daftar
from simpul.wilayah.selectors import wilayah_jejak

from .forms import TERIMA, FormPendaftaran
from .models import JenisBerkas, StatusPendaftar
from .rules import BERKAS_MAKS_BYTE, LABEL_HASIL, hasil_akhir
from .selectors import (
    anggota_daftar,
    pendaftar_ambil,
    pendaftar_status,
    pendaftar_syarat,
    pendaftar_verifikasi_daftar,
    penempatan_terakhir,
    rekrutmen_publik,
    rekrutmen_staf_daftar,
    rekrutmen_terbuka,
    rencana_kursi,
    wilayah_tugas_pilihan,
)
from .selectors import rekrutmen_staf as sel_rekrutmen_staf
from .services import (
    anggota_jadikan_ketua,
    pendaftar_daftar,
    pendaftar_putuskan,
    penempatan_jalankan,
    rencana_ekspor_xlsx,
)

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


def _berkas_unggahan(request) -> dict[str, bytes]:
    return {j: f.read() for j in JenisBerkas.values if (f := request.FILES.get(j))}


def rekrutmen_publik_daftar(request):
    return render(request, "adhoc/rekrutmen_daftar.html",
                  {"daftar": rekrutmen_terbuka(hari_ini=timezone.localdate())})


def pendaftaran(request, rekrutmen_id: int):
    """The public registration form: no login, phone-first."""
    r = rekrutmen_publik(rekrutmen_id=rekrutmen_id)
    pilihan = {"tugas": wilayah_tugas_pilihan(rekrutmen=r),
               "desa": wilayah_tugas_pilihan(rekrutmen=r, desa=True)}
    galat = None
    if request.method == "POST":
        form = FormPendaftaran(request.POST, **pilihan)
        if form.is_valid():
            try:
                p, _ = pendaftar_daftar(rekrutmen=r, berkas=_berkas_unggahan(request),
                                        **form.cleaned_data)
            except SimpulError as e:
                galat = e
            else:
                return redirect(f"{reverse('adhoc:status')}?nomor={p.nomor}&baru=1")
    else:
        form = FormPendaftaran(initial={"kunci_idempoten": uuid.uuid4().hex}, **pilihan)
    maks = r.pemilu.param("berkas_maks_byte", BERKAS_MAKS_BYTE)
    return render(request, "adhoc/pendaftaran.html", {
        "r": r, "form": form, "galat": galat, "jenis_berkas": JenisBerkas.choices,
        "terima": TERIMA, "maks_byte": maks, "maks_mb": f"{maks / 2**20:.0f}",
    }, status=galat.status if galat else 200)


def status(request):
    konteks = {"nomor": request.GET.get("nomor", ""), "baru": request.GET.get("baru")}
    if request.method == "POST":
        konteks["nomor"] = request.POST.get("nomor", "")
        try:
            lahir = date.fromisoformat(request.POST.get("tanggal_lahir", ""))
            konteks["p"] = pendaftar_status(nomor=konteks["nomor"], tanggal_lahir=lahir)
        except ValueError:
            konteks["galat"] = "Tanggal lahir tidak valid."
        except SimpulError as e:
            konteks["galat"] = e.message
        if p := konteks.get("p"):
            konteks["nik"] = nik_samarkan(p.nik)
            konteks["syarat"] = [{**h, "label": LABEL_HASIL.get(h["hasil"], h["hasil"])}
                                 for h in p.hasil_syarat]
    return render(request, "adhoc/status.html", konteks)


@login_required
def verifikasi_daftar(request):
    return render(request, "adhoc/verifikasi_daftar.html", {
        "daftar": pendaftar_verifikasi_daftar(akun=request.user,
                                              status=request.GET.get("status") or None),
        "status_pilihan": StatusPendaftar.choices})


@login_required
def verifikasi(request, pendaftar_id: int):
    """One application: every rule's outcome and reason, the files, and the decision."""
    akun, galat = request.user, None
    if request.method == "POST":
        try:
            pendaftar_putuskan(akun=akun, pendaftar_id=pendaftar_id,
                               keputusan=request.POST.get("keputusan", ""),
                               alasan=request.POST.get("alasan", ""))
        except SimpulError as e:
            if e.status in (403, 404):
                raise
            galat = e
        else:
            messages.success(request, "Keputusan disimpan.")
            return redirect("adhoc:verifikasi", pendaftar_id=pendaftar_id)
    p = pendaftar_ambil(akun=akun, pendaftar_id=pendaftar_id)
    syarat = pendaftar_syarat(pendaftar=p)
    return render(request, "adhoc/verifikasi.html", {
        "p": p, "syarat": [(h, LABEL_HASIL[h.hasil]) for h in syarat],
        "akhir_label": LABEL_HASIL[hasil_akhir(syarat)],
        "galat": galat, "berkas": list(p.berkas.all())}, status=galat.status if galat else 200)


@login_required
def verifikasi_berkas(request, pendaftar_id: int, jenis: str):
    p = pendaftar_ambil(akun=request.user, pendaftar_id=pendaftar_id)
    b = p.berkas.filter(jenis=jenis).first()
    if b is None:
        raise TidakDitemukan("Berkas tidak ditemukan.")
    return FileResponse(b.berkas.open("rb"), content_type=b.mime)


# --- Members: placement, inauguration, training, replacement --------------------------------

def _boleh_kelola(akun, r) -> bool:
    c = Cakupan.dari(akun)
    return c.aktif and c.peran in PERAN_KPU and c.mencakup(r.wilayah_id)


@login_required
def rekrutmen_staf(request):
    return render(request, "adhoc/rekrutmen_staf.html",
                  {"daftar": rekrutmen_staf_daftar(akun=request.user)})


@login_required
def anggota(request, rekrutmen_id: int):
    """Members of a round: run the placement, the report of units left short, the seats."""
    akun, galat = request.user, None
    r = sel_rekrutmen_staf(akun=akun, rekrutmen_id=rekrutmen_id)
    if request.method == "POST":
        try:
            if request.POST.get("aksi") == "ketua":
                anggota_jadikan_ketua(akun=akun, anggota_id=int(request.POST["anggota"]))
            else:
                jalan = penempatan_jalankan(akun=akun, rekrutmen_id=r.pk)
                messages.success(request, f"Penempatan: {jalan.ringkasan['ditempatkan']} "
                                          "anggota ditempatkan.")
        except SimpulError as e:
            if e.status in (403, 404):
                raise
            galat = e
        else:
            return redirect("adhoc:anggota", rekrutmen_id=r.pk)
    kode = request.GET.get("wilayah") or None
    daftar = anggota_daftar(akun=akun, rekrutmen=r, kode=kode)
    for a in daftar:
        a.nik_samar = nik_samarkan(a.pendaftar.nik)
    return render(request, "adhoc/anggota.html", {
        "r": r, "jalan": penempatan_terakhir(rekrutmen=r), "daftar": daftar, "kode": kode,
        "kelola": _boleh_kelola(akun, r), "galat": galat},
        status=galat.status if galat else 200)
