from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from simpul.core.dokumen import CSV, DOCX, PDF, berkas_respons
from simpul.core.errors import DataTidakValid, SimpulError
from simpul.core.scope import Cakupan
from simpul.core.tabel import tulis_csv

from . import selectors, services
from .grafik import grafik_svg


def _kanal_form(request, kanal) -> list[dict]:
    """Posts from the phone form: a link field per channel, group names for message
    groups and print/radio (one per line)."""
    hasil = []
    for k in kanal:
        if k.jenis in ("pesan", "cetak"):
            for nama in request.POST.get(f"sasaran_{k.kode}", "").replace(";", "\n").split("\n"):
                if nama.strip():
                    hasil.append({"kanal": k.kode, "sasaran": nama.strip(),
                                  "tautan": ""})
        elif request.POST.get(f"tautan_{k.kode}", "").strip():
            hasil.append({"kanal": k.kode, "tautan": request.POST[f"tautan_{k.kode}"]})
    return hasil


@login_required
def log(request):
    kantor_kode = request.GET.get("kantor") or None
    kantor = selectors.kantor_ambil(akun=request.user, kode=kantor_kode)
    daftar = selectors.publikasi_daftar(akun=request.user, kantor_kode=kantor_kode)
    return render(request, "humas/log.html", {"kantor": kantor, "daftar": daftar})


@login_required
def publikasi_form(request, publikasi_id: int | None = None):
    kanal = selectors.kanal_daftar()
    p = selectors.publikasi_ambil(akun=request.user, publikasi_id=publikasi_id) \
        if publikasi_id else None
    nilai = {"tanggal": timezone.localdate().isoformat(), "jenis_konten": "", "judul": "",
             "jangkauan": ""}
    isian = {}
    if p:
        nilai = {"tanggal": p.tanggal.isoformat(), "jenis_konten": str(p.jenis_konten_id),
                 "judul": p.judul, "jangkauan": p.jangkauan or ""}
        for u in p.unggahan.all():
            kunci = f"sasaran_{u.kanal_id}" if u.sasaran else f"tautan_{u.kanal_id}"
            isian[kunci] = (isian.get(kunci, "") + "\n" + (u.sasaran or u.tautan)).strip()
    if request.method == "POST":
        nilai = {k: request.POST.get(k, "") for k in nilai}
        isian = {k: v for k, v in request.POST.items() if k.startswith(("tautan_", "sasaran_"))}
        try:
            services.publikasi_simpan(akun=request.user, unggahan=_kanal_form(request, kanal),
                                      publikasi_id=publikasi_id, **nilai)
        except SimpulError as e:
            messages.error(request, e.message)
        else:
            messages.success(request, "Publikasi tersimpan.")
            return redirect("humas-log")
    baris = [{"kanal": k, "nilai": isian.get(f"sasaran_{k.kode}" if k.jenis in ("pesan", "cetak")
                                             else f"tautan_{k.kode}", "")} for k in kanal]
    return render(request, "humas/publikasi_form.html", {
        "p": p, "nilai": nilai, "baris": baris, "jenis": selectors.jenis_konten_daftar()})


@login_required
@require_POST
def publikasi_hapus(request, publikasi_id: int):
    services.publikasi_hapus(akun=request.user, publikasi_id=publikasi_id)
    messages.success(request, "Publikasi dihapus.")
    return redirect("humas-log")


@login_required
def tempel(request):
    nilai = {"tautan": "", "publikasi_id": "", "tanggal": timezone.localdate().isoformat(),
             "jenis_konten": "", "judul": "", "sasaran": ""}
    if request.method == "POST":
        nilai = {k: request.POST.get(k, "").strip() for k in nilai}
        try:
            p = services.unggahan_tempel(akun=request.user, **{
                **nilai, "publikasi_id": int(nilai["publikasi_id"] or 0) or None})
        except (SimpulError, ValueError) as e:
            messages.error(request, getattr(e, "message", "Nomor publikasi tidak sah."))
        else:
            messages.success(request, f"Unggahan dicatat pada '{p.judul}'.")
            return redirect("humas-log")
    terakhir = selectors.publikasi_daftar(akun=request.user, kantor_kode=None, batas=30) \
        if request.user.is_authenticated else []
    return render(request, "humas/tempel.html", {
        "nilai": nilai, "jenis": selectors.jenis_konten_daftar(), "terakhir": terakhir})


