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
from ...checks.berkas import foto_aman
from ...checks.kelengkapan import DOKUMEN_WAJIB, TTD_WAJIB
from ...data.model import DataSet
from .. import display
from ._dasar import Kolom, buat_tabel, frame, missing, teks
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
    "keputusan_iku",
    "lampiran_sk_iku",
    "narasi_laporan",
    "narasi_sasaran",
    "sasaran_diukur",
    "tanda_tangan_dokumen",
    "tanda_tangan_laporan",
    "teks_isian_kosong",
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


def _blok(items: Sequence[str], marks: Sequence[list[int]] = ()) -> list[display.Tampilan]:
    """Paragraphs; the items after a paragraph ending with ':' become a numbered list.

    A list whose items end with ';' ends at its first item without one (the last item);
    a list whose items end with '.' runs to the end of the block.  ``marks``: per item,
    the numbers of the draft's open findings about it.
    """
    out: list[display.Tampilan] = []
    i = 0
    kept = [(str(t).strip(), list(marks[n]) if n < len(marks) else []) for n, t in enumerate(items) if not missing(t)]
    texts = [t for t, _ in kept]
    found = [m for _, m in kept]
    while i < len(texts):
        head = texts[i]
        out.append(display.paragraf(head, found[i]))
        i += 1
        if not head.endswith(":") or i >= len(texts):
            continue
        lst: list[str] = []
        lst_marks: list[list[int]] = []
        style = None
        while i < len(texts):
            item = texts[i]
            lst.append(item)
            lst_marks.append(found[i])
            i += 1
            end = item[-1:]
            style = style or (";" if end in ";," else ".")
            if style == ";" and end not in ";,":
                break
        out.append(display.butir(lst, penanda_temuan=lst_marks))
    return out


def _marks(lap: Laporan, rows: Sequence[int | None], table: str = "narasi") -> list[list[int]]:
    """Per paragraph of the planner's text, the draft's open findings about its row of ``table``."""
    return [lap.temuan_terbuka((table,), baris=row) if row is not None else [] for row in rows]


def narasi_laporan(lap: Laporan, bagian: str) -> display.Tampilan:
    """The planner's paragraphs of one ``narasi`` part (``latar_belakang``, ``kata_pengantar`` ...).

    In a draft, a paragraph with an open finding (a year that is not the report's, another
    kecamatan's name) carries a marker linking to it in the reviewer's appendix.
    """
    rows = lap.narasi_baris(bagian)
    return _gabung(_blok([t for t, _ in rows], _marks(lap, [r for _, r in rows])))


def butir_narasi(lap: Laporan, bagian: str) -> list[str]:
    """The items of one ``narasi`` part as a list (``kendala``, ``rekomendasi``), for ``display.butir``."""
    return lap.narasi(bagian)


def daftar_narasi(lap: Laporan, bagian: str) -> display.Tampilan:
    """The items of one ``narasi`` part (``kendala``, ``rekomendasi``) as a numbered list.

    In a draft, an item with an open finding (another kecamatan's name, a year that is
    not the report's, a copied text) carries its marker, as the paragraphs of
    :func:`narasi_laporan` do.
    """
    rows = lap.narasi_baris(bagian)
    return display.butir([t for t, _ in rows], penanda_temuan=_marks(lap, [r for _, r in rows]))


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
    text = lap.narasi_sasaran_baris(kode_sasaran)
    parts: list[display.Tampilan] = []
    for kind in kinds:
        items = [t for t, _ in text.get(kind, [])]
        if not items:
            continue
        marks = _marks(lap, [r for _, r in text[kind]], "narasi_sasaran")
        if kind == "uraian":
            parts.extend(_blok(items, marks))
        else:
            parts.append(display.paragraf(LABEL_NARASI_SASARAN.get(kind, f"{kind}:")))
            parts.append(display.butir(items, penanda_temuan=marks))
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
def teks_isian_kosong(lap: Laporan, tabel: str, kolom: str, jenis: str | None = None) -> str:
    """The text printed in place of an empty field (the one spot that decides it).

    ``tabel``/``kolom`` name the field (``"instansi", "camat_pangkat"``; ``"dokumen",
    "tanggal"`` with the document's ``jenis``).  A field the final edition needs (the
    lists of :mod:`lkip_helpers.checks.kelengkapan`) shows, in a draft, a visible
    placeholder "[belum diisi: tanggal penandatanganan PK]"; any other empty field, and
    everything in the final edition (which is refused while such a field is empty),
    prints nothing: the line, or the table row, is left out.
    """
    if lap.is_final:
        return ""
    what = _wajib(lap, tabel, kolom, jenis)
    return f"[belum diisi: {what}]" if what else ""


