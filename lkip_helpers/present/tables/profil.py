"""BAB I tables: staff (Tabel 1.1-1.3), the kecamatan's profile and its desa, strategic issues."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import great_tables as gt

from ... import fmt
from ...data.schema import DESA_STATUS, STATUS_PEGAWAI
from ._dasar import STRIP, Catatan, Kolom, buat_tabel, bulat, frame, missing, teks, value

if TYPE_CHECKING:
    from ...report.laporan import Laporan

__all__ = [
    "asn_golongan",
    "asn_jabatan",
    "daftar_desa",
    "isu_strategis",
    "pegawai_pendidikan",
    "profil_wilayah",
]


def _no(n: object) -> str:
    return f"{bulat(n)}." if not missing(n) else ""


def _jumlah(values: Iterable[Any]) -> int:
    return int(sum(bulat(v) for v in values if not missing(v)))


def _total(rows: list[dict[str, str]], notes: list[Catatan], kolom: str, values: Iterable[Any],
           isi: dict[str, str], tabel: str) -> int:
    """Append a total row (``isi`` plus the sum in ``kolom``); return its index.

    A sum is printed only when every count is given: with none the table is not filled
    in yet, with some missing a sum would be a guess.  Either way the cell stays empty
    and a footnote says why (never "0").
    """
    given = list(values)
    i = len(rows)
    if given and not any(missing(v) for v in given):
        rows.append({**isi, kolom: fmt.angka(_jumlah(given))})
        return i
    rows.append({**isi, kolom: STRIP})
    reason = (f"Tabel {tabel} belum diisi." if not given
              else "Sebagian jumlah belum diisi: jumlahnya belum dapat dihitung.")
    notes.append(Catatan(reason, kolom, i))
    return i


def asn_jabatan(lap: Laporan) -> gt.GT:
    """Tabel 1.1: ASN by position, with the JUMLAH row."""
    ds = lap.ds
    df = frame(ds, "sdm_jabatan", "no")
    rows = [
        {
            "no": _no(r.no),
            "jabatan": teks(r.jabatan),
            "jumlah": fmt.angka(r.jumlah, kosong=STRIP),
            "ket": teks(r.keterangan),
        }
        for r in df.itertuples()
    ]
    notes: list[Catatan] = []
    _total(rows, notes, "jumlah", df["jumlah"], {"jabatan": "Jumlah"}, "sdm_jabatan")
    kolom = [
        Kolom("no", "No", "center"),
        Kolom("jabatan", "Nama Jabatan"),
        Kolom("jumlah", "Jumlah", "right"),
        Kolom("ket", "Keterangan"),
    ]
    return buat_tabel(rows, kolom, id="lkip-asn-jabatan", tebal_baris=[len(rows) - 1], catatan=notes)


def asn_golongan(lap: Laporan) -> gt.GT:
    """Tabel 1.2: ASN by rank and pay grade (pangkat/golongan ruang), with the JUMLAH row."""
    ds = lap.ds
    df = frame(ds, "sdm_golongan", "no")
    rows = [
        {
            "no": _no(r.no),
            "pangkat": teks(r.pangkat),
            "golongan": teks(r.golongan),
            "jumlah": fmt.angka(r.jumlah, kosong=STRIP),
        }
        for r in df.itertuples()
    ]
    notes: list[Catatan] = []
    _total(rows, notes, "jumlah", df["jumlah"], {"pangkat": "Jumlah"}, "sdm_golongan")
    kolom = [
        Kolom("no", "No", "center"),
        Kolom("pangkat", "Pangkat"),
        Kolom("golongan", "Golongan", "center"),
        Kolom("jumlah", "Jumlah", "right"),
    ]
    return buat_tabel(rows, kolom, id="lkip-asn-golongan", tebal_baris=[len(rows) - 1], catatan=notes)


def pegawai_pendidikan(lap: Laporan) -> gt.GT:
    """Tabel 1.3: ASN and Non ASN by education, with subtotals per status and the JUMLAH row."""
    ds = lap.ds
    df = frame(ds, "sdm_pendidikan", "no")
    rows = [
        {
            "no": _no(r.no),
            "pendidikan": teks(r.pendidikan),
            "jumlah": fmt.angka(r.jumlah, kosong=STRIP),
            "ket": teks(r.status),
        }
        for r in df.itertuples()
    ]
    bold = []
    notes: list[Catatan] = []
    present = [s for s in STATUS_PEGAWAI if (df["status"] == s).any()]
    if len(present) > 1:
        for status in present:
            bold.append(_total(rows, notes, "jumlah", df.loc[df["status"] == status, "jumlah"],
                               {"pendidikan": f"Jumlah {teks(status)}"}, "sdm_pendidikan"))
    bold.append(_total(rows, notes, "jumlah", df["jumlah"], {"pendidikan": "Jumlah"}, "sdm_pendidikan"))
    kolom = [
        Kolom("no", "No", "center"),
        Kolom("pendidikan", "Pendidikan"),
        Kolom("jumlah", "Jumlah", "right"),
        Kolom("ket", "Keterangan", "center"),
    ]
    return buat_tabel(rows, kolom, id="lkip-pegawai-pendidikan", tebal_baris=bold, catatan=notes)


def profil_wilayah(lap: Laporan) -> gt.GT:
    """Profile of the kecamatan: area, borders, population and livelihoods.

    When the population by sex does not add up to the stated total, or the livelihood
    shares do not add up to 100%, a footnote says so (both values stay as given; the
    footnote states the sum, never how the data set was made).
    """
    ds = lap.ds
    p = ds.profil
    rows: list[dict[str, str]] = []
    notes: list[Catatan] = []

    def add(group: str, label: str, text: str) -> int:
        rows.append({"grup": group, "uraian": teks(label), "isi": text})
        return len(rows) - 1

    wilayah = "Wilayah"
    luas = value(p.get("luas_km2"))
    add(wilayah, "Luas wilayah", STRIP if luas is None else f"{fmt.angka(luas, 2)} km²")
    for arah in ("utara", "selatan", "barat", "timur"):
        add(wilayah, f"Batas {arah}", teks(p.get(f"batas_{arah}"), STRIP))
    desa = frame(ds, "desa", "no")
    if len(desa):
        add(wilayah, "Jumlah desa/kelurahan", fmt.angka(len(desa)))

    penduduk = "Penduduk"
    total, laki, perempuan = (
        value(p.get(k)) for k in ("penduduk_total", "penduduk_laki", "penduduk_perempuan")
    )
    row_total = add(penduduk, "Jumlah penduduk", STRIP if total is None else f"{fmt.angka(total)} jiwa")
    if laki is not None:
        add(penduduk, "Laki-laki", f"{fmt.angka(laki)} jiwa")
    if perempuan is not None:
        add(penduduk, "Perempuan", f"{fmt.angka(perempuan)} jiwa")
    if None not in (total, laki, perempuan) and int(laki) + int(perempuan) != int(total):
        notes.append(
            Catatan(
                f"Laki-laki + perempuan = {fmt.angka(int(laki) + int(perempuan))} jiwa, berbeda dengan jumlah "
                f"penduduk {fmt.angka(total)} jiwa.",
                "isi",
                row_total,
            )
        )

    mp = frame(ds, "mata_pencaharian", [])
    if len(mp):
        group = "Mata pencaharian penduduk"
        first = None
        for r in mp.itertuples():
            i = add(group, str(r.bidang), fmt.nilai(r.persen, "%") if not missing(r.persen) else STRIP)
            first = i if first is None else first
        total_pct = sum(float(v) for v in mp["persen"] if not missing(v))
        if round(total_pct, 6) != 100:
            notes.append(
                Catatan(
                    f"Jumlah persentase mata pencaharian {fmt.nilai(total_pct, '%')}, bukan 100%.",
                    "isi",
                    first,
                )
            )
    kolom = [Kolom("uraian", "Uraian"), Kolom("isi", "Keterangan")]
    return buat_tabel(rows, kolom, id="lkip-profil-wilayah", kelompok="grup", catatan=notes)


def daftar_desa(lap: Laporan) -> gt.GT:
    """The desa of the kecamatan with their status as the data set gives it, and a count per status.

    The status categories are those of the Indeks Desa Membangun; which index a data set's
    status comes from is not named here (the source may not name it).
    """
    ds = lap.ds
    df = frame(ds, "desa", "no")
    rows = [{"no": _no(r.no), "nama": teks(r.nama), "status": teks(r.status, STRIP)} for r in df.itertuples()]
    counts = [f"{(df['status'] == s).sum()} {s}" for s in DESA_STATUS if (df["status"] == s).any()]
    notes: list[Catatan] = []
    if len(df):
        rows.append({"nama": f"Jumlah: {fmt.angka(len(df))} desa", "status": teks(", ".join(counts))})
    else:  # not filled in yet: no "0 desa"
        rows.append({"nama": f"Jumlah: {STRIP}", "status": STRIP})
        notes.append(Catatan("Tabel desa belum diisi.", "nama", 0))
    kolom = [Kolom("no", "No", "center"), Kolom("nama", "Desa"), Kolom("status", "Status Desa")]
    return buat_tabel(rows, kolom, id="lkip-daftar-desa", tebal_baris=[len(rows) - 1], catatan=notes)


def isu_strategis(lap: Laporan) -> list[str]:
    """The strategic issues (BAB I F) as written, in order: a list for ``display.butir``."""
    ds = lap.ds
    df = frame(ds, "isu_strategis", "no")
    return [str(t) for t in df["uraian"] if not missing(t)]
