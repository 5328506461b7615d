"""Install: every module geomap imports comes with `pip install .` (what `make map` runs), and a
module that is missing anyway is one clear line naming what to install, never a traceback."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib import metadata
from pathlib import Path

import pytest

from geomap.cli import main

ROOT = Path(__file__).resolve().parents[1]
#: imported only by test helpers inside the package (headless browser checks of the map)
TEST_ONLY = {"selenium"}


def _imported_modules() -> dict[str, str]:
    """Top-level third-party module -> one file that imports it, over all of geomap/."""
    found: dict[str, str] = {}
    for path in sorted((ROOT / "geomap").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                if top != "geomap" and top not in sys.stdlib_module_names:
                    found.setdefault(top, str(path.relative_to(ROOT)))
    return found


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _closure(requirements: list[str]) -> set[str]:
    """Distributions installed by these requirements, with their own (non-extra) requirements
    and the extras the requirement asks for."""
    todo = list(requirements)
    seen: set[str] = set()
    while todo:
        req = todo.pop()
        m = re.match(r"\s*([A-Za-z0-9_.-]+)(?:\[([^\]]*)\])?", req)
        name, extras = _norm(m[1]), {e.strip() for e in (m[2] or "").split(",") if e.strip()}
        key = name + "[" + ",".join(sorted(extras)) + "]"
        if key in seen:
            continue
        seen.add(key)
        try:
            reqs = metadata.requires(name) or []
        except metadata.PackageNotFoundError:
            continue
        for sub in reqs:
            spec, _, marker = sub.partition(";")
            extra = re.search(r"extra\s*==\s*['\"]([^'\"]+)['\"]", marker)
            if extra and extra[1] not in extras:
                continue
            if marker.strip() and not extra and "python_version" not in marker \
                    and "sys_platform" not in marker and "platform" not in marker:
                continue
            todo.append(spec)
    return {k.split("[")[0] for k in seen}


def test_every_imported_module_is_a_declared_dependency() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    installed = _closure(project["dependencies"])
    providers = metadata.packages_distributions()
    missing = {}
    for module, where in _imported_modules().items():
        if module in TEST_ONLY:
            continue
        dists = {_norm(d) for d in providers.get(module, [])}
        if not dists & installed:
            missing[module] = where
    assert missing == {}, f"imported but not installed by `pip install .`: {missing}"
    assert {"dask", "distributed", "dask-geopandas", "feedparser",
            "charset-normalizer"} <= installed


def test_a_missing_module_is_one_line_naming_what_to_install(tmp_path, capsys, monkeypatch,
                                                              gazetteer) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Kyiv\n\nShelling in Kyiv.\n", encoding="utf-8")
    for name in ("dask", "distributed"):
        monkeypatch.setitem(sys.modules, name, None)  # import dask -> ModuleNotFoundError
    code = main(["geoparse", str(article), "--engine", "dask", "--no-progress"])
    out, err = capsys.readouterr()
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "Traceback" not in err
    assert re.search(r"'(dask|distributed)' is not installed: install it with 'pip install "
                     r"dask\[distributed\]'", err)


@pytest.mark.filterwarnings("ignore:Port .* is already in use:UserWarning")
@pytest.mark.filterwarnings("ignore::ResourceWarning")
@pytest.mark.parametrize("engine", ["local", "dask"])
def test_readme_engines_work_as_installed(tmp_path, capsys, gazetteer, engine) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Kyiv\n\nDrones struck Odesa and Kharkiv overnight.\n", encoding="utf-8")
    out_file = tmp_path / "m.jsonl"
    code = main(["geoparse", str(article), "--engine", engine, "--workers", "1",
                 "-o", str(out_file), "--no-progress", "--no-cache"])
    capsys.readouterr()
    assert code == 0
    assert "Odesa" in out_file.read_text(encoding="utf-8")
