"""Browser fixtures: Debian's chromium driven by Playwright against pytest-django's live server.

The live server runs in another thread with its own database connection, so these tests
use a transactional database that is flushed after each test; each test loads the
regions of Jawa Timur and the demo elections itself.
"""

import os
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

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
def data_jatim(request, live_server, transactional_db):
    """Regions of Jawa Timur (35) and the demo elections, committed for the live server.

    `isi_dasar` lives in the root conftest, whose module name this conftest shadows,
    so it is taken from pytest's registry of loaded conftests.
    """
    akar = request.config.pluginmanager.get_plugin(str(request.config.rootpath / "conftest.py"))
    akar.isi_dasar(hanya="35")


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
