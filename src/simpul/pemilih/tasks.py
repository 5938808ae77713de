import logging

from .antrean import app

log = logging.getLogger(__name__)


@app.task(name="pemilih.impor")
def impor_tugas(impor_id: int) -> dict:
    """Run one queued voter import. Whole-file refusals end the job as `gagal` with
    their named reason; the job row always says how it ended."""
    from .services import impor_jalankan

    impor = impor_jalankan(impor_id=impor_id)
    return {"status": impor.status, "dibuat": impor.dibuat_jumlah,
            "galat": impor.galat_jumlah}
