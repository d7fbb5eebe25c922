"""packaging/deb_package.py: the .deb's layout, its Depends and control file, built by dpkg-deb.

The bundle here is a stand-in (two scripts and a file, or copies of system programs where
Depends is read from real ELF files); tests/packaging/test_smoke.py runs a real build.
"""

from __future__ import annotations

import re
import shutil
import stat
import subprocess
from pathlib import Path

import pytest
from packaging_scripts import load

deb_package = load("deb_package")
needs_dpkg = pytest.mark.skipif(shutil.which("dpkg-deb") is None, reason="dpkg-deb is Debian's: not on this machine")


@pytest.fixture
def bundle(tmp_path: Path) -> Path:
    """A one-folder bundle's shape: both programs, and the folder they read."""
    folder = tmp_path / "headache-intake"
    (folder / "_internal" / "intake").mkdir(parents=True)
    (folder / "_internal" / "intake" / "data.txt").write_text("data\n", encoding="utf-8")
    for program in deb_package.PROGRAMS:
        (folder / program).write_text(f"#!/bin/sh\necho {program} \"$@\"\n", encoding="utf-8")
        (folder / program).chmod(0o755)
    return folder


@pytest.fixture
def pngs(tmp_path: Path) -> Path:
    folder = tmp_path / "pngs"
    folder.mkdir()
    for size in deb_package.ICON_SIZES:
        (folder / f"{size}.png").write_bytes(b"\x89PNG stand-in")
    return folder


@pytest.fixture
def root(bundle: Path, pngs: Path, tmp_path: Path) -> Path:
    staged = tmp_path / "root"
    deb_package.stage(bundle, pngs, staged)
    return staged


def _control(depends: tuple[str, ...] = ("libc6 (>= 2.34)", "fonts-dejavu-core")) -> object:
    return deb_package.Control(version="0.1.0", architecture="amd64", depends=depends, installed_kb=12,
                               maintainer="Clinic IT <it@clinic.example>")


def test_the_bundle_goes_under_opt_and_the_programs_are_linked_into_usr_bin(root: Path) -> None:
    assert (root / "opt" / "headache-intake" / "_internal" / "intake" / "data.txt").is_file()
    for program in deb_package.PROGRAMS:
        link = root / "usr" / "bin" / program
        assert link.is_symlink()
        assert not Path(link.readlink()).is_absolute(), "relative, so an unpacked tree runs as it is"
        assert link.resolve() == (root / "opt" / "headache-intake" / program).resolve()
        done = subprocess.run([str(link), "--quit-after-show"], capture_output=True, text=True, check=True)
        assert done.stdout == f"{program} --quit-after-show\n"


