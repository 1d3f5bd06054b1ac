"""The reviewer's appendix (Lampiran 6): what was checked, where, what was found, what the planner answered.

Written for an Inspektorat reviewer reading the printed report: plain Indonesian,
no file names, column keys or check codes.  Every finding comes from the report
object (``lap.temuan``, with the planner's acceptances ``lap.tanggapan``): the
appendix never checks again, and lists exactly what ``lkip check`` lists.  Each
finding has the anchor ``temuan-N`` that the draft's markers link to.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import great_tables as gt

from ... import fmt
from ...checks import CHECKS
from ...data.model import LOKASI
from ...data.schema import TABLES
from ...errors import Level, Location, Problem
from ._dasar import STRIP, VERSI_LABEL, Catatan, Kolom, buat_tabel, missing, teks

if TYPE_CHECKING:
    from ...data.model import DataSet
    from ...report.laporan import Laporan

__all__ = ["SIFAT", "daftar_pemeriksaan", "polos", "tempat_temuan", "temuan_pemeriksaan"]

#: How a level reads for a reviewer.
SIFAT: dict[Level, str] = {
    Level.GALAT: "Harus diperbaiki",
    Level.PERINGATAN: "Perlu ditelaah",
    Level.INFO: "Untuk diketahui",
}
_JUDUL = {c.code: c.judul for c in CHECKS}
_MUAT = "Isian data dapat dibaca: jenis nilai, isian wajib dan rujukan antartabel (saat data dibaca)."


def _label_kolom(table: str, column: str) -> str:
    """A column as a reader names it: the start of its description ("Jumlah penduduk")."""
    try:
        desc = TABLES[table].column(column).description
    except KeyError:
        return column.replace("_", " ")
    head = re.split(r"[.,;:(]", desc, maxsplit=1)[0].strip()
    return head[:1].lower() + head[1:] if head else column.replace("_", " ")


def polos(text: str) -> str:
    """A finding's text without keys: file names, table and column keys become their names."""
    def table_name(match: re.Match[str]) -> str:
        return TABLES[match.group(1)].title

    out = re.sub(r"\b(\d+)\.(\d{1,2})\b", r"\1,\2", text)  # 63.36 -> 63,36 (79.263 stays)
    out = re.sub(r"\b([a-z_]+)\.(?:csv|ya?ml)\b", lambda m: table_name(m) if m.group(1) in TABLES else "data",
                 out)
    for key, label in VERSI_LABEL.items():
        out = re.sub(rf"\b{key}\b", label, out)
    out = re.sub(r"\b([a-z]+(?:_[a-z0-9]+)+)\b",
                 lambda m: TABLES[m.group(1)].title if m.group(1) in TABLES else m.group(1).replace("_", " "), out)
    return out


def _record(ds: DataSet, table: str, row: int) -> dict[str, Any] | None:
    frame = ds.df(table)
    for record, loc in zip(frame.to_dict("records"), frame[LOKASI], strict=True):
        if isinstance(loc, Location) and loc.row == row:
            return {str(k): v for k, v in record.items()}
    return None


def _baris(ds: DataSet, table: str, record: dict[str, Any]) -> str:
    """Which row, in words: the indicator's name and year, a name, a text's part and item."""
    parts = []
    if not missing(record.get("kode_indikator")):
        names = {str(k): str(n) for k, n in zip(ds.df("indikator")["kode"], ds.df("indikator")["nama"], strict=True)}
        parts.append(names.get(str(record["kode_indikator"]), str(record["kode_indikator"])))
    elif table in ("narasi", "narasi_sasaran") and not missing(record.get("bagian") or record.get("jenis")):
        what = str(record.get("bagian") or record.get("jenis")).replace("_", " ")
        parts.append(f"bagian {what}, butir {record.get('urutan')}")
    else:
        for key in ("nama", "uraian", "indikator", "bidang", "jabatan", "pangkat", "pendidikan"):
            if not missing(record.get(key)):
                value = str(record[key])
                parts.append(value if len(value) <= 70 else value[:67] + "...")
                break
    if not missing(record.get("tahun")) and table != "narasi":
        parts.append(f"tahun {record['tahun']}")
    return ", ".join(parts)


