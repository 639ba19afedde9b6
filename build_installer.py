"""Builds TSN Desktop's installer for this system: `python build_installer.py` (or `make
installer`). PyInstaller freezes the app into dist/tsn-desktop/ (installers/tsn_desktop.spec),
then this system's package is made: Linux .deb and .tar.gz, Windows NSIS setup, macOS .dmg.

Needs the `installer` extra: `pip install -e ".[installer]"`.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent
INSTALLERS = ROOT / "installers"
APP = "tsn-desktop"


def folder_size(path: Path) -> int:
    return sum(p.lstat().st_size for p in path.rglob("*") if not p.is_dir())


def freeze(dist: Path, work: Path, icons: Path) -> Path:
    """Runs PyInstaller on the shared spec; returns the app folder."""
    env = {**os.environ, "TSN_ICONS": str(icons)}
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean",
                    "--log-level", "WARN", "--distpath", str(dist), "--workpath",
                    str(work / "pyinstaller"), str(INSTALLERS / "tsn_desktop.spec")],
                   check=True, cwd=ROOT, env=env)
    if sys.platform.startswith("linux"):
        shrink_icu_data(dist / APP)
        strip_symbols(dist / APP)
    return dist / APP


def shrink_icu_data(app_dir: Path) -> None:
    """Qt's ICU data down to French, English and root (installers/linux/icu_data.py)."""
    sys.path.insert(0, str(ROOT))
    from installers.linux.icu_data import IcuDataError, shrink

    for lib in sorted(app_dir.rglob("libicudata.so.*")):
        if lib.is_symlink() or not lib.is_file():
            continue
        try:
            before, after = shrink(lib)
        except (IcuDataError, OSError, subprocess.CalledProcessError) as exc:
            # The full data still works: a bigger package, not a broken one.
            print(f"build_installer: ICU data kept whole ({exc})", file=sys.stderr)
            continue
        print(f"  {lib.name}: {before / 10**6:.1f} MB -> {after / 10**6:.1f} MB")


def strip_symbols(app_dir: Path) -> None:
    """Debug symbols and the static symbol tables off the shared libraries (libpython,
    sqlcipher3 and cryptography carry ~40 MB; the dynamic symbols they link by stay),
    except those a wheel vendored under `<package>.libs/`: auditwheel laid them out with
    patchelf, and strip breaks them (numpy's OpenBLAS then fails to load)."""
    for lib in sorted(app_dir.rglob("*.so*")):
        if lib.is_symlink() or not lib.is_file() or any(
                part.endswith(".libs") for part in lib.relative_to(app_dir).parts):
            continue
        subprocess.run(["strip", "--strip-unneeded", str(lib)], check=False,
                       capture_output=True)


def make_icons(folder: Path) -> None:
    # In a child process: Qt's application object must not outlive into PyInstaller's run.
    subprocess.run([sys.executable, str(INSTALLERS / "icon.py"), str(folder)], check=True,
                   stdout=subprocess.DEVNULL)


def package(app_dir: Path, version: str, icons: Path, dist: Path, work: Path) -> list[Path]:
    if sys.platform.startswith("linux"):
        sys.path.insert(0, str(ROOT))
        from installers.linux.package import build_deb, build_tarball

        return [build_deb(app_dir, version, icons, dist, work),
                build_tarball(app_dir, version, icons, dist)]
    if sys.platform == "win32":
        makensis = shutil.which("makensis") or r"C:\Program Files (x86)\NSIS\makensis.exe"
        out = dist / f"{APP}-{version}-setup.exe"
        subprocess.run([makensis, "/V2", f"/DVERSION={version}", f"/DSOURCE_DIR={app_dir}",
                        f"/DICON={icons / (APP + '.ico')}", f"/DOUTFILE={out}",
                        str(INSTALLERS / "windows" / "tsn-desktop.nsi")], check=True)
        return [out]
    if sys.platform == "darwin":
        out = dist / f"{APP}-{version}.dmg"
        subprocess.run(["bash", str(INSTALLERS / "macos" / "build_dmg.sh"),
                        str(dist / "TSN Desktop.app"), str(out), version], check=True)
        return [out]
    raise SystemExit(f"no installer recipe for {sys.platform}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", default=str(ROOT / "dist"), help="output folder")
    parser.add_argument("--work", default=str(ROOT / "build"), help="work folder")
    parser.add_argument("--no-package", action="store_true",
                        help="only the frozen app folder, no .deb/.exe/.dmg")
    args = parser.parse_args(argv)
    dist, work = Path(args.dist).resolve(), Path(args.work).resolve()
    version = importlib.metadata.version(APP)
    icons = work / "icons"

    started = time.perf_counter()
    make_icons(icons)
    app_dir = freeze(dist, work, icons)
    frozen_at = time.perf_counter()
    packages = [] if args.no_package else package(app_dir, version, icons, dist, work)
    done = time.perf_counter()

    report = {
        "version": version,
        "app_dir": str(app_dir),
        "unpacked_bytes": folder_size(app_dir),
        "freeze_seconds": round(frozen_at - started, 1),
        "package_seconds": round(done - frozen_at, 1),
        "packages": {p.name: p.stat().st_size for p in packages},
    }
    (dist / "build-report.json").write_text(json.dumps(report, indent=2), "utf-8")
    print(f"TSN Desktop {version}: frozen in {report['freeze_seconds']} s, "
          f"packed in {report['package_seconds']} s")
    print(f"  {app_dir}: {report['unpacked_bytes'] / 2**20:.1f} MiB unpacked")
    for name, size in report["packages"].items():
        print(f"  {dist / name}: {size / 2**20:.1f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
