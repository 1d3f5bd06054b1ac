"""Small WordprocessingML pieces python-docx has no API for: fields, bookmarks, breaks, shading.

Every function builds or changes lxml elements of the document and returns them; none
keeps state.  Field codes are written as Word writes them (``begin``, instruction,
``separate``, cached result, ``end``), so Word and LibreOffice both read them.
"""

from __future__ import annotations

import hashlib
import re
from typing import Any

from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn

__all__ = [
    "bookmark",
    "bookmark_name",
    "el",
    "field_runs",
    "field_end",
    "field_start",
    "keep_row_together",
    "repeat_header_row",
    "shade",
    "tab_run",
    "text_run",
    "watermark_run",
]

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def el(tag: str, **attrs: str) -> Any:
    """``<w:tag w:key="value" ...>``: ``el("w:tab", val="right", pos="9000")``."""
    node = OxmlElement(tag)
    prefix = tag.split(":", 1)[0]
    for key, value in attrs.items():
        node.set(qn(f"{prefix}:{key}"), value)
    return node


def _run(child: Any, rpr: Any | None = None) -> Any:
    run = el("w:r")
    if rpr is not None:
        run.append(rpr)
    run.append(child)
    return run


def _text(text: str) -> Any:
    node = el("w:t")
    node.text = text
    node.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return node


def _rpr(hidden: bool = False, bold: bool = False) -> Any | None:
    if not hidden and not bold:
        return None
    rpr = el("w:rPr")
    if bold:
        rpr.append(el("w:b"))
    if hidden:
        rpr.append(el("w:vanish"))
    return rpr


def field_runs(instruction: str, cached: str = "", hidden: bool = False) -> list[Any]:
    """The runs of one complete field: ``{ instruction }`` showing ``cached`` until Word updates it."""
    instr = el("w:instrText")
    instr.text = f" {instruction} "
    instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    runs = [
        _run(el("w:fldChar", fldCharType="begin"), _rpr(hidden)),
        _run(instr, _rpr(hidden)),
        _run(el("w:fldChar", fldCharType="separate"), _rpr(hidden)),
    ]
    if cached:
        runs.append(_run(_text(cached), _rpr(hidden)))
    runs.append(_run(el("w:fldChar", fldCharType="end"), _rpr(hidden)))
    return runs


def field_start(instruction: str) -> list[Any]:
    """The opening runs of a field whose result spans several paragraphs (a TOC)."""
    instr = el("w:instrText")
    instr.text = f" {instruction} "
    instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return [_run(el("w:fldChar", fldCharType="begin")), _run(instr), _run(el("w:fldChar", fldCharType="separate"))]


def field_end() -> Any:
    """The closing run of a field opened by :func:`field_start`."""
    return _run(el("w:fldChar", fldCharType="end"))


def text_run(text: str, bold: bool = False) -> Any:
    """A plain run of ``text``."""
    return _run(_text(text), _rpr(bold=bold))


def tab_run() -> Any:
    """A run holding one tab character."""
    return _run(el("w:tab"))


def bookmark_name(anchor: str) -> str:
    """A Word bookmark name for an HTML id: hidden (leading ``_``), letters/digits/_ only, <= 40 chars."""
    name = "_lkip_" + re.sub(r"[^A-Za-z0-9_]", "_", anchor)
    if len(name) > 40:
        name = name[:31] + "_" + hashlib.sha1(anchor.encode()).hexdigest()[:8]
    return name


def bookmark(paragraph: Any, name: str, number: int) -> None:
    """Wrap the whole content of ``paragraph`` (a ``w:p``) in the bookmark ``name``."""
    start = el("w:bookmarkStart", id=str(number), name=name)
    end = el("w:bookmarkEnd", id=str(number))
    ppr = paragraph.find(qn("w:pPr"))
    paragraph.insert(0 if ppr is None else 1, start)
    paragraph.append(end)


