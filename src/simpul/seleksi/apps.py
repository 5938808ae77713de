from django.apps import AppConfig


class SeleksiConfig(AppConfig):
    name = "simpul.seleksi"
    label = "seleksi"
    verbose_name = "Seleksi badan ad hoc (CAT, wawancara, pengumuman)"
