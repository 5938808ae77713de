"""Recap charts drawn on the server with matplotlib: SVG for pages, PNG for the report.
Text is drawn as paths, so names from the database cannot inject markup into the SVG."""

import io

from matplotlib.figure import Figure

from .rules import BULAN_SINGKAT, TabelBulan

WARNA = ["#b3121b", "#1d6fb8", "#3b5998", "#e0a100", "#111111", "#2e8b57", "#7a3fb0"]


def _gambar(bulanan: list[TabelBulan], kolom) -> Figure:
    fig = Figure(figsize=(7.2, 3.4), dpi=110)
    ax = fig.add_subplot()
    label = [BULAN_SINGKAT[t.bulan - 1] for t in bulanan]
    lebar = 0.8 / max(len(kolom), 1)
    for i, k in enumerate(kolom):
        nilai = [t.total_kolom[i] for t in bulanan]
        posisi = [x - 0.4 + lebar * (i + 0.5) for x in range(len(bulanan))]
        ax.bar(posisi, nilai, lebar, label=k.singkatan, color=WARNA[i % len(WARNA)])
    ax.set_xticks(range(len(bulanan)), label)
    ax.set_ylabel("Jumlah postingan")
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(ncols=min(len(kolom), 5), fontsize=8, frameon=False, loc="upper left")
    fig.tight_layout()
    return fig


def grafik_svg(bulanan: list[TabelBulan], kolom) -> str:
    keluaran = io.StringIO()
    fig = _gambar(bulanan, kolom)
    fig.savefig(keluaran, format="svg", metadata={"Date": None})
    teks = keluaran.getvalue()
    return teks[teks.index("<svg"):]


def grafik_png(bulanan: list[TabelBulan], kolom) -> bytes:
    keluaran = io.BytesIO()
    _gambar(bulanan, kolom).savefig(keluaran, format="png")
    return keluaran.getvalue()
