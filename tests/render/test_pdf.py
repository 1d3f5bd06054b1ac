"""html_to_pdf: deterministic bytes, in this process or in a forked child (batch workers)."""

from __future__ import annotations

import os

import pytest

from lkip_helpers.render import pdf

PAGE = "<html><head><title>x</title></head><body><h1>BAB I</h1><p>Kecamatan Umbulsari 95,50%</p></body></html>"


@pytest.fixture
def isolated() -> None:
    pdf.set_isolated(True)
    yield
    pdf.set_isolated(False)


def test_isolated_pdf_equals_in_process_pdf(isolated: None, tmp_path) -> None:
    pdf.set_isolated(False)
    here = pdf.html_to_pdf(PAGE, title="Judul")
    pdf.set_isolated(True)
    child = pdf.html_to_pdf(PAGE, tmp_path / "a.pdf", title="Judul")
    assert child == here
    assert (tmp_path / "a.pdf").read_bytes() == here
    assert here.startswith(b"%PDF-")


def _raises() -> bytes:
    msg = "tabel terlalu lebar"
    raise ValueError(msg)


def _dies() -> bytes:
    os._exit(3)


def test_error_in_the_child_comes_back_with_its_message() -> None:
    with pytest.raises(RuntimeError, match=r"WeasyPrint gagal membuat PDF: ValueError: tabel terlalu lebar"):
        pdf._in_child(_raises)


def test_child_that_dies_is_an_error_not_an_empty_pdf() -> None:
    with pytest.raises(RuntimeError, match="status 3"):
        pdf._in_child(_dies)


def test_no_child_is_left_behind(isolated: None) -> None:
    from lkip_helpers.batch.memory import child_pids as _children

    before = set(_children(os.getpid()))
    pdf.html_to_pdf(PAGE)
    assert set(_children(os.getpid())) == before  # reaped, not a zombie
