"""Packs the frozen app folder (dist/tsn-desktop) as a .deb (dpkg-deb) and a .tar.gz."""

from __future__ import annotations

import os
import re
import shutil
import stat
import subprocess
import tarfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
APP = "tsn-desktop"
PREFIX = Path("opt") / APP
MAINTAINER = "TSN Desktop team <support@tsn-desktop.invalid>"
# Libraries the bundle leaves to the system (PyInstaller never bundles glibc nor the GL
# drivers) whose file this build machine may lack: their Debian package by soname.
KNOWN_PACKAGES = {
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb.so.1": "libxcb1",
    "libdbus-1.so.3": "libdbus-1-3",
    "libGL.so.1": "libgl1",
    "libGLX.so.0": "libglx0",
    "libOpenGL.so.0": "libopengl0",
    "libEGL.so.1": "libegl1",
    "libwayland-client.so.0": "libwayland-client0",
    "libwayland-cursor.so.0": "libwayland-cursor0",
    "libwayland-egl.so.1": "libwayland-egl1",
}


def debian_arch() -> str:
    return subprocess.run(["dpkg", "--print-architecture"], check=True, capture_output=True,
                          text=True).stdout.strip()


def _elf_files(folder: Path) -> list[Path]:
    found = []
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as handle:
                if handle.read(4) == b"\x7fELF":
                    found.append(path)
    return found


def system_libraries(app_dir: Path) -> dict[str, str | None]:
    """soname -> path on this system (None when not found) of every library a bundled file
    needs that the bundle does not carry."""
    bundled = {p.name for p in app_dir.rglob("*.so*")}
    needed: dict[str, str | None] = {}
    line = re.compile(r"^\s*(\S+)\s+=>\s+(not found|\S+)")
    for elf in _elf_files(app_dir):
        out = subprocess.run(["ldd", str(elf)], capture_output=True, text=True).stdout
        for match in map(line.match, out.splitlines()):
            if match is None or match.group(1) in bundled:
                continue
            where = match.group(2)
            if where == "not found":
                needed.setdefault(match.group(1), None)
            elif not where.startswith(str(app_dir)):
                needed[match.group(1)] = where
    return needed


def depends(app_dir: Path) -> list[str]:
    """The Debian packages owning the system libraries the bundle needs (what
    dpkg-shlibdeps would say, without a source package), plus glibc's minimum version."""
    packages: set[str] = set()
    for soname, path in system_libraries(app_dir).items():
        if soname in KNOWN_PACKAGES:
            packages.add(KNOWN_PACKAGES[soname])
            continue
        if path is None:
            raise RuntimeError(f"{soname}: needed by the bundle, found nowhere, and no "
                               "package known for it (add it to KNOWN_PACKAGES)")
        owner = _owning_package(path)
        if owner is not None:
            packages.add(owner)
    packages.discard("libc6")
    glibc = os.confstr("CS_GNU_LIBC_VERSION").split()[-1]  # the bundle was linked here
    return [f"libc6 (>= {glibc})", *sorted(packages)]


def leave_to_system(app_dir: Path) -> list[str]:
    """In the .deb, the libraries PyInstaller copied from this system's own packages (glibc's
    neighbours: libstdc++, OpenSSL, SQLite, GLib, X11, fontconfig...) are removed: dpkg
    installs them, as for any Debian package (`depends` then finds them on the system and
    names their packages), and they get the distribution's security updates. What wheels
    vendor (Qt, ICU, OpenBLAS...) and Python's own library stay. Returns the names left out.
    The tarball, meant to run on any distribution, keeps them all."""
    internal = app_dir / "_internal"
    system = _system_library_paths()
    left: list[str] = []
    for lib in sorted(internal.glob("lib*.so*")):
        if lib.is_dir() or lib.name.startswith("libpython") or lib.name not in system:
            continue
        if _owning_package(system[lib.name]) is not None:
            lib.unlink()
            left.append(lib.name)
    return left


def _owning_package(path: str) -> str | None:
    """The Debian package of a library file; dpkg may know it under its /lib or /usr/lib
    name (merged /usr), or under the symlink's name rather than its target's."""
    real = os.path.realpath(path)
    for candidate in dict.fromkeys([real, path, re.sub(r"^/usr/lib/", "/lib/", real),
                                    re.sub(r"^/lib/", "/usr/lib/", real)]):
        owner = subprocess.run(["dpkg", "-S", candidate], capture_output=True, text=True)
        if owner.returncode == 0:
            return owner.stdout.split(":", 1)[0].strip()
    return None


