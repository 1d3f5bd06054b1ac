"""The kabupaten pages: ``<keluaran>/index.html`` and the rendered overview notebook.

``index.html`` lists every kecamatan of the parameter set with its overall capaian,
predikat, serapan, check warnings, data status (resmi / contoh) and links to its report
(HTML, PDF, Word) and its executed notebooks; a kecamatan that failed this time links its
failed notebook (and still its last good report, which stayed in place).  The page is
self-contained (inline CSS and a few lines of script to sort and filter the table): it
works from a USB stick or a shared folder without network.
"""

from __future__ import annotations

import html
import json
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..render.atomic import FAILED_DIR, write_atomic
from .task import Outcome, read_stamp

if TYPE_CHECKING:
    from nbformat import NotebookNode

__all__ = ["IKHTISAR_DIR", "IndexRow", "index_rows", "kabupaten_of", "overview_page", "write_index", "write_ringkasan"]

IKHTISAR_DIR = "kabupaten"
_STATUS_TEXT = {
    "selesai": "disusun",
    "dilewati": "tidak berubah",
    "gagal": "GAGAL",
    "lama": "tidak dijalankan kali ini",
    "belum": "belum pernah disusun",
}


@dataclass(frozen=True)
class IndexRow:
    """One kecamatan on the index page."""

    kecamatan: str
    slug: str
    status: str  # selesai / dilewati / gagal / lama / belum
    ringkasan: Mapping[str, Any] | None
    galat: str = ""


def index_rows(kecamatan: Sequence[str], out_dirs: Mapping[str, Path], outcomes: Mapping[str, Outcome]) -> list[IndexRow]:
    """Rows for every kecamatan: this run's outcome, else what the output folder holds."""
    rows = []
    for name in kecamatan:
        out = out_dirs[name]
        stamp = read_stamp(out)
        previous = stamp.get("ringkasan") if stamp else None
        o = outcomes.get(name)
        if o is None:
            rows.append(IndexRow(name, out.name, "lama" if stamp else "belum", previous))
        elif o.ok:
            rows.append(IndexRow(name, out.name, o.status, o.ringkasan or previous))
        else:
            rows.append(IndexRow(name, out.name, "gagal", previous, f"[{o.tahap}] {o.galat}"))
    return rows


def kabupaten_of(kabupaten: str, rows: Sequence[IndexRow]) -> str:
    """``kabupaten``, or without a parameter set (``""``) the one the reports' data sets name."""
    if kabupaten:
        return kabupaten
    named = (r.ringkasan.get("kabupaten") for r in rows if r.ringkasan)
    return next((str(k) for k in named if k), "-")


def write_ringkasan(path: Path, kabupaten: str, tahun: int, rows: Sequence[IndexRow]) -> None:
    """``ringkasan.json``: the summaries the overview notebook reads (sorted, no timestamps)."""
    data = {
        "kabupaten": kabupaten,
        "tahun": tahun,
        # no run status here: an unchanged batch must give the same file (the overview's input)
        "kecamatan": [dict(r.ringkasan) for r in rows if r.ringkasan],
        "semua_kecamatan": [r.kecamatan for r in rows],  # the parameter set's, with a report or not
    }
    write_atomic(path, json.dumps(data, indent=1, ensure_ascii=False, sort_keys=True) + "\n")


def _e(value: Any) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _angka(value: Any, digits: int = 2) -> str:
    if value is None:
        return "-"
    text = f"{float(value):,.{digits}f}"
    return text.replace(",", "_").replace(".", ",").replace("_", ".")


