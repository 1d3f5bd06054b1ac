"""``lkip pratinjau``: the command body (``cli.py`` only registers it).

Serve the report of one data set on 127.0.0.1, re-render when a file of the data set
(or a settings file) is saved, and stop cleanly on Ctrl-C: the server closes, the
kernels and the zygote are killed, the working folder is removed.
"""

from __future__ import annotations

import signal
import threading
import time
from pathlib import Path
from typing import Annotated, Any

import typer

__all__ = ["JEDA", "PORT_BAWAAN", "pratinjau"]

PORT_BAWAAN = 8765
#: Seconds between two looks at the files; a change counts once the files were still for TENANG.
JEDA = 0.1
TENANG = 0.3


def pratinjau(
    data: Annotated[
        Path, typer.Argument(help="Data set yang dipratinjau: folder (data/2023/umbulsari) atau berkas .xlsx.")
    ],
    port: Annotated[
        int, typer.Option("--port", min=0, max=65535, help="Port di 127.0.0.1 (0: pilih port yang bebas).")
    ] = PORT_BAWAAN,
    pengaturan: Annotated[
        Path | None, typer.Option("--pengaturan", "-p", help="Berkas pengaturan (bawaan: params/default.yaml).")
    ] = None,
) -> None:
    """Pratinjau laporan di peramban yang diperbarui sendiri setiap kali berkas data disimpan.

    Hanya HTML (tanpa PDF/Word). Bab yang masukannya tidak berubah tidak dijalankan ulang;
    data yang belum dapat dipakai ditampilkan sebagai daftar galat. Hentikan dengan Ctrl-C.
    """
    from rich.console import Console

    from ..batch.params import is_dataset

    console = Console(highlight=False, soft_wrap=True)
    data = data.expanduser()
    if not data.exists() or not is_dataset(data):
        what = "tidak ada" if not data.exists() else "bukan satu data set (folder berisi instansi.yaml atau berkas .xlsx)"
        console.print(f"{data} {what}. Contoh: lkip pratinjau data/2023/umbulsari", style="red", markup=False)
        raise typer.Exit(1)
    raise typer.Exit(_jalankan(console, data.resolve(), pengaturan, port))


def _jalankan(console: Any, data: Path, pengaturan: Path | None, port: int) -> int:
    from ..paths import settings_files
    from .halaman import halaman_menunggu
    from .pantau import Peredam, potret
    from .server import Keadaan, Peladen
    from .susun import Penyusun

    keadaan = Keadaan(halaman_menunggu(str(data)))
    try:
        peladen = Peladen(keadaan, port)
    except OSError as exc:
        console.print(f"[red]Port {port} tidak dapat dipakai ({exc.strerror}).[/red] Pakai --port lain, "
                      "atau --port 0 untuk port yang bebas.")
        return 1
    penyusun = Penyusun(data, pengaturan)
    berkas = [data, *settings_files(pengaturan)]
    previous = signal.signal(signal.SIGTERM, _sebagai_ctrl_c)
    try:
        peladen.mulai()
        console.print(f"Pratinjau {data}: [bold]{peladen.url}[/bold]  (Ctrl-C untuk berhenti)")
        threading.Thread(target=penyusun.siapkan, name="lkip-pratinjau-siap", daemon=True).start()
        keadaan_berkas = potret(berkas)
        sidik = _perbarui(console, penyusun, keadaan, data, pengaturan, [])
        peredam = Peredam(keadaan_berkas, TENANG)
        while True:
            time.sleep(JEDA)
            sebelum = peredam.diterima
            if peredam.amati(potret(berkas), time.monotonic()):
                berubah = _berubah(sebelum, peredam.diterima)
                sidik = _perbarui(console, penyusun, keadaan, data, pengaturan, berubah, sidik)
    except KeyboardInterrupt:
        console.print("Pratinjau dihentikan.")
    finally:
        signal.signal(signal.SIGTERM, previous)
        peladen.berhenti()
        penyusun.tutup()
    return 0


def _sebagai_ctrl_c(_signum: int, _frame: object) -> None:
    raise KeyboardInterrupt


def _berubah(sebelum: Any, sesudah: Any) -> list[str]:
    names = {k for k in set(sebelum) | set(sesudah) if sebelum.get(k) != sesudah.get(k)}
    return sorted(Path(n).name for n in names)


def _perbarui(
    console: Any, penyusun: Any, keadaan: Any, data: Path, pengaturan: Path | None, berubah: list[str],
    sidik: str | None = None,
) -> str | None:
    """Render again unless no byte changed; publish the page; return the inputs' hash rendered."""
    from ..errors import LkipError
    from .halaman import halaman_gagal, halaman_masalah
    from .susun import sidik_masukan

    try:
        baru = sidik_masukan(data, pengaturan)
    except (OSError, LkipError):
        baru = None  # a file vanished mid-save: render (and report) what is there
    if sidik is not None and baru == sidik:
        console.print(f"Disimpan tanpa perubahan isi ({', '.join(berubah)}); tidak disusun ulang.")
        return sidik
    console.print(f"memperbarui… {('(' + ', '.join(berubah) + ')') if berubah else ''}".rstrip())
    hasil = penyusun.susun()
    if hasil.ok:
        keadaan.terbitkan(hasil.html, laporan=True)
        console.print(f"[green]selesai[/green] ({hasil.detik:.1f} dtk; bab dijalankan {len(hasil.dijalankan)}, "
                      f"dipakai ulang {len(hasil.dipakai_ulang)})")
    elif hasil.masalah:
        keadaan.terbitkan(halaman_masalah(hasil.masalah, str(data), keadaan.ada_terakhir), laporan=False)
        from ..errors import Level

        galat = [p for p in hasil.masalah if p.level is Level.GALAT] or list(hasil.masalah)
        console.print(f"[red]data tidak dapat dipakai: {len(galat)} galat[/red] (daftarnya di halaman pratinjau)")
        for problem in galat[:5]:
            console.print(f"  {problem}", markup=False)
    else:
        keadaan.terbitkan(halaman_gagal(hasil.galat, str(data), keadaan.ada_terakhir), laporan=False)
        console.print(f"[red]gagal disusun[/red] ({hasil.detik:.1f} dtk): ", end="")
        console.print(hasil.galat, markup=False)
    return baru
