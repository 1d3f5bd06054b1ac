"""``lkip check`` on the real data set data/2023/umbulsari: no GALAT, the seed's contradictions listed.

The reference report contradicts itself (domain.md section 4); the data set keeps both
sides where they are separate fields (CATATAN.md) so that the checks report them.  This
test pins what the checks find on it:

* required findings - the contradictions the checks exist for;
* allowed codes - every other kind of finding seen on this data set, judged to be true
  (see the comments).  A new kind of finding fails the test, so that it is looked at
  (a false positive is fixed in the checks, never in the data).
"""

from __future__ import annotations

import pytest

from lkip_helpers.checks import run_checks
from lkip_helpers.data.model import DataSet
from lkip_helpers.errors import Level, Problem
from lkip_helpers.rules.settings import Settings

#: Findings the Umbulsari 2023 data must produce: (code, text in the message).
REQUIRED = (
    ("profil.penduduk", "79.263"),  # 39.865 + 39.368 = 79.233
    ("profil.mata_pencaharian", "105%"),  # 85 + 15 + 5
    ("kinerja.huruf_skor", "realisasi tahun 2023 indikator I4.1"),  # "B" but score 85 = A
    ("narasi.tahun", "Tahun Anggaran 2022"),  # kata pengantar copied from the 2022 report
    ("narasi.kecamatan_lain", "Sukorambi"),  # diktum KEENAM of the SK IKU copied from Kecamatan Sukorambi's
    ("kelengkapan.dokumen", "Perjanjian Kinerja"),  # the seed has no PK page: its fields are empty
)

#: Other codes seen on this data set, each judged a true finding.
ALLOWED = {
    # Lampiran 1 prints the 2023 SAKIP target as "B (60)"; 60 is the top of CC on the scale.
    "kinerja.huruf_skor",
    # I3.1 2023: Renstra (TC.27) 80 against PK 100; 2022: Renstra 80 against PK 85.
    "kinerja.target_beda_versi",
    # S5 (effectiveness of programme targets, Renstra TC.27) has no programme in program_sasaran.
    "struktur.sasaran_tanpa_program",
    # RKT output indicators that the report's Tabel 3.6 never measured.
    "output.tanpa_realisasi",
    "profil.penduduk",
    "profil.mata_pencaharian",
    "narasi.tahun",
    "narasi.kecamatan_lain",
    # The PK page is not in the seed (parties, place, date empty); the Camat's pangkat is not legible.
    "kelengkapan.dokumen",
    "kelengkapan.ttd_laporan",
    # IKU No. 6 (I5.1, Renstra TC.27) has no PK target for 2023.
    "kelengkapan.target_pk",
}


@pytest.fixture(scope="module")
def findings(umbulsari: DataSet, settings: Settings) -> list[Problem]:
    return run_checks(umbulsari, settings)


def test_umbulsari_findings(findings):
    assert [str(p) for p in findings if p.level is Level.GALAT] == []
    for code, snippet in REQUIRED:
        assert any(p.code == code and snippet in p.message for p in findings), (code, snippet)
    assert {p.code for p in findings} <= ALLOWED, sorted({p.code for p in findings} - ALLOWED)


def test_umbulsari_contradictions_are_warnings(findings):
    levels = {p.code: p.level for p in findings if p.code in {c for c, _ in REQUIRED}}
    assert set(levels.values()) == {Level.PERINGATAN}


def test_umbulsari_narrative_is_otherwise_clean(findings):
    """Only the one verbatim copy error: no legal citation, Renstra period or comparison is reported."""
    years = [p for p in findings if p.code == "narasi.tahun"]
    assert len(years) == 1
    others = [p for p in findings if p.code == "narasi.kecamatan_lain"]
    assert len(others) == 1  # the SK IKU's diktum KEENAM, verbatim
    assert "Sukorambi" in others[0].message