def _wajib(lap: Laporan, tabel: str, kolom: str, jenis: str | None) -> str | None:
    """What an empty required field is called ("tanggal penandatanganan PK"), None when not required."""
    if tabel == "instansi":
        return TTD_WAJIB.get(kolom)
    if tabel == "dokumen" and jenis is not None:
        if jenis in ("pk_awal", "pk_perubahan", "pk"):
            if jenis != "pk" and jenis != versi_pk(lap):
                return None  # only the report year's PK is printed as signed
            return DOKUMEN_WAJIB["pk"].get(kolom)
        return DOKUMEN_WAJIB.get(jenis, {}).get(kolom)
    return None


def _isi(lap: Laporan, value: Any, tabel: str, kolom: str, jenis: str | None = None) -> str:
    """A field as printed: its value, else :func:`teks_isian_kosong` (plain text, not escaped)."""
    return teks_isian_kosong(lap, tabel, kolom, jenis) if missing(value) else str(value).strip()


def _ttd_html(lines: Sequence[tuple[str, str]], style: str = "") -> str:
    """A signature block of (css class, plain text) lines; empty lines are left out, ``ruang`` is the gap."""
    body = "".join(
        '<div class="lkip-ttd-ruang"></div>' if css == "ruang" else f'<p class="lkip-ttd-{css}">{teks(v)}</p>'
        for css, v in lines
        if css == "ruang" or v
    )
    attr = f' style="{style}"' if style else ""
    return f'<div class="lkip-tanda-tangan"{attr}>{body}</div>'


def _tempat_tanggal(tempat: str, tanggal: str) -> str:
    """``"Umbulsari, 23 Februari 2024"``; one of them alone without the comma; ``""`` for none."""
    return ", ".join(p for p in (tempat, tanggal) if p)


def _jabatan(text: str) -> str:
    return f"{text}," if text else ""


def _nip(text: str) -> str:
    return f"NIP. {text}" if text else ""


def _plain(lines: Sequence[tuple[str, str]]) -> str:
    return "\n".join(v for css, v in lines if css != "ruang" and v)


def tanda_tangan_laporan(lap: Laporan) -> display.Tampilan:
    """The report's signature block (Kata Pengantar, Penutup): the Camat of ``instansi``.

    An empty field prints :func:`teks_isian_kosong` (today nothing: the line is left out).
    """
    i = lap.ds.instansi

    def isi(key: str) -> str:
        value = fmt.tanggal(i.get(key), kosong="") if key == "tanggal_ttd" else i.get(key)
        return _isi(lap, value, "instansi", key)

    lines = [
        ("tempat", _tempat_tanggal(isi("tempat_ttd"), isi("tanggal_ttd"))),
        ("jabatan", _jabatan(isi("camat_jabatan"))),
        ("ruang", ""),
        ("nama", isi("camat_nama")),
        ("pangkat", isi("camat_pangkat")),
        ("nip", _nip(isi("camat_nip"))),
    ]
    return display.Tampilan(_ttd_html(lines), _plain(lines))


def _dokumen(lap: Laporan, jenis: str) -> dict[str, Any] | None:
    """The ``dokumen`` row of ``jenis``; ``"pk"`` is the report year's PK (see ``versi_pk``)."""
    if jenis == "pk":
        jenis = versi_pk(lap) or "pk_perubahan"
    df = frame(lap.ds, "dokumen", [])
    hit = df[df["jenis"] == jenis]
    return None if hit.empty else {str(k): (None if missing(v) else v) for k, v in hit.iloc[0].items()}


def _pihak_ttd(lap: Laporan, d: dict[str, Any], key: str) -> list[tuple[str, str]]:
    """Jabatan, gap, name, pangkat and NIP lines of one party; [] when neither name nor jabatan is known."""
    jenis = str(d["jenis"])
    isi = {k: _isi(lap, d.get(f"{key}_{k}"), "dokumen", f"{key}_{k}", jenis) for k in ("jabatan", "nama", "pangkat", "nip")}
    if not isi["nama"] and not isi["jabatan"]:
        return []
    return [("jabatan", _jabatan(isi["jabatan"])), ("ruang", ""), ("nama", isi["nama"]),
            ("pangkat", isi["pangkat"]), ("nip", _nip(isi["nip"]))]


