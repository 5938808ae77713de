from django.apps import AppConfig


class PemiluConfig(AppConfig):
    name = "simpul.pemilu"
    label = "pemilu"
    verbose_name = "Pemilu dan TPS"
