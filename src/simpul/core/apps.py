from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "simpul.core"
    label = "core"
    verbose_name = "Inti (akun, cakupan wilayah, audit)"