@login_required
def impor(request):
    konteks = {"kolom": services.KOLOM_IMPOR}
    if request.method == "POST":
        berkas = request.FILES.get("berkas")
        if berkas is None:
            messages.error(request, "Pilih berkas CSV atau XLSX terlebih dahulu.")
        else:
            try:
                hasil = services.publikasi_impor(akun=request.user, data=berkas.read(),
                                                 nama_berkas=berkas.name)
            except SimpulError as e:
                messages.error(request, e.message)
            else:
                konteks["hasil"] = hasil
                if hasil.galat and request.POST.get("unduh_galat"):
                    isi = tulis_csv(["baris", "kode", "pesan"],
                                    ((g.baris, g.kode, g.pesan) for g in hasil.galat))
                    return berkas_respons(isi, "galat-impor-publikasi.csv", CSV)
    return render(request, "humas/impor.html", konteks)


@login_required
def rekap(request):
    hari_ini = timezone.localdate()
    jenis = request.GET.get("periode", "semester")
    tahun = request.GET.get("tahun") or hari_ini.year
    nomor = request.GET.get("nomor") or 1
    periode = selectors.periode_ambil(jenis, tahun, nomor)
    data = selectors.rekap(akun=request.user, kantor_kode=request.GET.get("kantor") or None,
                           periode=periode)
    return render(request, "humas/rekap.html", {
        **data, "grafik": grafik_svg(data["bulanan"], data["kolom"]),
        "pilihan": {"periode": jenis, "tahun": tahun, "nomor": nomor}})


@login_required
def laporan_daftar(request):
    if request.method == "POST":
        try:
            lap = services.laporan_buat(
                akun=request.user, jenis_periode=request.POST.get("periode", ""),
                tahun=int(request.POST.get("tahun") or 0),
                nomor_periode=int(request.POST.get("nomor") or 1),
                tanggal_surat=request.POST.get("tanggal_surat", ""),
                nomor_surat=request.POST.get("nomor_surat", ""),
                data_sampai=request.POST.get("data_sampai") or None)
        except (SimpulError, ValueError) as e:
            messages.error(request, getattr(e, "message", "Isian tidak sah."))
        else:
            return redirect("humas-laporan", laporan_id=lap.pk)
    return render(request, "humas/laporan_daftar.html", {
        **selectors.laporan_daftar(akun=request.user), "hari_ini": timezone.localdate()})


@login_required
def laporan_detail(request, laporan_id: int):
    from .narasi import DAFTAR, KUNCI_NARASI
    from .rules import STATUS_BOLEH_UBAH

    lap = selectors.laporan_ambil(akun=request.user, laporan_id=laporan_id)
    if request.method == "POST":
        try:
            if request.POST.get("tindakan"):
                services.laporan_tindak(akun=request.user, laporan_id=lap.pk,
                                        tindakan=request.POST["tindakan"],
                                        isi=request.POST.get("isi", ""))
            else:
                services.laporan_ubah(
                    akun=request.user, laporan_id=lap.pk,
                    nomor_surat=request.POST.get("nomor_surat"),
                    tanggal_surat=request.POST.get("tanggal_surat") or None,
                    data_sampai=request.POST.get("data_sampai") or None,
                    narasi={k: request.POST.get(k, "") for k in KUNCI_NARASI})
        except SimpulError as e:
            messages.error(request, e.message)
        else:
            messages.success(request, "Tersimpan.")
            return redirect("humas-laporan", laporan_id=lap.pk)
    sendiri = lap.kantor_id == Cakupan.dari(request.user).akar
    return render(request, "humas/laporan_detail.html", {
        "lap": lap, "sendiri": sendiri, "boleh_ubah": sendiri and lap.status in STATUS_BOLEH_UBAH,
        "bagian": [(k, lap.narasi.get(k, ""), k in DAFTAR) for k in KUNCI_NARASI],
        "catatan": lap.catatan.select_related("akun")})