def test_the_desktop_finds_its_entry_icons_metadata_and_the_switched_off_autostart(root: Path) -> None:
    app_id = deb_package.APP_ID
    share = root / "usr" / "share"
    entry = (share / "applications" / f"{app_id}.desktop").read_text(encoding="utf-8")
    assert f"Icon={app_id}\n" in entry
    assert "Exec=intake-kiosk --windowed\n" in entry
    assert (share / "metainfo" / f"{app_id}.metainfo.xml").is_file()
    assert (share / "icons" / "hicolor" / "scalable" / "apps" / f"{app_id}.svg").read_bytes().startswith(b"<?xml")
    for size in deb_package.ICON_SIZES:
        assert (share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{app_id}.png").is_file()
    autostart = (root / deb_package.AUTOSTART).read_text(encoding="utf-8")
    assert "\nHidden=true\n" in autostart
    assert "\nExec=intake-kiosk\n" in autostart
    assert (share / "doc" / "headache-intake" / "copyright").is_file()


def test_files_are_readable_by_everyone_and_folders_open(root: Path) -> None:
    for path in root.rglob("*"):
        if path.is_symlink():
            continue
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode & 0o444 == 0o444, path
        assert mode & 0o022 == 0, path
        if path.is_dir():
            assert mode == 0o755, path


def test_staging_again_starts_from_an_empty_tree(bundle: Path, pngs: Path, root: Path) -> None:
    (root / "left-over").write_text("old\n", encoding="utf-8")
    deb_package.stage(bundle, pngs, root)
    assert not (root / "left-over").exists()


def test_the_control_file_names_the_package_its_version_and_what_it_needs() -> None:
    text = _control().text()
    assert text.startswith("Package: headache-intake\nVersion: 0.1.0\nArchitecture: amd64\n")
    assert "Depends: libc6 (>= 2.34), fonts-dejavu-core\n" in text
    assert "Installed-Size: 12\n" in text
    description = text.split("Description: ", 1)[1].splitlines()
    assert all(line.startswith(" ") and len(line) <= 80 for line in description[1:])


def _needed(program: Path) -> list[str]:
    dynamic = subprocess.run(["readelf", "-d", "-W", str(program)], capture_output=True, text=True, check=True).stdout
    return re.findall(r"Shared library: \[([^\]]+)\]", dynamic)


@needs_dpkg
def test_depends_names_the_packages_of_the_system_libraries_and_the_c_library_version(tmp_path: Path) -> None:
    """A copy of `true` links the C library only: Depends is libc6 at the newest GLIBC symbol it uses."""
    true = Path(shutil.which("true") or "/bin/true")
    if _needed(true) != ["libc.so.6"]:
        pytest.skip(f"{true} links more than the C library here: {_needed(true)}")
    folder = tmp_path / "bundle"
    folder.mkdir()
    shutil.copy(true, folder / "intake")
    symbols = subprocess.run(["readelf", "-V", "-W", str(true)], capture_output=True, text=True, check=True).stdout
    newest = max(re.findall(r"Name: GLIBC_([0-9.]+)", symbols), key=lambda v: tuple(int(p) for p in v.split(".")))
    assert deb_package.depends(folder) == (f"libc6 (>= {newest})", "fonts-dejavu-core")


@needs_dpkg
def test_a_library_the_bundle_carries_is_not_a_dependency(tmp_path: Path) -> None:
    """`ls` links SELinux's library on Debian; with a copy of it in the bundle, libselinux1 is not needed."""
    ls = Path(shutil.which("ls") or "/bin/ls")
    if "libselinux.so.1" not in _needed(ls):
        pytest.skip(f"{ls} does not link libselinux here")
    folder = tmp_path / "bundle"
    (folder / "_internal").mkdir(parents=True)
    shutil.copy(ls, folder / "intake")
    assert "libselinux1" in deb_package.depends(folder)
    (folder / "_internal" / "libselinux.so.1").write_bytes(b"carried")
    assert "libselinux1" not in deb_package.depends(folder)


@needs_dpkg
def test_dpkg_deb_builds_the_package_with_its_fields_files_and_conffile(root: Path, tmp_path: Path) -> None:
    deb = deb_package.build(root, tmp_path / "out", _control())
    assert deb.name == "headache-intake_0.1.0_amd64.deb"
    field = subprocess.run(["dpkg-deb", "-f", str(deb), "Package", "Version", "Depends"],
                           capture_output=True, text=True, check=True).stdout
    assert field == "Package: headache-intake\nVersion: 0.1.0\nDepends: libc6 (>= 2.34), fonts-dejavu-core\n"
    listing = subprocess.run(["dpkg-deb", "-c", str(deb)], capture_output=True, text=True, check=True).stdout
    assert "root/root" in listing.splitlines()[0], "owned by root whoever builds it"
    assert "./usr/bin/intake-kiosk -> ../../opt/headache-intake/intake-kiosk" in listing
    conffiles = subprocess.run(["dpkg-deb", "--ctrl-tarfile", str(deb)], capture_output=True, check=True).stdout
    assert b"/etc/xdg/autostart/headache-intake-kiosk.desktop\n" in conffiles


def test_installed_size_counts_every_file_in_kib(tmp_path: Path) -> None:
    (tmp_path / "a").write_bytes(b"x" * 1025)
    (tmp_path / "b").write_bytes(b"x" * 10)
    assert deb_package.installed_kb(tmp_path) == 2


def test_the_desktop_validators_accept_the_metadata_where_installed(root: Path) -> None:
    said = deb_package.validate(root)
    assert len(said) == 2
    if all(line.endswith("not checked") for line in said):
        pytest.skip("neither appstreamcli nor desktop-file-validate is installed")
    assert [line for line in said if not line.endswith(("valid", "not checked"))] == []


def test_the_kiosk_window_names_the_desktop_entry_the_package_installs() -> None:
    """On Wayland the dock finds the window's icon and menu entry by this name only."""
    from intake.ui.app import DESKTOP_ID

    assert DESKTOP_ID == deb_package.APP_ID
    assert (deb_package.LINUX / f"{DESKTOP_ID}.desktop").is_file()
