"""A copy of the Umbulsari data set completed and reviewed as a planner would before the final edition."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
UMBULSARI = ROOT / "data" / "2023" / "umbulsari"

#: The warnings a reviewer accepts, with the planner's reason (the source itself says so).
DITERIMA = [
    {"kode": "profil.penduduk", "tabel": "profil", "alasan": "Jumlah dan rinciannya tertulis berbeda di sumber data kependudukan."},
    {"kode": "profil.mata_pencaharian", "alasan": "Persentase dikutip apa adanya dari profil kecamatan."},
    {"kode": "struktur.sasaran_tanpa_program", "alasan": "Sasaran S5 didukung seluruh program melalui Program Penunjang."},
    {"kode": "kelengkapan.target_pk", "alasan": "IKU No. 6 tidak diperjanjikan dalam PK Perubahan 2023."},
    {"kode": "output.tanpa_realisasi", "alasan": "Realisasi output tersebut tidak dilaporkan dalam RKT."},
]


def _rows(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(path.open(encoding="utf-8")))


def _write_rows(path: Path, rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def _yaml(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _write_yaml(path: Path, data: Any) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def completed_umbulsari(target: Path) -> Path:
    """``target/2023/umbulsari``: every field of a signed document filled, contradictions fixed or accepted."""
    folder = target / "2023" / "umbulsari"
    shutil.copytree(UMBULSARI, folder)
    instansi = _yaml(folder / "instansi.yaml")
    instansi["camat_pangkat"] = "Penata Tk. I (III/d)"
    _write_yaml(folder / "instansi.yaml", instansi)
    docs = _rows(folder / "dokumen.csv")
    for doc in docs:
        if doc["jenis"] in ("pk_awal", "pk_perubahan"):
            doc.update(tempat="Jember", tanggal="2023-11-21" if doc["jenis"] == "pk_perubahan" else "2023-01-16",
                       pihak1_nama="RONNY ARJUNANTO, SE", pihak1_jabatan="Camat Umbulsari",
                       pihak2_nama="BUPATI JEMBER", pihak2_jabatan="Bupati Jember")
    _write_rows(folder / "dokumen.csv", docs)
    real = _rows(folder / "realisasi.csv")
    for row in real:
        if row["kode_indikator"] == "I4.1" and row["tahun"] == "2023":
            row["nilai"] = "A"  # the letter of the score 85
    _write_rows(folder / "realisasi.csv", real)
    targets = _rows(folder / "target.csv")
    for row in targets:
        if row["kode_indikator"] == "I4.1" and row.get("skor") and row["nilai"] == "B" and row["skor"] in ("60", "60.0"):
            row["skor"] = ""  # Lampiran 1's "B (60)": the letter stays, the mismatching score goes
    _write_rows(folder / "target.csv", targets)
    narasi = _yaml(folder / "narasi.yaml")
    for item in narasi:
        text = str(item.get("teks") or "")
        item["teks"] = text.replace("Tahun Anggaran 2022", "Tahun Anggaran 2023").replace("Sukorambi", "Umbulsari")
    _write_yaml(folder / "narasi.yaml", narasi)
    _write_yaml(folder / "pemeriksaan.yaml", DITERIMA)
    return folder
