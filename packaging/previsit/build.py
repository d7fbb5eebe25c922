"""Builds the pre-visit page: a folder of static files a clinic copies to its own web server.

    .venv/bin/python packaging/previsit/build.py --out DIR [--lforms PATH]

The folder holds the page (packaging/previsit/page), the files of LHC-Forms it loads
(the prebuilt `dist` of the npm package `lforms`, at the version pinned here, without
source maps) and the clinic's Questionnaire in each language of the form, written by
`intake export-form --fhir R4 [--lang CODE]` under the clinic's settings. The repository
holds none of LHC-Forms: without `--lforms` the package comes from the npm registry
(`npm pack`) and must match the pinned checksum; `--lforms` takes an installed copy
(node_modules/lforms), which must be the pinned version.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

from intake.cli import main as intake
from intake.questionnaire.loader import default_form_languages

HERE = Path(__file__).resolve().parent
PAGE = HERE / "page"
LFORMS_VERSION = "40.1.3"
LFORMS_INTEGRITY = "sha512-WLruTm+BcVnafC0rSAQ3/cNqhxvclBUxyBG68aub/uha2NaK9H8ZZcEXTTuORuGzzCt0wa7fvhuieZtcDIdPzQ=="
"""npm's checksum of the package tarball, as in a package-lock.json (tests/browser pins the same)."""
RELEASE = "R4"
"""The FHIR release of the Questionnaires and of the LHC-Forms support script the page loads (page/previsit.js)."""
LFORMS_FILES = (
    "LICENSE.md",
    "webcomponent/assets/lib/zone.min.js",
    "webcomponent/runtime.js",
    "webcomponent/polyfills.js",
    "webcomponent/main.js",
    "webcomponent/styles.css",
    "webcomponent/down_arrow_gray_10_10.png",
    "webcomponent/magnifying_glass.png",
    f"fhir/{RELEASE}/lformsFHIR.min.js",
)
"""What the page loads from the package's dist/lforms: the web component, its styles and their two
images, one FHIR release's support script, and the licence that goes with them."""


class BuildError(Exception):
    pass


def _page_languages() -> list[str]:
    """The languages the page's own words are written in: one start button each (`data-choose`)."""
    text = (PAGE / "index.html").read_text(encoding="utf-8")
    return [part.split('"', 1)[0] for part in text.split('data-choose="')[1:]]


def _npm_pack(folder: Path) -> Path:
    """The pinned package from the registry, as npm fetches it; its checksum must be the pinned one."""
    npm = shutil.which("npm")
    if npm is None:
        raise BuildError("npm not found (Debian: apt install npm), or give --lforms node_modules/lforms")
    done = subprocess.run(  # noqa: S603 - npm from PATH, fixed arguments
        [npm, "pack", f"lforms@{LFORMS_VERSION}", "--pack-destination", str(folder), "--json", "--loglevel=error"],
        capture_output=True, text=True, check=False,
    )
    if done.returncode != 0:
        raise BuildError(f"npm pack lforms@{LFORMS_VERSION} failed: {done.stderr.strip()}")
    tarball = folder / json.loads(done.stdout)[0]["filename"]
    digest = "sha512-" + base64.b64encode(hashlib.sha512(tarball.read_bytes()).digest()).decode("ascii")
    if digest != LFORMS_INTEGRITY:
        raise BuildError(f"lforms {LFORMS_VERSION} from the registry does not match the pinned checksum ({digest})")
    with tarfile.open(tarball) as archive:
        archive.extractall(folder, filter="data")
    return folder / "package"


def _installed(package: Path) -> Path:
    try:
        version = json.loads((package / "package.json").read_text(encoding="utf-8"))["version"]
    except (OSError, ValueError, KeyError) as error:
        raise BuildError(f"--lforms {package}: not an installed lforms package ({error})") from None
    if version != LFORMS_VERSION:
        raise BuildError(f"--lforms {package}: lforms {version}; the page is tested with {LFORMS_VERSION}")
    return package


def copy_lforms(package: Path, out: Path) -> None:
    for name in LFORMS_FILES:
        source = package / "dist" / "lforms" / name
        if not source.is_file():
            raise BuildError(f"{source}: missing from the lforms package")
        target = out / "lforms" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)


def export_questionnaires(out: Path) -> list[str]:
    """One Questionnaire per language, `questionnaire/<code>.json`, as `intake export-form` writes it for the clinic."""
    languages = list(default_form_languages())
    missing = [code for code in languages if code not in _page_languages()]
    if missing:
        raise BuildError(f"the form is written in {', '.join(missing)} too, but the page's own words are not (page/index.html)")
    for code in languages:
        intake(["export-form", "--fhir", RELEASE, "--lang", code, "-o", str(out / "questionnaire" / f"{code}.json")])
    return languages


def readable_by_the_web_server(out: Path) -> None:
    """`intake export-form` writes for its user only; a web server reads the site as another user."""
    for path in [out, *out.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)


def build(out: Path, lforms: Path | None) -> list[str]:
    """The site in `out` (a new or empty folder, or an earlier build, which is replaced); the languages it offers."""
    if out.exists() and any(out.iterdir()):
        if not (out / "previsit.js").is_file():
            raise BuildError(f"--out {out}: not empty and not an earlier build of this page; give a new or empty folder")
        shutil.rmtree(out)
    shutil.copytree(PAGE, out, dirs_exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="previsit-lforms-") as folder:
        copy_lforms(_installed(lforms) if lforms else _npm_pack(Path(folder)), out)
    languages = export_questionnaires(out)
    readable_by_the_web_server(out)
    return languages


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the pre-visit page (static files) into a folder.")
    parser.add_argument("--out", required=True, type=Path, help="a new or empty folder, or an earlier build (replaced)")
    parser.add_argument("--lforms", type=Path,
                        help=f"an installed lforms {LFORMS_VERSION} (node_modules/lforms) instead of `npm pack`")
    args = parser.parse_args(argv)
    try:
        languages = build(args.out, args.lforms)
    except BuildError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(f"wrote the pre-visit page to {args.out} (LHC-Forms {LFORMS_VERSION}, FHIR {RELEASE}; {', '.join(languages)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
