"""Decrees, inauguration documents (DOCX from editable templates, PDF), attendance, bimtek
certificates with QR attendance, and replacement (PAW)."""

import io
from datetime import date

import pytest
from docx import Document

from simpul.adhoc.dokumen import templat_bawaan
from simpul.adhoc.errors import KodeAdhoc
from simpul.adhoc.models import SK, Anggota, Jabatan, JenisSK, StatusAnggota
from simpul.adhoc.selectors import (
    kegiatan_daftar,
    paw_calon,
    peserta_kegiatan,
    riwayat_kursi,
    sk_daftar,
)
from simpul.adhoc.services import (
    anggota_berhenti,
    dokumen_unduh,
    kegiatan_buat,
    kehadiran_catat,
    paw_tetapkan,
    penempatan_jalankan,
    sk_terbitkan,
    templat_unggah,
)
from simpul.core.errors import DataTidakValid, Dilarang, SimpulError, TidakDitemukan
from simpul.core.models import AuditEntry
from simpul.core.roles import Peran
from simpul.pemilu.demo import KEDOPOK
from simpul.pemilu.models import TPS
from simpul.wilayah.models import Wilayah

from .conftest import PDF

pytestmark = pytest.mark.django_db


@pytest.fixture
def kpps_kedopok(pilkada, rekrutmen_kpps, operator_kota, pelamar_ms):
    n = TPS.objects.filter(pemilu=pilkada, desa_id=KEDOPOK).count()
    pelamar_ms(rekrutmen_kpps, KEDOPOK, 7 * n + 4, it=2 * n + 1)
    penempatan_jalankan(akun=operator_kota, rekrutmen_id=rekrutmen_kpps.pk)
    return n


@pytest.fixture
def sk(kpps_kedopok, rekrutmen_kpps, operator_kota):
    return sk_terbitkan(akun=operator_kota, rekrutmen_id=rekrutmen_kpps.pk,
                        nomor="123/PP.04.2-Kpt/3574/2024", tanggal=date(2024, 11, 6),
                        kode_wilayah=KEDOPOK)


def _teks_docx(isi: bytes) -> str:
    d = Document(io.BytesIO(isi))
    return "\n".join([p.text for p in d.paragraphs]
                     + [c.text for t in d.tables for r in t.rows for c in r.cells])


def test_sk_memuat_nomor_tanggal_dan_semua_anggota(sk, kpps_kedopok, operator_kota):
    assert sk.anggota.count() == 7 * kpps_kedopok
    isi, nama, mime = dokumen_unduh(akun=operator_kota, jenis="sk", format="docx", sk_id=sk.pk)
    teks = _teks_docx(isi)
    assert "123/PP.04.2-Kpt/3574/2024" in teks and "6 November 2024" in teks
    assert teks.count("Ketua") >= kpps_kedopok
    for a in sk.anggota.select_related("pendaftar"):
        assert a.pendaftar.nama in teks and a.pendaftar.nik not in teks  # NIK masked
    assert nama.endswith(".docx") and mime.endswith("document")
    pdf, _, mime = dokumen_unduh(akun=operator_kota, jenis="sk", format="pdf", sk_id=sk.pk)
    assert pdf.startswith(b"%PDF-") and mime == "application/pdf"
    unduh = AuditEntry.objects.filter(aksi="adhoc.dokumen.unduh").order_by("seq")
    assert [e.sesudah["format"] for e in unduh] == ["docx", "pdf"]
    assert len(unduh[0].sesudah["sha256"]) == 64


