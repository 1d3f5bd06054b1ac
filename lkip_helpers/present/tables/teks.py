"""The planner's own text and the documents' signature blocks, shown as written in the data set.

Nothing here composes sentences from figures (that is :mod:`lkip_helpers.present.narrative`):
these functions take the ``narasi`` / ``narasi_sasaran`` paragraphs, the signatories of
``instansi`` and ``dokumen`` and the photos of ``foto`` and lay them out.  Paragraphs that
end with a colon introduce a numbered list made of the items that follow.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import great_tables as gt

from ... import fmt
from ...data.model import DataSet
from .. import display
from ._dasar import STRIP, Kolom, buat_tabel, frame, missing, teks
from .perencanaan import versi_pk

if TYPE_CHECKING:
    from ...report.laporan import Laporan

__all__ = [
    "acuan_rpjmd",
    "butir_narasi",
    "daftar_tujuan",
    "foto_kegiatan",
    "identitas_dokumen",
    "judul_sasaran",
    "narasi_laporan",
    "narasi_sasaran",
    "sasaran_diukur",
    "tanda_tangan_dokumen",
    "tanda_tangan_laporan",
]

#: Lead-in shown above the planner's items of each kind of ``narasi_sasaran``.
LABEL_NARASI_SASARAN: dict[str, str] = {
    "uraian": "",
    "faktor_pendukung": "Faktor pendukung capaian:",
    "permasalahan": "Permasalahan yang masih ditemukan:",
    "solusi": "Solusi yang direncanakan terhadap permasalahan tersebut:",
}


def _gabung(parts: Sequence[display.Tampilan]) -> display.Tampilan:
    """One display object from several (a cell shows one thing)."""
    return display.Tampilan("\n".join(p.html for p in parts), "\n\n".join(p.plain for p in parts))


def _blok(items: Sequence[str]) -> list[display.Tampilan]:
    """Paragraphs; the items after a paragraph ending with ':' become a numbered list.

    A list whose items end with ';' ends at its first item without one (the last item);
    a list whose items end with '.' runs to the end of the block.
    """
    out: list[display.Tampilan] = []
    i = 0
    texts = [str(t).strip() for t in items if not missing(t)]
    while i < len(texts):
        head = texts[i]
        out.append(display.paragraf(head))
        i += 1
        if not head.endswith(":") or i >= len(texts):
            continue
        lst: list[str] = []
        style = None
        while i < len(texts):
            item = texts[i]
            lst.append(item)
            i += 1
            end = item[-1:]
            style = style or (";" if end in ";," else ".")
            if style == ";" and end not in ";,":
                break
        out.append(display.butir(lst))
    return out


def narasi_laporan(lap: Laporan, bagian: str) -> display.Tampilan:
    """The planner's paragraphs of one ``narasi`` part (``latar_belakang``, ``kata_pengantar`` ...)."""
    return _gabung(_blok(lap.narasi(bagian)))


def butir_narasi(lap: Laporan, bagian: str) -> list[str]:
    """The items of one ``narasi`` part as a list (``kendala``, ``rekomendasi``), for ``display.butir``."""
    return lap.narasi(bagian)


def sasaran_diukur(lap: Laporan) -> list[str]:
    """Codes of the sasaran measured in the report year, in report order (Sasaran Strategis 1, 2, ...)."""
    return list(dict.fromkeys(lap.indikator_diukur["kode_sasaran"]))


def judul_sasaran(lap: Laporan, kode_sasaran: str) -> display.Tampilan:
    """Heading "Sasaran Strategis n: ..." with the sasaran's measured indicators below it."""
    ds = lap.ds
    ind = lap.indikator_diukur
    mine = ind[ind["kode_sasaran"] == kode_sasaran]
    if mine.empty:
        sas = frame(ds, "sasaran", [])
        name = next(
            (s for k, s in zip(sas["kode"], sas["uraian"], strict=True) if k == kode_sasaran), kode_sasaran
        )
        return display.subsubbab(f"Sasaran: {name}")
    first = mine.iloc[0]
    head = display.subsubbab(f"Sasaran Strategis {first['no_sasaran']}: {first['sasaran']}")
    names = [str(x) for x in mine["indikator"]]
    label = "Indikator" if len(names) == 1 else "Indikator-indikator"
    body = display.paragraf(f"{label}: {'; '.join(names)}")
    return _gabung([head, body])


def narasi_sasaran(lap: Laporan, kode_sasaran: str, jenis: str | Sequence[str] = "uraian") -> display.Tampilan:
    """The planner's text on one sasaran, by kind (``uraian``, ``faktor_pendukung``, ``permasalahan``, ``solusi``).

    ``uraian`` shows as paragraphs (with lists after a colon); the other kinds show as a
    numbered list under a fixed lead-in.  Kinds without text show nothing.
    """
    kinds = [jenis] if isinstance(jenis, str) else list(jenis)
    text = lap.narasi_sasaran(kode_sasaran)
    parts: list[display.Tampilan] = []
    for kind in kinds:
        items = text.get(kind, [])
        if not items:
            continue
        if kind == "uraian":
            parts.extend(_blok(items))
        else:
            parts.append(display.paragraf(LABEL_NARASI_SASARAN.get(kind, f"{kind}:")))
            parts.append(display.butir(items))
    return _gabung(parts)


