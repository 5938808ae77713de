"""Typed errors: a stable code for machines, an Indonesian message for people.

Services raise these; the API returns {"code", "message", "details"} and pages show
the message. Each domain keeps its codes in its own `errors.py` as a StrEnum.
"""

from enum import StrEnum


class Kode(StrEnum):
    TIDAK_DITEMUKAN = "tidak_ditemukan"
    DILARANG = "dilarang"
    DATA_TIDAK_VALID = "data_tidak_valid"
    TIDAK_TERAUTENTIKASI = "tidak_terautentikasi"
    KONFLIK = "konflik"


class SimpulError(Exception):
    status = 400

    def __init__(self, code: str, message: str, *, details=None, status: int | None = None):
        super().__init__(message)
        self.code = str(code)
        self.message = message
        self.details = details
        if status is not None:
            self.status = status

    def as_dict(self) -> dict:
        body = {"code": self.code, "message": self.message}
        if self.details is not None:
            body["details"] = self.details
        return body


class TidakDitemukan(SimpulError):
    """Missing, or outside the acting user's territory: the two look the same on purpose."""

    status = 404

    def __init__(self, message: str = "Data tidak ditemukan di wilayah kerja Anda.", **kw):
        super().__init__(Kode.TIDAK_DITEMUKAN, message, **kw)


class Dilarang(SimpulError):
    status = 403

    def __init__(self, message: str = "Peran Anda tidak berwenang melakukan ini.", **kw):
        super().__init__(Kode.DILARANG, message, **kw)


class Konflik(SimpulError):
    """The request clashes with the state of the record (closed, already done, taken)."""

    status = 409


class DataTidakValid(SimpulError):
    status = 422

    def __init__(self, message: str, *, code: str = Kode.DATA_TIDAK_VALID, **kw):
        super().__init__(code, message, **kw)
