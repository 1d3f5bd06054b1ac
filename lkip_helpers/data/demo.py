"""Deterministic generator of synthetic demo data sets (``lkip demo-data``).

Demo data sets are shaped like the real Umbulsari data set (same tujuan,
sasaran, indikator and program/kegiatan/sub kegiatan structure) with plausible
numbers drawn from a seeded random generator: the same seed always gives the
same bytes.  Every generated data set says ``data_status: contoh`` so that each
report built from it carries the "DATA CONTOH - bukan data resmi" banner.

Variation that exercises the report: some indicators miss their target, some
kecamatan measure a negative indicator (persentase penduduk miskin), grades
vary, budgets absorb between ~70% and ~99%.

Every demo data set holds IKM survey answers (``ikm_responden``, 20-40
respondents, nine unsur answered 1..4) drawn around the kecamatan's own IKM
realisasi of the report year: in about half of the kecamatan the survey gives
exactly that realisasi (to two decimals, weight 1/9), in the others it differs
by 0,5 to 5 points, so the check ``ikm.realisasi`` has something to find.  The
answers come from a generator of their own, so adding them changed nothing else.
"""

from __future__ import annotations

import random
import re
import zlib
from collections.abc import Iterable
from datetime import date, timedelta
from fractions import Fraction
from pathlib import Path
from typing import Any

import pandas as pd

from .._values import missing as _missing
from ..paths import data_dir, dataset_path, outputs_dir, slug
from .kolom import nama_ikm
from .model import LOKASI, DataSet, frame_from_rows
from .schema import TABLES
from .wilayah import KECAMATAN_JEMBER

__all__ = ["BASE_KECAMATAN", "generate_dataset", "write_demo_data"]

#: The real data set every demo data set is shaped after.
BASE_KECAMATAN = "Umbulsari"

_FIRST = ("Agus", "Bambang", "Dwi", "Eko", "Fajar", "Hadi", "Indah", "Joko", "Kurnia", "Lestari",
          "Moch.", "Nur", "Rina", "Slamet", "Sri", "Teguh", "Wahyu", "Yuli")
_LAST = ("Santoso", "Prasetyo", "Wibowo", "Hidayat", "Susanto", "Rahmawati", "Setiawan",
         "Kurniawan", "Hartono", "Suryani", "Firmansyah", "Wulandari")
_TITLES = ("S.Sos", "SE", "S.STP, M.Si", "SH", "S.AP", "SE, MM")
_SYL = ("su", "ka", "wi", "ja", "ran", "mo", "lo", "sa", "ri", "ngan", "tu", "re", "jo", "ba", "ta",
        "gung", "wu", "lu", "pan", "ti", "se", "kar", "do", "ma")
_DESA_STATUS_WEIGHTS = (("Mandiri", 3), ("Maju", 4), ("Berkembang", 3), ("Tertinggal", 1))
_LAYANAN = ("Administrasi Kependudukan", "Surat Keterangan", "Legalisasi Dokumen", "Rekomendasi Perizinan",
            "Pelayanan Terpadu Kecamatan")
_UNSUR = 9


def _rng_for(name: str, seed: int) -> random.Random:
    """A generator per kecamatan, independent of generation order."""
    return random.Random(zlib.crc32(f"{seed}:{name}".encode()))