def acuan_rpjmd(lap: Laporan) -> list[str]:
    """The RPJMD mission, goal and kabupaten targets the Renstra refers to (``instansi``), as list items."""
    ds = lap.ds
    i = ds.instansi
    items = []
    if not missing(i.get("misi_rpjmd")):
        items.append(f"Misi RPJMD: {i['misi_rpjmd']}")
    if not missing(i.get("tujuan_rpjmd")):
        items.append(f"Tujuan RPJMD: {i['tujuan_rpjmd']}")
    if not missing(i.get("sasaran_rpjmd")):
        parts = [p.strip() for p in str(i["sasaran_rpjmd"]).split(";") if p.strip()]
        items.append(f"Sasaran Strategis Kabupaten: {'; '.join(parts)}")
    return items


def daftar_tujuan(lap: Laporan) -> list[str]:
    """The Renstra tujuan behind the measured sasaran, in order (Ikhtisar Eksekutif)."""
    ds = lap.ds
    sas = frame(ds, "sasaran", [])
    kodes = set(sas.loc[sas["kode"].isin(sasaran_diukur(lap)), "kode_tujuan"])
    tujuan = frame(ds, "tujuan", "urutan")
    return [str(t) for t in tujuan.loc[tujuan["kode"].isin(kodes), "uraian"]]


# ------------------------------------------------------------------ signatures
def tanda_tangan_laporan(lap: Laporan) -> display.Tampilan:
    """The report's signature block (Kata Pengantar, Penutup): the Camat of ``instansi``."""
    ds = lap.ds
    i = ds.instansi
    return display.tanda_tangan(
        str(i.get("tempat_ttd") or ""),
        fmt.tanggal(i.get("tanggal_ttd")),
        str(i.get("camat_jabatan") or ""),
        str(i.get("camat_nama") or ""),
        None if missing(i.get("camat_pangkat")) else str(i.get("camat_pangkat")),
        None if missing(i.get("camat_nip")) else str(i.get("camat_nip")),
    )


def _dokumen(lap: Laporan, jenis: str) -> dict[str, Any] | None:
    """The ``dokumen`` row of ``jenis``; ``"pk"`` is the report year's PK (see ``versi_pk``)."""
    if jenis == "pk":
        jenis = versi_pk(lap) or "pk_perubahan"
    df = frame(lap.ds, "dokumen", [])
    hit = df[df["jenis"] == jenis]
    return None if hit.empty else {str(k): (None if missing(v) else v) for k, v in hit.iloc[0].items()}


def _blok_ttd(lines: Sequence[tuple[str, str | None]]) -> str:
    body = "".join(
        '<div class="lkip-ttd-ruang"></div>' if css == "ruang" else f'<p class="lkip-ttd-{css}">{teks(v)}</p>'
        for css, v in lines
        if css == "ruang" or not missing(v)
    )
    return f'<div class="lkip-tanda-tangan" style="margin:0;width:20em">{body}</div>'


def tanda_tangan_dokumen(lap: Laporan, jenis: str) -> display.Tampilan:
    """Signature block(s) of a document of ``dokumen`` (``pk_awal``, ``pk_perubahan``, ``rkt``, ``sk_iku``).

    ``"pk"`` means the report year's Perjanjian Kinerja (:func:`~.perencanaan.versi_pk`).

    With a pihak kedua (the PK: Bupati and Camat) both blocks stand side by side, pihak
    kedua on the left and pihak pertama, under the place and date, on the right.
    """
    d = _dokumen(lap, jenis)
    if d is None:
        return display.paragraf(f"Data penandatanganan dokumen '{jenis}' belum diisi (tabel dokumen).")
    tanggal = fmt.tanggal(d.get("tanggal"))
    if missing(d.get("pihak2_nama")):
        return display.tanda_tangan(
            str(d.get("tempat") or ""),
            tanggal,
            str(d.get("pihak1_jabatan") or ""),
            str(d["pihak1_nama"]),
            d.get("pihak1_pangkat"),
            d.get("pihak1_nip"),
        )
    nip2 = f"NIP. {d['pihak2_nip']}" if d.get("pihak2_nip") else None
    nip1 = f"NIP. {d['pihak1_nip']}" if d.get("pihak1_nip") else None
    kiri = _blok_ttd(
        [
            ("tempat", "\u00a0"),
            ("jabatan", "PIHAK KEDUA,"),
            ("jabatan", f"{d.get('pihak2_jabatan') or ''}"),
            ("ruang", None),
            ("nama", d["pihak2_nama"]),
            ("pangkat", d.get("pihak2_pangkat")),
            ("nip", nip2),
        ]
    )
    kanan = _blok_ttd(
        [
            ("tempat", f"{d.get('tempat') or ''}, {tanggal}"),
            ("jabatan", "PIHAK PERTAMA,"),
            ("jabatan", f"{d.get('pihak1_jabatan') or ''}"),
            ("ruang", None),
            ("nama", d["pihak1_nama"]),
            ("pangkat", d.get("pihak1_pangkat")),
            ("nip", nip1),
        ]
    )
    html_text = (
        f'<div class="lkip-ttd-pk" style="display:flex;justify-content:space-between;'
        f'gap:2em;margin:2em 0 1em">{kiri}{kanan}</div>'
    )
    plain = (
        f"PIHAK KEDUA {d['pihak2_nama']} / PIHAK PERTAMA {d['pihak1_nama']} ({d.get('tempat')}, {tanggal})"
    )
    return display.Tampilan(html_text, plain)


