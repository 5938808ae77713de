import uuid
from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from simpul.core.dokumen import DOCX, XLSX, berkas_respons
from simpul.core.errors import DataTidakValid, SimpulError, TidakDitemukan
from simpul.core.nik import nik_samarkan
from simpul.core.roles import PERAN_KPU
from simpul.core.scope import Cakupan
from simpul.pemilu.selectors import pemilu_ambil, pemilu_daftar
from simpul.wilayah.selectors import wilayah_jejak

from .batas import status_batasi
from .dokumen import qr_svg, templat_bawaan
from .errors import KodeAdhoc
from .forms import TERIMA, FormPendaftaran, FormPendaftaranBantu
from .models import (
    Anggota,
    JenisBerkas,
    JenisDokumen,
    JenisKegiatan,
    StatusAnggota,
    StatusPendaftar,
)
from .rules import BERKAS_MAKS_BYTE, LABEL_HASIL, hasil_akhir
from .selectors import (
    anggota_ambil,
    anggota_daftar,
    dasbor_rekrutmen,
    kegiatan_ambil,
    kegiatan_daftar,
    paw_calon,
    pendaftar_ambil,
    pendaftar_status,
    pendaftar_syarat,
    pendaftar_verifikasi_daftar,
    penempatan_terakhir,
    perpanjangan_ambil,
    perpanjangan_daftar,
    perpanjangan_per_wilayah,
    peserta_kegiatan,
    rekrutmen_publik,
    rekrutmen_staf_daftar,
    rekrutmen_terbuka,
    rencana_kursi,
    riwayat_kursi,
    sk_daftar,
    templat_untuk,
    wilayah_tugas_pilihan,
    wilayah_tugas_terbuka,
)
from .selectors import rekrutmen_staf as sel_rekrutmen_staf
from .services import (
    anggota_berhenti,
    anggota_ekspor_xlsx,
    anggota_jadikan_ketua,
    anggota_partai_impor,
    dasbor_ekspor_xlsx,
    dokumen_unduh,
    kegiatan_buat,
    kehadiran_catat,
    paw_tetapkan,
    pendaftar_daftar,
    pendaftar_putuskan,
    penempatan_jalankan,
    perpanjangan_tetapkan,
    rencana_ekspor_xlsx,
    riwayat_periode_impor,
    sk_terbitkan,
    templat_unggah,
)
from .unggahan import POTONGAN_BYTE, unggahan_isi


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
    return berkas_respons(rencana_ekspor_xlsx(akun=request.user, pemilu=pemilu, kode=kode),
                          f"rencana-adhoc-{pemilu.pk}-{(kode or 'semua').replace('.', '')}.xlsx",
                          XLSX)


def _berkas_unggahan(request, r=None, kunci: str = "") -> dict[str, bytes]:
    """Files sent with the form itself (no JavaScript), or the ids of resumable uploads
    the page completed before (`unggahan.py`), already checked on the server."""
    berkas = {j: f.read() for j in JenisBerkas.values if (f := request.FILES.get(j))}
    ids = {j: u for j in JenisBerkas.values
           if j not in berkas and (u := request.POST.get(f"unggahan_{j}"))}
    if ids:
        berkas |= unggahan_isi(rekrutmen=r, kunci_formulir=kunci, ids=ids)
    return berkas


def rekrutmen_publik_daftar(request):
    return render(request, "adhoc/rekrutmen_daftar.html",
                  {"daftar": rekrutmen_terbuka(hari_ini=timezone.localdate())})


def pendaftaran(request, rekrutmen_id: int):
    """The public registration form: no login, phone-first."""
    r = rekrutmen_publik(rekrutmen_id=rekrutmen_id)
    # The page offers the areas still open; a post may name any area of the round, so a
    # closed one (a page loaded before the close) gets the named refusal of the service.
    semua = wilayah_tugas_pilihan(rekrutmen=r)
    terbuka = wilayah_tugas_terbuka(rekrutmen=r, hari_ini=timezone.localdate())
    pilihan = {"tugas": semua if request.method == "POST" or not terbuka else terbuka,
               "desa": wilayah_tugas_pilihan(rekrutmen=r, desa=True)}
    galat = None
    if request.method == "POST":
        form = FormPendaftaran(request.POST, **pilihan)
        if form.is_valid():
            try:
                berkas = _berkas_unggahan(request, r, form.cleaned_data["kunci_idempoten"])
                p, _ = pendaftar_daftar(rekrutmen=r, berkas=berkas, **form.cleaned_data)
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
        "potongan_byte": POTONGAN_BYTE, "perpanjangan": perpanjangan_daftar(rekrutmen=r),
    }, status=galat.status if galat else 200)