def repeat_header_row(row: Any) -> None:
    """Mark a ``w:tr`` as a header row, repeated at the top of every page the table spans."""
    trpr = row.get_or_add_trPr()
    if trpr.find(qn("w:tblHeader")) is None:
        trpr.append(el("w:tblHeader"))


def keep_row_together(row: Any) -> None:
    """A ``w:tr`` that never breaks across pages."""
    trpr = row.get_or_add_trPr()
    if trpr.find(qn("w:cantSplit")) is None:
        trpr.insert(0, el("w:cantSplit"))


def shade(tc: Any, fill: str) -> None:
    """Background colour (hex RGB) of a table cell ``w:tc``."""
    tcpr = tc.get_or_add_tcPr()
    for old in tcpr.findall(qn("w:shd")):
        tcpr.remove(old)
    node = el("w:shd", val="clear", color="auto", fill=fill)
    before = [qn(t) for t in ("w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark")]
    for index, child in enumerate(tcpr):
        if child.tag in before:
            tcpr.insert(index, node)
            return
    tcpr.append(node)


_WATERMARK = (
    '<w:r xmlns:w="{w}" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"'
    ' xmlns:w10="urn:schemas-microsoft-com:office:word"><w:rPr><w:noProof/></w:rPr><w:pict>'
    '<v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" adj="10800"'
    ' path="m@7,l@8,m@5,21600l@6,21600e"><v:formulas><v:f eqn="sum #0 0 10800"/><v:f eqn="prod #0 2 1"/>'
    '<v:f eqn="sum 21600 0 @1"/><v:f eqn="sum 0 0 @2"/><v:f eqn="sum 21600 0 @3"/><v:f eqn="if @0 @3 0"/>'
    '<v:f eqn="if @0 21600 @1"/><v:f eqn="if @0 0 @2"/><v:f eqn="if @0 @4 21600"/><v:f eqn="mid @5 @6"/>'
    '<v:f eqn="mid @8 @5"/><v:f eqn="mid @7 @8"/><v:f eqn="mid @6 @7"/><v:f eqn="sum @6 0 @5"/></v:formulas>'
    '<v:path textpathok="t" o:connecttype="custom" o:connectlocs="@9,0;@10,10800;@11,21600;@12,10800"'
    ' o:connectangles="270,180,90,0"/><v:textpath on="t" fitshape="t"/><v:handles><v:h position="#0,bottomRight"'
    ' xrange="6629,14971"/></v:handles><o:lock v:ext="edit" text="t" shapetype="t"/></v:shapetype>'
    '<v:shape id="PowerPlusWaterMarkObject{n}" o:spid="_x0000_s{spid}" type="#_x0000_t136"'
    ' style="position:absolute;margin-left:0;margin-top:0;width:{width}pt;height:{height}pt;rotation:315;'
    'z-index:-251657216;mso-position-horizontal:center;mso-position-horizontal-relative:margin;'
    'mso-position-vertical:center;mso-position-vertical-relative:margin" o:allowincell="f"'
    ' fillcolor="#c8c8c8" stroked="f"><v:fill opacity=".35"/>'
    '<v:textpath style="font-family:&quot;Arial&quot;;font-size:1pt;font-weight:bold" string="{text}"/>'
    '<w10:wrap anchorx="margin" anchory="margin"/></v:shape></w:pict></w:r>'
)


def watermark_run(text: str, number: int, landscape: bool = False) -> Any:
    """Word's own kind of watermark (Design > Watermark): diagonal ``text`` behind every page of a section.

    It lives in the section's header; Word and LibreOffice show and print it, and Word's
    watermark dialog can remove it.  ``number`` makes the shape id unique per header.
    """
    width, height = (460, 170) if not landscape else (520, 190)
    xml = _WATERMARK.format(w=_W, n=number, spid=2048 + number, width=width, height=height, text=text)
    return parse_xml(xml)
