import json
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Max
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from simpul.core.dokumen import PDF, berkas_respons
from simpul.core.errors import DataTidakValid, SimpulError, TidakDitemukan
from simpul.core.scope import Cakupan

from .errors import KodeSeleksi
from .models import NilaiWawancara, Pengumuman
from .selectors import (
    bank_ringkas,
    jawaban_sesi,
    komposisi_pilihan,
    pengumuman_publik,
    peringkat_rekrutmen,
    peserta_ujian,
    rekrutmen_ambil,
    rekrutmen_seleksi_daftar,
    sesi_dari_token,
    soal_sesi,
    ujian_ambil,
    wawancara_ambil,
)
from .services import (
    jawaban_simpan,
    kode_terbitkan,
    pengumuman_pdf,
    pengumuman_terbitkan,
    peserta_masuk,
    sesi_mulai,
    sesi_periksa_tenggat,
    sesi_selesaikan,
    soal_impor,
    ujian_buat,
    ujian_tutup_kedaluwarsa,
    wawancara_catat,
)

COOKIE_CAT = "cat_token"
PATH_CAT = "/seleksi/cat/"


# --- The candidate's test (no staff login: registration number + one-time code) --------------

@never_cache
def cat_masuk(request):
    galat = None
    if request.method == "POST":
        try:
            _, token = peserta_masuk(nomor=request.POST.get("nomor", ""),
                                     kode=request.POST.get("kode", ""))
        except SimpulError as e:
            galat = e
        else:
            respons = redirect("seleksi:cat-tes")
            respons.set_cookie(COOKIE_CAT, token, max_age=12 * 3600, path=PATH_CAT,
                               httponly=True, samesite="Strict",
                               secure=settings.SESSION_COOKIE_SECURE)
            return respons
    return render(request, "seleksi/cat_masuk.html",
                  {"galat": galat, "nomor": request.POST.get("nomor", "")},
                  status=galat.status if galat else 200)


def _sesi(request):
    s = sesi_dari_token(request.COOKIES.get(COOKIE_CAT))
    if s is None:
        raise SimpulError(KodeSeleksi.BELUM_MASUK, "Masuk dengan nomor pendaftaran dan kode "
                          "ujian terlebih dahulu.", status=401)
    return s


@never_cache
def cat_tes(request):
    """The test page: one question per screen; the script keeps it in step with the server."""
    if sesi_dari_token(request.COOKIES.get(COOKIE_CAT)) is None:
        return redirect("seleksi:cat-masuk")
    return render(request, "seleksi/cat_tes.html")


def _keadaan(s) -> dict:
    sekarang = timezone.now()
    s = sesi_periksa_tenggat(sesi=s, sekarang=sekarang)
    p, u = s.pendaftar, s.ujian
    data = {"nomor_pendaftaran": p.nomor, "nama": p.nama, "ujian": u.nama,
            "durasi_menit": u.durasi_menit}
    if s.selesai:
        return {**data, "status": "selesai", "benar": s.benar, "jumlah_soal": s.jumlah_soal,
                "nilai": str(s.nilai), "sebab": s.get_sebab_selesai_display()}
    if s.mulai is None:
        return {**data, "status": "belum"}
    return {**data, "status": "berlangsung",
            "sisa_detik": max(0, int((s.tenggat - sekarang).total_seconds())),
            "tenggat": s.tenggat.isoformat(), "soal": soal_sesi(s),
            "jawaban": {str(n): v for n, v in jawaban_sesi(s).items()},
            "urutan_terakhir": s.jawaban.aggregate(m=Max("urutan"))["m"] or 0}


def _json_galat(e: SimpulError) -> JsonResponse:
    return JsonResponse(e.as_dict(), status=e.status)


def _badan_json(request) -> dict:
    """JSON bodies only: a cross-site form cannot send this type without a preflight, and
    the token cookie is SameSite=Strict, so these endpoints need no CSRF token."""
    if request.content_type != "application/json":
        raise SimpulError(KodeSeleksi.JAWABAN_TIDAK_VALID, "Kirim sebagai application/json.",
                          status=415)
    try:
        data = json.loads(request.body or b"{}")
    except ValueError:
        data = None
    if not isinstance(data, dict):
        raise SimpulError(KodeSeleksi.JAWABAN_TIDAK_VALID, "Badan permintaan bukan JSON objek.")
    return data