def test_sk_nomor_ganda_dan_tanpa_anggota(sk, rekrutmen_kpps, operator_kota):
    with pytest.raises(SimpulError) as e:
        sk_terbitkan(akun=operator_kota, rekrutmen_id=rekrutmen_kpps.pk, nomor=sk.nomor,
                     tanggal=date(2024, 11, 6), kode_wilayah="35.74.01")
    assert e.value.code in (KodeAdhoc.SK_NOMOR_GANDA, KodeAdhoc.SK_TIDAK_VALID)
    with pytest.raises(DataTidakValid) as e:
        sk_terbitkan(akun=operator_kota, rekrutmen_id=rekrutmen_kpps.pk, nomor="9/X",
                     tanggal=date(2024, 11, 6), kode_wilayah=KEDOPOK)
    assert e.value.code == KodeAdhoc.SK_TIDAK_VALID  # every Kedopok member has a decree


def test_sumpah_dan_pakta_integritas(sk, kpps_kedopok, operator_kota, rekrutmen_kpps):
    pelantikan = kegiatan_buat(akun=operator_kota, rekrutmen_id=rekrutmen_kpps.pk,
                               jenis="pelantikan", nama="Pelantikan KPPS", tempat="Kel. Kedopok",
                               tanggal=date(2024, 11, 7), kode_wilayah=KEDOPOK, sk_id=sk.pk)
    isi, _, _ = dokumen_unduh(akun=operator_kota, jenis="sumpah", format="docx",
                              kegiatan_id=pelantikan.pk)
    teks = _teks_docx(isi)
    assert "Kamis, 7 November 2024" in teks and "BERITA ACARA" in teks
    satu = sk.anggota.first()
    pakta, _, _ = dokumen_unduh(akun=operator_kota, jenis="pakta", format="docx", sk_id=sk.pk,
                                anggota_id=satu.pk)
    assert "PAKTA INTEGRITAS" in _teks_docx(pakta) and satu.pendaftar.nama in _teks_docx(pakta)
    semua, _, _ = dokumen_unduh(akun=operator_kota, jenis="pakta", format="pdf", sk_id=sk.pk)
    assert semua.startswith(b"%PDF-")
    # Attendance of the inauguration: from the list, once.
    h, baru = kehadiran_catat(akun=operator_kota, kegiatan_id=pelantikan.pk, anggota_id=satu.pk)
    h2, baru2 = kehadiran_catat(akun=operator_kota, kegiatan_id=pelantikan.pk,
                                anggota_id=satu.pk)
    assert baru and not baru2 and h == h2
    peserta = peserta_kegiatan(akun=operator_kota, kegiatan=pelantikan)
    assert len(peserta) == 7 * kpps_kedopok and sum(1 for a in peserta if a.hadir) == 1


def test_templat_kantor_menggantikan_bawaan(sk, operator_kota, buat_akun):
    """Staff edit the built-in DOCX and upload it for their office; it is used from then on.
    A file that is not a DOCX, or a template with a syntax error, is refused."""
    d = Document(io.BytesIO(templat_bawaan("sk")))
    d.add_paragraph("Tembusan: Bupati {{ wilayah }} (templat kantor)")
    berkas = io.BytesIO()
    d.save(berkas)
    templat_unggah(akun=operator_kota, kode_kantor="35.74", jenis="sk", data=berkas.getvalue(),
                   nama_berkas="sk-kota.docx")
    isi, _, _ = dokumen_unduh(akun=operator_kota, jenis="sk", format="docx", sk_id=sk.pk)
    assert "(templat kantor)" in _teks_docx(isi)
    with pytest.raises(DataTidakValid) as e:
        templat_unggah(akun=operator_kota, kode_kantor="35.74", jenis="sk", data=PDF,
                       nama_berkas="x.docx")
    assert e.value.code == KodeAdhoc.TEMPLAT_TIDAK_VALID
    rusak = Document(io.BytesIO(templat_bawaan("sk")))
    rusak.add_paragraph("{% for a in anggota %} tanpa penutup")
    berkas = io.BytesIO()
    rusak.save(berkas)
    with pytest.raises(DataTidakValid) as e:
        templat_unggah(akun=operator_kota, kode_kantor="35.74", jenis="sk",
                       data=berkas.getvalue(), nama_berkas="rusak.docx")
    assert "tidak dapat diisi" in e.value.message
    with pytest.raises(TidakDitemukan):
        templat_unggah(akun=buat_akun(Peran.KPU_KAB_OPERATOR, "35.13"), kode_kantor="35.74",
                       jenis="sk", data=berkas.getvalue(), nama_berkas="x.docx")