@login_required
def laporan_unduh(request, laporan_id: int, bentuk: str):
    from .dokumen import laporan_docx, laporan_pdf

    lap = selectors.laporan_ambil(akun=request.user, laporan_id=laporan_id)
    nama = f"laporan-bakohumas-{lap.kantor_id or 'kpu'}-{lap.jenis_periode}-" \
           f"{lap.nomor_periode}-{lap.tahun}"
    if bentuk == "pdf":
        return berkas_respons(laporan_pdf(akun=request.user, laporan=lap), f"{nama}.pdf", PDF)
    return berkas_respons(laporan_docx(akun=request.user, laporan=lap), f"{nama}.docx", DOCX)


@login_required
def templat(request):
    from .templat import templat_bawaan

    if request.method == "POST" and request.FILES.get("berkas"):
        berkas = request.FILES["berkas"]
        try:
            services.templat_unggah(akun=request.user, data=berkas.read(),
                                    nama_berkas=berkas.name)
        except SimpulError as e:
            messages.error(request, e.message)
        else:
            messages.success(request, "Templat laporan kantor Anda diganti.")
        return redirect("humas-laporan-daftar")
    return berkas_respons(templat_bawaan(), "templat-laporan-bakohumas.docx", DOCX)


# --- campaigns across tiers ------------------------------------------------------------------

@login_required
def kampanye_daftar(request):
    if request.method == "POST":
        try:
            k = services.kampanye_terbitkan(
                akun=request.user, judul=request.POST.get("judul", ""),
                isi=request.POST.get("isi", ""), tagar=request.POST.get("tagar", ""),
                mulai=request.POST.get("mulai", ""), selesai=request.POST.get("selesai", ""))
        except SimpulError as e:
            messages.error(request, e.message)
        else:
            messages.success(request, "Kampanye diterbitkan ke kantor di bawah Anda.")
            return redirect("humas-kampanye", kampanye_id=k.pk)
    return render(request, "humas/kampanye_daftar.html", {
        "daftar": selectors.kampanye_daftar(akun=request.user), "nilai": request.POST})


@login_required
def kampanye_detail(request, kampanye_id: int):
    k = selectors.kampanye_ambil(akun=request.user, kampanye_id=kampanye_id)
    if request.method == "POST":
        try:
            if request.POST.get("aksi") == "komentar":
                services.kampanye_komentar(akun=request.user, kampanye_id=k.pk,
                                           isi=request.POST.get("isi", ""),
                                           induk_id=int(request.POST.get("induk") or 0) or None)
            else:
                services.kampanye_unggahan_catat(
                    akun=request.user, kampanye_id=k.pk, tautan=request.POST.get("tautan", ""),
                    waktu=request.POST.get("waktu") or None,
                    jenis_konten=request.POST.get("jenis_konten") or "Repost")
        except SimpulError as e:
            messages.error(request, e.message)
        else:
            messages.success(request, "Tersimpan.")
            return redirect("humas-kampanye", kampanye_id=k.pk)
    cakupan = Cakupan.dari(request.user)
    return render(request, "humas/kampanye_detail.html", {
        "k": k, "sendiri": selectors.kampanye_unggahan_sendiri(akun=request.user,
                                                                kampanye_id=k.pk),
        "sasaran": k.penerbit_id != cakupan.akar and not selectors.kampanye_penerbit_atau_atas(
            cakupan, k),
        "pemantau": selectors.kampanye_penerbit_atau_atas(cakupan, k),
        "komentar": selectors.kampanye_komentar_daftar(akun=request.user, kampanye_id=k.pk),
        "jenis": selectors.jenis_konten_daftar()})


@login_required
def kampanye_status(request, kampanye_id: int):
    data = selectors.kampanye_status(akun=request.user, kampanye_id=kampanye_id)
    if request.GET.get("bentuk") == "csv":
        isi = tulis_csv(["kode", "kantor", "pertama_unggah", "jumlah", "terlambat", "tautan"], (
            (b.kode, b.nama, b.pertama.isoformat() if b.pertama else "", b.jumlah,
             "ya" if b.terlambat else "", " ".join(u for _, u in b.tautan))
            for b in data["baris"]))
        return berkas_respons(isi, f"kampanye-{kampanye_id}.csv", CSV)
    return render(request, "humas/kampanye_status.html", data)


# --- news site (staff) ---------------------------------------------------------------------

def _galat_form(request, e: SimpulError) -> None:
    messages.error(request, f"{e.message} ({e.code})")