def _links(base: Path, slug: str) -> str:
    folder = base / slug
    parts = []
    for name, label in (("laporan.html", "HTML"), ("laporan.pdf", "PDF"), ("laporan.docx", "Word")):
        if (folder / name).exists():
            parts.append(f'<a href="{_e(slug)}/{name}">{label}</a>')
    notebooks = sorted((folder / "notebooks").glob("*.ipynb")) if (folder / "notebooks").is_dir() else []
    if notebooks:
        items = []
        for nb in notebooks:
            page = nb.with_suffix(".html")
            target = page if page.exists() else nb
            items.append(f'<a href="{_e(slug)}/notebooks/{_e(target.name)}" title="{_e(nb.stem)}">{_e(nb.stem[:2])}</a>')
        items.append(f'<a href="{_e(slug)}/notebooks/" title="folder notebook (.ipynb untuk JupyterLab)">.ipynb</a>')
        parts.append('<span class="nb">Notebook: ' + " ".join(items) + "</span>")
    failed = sorted((folder / FAILED_DIR).glob("*")) if (folder / FAILED_DIR).is_dir() else []
    for f in failed:
        parts.append(f'<a class="gagal" href="{_e(slug)}/{FAILED_DIR}/{_e(f.name)}">gagal: {_e(f.name)}</a>')
    return " ".join(parts) or "-"


_CSS = """
body{font-family:"DejaVu Sans",Arial,sans-serif;margin:1.5rem;color:#222}
h1{font-size:1.4rem;margin:0 0 .3rem} p.sub{margin:.2rem 0 1rem;color:#555}
table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{border:1px solid #ccc;padding:.3rem .45rem;vertical-align:top}
th{background:#eef2f7;cursor:pointer;text-align:left;white-space:nowrap}
td.n{text-align:right;white-space:nowrap}
tr.gagal td{background:#fdecea} tr.belum td{color:#888}
.contoh{color:#a15c00;font-weight:bold} .resmi{color:#1d6b2c;font-weight:bold}
a.gagal{color:#b00020;font-weight:bold} .nb a{margin-right:.2rem}
input#saring{padding:.3rem;width:18rem;margin-bottom:.6rem}
.galat{color:#b00020;font-size:.8rem}
.bagian{color:#8a5a00;font-size:.8rem}
"""

_JS = """
(function(){
  var t=document.getElementById('daftar'), q=document.getElementById('saring');
  q.addEventListener('input',function(){var v=q.value.toLowerCase();
    Array.prototype.forEach.call(t.tBodies[0].rows,function(r){
      r.style.display=r.textContent.toLowerCase().indexOf(v)>=0?'':'none';});});
  Array.prototype.forEach.call(t.tHead.rows[0].cells,function(th,i){
    th.addEventListener('click',function(){
      var rows=Array.prototype.slice.call(t.tBodies[0].rows), asc=th.dataset.asc!=='1';
      rows.sort(function(a,b){var x=a.cells[i].dataset.v||a.cells[i].textContent,
        y=b.cells[i].dataset.v||b.cells[i].textContent, nx=parseFloat(x), ny=parseFloat(y);
        var c=(!isNaN(nx)&&!isNaN(ny))?nx-ny:x.localeCompare(y,'id'); return asc?c:-c;});
      th.dataset.asc=asc?'1':'0'; rows.forEach(function(r){t.tBodies[0].appendChild(r);});});});
})();
"""


