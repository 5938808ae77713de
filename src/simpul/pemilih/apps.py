from django.apps import AppConfig


class PemilihConfig(AppConfig):
    name = "simpul.pemilih"
    label = "pemilih"
    verbose_name = "Data pemilih"
