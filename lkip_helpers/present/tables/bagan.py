"""Diagrams drawn with HTML and CSS from the data: the organisation chart and the pohon kinerja.

Both return an HTML fragment with its own scoped ``<style>`` (no JavaScript, no network,
no random ids), so it shows the same in JupyterLab, the stitched HTML and the PDF.
Data text is escaped.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import pandas as pd

from ...data.model import DataSet
from ._dasar import VERSI_LABEL, frame, missing, nilai, teks

if TYPE_CHECKING:
    from ...report.laporan import Laporan

__all__ = ["bagan_organisasi", "pohon_kinerja"]

_CSS_ORG = """<style>
.lkip-org{font-size:8.5pt;line-height:1.25;text-align:center;overflow-x:auto;padding:0.4em 0}
.lkip-org ul{display:flex;justify-content:safe center;position:relative;margin:0;padding:14px 0 0 0}
.lkip-org>ul{padding-top:0}
.lkip-org li{list-style:none;position:relative;padding:14px 3px 0 3px;flex:0 1 auto}
.lkip-org li::before,.lkip-org li::after{content:"";position:absolute;top:0;right:50%;width:50%;height:14px;border-top:1px solid #555}
.lkip-org li::after{right:auto;left:50%;border-left:1px solid #555}
.lkip-org li:only-child::before,.lkip-org li:only-child::after{display:none}
.lkip-org li:only-child{padding-top:0}
.lkip-org li:first-child::before,.lkip-org li:last-child::after{border:0 none}
.lkip-org li:last-child::before{border-right:1px solid #555}
.lkip-org ul ul::before{content:"";position:absolute;top:0;left:50%;height:14px;border-left:1px solid #555}
.lkip-org ul.lkip-org-tegak{display:block}
.lkip-org ul.lkip-org-tegak>li{padding:10px 0 0 0}
.lkip-org ul.lkip-org-tegak>li::before{display:block;border:0 none;border-left:1px solid #555;left:50%;right:auto;width:0;height:10px}
.lkip-org ul.lkip-org-tegak>li::after{display:none}
.lkip-org .lkip-org-unit{display:inline-block;border:1px solid #1f4e79;background:#dde6f0;border-radius:3px;padding:4px 5px;width:7.6em;word-wrap:break-word}
.lkip-org .lkip-org-akar>.lkip-org-unit{background:#1f4e79;color:#fff;font-weight:bold;width:auto;min-width:7em}
</style>"""

_CSS_POHON = """<style>
.lkip-pohon{font-size:9pt;line-height:1.3}
.lkip-pohon ul{list-style:none;margin:0;padding:0 0 0 1.5em}
.lkip-pohon>ul{padding-left:0}
.lkip-pohon li{position:relative;margin:0;padding:3px 0 3px 0.9em;border-left:1px solid #777}
.lkip-pohon>ul>li{border-left:0 none;padding-left:0}
.lkip-pohon li:last-child{border-left-color:transparent}
.lkip-pohon li::before{content:"";position:absolute;left:-1px;top:0;width:0.8em;height:1.05em;border-left:1px solid #777;border-bottom:1px solid #777}
.lkip-pohon>ul>li::before{display:none}
.lkip-pohon .lkip-simpul{display:inline-block;border:1px solid #aaa;border-radius:3px;padding:2px 6px;background:#fff;max-width:40em}
.lkip-pohon .lkip-jenis{display:inline-block;font-size:7.5pt;font-weight:bold;text-transform:uppercase;letter-spacing:0.03em;margin-right:0.4em;color:#fff;padding:0 4px;border-radius:2px}
.lkip-pohon .lkip-tujuan>.lkip-simpul{border-color:#1f4e79;background:#dde6f0}
.lkip-pohon .lkip-tujuan>.lkip-simpul .lkip-jenis{background:#1f4e79}
.lkip-pohon .lkip-sasaran>.lkip-simpul{border-color:#2e75b6;background:#eaf2fa}
.lkip-pohon .lkip-sasaran>.lkip-simpul .lkip-jenis{background:#2e75b6}
.lkip-pohon .lkip-indikator>.lkip-simpul .lkip-jenis{background:#548235}
.lkip-pohon .lkip-program>.lkip-simpul{background:#fbf3ea}
.lkip-pohon .lkip-program>.lkip-simpul .lkip-jenis{background:#c55a11}
.lkip-pohon .lkip-kegiatan>.lkip-simpul .lkip-jenis{background:#7f6000}
.lkip-pohon .lkip-subkegiatan>.lkip-simpul .lkip-jenis{background:#767171}
.lkip-pohon .lkip-ket{color:#444;font-size:8pt}
</style>"""


# ------------------------------------------------------------------ organisation chart
def bagan_organisasi(lap: Laporan) -> str:
    """The organisation chart (BAB I C) from the ``organisasi`` table, as HTML.

    Units hang under their ``induk`` in ``urutan`` order; units with no (or an unknown)
    induk are the roots (normally the Camat).  Units whose children are all leaves
    (the Sub Bagian under the Sekretariat) are stacked vertically so the chart fits
    an A4 page.
    """
    ds = lap.ds
    org = frame(ds, "organisasi", "urutan")
    if org.empty:
        return '<div class="lkip-org"><p>Susunan organisasi belum diisi (tabel organisasi kosong).</p></div>'
    kodes = set(org["kode"])
    children: dict[str | None, list[pd.Series]] = {}
    for _, r in org.iterrows():
        parent = r["induk"] if not missing(r["induk"]) and r["induk"] in kodes else None
        if parent == r["kode"]:
            parent = None
        children.setdefault(parent, []).append(r)

    def node(r: pd.Series, seen: frozenset[str], root: bool = False) -> str:
        kids = [k for k in children.get(r["kode"], []) if k["kode"] not in seen]
        box = f'<span class="lkip-org-unit">{teks(r["nama"])}</span>'
        inner = ""
        if kids:
            leaves = all(not children.get(k["kode"]) for k in kids)
            css = ' class="lkip-org-tegak"' if leaves and not root else ""
            inner = f"<ul{css}>" + "".join(node(k, seen | {r["kode"]}) for k in kids) + "</ul>"
        cls = ' class="lkip-org-akar"' if root else ""
        return f"<li{cls}>{box}{inner}</li>"

    roots = children.get(None, [])
    body = "".join(node(r, frozenset(), root=True) for r in roots)
    return f'{_CSS_ORG}<div class="lkip-org"><ul>{body}</ul></div>'


# ------------------------------------------------------------------ pohon kinerja
def _li(css: str, jenis: str, isi: str, ket: str = "", anak: Sequence[str] = ()) -> str:
    extra = f' <span class="lkip-ket">{ket}</span>' if ket else ""
    sub = f"<ul>{''.join(anak)}</ul>" if anak else ""
    return (
        f'<li class="{css}"><span class="lkip-simpul"><span class="lkip-jenis">{jenis}</span>'
        f"{isi}{extra}</span>{sub}</li>"
    )


def _versi_renstra(ds: DataSet) -> str:
    """The Renstra version in force: ``perubahan`` when any tujuan/sasaran has it, else ``awal``."""
    for name in ("tujuan", "sasaran"):
        df = frame(ds, name, [])
        if any("perubahan" in _versions(v) for v in df["versi"]):
            return "perubahan"
    return "awal"


def _versions(text: object) -> set[str]:
    return {p.strip() for p in str(text or "").split(",") if p.strip()}


def pohon_kinerja(lap: Laporan) -> str:
    """The cascading of performance (pohon kinerja) from the data, as HTML.

    Tujuan -> sasaran -> indikator (with the report year's target) -> program ->
    kegiatan -> sub kegiatan, for the Renstra version in force (``perubahan`` when
    present).  Programs hang under the sasaran they support (``program_sasaran``).
    """
    ds = lap.ds
    versi = _versi_renstra(ds)
    tujuan = frame(ds, "tujuan", "urutan")
    tujuan = tujuan[[versi in _versions(v) for v in tujuan["versi"]]]
    sasaran = frame(ds, "sasaran", "urutan")
    sasaran = sasaran[[versi in _versions(v) for v in sasaran["versi"]]]
    ind = frame(ds, "indikator", "urutan")
    ind = ind[[versi in _versions(v) for v in ind["versi"]]]
    targets = lap.nilai_indikator(ds.tahun)
    target_of = dict(zip(targets["kode_indikator"], targets["target"], strict=True))
    measured = list(dict.fromkeys(lap.indikator_diukur["kode_sasaran"]))
    nomor = {k: i for i, k in enumerate(measured, 1)}
    ps = frame(ds, "program_sasaran", [])
    prog = frame(ds, "program", "urutan")
    keg = frame(ds, "kegiatan", "urutan")
    sub = frame(ds, "sub_kegiatan", "urutan")

    def program_items(kode_sasaran: str) -> list[str]:
        kodes = set(ps.loc[ps["kode_sasaran"] == kode_sasaran, "kode_program"])
        out = []
        for _, p in prog[prog["kode"].isin(kodes)].iterrows():
            kegs = []
            for _, k in keg[keg["kode_program"] == p["kode"]].iterrows():
                subs = [
                    _li("lkip-subkegiatan", "Sub Kegiatan", teks(s["nama"]))
                    for _, s in sub[sub["kode_kegiatan"] == k["kode"]].iterrows()
                ]
                kegs.append(_li("lkip-kegiatan", "Kegiatan", teks(k["nama"]), anak=subs))
            out.append(_li("lkip-program", "Program", teks(p["nama"]), anak=kegs))
        return out

    items = []
    for _, t in tujuan.iterrows():
        sas_items = []
        for _, s in sasaran[sasaran["kode_tujuan"] == t["kode"]].iterrows():
            ind_items = []
            for _, i in ind[ind["kode_sasaran"] == s["kode"]].iterrows():
                tg = target_of.get(i["kode"])
                ket = f"(target {ds.tahun}: {nilai(tg, i['satuan'])})" if not missing(tg) else ""
                ind_items.append(_li("lkip-indikator", "Indikator", teks(i["nama"]), ket))
            jenis = f"Sasaran {nomor[s['kode']]}" if s["kode"] in nomor else "Sasaran"
            sas_items.append(
                _li("lkip-sasaran", jenis, teks(s["uraian"]), anak=[*ind_items, *program_items(s["kode"])])
            )
        ket = f"(indikator tujuan: {teks(t['indikator'])})" if not missing(t["indikator"]) else ""
        items.append(_li("lkip-tujuan", "Tujuan", teks(t["uraian"]), ket, sas_items))
    if not items:
        return '<div class="lkip-pohon"><p>Tujuan dan sasaran Renstra belum diisi.</p></div>'
    renstra = "Renstra Perubahan" if versi == "perubahan" else "Renstra"
    periode = "-".join(str(ds.instansi.get(k, "")) for k in ("renstra_awal", "renstra_akhir"))
    target = VERSI_LABEL.get(lap.versi_target, lap.versi_target)
    legend = (
        f'<p class="lkip-ket">Struktur menurut {renstra} {teks(periode)}; '
        f"target indikator menurut {teks(target)} {ds.tahun}.</p>"
    )
    return f'{_CSS_POHON}<div class="lkip-pohon"><ul>{"".join(items)}</ul>{legend}</div>'
