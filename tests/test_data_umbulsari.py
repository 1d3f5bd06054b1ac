"""Checks of the transcribed reference data set data/2023/umbulsari.

These tests read the text form with csv/yaml only (no project loader), so they test
the transcription itself: files and columns per ``lkip_helpers.data.schema``, references
between tables, budget sums and the key 2022/2023 figures of the seed report.  The last
section renders the catalogue's tables once: no transcription note may reach the
printed report.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
import yaml

from lkip_helpers.data.schema import TABLES, ColType
from lkip_helpers.data.wilayah import KECAMATAN_JEMBER

FOLDER = Path(__file__).resolve().parents[1] / "data" / "2023" / "umbulsari"

PAGU_TOTAL = 4231208525
REALISASI_TOTAL = 3437517304


# ----------------------------------------------------------------- reading helpers
def _is_yaml(name: str) -> bool:
    tbl = TABLES[name]
    return tbl.kind == "fields" or tbl.text_format == "yaml"


def _header(name: str) -> list[str]:
    with (FOLDER / TABLES[name].filename).open(encoding="utf-8", newline="") as f:
        return next(csv.reader(f))


def rows(name: str) -> list[dict[str, str]]:
    """Records of a table as dicts of strings ('' = missing)."""
    path = FOLDER / TABLES[name].filename
    if _is_yaml(name):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
        return [{k: "" if v is None else str(v) for k, v in item.items()} for item in data]
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def fields(name: str) -> dict:
    return yaml.safe_load((FOLDER / TABLES[name].filename).read_text(encoding="utf-8"))


def by(name: str, key: str) -> dict[str, dict[str, str]]:
    return {r[key]: r for r in rows(name)}


def rp(value: str) -> int:
    assert re.fullmatch(r"\d+", value), f"rupiah not canonical: {value!r}"
    return int(value)


# ----------------------------------------------------------------- files and columns
@pytest.mark.parametrize("name", list(TABLES))
def test_every_table_has_its_file_with_schema_columns(name):
    tbl = TABLES[name]
    path = FOLDER / tbl.filename
    assert path.is_file(), f"missing {tbl.filename}"
    cols = list(tbl.column_names)
    if tbl.kind == "fields":
        data = fields(name)
        assert isinstance(data, dict)
        assert list(data) == cols, f"{name}.yaml keys differ from schema"
    elif tbl.text_format == "yaml":
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert isinstance(data, list)
        assert data or not tbl.required  # an optional table may be empty: []
        required = [c.name for c in tbl.columns if c.required]
        for item in data:  # the schema's columns in its order; an optional column may be left out
            assert [c for c in cols if c in item] == list(item), f"{name}.yaml item keys differ: {item}"
            assert set(required) <= set(item), f"{name}.yaml item lacks a required key: {item}"
    else:
        assert _header(name) == cols, f"{name}.csv header differs from schema"


def test_catatan_exists():
    text = (FOLDER / "CATATAN.md").read_text(encoding="utf-8")
    assert "Tahun Anggaran 2022" in text
    assert "Sukorambi" in text


@pytest.mark.parametrize("name", [n for n, t in TABLES.items() if t.kind == "records"])
def test_required_unique_and_choices(name):
    tbl = TABLES[name]
    data = rows(name)
    for col in tbl.columns:
        values = [r.get(col.name) or "" for r in data]
        if col.required:
            assert all(v.strip() for v in values), f"{name}.{col.name}: empty required value"
        if col.unique:
            present = [v for v in values if v]
            assert len(present) == len(set(present)), f"{name}.{col.name}: duplicates"
        if col.type is ColType.PILIHAN:
            assert all(v in col.choices for v in values if v), f"{name}.{col.name}: bad choice"
        if col.type is ColType.YA_TIDAK:
            assert all(v in ("ya", "tidak") for v in values if v)
        if col.type in (ColType.BULAT, ColType.RUPIAH):
            assert all(re.fullmatch(r"\d+", v) for v in values if v), f"{name}.{col.name}"
        if col.type in (ColType.DESIMAL, ColType.PERSEN):
            assert all(re.fullmatch(r"\d+(\.\d+)?", v) for v in values if v), f"{name}.{col.name}"
        if col.type is ColType.NILAI:
            assert all(re.fullmatch(r"\d+(\.\d+)?|AA|A|BB|B|CC|C|D", v) for v in values if v)
        if col.type is ColType.TANGGAL:
            assert all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", v) for v in values if v)


@pytest.mark.parametrize(
    ("name", "col"),
    [(n, c) for n, t in TABLES.items() if t.kind == "records" for c in t.columns if c.references],
)
def test_references_exist(name, col):
    ref_table, ref_col = col.references.split(".")
    known = {r[ref_col] for r in rows(ref_table)}
    missing = {r[col.name] for r in rows(name) if r[col.name] and r[col.name] not in known}
    assert not missing, f"{name}.{col.name} -> {col.references}: {missing}"


def test_versi_values():
    for name in ("tujuan", "sasaran", "indikator"):
        for r in rows(name):
            assert r["versi"] in ("awal", "perubahan", "awal,perubahan"), (name, r)


def test_letter_indicators_have_letter_values():
    jenis = {r["kode"]: r["jenis"] for r in rows("indikator")}
    for table in ("target", "realisasi"):
        for r in rows(table):
            if jenis[r["kode_indikator"]] == "huruf" and r["nilai"]:
                assert r["nilai"] in ("AA", "A", "BB", "B", "CC", "C", "D"), r
            if jenis[r["kode_indikator"]] == "angka":
                assert re.fullmatch(r"\d+(\.\d+)?", r["nilai"]), r


def test_target_keys_unique():
    keys = [(r["kode_indikator"], r["versi"], r["tahun"]) for r in rows("target")]
    assert len(keys) == len(set(keys))
    keys = [(r["kode_indikator"], r["tahun"]) for r in rows("realisasi")]
    assert len(keys) == len(set(keys))


# ----------------------------------------------------------------- budget
def test_budget_sums():
    anggaran = fields("anggaran")
    assert anggaran["pagu_total"] == PAGU_TOTAL
    assert anggaran["realisasi_total"] == REALISASI_TOTAL
    programs = rows("program")
    kegiatan = rows("kegiatan")
    subs = rows("sub_kegiatan")
    assert (len(programs), len(kegiatan), len(subs)) == (4, 6, 9)
    for col, total in (("pagu", PAGU_TOTAL), ("realisasi", REALISASI_TOTAL)):
        assert sum(rp(r[col]) for r in programs) == total
        assert sum(rp(r[col]) for r in kegiatan) == total
        assert sum(rp(r[col]) for r in subs) == total
        for p in programs:
            assert sum(rp(k[col]) for k in kegiatan if k["kode_program"] == p["kode"]) == rp(p[col])
        for k in kegiatan:
            assert sum(rp(s[col]) for s in subs if s["kode_kegiatan"] == k["kode"]) == rp(k[col])


def test_budget_composition_and_pagu_murni():
    a = fields("anggaran")
    assert a["belanja_operasi"] == PAGU_TOTAL
    assert a["belanja_modal"] == 0
    assert a["belanja_pegawai"] + a["belanja_barang_jasa"] == PAGU_TOTAL
    assert a["serapan_tahun_lalu"] == 98
    assert a["tanggal_realisasi"] == "2023-12-31"
    # pagu murni, where filled on a parent, equals the sum of its children
    subs = rows("sub_kegiatan")
    for k in rows("kegiatan"):
        if k["pagu_murni"]:
            children = [s for s in subs if s["kode_kegiatan"] == k["kode"]]
            assert all(s["pagu_murni"] for s in children)
            assert sum(rp(s["pagu_murni"]) for s in children) == rp(k["pagu_murni"])
    assert by("sub_kegiatan", "kode")["P1.K1.S1"]["pagu_murni"] == "3141671233"


def test_program_sasaran_mapping_and_serapan():
    mapping = {r["kode_program"]: r["kode_sasaran"] for r in rows("program_sasaran")}
    assert mapping == {"P4": "S1", "P2": "S2", "P3": "S3", "P1": "S4"}
    prog = by("program", "kode")
    serapan = {k: round(rp(p["realisasi"]) / rp(p["pagu"]) * 100, 1) for k, p in prog.items()}
    assert serapan == {"P1": 81.3, "P2": 85.1, "P3": 82.2, "P4": 72.7}


def test_outputs_from_tabel_3_6():
    out = [
        (r["kode_sub_kegiatan"], r["satuan"], r["target"], r["realisasi"])
        for r in rows("output_sub_kegiatan")
    ]
    assert ("P1.K1.S1", "orang", "22", "22") in out
    assert ("P2.K1.S1", "dokumen", "50", "50") in out
    assert ("P3.K1.S1", "lembaga", "10", "10") in out
    assert ("P4.K1.S1", "laporan", "10", "10") in out


# ----------------------------------------------------------------- performance
MEASURED = {  # kode: (sasaran, nama, arah, jenis)
    "I1.1": (
        "S1",
        "Persentase Penyelesaian Laporan dan Pelanggaran Ketertiban Umum serta Ketentraman Masyarakat",
        "positif",
        "angka",
    ),
    "I2.1": ("S2", "IKM", "positif", "angka"),
    "I3.1": ("S3", "Persentase Fasilitasi Peningkatan Kesejahteraan Masyarakat", "positif", "angka"),
    "I4.1": ("S4", "Nilai SAKIP", "positif", "huruf"),
}


def test_measured_sasaran_and_indicators():
    sasaran = rows("sasaran")
    first4 = sorted(sasaran, key=lambda r: int(r["urutan"]))[:4]
    assert [r["kode"] for r in first4] == ["S1", "S2", "S3", "S4"]
    assert first4[0]["uraian"] == "Terjaganya ketertiban umum dan ketentraman masyarakat Umbulsari"
    assert first4[1]["uraian"].endswith("di Kecamatan Umbulsari")
    assert first4[2]["uraian"] == "Fasilitasi Peningkatan Kesejahteraan Masyarakat Umbulsari"
    assert first4[3]["uraian"] == "Terselenggaranya Pemerintahan Kecamatan Umbulsari yang Baik"
    ind = by("indikator", "kode")
    for kode, (s, nama, arah, jenis) in MEASURED.items():
        r = ind[kode]
        assert (r["kode_sasaran"], r["nama"], r["arah"], r["jenis"], r["iku"]) == (s, nama, arah, jenis, "ya")
    assert ind["I3.2"]["nama"] == "Persentase Penduduk Miskin"
    assert ind["I3.2"]["arah"] == "negatif"


def _targets(versi: str, tahun: str) -> dict[str, str]:
    return {
        r["kode_indikator"]: r["nilai"] for r in rows("target") if r["versi"] == versi and r["tahun"] == tahun
    }


def test_targets_pk_perubahan():
    assert fields("instansi")["versi_target"] == "pk_perubahan"
    t23 = _targets("pk_perubahan", "2023")
    assert {k: t23[k] for k in MEASURED} == {"I1.1": "100", "I2.1": "85", "I3.1": "100", "I4.1": "B"}
    t22 = _targets("pk_perubahan", "2022")
    assert {k: t22[k] for k in MEASURED} == {"I1.1": "80", "I2.1": "95", "I3.1": "85", "I4.1": "B"}


def test_targets_renstra():
    def series(kode):
        return {
            r["tahun"]: r["nilai"]
            for r in rows("target")
            if r["kode_indikator"] == kode and r["versi"] == "renstra_perubahan"
        }

    assert series("I2.1") == {"2023": "85", "2024": "90", "2025": "95", "2026": "100"}
    assert series("I3.2") == {"2023": "1.5", "2024": "1", "2025": "0.5", "2026": "0"}
    assert series("I4.1") == {"2023": "B", "2024": "BB", "2025": "A", "2026": "A"}
    sakip = next(
        r
        for r in rows("target")
        if r["kode_indikator"] == "I4.1" and r["versi"] == "renstra_perubahan" and r["tahun"] == "2023"
    )
    assert sakip["skor"] == "60"


def test_realisasi():
    real = {(r["kode_indikator"], r["tahun"]): (r["nilai"], r["skor"]) for r in rows("realisasi")}
    assert real[("I1.1", "2023")] == ("97", "")
    assert real[("I2.1", "2023")] == ("85", "")
    assert real[("I3.1", "2023")] == ("85", "")
    assert real[("I4.1", "2023")] == ("B", "85")
    assert real[("I1.1", "2022")] == ("70", "")
    assert real[("I2.1", "2022")] == ("95", "")
    assert real[("I3.1", "2022")] == ("75", "")
    assert real[("I4.1", "2022")] == ("", "80")


def test_pembanding():
    pem = {(r["kode_indikator"], r["tingkat"]): r["nilai"] for r in rows("pembanding")}
    assert pem[("I2.1", "kabupaten")] == "83.76"
    assert pem[("I4.1", "nasional")] == "63.36"


# ----------------------------------------------------------------- instansi, profil, SDM
def test_instansi_and_profil():
    ins = fields("instansi")
    assert (ins["kecamatan"], ins["kabupaten"], ins["tahun"]) == ("Umbulsari", "Jember", 2023)
    assert ins["camat_nip"] == "197708272002121006"
    assert ins["tanggal_ttd"] == "2024-02-23"
    assert ins["data_status"] == "resmi"
    prof = fields("profil")
    assert prof["luas_km2"] == 64.44
    # the seed's figures disagree on purpose (79.263 vs 39.865 + 39.368 = 79.233)
    assert (prof["penduduk_total"], prof["penduduk_laki"], prof["penduduk_perempuan"]) == (
        79263,
        39865,
        39368,
    )
    assert sum(int(r["persen"]) for r in rows("mata_pencaharian")) == 105
    desa = rows("desa")
    assert len(desa) == 10
    assert sum(r["status"] == "Mandiri" for r in desa) == 6


def test_sdm_tables():
    jab = rows("sdm_jabatan")
    assert len(jab) == 23  # the blank row 12 of Tabel 1.1 carries no data: dropped (CATATAN A.42)
    assert [int(r["no"]) for r in jab] == list(range(1, 24))
    assert sum(int(r["jumlah"]) for r in jab) == 19
    assert sum(int(r["jumlah"]) for r in rows("sdm_golongan")) == 19
    pend = rows("sdm_pendidikan")
    assert sum(int(r["jumlah"]) for r in pend if r["status"] == "ASN") == 19
    assert sum(int(r["jumlah"]) for r in pend) == 31
    assert len(rows("isu_strategis")) == 7
    org = by("organisasi", "kode")
    assert org["camat"]["induk"] == ""
    assert {k for k, r in org.items() if r["induk"] == "sekretariat"} == {"subbag_umum", "subbag_perencanaan"}


def test_dokumen():
    dok = by("dokumen", "jenis")
    assert set(dok) == {"pk_awal", "pk_perubahan", "rkt", "sk_iku"}
    sk = dok["sk_iku"]
    assert (sk["nomor"], sk["tempat"], sk["tanggal"]) == ("800/036/35.09.10/2023", "Umbulsari", "2023-03-15")
    assert sk["perihal"] == "Indikator Kinerja Utama Kecamatan Umbulsari Kabupaten Jember"
    assert sk["pihak1_nip"] == "196808131990031011"
    assert (dok["rkt"]["tempat"], dok["rkt"]["tanggal"]) == ("Jember", "2023-11-21")
    for jenis in ("pk_awal", "pk_perubahan"):
        assert "tidak tercantum di sumber" in dok[jenis]["catatan"]


# ----------------------------------------------------------------- nothing assumed (CATATAN B)
def test_values_not_in_the_source_are_empty():
    dok = by("dokumen", "jenis")
    for jenis in ("pk_awal", "pk_perubahan"):  # the seed has no PK page
        d = dok[jenis]
        for col in TABLES["dokumen"].column_names:
            if col not in ("jenis", "catatan"):
                assert d[col] == "", (jenis, col, d[col])
        assert "dikosongkan" in d["catatan"]
    assert not any("Hendy" in v for d in dok.values() for v in d.values())  # the Bupati was supplied
    assert dok["rkt"]["pihak1_nip"] == ""  # printed garbled ('19729648 ...'), not filled from elsewhere
    assert fields("instansi")["camat_pangkat"] is None  # 'Pejabat TK.1' is no readable pangkat
    # 'CE' read as CC was a guess: no target at all for I6.2
    assert not [r for r in rows("target") if r["kode_indikator"] == "I6.2"]
    # the SK gives no formula for Nilai SAKIP OPD (IKU No. 5)
    assert by("indikator", "kode")["I4.1"]["formula"] == ""
    # the source never names the index behind the desa status
    texts = [fields("profil")["sumber"] or "", *(v for r in rows("desa") for v in r.values())]
    assert not any(re.search(r"Indeks Desa Membangun|\bIDM\b", t) for t in texts)
    catatan = (FOLDER / "CATATAN.md").read_text(encoding="utf-8")
    assert catatan.count("dikosongkan") >= 5


def test_printed_text_is_indonesian():
    narasi = " ".join(r["teks"] for r in rows("narasi"))
    assert "instrument " not in narasi
    assert "instrumen pengendali" in narasi
    assert "stakeholder" not in narasi
    assert "pemangku kepentingan" in narasi


# ----------------------------------------------------------------- IKU and SK IKU
def test_iku_six_rows_of_the_sk():
    iku = sorted((r for r in rows("indikator") if r["iku"] == "ya"), key=lambda r: int(r["urutan_iku"]))
    assert [r["kode"] for r in iku] == ["IT2.1", "I2.1", "I3.1", "I1.1", "I4.1", "I5.1"]
    first = iku[0]
    assert (first["kode_sasaran"], first["kode_tujuan"]) == ("", "T2")  # an indicator of tujuan T2
    assert first["nama"] == "Jumlah Dokumen Penataan Organisasi dan Tata Laksana Pemerintah Daerah"
    assert first["penanggung_jawab"] == "Camat"
    assert first["sumber_data"] == ""  # '-' in the SK
    assert "LAKIP" in first["formula"]
    assert "ANJAB" in first["formula"]
    assert not [r for r in rows("target") if r["kode_indikator"] == "IT2.1"]  # never measured
    for r in rows("indikator"):
        assert bool(r["kode_sasaran"]) != bool(r["kode_tujuan"]), r["kode"]  # a sasaran or a tujuan


def test_sk_iku_body():
    parts = {}
    for r in rows("narasi"):
        if r["bagian"].startswith("sk_iku_"):
            parts.setdefault(r["bagian"], []).append(r["teks"])
    assert [len(parts.get(b, [])) for b in ("sk_iku_menimbang", "sk_iku_mengingat", "sk_iku_diktum")] == [1, 9, 6]
    assert parts["sk_iku_menimbang"][0].startswith("bahwa untuk melaksanakan ketentuan pasal 3")
    assert "Nomor 53 Tahun 2015" in parts["sk_iku_mengingat"][8]  # as printed (the regulation is of 2014)
    assert parts["sk_iku_diktum"][2].count("\n\n") == 2  # KETIGA: two points
    assert parts["sk_iku_diktum"][3].count("\n\n") == 5  # KEEMPAT: five points
    # the slip copied from another kecamatan's decree stays verbatim, in this one place
    assert parts["sk_iku_diktum"][5] == "Keputusan Camat Sukorambi ini mulai berlaku pada tanggal ditetapkan"


# ----------------------------------------------------------------- narrative
KECAMATAN_LAIN = tuple(k for k in KECAMATAN_JEMBER if k != "Umbulsari")


def test_narrative_planted_year_only_in_kata_pengantar():
    narasi = rows("narasi")
    hits = [r for r in narasi if "Tahun Anggaran 2022" in r["teks"]]
    assert [r["bagian"] for r in hits] == ["kata_pengantar"]
    assert not any("2022" in r["teks"] for r in rows("narasi_sasaran"))


def test_no_other_kecamatan_names_in_scanned_text():
    planted = [r for r in rows("narasi") if r["bagian"] == "sk_iku_diktum" and r["urutan"] == "6"]
    narasi = [r for r in rows("narasi") if r not in planted]
    texts = [r["teks"] for r in narasi] + [r["teks"] for r in rows("narasi_sasaran")]
    texts += [r["uraian"] for r in rows("sasaran")] + [r["nama"] for r in rows("indikator")]
    for text in texts:
        for name in KECAMATAN_LAIN:
            assert not re.search(rf"\b{name}\b", text), (name, text)
    # the one planted name: diktum KEENAM of the SK IKU, verbatim (CATATAN A.39)
    assert [r["teks"] for r in planted] == ["Keputusan Camat Sukorambi ini mulai berlaku pada tanggal ditetapkan"]
    assert "Sukorambi" in by("dokumen", "jenis")["sk_iku"]["catatan"]


def test_narasi_sasaran_covers_measured_sasaran():
    kinds = {(r["kode_sasaran"], r["jenis"]) for r in rows("narasi_sasaran")}
    for s in ("S1", "S2", "S3", "S4"):
        for jenis in ("uraian", "permasalahan", "solusi"):
            assert (s, jenis) in kinds
    bagian = {r["bagian"] for r in rows("narasi")}
    assert {
        "kata_pengantar",
        "latar_belakang",
        "maksud_tujuan",
        "kedudukan_tugas_fungsi",
        "kendala",
        "rekomendasi",
        "kesimpulan",
        "penutup",
    } <= bagian


# ----------------------------------------------------------------- the rendered report
#: Phrases of transcription notes ("Tertulis '...'", "Tabel 3.4 mencetak ...", "(baris kosong di
#: sumber)", "... seperti tertulis di data") that must never be printed.
CATATAN_TRANSKRIPSI = ("baris kosong", "Tertulis", "mencetak", "di sumber", "seperti tertulis", "di data")


@pytest.fixture(scope="module")
def rendered() -> dict[str, str]:
    """Visible text of every catalogue table and diagram of the Umbulsari report (charts aside)."""
    from lkip_helpers import buka
    from lkip_helpers.present import KATALOG, tampil

    lap = buka(FOLDER)
    out = {}
    for key, entri in KATALOG.items():
        if entri.jenis == "grafik":
            continue
        markup = re.sub(r"<style.*?</style>", " ", tampil(lap, key).html, flags=re.S)
        out[key] = " ".join(re.sub(r"<[^>]+>", " ", markup).split())
    return out


# the reviewer's appendix (lkip check findings) quotes the data on purpose
REVIEW = {"daftar_pemeriksaan", "temuan_pemeriksaan"}


def test_no_transcription_note_is_printed(rendered):
    for key, text in rendered.items():
        if key in REVIEW:
            continue
        for phrase in CATATAN_TRANSKRIPSI:
            assert phrase not in text, (key, phrase, text[max(0, text.find(phrase) - 80) : text.find(phrase) + 80])
        assert "None" not in text, key


def test_notes_are_not_in_printed_columns():
    # columns the tables print (Tabel 1.1 Keterangan, the benchmark's footnote): no source pointers
    printed = [r["keterangan"] for r in rows("sdm_jabatan")] + [r["keterangan"] for r in rows("pembanding")]
    for text in printed:
        assert not re.search(r"Tertulis|mencetak|sumber|narasi Sasaran|Tabel \d", text), text
    assert not [r for r in rows("sdm_jabatan") if "kosong" in r["jabatan"]]
