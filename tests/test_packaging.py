"""A non-editable install (`pip install .`) must ship allowlist/ and models/ and work from anywhere."""

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index", "-q",
         "-w", str(out), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    if result.returncode != 0 and "bdist_wheel" in result.stderr + result.stdout:
        pytest.skip("setuptools/wheel missing in this environment (install the test extra)")
    assert result.returncode == 0, result.stderr[-2000:]
    return next(out.glob("smishcheck-*.whl"))


def test_wheel_contains_the_data(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    for required in ("allowlist/domains.csv", "allowlist/phones.csv", "allowlist/notices.toml",
                     "allowlist/shorteners.txt", "allowlist/VERSION.txt", "checker/rules/notice.py"):
        assert required in names, f"{required} missing from the wheel"
    assert any(n.startswith("models/") and n.endswith((".skops", ".json")) for n in names), "no model artifact"


def test_wheel_holds_the_compiled_modules_beside_their_sources(wheel):
    """``pip install .`` compiles the hot modules (setup.py) and ships their ``.py`` files too."""
    import shutil
    import sysconfig

    if os.environ.get("SMISHCHECK_PURE_PYTHON") or not shutil.which((sysconfig.get_config_var("CC") or "cc").split()[0]):
        pytest.skip("no C compiler, or a pure-Python build asked for")
    names = zipfile.ZipFile(wheel).namelist()
    compiled = {n.split(".", 1)[0] for n in names if n.endswith(".so")}
    assert "checker/core" in compiled and "checker/rules/text" in compiled, sorted(compiled)
    assert all(f"{stem}.py" in names for stem in compiled)


def test_installed_wheel_checks_a_message_outside_the_repo(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--no-index", "-q", "--target", str(target),
         str(wheel)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    code = (
        "import json, checker; from checker import check;"
        "v = check('[국외발신] 민생회복 소비쿠폰 신청 han.gl/Zx81');"
        "print(json.dumps({'file': checker.__file__, 'risk': v.risk, 'model': v.versions['model']}))"
    )
    env = {**os.environ, "PYTHONPATH": str(target)}
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr[-2000:]
    data = json.loads(result.stdout.strip().splitlines()[-1])
    assert data["file"].startswith(str(target)), "imported the repo's checker, not the installed one"
    assert data["risk"] == "high"
    assert data["model"] != "none", "the installed package did not find its model"
