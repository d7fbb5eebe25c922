"""Builds the desktop app in one command: a one-folder bundle (PyInstaller) and, on Debian, its .deb.

    python3 packaging/build.py [--no-deb] [--no-smoke] [--maintainer "NAME <EMAIL>"]

1. A build venv of its own (build/bundle/venv-pyXY, never the project's .venv) on Python
   3.12 or later: the Qt line with the 6 MB QtPdf (see pyproject.toml). Run with an older
   python3, the script finds python3.12 or python3.13 on PATH or under pyenv and runs
   itself with it. Into it: the pinned PyInstaller and the project itself, as its wheel.
2. The icon's PNG sizes, rendered from packaging/icons/headache-intake.svg by Qt.
3. PyInstaller with packaging/bundle/headache-intake.spec: dist/headache-intake/ holds
   `intake` and `intake-kiosk`. The build stops if the folder is over 250 MB.
4. Where dpkg-deb exists: dist/headache-intake_VERSION_ARCH.deb (packaging/deb_package.py),
   its metadata checked by appstreamcli and desktop-file-validate where they are installed.
5. packaging/smoke.py against the .deb unpacked into a temporary folder (or, without a
   .deb, a copy of the bundle there): outside the project, with no venv.

A first build takes a few minutes (the venv, then PyInstaller); later ones reuse the venv.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

import deb_package
import smoke

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
WORK = ROOT / "build" / "bundle"
DIST = ROOT / "dist"
SPEC = HERE / "bundle" / "headache-intake.spec"
BUNDLE_NAME = "headache-intake"
MIN_PYTHON = (3, 12)
PYENV_VERSIONS = Path.home() / ".pyenv" / "versions"
BUILD_TOOLS = ("pyinstaller==6.22.3", "pyinstaller-hooks-contrib==2026.9")
SIZE_LIMIT_MB = 250
PY_TAG = f"py{sys.version_info[0]}{sys.version_info[1]}"
"""The venv and PyInstaller's work folder are this Python's own (compiled modules differ by version)."""
DEFAULT_MAINTAINER = "Headache Intake packagers <packagers@headacheintake.org>"


class BuildError(Exception):
    pass


def _version_of(python: str) -> tuple[int, int] | None:
    done = subprocess.run([python, "-c", "import sys; print(*sys.version_info[:2])"],  # noqa: S603 - a Python we found
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        return None
    major, minor = done.stdout.split()
    return int(major), int(minor)


def find_python() -> str | None:
    """A Python of MIN_PYTHON or later: this one, else python3.12 or python3.13 on PATH or under pyenv."""
    if sys.version_info >= MIN_PYTHON:
        return sys.executable
    on_path = [shutil.which(name) for name in ("python3.12", "python3.13")]
    pyenv = sorted(PYENV_VERSIONS.glob("3.1[2-9]*/bin/python"))
    for candidate in [*(path for path in on_path if path), *(str(path) for path in pyenv)]:
        found = _version_of(candidate)
        if found is not None and found >= MIN_PYTHON:
            return candidate
    return None


def project_version() -> str:
    return str(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"])


def metainfo_version() -> str:
    """The newest release the AppStream file announces (the first <release>)."""
    text = (deb_package.LINUX / f"{deb_package.APP_ID}.metainfo.xml").read_text(encoding="utf-8")
    found = re.search(r'<release version="([^"]+)"', text)
    return found.group(1) if found else ""


def _run(*command: str | Path, log: Path | None = None) -> None:
    """Run a build step; its output goes to `log` (shown when it fails) or to our own."""
    if log is None:
        subprocess.run([str(part) for part in command], check=True)  # noqa: S603 - the build's own tools
        return
    with log.open("w", encoding="utf-8") as out:
        done = subprocess.run([str(part) for part in command], stdout=out, stderr=subprocess.STDOUT, check=False)  # noqa: S603
    if done.returncode != 0:
        tail = "\n".join(log.read_text(encoding="utf-8").splitlines()[-30:])
        raise BuildError(f"{Path(command[0]).name} failed (its log: {log}):\n{tail}")


def build_venv() -> Path:
    """The build venv with PyInstaller and the project's wheel (built anew each time, from this tree)."""
    venv = WORK / f"venv-{PY_TAG}"
    python = venv / "bin" / "python"
    if not python.exists():
        _run(sys.executable, "-m", "venv", venv)
    stamp_text = (ROOT / "pyproject.toml").read_bytes() + " ".join(BUILD_TOOLS).encode()
    stamp = venv / f".installed-{hashlib.sha256(stamp_text).hexdigest()[:16]}"
    pip = (python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check")
    if not stamp.exists():
        print(f"build venv: {venv} (PyInstaller and the project's dependencies; a few minutes the first time)")
        _run(*pip, *BUILD_TOOLS, ROOT, log=WORK / "pip.log")
        for old in venv.glob(".installed-*"):
            old.unlink()
        stamp.touch()
    else:
        _run(*pip, "--no-deps", "--force-reinstall", ROOT, log=WORK / "pip.log")
    return venv


def render_icons(venv: Path) -> Path:
    pngs = WORK / "icons"
    sizes = [str(size) for size in deb_package.ICON_SIZES]
    _run(venv / "bin" / "python", HERE / "icons" / "render_png.py", deb_package.ICON, pngs, *sizes)
    return pngs


def freeze(venv: Path, icon: Path) -> Path:
    print("PyInstaller: dist/headache-intake (about two minutes)")
    _run(venv / "bin" / "pyinstaller", "--noconfirm", "--log-level", "WARN", "--distpath", DIST,
         "--workpath", WORK / f"pyinstaller-{PY_TAG}", SPEC, "--", "--icon", icon, log=WORK / "pyinstaller.log")
    return DIST / BUNDLE_NAME


def disk_usage_mb(folder: Path) -> float:
    """What the folder takes on disk, in MiB, as `du` counts it (blocks, links once)."""
    blocks = sum(path.lstat().st_blocks for path in folder.rglob("*")) + folder.lstat().st_blocks
    return blocks * 512 / 2**20


def check_size(bundle: Path, limit_mb: float = SIZE_LIMIT_MB) -> float:
    """The bundle's size; over the limit, the build stops and names the largest parts."""
    size = disk_usage_mb(bundle)
    if size > limit_mb:
        parts = sorted(((disk_usage_mb(path) if path.is_dir() else path.lstat().st_blocks * 512 / 2**20, path.name)
                        for path in (bundle / "_internal").iterdir()), reverse=True)[:10]
        largest = ", ".join(f"{name} {part:.0f} MB" for part, name in parts)
        raise BuildError(f"the bundle is {size:.0f} MB, over {limit_mb} MB; the largest parts: {largest}")
    return size


def make_deb(bundle: Path, pngs: Path, maintainer: str) -> Path:
    root = WORK / "deb-root"
    deb_package.stage(bundle, pngs, root)
    for said in deb_package.validate(root):
        print(f"  {said}")
    control = deb_package.Control(
        version=project_version(), architecture=deb_package.architecture(), depends=deb_package.depends(bundle),
        installed_kb=deb_package.installed_kb(root), maintainer=maintainer,
    )
    return deb_package.build(root, DIST, control)


def smoke_outside(bundle: Path, deb: Path | None) -> list[str]:
    """The smoke test from a temporary folder: the .deb unpacked there, or a copy of the bundle."""
    with tempfile.TemporaryDirectory(prefix="intake-bundle-") as place:
        if deb is not None:
            _run("dpkg-deb", "-x", deb, place)
            bin_dir = Path(place) / "usr" / "bin"
        else:
            bin_dir = Path(place) / BUNDLE_NAME
            shutil.copytree(bundle, bin_dir, symlinks=True)
        print(f"smoke test of {'the unpacked .deb' if deb else 'a copy of the bundle'} in {place}:")
        return smoke.smoke(bin_dir)


def _default_maintainer() -> str:
    """Debian's packaging tools' own variables, where the person building has set them."""
    name, email = os.environ.get("DEBFULLNAME"), os.environ.get("DEBEMAIL")
    return f"{name} <{email}>" if name and email else DEFAULT_MAINTAINER


def _options(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="packaging/build.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-deb", action="store_true", help="build the bundle only, not the Debian package")
    parser.add_argument("--no-smoke", action="store_true", help="skip the smoke test of what was built")
    parser.add_argument("--maintainer", default=_default_maintainer(),
                        help="the .deb's Maintainer field (default: DEBFULLNAME <DEBEMAIL>, else a placeholder)")
    return parser.parse_args(argv)


def build(options: argparse.Namespace) -> int:
    if metainfo_version() != project_version():
        raise BuildError(f"the AppStream file's newest release is {metainfo_version()}, the project is "
                         f"{project_version()}: add a <release> to packaging/linux/{deb_package.APP_ID}.metainfo.xml")
    WORK.mkdir(parents=True, exist_ok=True)
    venv = build_venv()
    pngs = render_icons(venv)
    bundle = freeze(venv, pngs / "256.png")
    print(f"bundle: {bundle}, {check_size(bundle):.0f} MB on disk (limit {SIZE_LIMIT_MB} MB)")
    deb = None
    if not options.no_deb and shutil.which("dpkg-deb"):
        deb = make_deb(bundle, pngs, options.maintainer)
        print(f"package: {deb}, {deb.stat().st_size / 2**20:.0f} MB")
    failures = [] if options.no_smoke else smoke_outside(bundle, deb)
    return 1 if failures else 0


def main(argv: list[str]) -> int:
    options = _options(argv)
    python = find_python()
    if python is None:
        print("error: the bundle needs Python 3.12 or later (python3.12, python3.13 or pyenv's); none found", file=sys.stderr)
        return 2
    if python != sys.executable:
        os.execv(python, [python, __file__, *argv])  # noqa: S606 - this script, under the Python it needs
    try:
        return build(options)
    except (BuildError, deb_package.PackageError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
