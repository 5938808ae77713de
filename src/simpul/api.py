"""The JSON API, version 1. Each domain adds its router; errors are {code, message}."""

from django.http import Http404
from django.utils import timezone
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.security import HttpBearer, django_auth

from simpul.adhoc.api import router as adhoc_router
from simpul.core.api import router as core_router
from simpul.core.errors import Kode, SimpulError
from simpul.core.models import TokenAPI
from simpul.ganda.api import router as ganda_router
from simpul.humas.api import router as humas_router
from simpul.pemilih.api import router as pemilih_router
from simpul.pemilu.api import router as pemilu_router
from simpul.seleksi.api import router as seleksi_router
from simpul.wilayah.api import router as wilayah_router


class TokenBearer(HttpBearer):
    def authenticate(self, request, token):
        t = (TokenAPI.objects.select_related("akun")
             .filter(hash=TokenAPI.hash_kunci(token), dicabut=False).first())
        if t is None or not t.akun.is_active:
            return None
        TokenAPI.objects.filter(pk=t.pk).update(terakhir_dipakai=timezone.now())
        request.user = t.akun
        return t.akun


api = NinjaAPI(
    title="Simpul API",
    version="1",
    description="API Simpul untuk kantor KPU dan badan ad hoc. Galat: {code, message}.",
    auth=[TokenBearer(), django_auth],
    urls_namespace="api-v1",
)
api.add_router("/", core_router)
api.add_router("/wilayah", wilayah_router)
api.add_router("/pemilu", pemilu_router)
api.add_router("/humas", humas_router)
api.add_router("/adhoc", adhoc_router)
api.add_router("/seleksi", seleksi_router)
api.add_router("/pemilih", pemilih_router)
api.add_router("/ganda", ganda_router)


def _galat(request, status: int, code: str, message: str, details=None):
    body = {"code": code, "message": message}
    if details is not None:
        body["details"] = details
    return api.create_response(request, body, status=status)


@api.exception_handler(SimpulError)
def _simpul(request, exc: SimpulError):
    return _galat(request, exc.status, exc.code, exc.message, exc.details)


@api.exception_handler(ValidationError)
def _validasi(request, exc: ValidationError):
    return _galat(request, 422, Kode.DATA_TIDAK_VALID, "Data permintaan tidak valid.",
                  exc.errors)


@api.exception_handler(AuthenticationError)
def _autentikasi(request, exc):
    return _galat(request, 401, Kode.TIDAK_TERAUTENTIKASI,
                  "Masuk terlebih dahulu atau sertakan token API.")


@api.exception_handler(Http404)
def _tidak_ada(request, exc):
    return _galat(request, 404, Kode.TIDAK_DITEMUKAN, "Data tidak ditemukan.")


@api.exception_handler(HttpError)
def _http(request, exc: HttpError):
    return _galat(request, exc.status_code, f"http_{exc.status_code}", str(exc))