@login_required
def pendaftaran_bantu(request, rekrutmen_id: int):
    """Assisted registration: office staff enter the application of someone who brought
    paper (ANCHORS.md SIAKBA row 1), for the work areas of their own territory; marked and
    audited as such."""
    akun = request.user
    r = sel_rekrutmen_staf(akun=akun, rekrutmen_id=rekrutmen_id)
    cakupan = Cakupan.dari(akun)
    pilihan = {"tugas": [w for w in wilayah_tugas_pilihan(rekrutmen=r)
                         if cakupan.mencakup(w.kode)],
               "desa": wilayah_tugas_pilihan(rekrutmen=r, desa=True)}
    galat = None
    if request.method == "POST":
        form = FormPendaftaranBantu(request.POST, **pilihan)
        if form.is_valid():
            try:
                berkas = _berkas_unggahan(request, r, form.cleaned_data["kunci_idempoten"])
                p, _ = pendaftar_daftar(rekrutmen=r, berkas=berkas, akun=akun,
                                        **form.cleaned_data)
            except SimpulError as e:
                if e.status == 404:
                    raise
                galat = e
            else:
                messages.success(request, f"Pendaftaran {p.nomor} ({p.nama}) tersimpan sebagai "
                                          "pendaftaran dibantu petugas.")
                return redirect("adhoc:verifikasi", pendaftar_id=p.pk)
    else:
        form = FormPendaftaranBantu(initial={"kunci_idempoten": uuid.uuid4().hex,
                                             "berkas_kertas_diterima": timezone.localdate()},
                                    **pilihan)
    maks = r.pemilu.param("berkas_maks_byte", BERKAS_MAKS_BYTE)
    return render(request, "adhoc/pendaftaran.html", {
        "r": r, "form": form, "galat": galat, "jenis_berkas": JenisBerkas.choices,
        "terima": TERIMA, "maks_byte": maks, "maks_mb": f"{maks / 2**20:.0f}",
        "potongan_byte": POTONGAN_BYTE, "bantu": True,
    }, status=galat.status if galat else 200)


def status(request):
    konteks = {"nomor": request.GET.get("nomor", ""), "baru": request.GET.get("baru")}
    if request.method == "POST":
        konteks["nomor"] = request.POST.get("nomor", "")
        try:
            status_batasi(klien=request.META.get("REMOTE_ADDR", ""))
            lahir = date.fromisoformat(request.POST.get("tanggal_lahir", ""))
            konteks["p"] = pendaftar_status(nomor=konteks["nomor"], tanggal_lahir=lahir)
        except ValueError:
            konteks["galat"] = "Tanggal lahir tidak valid."
        except SimpulError as e:
            konteks["galat"], konteks["kode_galat"] = e.message, e.code
        if p := konteks.get("p"):
            konteks["nik"] = nik_samarkan(p.nik)
            konteks["syarat"] = [{**h, "label": LABEL_HASIL.get(h["hasil"], h["hasil"])}
                                 for h in p.hasil_syarat]
    return render(request, "adhoc/status.html", konteks,
                  status=429 if konteks.get("kode_galat") == KodeAdhoc.STATUS_TERLALU_SERING
                  else 200)


