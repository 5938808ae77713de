"""The new voter-list records are read-only and scoped in the admin."""

import pytest
from django.apps import apps
from django.contrib import admin

from simpul.core.models import Akun

LABEL = ["pemilih.pemetaantps", "pemilih.kuncitahap", "pemilih.salinandaftar",
         "pemilih.koreksitertunda", "pemilih.tanggapan", "pemilih.pindahmemilih",
         "pemilih.pemilihkhusus", "pemilih.saranbawaslu", "pemilih.peringatancekdpt",
         "pemilih.laporanperangkat"]


@pytest.mark.parametrize("label", LABEL)
def test_hanya_baca_dan_halaman_admin_terbuka(label, rf, client, db):
    model_admin = admin.site._registry[apps.get_model(label)]
    permintaan = rf.get("/admin/")
    permintaan.user = Akun(username="super", is_superuser=True, is_staff=True)
    assert not model_admin.has_add_permission(permintaan)
    assert not model_admin.has_change_permission(permintaan)
    assert not model_admin.has_delete_permission(permintaan)
    super_ = Akun.objects.create_superuser("super_admin", password="x")
    client.force_login(super_)
    app, model = label.split(".")
    assert client.get(f"/admin/{app}/{model}/").status_code == 200