@login_required
def situs_staf(request):
    from . import situs_selectors, situs_services
    from .forms import DokumenForm

    kantor = services.kantor_akun(request.user)
    dokumen_form = DokumenForm()
    if request.method == "POST":
        try:
            if request.POST.get("aksi") == "dokumen":
                dokumen_form = DokumenForm(request.POST, request.FILES)
                if dokumen_form.is_valid():
                    d = dokumen_form.cleaned_data
                    berkas = d.pop("berkas")
                    situs_services.dokumen_simpan(akun=request.user, data=berkas.read(),
                                                  nama_berkas=berkas.name, **d)
                    messages.success(request, "Dokumen diunggah.")
                    return redirect("humas-situs")
            else:
                berkas = request.FILES.get("berkas")
                if berkas is None:
                    messages.error(request, "Pilih berkas terlebih dahulu.")
                else:
                    m = situs_services.media_unggah(
                        akun=request.user, data=berkas.read(), nama_berkas=berkas.name,
                        keterangan=request.POST.get("keterangan", ""))
                    messages.success(request, f"Media tersimpan: {situs_services.media_url(m)}")
                    return redirect("humas-situs")
        except SimpulError as e:
            _galat_form(request, e)
    return render(request, "humas/situs_staf.html", {
        "kode": situs_services.kode_url(kantor),
        "artikel": situs_selectors.artikel_staf(akun=request.user),
        "media": [(m, situs_services.media_url(m))
                  for m in situs_selectors.media_staf(akun=request.user)],
        "dokumen_form": dokumen_form})


@login_required
def artikel_form(request, artikel_id: int | None = None):
    from . import situs_selectors, situs_services
    from .forms import ArtikelForm

    kantor = services.kantor_akun(request.user)
    a = situs_selectors.artikel_staf_ambil(akun=request.user, artikel_id=artikel_id) \
        if artikel_id else None
    awal = {"judul": a.judul, "slug": a.slug, "ringkasan": a.ringkasan, "isi": a.isi,
            "kategori": a.kategori.slug if a.kategori_id else None,
            "tag": ", ".join(t.nama for t in a.tag.all()), "gambar_id": a.gambar_id,
            "status": a.status, "terbit_pada": a.terbit_pada} if a else {
        "status": "draf", "kategori": "berita-terkini"}
    form = ArtikelForm(request.POST or None, initial=awal)
    media = situs_selectors.media_staf(akun=request.user)
    form.fields["gambar_id"].widget.choices = [("", "—")] + [
        (m.pk, m.nama_berkas) for m in media if m.mime.startswith("image/")]
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            a = situs_services.artikel_simpan(
                akun=request.user, artikel_id=artikel_id, judul=d["judul"], slug=d["slug"],
                ringkasan=d["ringkasan"], isi=d["isi"],
                kategori=d["kategori"].slug if d["kategori"] else None, tag=d["tag"],
                gambar_id=d["gambar_id"], status=d["status"], terbit_pada=d["terbit_pada"])
        except SimpulError as e:
            _galat_form(request, e)
        else:
            messages.success(request, "Artikel tersimpan.")
            return redirect("humas-artikel", artikel_id=a.pk)
    return render(request, "humas/artikel_form.html", {
        "form": form, "a": a, "kode": situs_services.kode_url(kantor),
        "media": [(m, situs_services.media_url(m)) for m in media]})


@login_required
def halaman_form(request, halaman_id: int | None = None):
    from . import situs_services
    from .forms import HalamanForm
    from .models import HalamanSitus

    kantor = services.kantor_akun(request.user)
    h = HalamanSitus.objects.filter(pk=halaman_id, kantor_id=kantor).first() \
        if halaman_id else None
    awal = {"judul": h.judul, "slug": h.slug, "isi": h.isi, "urutan": h.urutan,
            "terbit": h.terbit} if h else {"terbit": True, "urutan": 0}
    form = HalamanForm(request.POST or None, initial=awal)
    if request.method == "POST" and form.is_valid():
        try:
            h = situs_services.halaman_simpan(akun=request.user, halaman_id=halaman_id,
                                              **form.cleaned_data)
        except SimpulError as e:
            _galat_form(request, e)
        else:
            messages.success(request, "Halaman tersimpan.")
            return redirect("humas-situs")
    return render(request, "humas/halaman_form.html", {"form": form, "h": h})