@never_cache
@require_GET
def cat_keadaan(request):
    try:
        return JsonResponse(_keadaan(_sesi(request)))
    except SimpulError as e:
        return _json_galat(e)


@csrf_exempt
@require_POST
def cat_mulai(request):
    try:
        _badan_json(request)
        return JsonResponse(_keadaan(sesi_mulai(sesi=_sesi(request))))
    except SimpulError as e:
        return _json_galat(e)


@csrf_exempt
@require_POST
def cat_jawab(request):
    try:
        data = _badan_json(request)
        s = _sesi(request)
        try:
            nomor, urutan = int(data.get("nomor")), int(data.get("urutan", 0))
            pilihan = None if data.get("pilihan") is None else int(data["pilihan"])
        except (TypeError, ValueError):
            raise SimpulError(KodeSeleksi.JAWABAN_TIDAK_VALID,
                              "nomor, pilihan dan urutan harus angka.", status=422) from None
        h = jawaban_simpan(sesi=s, nomor=nomor, pilihan=pilihan,
                           kunci=str(data.get("kunci", "")), urutan=urutan)
        return JsonResponse({"nomor": h.nomor, "pilihan": h.pilihan, "ulangan": h.ulangan,
                             "diterima": h.diterima.isoformat()})
    except SimpulError as e:
        return _json_galat(e)


@csrf_exempt
@require_POST
def cat_selesai(request):
    try:
        _badan_json(request)
        s = _sesi(request)
        return JsonResponse(_keadaan(sesi_selesaikan(sesi=s, sebab="kirim")))
    except SimpulError as e:
        return _json_galat(e)


# --- Staff pages -----------------------------------------------------------------------------

@login_required
def indeks(request):
    return render(request, "seleksi/indeks.html",
                  {"daftar": rekrutmen_seleksi_daftar(akun=request.user)})


@login_required
def bank(request):
    hasil = galat = None
    if request.method == "POST":
        berkas = request.FILES.get("berkas")
        try:
            if berkas is None:
                raise SimpulError(KodeSeleksi.IMPOR_SOAL, "Pilih berkas CSV atau XLSX.")
            hasil = soal_impor(akun=request.user, data=berkas.read(), nama_berkas=berkas.name)
        except SimpulError as e:
            if e.status in (403, 404):
                raise
            galat = e
    return render(request, "seleksi/bank.html", {
        "kategori": bank_ringkas(akun=request.user), "hasil": hasil, "galat": galat},
        status=galat.status if galat else 200)


def _waktu(teks: str, label: str):
    """A `datetime-local` field in the server's time zone."""
    try:
        return timezone.make_aware(datetime.fromisoformat(teks))
    except ValueError:
        raise DataTidakValid(f"{label} tidak valid.", code=KodeSeleksi.UJIAN_TIDAK_VALID) from None


@login_required
def ujian_baru(request, rekrutmen_id: int):
    """The staff form for a CAT of a PPK or PPS round: name, duration, window and the
    number of questions per category (the bank's count for this round beside each)."""
    akun = request.user
    r = rekrutmen_ambil(akun=akun, rekrutmen_id=rekrutmen_id)
    Cakupan.dari(akun).wajib_mengelola(r.wilayah_id, "Hanya KPU penyelenggara rekrutmen yang "
                                       "membuat ujian.")
    kategori, galat = komposisi_pilihan(rekrutmen=r), None
    if request.method == "POST":
        try:
            durasi = request.POST.get("durasi_menit", "")
            komposisi = {k["pk"]: int(n) for k in kategori
                         if (n := request.POST.get(f"kategori_{k['pk']}", "").strip())
                         and n.isdigit()}
            u = ujian_buat(akun=akun, rekrutmen=r, nama=request.POST.get("nama", ""),
                           durasi_menit=int(durasi) if durasi.isdigit() else 0,
                           dibuka=_waktu(request.POST.get("dibuka", ""), "Waktu buka"),
                           ditutup=_waktu(request.POST.get("ditutup", ""), "Waktu tutup"),
                           komposisi=komposisi)
        except SimpulError as e:
            if e.status in (403, 404):
                raise
            galat = e
        else:
            messages.success(request, f"Ujian {u.nama} dibuat; terbitkan kode masuk peserta.")
            return redirect("seleksi:ujian", ujian_id=u.pk)
    for k in kategori:
        k["isian"] = request.POST.get(f"kategori_{k['pk']}", "")
    sekarang = timezone.localtime().replace(second=0, microsecond=0)
    return render(request, "seleksi/ujian_baru.html", {
        "r": r, "kategori": kategori, "galat": galat, "isian": request.POST,
        "dibuka": sekarang.strftime("%Y-%m-%dT%H:%M"),
        "ditutup": (sekarang + timedelta(hours=3)).strftime("%Y-%m-%dT%H:%M")},
        status=galat.status if galat else 200)


