from django.apps import AppConfig


class WilayahConfig(AppConfig):
    name = "simpul.wilayah"
    label = "wilayah"
    verbose_name = "Wilayah (kode Kemendagri)"