_JUDUL_DOKUMEN = {
    "pk_awal": "Perjanjian Kinerja",
    "pk_perubahan": "Perjanjian Kinerja Perubahan",
    "rkt": "Rencana Kinerja Tahunan",
    "sk_iku": "Keputusan tentang Indikator Kinerja Utama",
}


def identitas_dokumen(lap: Laporan, jenis: str) -> display.Tampilan:
    """A small unnumbered table naming a document: nomor, tempat and tanggal, the parties.

    ``jenis`` is a ``dokumen.jenis`` or ``"pk"`` for the report year's Perjanjian Kinerja.
    """
    ds = lap.ds
    if jenis == "pk":
        jenis = versi_pk(lap) or "pk_perubahan"
    d = _dokumen(lap, jenis)
    if d is None:
        return display.paragraf(f"Data dokumen '{jenis}' belum diisi (tabel dokumen).")
    items: list[tuple[str, str]] = [("Dokumen", f"{_JUDUL_DOKUMEN.get(jenis, jenis)} Tahun {ds.tahun}")]
    if d.get("nomor"):
        items.append(("Nomor", str(d["nomor"])))
    items.append(("Ditetapkan di", str(d.get("tempat") or STRIP)))
    items.append(("Tanggal", fmt.tanggal(d.get("tanggal"), kosong=STRIP)))
    first = "Pihak pertama" if d.get("pihak2_nama") else "Penandatangan"
    items.append((first, _pihak(d, "pihak1")))
    if d.get("pihak2_nama"):
        items.append(("Pihak kedua", _pihak(d, "pihak2")))
    rows = [{"hal": teks(a), "isi": teks(b)} for a, b in items]
    g: gt.GT = buat_tabel(
        rows, [Kolom("hal", "Uraian"), Kolom("isi", "Keterangan")], id=f"lkip-dokumen-{jenis}"
    )
    return display.Tampilan(
        f'<div class="lkip-tabel-isi">{g.as_raw_html()}</div>', " | ".join(b for _, b in items)
    )


def _pihak(d: dict[str, Any], key: str) -> str:
    parts = [d.get(f"{key}_nama"), d.get(f"{key}_jabatan"), d.get(f"{key}_pangkat")]
    text = ", ".join(str(p) for p in parts if not missing(p))
    if d.get(f"{key}_nip"):
        text += f" (NIP. {d[f'{key}_nip']})"
    return text


# ------------------------------------------------------------------ photos
def foto_kegiatan(lap: Laporan) -> list[display.Tampilan]:
    """Photos of the sub kegiatan (``foto`` table, files under ``foto/`` of the data set).

    One heading per sub kegiatan with photos; nothing at all when there are none.  A
    photo file that is missing shows a note instead of stopping the report.
    """
    ds = lap.ds
    df = frame(ds, "foto", ["kode_sub_kegiatan", "urutan"])
    if df.empty:
        return []
    names = {str(s.kode): str(s.nama) for s in frame(ds, "sub_kegiatan", "urutan").itertuples()}
    order = {k: i for i, k in enumerate(names)}
    df = df.assign(_o=[order.get(k, len(order)) for k in df["kode_sub_kegiatan"]]).sort_values(
        ["_o", "urutan"], kind="stable"
    )
    base = _folder(ds)
    out: list[display.Tampilan] = []
    for kode, grp in df.groupby("kode_sub_kegiatan", sort=False):
        out.append(display.subsubbab(f"Dokumentasi Sub Kegiatan: {names.get(str(kode), str(kode))}"))
        for r in grp.itertuples():
            path = base / "foto" / str(r.berkas)
            if path.is_file():
                out.append(display.foto(path, str(r.keterangan)))
            else:
                out.append(display.paragraf(f"[Foto tidak ditemukan: foto/{r.berkas}] {r.keterangan}"))
    return out


def _folder(ds: DataSet) -> Path:
    origin = Path(ds.origin) if ds.origin else Path()
    return origin.parent if origin.is_file() else origin
