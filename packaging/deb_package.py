"""The Debian package of the desktop bundle: the folder under /opt, and what a desktop needs to offer it.

    /opt/headache-intake/                    the bundle (intake, intake-kiosk, _internal/)
    /usr/bin/intake, /usr/bin/intake-kiosk   relative links into it, so an unpacked tree works too
    /usr/share/applications/ID.desktop       the menu entry (a window; its action: the kiosk)
    /usr/share/icons/hicolor/…/ID.svg|png    the icon, scalable and rendered
    /usr/share/metainfo/ID.metainfo.xml      AppStream metadata for software centres
    /etc/xdg/autostart/headache-intake-kiosk.desktop
                                             the kiosk at login, installed switched off (Hidden=true)

Depends lists the system packages that hold the libraries the bundle links and does not
carry (the spec leaves those to the system), found with dpkg on the build machine, and
the C library at the newest symbol version any of them needs. The desktop and icon
caches are refreshed by the triggers of desktop-file-utils and the icon theme, so the
package has no maintainer scripts.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sysconfig
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
LINUX = HERE / "linux"
ICON = HERE / "icons" / "headache-intake.svg"
APP_ID = "org.headacheintake.HeadacheIntake"
PACKAGE = "headache-intake"
INSTALL_DIR = Path("opt") / PACKAGE
PROGRAMS = ("intake", "intake-kiosk")
AUTOSTART = Path("etc/xdg/autostart/headache-intake-kiosk.desktop")
ICON_SIZES = (32, 48, 64, 128, 256)
ALWAYS_DEPENDS = ("fonts-dejavu-core",)
"""What Qt needs and no library names: a font for the screens (the PDFs carry their own)."""
DESCRIPTION = """\
Description: Patient intake and referral check for headache clinics
 A front-desk intake for headache clinics: the patient answers the clinic's
 questionnaire on a touch kiosk, the app checks the answers against the
 clinic's referral criteria and writes the clinician's one-page summary.
 Visits are kept in an encrypted database with a signed audit log.
 .
 The app is a self-contained folder in /opt/headache-intake; the commands
 intake (assess, reports, exports, accounts) and intake-kiosk (the kiosk
 window) are linked into /usr/bin.
"""


class PackageError(Exception):
    pass


@dataclass(frozen=True)
class Control:
    """The fields of DEBIAN/control that change from build to build."""

    version: str
    architecture: str
    depends: tuple[str, ...]
    installed_kb: int
    maintainer: str

    def text(self) -> str:
        fields = {
            "Package": PACKAGE, "Version": self.version, "Architecture": self.architecture,
            "Maintainer": self.maintainer, "Installed-Size": str(self.installed_kb),
            "Depends": ", ".join(self.depends), "Section": "misc", "Priority": "optional",
        }
        return "".join(f"{key}: {value}\n" for key, value in fields.items()) + DESCRIPTION


def _copy(source: Path, target: Path, mode: int = 0o644) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    target.chmod(mode)


def stage(bundle: Path, pngs: Path, root: Path) -> None:
    """Lay out the package's files under `root` (made anew): the bundle and the desktop's files.

    `pngs` holds the icon rendered at each size of ICON_SIZES, as `SIZE.png`.
    """
    if root.exists():
        shutil.rmtree(root)
    shutil.copytree(bundle, root / INSTALL_DIR, symlinks=True)
    for program in PROGRAMS:
        link = root / "usr" / "bin" / program
        link.parent.mkdir(parents=True, exist_ok=True)
        link.symlink_to(Path("..") / ".." / INSTALL_DIR / program)
    share = root / "usr" / "share"
    _copy(LINUX / f"{APP_ID}.desktop", share / "applications" / f"{APP_ID}.desktop")
    _copy(LINUX / f"{APP_ID}.metainfo.xml", share / "metainfo" / f"{APP_ID}.metainfo.xml")
    _copy(LINUX / "headache-intake-kiosk-autostart.desktop", root / AUTOSTART)
    _copy(LINUX / "copyright", share / "doc" / PACKAGE / "copyright")
    _copy(ICON, share / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg")
    for size in ICON_SIZES:
        _copy(pngs / f"{size}.png", share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png")
    for folder in (root, *(path for path in root.rglob("*") if path.is_dir() and not path.is_symlink())):
        folder.chmod(0o755)


def _is_elf(path: Path) -> bool:
    with path.open("rb") as file:
        return file.read(4) == b"\x7fELF"


def _elf_files(folder: Path) -> list[Path]:
    return [path for path in folder.rglob("*") if path.is_file() and not path.is_symlink() and _is_elf(path)]


def _readelf(*args: str) -> str:
    return subprocess.run(["readelf", *args], capture_output=True, text=True, check=True).stdout  # noqa: S603, S607 - binutils, fixed arguments


def _system_libraries(bundle: Path) -> tuple[set[str], str]:
    """The libraries the bundle's programs and libraries link and the bundle does not hold,
    and the newest GLIBC symbol version any of its files asks for."""
    elves = _elf_files(bundle)
    carried = {path.name for path in bundle.rglob("*")}
    needed: set[str] = set()
    glibc = "2.17"
    for elf in elves:
        needed |= set(re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", _readelf("-d", "-W", str(elf))))
        for version in re.findall(r"Name: GLIBC_([0-9.]+)", _readelf("-V", "-W", str(elf))):
            glibc = max(glibc, version, key=lambda text: tuple(int(part) for part in text.split(".")))
    return needed - carried, glibc


def _library_paths() -> dict[str, Path]:
    """Each library the dynamic linker knows on this machine, in this architecture's folders
    (`/lib/x86_64-linux-gnu`, …), not another architecture's copy of it."""
    triplet = sysconfig.get_config_var("MULTIARCH")
    listing = subprocess.run(["/sbin/ldconfig", "-p"], capture_output=True, text=True, check=True).stdout
    paths: dict[str, Path] = {}
    for match in re.finditer(r"^\s*(\S+) \([^)]*\) => (\S+)$", listing, re.MULTILINE):
        name, path = match.groups()
        if not triplet or f"/{triplet}/" in path:
            paths.setdefault(name, Path(path))
    return paths


