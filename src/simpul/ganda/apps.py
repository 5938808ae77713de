from django.apps import AppConfig


class GandaConfig(AppConfig):
    name = "simpul.ganda"
    label = "ganda"
    verbose_name = "Deteksi pemilih ganda"
