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


@app.task(name="pemilih.dptb_proses")
def dptb_tugas(kiriman_id: int) -> int:
    """Decide the received entries of one DPTb submission; a redelivered task finds them
    decided and does nothing (entries are taken with SKIP LOCKED, status ANTRE only)."""
    from .services_dptb import dptb_proses

    return dptb_proses(kiriman_id=kiriman_id)


@app.task(name="pemilih.pemetaan")
def pemetaan_tugas(pemetaan_id: int) -> dict:
    """Run one queued TPS mapping; a redelivered task finds it done (or still locked by the
    worker running it) and does nothing."""
    from .services_pemetaan import pemetaan_proses

    run = pemetaan_proses(pemetaan_id=pemetaan_id)
    return {"status": run.status, "pemilih": run.jumlah_pemilih, "pindah": run.pindah}