@login_required
def arsip(request):
    """Export the office's site as a ZIP, import such a ZIP, or import a WordPress WXR."""
    from . import arsip as ars
    from .situs_services import kode_url

    kantor = services.kantor_akun(request.user)
    hasil = None
    if request.method == "POST":
        if request.POST.get("aksi") == "ekspor":
            r = HttpResponse(ars.situs_ekspor(akun=request.user), content_type="application/zip")
            r["Content-Disposition"] = (f'attachment; filename="situs-{kode_url(kantor)}-'
                                        f'{timezone.localdate():%Y%m%d}.zip"')
            return r
        berkas = request.FILES.get("berkas")
        if berkas is None:
            messages.error(request, "Pilih berkas terlebih dahulu.")
        elif berkas.size > (ars.BATAS_WXR if request.POST.get("aksi") == "wxr"
                            else ars.BATAS_ARSIP):
            messages.error(request, "Berkas terlalu besar (humas.berkas_terlalu_besar).")
        else:
            try:
                fungsi = ars.wxr_impor if request.POST.get("aksi") == "wxr" else ars.situs_impor
                hasil = fungsi(akun=request.user, data=berkas.read())
            except SimpulError as e:
                _galat_form(request, e)
            else:
                messages.success(request, "Impor selesai.")
    return render(request, "humas/arsip.html", {"hasil": hasil, "kode": kode_url(kantor)})


# --- media monitoring ------------------------------------------------------------------------

@login_required
def pantauan(request):
    from .models import JenisSumber, Sentimen, StatusTanggapan

    hari_ini = timezone.localdate()
    jenis = request.GET.get("periode", "bulan")
    tahun = request.GET.get("tahun") or hari_ini.year
    nomor = request.GET.get("nomor") or (hari_ini.month if jenis == "bulan" else 1)
    periode = selectors.periode_ambil(jenis, tahun, nomor)
    kantor_kode = request.GET.get("kantor") or None
    if request.method == "POST":
        try:
            if request.POST.get("pantauan_id"):
                services.pantauan_tanggapi(
                    akun=request.user, pantauan_id=int(request.POST["pantauan_id"]),
                    status_tanggapan=request.POST.get("status_tanggapan", ""),
                    tanggapan=request.POST.get("tanggapan", ""))
            else:
                services.pantauan_catat(
                    akun=request.user, hoaks=bool(request.POST.get("hoaks")),
                    **{k: request.POST.get(k, "") for k in (
                        "tanggal", "jenis_sumber", "sumber", "judul", "tautan", "ringkasan",
                        "sentimen", "tanggapan")},
                    status_tanggapan=request.POST.get("status_tanggapan") or None)
        except (SimpulError, ValueError) as e:
            messages.error(request, getattr(e, "message", "Isian tidak sah."))
        else:
            messages.success(request, "Pantauan tersimpan.")
            return redirect(request.get_full_path())
    saring_hoaks = {"ya": True, "tidak": False}.get(request.GET.get("hoaks", ""))
    return render(request, "humas/pantauan.html", {
        "periode": periode, "pilihan": {"periode": jenis, "tahun": tahun, "nomor": nomor},
        "rekap": selectors.pantauan_rekap(akun=request.user, kantor_kode=kantor_kode,
                                          periode=periode),
        "daftar": selectors.pantauan_daftar(akun=request.user, kantor_kode=kantor_kode,
                                            periode=periode, hoaks=saring_hoaks,
                                            status=request.GET.get("status", "")),
        "jenis_sumber": JenisSumber.choices, "sentimen": Sentimen.choices,
        "status": StatusTanggapan.choices, "hari_ini": hari_ini, "nilai": request.POST})


# --- coordination, dissemination and team --------------------------------------------------

def _periode_get(request, bawaan: str = "semester"):
    hari_ini = timezone.localdate()
    jenis = request.GET.get("periode", bawaan)
    tahun = request.GET.get("tahun") or hari_ini.year
    nomor = request.GET.get("nomor") or ((hari_ini.month - 1) // 6 + 1 if jenis == "semester"
                                         else 1)
    return selectors.periode_ambil(jenis, tahun, nomor), {"periode": jenis, "tahun": tahun,
                                                          "nomor": nomor}


