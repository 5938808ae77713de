from django import forms

from .rules import JENJANG_PENDIDIKAN, TANDA_BERKAS

TERIMA = ",".join(TANDA_BERKAS) + ",.pdf,.jpg,.jpeg,.png"


class FormPendaftaran(forms.Form):
    """Parses the public form; every rule about the values lives in the service."""

    kunci_idempoten = forms.CharField(widget=forms.HiddenInput, max_length=64)
    nik = forms.CharField(label="NIK", max_length=16, min_length=1, widget=forms.TextInput(
        attrs={"inputmode": "numeric", "autocomplete": "off", "pattern": r"\d{16}",
               "title": "16 angka sesuai KTP-el"}))
    nama = forms.CharField(label="Nama lengkap", max_length=150)
    jenis_kelamin = forms.ChoiceField(label="Jenis kelamin",
                                      choices=[("L", "Laki-laki"), ("P", "Perempuan")])
    tanggal_lahir = forms.DateField(label="Tanggal lahir",
                                    widget=forms.DateInput(attrs={"type": "date"}))
    alamat = forms.CharField(label="Alamat sesuai KTP-el", max_length=300)
    kode_domisili = forms.ChoiceField(label="Desa/kelurahan domisili")
    kode_tugas = forms.ChoiceField(label="Wilayah yang dilamar")
    pendidikan = forms.ChoiceField(label="Pendidikan terakhir",
                                   choices=list(JENJANG_PENDIDIKAN.items()))
    telepon = forms.CharField(label="Nomor HP", max_length=20, widget=forms.TextInput(
        attrs={"inputmode": "tel", "autocomplete": "tel"}))
    email = forms.EmailField(label="E-mail", required=False)
    pengalaman = forms.CharField(label="Pengalaman sebagai penyelenggara pemilu",
                                 max_length=500, required=False)
    periode_sebelumnya = forms.IntegerField(label="Berapa kali pernah menjadi anggota badan "
                                            "yang sama", min_value=0, max_value=20, initial=0)
    bukan_anggota_partai = forms.BooleanField(
        label="Saya bukan anggota partai politik, atau sudah keluar paling singkat 5 tahun",
        required=False)
    tidak_pernah_dipidana = forms.BooleanField(
        label="Saya tidak pernah dipidana penjara karena tindak pidana yang diancam 5 tahun "
              "atau lebih", required=False)
    melek_it = forms.BooleanField(label="Saya mampu mengoperasikan ponsel pintar dan aplikasi "
                                  "(Sirekap)", required=False)

    def __init__(self, *args, tugas, desa, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kode_tugas"].choices = [(w.kode, f"{w.nama} ({w.kode})") for w in tugas]
        self.fields["kode_domisili"].choices = [(w.kode, f"{w.nama} ({w.kode})") for w in desa]


class FormPendaftaranBantu(FormPendaftaran):
    """The same form entered by office staff from the paper an applicant brought."""

    berkas_kertas_diterima = forms.DateField(
        label="Tanggal berkas kertas diterima kantor", required=False,
        widget=forms.DateInput(attrs={"type": "date"}))
