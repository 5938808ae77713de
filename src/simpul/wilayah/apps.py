from django.apps import AppConfig


class WilayahConfig(AppConfig):
    name = "simpul.wilayah"
    label = "wilayah"
    verbose_name = "Wilayah (kode Kemendagri)"

    def ready(self):
        from django.db.models import ForeignKey
        from django.db.models.lookups import StartsWith

        # Territory scoping is a prefix match on region codes, also through the foreign
        # keys that hold them (`desa_id__startswith="35.74."`), without a join.
        ForeignKey.register_lookup(StartsWith)