def _catatan_simpan(request, simpan, nama: str, tujuan: str, tanggal: str = ""):
    """Save through `simpan`; on success go back to the list, at the semester of the entry's
    date `tanggal` (an attribute name) so the entry just saved is in view."""
    try:
        c = simpan()
    except (SimpulError, ValueError) as e:
        messages.error(request, getattr(e, "message", "Isian tidak sah."))
        return None
    messages.success(request, f"{nama} tersimpan.")
    url = reverse(tujuan)
    if tanggal:
        t = getattr(c, tanggal)
        url += f"?periode=semester&tahun={t.year}&nomor={(t.month - 1) // 6 + 1}"
    return redirect(url)


@login_required
def koordinasi(request, catatan_id: int | None = None):
    """The coordination log of a period, and the form to add or correct an entry."""
    from .models import KategoriMitra

    periode, pilihan = _periode_get(request)
    kantor_kode = request.GET.get("kantor") or None
    c = selectors.catatan_sendiri(akun=request.user, jenis="koordinasi",
                                  catatan_id=catatan_id) if catatan_id else None
    nilai = {"tanggal_mulai": "", "tanggal_selesai": "", "jenis": "Koordinasi dan Komunikasi",
             "mitra": "", "kategori_mitra": "pemerintah", "uraian": ""}
    if c:
        nilai = {k: getattr(c, k) or "" for k in nilai}
    if request.method == "POST":
        nilai = {k: request.POST.get(k, "").strip() for k in nilai}
        r = _catatan_simpan(request, lambda: services.koordinasi_catat(
            akun=request.user, koordinasi_id=catatan_id,
            **{**nilai, "tanggal_selesai": nilai["tanggal_selesai"] or None}),
            "Koordinasi", "humas-koordinasi", "tanggal_mulai")
        if r:
            return r
    return render(request, "humas/koordinasi.html", {
        "c": c, "nilai": nilai, "pilihan": pilihan, "periode": periode,
        "kantor": selectors.kantor_ambil(akun=request.user, kode=kantor_kode),
        "baca_saja": kantor_kode is not None,
        "daftar": selectors.koordinasi_daftar(akun=request.user, kantor_kode=kantor_kode,
                                              periode=periode),
        "kategori": KategoriMitra.choices})


@login_required
def diseminasi(request, catatan_id: int | None = None):
    """The information-dissemination log of a period, and its add/correct form."""
    periode, pilihan = _periode_get(request)
    kantor_kode = request.GET.get("kantor") or None
    c = selectors.catatan_sendiri(akun=request.user, jenis="diseminasi",
                                  catatan_id=catatan_id) if catatan_id else None
    nilai = {"tanggal": "", "informasi": "", "bulan_saja": "", "kanal": []}
    if c:
        nilai = {"tanggal": c.tanggal, "informasi": c.informasi,
                 "bulan_saja": "1" if c.presisi == "bulan" else "",
                 "kanal": [k.kode for k in c.kanal.all()]}
    if request.method == "POST":
        nilai = {"tanggal": request.POST.get("tanggal", ""),
                 "informasi": request.POST.get("informasi", ""),
                 "bulan_saja": request.POST.get("bulan_saja", ""),
                 "kanal": request.POST.getlist("kanal")}
        r = _catatan_simpan(request, lambda: services.diseminasi_catat(
            akun=request.user, diseminasi_id=catatan_id, tanggal=nilai["tanggal"],
            informasi=nilai["informasi"], kanal=nilai["kanal"],
            presisi="bulan" if nilai["bulan_saja"] else "hari"), "Diseminasi", "humas-diseminasi",
            "tanggal")
        if r:
            return r
    return render(request, "humas/diseminasi.html", {
        "c": c, "nilai": nilai, "pilihan": pilihan, "periode": periode,
        "kantor": selectors.kantor_ambil(akun=request.user, kode=kantor_kode),
        "baca_saja": kantor_kode is not None, "kanal": selectors.kanal_daftar(),
        "daftar": selectors.diseminasi_daftar(akun=request.user, kantor_kode=kantor_kode,
                                              periode=periode)})