@login_required
def impor(request):
    """Imports for the eligibility rules: a party membership list (e.g. a SIPOL export)
    per election, and the history of terms served before Simpul."""
    akun, hasil, galat = request.user, None, None
    Cakupan.dari(akun).wajib_peran(PERAN_KPU, "Hanya KPU yang mengimpor daftar.")
    if request.method == "POST":
        f = request.FILES.get("berkas")
        data, nama = (f.read(), f.name) if f else (b"", "")
        try:
            if request.POST.get("jenis") == "partai":
                pid = request.POST.get("pemilu", "")
                pemilu = pemilu_ambil(akun=akun, pemilu_id=int(pid) if pid.isdigit() else 0)
                hasil = anggota_partai_impor(akun=akun, pemilu=pemilu, data=data,
                                             nama_berkas=nama)
            else:
                hasil = riwayat_periode_impor(akun=akun, data=data, nama_berkas=nama)
        except SimpulError as e:
            if e.status in (403, 404):
                raise
            galat = e
    return render(request, "adhoc/impor.html", {
        "daftar_pemilu": pemilu_daftar(akun=akun), "hasil": hasil, "galat": galat,
        "jenis": request.POST.get("jenis", "")}, status=galat.status if galat else 200)


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
    return Cakupan.dari(akun).boleh_mengelola(r.wilayah_id)


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


def _tanggal_post(request, nama: str) -> date:
    try:
        return date.fromisoformat(request.POST.get(nama, ""))
    except ValueError:
        raise DataTidakValid("Tanggal tidak valid.", code=KodeAdhoc.SK_TIDAK_VALID) from None


def _aksi(request, fungsi, tujuan):
    """Run a service for a form post; errors other than 403/404 are shown on the page."""
    try:
        hasil = fungsi()
    except SimpulError as e:
        if e.status in (403, 404):
            raise
        messages.error(request, f"{e.message} ({e.code})")
        return redirect(tujuan)
    return hasil


@login_required
def anggota_xlsx(request, rekrutmen_id: int):
    isi = anggota_ekspor_xlsx(akun=request.user, rekrutmen_id=rekrutmen_id,
                              kode=request.GET.get("wilayah") or None)
    return berkas_respons(isi, f"anggota-{rekrutmen_id}.xlsx", XLSX)


@login_required
def sk_daftar_view(request, rekrutmen_id: int):
    akun = request.user
    r = sel_rekrutmen_staf(akun=akun, rekrutmen_id=rekrutmen_id)
    if request.method == "POST":
        tujuan = reverse("adhoc:sk-daftar", args=[r.pk])
        hasil = _aksi(request, lambda: sk_terbitkan(
            akun=akun, rekrutmen_id=r.pk, nomor=request.POST.get("nomor", ""),
            tanggal=_tanggal_post(request, "tanggal"),
            kode_wilayah=request.POST.get("wilayah") or None,
            perihal=request.POST.get("perihal", "")), tujuan)
        if isinstance(hasil, HttpResponse):
            return hasil
        messages.success(request, f"SK {hasil.nomor} terbit untuk {hasil.anggota.count()} "
                                  "anggota.")
        return redirect(tujuan)
    return render(request, "adhoc/sk.html", {
        "r": r, "daftar": sk_daftar(akun=akun, rekrutmen=r), "kelola": _boleh_kelola(akun, r),
        "jenis_dokumen": [("sk", "SK"), ("sumpah", "Berita acara sumpah/janji"),
                          ("pakta", "Pakta integritas")],
        "hari_ini": timezone.localdate().isoformat()})


@login_required
def dokumen(request, jenis: str, format: str):
    """Download a document (SK, oath record, pacts, certificates); audited in the service."""
    def angka(nama):
        nilai = request.GET.get(nama)
        return int(nilai) if nilai and nilai.isdigit() else None

    isi, nama, mime = dokumen_unduh(akun=request.user, jenis=jenis, format=format,
                                    sk_id=angka("sk"), kegiatan_id=angka("kegiatan"),
                                    anggota_id=angka("anggota"))
    return berkas_respons(isi, nama, mime)


@login_required
def templat(request):
    """Download a built-in DOCX template; upload an office's own version."""
    akun = request.user
    if request.method == "POST":
        f = request.FILES.get("berkas")
        hasil = _aksi(request, lambda: templat_unggah(
            akun=akun, kode_kantor=akun.wilayah_id, jenis=request.POST.get("jenis", ""),
            data=f.read() if f else b"", nama_berkas=f.name if f else ""),
            reverse("adhoc:templat"))
        if isinstance(hasil, HttpResponse):
            return hasil
        messages.success(request, "Templat disimpan dan dipakai untuk wilayah Anda.")
        return redirect("adhoc:templat")
    if jenis := request.GET.get("bawaan"):
        if jenis not in JenisDokumen.values:
            raise TidakDitemukan("Templat tidak ditemukan.")
        return berkas_respons(templat_bawaan(jenis), f"templat-{jenis}.docx", DOCX)
    kode = akun.wilayah_id or ""
    return render(request, "adhoc/templat.html", {
        "jenis": [(j, lbl, templat_untuk(jenis=j, kode=kode) if kode else None)
                  for j, lbl in JenisDokumen.choices]})


