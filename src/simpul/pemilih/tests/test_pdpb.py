"""PDPB monthly recap from the voter rows and their history; chart PNG for social media."""

import struct
from datetime import date, datetime

import pytest
from django.utils import timezone

from simpul.core.errors import DataTidakValid
from simpul.core.models import AuditEntry
from simpul.pemilih.models import KategoriTMS, Pemilih, RiwayatPemilih
from simpul.pemilih.pdpb import pdpb_ekspor, pdpb_rekap
from simpul.pemilih.services import pemilih_tandai_ms, pemilih_tandai_tms, pemilih_ubah


def _pada(tahun, bulan, hari=10):
    return timezone.make_aware(datetime(tahun, bulan, hari, 9))


def test_rekap_bulanan_baru_tms_per_kategori_dan_perubahan(operator, pemilu, buat_pemilih):
    ps = [buat_pemilih(dibuat=_pada(2025, 1)) for _ in range(3)]
    ps += [buat_pemilih(dibuat=_pada(2025, 2)) for _ in range(2)]
    buat_pemilih(dibuat=_pada(2024, 12))  # before the period
    pemilih_tandai_tms(akun=operator, pemilih_id=ps[0].pk, versi=1, kategori="meninggal")
    RiwayatPemilih.objects.filter(pemilih=ps[0]).update(waktu=_pada(2025, 2, 20))
    pemilih_tandai_tms(akun=operator, pemilih_id=ps[1].pk, versi=1, kategori="ganda")
    pemilih_tandai_ms(akun=operator, pemilih_id=ps[1].pk, versi=2)
    pemilih_ubah(akun=operator, pemilih_id=ps[2].pk, versi=1, perubahan={"nama": "NAMA BARU"})
    RiwayatPemilih.objects.filter(pemilih__in=ps[1:3]).update(waktu=_pada(2025, 3, 5))
    r = pdpb_rekap(akun=operator, pemilu=pemilu, mulai=date(2025, 1, 1),
                   sampai=date(2025, 3, 31))
    meninggal = str(KategoriTMS.objects.get(kode="meninggal").pk)
    ganda = str(KategoriTMS.objects.get(kode="ganda").pk)
    assert [b.baru for b in r.bulan] == [3, 2, 0]
    assert [b.tms for b in r.bulan] == [{}, {meninggal: 1}, {ganda: 1}]
    assert [b.ubah for b in r.bulan] == [0, 0, 1]
    assert [b.aktif_kembali for b in r.bulan] == [0, 0, 1]
    assert r.total.tms_total == 2 and {n for _, n in r.kategori} == {"Meninggal dunia", "Ganda"}
    assert [b.label for b in r.bulan] == ["Jan 2025", "Feb 2025", "Mar 2025"]
    assert Pemilih.objects.count() == 6


def test_grafik_png_16_9_dan_xlsx_diaudit(operator, pemilu, buat_pemilih):
    buat_pemilih(dibuat=_pada(2025, 1))
    png, nama, mime = pdpb_ekspor(akun=operator, pemilu=pemilu, mulai=date(2025, 1, 1),
                                  sampai=date(2025, 6, 30), format="png")
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and mime == "image/png"
    assert struct.unpack(">II", png[16:24]) == (1200, 675)
    xlsx, nama, _ = pdpb_ekspor(akun=operator, pemilu=pemilu, mulai=date(2025, 1, 1),
                                sampai=date(2025, 6, 30), format="xlsx")
    assert xlsx[:2] == b"PK" and nama.endswith(".xlsx")
    assert AuditEntry.objects.filter(aksi="pemilih.pdpb_ekspor").count() == 2
    with pytest.raises(DataTidakValid):
        pdpb_rekap(akun=operator, pemilu=pemilu, mulai=date(2025, 2, 1),
                   sampai=date(2025, 1, 1))
    with pytest.raises(DataTidakValid):
        pdpb_ekspor(akun=operator, pemilu=pemilu, mulai=date(2025, 1, 1),
                    sampai=date(2025, 1, 31), format="gif")


def test_halaman_pdpb(client, operator, pemilu, buat_pemilih):
    from django.urls import reverse

    buat_pemilih(dibuat=_pada(2025, 1))
    client.force_login(operator)
    h = client.get(reverse("pemilih-pdpb"), {"pemilu": pemilu.pk, "mulai": "2025-01-01",
                                             "sampai": "2025-03-31"})
    assert h.status_code == 200 and "Jan 2025" in h.content.decode()
    g = client.get(reverse("pemilih-pdpb-berkas", args=["png"]),
                   {"pemilu": pemilu.pk, "mulai": "2025-01-01", "sampai": "2025-03-31"})
    assert g.status_code == 200 and g["Content-Type"] == "image/png"
