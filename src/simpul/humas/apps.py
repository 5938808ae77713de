from django.apps import AppConfig


class HumasConfig(AppConfig):
    name = "simpul.humas"
    label = "humas"
    verbose_name = "Bakohumas"