@login_required
def kegiatan_daftar_view(request, rekrutmen_id: int):
    akun = request.user
    r = sel_rekrutmen_staf(akun=akun, rekrutmen_id=rekrutmen_id)
    if request.method == "POST":
        tujuan = reverse("adhoc:kegiatan-daftar", args=[r.pk])
        sk_id = request.POST.get("sk")
        hasil = _aksi(request, lambda: kegiatan_buat(
            akun=akun, rekrutmen_id=r.pk, jenis=request.POST.get("jenis", ""),
            nama=request.POST.get("nama", ""), tanggal=_tanggal_post(request, "tanggal"),
            tempat=request.POST.get("tempat", ""),
            kode_wilayah=request.POST.get("wilayah") or None,
            agenda=request.POST.get("agenda", ""),
            sk_id=int(sk_id) if sk_id and sk_id.isdigit() else None), tujuan)
        if isinstance(hasil, HttpResponse):
            return hasil
        return redirect("adhoc:kegiatan", kegiatan_id=hasil.pk)
    return render(request, "adhoc/kegiatan_daftar.html", {
        "r": r, "daftar": kegiatan_daftar(akun=akun, rekrutmen=r),
        "sk": sk_daftar(akun=akun, rekrutmen=r), "jenis": JenisKegiatan.choices,
        "hari_ini": timezone.localdate().isoformat()})


@login_required
def kegiatan(request, kegiatan_id: int):
    """Attendance: a scanned QR code (a scanner types the code and Enter) or the list."""
    akun = request.user
    k = kegiatan_ambil(akun=akun, kegiatan_id=kegiatan_id)
    if request.method == "POST":
        anggota_id = request.POST.get("anggota")
        hasil = _aksi(request, lambda: kehadiran_catat(
            akun=akun, kegiatan_id=k.pk, kode_hadir=request.POST.get("kode") or None,
            anggota_id=int(anggota_id) if anggota_id and anggota_id.isdigit() else None),
            reverse("adhoc:kegiatan", args=[k.pk]))
        if isinstance(hasil, HttpResponse):
            return hasil
        h, baru = hasil
        messages.success(request, f"{h.anggota.pendaftar.nama}: "
                                  f"{'hadir dicatat' if baru else 'sudah tercatat hadir'}.")
        return redirect("adhoc:kegiatan", kegiatan_id=k.pk)
    peserta = peserta_kegiatan(akun=akun, kegiatan=k)
    return render(request, "adhoc/kegiatan.html", {
        "k": k, "peserta": peserta, "hadir": sum(1 for a in peserta if a.hadir)})


@login_required
def kegiatan_qr(request, kegiatan_id: int):
    """Printable cards: each member's QR code (its attendance code) with name and seat."""
    k = kegiatan_ambil(akun=request.user, kegiatan_id=kegiatan_id)
    peserta = peserta_kegiatan(akun=request.user, kegiatan=k)
    for a in peserta:
        a.qr = qr_svg(a.kode_hadir)
    return render(request, "adhoc/kegiatan_qr.html", {"k": k, "peserta": peserta})


