"""The admin lists election records in the account's territory and changes none of them:
changes go through the audited services."""

import pytest
from django.apps import apps
from django.contrib import admin

from simpul.core.models import Akun


@pytest.mark.parametrize("label", [
    "core.auditentry", "wilayah.wilayah", "pemilu.pemilu", "pemilu.tps", "adhoc.rekrutmen",
    "adhoc.pendaftar", "seleksi.ujian", "seleksi.sesicat", "ganda.pasanganganda",
    "ganda.pemindaianganda"])
def test_catatan_pemilu_tidak_diubah_lewat_admin(label, rf):
    model_admin = admin.site._registry[apps.get_model(label)]
    permintaan = rf.get("/admin/")
    permintaan.user = Akun(username="super", is_superuser=True, is_staff=True)
    assert not model_admin.has_add_permission(permintaan)
    assert not model_admin.has_change_permission(permintaan)
    assert not model_admin.has_delete_permission(permintaan)