@login_required
def tim(request, catatan_id: int | None = None):
    """The team decrees with their members, and the form for a decree or an amendment:
    an amendment starts from the members of the decree in force."""
    kantor_kode = request.GET.get("kantor") or None
    daftar = selectors.sk_tim_daftar(akun=request.user, kantor_kode=kantor_kode)
    c = selectors.catatan_sendiri(akun=request.user, jenis="sk",
                                  catatan_id=catatan_id) if catatan_id else None
    dasar = c or (daftar[0] if daftar else None)
    nilai = {"nomor": "", "tanggal": "", "tentang": "Tim Bakohumas",
             "mengubah": dasar.nomor if dasar and not c else "", "anggota": ""}
    if dasar:
        nilai["anggota"] = "\n".join(f"{a.nama} | {a.jabatan_kedinasan} | {a.jabatan_tim}"
                                     for a in dasar.anggota.all())
    if c:
        nilai.update(nomor=c.nomor, tanggal=c.tanggal, tentang=c.tentang,
                     mengubah=c.mengubah.nomor if c.mengubah_id else "")
    if request.method == "POST":
        nilai = {k: request.POST.get(k, "").strip() for k in nilai}
        r = _catatan_simpan(request, lambda: services.sk_tim_tetapkan(
            akun=request.user, sk_id=catatan_id, nomor=nilai["nomor"], tanggal=nilai["tanggal"],
            tentang=nilai["tentang"], mengubah=nilai["mengubah"] or None,
            anggota=services.anggota_urai(nilai["anggota"])), "SK tim", "humas-tim")
        if r:
            return r
    return render(request, "humas/tim.html", {
        "c": c, "nilai": nilai, "daftar": daftar, "baca_saja": kantor_kode is not None,
        "kantor": selectors.kantor_ambil(akun=request.user, kode=kantor_kode)})


@login_required
@require_POST
def catatan_hapus(request, jenis: str, catatan_id: int):
    tujuan = {"koordinasi": "humas-koordinasi", "diseminasi": "humas-diseminasi",
              "sk": "humas-tim"}.get(jenis)
    if tujuan is None:
        raise Http404
    try:
        services.catatan_hapus(akun=request.user, jenis=jenis, catatan_id=catatan_id)
    except DataTidakValid as e:
        messages.error(request, e.message)
    else:
        messages.success(request, "Catatan dihapus.")
    return redirect(tujuan)


@login_required
def rekap_kantor(request):
    """The recap of all offices below the account's (or the office asked for), per office x
    month; CSV on request."""
    periode, pilihan = _periode_get(request)
    data = selectors.rekap_lintas_kantor(akun=request.user, periode=periode,
                                         kantor_kode=request.GET.get("kantor") or None)
    if request.GET.get("bentuk") == "csv":
        kepala = ["kode", "kantor", *data["bulan_singkat"], "publikasi", "unggahan",
                  *[k.singkatan for k in data["kolom"]], "media_sosial"]
        isi = tulis_csv(kepala, ((r.kode or "", r.nama, *r.publikasi, r.jumlah_publikasi,
                                  r.jumlah_unggahan, *r.per_kanal, r.medsos)
                                 for r in [*data["baris"], data["total"]]))
        return berkas_respons(isi, f'rekap-kantor-{data["induk"].kode if data["induk"] else "ri"}'
                                   f"-{periode.jenis}-{periode.nomor}-{periode.tahun}.csv", CSV)
    return render(request, "humas/rekap_kantor.html", {**data, "pilihan": pilihan})


@login_required
def media_tertunda(request):
    """Files of an imported WordPress site still to bring in, which pages still load them
    from the old site, and an upload per file."""
    from . import situs_selectors, situs_services

    if request.method == "POST":
        berkas = request.FILES.get("berkas")
        if berkas is None:
            messages.error(request, "Pilih berkas terlebih dahulu.")
        else:
            try:
                _, diubah = situs_services.media_tertunda_unggah(
                    akun=request.user, tertunda_id=int(request.POST.get("tertunda_id") or 0),
                    data=berkas.read(), nama_berkas=berkas.name)
            except SimpulError as e:
                _galat_form(request, e)
            else:
                messages.success(request, f"Berkas tersimpan; {len(diubah)} artikel/halaman "
                                          "kini memuatnya dari situs ini.")
                return redirect("humas-media-tertunda")
    return render(request, "humas/media_tertunda.html",
                  situs_selectors.media_tertunda_staf(akun=request.user))
