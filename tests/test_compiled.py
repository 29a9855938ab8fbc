"""The hot modules compiled by Cython (setup.py) are the same code as their ``.py`` files: same verdicts, never stale.

A compiled module is imported before its ``.py`` file, so an edit that was not rebuilt would go unseen; ``make``
rebuilds what changed, and the first test here fails loudly when something was not rebuilt.
"""

from __future__ import annotations

import ast
import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tomllib
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

import pytest

import checker
from checker import Checker, Item

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = ROOT.parent / "shared" / "data"


def listed_modules() -> list[str]:
    """``COMPILED`` of setup.py, as module names (read, not imported: importing setup.py runs the build)."""
    tree = ast.parse((ROOT / "setup.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.AnnAssign | ast.Assign):
            targets = [node.target] if isinstance(node, ast.AnnAssign) else node.targets
            if any(isinstance(t, ast.Name) and t.id == "COMPILED" for t in targets):
                return sorted(path[:-3].replace("/", ".") for path in ast.literal_eval(node.value))
    raise AssertionError("setup.py has no COMPILED list")


def compiled_files() -> list[Path]:
    return [path for path in (ROOT / "checker").rglob("*") if path.name.endswith(tuple(EXTENSION_SUFFIXES))]


def test_no_compiled_module_is_older_than_its_source():
    """A compiled module must be newer than its ``.py`` file and its ``.pxd`` file (Cython's declarations), if any."""
    stale = []
    for path in compiled_files():
        stem = path.name.split(".", 1)[0]
        source, declarations = path.parent / f"{stem}.py", path.parent / f"{stem}.pxd"
        newest = max(p.stat().st_mtime for p in (source, declarations) if p.exists()) if source.exists() else None
        if newest is None or newest > path.stat().st_mtime:
            stale.append(str(path.relative_to(ROOT)))
    assert not stale, f"compiled modules older than their .py/.pxd file (or without a .py): {stale}; run `make install`"


def test_every_listed_module_exists_and_only_those_are_compiled():
    for name in listed_modules():
        assert (ROOT / (name.replace(".", "/") + ".py")).is_file(), name
    built = sorted(str(p.relative_to(ROOT).parent / p.name.split(".", 1)[0]).replace("/", ".") for p in compiled_files())
    assert set(built) <= set(listed_modules()), "a compiled module that setup.py no longer lists is left over"


def _c_compiler() -> bool:
    compiler = (sysconfig.get_config_var("CC") or "cc").split()[0]
    return shutil.which(compiler) is not None


@pytest.mark.skipif(bool(os.environ.get("SMISHCHECK_PURE_PYTHON")), reason="pure-Python build asked for")
@pytest.mark.skipif(not _c_compiler(), reason="no C compiler: the install is pure Python")
def test_the_hot_modules_run_compiled():
    """With a C compiler, `make install` compiles every listed module (a silent fallback would cost the speed)."""
    Checker(model=None).check("확인 http://example.com 010-0000-0000")
    __import__("checker.rules")
    for name in listed_modules():
        __import__(name)
    assert checker.compiled_modules() == listed_modules()


def test_a_subclass_of_str_is_checked_as_its_text():
    """Plain Python takes any str; a compiled module must too (a ``str`` declaration in a .pxd would refuse these)."""
    import numpy as np

    class Text(str):
        pass

    for text in ("[국외발신] 민생회복 소비쿠폰 신청 han.gl/Zx81 010-1234-5678", "hello world", "www.gov.kr 1588-1234"):
        expected = Checker().check(text).to_dict()
        assert Checker().check(Text(text)).to_dict() == expected
        assert Checker().check(np.str_(text)).to_dict() == expected
        assert Checker().check(text, sender=Text("010-1234-5678")).to_dict() == Checker().check(
            text, sender="010-1234-5678").to_dict()


def _texts() -> list[str]:
    texts = []
    for path in sorted((ROOT / "tests" / "corpus").glob("*.toml")):
        texts += [case["text"] for case in tomllib.loads(path.read_text(encoding="utf-8"))["case"]]
    texts += ["ｈｔｔｐ：／／ｇｏｖ．ｋｒ．ｅｖｉｌ．ｃｏｍ", "\u202eknil\u202c 010-1234-5678", "x" * 5000, "가\u0301" * 300,
              "[국외발신] 민생회복 소비쿠폰 han.gl/Zx81", "hxxp://192.168.0.1/a.apk 1588 1234"]
    if SHARED_DATA.is_dir():  # real texts too, when the shared data sets are there (a few hundred per set)
        import csv

        csv.field_size_limit(10**7)
        for data in sorted(SHARED_DATA.glob("*/data.csv")):
            with data.open(encoding="utf-8", newline="") as handle:
                rows = list(csv.DictReader(handle))
            texts += [row["text"] for row in rows[:: max(1, len(rows) // 300)] if row.get("text", "").strip()]
    return texts


_PURE_RUN = """
import json, sys
from checker import Checker, Item, compiled_modules
texts = json.load(sys.stdin)
checker = Checker()
verdicts = checker.check_many([Item(t) for t in texts])
json.dump({"compiled": compiled_modules(), "verdicts": [v.to_dict() for v in verdicts]}, sys.stdout, ensure_ascii=False)
"""


@pytest.mark.skipif(not compiled_files(), reason="nothing is compiled here")
def test_compiled_and_pure_python_give_the_same_verdicts(tmp_path):
    """The same texts checked by the compiled modules (here) and by the ``.py`` files alone (a copy of the package
    without the compiled files, in another process) give byte-identical verdicts."""
    shutil.copytree(ROOT / "checker", tmp_path / "checker", ignore=shutil.ignore_patterns("*.so", "*.pyd", "__pycache__"))
    texts = _texts()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path), str(ROOT)])}
    result = subprocess.run([sys.executable, "-c", _PURE_RUN], input=json.dumps(texts), env=env, cwd=tmp_path,
                            capture_output=True, text=True, timeout=600, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    pure = json.loads(result.stdout)
    assert pure["compiled"] == [], "the copy imported compiled modules"
    here = [v.to_dict() for v in Checker().check_many([Item(t) for t in texts])]
    assert checker.compiled_modules(), "this process runs no compiled module"
    assert len(here) == len(pure["verdicts"])
    for text, mine, theirs in zip(texts, here, pure["verdicts"], strict=True):
        assert json.loads(json.dumps(mine, ensure_ascii=False)) == theirs, text[:80]