def test_bimtek_qr_dan_sertifikat(sk, kpps_kedopok, rekrutmen_kpps, pilkada, buat_akun):
    """Seed 003/004: PPS gives the KPPS of its kelurahan a bimtek; attendance by each
    member's QR code; a certificate only for those who attended."""
    pps = buat_akun(Peran.PPS, KEDOPOK, pilkada)
    bimtek = kegiatan_buat(akun=pps, rekrutmen_id=rekrutmen_kpps.pk, jenis="bimtek",
                           nama="Bimtek pemungutan dan penghitungan suara", tempat="Aula",
                           tanggal=date(2024, 11, 12),
                           agenda="Pembukaan\nTata cara pemungutan\nSirekap\n")
    assert bimtek.butir_agenda == ["Pembukaan", "Tata cara pemungutan", "Sirekap"]
    a, b = Anggota.objects.filter(sk=sk)[:2]
    kehadiran_catat(akun=pps, kegiatan_id=bimtek.pk, kode_hadir=a.kode_hadir)
    with pytest.raises(SimpulError) as e:
        kehadiran_catat(akun=pps, kegiatan_id=bimtek.pk, kode_hadir="kode-palsu")
    assert e.value.code == KodeAdhoc.KODE_HADIR_TIDAK_DIKENAL
    isi, _, _ = dokumen_unduh(akun=pps, jenis="sertifikat", format="pdf",
                              kegiatan_id=bimtek.pk, anggota_id=a.pk)
    assert isi.startswith(b"%PDF-")
    with pytest.raises(SimpulError) as e:
        dokumen_unduh(akun=pps, jenis="sertifikat", format="pdf", kegiatan_id=bimtek.pk,
                      anggota_id=b.pk)
    assert e.value.code == KodeAdhoc.BELUM_HADIR
    # A PPS elsewhere neither sees the bimtek nor records attendance in it.
    lain = buat_akun(Peran.PPS, "35.74.01.1001", pilkada)
    with pytest.raises(TidakDitemukan):
        kehadiran_catat(akun=lain, kegiatan_id=bimtek.pk, kode_hadir=b.kode_hadir)
    with pytest.raises(Dilarang):
        kegiatan_buat(akun=pps, rekrutmen_id=rekrutmen_kpps.pk, jenis="pelantikan", nama="x",
                      tempat="x", tanggal=date(2024, 11, 7))


