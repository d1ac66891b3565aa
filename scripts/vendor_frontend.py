#!/usr/bin/env python3
"""Refresh the vendored front-end assets in arloesi/core/static/vendor/.

Run with `make vendor` (or `python3 scripts/vendor_frontend.py`). Standard
library only; needs `npm` on PATH to fetch the packages with `npm pack`.

What it does:

* `npm pack` nhsuk-frontend and htmx.org at the pinned versions into a
  temporary directory and unpacks them;
* copies the minified NHS.UK frontend CSS and JS, its assets/ (images and
  manifest.json) and htmx.min.js, each with its package's licence;
* rewrites the NHS.UK CSS so it works offline under a 'self'-only
  Content-Security-Policy: root-relative `/assets/` urls become relative
  `assets/` (the CSS sits beside assets/), and the @font-face rules that load
  Frutiger from assets.nhs.uk are removed (the font stack falls back to Arial);
* strips sourceMappingURL comments (the .map files are not vendored, and
  Django's ManifestStaticFilesStorage fails on references to missing files);
* checks that no http(s) URL is left in the CSS and that every url() in it
  points at a vendored file;
* writes VERSIONS.md describing what was vendored.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DEST = REPO_ROOT / "arloesi" / "core" / "static" / "vendor"

NHSUK_FRONTEND = ("nhsuk-frontend", "10.6.1")
HTMX = ("htmx.org", "2.0.8")

# The nhsuk-frontend npm package ships no LICENSE file (its package.json says
# "MIT" and its README says "released under the MIT Licence"). This is the
# LICENSE file of the upstream repository, github.com/nhsuk/nhsuk-frontend.
NHSUK_FRONTEND_LICENSE = """\
MIT License

Copyright (c) 2019 NHS.UK

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.
"""

FONT_FACE_RE = re.compile(r"@font-face\s*\{[^{}]*\}", re.IGNORECASE)
URL_RE = re.compile(r"url\(\s*(['\"]?)([^'\")]*)\1\s*\)", re.IGNORECASE)
CSS_SOURCEMAP_RE = re.compile(r"/\*#\s*sourceMappingURL=[^*]*\*/\s*")
JS_SOURCEMAP_RE = re.compile(r"//#\s*sourceMappingURL=\S*\s*$")


class VendorError(Exception):
    pass


def npm_pack(name: str, version: str, workdir: Path) -> dict:
    """Fetch name@version with `npm pack`, unpack it and return its details."""
    npm = shutil.which("npm")
    if npm is None:
        raise VendorError("npm is not on PATH; install Node.js/npm (e.g. apt-get install npm)")
    spec = f"{name}@{version}"
    result = subprocess.run(  # noqa: S603 - fixed argument list, no shell
        [npm, "pack", "--json", "--silent", spec],
        cwd=workdir,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise VendorError(f"npm pack {spec} failed:\n{result.stderr.strip()}")
    info = json.loads(result.stdout)[0]
    if info["name"] != name or info["version"] != version:
        raise VendorError(f"npm pack {spec} returned {info['name']}@{info['version']}")
    unpacked = workdir / f"{name}-{version}"
    with tarfile.open(workdir / info["filename"]) as tar:
        if hasattr(tarfile, "data_filter"):
            tar.extractall(unpacked, filter="data")
        else:  # Python without tarfile extraction filters
            for member in tar.getmembers():
                target = (unpacked / member.name).resolve()
                if not target.is_relative_to(unpacked.resolve()) or not (
                    member.isfile() or member.isdir()
                ):
                    raise VendorError(f"unexpected entry {member.name!r} in {info['filename']}")
            tar.extractall(unpacked)  # noqa: S202 - members checked above
    package_dir = unpacked / "package"
    manifest = json.loads((package_dir / "package.json").read_text(encoding="utf-8"))
    return {
        "name": name,
        "version": version,
        "integrity": info.get("integrity", ""),
        "license": manifest.get("license", "unknown"),
        "dir": package_dir,
    }


def rewrite_nhsuk_css(css: str) -> str:
    removed = [rule for rule in FONT_FACE_RE.findall(css) if "assets.nhs.uk" in rule]
    for rule in removed:
        css = css.replace(rule, "")
    if not removed:
        print("note: no @font-face rules pointing at assets.nhs.uk found", file=sys.stderr)

    def relative(match: re.Match[str]) -> str:
        quote, url = match.group(1), match.group(2)
        if url.startswith("/assets/"):
            url = url[1:]
        return f"url({quote}{url}{quote})"

    css = URL_RE.sub(relative, css)
    return CSS_SOURCEMAP_RE.sub("", css).rstrip() + "\n"


def check_css(css: str, css_dir: Path) -> None:
    leftover = re.findall(r"https?://[^\s\"')]*", css)
    if leftover:
        raise VendorError(f"http URLs remain in the vendored CSS: {sorted(set(leftover))}")
    if "/assets/" in css.replace("url(assets/", ""):
        raise VendorError("root-relative /assets/ references remain in the vendored CSS")
    for _quote, url in URL_RE.findall(css):
        if url.startswith(("data:", "#")):
            continue
        path = url.split("#", 1)[0].split("?", 1)[0]
        if path.startswith("/") or not (css_dir / path).is_file():
            raise VendorError(f"CSS url({url}) does not point at a vendored file")


def strip_js_sourcemap(js: str) -> str:
    return JS_SOURCEMAP_RE.sub("", js.rstrip()).rstrip() + "\n"


def vendor_nhsuk(pkg: dict, out: Path) -> list[str]:
    dist = pkg["dir"] / "dist" / "nhsuk"
    out.mkdir(parents=True)
    css = rewrite_nhsuk_css((dist / "nhsuk-frontend.min.css").read_text(encoding="utf-8"))
    (out / "nhsuk-frontend.min.css").write_text(css, encoding="utf-8")
    js = strip_js_sourcemap((dist / "nhsuk-frontend.min.js").read_text(encoding="utf-8"))
    (out / "nhsuk-frontend.min.js").write_text(js, encoding="utf-8")
    shutil.copytree(dist / "assets", out / "assets")
    license_file = pkg["dir"] / "LICENSE"
    if license_file.is_file():
        shutil.copyfile(license_file, out / "LICENSE")
    else:
        (out / "LICENSE").write_text(NHSUK_FRONTEND_LICENSE, encoding="utf-8")
    check_css(css, out)
    return sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file())


def vendor_htmx(pkg: dict, out: Path) -> list[str]:
    out.mkdir(parents=True)
    js = strip_js_sourcemap((pkg["dir"] / "dist" / "htmx.min.js").read_text(encoding="utf-8"))
    (out / "htmx.min.js").write_text(js, encoding="utf-8")
    license_file = pkg["dir"] / "LICENSE"
    if not license_file.is_file():
        raise VendorError("htmx.org package has no LICENSE file")
    shutil.copyfile(license_file, out / "LICENSE")
    return sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file())


LICENCE_NAMES = {"MIT": "MIT", "0BSD": "Zero-Clause BSD (0BSD)"}


def table_row(pkg: dict) -> str:
    link = f"[{pkg['name']}](https://www.npmjs.com/package/{pkg['name']})"
    licence = LICENCE_NAMES.get(pkg["license"], pkg["license"])
    return f"| {link} | {pkg['version']} | {licence} | `{pkg['integrity']}` |"


def versions_md(nhsuk: dict, htmx: dict, nhsuk_files: list[str]) -> str:
    images = [f for f in nhsuk_files if f.startswith("assets/images/")]
    return f"""\