def _system_library_paths() -> dict[str, str]:
    """soname -> path of the libraries in the dynamic linker's cache (this architecture)."""
    out = subprocess.run(["ldconfig", "-p"], check=True, capture_output=True,
                         text=True).stdout
    found: dict[str, str] = {}
    arch = re.compile(r"^\s*(\S+) \((libc6,x86-64|libc6,AArch64|libc6)[^)]*\) => (\S+)$")
    for match in map(arch.match, out.splitlines()):
        if match is not None:
            found.setdefault(match.group(1), match.group(3))
    return found


def _installed_size_kib(root: Path) -> int:
    return sum(p.lstat().st_size for p in root.rglob("*")) // 1024 + 1


def _normalise_modes(root: Path) -> None:
    """Debian's modes: 0755 folders and programs, 0644 everything else (libraries too)."""
    for path in [root, *root.rglob("*")]:
        if path.is_symlink():
            continue
        if path.is_dir():
            path.chmod(0o755)
        elif path.suffix == "" and os.access(path, os.X_OK) or path.name == APP:
            path.chmod(0o755)
        else:
            path.chmod(0o644)


def build_deb(app_dir: Path, version: str, icons: Path, out_dir: Path, work: Path) -> Path:
    arch = debian_arch()
    root = work / "deb-root"
    shutil.rmtree(root, ignore_errors=True)
    shutil.copytree(app_dir, root / PREFIX, symlinks=True)
    leave_to_system(root / PREFIX)
    (root / "usr" / "bin").mkdir(parents=True)
    # The bootloader finds its folder through /proc/self/exe, so a symlink in PATH works.
    os.symlink(f"../../{PREFIX}/{APP}", root / "usr" / "bin" / APP)
    applications = root / "usr" / "share" / "applications"
    applications.mkdir(parents=True)
    shutil.copy(HERE / f"{APP}.desktop", applications / f"{APP}.desktop")
    for png in sorted(icons.glob(f"{APP}-*.png")):
        size = png.stem.rsplit("-", 1)[1]
        target = root / "usr" / "share" / "icons" / "hicolor" / f"{size}x{size}" / "apps"
        target.mkdir(parents=True)
        shutil.copy(png, target / f"{APP}.png")
    doc = root / "usr" / "share" / "doc" / APP
    doc.mkdir(parents=True)
    (doc / "copyright").write_text(
        "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n"
        f"Upstream-Name: {APP}\n\nFiles: *\nLicense: Proprietary\n"
        " Bundled third-party libraries (Qt, PySide6, Python, SQLCipher, OpenSSL, ...)\n"
        " keep their own licences, shipped beside them under /opt/tsn-desktop.\n", "utf-8")
    _normalise_modes(root)
    control_dir = root / "DEBIAN"
    control_dir.mkdir()
    (control_dir / "control").write_text("\n".join([
        f"Package: {APP}",
        f"Version: {version}",
        f"Architecture: {arch}",
        f"Maintainer: {MAINTAINER}",
        f"Installed-Size: {_installed_size_kib(root)}",
        f"Depends: {', '.join(depends(root / PREFIX))}",
        "Section: science",
        "Priority: optional",
        "Homepage: https://tsn-desktop.invalid/",
        "Description: practice companion for independent health practitioners",
        " TSN Desktop keeps an independent practitioner's patients, vaccination",
        " records, readings, network and agenda encrypted on this computer, and",
        " shares them with the regional hub.",
        "",
    ]), "utf-8")
    (control_dir / "control").chmod(0o644)
    out = out_dir / f"{APP}_{version}_{arch}.deb"
    subprocess.run(["dpkg-deb", "--root-owner-group", "-Zxz", "-z6", "--build", str(root),
                    str(out)], check=True, stdout=subprocess.DEVNULL)
    return out


def build_tarball(app_dir: Path, version: str, icons: Path, out_dir: Path) -> Path:
    """tsn-desktop-<version>/: the app folder, its .desktop file and icon, to unpack
    anywhere (run ./tsn-desktop-<version>/tsn-desktop)."""
    top = f"{APP}-{version}"
    out = out_dir / f"{top}-linux-{os.uname().machine}.tar.gz"

    def owned_by_root(info: tarfile.TarInfo) -> tarfile.TarInfo:
        info.uid = info.gid = 0
        info.uname = info.gname = "root"
        if info.isfile() and not info.mode & stat.S_IXUSR:
            info.mode = 0o644
        return info

    with tarfile.open(out, "w:gz", compresslevel=6) as tar:
        tar.add(app_dir, arcname=top, filter=owned_by_root)
        tar.add(HERE / f"{APP}.desktop", arcname=f"{top}/share/{APP}.desktop",
                filter=owned_by_root)
        tar.add(icons / f"{APP}.png", arcname=f"{top}/share/{APP}.png", filter=owned_by_root)
    return out