def _owner(path: Path) -> str:
    """The installed Debian package that holds a file (merged /usr: under either of its names)."""
    candidates = [path, path.resolve()]
    candidates += [Path("/usr") / p.relative_to("/") for p in list(candidates) if not p.is_relative_to("/usr")]
    for candidate in candidates:
        done = subprocess.run(["dpkg", "-S", str(candidate)], capture_output=True, text=True, check=False)  # noqa: S603, S607 - dpkg, a path
        if done.returncode == 0:
            return done.stdout.split(":", 1)[0].split(",")[0].strip()
    raise PackageError(f"no installed package holds {path}")


def depends(bundle: Path) -> tuple[str, ...]:
    """The packages the bundle needs from the system, sorted, the C library with its version."""
    libraries, glibc = _system_libraries(bundle)
    known = _library_paths()
    missing = sorted(name for name in libraries if name not in known)
    if missing:
        raise PackageError(f"the bundle links libraries this machine lacks: {', '.join(missing)}")
    packages = {_owner(known[name]) for name in libraries} | set(ALWAYS_DEPENDS)
    packages.discard("libc6")
    return (f"libc6 (>= {glibc})", *sorted(packages))


def installed_kb(root: Path) -> int:
    """What the package takes on disk, in KiB, as dpkg's Installed-Size field counts it."""
    total = sum(path.lstat().st_size for path in root.rglob("*") if path.is_file() or path.is_symlink())
    return -(-total // 1024)


def write_control(root: Path, control: Control) -> None:
    debian = root / "DEBIAN"
    debian.mkdir(mode=0o755, exist_ok=True)
    (debian / "control").write_text(control.text(), encoding="utf-8")
    # The autostart entry is the site's to switch on: an upgrade keeps an edited copy.
    (debian / "conffiles").write_text(f"/{AUTOSTART}\n", encoding="utf-8")


def build(root: Path, out_dir: Path, control: Control) -> Path:
    """dpkg-deb's package of the staged tree, files owned by root whoever builds it."""
    write_control(root, control)
    out_dir.mkdir(parents=True, exist_ok=True)
    deb = out_dir / f"{PACKAGE}_{control.version}_{control.architecture}.deb"
    subprocess.run(  # noqa: S603 - dpkg-deb, paths we made
        ["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(root), str(deb)],  # noqa: S607 - dpkg-deb from PATH
        check=True, stdout=subprocess.DEVNULL, env={**os.environ, "LC_ALL": "C.UTF-8"},
    )
    return deb


def architecture() -> str:
    return subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True, check=True).stdout.strip()  # noqa: S607 - dpkg


def validate(root: Path) -> list[str]:
    """Check the metadata with the desktop's own validators, where installed; what each said."""
    checks = [
        ("appstreamcli", ["validate", "--no-net", str(root / "usr/share/metainfo" / f"{APP_ID}.metainfo.xml")]),
        ("desktop-file-validate", [str(root / "usr/share/applications" / f"{APP_ID}.desktop"), str(root / AUTOSTART)]),
    ]
    said = []
    for tool, args in checks:
        program = shutil.which(tool)
        if program is None:
            said.append(f"{tool}: not installed, not checked")
            continue
        done = subprocess.run([program, *args], capture_output=True, text=True, check=False)  # noqa: S603 - a validator, our files
        if done.returncode != 0:
            raise PackageError(f"{tool} refused the package's metadata:\n{done.stdout}{done.stderr}")
        said.append(f"{tool}: valid")
    return said
