"""BAB II tables: the Renstra matrix, the RKT, the IKU and the Perjanjian Kinerja."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

import great_tables as gt
import pandas as pd

from ... import fmt
from ...data.model import DataSet
from ._dasar import (
    STRIP,
    VERSI_LABEL,
    Catatan,
    Kolom,
    baris,
    buat_tabel,
    frame,
    indentasi,
    jumlah_satuan,
    missing,
    nilai,
    teks,
    value,
)

if TYPE_CHECKING:
    from ...report.laporan import Laporan

__all__ = [
    "anggaran_perjanjian_kinerja",
    "indikator_kinerja_utama",
    "matriks_renstra",
    "perjanjian_kinerja",
    "perubahan_perjanjian_kinerja",
    "rencana_kinerja_tahunan",
    "versi_pk",
]

_GRUP_RENSTRA = {"awal": "Sebelum Perubahan", "perubahan": "Setelah Perubahan"}


def _versions(text: object) -> set[str]:
    return {p.strip() for p in str(text or "").split(",") if p.strip()}


def _periode(ds: DataSet) -> list[int]:
    awal = int(ds.instansi.get("renstra_awal") or ds.tahun)
    akhir = int(ds.instansi.get("renstra_akhir") or ds.tahun)
    return list(range(awal, akhir + 1))


def _target_teks(v: Any, skor: Any, satuan: Any) -> str:
    """A target as printed: ``100%``, ``85``, ``B`` or ``B (60)`` when a grade has a score."""
    text = nilai(v, satuan)
    if isinstance(value(v), str) and value(skor) is not None:
        text += f" ({teks(fmt.nilai(skor))})"
    return text


def _targets(ds: DataSet) -> pd.DataFrame:
    return frame(ds, "target", [])


def _lookup(tgt: pd.DataFrame, kode: str, versi: str, tahun: int) -> pd.Series | None:
    hit = tgt[(tgt["kode_indikator"] == kode) & (tgt["versi"] == versi) & (tgt["tahun"] == tahun)]
    return hit.iloc[0] if len(hit) else None


# --------------------------------------------------------------------------- Renstra
def matriks_renstra(lap: Laporan, lengkap: bool = False) -> gt.GT:
    """Matriks tujuan, sasaran, indikator and targets per year of the Renstra period.

    Tujuan rows are bold (with the tujuan's indicator), their sasaran rows below them.
    Both versions are shown as row groups ("Sebelum Perubahan", "Setelah Perubahan")
    when the data set has both; targets come from ``renstra_awal`` / ``renstra_perubahan``.
    A tujuan row carries its indicator (no yearly targets: the schema holds targets per
    sasaran indicator).  ``lengkap=True`` adds strategi, kebijakan and program (Lampiran 1).
    """
    ds = lap.ds
    years = _periode(ds)
    tujuan = frame(ds, "tujuan", "urutan")
    sasaran = frame(ds, "sasaran", "urutan")
    ind = frame(ds, "indikator", "urutan")
    tgt = _targets(ds)
    ps = frame(ds, "program_sasaran", [])
    prog = frame(ds, "program", "urutan")
    groups = [
        v
        for v in ("awal", "perubahan")
        if any(v in _versions(x) for x in [*tujuan["versi"], *sasaran["versi"]])
    ]
    rows: list[dict[str, str]] = []
    bold: list[int] = []
    graded = False
    for versi in groups:
        label = _GRUP_RENSTRA[versi] if len(groups) > 1 else ""
        sas_v = sasaran[[versi in _versions(x) for x in sasaran["versi"]]]
        keep = [
            versi in _versions(t.versi) or (sas_v["kode_tujuan"] == t.kode).any() for t in tujuan.itertuples()
        ]
        for n, t in enumerate(tujuan[keep].itertuples(), 1):
            bold.append(len(rows))
            rows.append(
                {
                    "grup": label,
                    "no": str(n),
                    "uraian": f"Tujuan: {teks(t.uraian)}",
                    "indikator": teks(t.indikator, STRIP),
                }
            )
            for m, s in enumerate(sas_v[sas_v["kode_tujuan"] == t.kode].itertuples()):
                in_versi = pd.Series(
                    [versi in _versions(x) for x in ind["versi"]], index=ind.index, dtype=bool
                )
                mine = ind[(ind["kode_sasaran"] == s.kode) & in_versi]
                first = len(rows)
                for i in mine.itertuples() if len(mine) else [None]:
                    row = {"grup": label, "indikator": teks(i.nama) if i is not None else STRIP}
                    kode, satuan = (None, None) if i is None else (str(i.kode), i.satuan)
                    for y in years:
                        hit = _lookup(tgt, kode, f"renstra_{versi}", y) if kode is not None else None
                        row[f"t{y}"] = (
                            STRIP if hit is None else _target_teks(hit["nilai"], hit["skor"], satuan)
                        )
                        graded = graded or (hit is not None and isinstance(value(hit["nilai"]), str))
                    rows.append(row)
                head = rows[first]
                head["no"] = f"{n}.{_huruf(m)}"
                head["uraian"] = indentasi(f"Sasaran: {teks(s.uraian)}", 1)
                if lengkap:
                    kodes = set(ps.loc[ps["kode_sasaran"] == s.kode, "kode_program"])
                    head["strategi"] = teks(s.strategi)
                    head["kebijakan"] = (
                        baris(*str(s.kebijakan or "").split(";")) if not missing(s.kebijakan) else ""
                    )
                    head["program"] = baris(*prog.loc[prog["kode"].isin(kodes), "nama"])
    kolom = [
        Kolom("no", "No", "center"),
        Kolom("uraian", "Tujuan / Sasaran"),
        Kolom("indikator", "Indikator"),
        *(Kolom(f"t{y}", str(y), "center") for y in years),
    ]
    spanner: list[tuple[str, list[str]]] = [("TARGET KINERJA SASARAN PADA TAHUN", [f"t{y}" for y in years])]
    if lengkap:
        kolom += [Kolom("strategi", "Strategi"), Kolom("kebijakan", "Kebijakan"), Kolom("program", "Program")]
        spanner.append(("STRATEGI MENCAPAI TUJUAN DAN SASARAN", ["strategi", "kebijakan", "program"]))
    notes = (
        [Catatan("Target berupa nilai huruf diikuti skornya dalam kurung bila diketahui.")] if graded else []
    )
    return buat_tabel(
        rows,
        kolom,
        id="lkip-matriks-renstra" + ("-lengkap" if lengkap else ""),
        tebal_baris=bold,
        kelompok="grup" if len(groups) > 1 else None,
        spanner=spanner,
        catatan=notes,
    )


def _huruf(n: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    out = ""
    n += 1
    while n:
        n, r = divmod(n - 1, 26)
        out = chr(65 + r) + out
    return out


# --------------------------------------------------------------------------- RKT
def rencana_kinerja_tahunan(lap: Laporan) -> gt.GT:
    """RKT of the report year: sasaran, indikator, target, program, kegiatan, sub kegiatan, output, anggaran.

    Sasaran: those measured in the report year and those with an ``rkt`` target that
    year.  Indicator targets come from the RKT; where the RKT has none, the report's
    target version is used (footnote).  Anggaran is the sub kegiatan's pagu murni (the
    plan), else its final pagu (footnote).
    """
    ds = lap.ds
    tahun = ds.tahun
    tgt = _targets(ds)
    ind = frame(ds, "indikator", "urutan")
    sasaran = frame(ds, "sasaran", "urutan")
    measured = lap.indikator_diukur
    rkt = tgt[(tgt["versi"] == "rkt") & (tgt["tahun"] == tahun)]
    rkt_sasaran = set(ind.loc[ind["kode"].isin(rkt["kode_indikator"]), "kode_sasaran"])
    wanted = set(measured["kode_sasaran"]) | rkt_sasaran
    ps = frame(ds, "program_sasaran", [])
    prog = frame(ds, "program", "urutan")
    keg = frame(ds, "kegiatan", "urutan")
    sub = frame(ds, "sub_kegiatan", "urutan")
    out = frame(ds, "output_sub_kegiatan", [])
    fallback = VERSI_LABEL.get(lap.versi_target, lap.versi_target)
    rows: list[dict[str, str]] = []
    notes: list[Catatan] = []
    total: dict[str, int] = {}
    for n, s in enumerate(sasaran[sasaran["kode"].isin(wanted)].itertuples(), 1):
        mine = ind[ind["kode_sasaran"] == s.kode]
        if s.kode in rkt_sasaran:
            mine = mine[mine["kode"].isin(rkt["kode_indikator"])]
        else:
            mine = mine[mine["kode"].isin(measured["kode_indikator"])]
        left: list[tuple[dict[str, str], Catatan | None]] = []
        for i in mine.itertuples():
            hit = _lookup(tgt, str(i.kode), "rkt", tahun)
            note = None
            if hit is None:
                hit = _lookup(tgt, str(i.kode), lap.versi_target, tahun)
                note = Catatan(
                    f"Target RKT {tahun} tidak tersedia; ditampilkan target {fallback} {tahun}.", "target"
                )
            text = STRIP if hit is None else _target_teks(hit["nilai"], hit["skor"], i.satuan)
            left.append(({"indikator": teks(i.nama), "target": text}, note))
        right: list[dict[str, str]] = []
        kodes = set(ps.loc[ps["kode_sasaran"] == s.kode, "kode_program"])
        for p in prog[prog["kode"].isin(kodes)].itertuples():
            right.append({"program": f"<strong>Program</strong>: {teks(p.nama)}"})
            for k in keg[keg["kode_program"] == p.kode].itertuples():
                right.append({"program": indentasi(f"Kegiatan: {teks(k.nama)}", 1)})
                for sk in sub[sub["kode_kegiatan"] == k.kode].itertuples():
                    outs = out[out["kode_sub_kegiatan"] == sk.kode]
                    murni = value(sk.pagu_murni)
                    amount = murni if murni is not None else value(sk.pagu)
                    head = {
                        "program": indentasi(f"Sub Kegiatan: {teks(sk.nama)}", 2),
                        "anggaran": fmt.angka(amount, kosong=STRIP),
                    }
                    if murni is None and amount is not None:
                        head["_catatan"] = "pagu"
                    if amount is not None:
                        total[str(sk.kode)] = int(amount)
                    for m, o in enumerate(outs.itertuples() if len(outs) else [None]):
                        cell = {
                            "output": teks(o.indikator) if o is not None else STRIP,
                            "target_out": jumlah_satuan(o.target, o.satuan) if o is not None else STRIP,
                        }
                        right.append({**head, **cell} if m == 0 else cell)
        height = max(len(left), len(right), 1)
        for j in range(height):
            row: dict[str, str] = {}
            if j == 0:
                row.update({"no": f"{n}.", "sasaran": teks(s.uraian)})
            if j < len(left):
                cells, note = left[j]
                row.update(cells)
                if note is not None:
                    notes.append(Catatan(note.teks, "target", len(rows)))
            if j < len(right):
                flag = right[j].pop("_catatan", None)
                row.update(right[j])
                if flag:
                    notes.append(
                        Catatan("Pagu murni tidak tersedia; ditampilkan pagu akhir.", "anggaran", len(rows))
                    )
            elif j == 0:
                row["program"] = STRIP
            rows.append(row)
    rows.append({"program": "Jumlah", "anggaran": fmt.angka(sum(total.values()))})
    kolom = [
        Kolom("no", "No", "center", "4%"),
        Kolom("sasaran", "Sasaran", lebar="14%"),
        Kolom("indikator", "Indikator Sasaran", lebar="12%"),
        Kolom("target", "Target", "center", "7%"),
        Kolom("program", "Program / Kegiatan / Sub Kegiatan", lebar="26%"),
        Kolom("output", "Indikator Keluaran (Output)", lebar="16%"),
        Kolom("target_out", "Target", "center", "8%"),
        Kolom("anggaran", "Anggaran (Rp)", "right", "13%"),
    ]
    spanner = [
        ("SASARAN", ["sasaran", "indikator", "target"]),
        ("PROGRAM, KEGIATAN DAN SUB KEGIATAN", ["program", "output", "target_out", "anggaran"]),
    ]
    return buat_tabel(rows, kolom, id="lkip-rkt", tebal_baris=[len(rows) - 1], spanner=spanner, catatan=notes)


# --------------------------------------------------------------------------- IKU
def indikator_kinerja_utama(lap: Laporan) -> gt.GT:
    """The IKU: kinerja utama, indicator, formula, penanggung jawab, sumber data.

    Indicators marked ``iku``: of a sasaran, or of a tujuan (``kode_tujuan``, no sasaran:
    listed here, never measured).  Order: ``urutan_iku`` (the SK's own numbering) first;
    the others after them, measured sasaran in report order, then by sasaran order, then
    tujuan indicators by tujuan order.
    """
    ds = lap.ds
    ind = frame(ds, "indikator", "urutan")
    ind = ind[[bool(v) is True and not missing(v) for v in ind["iku"]]]
    sas = frame(ds, "sasaran", "urutan")
    order = {k: i for i, k in enumerate(dict.fromkeys(lap.indikator_diukur["kode_sasaran"]))}
    rank = {k: (order.get(k, len(order)), i) for i, k in enumerate(sas["kode"])}
    tujuan = {k: i for i, k in enumerate(frame(ds, "tujuan", "urutan")["kode"])}

    def key(i: Any) -> tuple[int, ...]:
        no = value(i.urutan_iku)
        first = (0, int(no)) if no is not None else (1, 0)
        if not missing(i.kode_sasaran):
            return (*first, *rank.get(i.kode_sasaran, (len(order), len(rank))), int(i.urutan))
        return (*first, len(order) + 1, tujuan.get(i.kode_tujuan, len(tujuan)), int(i.urutan))

    rows = [
        {
            "no": f"{n}.",
            "kinerja": teks(i.kinerja_utama, STRIP),
            "indikator": teks(i.nama),
            "formula": teks(i.formula, STRIP),
            "pj": baris(*str(i.penanggung_jawab).split(";")) if not missing(i.penanggung_jawab) else STRIP,
            "sumber": teks(i.sumber_data, STRIP),
        }
        for n, i in enumerate(sorted(ind.itertuples(), key=key), 1)
    ]
    kolom = [
        Kolom("no", "No", "center"),
        Kolom("kinerja", "Kinerja Utama"),
        Kolom("indikator", "Indikator Kinerja Utama"),
        Kolom("formula", "Formulasi Perhitungan dan Penjelasan"),
        Kolom("pj", "Penanggung Jawab"),
        Kolom("sumber", "Sumber Data"),
    ]
    return buat_tabel(rows, kolom, id="lkip-iku")


# --------------------------------------------------------------------------- PK
def versi_pk(lap: Laporan) -> str | None:
    """The PK version of the report year: the report's own if it is a PK, else PK perubahan, else PK awal."""
    ds = lap.ds
    tgt = _targets(ds)
    have = set(tgt.loc[tgt["tahun"] == ds.tahun, "versi"])
    own = lap.versi_target
    for v in (own, "pk_perubahan", "pk_awal"):
        if v.startswith("pk_") and v in have:
            return v
    return None


def _pk_rows(ds: DataSet, versi: str) -> list[dict[str, Any]]:
    """Indicators with a ``versi`` target in the report year, sasaran in report order.

    A tujuan's indicator (no sasaran) comes last, under "Tujuan: ..." (it is not measured).
    """
    tgt = _targets(ds)
    tgt = tgt[(tgt["versi"] == versi) & (tgt["tahun"] == ds.tahun)]
    ind = frame(ds, "indikator", "urutan").set_index("kode")
    sas = frame(ds, "sasaran", "urutan")
    order = {k: i for i, k in enumerate(sas["kode"])}
    out: list[dict[str, Any]] = []
    for t in tgt.itertuples():
        if t.kode_indikator not in ind.index:
            continue
        i = ind.loc[str(t.kode_indikator)]
        out.append(
            {
                "kode": t.kode_indikator,
                "kode_sasaran": i["kode_sasaran"],
                "indikator": i["nama"],
                "satuan": i["satuan"],
                "urutan": i["urutan"],
                "nilai": t.nilai,
                "skor": t.skor,
                "_r": (order.get(i["kode_sasaran"], len(order)), i["urutan"]),
            }
        )
    out.sort(key=lambda r: r["_r"])
    names = dict(zip(sas["kode"], sas["uraian"], strict=True))
    tuj = frame(ds, "tujuan", [])
    tujuan = {k: f"Tujuan: {u}" for k, u in zip(tuj["kode"], tuj["uraian"], strict=True)}
    for r in out:
        ks = r["kode_sasaran"]
        r["sasaran"] = names.get(ks) if not missing(ks) else tujuan.get(ind.loc[str(r["kode"]), "kode_tujuan"])
    return out


def perjanjian_kinerja(lap: Laporan) -> gt.GT:
    """The Perjanjian Kinerja of the report year: sasaran, indikator, target.

    Uses :func:`versi_pk`.  When it is the PK perubahan and a PK awal exists, a footnote
    says whether the targets changed (changed cells carry the PK awal value).
    """
    ds = lap.ds
    versi = versi_pk(lap)
    items = _pk_rows(ds, versi) if versi else []
    awal = {r["kode"]: r for r in _pk_rows(ds, "pk_awal")} if versi == "pk_perubahan" else {}
    rows: list[dict[str, str]] = []
    notes: list[Catatan] = []
    last_sasaran = None
    n = 0
    changed = 0
    for r in items:
        row = {"indikator": teks(r["indikator"]), "target": _target_teks(r["nilai"], r["skor"], r["satuan"])}
        if r["kode_sasaran"] != last_sasaran:
            n += 1
            row.update({"no": f"{n}.", "sasaran": teks(r["sasaran"])})
            last_sasaran = r["kode_sasaran"]
        old = awal.get(r["kode"])
        if awal and (old is None or _differs(old["nilai"], r["nilai"])):
            changed += 1
            before = STRIP if old is None else _target_teks(old["nilai"], old["skor"], old["satuan"])
            notes.append(Catatan(f"Target PK awal: {html.unescape(before)}.", "target", len(rows)))
        rows.append(row)
    if awal and not changed and len(awal) == len(items):
        notes.append(Catatan(f"Target PK Perubahan {ds.tahun} sama dengan target PK awal."))
    if not items:
        notes.append(Catatan(f"Belum ada target Perjanjian Kinerja tahun {ds.tahun} di data set."))
    kolom = [
        Kolom("no", "No", "center"),
        Kolom("sasaran", "Sasaran Strategis"),
        Kolom("indikator", "Indikator Kinerja"),
        Kolom("target", f"Target Tahun {ds.tahun}", "center"),
    ]
    return buat_tabel(rows, kolom, id="lkip-perjanjian-kinerja", catatan=notes)


def _differs(a: Any, b: Any) -> bool:
    a, b = value(a), value(b)
    if isinstance(a, str) or isinstance(b, str):
        return str(a).strip().upper() != str(b).strip().upper()
    if a is None or b is None:
        return (a is None) != (b is None)
    return round(float(a), 9) != round(float(b), 9)


def perubahan_perjanjian_kinerja(lap: Laporan) -> gt.GT | None:
    """PK perubahan against PK awal, indicator by indicator; None when they do not differ.

    Also None when the data set lacks one of the two versions for the report year.
    """
    ds = lap.ds
    awal = {r["kode"]: r for r in _pk_rows(ds, "pk_awal")}
    ubah = {r["kode"]: r for r in _pk_rows(ds, "pk_perubahan")}
    if not awal or not ubah:
        return None
    kodes = list(dict.fromkeys([*ubah, *awal]))
    if all(k in awal and k in ubah and not _differs(awal[k]["nilai"], ubah[k]["nilai"]) for k in kodes):
        return None
    rows = []
    for n, k in enumerate(kodes, 1):
        a, u = awal.get(k), ubah.get(k)
        ref = ubah[k] if k in ubah else awal[k]  # every kode is in one of the two
        if a is None:
            ket = "ditambahkan"
        elif u is None:
            ket = "dihapus"
        else:
            ket = "berubah" if _differs(a["nilai"], u["nilai"]) else "tetap"
        rows.append(
            {
                "no": f"{n}.",
                "sasaran": teks(ref["sasaran"]),
                "indikator": teks(ref["indikator"]),
                "awal": STRIP if a is None else _target_teks(a["nilai"], a["skor"], a["satuan"]),
                "ubah": STRIP if u is None else _target_teks(u["nilai"], u["skor"], u["satuan"]),
                "ket": ket,
            }
        )
    kolom = [
        Kolom("no", "No", "center"),
        Kolom("sasaran", "Sasaran Strategis"),
        Kolom("indikator", "Indikator Kinerja"),
        Kolom("awal", "PK Awal", "center"),
        Kolom("ubah", "PK Perubahan", "center"),
        Kolom("ket", "Keterangan", "center"),
    ]
    return buat_tabel(
        rows, kolom, id="lkip-perubahan-pk", spanner=[(f"TARGET TAHUN {ds.tahun}", ["awal", "ubah"])]
    )


def anggaran_perjanjian_kinerja(lap: Laporan) -> gt.GT:
    """Programs and their budget (pagu computed from the sub kegiatan) supporting the PK, with JUMLAH.

    A footnote gives the total in words (*terbilang*).
    """
    tree = lap.anggaran_tree
    progs = tree[tree["level"] == "program"]
    rows = [
        {"no": f"{n}.", "program": teks(r.nama, STRIP), "pagu": fmt.angka(r.pagu, kosong=STRIP)}
        for n, r in enumerate(progs.itertuples(), 1)
    ]
    total = tree[tree["level"] == "total"].iloc[0]["pagu"]
    rows.append({"program": "Jumlah", "pagu": fmt.angka(total, kosong=STRIP)})
    notes = (
        []
        if missing(total)
        else [Catatan(f"Terbilang: {fmt.terbilang_rupiah(int(total))}.", "pagu", len(rows) - 1)]
    )
    kolom = [
        Kolom("no", "No", "center"),
        Kolom("program", "Program"),
        Kolom("pagu", "Anggaran (Rp)", "right"),
    ]
    return buat_tabel(rows, kolom, id="lkip-anggaran-pk", tebal_baris=[len(rows) - 1], catatan=notes)
