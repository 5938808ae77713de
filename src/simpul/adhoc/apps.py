from django.apps import AppConfig


class AdhocConfig(AppConfig):
    name = "simpul.adhoc"
    label = "adhoc"
    verbose_name = "Badan ad hoc"
