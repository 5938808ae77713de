from django import forms
from django_prose_editor.widgets import ProseEditorWidget

from .models import JenisDokumen, KategoriBerita, StatusArtikel

# The editor's extensions match the sanitiser's allow-list (sanitasi.TAG).
EDITOR = {"extensions": {
    "Bold": True, "Italic": True, "Underline": True, "Strike": True, "Subscript": True,
    "Superscript": True, "Heading": {"levels": [2, 3, 4]}, "BulletList": True,
    "OrderedList": True, "ListItem": True, "Blockquote": True, "HorizontalRule": True,
    "HardBreak": True, "Link": {"enableTarget": True}, "Image": True, "Figure": True,
    "Caption": True, "Table": True, "TableRow": True, "TableHeader": True, "TableCell": True,
    "History": True, "HTML": True}}


class ArtikelForm(forms.Form):
    judul = forms.CharField(max_length=300)
    slug = forms.CharField(max_length=200, required=False,
                           help_text="Kosong: dibuat dari judul.")
    ringkasan = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), required=False)
    isi = forms.CharField(widget=ProseEditorWidget(config=EDITOR, preset="configurable"))
    kategori = forms.ModelChoiceField(KategoriBerita.objects.all(), required=False,
                                      to_field_name="slug")
    tag = forms.CharField(required=False, help_text="Pisahkan dengan koma.")
    gambar_id = forms.IntegerField(required=False, widget=forms.Select)
    status = forms.ChoiceField(choices=StatusArtikel.choices)
    terbit_pada = forms.DateTimeField(required=False, widget=forms.DateTimeInput(
        attrs={"type": "datetime-local"}), help_text="Kosong: terbit saat disimpan; "
                                                    "waktu mendatang: terjadwal.")


class HalamanForm(forms.Form):
    judul = forms.CharField(max_length=300)
    slug = forms.CharField(max_length=200, required=False)
    isi = forms.CharField(widget=ProseEditorWidget(config=EDITOR, preset="configurable"))
    urutan = forms.IntegerField(initial=0, min_value=0, max_value=999)
    terbit = forms.BooleanField(required=False, initial=True)


class DokumenForm(forms.Form):
    judul = forms.CharField(max_length=300)
    jenis = forms.ChoiceField(choices=JenisDokumen.choices)
    nomor = forms.CharField(max_length=100, required=False)
    tanggal = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}))
    keterangan = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), required=False)
    berkas = forms.FileField()