@login_required
def ujian(request, ujian_id: int):
    u = ujian_ambil(akun=request.user, ujian_id=ujian_id)
    if request.method == "POST":
        pid = request.POST.get("pendaftar", "").strip()
        if pid and not (pid.isascii() and pid.isdigit()):
            raise TidakDitemukan("Pendaftar tidak ditemukan di ujian ini.")
        kode = kode_terbitkan(akun=request.user, ujian=u,
                              pendaftar_id=int(pid) if pid else None)
        # Codes exist in clear only in this response: print or hand them out now.
        return render(request, "seleksi/kartu.html", {"u": u, "kode": kode})
    ujian_tutup_kedaluwarsa(ujian=u)
    return render(request, "seleksi/ujian.html",
                  {"u": u, "peserta": peserta_ujian(akun=request.user, ujian=u),
                   "komposisi": u.komposisi.select_related("kategori")})


@login_required
def peringkat(request, rekrutmen_id: int):
    akun = request.user
    r = rekrutmen_ambil(akun=akun, rekrutmen_id=rekrutmen_id)
    galat = None
    if request.method == "POST":
        try:
            p = pengumuman_terbitkan(akun=akun, rekrutmen=r,
                                     nomor_surat=request.POST.get("nomor_surat", ""))
        except SimpulError as e:
            if e.status in (403, 404):
                raise
            galat = e
        else:
            return redirect("seleksi:pengumuman", pengumuman_id=p.pk)
    for u in r.ujian.all():
        ujian_tutup_kedaluwarsa(ujian=u)
    return render(request, "seleksi/peringkat.html", {
        "r": r, "hasil": peringkat_rekrutmen(akun=akun, rekrutmen=r), "galat": galat,
        "terbit": Pengumuman.objects.filter(rekrutmen=r).first(),
        "dinilai": set(NilaiWawancara.objects.filter(penguji=akun, pendaftar__rekrutmen=r)
                       .values_list("pendaftar_id", flat=True))},
        status=galat.status if galat else 200)


@login_required
def wawancara(request, pendaftar_id: int):
    akun = request.user
    p = wawancara_ambil(akun=akun, pendaftar_id=pendaftar_id)
    galat = None
    if request.method == "POST":
        try:
            wawancara_catat(akun=akun, pendaftar_id=p.pk, nilai=request.POST.get("nilai", ""),
                            catatan=request.POST.get("catatan", ""))
        except SimpulError as e:
            if e.status in (403, 404):
                raise
            galat = e
        else:
            messages.success(request, "Nilai wawancara disimpan.")
            return redirect("seleksi:peringkat", rekrutmen_id=p.rekrutmen_id)
    return render(request, "seleksi/wawancara.html", {
        "p": p, "galat": galat,
        "milik": NilaiWawancara.objects.filter(pendaftar=p, penguji=akun).first()},
        status=galat.status if galat else 200)


# --- Public announcement ---------------------------------------------------------------------

def pengumuman(request, pengumuman_id: int):
    p = pengumuman_publik(pengumuman_id=pengumuman_id)
    return render(request, "seleksi/pengumuman.html", {"p": p, "isi": p.isi})


def pengumuman_unduh_pdf(request, pengumuman_id: int):
    p = pengumuman_publik(pengumuman_id=pengumuman_id)
    alamat = request.build_absolute_uri(reverse("seleksi:pengumuman", args=[p.pk]))
    pdf = pengumuman_pdf(akun=request.user, pengumuman=p, alamat=alamat)
    return berkas_respons(pdf, f"pengumuman-seleksi-{p.pk}.pdf", PDF, lampiran=False)
