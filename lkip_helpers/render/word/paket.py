"""Saving a DOCX byte-identically for identical content: fixed core properties, fixed zip entries.

python-docx writes the zip entries with the current time and leaves the template's
creation date in ``docProps/core.xml``; :func:`simpan` sets the title, subject and author,
drops every date and re-packs the parts in python-docx's order with one fixed time.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

from docx.oxml.ns import qn

__all__ = ["docx_bytes", "simpan"]

_EPOCH = (1980, 1, 1, 0, 0, 0)
#: The elements of ``w:settings`` that the schema puts after ``w:updateFields``.
_AFTER_UPDATE_FIELDS = frozenset(
    qn(f"w:{t}") for t in (
        "hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars", "rsids", "attachedSchema", "themeFontLang",
        "clrSchemeMapping", "doNotIncludeSubdocsInStats", "doNotAutoCompressPictures", "forceUpgrade", "captions",
        "readModeInkLockDown", "smartTagType", "schemaLibrary", "shapeDefaults", "doNotEmbedSmartTags",
        "decimalSymbol", "listSeparator",
    )
) | {"{http://schemas.openxmlformats.org/officeDocument/2006/math}mathPr"}
_DATES = ("dcterms:created", "dcterms:modified", "cp:lastPrinted")
_CORE_NS = {
    "dcterms": "http://purl.org/dc/terms/",
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
}


def _core(doc: Any, judul: str, pembuat: str, subjek: str) -> None:
    props = doc.core_properties
    props.title = judul
    props.subject = subjek
    props.author = pembuat
    props.last_modified_by = pembuat
    props.comments = ""
    props.keywords = "LKIP"
    props.revision = 1
    props.language = "id-ID"
    element = doc.part.package.core_properties._element
    for name in _DATES:
        prefix, local = name.split(":")
        for node in element.findall(f"{{{_CORE_NS[prefix]}}}{local}"):
            element.remove(node)


def _settings(doc: Any, isi_field: bool) -> None:
    """Word fills the fields (Daftar Isi, Tabel, Gambar; page numbers) when the file is opened."""
    settings = doc.settings.element
    if isi_field and settings.find(qn("w:updateFields")) is None:
        node = settings.makeelement(qn("w:updateFields"), {qn("w:val"): "true"})
        later = next((c for c in settings if c.tag in _AFTER_UPDATE_FIELDS), None)
        if later is not None:
            later.addprevious(node)  # Word reads settings.xml in the schema's order
        else:
            settings.append(node)
    for rsids in settings.findall(qn("w:rsids")):
        settings.remove(rsids)


def _repack(raw: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=_EPOCH)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            dst.writestr(entry, src.read(info.filename))
    return out.getvalue()


def docx_bytes(doc: Any, judul: str, pembuat: str, subjek: str = "", isi_field: bool = True) -> bytes:
    """The document as DOCX bytes, identical for identical content (see the module doc).

    ``isi_field``: Word updates the fields (lists, page numbers) when it opens the file.
    """
    _core(doc, judul, pembuat, subjek)
    _settings(doc, isi_field)
    buffer = io.BytesIO()
    doc.save(buffer)
    return _repack(buffer.getvalue())


def simpan(doc: Any, target: str | Path, judul: str, pembuat: str, subjek: str = "", isi_field: bool = True) -> bytes:
    """Write :func:`docx_bytes` to ``target`` and return them."""
    data = docx_bytes(doc, judul, pembuat, subjek, isi_field)
    Path(target).write_bytes(data)
    return data