@login_required
def anggota_satu(request, anggota_id: int):
    """A member's seat: its history, and the replacement (PAW) steps."""
    akun = request.user
    a = anggota_ambil(akun=akun, anggota_id=anggota_id)
    tujuan = reverse("adhoc:anggota-satu", args=[a.pk])
    if request.method == "POST":
        if request.POST.get("aksi") == "berhenti":
            f = request.FILES.get("bukti")
            hasil = _aksi(request, lambda: anggota_berhenti(
                akun=akun, anggota_id=a.pk, alasan=request.POST.get("alasan", ""),
                tanggal=_tanggal_post(request, "tanggal"), bukti=f.read() if f else b""),
                tujuan)
        else:
            pengganti = request.POST.get("pengganti", "")
            hasil = _aksi(request, lambda: paw_tetapkan(
                akun=akun, anggota_id=a.pk,
                pengganti_id=int(pengganti) if pengganti.isdigit() else 0,
                nomor_sk=request.POST.get("nomor_sk", ""),
                tanggal_sk=_tanggal_post(request, "tanggal_sk")), tujuan)
            if isinstance(hasil, Anggota):
                messages.success(request, "Pengganti antarwaktu ditetapkan; SK PAW terbit.")
                return redirect("adhoc:anggota-satu", anggota_id=hasil.pk)
        return hasil if isinstance(hasil, HttpResponse) else redirect(tujuan)
    berhenti = a.status == StatusAnggota.BERHENTI and not hasattr(a, "pengganti")
    return render(request, "adhoc/anggota_satu.html", {
        "a": a, "nik": nik_samarkan(a.pendaftar.nik),
        "riwayat": riwayat_kursi(akun=akun, anggota=a),
        "calon": paw_calon(akun=akun, anggota=a) if berhenti else [], "berhenti": berhenti,
        "kelola": _boleh_kelola(akun, a.rekrutmen), "hari_ini": timezone.localdate().isoformat()})


@login_required
def dasbor(request, rekrutmen_id: int, kode: str | None = None):
    r = sel_rekrutmen_staf(akun=request.user, rekrutmen_id=rekrutmen_id)
    d = dasbor_rekrutmen(akun=request.user, rekrutmen=r, kode=kode)
    per = perpanjangan_per_wilayah(rekrutmen=r, kode=[b.kode for b in d.baris])
    for b in d.baris:
        b.perpanjangan = per[b.kode]
    return render(request, "adhoc/dasbor.html", {
        "d": d, "r": r, "bisa_turun": d.wilayah.tingkat != "kecamatan",
        "kelola": _boleh_kelola(request.user, r)})


@login_required
def perpanjangan(request, rekrutmen_id: int):
    """Per-area extensions of registration with their decision letters; KPU records one
    for an area with fewer than twice the needed applicants."""
    akun = request.user
    r = sel_rekrutmen_staf(akun=akun, rekrutmen_id=rekrutmen_id)
    if request.method == "POST":
        f = request.FILES.get("berkas")
        hasil = _aksi(request, lambda: perpanjangan_tetapkan(
            akun=akun, rekrutmen_id=r.pk, kode_wilayah=request.POST.get("wilayah", ""),
            selesai=_tanggal_post(request, "selesai"),
            nomor_keputusan=request.POST.get("nomor", ""),
            tanggal_keputusan=_tanggal_post(request, "tanggal"),
            berkas=f.read() if f else b"", nama_berkas=f.name if f else ""),
            f"{reverse('adhoc:perpanjangan', args=[r.pk])}?wilayah="
            f"{request.POST.get('wilayah', '')}")
        if isinstance(hasil, HttpResponse):
            return hasil
        messages.success(request, f"Pendaftaran di {hasil.wilayah.nama} diperpanjang sampai "
                                  f"{hasil.selesai:%d-%m-%Y}.")
        return redirect("adhoc:perpanjangan", rekrutmen_id=r.pk)
    return render(request, "adhoc/perpanjangan.html", {
        "r": r, "daftar": perpanjangan_daftar(rekrutmen=r), "kelola": _boleh_kelola(akun, r),
        "wilayah": request.GET.get("wilayah", ""), "hari_ini": timezone.localdate().isoformat()})


@login_required
def perpanjangan_berkas(request, perpanjangan_id: int):
    """The decision letter of an extension."""
    p = perpanjangan_ambil(akun=request.user, perpanjangan_id=perpanjangan_id)
    return FileResponse(p.berkas.open("rb"), filename=p.berkas.name.rsplit("/", 1)[-1])


@login_required
def dasbor_xlsx(request, rekrutmen_id: int, kode: str | None = None):
    isi = dasbor_ekspor_xlsx(akun=request.user, rekrutmen_id=rekrutmen_id, kode=kode)
    return berkas_respons(isi, f"dasbor-{rekrutmen_id}-{(kode or 'semua').replace('.', '')}.xlsx",
                          XLSX)