def write_index(
    path: Path, kabupaten: str, tahun: int, rows: Sequence[IndexRow], overview: Path | None = None
) -> Path:
    """Write ``index.html`` next to the kecamatan folders; return its path."""
    base = path.parent
    body = []
    for i, r in enumerate(rows, 1):
        s = r.ringkasan or {}
        status = s.get("data_status")
        data = f'<span class="{_e(status)}">{_e(status)}</span>' if status else "-"
        galat = f'<div class="galat">{_e(r.galat)}</div>' if r.galat else ""
        cls = "gagal" if r.status == "gagal" else ("belum" if r.status == "belum" else "")
        cap, ser = s.get("capaian"), s.get("serapan")
        dari = s.get("capaian_dari") or [0, 0]
        bagian = (f'<div class="bagian">rata-rata {_e(dari[0])} dari {_e(dari[1])} sasaran</div>'
                  if cap is not None and dari[0] < dari[1] else "")  # a partial average says so
        body.append(
            f'<tr class="{cls}" id="kec-{_e(r.slug)}"><td class="n">{i}</td><td>{_e(r.kecamatan)}</td>'
            f'<td class="n" data-v="{_e(cap if cap is not None else -1)}">{_angka(cap)}%{bagian}</td>'
            f'<td>{_e(s.get("predikat") or "-")} {_e(s.get("predikat_label") or "")}</td>'
            f'<td class="n" data-v="{_e(ser if ser is not None else -1)}">{_angka(ser)}%</td>'
            f'<td class="n">{_e(s.get("peringatan", "-"))}</td><td>{data}</td>'
            f"<td>{_e(_STATUS_TEXT.get(r.status, r.status))}{galat}</td>"
            f"<td>{_links(base, r.slug)}</td></tr>"
        )
    n_ok = sum(r.ringkasan is not None for r in rows)
    n_fail = sum(r.status == "gagal" for r in rows)
    link = (
        f'<p><a id="tautan-ikhtisar" href="{_e(overview.relative_to(base).as_posix())}">'
        "Ikhtisar kabupaten: perbandingan seluruh kecamatan</a></p>"
        if overview is not None and overview.exists()
        else ""
    )
    page = f"""<!DOCTYPE html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>LKIP Kecamatan se-Kabupaten {_e(kabupaten)} Tahun {tahun}</title>
<style>{_CSS}</style>
</head>
<body>
<h1>LKIP Kecamatan se-Kabupaten {_e(kabupaten)} Tahun {tahun}</h1>
<p class="sub">{len(rows)} kecamatan, {n_ok} dengan laporan, {n_fail} gagal pada penyusunan terakhir.
Disusun {time.strftime('%d-%m-%Y %H:%M')}. Klik judul kolom untuk mengurutkan.</p>
{link}
<input id="saring" type="search" placeholder="Saring: nama kecamatan, predikat, contoh ..." aria-label="Saring">
<table id="daftar">
<thead><tr><th>No</th><th>Kecamatan</th><th>Capaian rata-rata</th><th>Predikat</th><th>Serapan anggaran</th>
<th>Peringatan pemeriksaan</th><th>Data</th><th>Status penyusunan</th><th>Berkas</th></tr></thead>
<tbody>
{chr(10).join(body)}
</tbody>
</table>
<script>{_JS}</script>
</body>
</html>
"""
    write_atomic(path, page)
    return path


def overview_page(nb: NotebookNode, kabupaten: str, tahun: int, is_contoh: bool) -> str:
    """The executed overview notebook as an offline page (charts interactive, bundle once)."""
    from ..present import theme as charts_theme
    from ..present.display import TEKS_CONTOH
    from ..render.stitch import TEMPLATES, ReportMeta, build_report

    meta = ReportMeta(kecamatan="-", kabupaten=kabupaten, tahun=tahun, is_contoh=is_contoh)
    report = build_report([nb], meta, ["ikhtisar"])
    css = (TEMPLATES / "lkip.css").read_text(encoding="utf-8")
    calls = "\n".join(
        f'vegaEmbed("#{g["id"]}", {g["spec_json"]}, OPSI).then(tampil("#{g["id"]}")).catch(console.error);'
        for g in report.grafik
    )
    script = ""
    if report.grafik:
        script = (
            f"<script>\n{charts_theme.vega_bundle()}\n</script>\n<script>\n"
            f"var OPSI = {json.dumps(charts_theme.embed_options(), sort_keys=True, ensure_ascii=False)};\n"
            "function tampil(sel){return function(){var i=document.querySelector(sel+' > img.lkip-chart-statis');"
            "if(i){i.remove();}};}\n"
            f"{calls}\n</script>"
        )
    banner = f'<div class="lkip-banner-contoh" role="note">{_e(TEKS_CONTOH)}</div>' if is_contoh else ""
    return f"""<!DOCTYPE html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Ikhtisar LKIP Kecamatan se-Kabupaten {_e(kabupaten)} Tahun {tahun}</title>
<style>{css}</style>
</head>
<body class="lkip-laporan">
{banner}
<p><a href="../index.html">&larr; Daftar kecamatan</a></p>
<div class="lkip-isi">
{report.sebelum}{report.sesudah}
</div>
{script}
</body>
</html>
"""
