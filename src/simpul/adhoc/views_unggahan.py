"""JSON endpoints of the resumable upload the registration page uses (`unggahan.py`).

Public like the form itself; Django's CSRF check applies (the page sends the form's token
in `X-CSRFToken`). Errors are {code, message, details} as in the API.
"""

import json
from dataclasses import asdict

from django.http import JsonResponse
from django.views.decorators.http import require_http_methods

from simpul.core.errors import DataTidakValid, SimpulError

from .batas import unggahan_batasi
from .errors import KodeAdhoc
from .selectors import rekrutmen_publik
from .unggahan import unggahan_mulai, unggahan_posisi, unggahan_potongan, unggahan_selesai


def _galat(e: SimpulError) -> JsonResponse:
    return JsonResponse(e.as_dict(), status=e.status)


def _posisi(u) -> dict:
    return {"id": str(u.pk), "jenis": u.jenis, "ukuran": u.ukuran, "diterima": u.diterima,
            "status": u.status}


@require_http_methods(["POST"])
def mulai(request):
    """Open an upload: {rekrutmen, kunci_formulir, jenis, nama, ukuran, mime}."""
    try:
        unggahan_batasi(klien=request.META.get("REMOTE_ADDR", ""))
        try:
            d = json.loads(request.body or b"{}")
            ukuran = int(d.get("ukuran"))
            rekrutmen_id = int(d.get("rekrutmen"))
        except (ValueError, TypeError, AttributeError):
            raise DataTidakValid("Permintaan unggahan tidak valid.",
                                 code=KodeAdhoc.UNGGAHAN_TIDAK_VALID) from None
        u = unggahan_mulai(rekrutmen=rekrutmen_publik(rekrutmen_id=rekrutmen_id),
                           kunci_formulir=str(d.get("kunci_formulir", "")),
                           jenis=str(d.get("jenis", "")), nama_berkas=str(d.get("nama", "")),
                           ukuran=ukuran, mime=str(d.get("mime", "")))
    except SimpulError as e:
        return _galat(e)
    return JsonResponse(_posisi(u), status=201)


@require_http_methods(["GET", "PUT"])
def unggahan(request, unggahan_id: str):
    """GET: the offset the server holds. PUT ?awal=N with the raw chunk: append it."""
    try:
        if request.method == "GET":
            return JsonResponse(_posisi(unggahan_posisi(unggahan_id=unggahan_id)))
        awal = request.GET.get("awal", "")
        if not awal.isdigit():
            raise DataTidakValid("Parameter awal wajib berupa angka.",
                                 code=KodeAdhoc.UNGGAHAN_TIDAK_VALID)
        u = unggahan_potongan(unggahan_id=unggahan_id, awal=int(awal), data=request.body)
    except SimpulError as e:
        return _galat(e)
    return JsonResponse(_posisi(u))


@require_http_methods(["POST"])
def selesai(request, unggahan_id: str):
    """Check the whole file by its bytes; the receipt (size, SHA-256, time)."""
    try:
        t = unggahan_selesai(unggahan_id=unggahan_id)
    except SimpulError as e:
        return _galat(e)
    return JsonResponse({**asdict(t), "waktu": t.waktu.isoformat()})