def tanda_tangan_dokumen(lap: Laporan, jenis: str) -> display.Tampilan:
    """Signature block(s) of a document of ``dokumen`` (``pk_awal``, ``pk_perubahan``, ``rkt``, ``sk_iku``).

    ``"pk"`` means the report year's Perjanjian Kinerja (:func:`~.perencanaan.versi_pk`).

    A Perjanjian Kinerja (or any document with a pihak kedua) has two blocks side by side,
    pihak kedua on the left and pihak pertama, under the place and date, on the right.
    Empty fields print :func:`teks_isian_kosong` (today nothing); a party of whom nothing
    is known has no block, and a document of which nothing is known shows nothing.
    """
    d = _dokumen(lap, jenis)
    if d is None:
        return display.paragraf(f"Data penandatanganan dokumen '{jenis}' belum diisi (tabel dokumen).")
    name = str(d["jenis"])
    tempat = _isi(lap, d.get("tempat"), "dokumen", "tempat", name)
    tanggal = _isi(lap, fmt.tanggal(d.get("tanggal"), kosong=""), "dokumen", "tanggal", name)
    when = ("tempat", _tempat_tanggal(tempat, tanggal))
    pertama = _pihak_ttd(lap, d, "pihak1")
    if not name.startswith("pk_") and missing(d.get("pihak2_nama")):
        lines = [when, *pertama] if pertama or when[1] else []
        return display.Tampilan(_ttd_html(lines) if lines else "", _plain(lines))
    kedua = _pihak_ttd(lap, d, "pihak2")
    blocks = []
    if kedua:
        blocks.append(_ttd_html([("tempat", "\u00a0"), ("jabatan", "PIHAK KEDUA,"), *kedua], "margin:0;width:20em"))
    if pertama or when[1]:
        lines = [when, *([("jabatan", "PIHAK PERTAMA,"), *pertama] if pertama else [])]
        blocks.append(_ttd_html(lines, "margin:0 0 0 auto;width:20em"))
    if not blocks:
        return display.Tampilan("", "")
    html_text = (
        f'<div class="lkip-ttd-pk" style="display:flex;justify-content:space-between;'
        f'gap:2em;margin:2em 0 1em">{"".join(blocks)}</div>'
    )
    plain = " / ".join(
        f"{label} {next(v for c, v in block if c == 'nama') or '-'}"
        for label, block in (("PIHAK KEDUA", kedua), ("PIHAK PERTAMA", pertama))
        if block
    )
    return display.Tampilan(html_text, " ".join(p for p in (plain, when[1] and f"({when[1]})") if p))


_JUDUL_DOKUMEN = {
    "pk_awal": "Perjanjian Kinerja",
    "pk_perubahan": "Perjanjian Kinerja Perubahan",
    "rkt": "Rencana Kinerja Tahunan",
    "sk_iku": "Keputusan tentang Indikator Kinerja Utama",
}


