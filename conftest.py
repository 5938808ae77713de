"""Shared fixtures. The national region tree and the demo elections are loaded once per
test database; each test runs in a transaction that is rolled back."""

import os
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from simpul.core.models import Akun
from simpul.core.roles import Peran
from simpul.pemilu.demo import KEDOPOK, demo_pemilu
from simpul.pemilu.models import TPS, Pemilu
from simpul.wilayah.services import BERKAS_BAWAAN, wilayah_impor


def isi_dasar(hanya: str | None = None) -> None:
    """Regions (all Indonesia, or only the codes under `hanya`) and the demo elections."""
    data = None
    if hanya:
        baris = BERKAS_BAWAAN.read_bytes().splitlines(keepends=True)
        data = b"".join([baris[0]] + [b for b in baris[1:] if b.startswith(hanya.encode())])
    wilayah_impor(data=data)
    demo_pemilu()


# The rows that migrations seed (TMS categories, CAT categories ...), taken before any test
# data: the flush after each browser test empties them and `data_jatim` puts them back.
BARIS_MIGRASI: dict[str, str] = {}  # {'berkas': path of the dumpdata JSON}


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, tmp_path_factory):
    from django.apps import apps
    from django.core.management import call_command

    berkas = tmp_path_factory.mktemp("migrasi") / "baris_migrasi.json"
    label = [a.label for a in apps.get_app_configs() if a.name.startswith("simpul.")]
    with django_db_blocker.unblock():
        call_command("dumpdata", *label, output=str(berkas), verbosity=0)
        BARIS_MIGRASI["berkas"] = str(berkas)
        isi_dasar()


@pytest.fixture
def pemilu(db) -> Pemilu:
    return Pemilu.objects.get(nama="Pemilu 2024")


@pytest.fixture
def pilkada(db) -> Pemilu:
    return Pemilu.objects.get(nama="Pilkada 2024 Kota Probolinggo")


@pytest.fixture
def buat_akun(db):
    """Make an account of a role bound to a territory (and election/TPS for ad hoc)."""
    nomor = iter(range(1, 10_000))

    def buat(peran: str, wilayah: str | None = None, pemilu=None, tps=None, **kw) -> Akun:
        akun = Akun.objects.create_user(username=f"{peran}_{next(nomor)}",
                                        password=KATA_SANDI, peran=peran,
                                        wilayah_id=wilayah, pemilu=pemilu, tps=tps, **kw)
        return akun

    return buat


@pytest.fixture
def akun_per_peran(buat_akun, pemilu):
    """One account per role, all placed in Kota Probolinggo / Kedopok where they are bound."""
    tps = TPS.objects.get(pemilu=pemilu, desa_id=KEDOPOK, nomor=1)
    return {
        Peran.KPU_RI: buat_akun(Peran.KPU_RI),
        Peran.KPU_PROVINSI: buat_akun(Peran.KPU_PROVINSI, "35"),
        Peran.KPU_KAB_KOMISIONER: buat_akun(Peran.KPU_KAB_KOMISIONER, "35.74"),
        Peran.KPU_KAB_OPERATOR: buat_akun(Peran.KPU_KAB_OPERATOR, "35.74"),
        Peran.PPK: buat_akun(Peran.PPK, "35.74.05", pemilu),
        Peran.PPS: buat_akun(Peran.PPS, KEDOPOK, pemilu),
        Peran.KPPS: buat_akun(Peran.KPPS, KEDOPOK, pemilu, tps),
        Peran.PANTARLIH: buat_akun(Peran.PANTARLIH, KEDOPOK, pemilu, tps),
        Peran.PUBLIK: buat_akun(Peran.PUBLIK),
    }


# --- Browser fixtures: Debian's chromium driven by Playwright against the live server. ---
# The live server runs in another thread with its own database connection, so browser
# tests use a transactional database that is flushed after each test; each test loads
# the regions of Jawa Timur and the demo elections itself (`data_jatim`). There is one
# Playwright instance per session: a second sync instance cannot start beside it.

CHROMIUM = "/usr/bin/chromium"
ARGUMEN_CHROMIUM = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--no-first-run"]
PONSEL = {"width": 360, "height": 740}
KATA_SANDI = "Rahasia-Uji-123"


@pytest.fixture(scope="session")
def peramban():
    # Playwright's sync API keeps an (idle) event loop in the main thread; Django would
    # take the ORM calls of the test itself for async code. They are plain sync code.
    sebelum = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGUMEN_CHROMIUM)
            yield browser
            browser.close()
    finally:
        if sebelum is None:
            del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = sebelum


@pytest.fixture
def data_jatim_komit(transactional_db):
    """Regions of Jawa Timur (35), the demo elections and the rows migrations seed,
    committed: for code running in other threads, each with its own connection."""
    from django.core.management import call_command

    call_command("loaddata", BARIS_MIGRASI["berkas"], verbosity=0)
    isi_dasar(hanya="35")


@pytest.fixture
def data_jatim(live_server, data_jatim_komit):
    """The same data, for the live server of browser tests."""


@pytest.fixture
def buka_halaman(peramban, live_server):
    """Open a fresh browser context (own cookies) at a viewport, logged in as `akun`."""
    konteks = []

    def buka(akun=None, viewport=PONSEL):
        ctx = peramban.new_context(viewport=viewport, base_url=live_server.url,
                                   locale="id-ID", device_scale_factor=1)
        konteks.append(ctx)
        halaman = ctx.new_page()
        halaman.set_default_timeout(15_000)
        if akun is not None:
            halaman.goto("/masuk/")
            halaman.fill("input[name=username]", akun.username)
            halaman.fill("input[name=password]", KATA_SANDI)
            halaman.click("button.utama")
            halaman.wait_for_url("**/dasbor/")
        return halaman

    yield buka
    for ctx in konteks:
        ctx.close()


@pytest.fixture
def tangkap_layar(tmp_path):
    """Save a screenshot; into `SIMPUL_TANGKAPAN_LAYAR` (e.g. docs/img) when that is set."""
    folder = Path(os.environ.get("SIMPUL_TANGKAPAN_LAYAR") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)

    def tangkap(halaman, nama: str) -> Path:
        berkas = folder / nama
        halaman.screenshot(path=str(berkas), full_page=True)
        assert berkas.stat().st_size > 0
        return berkas

    return tangkap
