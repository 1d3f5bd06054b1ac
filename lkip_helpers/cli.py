"""The ``lkip`` command line (messages in Bahasa Indonesia).

Commands import their machinery lazily so that ``lkip --help`` stays fast.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from .errors import DataError, Level, LkipError, Problem

app = typer.Typer(
    name="lkip",
    help="Laporan Kinerja Instansi Pemerintah (LKIP) kecamatan dari satu data set.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

_LEVEL_STYLE = {Level.GALAT: "bold red", Level.PERINGATAN: "yellow", Level.INFO: "cyan"}


def _console() -> Console:
    return Console(highlight=False, soft_wrap=True)


def _print_problem(console: Console, problem: Problem) -> None:
    style = _LEVEL_STYLE[problem.level]
    console.print(f"  [{style}]{problem.level.label:<10}[/{style}] ", end="")
    console.print(str(problem).split("] ", 1)[1], markup=False)


def _datasets_in(path: Path) -> list[Path]:
    """Resolve a path given to ``lkip check`` into data sets (folders or workbooks)."""
    if path.suffix.lower() in {".xlsx", ".xlsm", ".xls", ".ods", ".csv"} or path.is_file():
        return [path]
    if (path / "instansi.yaml").exists() or not path.is_dir():
        return [path]
    found = sorted(
        p
        for p in path.iterdir()
        if (p.is_dir() and (p / "instansi.yaml").exists()) or p.suffix.lower() == ".xlsx"
    )
    return found or [path]


@app.command()
def check(
    paths: Annotated[
        list[Path],
        typer.Argument(help="Folder data kecamatan-tahun, folder satu tahun (data/2023), atau berkas .xlsx."),
    ],
    pengaturan: Annotated[
        Path | None, typer.Option("--pengaturan", "-p", help="Berkas pengaturan (default params/default.yaml).")
    ] = None,
    tanpa_info: Annotated[bool, typer.Option("--tanpa-info", help="Jangan tampilkan temuan tingkat INFO.")] = False,
) -> None:
    """Periksa data set: kelengkapan, jenis isian dan konsistensi antartabel.

    Keluar dengan status 1 bila ada GALAT, 0 bila hanya PERINGATAN/INFO.
    """
    from .checks import run_checks
    from .io import load
    from .settings import load_settings

    console = _console()
    settings = load_settings(pengaturan)
    targets = [ds_path for p in paths for ds_path in _datasets_in(p)]
    totals = dict.fromkeys(Level, 0)
    for ds_path in targets:
        console.print(f"[bold]Memeriksa {ds_path}[/bold]")
        problems: list[Problem] = []
        try:
            ds = load(ds_path, problems=problems)
        except DataError:
            ds = None
        if ds is not None:
            problems.extend(run_checks(ds, settings))
        shown = [p for p in problems if not (tanpa_info and p.level is Level.INFO)]
        for problem in shown:
            _print_problem(console, problem)
        counts = {lvl: sum(p.level is lvl for p in problems) for lvl in Level}
        for lvl, n in counts.items():
            totals[lvl] += n
        status = "[red]TIDAK LOLOS[/red]" if counts[Level.GALAT] else "[green]LOLOS[/green]"
        console.print(
            f"  {status}: {counts[Level.GALAT]} galat, {counts[Level.PERINGATAN]} peringatan, "
            f"{counts[Level.INFO]} info\n"
        )
    if len(targets) > 1:
        console.print(
            f"[bold]Jumlah ({len(targets)} data set):[/bold] {totals[Level.GALAT]} galat, "
            f"{totals[Level.PERINGATAN]} peringatan, {totals[Level.INFO]} info"
        )
    raise typer.Exit(1 if totals[Level.GALAT] else 0)


@app.command()
def template(
    keluaran: Annotated[Path, typer.Argument(help="Nama berkas Excel yang dibuat, mis. isian.xlsx.")],
    timpa: Annotated[bool, typer.Option("--timpa", help="Timpa berkas yang sudah ada.")] = False,
) -> None:
    """Buat workbook Excel kosong untuk diisi (satu sheet per tabel, dengan petunjuk)."""
    from .io.excel import write_template

    console = _console()
    if keluaran.exists() and not timpa:
        console.print(f"[red]Berkas {keluaran} sudah ada.[/red] Pakai --timpa untuk menimpanya.")
        raise typer.Exit(1)
    write_template(keluaran)
    console.print(f"Template ditulis ke {keluaran}.")


@app.command()
def convert(
    sumber: Annotated[Path, typer.Argument(help="Data set sumber: folder teks atau berkas .xlsx.")],
    tujuan: Annotated[Path, typer.Argument(help="Tujuan: berkas .xlsx atau folder (bentuk teks).")],
    timpa: Annotated[bool, typer.Option("--timpa", help="Timpa tujuan yang sudah ada.")] = False,
) -> None:
    """Ubah data set antara bentuk teks (CSV/YAML) dan workbook Excel tanpa kehilangan isi."""
    from .io import load
    from .io.excel import write_workbook
    from .io.textform import write_folder

    console = _console()
    if tujuan.resolve() == sumber.resolve():
        console.print("[red]Sumber dan tujuan sama.[/red] Berkas masukan tidak pernah diubah.")
        raise typer.Exit(1)
    if tujuan.exists() and not timpa:
        console.print(f"[red]{tujuan} sudah ada.[/red] Pakai --timpa untuk menimpanya.")
        raise typer.Exit(1)
    ds = load(sumber)
    if tujuan.suffix.lower() == ".xlsx":
        write_workbook(ds, tujuan)
    else:
        write_folder(ds, tujuan)
    console.print(f"Data set {sumber} ditulis ke {tujuan}.")


@app.command("demo-data")
def demo_data(
    tahun: Annotated[int, typer.Option(help="Tahun laporan.")] = 2023,
    jumlah: Annotated[
        int | None,
        typer.Option(help="Buat N kecamatan sintetis (uji skala) alih-alih 30 kecamatan Jember."),
    ] = None,
    benih: Annotated[int, typer.Option("--seed", help="Benih pembangkit acak (hasil selalu sama).")] = 2023,
    keluaran: Annotated[
        Path | None, typer.Option(help="Folder induk data (default data/<tahun>/).")
    ] = None,
) -> None:
    """Buat data contoh (sintetis, bertanda DATA CONTOH) berbentuk seperti data Umbulsari."""
    from .demo import write_demo_data

    console = _console()
    written = write_demo_data(tahun=tahun, jumlah=jumlah, seed=benih, out_dir=keluaran)
    console.print(f"{len(written)} data set contoh ditulis ke {written[0].parent if written else keluaran}.")


@app.command()
def ringkasan(
    kecamatan: Annotated[str, typer.Option(help="Nama kecamatan.")] = "Umbulsari",
    tahun: Annotated[int, typer.Option(help="Tahun laporan.")] = 2023,
    data: Annotated[Path | None, typer.Option(help="Folder/berkas data set (default data/<tahun>/<kecamatan>).")] = None,
) -> None:
    """Tampilkan Tabel 3.1 (capaian) dan ringkasan realisasi anggaran."""
    from . import fmt
    from .io import load, load_dataset
    from .laporan import pengukuran_kinerja, ringkasan_anggaran
    from .settings import load_settings

    console = _console()
    ds = load(data) if data else load_dataset(tahun, kecamatan)
    settings = load_settings()
    tabel, rata = pengukuran_kinerja(ds, settings)
    console.print(f"[bold]Tabel 3.1 Pengukuran Kinerja Tahun {ds.tahun} - Kecamatan {ds.kecamatan}[/bold]")
    for row in tabel.itertuples():
        console.print(
            f"  {row.no}. {row.indikator}: target {row.target_teks}, realisasi {row.realisasi_teks}, "
            f"capaian {fmt.persen(row.capaian)} ({row.predikat_label})",
            markup=False,
        )
    console.print(f"  Rata-rata capaian: {fmt.persen(rata.nilai)} - {rata.kode} {rata.label}")
    ang = ringkasan_anggaran(ds)
    console.print(
        f"[bold]Anggaran:[/bold] pagu {fmt.rupiah(ang.pagu)}, realisasi {fmt.rupiah(ang.realisasi)}, "
        f"serapan {fmt.persen(ang.serapan)}"
    )


@app.command()
def render(
    kecamatan: Annotated[list[str] | None, typer.Option(help="Nama kecamatan (boleh lebih dari satu).")] = None,
    tahun: Annotated[int, typer.Option(help="Tahun laporan.")] = 2023,
    force: Annotated[bool, typer.Option("--force", help="Susun ulang walaupun keluaran sudah ada.")] = False,
    format_: Annotated[str, typer.Option("--format", help="Format keluaran: html,pdf.")] = "html,pdf",
) -> None:
    """Jalankan notebook bab dan susun laporan HTML/PDF ke outputs/<tahun>/<kecamatan>/."""
    from .jobs import render_kecamatan

    console = _console()
    formats = tuple(f.strip() for f in format_.split(",") if f.strip())
    failed = 0
    for name in kecamatan or ["Umbulsari"]:
        try:
            result = render_kecamatan(name, tahun, formats=formats, force=force)
        except LkipError as exc:
            failed += 1
            console.print(f"[red]GAGAL[/red] {exc}", markup=False)
            continue
        if result.skipped:
            console.print(f"[cyan]Dilewati[/cyan] Kecamatan {name} {tahun}: masukan tidak berubah sejak "
                          f"penyusunan terakhir ({result.out_dir}); pakai --force untuk menyusun ulang.")
            continue
        console.print(f"[green]Selesai[/green] Kecamatan {name} {tahun} -> {result.out_dir}")
        for path in (result.html, result.pdf):
            if path:
                console.print(f"  {path}")
    raise typer.Exit(1 if failed else 0)


def main() -> None:
    """Entry point of the ``lkip`` console script."""
    try:
        app()
    except DataError as exc:
        console = _console()
        console.print("[bold red]Data tidak dapat dipakai.[/bold red]")
        for problem in exc.problems:
            _print_problem(console, problem)
        raise SystemExit(1) from None
    except LkipError as exc:
        _console().print(f"[bold red]Galat:[/bold red] {exc}", markup=False)
        raise SystemExit(1) from None


if __name__ == "__main__":
    main()