def identitas_dokumen(lap: Laporan, jenis: str) -> display.Tampilan:
    """A small unnumbered table naming a document: nomor, tempat and tanggal, the parties.

    ``jenis`` is a ``dokumen.jenis`` or ``"pk"`` for the report year's Perjanjian Kinerja.
    A row whose field is empty prints :func:`teks_isian_kosong`; today the row is left out.
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
    if d.get("perihal"):
        items.append(("Tentang", str(d["perihal"])))
    items.append(("Ditetapkan di", _isi(lap, d.get("tempat"), "dokumen", "tempat", jenis)))
    items.append(("Tanggal", _isi(lap, fmt.tanggal(d.get("tanggal"), kosong=""), "dokumen", "tanggal", jenis)))
    two = jenis.startswith("pk_") or bool(d.get("pihak2_nama"))
    items.append(("Pihak pertama" if two else "Penandatangan", _pihak(lap, d, "pihak1")))
    if two:
        items.append(("Pihak kedua", _pihak(lap, d, "pihak2")))
    items = [(a, b) for a, b in items if b]
    rows = [{"hal": teks(a), "isi": teks(b)} for a, b in items]
    g: gt.GT = buat_tabel(
        rows, [Kolom("hal", "Uraian"), Kolom("isi", "Keterangan")], id=f"lkip-dokumen-{jenis}"
    )
    return display.Tampilan(
        f'<div class="lkip-tabel-isi">{g.as_raw_html()}</div>', " | ".join(b for _, b in items)
    )


def _pihak(lap: Laporan, d: dict[str, Any], key: str) -> str:
    """``"NAMA, Jabatan, Pangkat (NIP. ...)"`` of one party; empty fields as :func:`teks_isian_kosong`."""
    jenis = str(d["jenis"])
    parts = [_isi(lap, d.get(f"{key}_{k}"), "dokumen", f"{key}_{k}", jenis) for k in ("nama", "jabatan", "pangkat")]
    text = ", ".join(p for p in parts if p)
    nip = _nip(_isi(lap, d.get(f"{key}_nip"), "dokumen", f"{key}_nip", jenis))
    return f"{text} ({nip})" if text and nip else text or nip


# ------------------------------------------------------------------ SK IKU
_SEL = "vertical-align:top;padding:0 .5em .3em 0"


def _label_diktum(n: int) -> str:
    """``1`` -> ``"KESATU"``, ``2`` -> ``"KEDUA"``, ``6`` -> ``"KEENAM"``."""
    return "KESATU" if n == 1 else f"KE{fmt.terbilang(n).upper()}"


def _baris_keputusan(label: str, body: str) -> str:
    return (f'<tr><td style="{_SEL};white-space:nowrap">{teks(label)}</td><td style="{_SEL}">:</td>'
            f'<td style="{_SEL.replace(" .5em ", " 0 ")}">{body}</td></tr>')


def _daftar_keputusan(items: Sequence[str], tipe: str) -> str:
    inner = "".join(f"<li>{teks(t)}</li>" for t in items)
    return f'<ol type="{tipe}" style="margin:0;padding-left:1.6em">{inner}</ol>'


def _diktum(text: str) -> str:
    """A diktum: its first paragraph, then its points (the paragraphs after a blank line) indented."""
    first, *points = [p.strip() for p in text.split("\n\n") if p.strip()]
    return f'<p style="margin:0">{teks(first)}</p>' + "".join(
        f'<p style="margin:0 0 0 1.6em">{teks(p)}</p>' for p in points
    )


def keputusan_iku(lap: Laporan) -> display.Tampilan:
    """The SK IKU as the decree is printed (Lampiran 4), from ``dokumen`` (sk_iku) and ``narasi``.

    Heading "KEPUTUSAN CAMAT <KECAMATAN> KABUPATEN <KABUPATEN>", the number, "TENTANG" and
    ``dokumen.perihal``; Menimbang (``narasi`` bagian ``sk_iku_menimbang``, lettered a., b.)
    and Mengingat (``sk_iku_mengingat``, numbered); MEMUTUSKAN with the diktum
    (``sk_iku_diktum``, labelled KESATU, KEDUA, ... in order; the paragraphs of a diktum after
    its first are its points, printed with their own marks); then "Ditetapkan di", "Pada
    tanggal" and the signatory.  Empty fields print :func:`teks_isian_kosong`.  Nothing at
    all when the data set holds no decree text (the Lampiran then has
    :func:`identitas_dokumen` and :func:`tanda_tangan_dokumen` only).
    """
    ds = lap.ds
    menimbang, mengingat = lap.narasi("sk_iku_menimbang"), lap.narasi("sk_iku_mengingat")
    diktum = lap.narasi("sk_iku_diktum")
    if not (menimbang or mengingat or diktum):
        return display.Tampilan("", "")
    d = _dokumen(lap, "sk_iku") or {"jenis": "sk_iku"}
    nomor = _isi(lap, d.get("nomor"), "dokumen", "nomor", "sk_iku")
    perihal = str(d.get("perihal") or "Indikator Kinerja Utama")
    head = [f"KEPUTUSAN CAMAT {ds.kecamatan} KABUPATEN {ds.kabupaten}".upper(),
            f"NOMOR: {nomor}" if nomor else "", "TENTANG", perihal.upper()]
    parts = [
        '<div class="lkip-keputusan">',
        *(f'<p class="lkip-paragraf" style="text-align:center;font-weight:bold;margin:0">{teks(h)}</p>'
          for h in head if h),
        '<table class="lkip-keputusan-isi" style="margin:1em 0;border-collapse:collapse">',
    ]
    if menimbang:
        parts.append(_baris_keputusan("Menimbang", _daftar_keputusan(menimbang, "a")))
    if mengingat:
        parts.append(_baris_keputusan("Mengingat", _daftar_keputusan(mengingat, "1")))
    parts.append("</table>")
    if diktum:
        parts += ['<p class="lkip-paragraf" style="text-align:center;font-weight:bold">MEMUTUSKAN:</p>',
                  '<table class="lkip-keputusan-isi" style="margin:0 0 1em;border-collapse:collapse">',
                  _baris_keputusan("Menetapkan", ""),
                  *(_baris_keputusan(_label_diktum(n), _diktum(t)) for n, t in enumerate(diktum, 1)),
                  "</table>"]
    tempat = _isi(lap, d.get("tempat"), "dokumen", "tempat", "sk_iku")
    tanggal = _isi(lap, fmt.tanggal(d.get("tanggal"), kosong=""), "dokumen", "tanggal", "sk_iku")
    lines = [("tempat", f"Ditetapkan di: {tempat}" if tempat else ""),
             ("tempat", f"Pada tanggal: {tanggal}" if tanggal else ""), *_pihak_ttd(lap, d, "pihak1")]
    if any(v for _, v in lines):
        parts.append(_ttd_html(lines))
    parts.append("</div>")
    rows = [r for part in ("sk_iku_menimbang", "sk_iku_mengingat", "sk_iku_diktum") for _, r in lap.narasi_baris(part)]
    mark = display.penanda(sorted({n for m in _marks(lap, rows) for n in m}))
    if mark:
        parts.insert(1, f'<p class="lkip-penanda-blok">{mark}</p>')
    plain = "\n".join([*(h for h in head if h), *(f"{_label_diktum(n)}: {t}" for n, t in enumerate(diktum, 1))])
    return display.Tampilan("".join(parts), plain)


def lampiran_sk_iku(lap: Laporan) -> display.Tampilan:
    """Lampiran 4: the decree as printed (:func:`keputusan_iku`) when the data set holds its text,
    else the document's identity and signature (:func:`identitas_dokumen`, :func:`tanda_tangan_dokumen`)."""
    decree = keputusan_iku(lap)
    if decree.html:
        return decree
    return _gabung([identitas_dokumen(lap, "sk_iku"), tanda_tangan_dokumen(lap, "sk_iku")])