def _rows(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Frame -> plain row dicts with ``None`` for missing values (no locations)."""
    out = []
    for rec in frame.drop(columns=[LOKASI]).to_dict(orient="records"):
        out.append({str(k): (None if _missing(v) else v) for k, v in rec.items()})
    return out




def _frame(name: str, rows: list[dict[str, Any]]) -> pd.DataFrame:
    return frame_from_rows(name, rows, [None] * len(rows))  # type: ignore[list-item]


def _person(rng: random.Random) -> str:
    return f"{rng.choice(_FIRST).upper()} {rng.choice(_LAST).upper()}, {rng.choice(_TITLES)}"


def _nip(rng: random.Random, year_of_birth: int) -> str:
    born = f"{year_of_birth}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
    start = f"{year_of_birth + rng.randint(22, 28)}{rng.randint(1, 12):02d}"
    return f"{born}{start}{rng.randint(1, 2)}{rng.randint(1, 99):03d}"


def _desa_name(rng: random.Random) -> str:
    parts = [rng.choice(_SYL) for _ in range(rng.choice((2, 3)))]
    name = "".join(parts).capitalize()
    return name if rng.random() > 0.25 else f"{name} {rng.choice(('Lor', 'Kidul', 'Wetan', 'Kulon'))}"


def _retext(value: Any, old: str, new: str, tahun: int) -> Any:
    """Replace the base kecamatan's name and pin 'Tahun Anggaran YYYY' to the report year."""
    if not isinstance(value, str):
        return value
    value = re.sub(re.escape(old), new, value)
    value = re.sub(re.escape(old.upper()), new.upper(), value)
    return re.sub(r"(Tahun Anggaran) \d{4}", rf"\g<1> {tahun}", value)


def _split_total(rng: random.Random, total: int, parts: int) -> list[int]:
    """Split ``total`` into ``parts`` non-negative integers (deterministic)."""
    if parts <= 0:
        return []
    cuts = sorted(rng.randint(0, total) for _ in range(parts - 1))
    bounds = [0, *cuts, total]
    return [bounds[i + 1] - bounds[i] for i in range(parts)]


def _budget(rng: random.Random, base: DataSet) -> dict[str, pd.DataFrame | dict[str, Any]]:
    """Scale the base budget tree; kegiatan/program/total are exact roll-ups."""
    scale = rng.uniform(0.6, 1.6)
    subs = _rows(base.df("sub_kegiatan"))
    for sub in subs:
        pagu = max(1_000_000, round((sub["pagu"] or 0) * scale * rng.uniform(0.85, 1.15), -3))
        sub["pagu"] = int(pagu)
        sub["realisasi"] = int(round(pagu * rng.uniform(0.70, 0.99)))
        if sub.get("pagu_murni") is not None:
            sub["pagu_murni"] = int(round(pagu * rng.uniform(1.0, 1.25), -3))
    keg = _rows(base.df("kegiatan"))
    prog = _rows(base.df("program"))
    for k in keg:
        mine = [s for s in subs if s["kode_kegiatan"] == k["kode"]]
        k["pagu"] = sum(s["pagu"] for s in mine)
        k["realisasi"] = sum(s["realisasi"] for s in mine)
        murni = [s["pagu_murni"] for s in mine]
        k["pagu_murni"] = sum(murni) if murni and None not in murni else None
    for p in prog:
        mine = [k for k in keg if k["kode_program"] == p["kode"]]
        p["pagu"] = sum(k["pagu"] for k in mine)
        p["realisasi"] = sum(k["realisasi"] for k in mine)
        murni = [k["pagu_murni"] for k in mine]
        p["pagu_murni"] = sum(murni) if murni and None not in murni else None
    return {"sub_kegiatan": subs, "kegiatan": keg, "program": prog}  # type: ignore[dict-item]


def _vary_value(rng: random.Random, target: Any, satuan: str, ikm: bool = False) -> Any:
    """A realisasi around ``target``; a percentage never above 100, an IKM (25..100) below it.

    An IKM drawn above 100 is mirrored below it (102,3 -> 97,7): 100 would mean every
    respondent gave every unsur the best answer.
    """
    if isinstance(target, str) or target is None:
        return target
    if rng.random() < 0.3:  # missed the target
        value = target * rng.uniform(0.55, 0.95)
    else:
        value = target * rng.uniform(0.95, 1.08)
    if ikm and value >= 100.0:
        value = 200.0 - value
    if satuan.strip() == "%":
        value = min(value, 100.0)
    return round(value, 2)


def _ikm_of(total: int, responden: int) -> Fraction:
    """The IKM (weight 1/9) of ``responden`` respondents whose answers add up to ``total``, exactly."""
    return Fraction(total * 25, _UNSUR * responden)


def _ikm_total(rng: random.Random, realisasi: float | None) -> tuple[int, int]:
    """(respondents, total score) of a survey around ``realisasi``: the same IKM in about half the cases."""
    n = rng.randint(20, 40)
    if realisasi is None:
        realisasi = round(rng.uniform(78, 95), 2)
    elif rng.random() < 0.5:
        aim = Fraction(repr(float(realisasi)))
        for m in sorted(range(20, 41), key=lambda k: (k - n) % 21):
            total = round(aim * _UNSUR * m / 25)
            if abs(_ikm_of(total, m) - aim) < Fraction(1, 200):  # prints as the realisasi
                return m, total
    offset = rng.uniform(0.5, 5.0) * rng.choice((-1, 1))
    aim_f = min(99.0, max(30.0, realisasi + offset))
    if abs(aim_f - realisasi) < 0.5:  # clipped at the edge of the scale: go the other way
        aim_f = realisasi - offset
    return n, max(_UNSUR * n, min(4 * _UNSUR * n, round(aim_f * _UNSUR * n / 25)))


def _ikm_responden(rng: random.Random, tahun: int, realisasi: float | None) -> list[dict[str, Any]]:
    """Survey answers (u1..u9, 1..4) whose IKM lies around ``realisasi`` (see the module docstring)."""
    n, total = _ikm_total(rng, realisasi)
    mean = total / (_UNSUR * n)
    bias = [rng.uniform(-0.3, 0.3) for _ in range(_UNSUR)]
    cells = [[min(4, max(1, round(rng.gauss(mean + b, 0.55)))) for b in bias] for _ in range(n)]
    gap = total - sum(map(sum, cells))
    while gap:
        row, col = rng.randrange(n), rng.randrange(_UNSUR)
        step = 1 if gap > 0 else -1
        if 1 <= cells[row][col] + step <= 4:
            cells[row][col] += step
            gap -= step
    days = sorted(rng.randrange(365) for _ in range(n))
    return [
        {"responden": f"R{i:03d}", **{f"u{u}": v for u, v in enumerate(answers, start=1)},
         "layanan": rng.choice(_LAYANAN), "tanggal": date(tahun, 1, 1) + timedelta(days=day)}
        for i, (answers, day) in enumerate(zip(cells, days, strict=True), start=1)
    ]


def _ikm_realisasi(indikator: dict[str, dict[str, Any]], reals: list[dict[str, Any]], tahun: int) -> float | None:
    """The report year's numeric realisasi of the first IKM indicator, None without one."""
    for r in reals:
        ind = indikator.get(r["kode_indikator"])
        if ind and r["tahun"] == tahun and nama_ikm(ind["nama"]) and not isinstance(r["nilai"], str):
            return None if r["nilai"] is None else float(r["nilai"])
    return None


def generate_dataset(base: DataSet, kecamatan: str, *, kabupaten: str | None = None,
                     tahun: int | None = None, seed: int = 2023, index: int = 0) -> DataSet:
    """Return a synthetic data set for ``kecamatan`` shaped like ``base``."""
    rng = _rng_for(kecamatan, seed)
    tahun = tahun or base.tahun
    old = base.kecamatan
    kab = kabupaten or base.kabupaten
    records: dict[str, list[dict[str, Any]]] = {}
    for name, tbl in TABLES.items():
        if tbl.kind == "records":
            records[name] = [
                {k: _retext(v, old, kecamatan, tahun) for k, v in row.items()}
                for row in _rows(base.df(name))
            ]

    # -- profil, desa, livelihoods, staff ---------------------------------------------
    total = rng.randint(30_000, 130_000)
    laki = int(total * rng.uniform(0.48, 0.52))
    profil = {
        "luas_km2": round(rng.uniform(20, 220), 2),
        "batas_utara": f"Kecamatan {rng.choice(KECAMATAN_JEMBER)}",
        "batas_selatan": f"Kecamatan {rng.choice(KECAMATAN_JEMBER)}",
        "batas_barat": f"Kecamatan {rng.choice(KECAMATAN_JEMBER)}",
        "batas_timur": f"Kecamatan {rng.choice(KECAMATAN_JEMBER)}",
        "penduduk_total": total,
        "penduduk_laki": laki,
        "penduduk_perempuan": total - laki,
        "sumber": "DATA CONTOH (sintetis)",
    }
    shares = _split_total(rng, 100 - 40, 3)
    records["mata_pencaharian"] = [
        {"bidang": b, "persen": float(p)}
        for b, p in zip(("Pertanian", "Perdagangan", "Jasa dan Pendidikan", "Lainnya"),
                        (40 + shares[0], shares[1], shares[2], 0), strict=True)
        if p > 0 or b == "Pertanian"
    ]
    statuses = [s for s, w in _DESA_STATUS_WEIGHTS for _ in range(w)]
    names: list[str] = []
    while len(names) < rng.randint(6, 14):
        cand = _desa_name(rng)
        if cand not in names:
            names.append(cand)
    records["desa"] = [
        {"no": i, "nama": n, "status": rng.choice(statuses)} for i, n in enumerate(names, start=1)
    ]
    jab = records["sdm_jabatan"]
    for row in jab:
        if row["jumlah"]:
            row["jumlah"] = max(0, row["jumlah"] + rng.choice((-1, 0, 0, 1)))
    asn = sum(r["jumlah"] or 0 for r in jab)
    gol = records["sdm_golongan"]
    for row, n in zip(gol, _split_total(rng, asn, len(gol)), strict=True):
        row["jumlah"] = n
    pend_asn = [r for r in records["sdm_pendidikan"] if r["status"] == "ASN"]
    for row, n in zip(pend_asn, _split_total(rng, asn, len(pend_asn)), strict=True):
        row["jumlah"] = n
    for row in records["sdm_pendidikan"]:
        if row["status"] == "Non ASN":
            row["jumlah"] = rng.choice((0, 0, 1, 2, 3, 5))

    # -- realisasi per indicator; some missed, sometimes a negative indicator ----------
    indikator = {r["kode"]: r for r in records["indikator"]}
    targets = records["target"]
    reals: list[dict[str, Any]] = []
    for t in targets:
        if t["versi"] != "pk_perubahan" or t["tahun"] not in (tahun, tahun - 1):
            continue
        ind = indikator[t["kode_indikator"]]
        if ind["jenis"] == "huruf":
            letter = rng.choice(("B", "B", "BB", "BB", "A", "CC"))
            score = {"CC": 55.0, "B": 65.0, "BB": 75.0, "A": 85.0}[letter] + rng.randint(-4, 4)
            reals.append({"kode_indikator": ind["kode"], "tahun": t["tahun"], "nilai": letter, "skor": score})
        else:
            reals.append({"kode_indikator": ind["kode"], "tahun": t["tahun"],
                          "nilai": _vary_value(rng, t["nilai"], ind["satuan"], nama_ikm(ind["nama"]))})
    negatif = [k for k, r in indikator.items() if r["arah"] == "negatif"]
    if negatif and rng.random() < 0.5:
        kode = negatif[0]
        indikator[kode]["versi"] = "awal,perubahan"
        renstra = {t["tahun"]: t["nilai"] for t in targets
                   if t["kode_indikator"] == kode and t["versi"] == "renstra_perubahan"}
        level = rng.uniform(0.8, 1.6)  # this kecamatan's poverty level against the Renstra path
        for th in (tahun - 1, tahun):
            base_value = renstra.get(th, renstra.get(tahun, 1.5) + 0.5 * (tahun - th))
            target = round(max(0.1, float(base_value) * level), 2)
            targets.append({"kode_indikator": kode, "versi": "pk_perubahan", "tahun": th, "nilai": target,
                            "catatan": "DATA CONTOH"})
            reals.append({"kode_indikator": kode, "tahun": th,
                          "nilai": round(target * rng.uniform(0.85, 1.15), 2)})
    records["realisasi"] = reals
    for out in records["output_sub_kegiatan"]:
        if out.get("target") is not None:
            out["realisasi"] = float(round(out["target"] * rng.choice((1.0, 1.0, 1.0, 0.9, 0.8))))

    # -- budget ------------------------------------------------------------------------
    records.update(_budget(rng, base))  # type: ignore[arg-type]
    pagu_total = sum(p["pagu"] for p in records["program"])
    real_total = sum(p["realisasi"] for p in records["program"])
    pegawai = sum(s["pagu"] for s in records["sub_kegiatan"] if "gaji" in s["nama"].lower())
    anggaran = dict(base.anggaran)
    anggaran.update(
        pagu_total=pagu_total, realisasi_total=real_total, belanja_operasi=pagu_total, belanja_modal=0,
        belanja_pegawai=pegawai or None, belanja_barang_jasa=(pagu_total - pegawai) if pegawai else None,
        serapan_tahun_lalu=round(rng.uniform(80, 99), 2), pagu_tahun_lalu=None, realisasi_tahun_lalu=None,
        sumber_dana=f"APBD Kabupaten {kab}", catatan="DATA CONTOH (sintetis), bukan data resmi.",
    )

    # -- identity and documents --------------------------------------------------------
    camat = _person(rng)
    camat_nip = _nip(rng, rng.randint(1968, 1982))
    instansi = dict(base.instansi)
    instansi.update(
        kecamatan=kecamatan, kabupaten=kab, tahun=tahun,
        kode_wilayah=f"35.09.{index + 1:02d}" if kab == "Jember" else f"99.99.{index + 1:03d}",
        alamat=f"Jl. Raya {kecamatan} No. {rng.randint(1, 120)}",
        email=f"kec.{slug(kecamatan).replace('-', '')}@{slug(kab)}kab.go.id",
        camat_nama=camat, camat_jabatan=f"Camat {kecamatan}", camat_nip=camat_nip,
        camat_pangkat=rng.choice(("Pembina", "Pembina Tk. I")), tempat_ttd=kecamatan,
        tanggal_ttd=date(tahun + 1, 2, rng.randint(1, 27)), data_status="contoh",
        catatan=f"DATA CONTOH - bukan data resmi. Dibangkitkan oleh `lkip demo-data` (seed {seed}) "
        f"dengan bentuk data Kecamatan {BASE_KECAMATAN}.",
    )
    doc_rng = _rng_for(f"{kecamatan}:dokumen", seed)  # a generator of its own: other values stay as drawn
    bupati = _person(doc_rng)
    tanggal = {"pk_awal": date(tahun, 1, doc_rng.randint(2, 31)), "pk_perubahan": date(tahun, 10, doc_rng.randint(1, 31)),
               "rkt": date(tahun - 1, 12, doc_rng.randint(1, 28)), "sk_iku": date(tahun, 3, doc_rng.randint(1, 31))}
    for doc in records["dokumen"]:
        doc["pihak1_nama"], doc["pihak1_nip"] = camat, camat_nip
        doc["pihak1_jabatan"] = f"Camat {kecamatan}"
        doc["pihak1_pangkat"] = instansi["camat_pangkat"]
        doc["tempat"] = kecamatan if doc["jenis"] != "rkt" else kab
        doc["tanggal"] = tanggal.get(str(doc["jenis"]), doc.get("tanggal"))
        if str(doc["jenis"]).startswith("pk_"):
            doc["pihak2_nama"], doc["pihak2_jabatan"] = bupati, f"Bupati {kab}"
        doc["catatan"] = "DATA CONTOH"
    for item in records["narasi"]:  # the decree's text names the kecamatan (the seed's Sukorambi slip too)
        if str(item.get("bagian", "")).startswith("sk_iku") and item.get("teks"):
            item["teks"] = str(item["teks"]).replace("Sukorambi", kecamatan).replace(BASE_KECAMATAN, kecamatan)
    records["foto"] = []
    records["penghargaan"] = []
    # a generator of its own: the survey leaves every other drawn value as it was
    records["ikm_responden"] = _ikm_responden(
        _rng_for(f"{kecamatan}:ikm", seed), tahun, _ikm_realisasi(indikator, reals, tahun)
    )

    frames = {name: _frame(name, rows) for name, rows in records.items()}
    fields = {
        "instansi": {k: v for k, v in instansi.items() if v is not None},
        "profil": profil,
        "anggaran": {k: v for k, v in anggaran.items() if v is not None},
    }
    return DataSet(records=frames, fields=fields)


def _names(jumlah: int | None) -> list[tuple[str, str]]:
    if jumlah is None:
        return [("Jember", k) for k in KECAMATAN_JEMBER if k != BASE_KECAMATAN]
    return [("Contoh", f"Contoh {i:03d}") for i in range(1, jumlah + 1)]


def write_demo_data(*, tahun: int = 2023, jumlah: int | None = None, seed: int = 2023,
                    out_dir: Path | None = None, base: DataSet | None = None,
                    only: Iterable[str] | None = None) -> list[Path]:
    """Write demo data sets in the text form and return their folders.

    Without ``jumlah``: the 30 other kecamatan of Jember into ``data/<tahun>/``.
    With ``jumlah=N``: N kecamatan "Contoh 001".. of a fictitious kabupaten
    into ``outputs/skala/<tahun>/`` (not under version control).  A folder that
    holds an official data set (``data_status: resmi``) is never overwritten.
    """
    from . import load
    from .tulis import write_folder

    if base is None:
        base = load(dataset_path(tahun, BASE_KECAMATAN))
    if out_dir is None:
        out_dir = (data_dir() if jumlah is None else outputs_dir() / "skala") / str(tahun)
    wanted = set(only) if only else None
    written: list[Path] = []
    for index, (kab, name) in enumerate(_names(jumlah)):
        if wanted is not None and name not in wanted:
            continue
        folder = Path(out_dir) / slug(name)
        instansi = folder / "instansi.yaml"
        if instansi.exists() and re.search(r"^data_status:\s*resmi", instansi.read_text("utf-8"), re.M):
            continue
        kab_index = KECAMATAN_JEMBER.index(name) if name in KECAMATAN_JEMBER else index
        ds = generate_dataset(base, name, kabupaten=kab, tahun=tahun, seed=seed, index=kab_index)
        write_folder(ds, folder)
        written.append(folder)
    return written
