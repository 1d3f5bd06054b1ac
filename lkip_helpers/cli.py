"""The ``lkip`` command line (messages in Bahasa Indonesia).

Commands import their machinery lazily so that ``lkip --help`` stays fast.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from ._version import __version__
from .cli_bahasa import pasang
from .errors import DataError, Level, LkipError, Problem, ringkas
from .pratinjau.perintah import pratinjau

pasang()  # Typer's own strings (usage, help option, usage errors) in Bahasa Indonesia

app = typer.Typer(
    name="lkip",
    help="Laporan Kinerja Instansi Pemerintah (LKIP) kecamatan dari satu data set.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

_LEVEL_STYLE = {Level.GALAT: "bold red", Level.PERINGATAN: "yellow", Level.INFO: "cyan"}


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"lkip {__version__}")
        raise typer.Exit


@app.callback()
def _ruang_kerja(
    ctx: typer.Context,
    ruang_kerja: Annotated[
        Path | None,
        typer.Option(
            "--ruang-kerja",
            help="Folder ruang kerja (berisi data/, params/, outputs/). Bawaan: folder ini atau induknya.",
            show_default=False,
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_show_version, is_eager=True, help="Tampilkan versi lkip lalu keluar."),
    ] = False,
) -> None:
    """Laporan Kinerja Instansi Pemerintah (LKIP) kecamatan dari satu data set."""
    from .paths import ENV_RUANG_KERJA, workspace_root

    if ruang_kerja is not None and not ruang_kerja.is_dir():
        _console().print(f"Ruang kerja {ruang_kerja} tidak ada. Buat dengan: lkip init {ruang_kerja}", markup=False)
        raise typer.Exit(1)
    root = ruang_kerja.resolve() if ruang_kerja is not None else workspace_root()
    # One workspace for this command and everything it starts (workers, chapter kernels);
    # the kernels get a throwaway IPython profile: no user startup file changes a report,
    # and nothing is written into the planner's home folder.
    ipython = tempfile.mkdtemp(prefix="lkip-ipython-")
    previous = {name: os.environ.get(name) for name in (ENV_RUANG_KERJA, "IPYTHONDIR")}
    os.environ.update({ENV_RUANG_KERJA: str(root), "IPYTHONDIR": ipython})

    def restore() -> None:
        for name, value in previous.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        shutil.rmtree(ipython, ignore_errors=True)

    ctx.call_on_close(restore)


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
def init(
    folder: Annotated[Path, typer.Argument(help="Folder ruang kerja yang dibuat, mis. kerja.")],
    contoh: Annotated[
        bool, typer.Option("--contoh", help="Sertakan data contoh Kecamatan Umbulsari 2023 (data/2023/umbulsari/).")
    ] = False,
) -> None:
    """Buat ruang kerja: data/, params/ (pengaturan untuk diubah), outputs/ dan LIESMI.md.

    Berkas yang sudah ada tidak pernah ditimpa; menjalankan lagi hanya melengkapi yang kurang.
    """
    from .ruang_kerja import LIESMI, init_workspace

    console = _console()
    if folder.exists() and not folder.is_dir():
        console.print(f"{folder} sudah ada dan bukan folder.", markup=False)
        raise typer.Exit(1)
    created = init_workspace(folder, contoh=contoh)
    if created:
        console.print(f"Ruang kerja {folder}: {len(created)} folder/berkas dibuat.", markup=False)
        for path in created:
            console.print(f"  {path}", markup=False)
    else:
        console.print(f"Ruang kerja {folder} sudah lengkap; tidak ada yang diubah.", markup=False)
    console.print(f"Langkah berikut: cd {folder}, lalu baca {LIESMI}.", markup=False)
    if contoh:
        console.print("  lkip render --kecamatan Umbulsari --tahun 2023", markup=False)


@app.command()
def notebook(
    sumber: Annotated[Path, typer.Argument(help="Data set yang dijelajahi: folder atau berkas .xlsx.")],
    ke: Annotated[
        Path | None,
        typer.Option("--ke", help="Folder tujuan (bawaan: notebooks/<kecamatan>-<tahun>/ ruang kerja).", show_default=False),
    ] = None,
    timpa: Annotated[bool, typer.Option("--timpa", help="Timpa salinan yang sudah ada.")] = False,
) -> None:
    """Salin notebook bab ke ruang kerja untuk dijelajahi di JupyterLab, dengan data set ini sebagai bawaan.

    Salinan boleh diubah sesuka hati: laporan selalu disusun dari bab bawaan lkip.
    """
    from .data import load
    from .paths import workspace_root
    from .ruang_kerja import notebook_copies, notebook_folder

    console = _console()
    ds = load(sumber)
    target = ke or notebook_folder(workspace_root(), ds.kecamatan, ds.tahun)
    try:
        written = notebook_copies(sumber, ds.kecamatan, ds.tahun, target, timpa=timpa)
    except FileExistsError as exc:
        console.print(f"{exc.args[0]} sudah ada. Pakai --timpa untuk menimpanya.", markup=False)
        raise typer.Exit(1) from None
    console.print(f"{len(written)} notebook bab disalin ke {target} (data: {sumber}).", markup=False)
    console.print(f"Buka di JupyterLab: jupyter lab {target}", markup=False)


@app.command()
def check(
    paths: Annotated[
        list[Path],
        typer.Argument(
            help="Folder data kecamatan-tahun, folder satu tahun (data/2023), atau berkas .xlsx.", metavar="DATA",
        ),
    ],
    pengaturan: Annotated[
        Path | None, typer.Option("--pengaturan", "-p", help="Berkas pengaturan (default params/default.yaml).")
    ] = None,
    tanpa_info: Annotated[bool, typer.Option("--tanpa-info", help="Jangan tampilkan temuan tingkat INFO.")] = False,
    final: Annotated[
        bool, typer.Option("--final", help="Periksa juga syarat edisi final dan daftarkan apa yang masih kurang.")
    ] = False,
    semua: Annotated[
        bool,
        typer.Option("--semua", help="Tampilkan semua temuan (bawaan: paling banyak 5 temuan serupa per sheet/berkas)."),
    ] = False,
) -> None:
    """Periksa data set: kelengkapan, jenis isian dan konsistensi antartabel.

    Keluar dengan status 1 bila ada GALAT (dengan --final: bila edisi final belum
    dapat disusun), 0 bila hanya PERINGATAN/INFO.
    """
    from .checks import periksa
    from .rules.settings import load_settings

    console = _console()
    settings = load_settings(pengaturan)
    targets = [ds_path for p in paths for ds_path in _datasets_in(p)]
    totals = dict.fromkeys(Level, 0)
    not_final = 0
    for ds_path in targets:
        console.print(f"[bold]Memeriksa {ds_path}[/bold]")
        hasil = periksa(ds_path, pengaturan, settings=settings)
        problems = list(hasil.temuan)
        shown = [p for p in problems if not (tanpa_info and p.level is Level.INFO)]
        for item in shown if semua else ringkas(shown):
            if isinstance(item, Problem):
                _print_problem(console, item)
            else:
                console.print(f"  {item} (lihat semua: --semua)", markup=False)
        counts = {lvl: sum(p.level is lvl for p in problems) for lvl in Level}
        for lvl, n in counts.items():
            totals[lvl] += n
        status = "[red]TIDAK LOLOS[/red]" if counts[Level.GALAT] else "[green]LOLOS[/green]"
        console.print(
            f"  {status}: {counts[Level.GALAT]} galat, {counts[Level.PERINGATAN]} peringatan, "
            f"{counts[Level.INFO]} info"
        )
        syarat = hasil.syarat_final()
        if final:
            _print_final(console, syarat, semua)
        elif syarat:
            console.print(f"  Edisi final: belum dapat disusun ({len(syarat)} hal; lihat lkip check --final).")
        else:
            console.print("  Edisi final: dapat disusun (lkip render --final).")
        console.print()
        not_final += bool(syarat)
    if len(targets) > 1:
        console.print(
            f"[bold]Jumlah ({len(targets)} data set):[/bold] {totals[Level.GALAT]} galat, "
            f"{totals[Level.PERINGATAN]} peringatan, {totals[Level.INFO]} info"
        )
    raise typer.Exit(1 if totals[Level.GALAT] or (final and not_final) else 0)


def _print_final(console: Console, syarat: list[Any], semua: bool = False) -> None:
    """What stands between the data and the final edition, grouped by what to do (capped unless ``semua``)."""
    from .checks.final import entri_pemeriksaan

    if not syarat:
        console.print("  [green]EDISI FINAL: dapat disusun[/green] (lkip render --final).")
        return
    console.print(f"  [red]EDISI FINAL: belum dapat disusun[/red] - {len(syarat)} hal harus diselesaikan:")
    groups: dict[str, list[Any]] = {}
    for s in syarat:
        groups.setdefault(s.kelompok, []).append(s)
    n = 0
    for group, items in groups.items():
        console.print(f"    {group}:", markup=False)
        by_problem = {id(s.temuan): s for s in items}
        for item in [s.temuan for s in items] if semua else ringkas([s.temuan for s in items]):
            if not isinstance(item, Problem):
                console.print(f"      {item} (lihat semua: --semua)", markup=False)
                continue
            s = by_problem[id(item)]
            n += 1
            where = f"{item.location}: " if item.location else ""
            extra = f" ({s.catatan})" if s.catatan else ""
            console.print(f"      {n}. {where}{item.message}{extra}", markup=False)
            if group.startswith("Tanggapi"):
                console.print(f"         untuk menerimanya: {entri_pemeriksaan(item)}", markup=False)
    console.print("  Temuan yang diterima ditulis di pemeriksaan.yaml (data set teks) atau sheet 'pemeriksaan'.",
                  markup=False)


@app.command()
def template(
    keluaran: Annotated[Path, typer.Argument(help="Nama berkas Excel yang dibuat, mis. isian.xlsx.")],
    timpa: Annotated[bool, typer.Option("--timpa", help="Timpa berkas yang sudah ada.")] = False,
    contoh: Annotated[
        bool, typer.Option("--contoh", help="Isi dengan data contoh Kecamatan Umbulsari 2023 (cara mengisi).")
    ] = False,
) -> None:
    """Buat workbook Excel kosong untuk diisi (satu sheet per tabel, dengan petunjuk)."""
    from .data.templat import write_template, write_workbook

    console = _console()
    if keluaran.exists() and not timpa:
        console.print(f"[red]Berkas {keluaran} sudah ada.[/red] Pakai --timpa untuk menimpanya.")
        raise typer.Exit(1)
    if contoh:
        from .data import load
        from .paths import contoh_dataset

        write_workbook(load(contoh_dataset()), keluaran)
        console.print(f"Contoh isian (Kecamatan Umbulsari 2023) ditulis ke {keluaran}.", markup=False)
        return
    write_template(keluaran)
    console.print(f"Template ditulis ke {keluaran}.", markup=False)


@app.command()
def convert(
    sumber: Annotated[Path, typer.Argument(help="Data set sumber: folder teks atau berkas .xlsx.")],
    tujuan: Annotated[Path, typer.Argument(help="Tujuan: berkas .xlsx atau folder (bentuk teks).")],
    timpa: Annotated[bool, typer.Option("--timpa", help="Timpa tujuan yang sudah ada.")] = False,
) -> None:
    """Ubah data set antara bentuk teks (CSV/YAML) dan workbook Excel tanpa kehilangan isi."""
    from .data import load
    from .data.templat import write_workbook
    from .data.tulis import write_folder

    console = _console()
    if tujuan.resolve() == sumber.resolve():
        console.print("[red]Sumber dan tujuan sama.[/red] Berkas masukan tidak pernah diubah.")
        raise typer.Exit(1)
    if tujuan.exists() and not timpa:
        console.print(f"[red]{tujuan} sudah ada.[/red] Pakai --timpa untuk menimpanya.")
        raise typer.Exit(1)
    ds = load(sumber)
    (write_workbook if tujuan.suffix.lower() == ".xlsx" else write_folder)(ds, tujuan)
    console.print(f"Data set {sumber} ditulis ke {tujuan}.")


@app.command("tahun-baru")
def tahun_baru(
    sumber: Annotated[Path, typer.Argument(help="Data set tahun lalu: folder (data/2023/umbulsari) atau berkas .xlsx.")],
    tahun: Annotated[int, typer.Option("--tahun", help="Tahun laporan yang baru, mis. 2024.")],
    tujuan: Annotated[
        Path | None,
        typer.Argument(help="Tujuan (bawaan: data/<tahun>/<kecamatan>/, atau nama berkas dengan tahun baru)."),
    ] = None,
    timpa: Annotated[bool, typer.Option("--timpa", help="Timpa tujuan yang sudah ada.")] = False,
) -> None:
    """Buat data set tahun baru dari data tahun lalu: Renstra, indikator, target dan susunan anggaran dibawa.

    Realisasi tahun-tahun lalu tetap ada untuk perbandingan; angka tahun baru, tanggal tanda
    tangan dan dokumen PK dikosongkan; narasi tahun lalu dibawa sebagai draf bertanda
    'salinan_dari'. Data sumber tidak diubah. Sesudahnya 'lkip check' menyebut apa yang harus diisi.
    """
    from .checks import periksa
    from .data.tahun_baru import cek_tahun, tujuan_bawaan, tulis_tahun_baru

    console = _console()
    hasil = periksa(sumber)
    if hasil.ds is None:
        console.print(f"Data set {sumber} belum dapat dibaca; perbaiki dulu galat berikut:", markup=False)
        for item in ringkas([p for p in hasil.temuan if p.level is Level.GALAT]):
            if isinstance(item, Problem):
                _print_problem(console, item)
            else:
                console.print(f"  {item}", markup=False)
        raise typer.Exit(1)
    try:
        cek_tahun(hasil.ds.tahun, tahun)
    except ValueError as exc:
        console.print(str(exc), markup=False)
        raise typer.Exit(1) from None
    target = tujuan or tujuan_bawaan(sumber, hasil.ds.tahun, tahun)
    if target.resolve() == sumber.resolve():
        console.print("Sumber dan tujuan sama. Data tahun lalu tidak pernah diubah.", markup=False)
        raise typer.Exit(1)
    try:
        tulis_tahun_baru(hasil.ds, tahun, target, timpa=timpa)
    except FileExistsError:
        console.print(f"{target} sudah ada. Pakai --timpa untuk menimpanya.", markup=False)
        raise typer.Exit(1) from None
    console.print(f"Data set {hasil.ds.kecamatan} {tahun} ditulis ke {target} (dari {sumber}).", markup=False)
    console.print(f"Langkah berikut: lkip check {target}  (menyebut semua yang harus diisi untuk {tahun})",
                  markup=False)


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
    from .data.demo import write_demo_data

    console = _console()
    written = write_demo_data(tahun=tahun, jumlah=jumlah, seed=benih, out_dir=keluaran)
    console.print(f"{len(written)} data set contoh ditulis ke {written[0].parent if written else keluaran}.")


@app.command()
def ringkasan(
    kecamatan: Annotated[
        str | None, typer.Option(help="Nama kecamatan (bawaan: Umbulsari; dengan --data: dari data set).")
    ] = None,
    tahun: Annotated[int | None, typer.Option(help="Tahun laporan (bawaan: 2023; dengan --data: dari data set).")] = None,
    data: Annotated[
        Path | None, typer.Option(help="Folder/berkas data set (bawaan: data/<tahun>/<kecamatan> ruang kerja).")
    ] = None,
    pengaturan: Annotated[
        Path | None, typer.Option("--pengaturan", "-p", help="Berkas pengaturan (bawaan: params/default.yaml).")
    ] = None,
) -> None:
    """Tampilkan Tabel 3.1 (capaian, dengan realisasi dan capaian tahun lalu) dan ringkasan anggaran.

    Dengan --data, --kecamatan dan --tahun (bila disebut) harus sama dengan isi data set.
    """
    from .paths import dataset_path
    from .present.ringkasan import baris_ringkasan
    from .report.laporan import buka

    console = _console()
    path = data or dataset_path(tahun or 2023, kecamatan or "Umbulsari")
    lines = baris_ringkasan(buka(path, pengaturan, kecamatan=kecamatan, tahun=tahun))
    console.print(lines[0], style="bold", markup=False)
    for line in lines[1:]:
        console.print(line, markup=False)


@app.command()
def render(
    nama: Annotated[
        list[str] | None,
        typer.Argument(help="Nama kecamatan lain (boleh setelah --kecamatan: --kecamatan Ajung Puger).", show_default=False),
    ] = None,
    kecamatan: Annotated[list[str] | None, typer.Option(help="Nama kecamatan (boleh lebih dari satu).")] = None,
    params: Annotated[
        Path | None, typer.Option("--params", help="Parameter set, mis. params/jember-2023.yaml (semua kecamatannya).")
    ] = None,
    tahun: Annotated[int, typer.Option(help="Tahun laporan (tanpa --params).")] = 2023,
    data: Annotated[
        Path | None,
        typer.Option(
            "--data",
            help="Data set yang disusun: folder atau berkas .xlsx (kecamatan dan tahun dibaca dari isinya), "
            "atau folder satu tahun berisi data set kecamatan. Bawaan: data/<tahun>/ ruang kerja.",
            show_default=False,
        ),
    ] = None,
    keluaran: Annotated[
        Path | None,
        typer.Option(
            "--keluaran",
            help="Folder keluaran: laporan ditulis ke <folder>/<kecamatan>/. Bawaan: outputs/<tahun>/ ruang kerja.",
            show_default=False,
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Susun ulang walaupun masukan tidak berubah.")] = False,
    final: Annotated[
        bool,
        typer.Option("--final", help="Susun edisi final (ditolak bila lkip check --final masih menemukan kekurangan)."),
    ] = False,
    format_: Annotated[
        str | None, typer.Option("--format", help="Format keluaran: html,pdf,docx (bawaan: html,pdf).")
    ] = None,
    referensi_docx: Annotated[
        Path | None,
        typer.Option("--referensi-docx", help="Dokumen Word rujukan gaya (huruf, ukuran, warna, margin) untuk laporan.docx."),
    ] = None,
    jobs: Annotated[
        int | None, typer.Option("--jobs", "-j", min=1, help="Jumlah proses pekerja (bawaan: jumlah inti CPU + 1).")
    ] = None,
    dask_scheduler: Annotated[
        str | None, typer.Option("--dask-scheduler", help="Jalankan di klaster Dask, mis. tcp://10.0.0.5:8786.")
    ] = None,
) -> None:
    """Susun laporan kecamatan: jalankan notebook bab, gabungkan HTML/PDF/DOCX ke outputs/<tahun>/<kecamatan>/.

    Dengan --params semua kecamatan dalam parameter set disusun paralel; laporan yang
    masukannya tidak berubah dilewati. Di akhir: tabel ringkasan, outputs/<tahun>/index.html
    dan ikhtisar kabupaten. Keluar dengan status 1 bila ada kecamatan yang gagal.
    """
    from .batch import load_params, run_batch
    from .batch.params import is_dataset, params_for_dataset, params_for_year
    from .batch.progress import make_reporter, print_summary

    console = _console()
    names = [*(kecamatan or []), *(nama or [])]
    if params is not None:
        batch = load_params(params)
        if data is not None:
            console.print("--data tidak dipakai bersama --params (parameter set sudah menyebut data).", markup=False)
            raise typer.Exit(1)
    elif data is not None and is_dataset(data):
        batch = params_for_dataset(data, tahun, names)
        names = list(batch.kecamatan)
    else:
        names = names or ["Umbulsari"]
        batch = params_for_year(tahun, names, data)
    batch = batch.with_formats([format_] if format_ else None).with_final(final).with_referensi(referensi_docx)
    batch = batch.with_keluaran(keluaran)
    reporter = make_reporter(console)
    try:
        result = run_batch(
            batch,
            workers=jobs,
            force=force,
            only=names or None,
            scheduler=dask_scheduler,
            on_start=reporter.start,
            on_event=reporter.event,
        )
    finally:
        reporter.close()
    print_summary(console, result.outcomes + ([result.ikhtisar] if result.ikhtisar else []), result.detik)
    if result.index:
        console.print(f"Daftar laporan: {result.index}", markup=False)
    raise typer.Exit(1 if result.failed else 0)


app.command()(pratinjau)  # lkip pratinjau DATA: the live preview (lkip_helpers/pratinjau/)


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
        console = _console()
        console.print("Galat:", style="bold red", end=" ")
        console.print(str(exc), markup=False)
        raise SystemExit(1) from None


if __name__ == "__main__":
    main()
