"""Static fallback of the public check (ANCHORS.md, kpu.go.id Feb 2024: a maintenance page
on polling morning): plain HTML files per desa and per TPS written from a fixed list, for
any web server or CDN to serve when the application is down. The check degrades to a
list a voter can browse; it never goes blank.

Each TPS page lists its voters the way the public check shows them (name and NIK masked,
RT/RW), with the fixed list's name and SHA-256; a manifest gives the SHA-256 of every
file so a mirror can be verified."""

import hashlib
import html
import json
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from simpul.core.audit import audit_catat
from simpul.core.nik import nik_samarkan
from simpul.core.scope import Cakupan
from simpul.pemilu.models import TPS
from simpul.wilayah.models import Wilayah

from .models import SalinanPemilih
from .rules import nama_samarkan

GAYA = ("body{font:16px/1.4 system-ui,sans-serif;margin:1rem;max-width:48rem}"
        "table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ccc;"
        "padding:.3rem;text-align:left}small{color:#555}")


def _halaman(judul: str, isi: str, kaki: str) -> str:
    e = html.escape
    return (f'<!doctype html><html lang="id"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width,initial-scale=1">'
            f"<title>{e(judul)}</title><style>{GAYA}</style></head><body>"
            f"<h1>{e(judul)}</h1>{isi}<p><small>{e(kaki)}</small></p></body></html>")


def cek_statis_tulis(*, akun, salinan, keluar: Path) -> dict:
    """Write the static pages of a fixed list into `keluar`; returns the counts. Audited
    like an export."""
    cakupan = Cakupan.dari(akun)
    cakupan.wajib_staf()
    keluar.mkdir(parents=True, exist_ok=True)
    e = html.escape
    kaki = (f"{salinan.label} {salinan.wilayah_kode}, ditetapkan "
            f"{timezone.localtime(salinan.dibuat):%d-%m-%Y %H:%M}, SHA-256 {salinan.sha256}. "
            "Nama dan NIK disamarkan. Halaman cadangan cek DPT.")
    tps = {t.pk: t for t in TPS.objects.filter(pemilu=salinan.pemilu).filter(
        cakupan.q_kode("desa_id")).select_related("desa")}
    per_tps: dict[int, list[str]] = {}
    baris = (SalinanPemilih.objects.filter(salinan=salinan).filter(cakupan.q_kode("desa_id"))
             .order_by("desa_id", "tps_nomor", "rw", "rt", "nama")
             .values_list("tps_id", "nama", "nik", "jenis_kelamin", "rt", "rw")
             .iterator(chunk_size=20_000))
    for tps_id, nama, nik, jk, rt, rw in baris:
        per_tps.setdefault(tps_id, []).append(
            f"<tr><td>{e(nama_samarkan(nama))}</td><td>{nik_samarkan(nik)}</td><td>{jk}</td>"
            f"<td>{e(rw or '000')}/{e(rt or '000')}</td></tr>")
    manifest: dict[str, str] = {}

    def tulis(jalur: str, teks: str) -> None:
        data = teks.encode()
        (keluar / jalur).parent.mkdir(parents=True, exist_ok=True)
        (keluar / jalur).write_bytes(data)
        manifest[jalur] = hashlib.sha256(data).hexdigest()

    desa_tps: dict[str, list] = {}
    for tps_id, isi in per_tps.items():
        t = tps.get(tps_id)
        if t is None:
            continue
        desa_tps.setdefault(t.desa_id, []).append((t, len(isi)))
        tulis(f"{t.desa_id}/tps-{t.nomor:03d}.html", _halaman(
            f"{t.label} {t.desa.nama}",
            f"<p>{e(t.alamat or '')}</p><table><tr><th>Nama</th><th>NIK</th><th>L/P</th>"
            f"<th>RW/RT</th></tr>{''.join(isi)}</table>", kaki))
    nama_desa = dict(Wilayah.objects.filter(kode__in=list(desa_tps)).values_list("kode", "nama"))
    for kode, daftar in desa_tps.items():
        daftar.sort(key=lambda x: x[0].nomor)
        tulis(f"{kode}/index.html", _halaman(
            f"Daftar pemilih {nama_desa.get(kode, kode)}", "<ul>" + "".join(
                f'<li><a href="tps-{t.nomor:03d}.html">{t.label}</a> ({n} pemilih)</li>'
                for t, n in daftar) + "</ul>", kaki))
    tulis("index.html", _halaman(
        f"Cek DPT cadangan: {salinan.pemilu.nama}",
        "<p>Pilih desa/kelurahan, lalu TPS Anda.</p><ul>" + "".join(
            f'<li><a href="{k}/index.html">{e(nama_desa.get(k, k))} ({k})</a></li>'
            for k in sorted(desa_tps)) + "</ul>", kaki))
    (keluar / "manifest.json").write_text(json.dumps(
        {"salinan": salinan.pk, "tahap": salinan.tahap, "versi": salinan.versi,
         "sha256_daftar": salinan.sha256, "berkas": manifest}, indent=1))
    hasil = {"tps": sum(len(v) for v in desa_tps.values()), "desa": len(desa_tps),
             "berkas": len(manifest) + 1, "pemilih": sum(len(v) for v in per_tps.values())}
    with transaction.atomic():
        audit_catat(akun=akun, aksi="pemilih.cek_statis_ekspor", objek=salinan,
                    wilayah_kode=cakupan.akar or salinan.wilayah_kode, sesudah=hasil)
    return hasil