# ------------------------------------------------------------------ photos
def foto_kegiatan(lap: Laporan) -> list[display.Tampilan]:
    """Photos of the sub kegiatan (``foto`` table, files under ``foto/`` of the data set).

    One heading per sub kegiatan with photos; nothing at all when there are none.  A
    photo file that is missing shows a note instead of stopping the report.
    """
    ds = lap.ds
    df = frame(ds, "foto", ["kode_sub_kegiatan", "urutan"])
    if df.empty:
        note = "[Draf: dokumentasi kegiatan belum dilampirkan.]"
        return [] if lap.is_final else [display.paragraf(note)]
    names = {str(s.kode): str(s.nama) for s in frame(ds, "sub_kegiatan", "urutan").itertuples()}
    order = {k: i for i, k in enumerate(names)}
    df = df.assign(_o=[order.get(k, len(order)) for k in df["kode_sub_kegiatan"]]).sort_values(
        ["_o", "urutan"], kind="stable"
    )
    out: list[display.Tampilan] = []
    for kode, grp in df.groupby("kode_sub_kegiatan", sort=False):
        out.append(display.subsubbab(f"Dokumentasi Sub Kegiatan: {names.get(str(kode), str(kode))}"))
        for r in grp.itertuples():
            path, _why = foto_aman(ds, str(r.berkas))  # never a file outside the data set's foto/
            if path is not None:
                out.append(display.foto(path, str(r.keterangan)))
            elif not lap.is_final:
                out.append(display.paragraf(f"[Draf: foto belum dilampirkan] {r.keterangan}"))
    return out


def _folder(ds: DataSet) -> Path:
    origin = Path(ds.origin) if ds.origin else Path()
    return origin.parent if origin.is_file() else origin