# Vendored front-end assets

These files are copied from npm packages so that Arloesi needs no CDN at run
time and works under a `'self'`-only Content-Security-Policy. Do not edit them
by hand: refresh them with

    make vendor

which runs `scripts/vendor_frontend.py` (standard library only; it runs
`npm pack` into a temporary directory, copies the files below and rewrites the
CSS as described). To move to a new version, change the pinned version in that
script and run `make vendor` again.

| Package | Version | Licence | npm integrity |
| --- | --- | --- | --- |
{table_row(nhsuk)}
{table_row(htmx)}

Each package's licence is in the `LICENSE` file beside its files. The
nhsuk-frontend npm package ships no LICENSE file, so its `LICENSE` is the one
from the upstream repository (github.com/nhsuk/nhsuk-frontend).

## nhsuk-frontend/ (from `package/dist/nhsuk/`)

- `nhsuk-frontend.min.css`, rewritten:
  - root-relative `url(/assets/...)` became relative `url(assets/...)`, so
    the images resolve beside the CSS wherever static files are served;
  - the `@font-face` rules loading Frutiger from assets.nhs.uk were removed;
    the font stack falls back to Arial, so pages work offline;
  - the `sourceMappingURL` comment was removed (source maps are not vendored).
  The script checks that no `http` URL is left and that every `url()` points
  at a vendored file.
- `nhsuk-frontend.min.js` (source map comment removed). **This is an ES
  module** (it ends with `export{{...}}`): load it with
  `<script type="module">`, e.g. from a module script of our own:
  `import {{ initAll }} from "./vendor/nhsuk-frontend/nhsuk-frontend.min.js"; initAll();`
  NHS.UK frontend only initialises components when `<body>` has the class
  `nhsuk-frontend-supported`; upstream's page template adds it (with
  `js-enabled`) from an inline `<script>`, which a `'self'`-only CSP blocks, so
  add those classes from our own script file (or put them in the template)
  before calling `initAll()`.
- `assets/manifest.json` and `assets/images/` ({len(images)} files: favicon,
  app icons and the SVG icons the CSS uses).
- `LICENSE`

## htmx/ (from `package/dist/`)

- `htmx.min.js`: a classic script (sets `window.htmx`); load with
  `<script src="..." defer>`.
- `LICENSE`
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--dest",
        type=Path,
        default=DEFAULT_DEST,
        help=f"vendor directory (default: {DEFAULT_DEST.relative_to(REPO_ROOT)})",
    )
    args = parser.parse_args(argv)
    dest: Path = args.dest.resolve()

    try:
        with tempfile.TemporaryDirectory(prefix="arloesi-vendor-") as tmp:
            workdir = Path(tmp)
            nhsuk = npm_pack(*NHSUK_FRONTEND, workdir)
            htmx = npm_pack(*HTMX, workdir)

            # Build everything in a staging directory first, so a failed run
            # leaves the current vendored files untouched.
            staging = workdir / "staging"
            nhsuk_files = vendor_nhsuk(nhsuk, staging / "nhsuk-frontend")
            vendor_htmx(htmx, staging / "htmx")
            (staging / "VERSIONS.md").write_text(
                versions_md(nhsuk, htmx, nhsuk_files), encoding="utf-8"
            )

            dest.mkdir(parents=True, exist_ok=True)
            for name in ("nhsuk-frontend", "htmx"):
                shutil.rmtree(dest / name, ignore_errors=True)
                shutil.copytree(staging / name, dest / name)
            shutil.copyfile(staging / "VERSIONS.md", dest / "VERSIONS.md")
    except VendorError as error:
        print(f"vendor_frontend: {error}", file=sys.stderr)
        return 1

    for path in sorted(p for p in dest.rglob("*") if p.is_file()):
        print(f"  {path.relative_to(dest)}  ({path.stat().st_size} bytes)")
    print(f"Vendored nhsuk-frontend {nhsuk['version']} and htmx.org {htmx['version']} into {dest}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