def test_paw_usulan_sk_baru_dan_riwayat_kursi(sk, kpps_kedopok, operator_kota, rekrutmen_kpps,
                                              pelamar_ms):
    """A member leaves with reason, date and evidence; the next-ranked verified applicant
    (same desa first, then registration time) is proposed; the PAW decree is issued; the
    seat keeps both members in its history; every step is audited."""
    ketua = Anggota.objects.get(sk=sk, jabatan=Jabatan.KETUA, tps__nomor=1)
    with pytest.raises(DataTidakValid) as e:
        anggota_berhenti(akun=operator_kota, anggota_id=ketua.pk, alasan="Mengundurkan diri",
                         tanggal=date(2024, 11, 10), bukti=b"bukan berkas")
    assert e.value.code == "adhoc.berkas_jenis_salah"
    anggota_berhenti(akun=operator_kota, anggota_id=ketua.pk, alasan="Mengundurkan diri",
                     tanggal=date(2024, 11, 10), bukti=PDF)
    ketua.refresh_from_db()
    assert ketua.status == StatusAnggota.BERHENTI and ketua.berhenti_bukti_sha256
    # New applicants after the placement: two elsewhere in the kecamatan registered first,
    # then three in Kedopok; the Kedopok ones are proposed first, in registration order.
    tetangga = Wilayah.objects.filter(kode__startswith="35.74.05.").exclude(kode=KEDOPOK).first()
    pelamar_ms(rekrutmen_kpps, tetangga.kode, 2)
    pelamar_ms(rekrutmen_kpps, KEDOPOK, 3)
    usulan = paw_calon(akun=operator_kota, anggota=ketua)
    assert [c.rumah for c in usulan] == [KEDOPOK] * 3 + [tetangga.kode] * 2
    assert [c.didaftarkan for c in usulan[:3]] == sorted(c.didaftarkan for c in usulan[:3])
    with pytest.raises(DataTidakValid) as e:
        paw_tetapkan(akun=operator_kota, anggota_id=ketua.pk,
                     pengganti_id=Anggota.objects.filter(sk=sk).exclude(pk=ketua.pk)
                     .first().pendaftar_id, nomor_sk="124/PAW", tanggal_sk=date(2024, 11, 11))
    assert e.value.code == KodeAdhoc.PENGGANTI_TIDAK_VALID
    baru = paw_tetapkan(akun=operator_kota, anggota_id=ketua.pk,
                        pengganti_id=usulan[0].pendaftar_id, nomor_sk="124/PAW",
                        tanggal_sk=date(2024, 11, 11))
    assert baru.kursi == ketua.kursi and baru.jabatan == Jabatan.KETUA
    assert baru.sk.jenis == JenisSK.PAW and baru.menggantikan == ketua
    assert [a.pk for a in riwayat_kursi(akun=operator_kota, anggota=baru)] == [ketua.pk, baru.pk]
    isi, _, _ = dokumen_unduh(akun=operator_kota, jenis="sk", format="pdf", sk_id=baru.sk_id)
    assert isi.startswith(b"%PDF-")
    assert "Pergantian Antarwaktu" in SK.objects.get(pk=baru.sk_id).perihal
    with pytest.raises(SimpulError) as e:
        paw_tetapkan(akun=operator_kota, anggota_id=ketua.pk,
                     pengganti_id=usulan[1].pendaftar_id, nomor_sk="125/PAW",
                     tanggal_sk=date(2024, 11, 11))
    assert e.value.code == KodeAdhoc.ANGGOTA_TIDAK_AKTIF
    aksi = list(AuditEntry.objects.filter(aksi__in=["adhoc.anggota.berhenti", "adhoc.anggota.paw"])
                .values_list("aksi", flat=True).order_by("seq"))
    assert aksi == ["adhoc.anggota.berhenti", "adhoc.anggota.paw"]


def test_sk_dan_kegiatan_terlihat_dari_atas_dan_dari_wilayahnya(sk, rekrutmen_kpps, operator_kota,
                                                             buat_akun, pilkada):
    """A decree and an event of Kedopok are listed for KPU RI, the province, the city and
    Kedopok's PPS; not for the PPS of another kelurahan."""
    k = kegiatan_buat(akun=operator_kota, rekrutmen_id=rekrutmen_kpps.pk, jenis="bimtek",
                      nama="Bimtek KPPS", tanggal=date(2024, 11, 12), tempat="Aula",
                      kode_wilayah=KEDOPOK)
    for akun in (buat_akun(Peran.KPU_RI), buat_akun(Peran.KPU_PROVINSI, "35"), operator_kota,
                 buat_akun(Peran.PPS, KEDOPOK, pilkada)):
        assert [x.pk for x in sk_daftar(akun=akun, rekrutmen=rekrutmen_kpps)] == [sk.pk]
        assert [x.pk for x in kegiatan_daftar(akun=akun, rekrutmen=rekrutmen_kpps)] == [k.pk]
    lain = buat_akun(Peran.PPS, "35.74.05.1006", pilkada)
    assert sk_daftar(akun=lain, rekrutmen=rekrutmen_kpps) == []
    assert kegiatan_daftar(akun=lain, rekrutmen=rekrutmen_kpps) == []