def tempat_temuan(lap: Laporan, temuan: Problem) -> str:
    """Where a finding is, for a reader: "Profil Kecamatan: jumlah penduduk", "Realisasi Indikator: Nilai SAKIP, tahun 2023"."""
    from ...checks._util import table_of

    loc = temuan.location
    table = table_of(loc)
    if loc is None or table is None:
        return STRIP
    title = TABLES[table].title
    if TABLES[table].kind == "fields":
        return f"{title}: {_label_kolom(table, loc.column)}" if loc.column else title
    record = _record(lap.ds, table, loc.row) if loc.row is not None else None
    which = _baris(lap.ds, table, record) if record else ""
    column = f" ({_label_kolom(table, loc.column)})" if loc.column and record else ""
    return f"{title}: {which}{column}" if which else f"{title}{column}"


def daftar_pemeriksaan(lap: Laporan) -> gt.GT:
    """Every check that was run, its nature and the number of findings on this data set."""
    found = lap.temuan
    rows = []
    loaded = [p for p in found if p.code not in _JUDUL]
    checks = [(_MUAT, Level.GALAT, loaded)] + [
        (c.judul, c.tingkat, [p for p in found if p.code == c.code]) for c in CHECKS
    ]
    for n, (judul, tingkat, mine) in enumerate(checks, 1):
        rows.append(
            {
                "no": f"{n}.",
                "judul": teks(judul),
                "sifat": SIFAT[tingkat],
                "jumlah": fmt.angka(len(mine)) if mine else "tidak ada temuan",
            }
        )
    rows.append({"judul": "Jumlah temuan", "jumlah": fmt.angka(len(found))})
    kolom = [
        Kolom("no", "No", "center", "6%"),
        Kolom("judul", "Pemeriksaan", lebar="62%"),
        Kolom("sifat", "Sifat temuan paling berat", "center", "17%"),
        Kolom("jumlah", "Temuan", "center", "15%"),
    ]
    notes = [
        Catatan(
            "Harus diperbaiki: angka laporan akan salah; perlu ditelaah: dua bagian laporan akan saling "
            "bertentangan, isian belum lengkap atau angka tidak dapat dihitung; untuk diketahui: keterangan "
            "bagi penelaah."
        )
    ]
    return buat_tabel(rows, kolom, id="lkip-daftar-pemeriksaan", tebal_baris=[len(rows) - 1], catatan=notes)


def temuan_pemeriksaan(lap: Laporan) -> gt.GT:
    """Each finding: what was checked, where, what was found and expected, and the planner's answer."""
    rows = []
    for n, t in enumerate(lap.tanggapan, 1):
        p = t.temuan
        detail = []
        if p.found is not None:
            detail.append(f"<em>Ditemukan:</em> {teks(polos(p.found))}")
        if p.expected is not None:
            detail.append(f"<em>Seharusnya:</em> {teks(polos(p.expected))}")
        if t.diterima:
            answer = f"Diterima perencana: {teks(t.alasan)}"
        elif p.level is Level.INFO:
            answer = "Untuk diketahui"
        else:
            answer = "Belum ditanggapi"
        rows.append(
            {
                "no": f'<span id="temuan-{n}">{n}.</span>',
                "pemeriksaan": teks(_JUDUL.get(p.code, _MUAT)),
                "sifat": SIFAT[p.level],
                "tempat": teks(tempat_temuan(lap, p)),
                "temuan": "<br>".join(detail) or STRIP,
                "tanggapan": answer,
            }
        )
    if not rows:
        rows.append({"temuan": "Tidak ada temuan: data lolos semua pemeriksaan."})
    kolom = [
        Kolom("no", "No", "center", "5%"),
        Kolom("pemeriksaan", "Pemeriksaan", lebar="24%"),
        Kolom("sifat", "Sifat", "center", "11%"),
        Kolom("tempat", "Tempat", lebar="20%"),
        Kolom("temuan", "Temuan", lebar="24%"),
        Kolom("tanggapan", "Tanggapan perencana", lebar="16%"),
    ]
    return buat_tabel(rows, kolom, id="lkip-temuan-pemeriksaan")
