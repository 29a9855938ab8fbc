"""Coverage-guided fuzz target (atheris/libFuzzer) for the parts of the checker that read attacker text
character by character: the normaliser, the URL extractor and the phone finder.

Run it through ``fuzz/run.sh SECONDS`` (bounded time, crashes written to ``fuzz/crashes/``).
Replay one input: ``.venv/bin/python fuzz/fuzz_checker.py fuzz/crashes/crash-<sha1>``.

The invariants are those of ``tests/test_robustness_checker.py``; ``check_invariants`` is shared
so that every crash found here becomes a regression test there without copying the assertions.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["checker"]):
    from checker.allowlist import default_allowlist
    from checker.normalize import normalize
    from checker.phones import find_phones
    from checker.urls import default_analyzer

from fuzz_invariants import check_invariants  # outside checker/: not instrumented

ALLOWLIST = default_allowlist()
ANALYZER = default_analyzer()


def text_from(data: bytes) -> str:
    """UTF-8 input as written (lone surrogates allowed, so seeds stay readable); any other byte string
    becomes arbitrary code points (surrogates, controls, astral planes) through libFuzzer's provider."""
    try:
        return data.decode("utf-8", "surrogatepass")
    except UnicodeDecodeError:
        return atheris.FuzzedDataProvider(data).ConsumeUnicode(len(data))


def test_one_input(data: bytes) -> None:
    check_invariants(text_from(data), normalize, ANALYZER, find_phones, ALLOWLIST)


def main() -> None:
    atheris.enabled_hooks.add("RegEx")  # lets libFuzzer learn the literals inside the patterns
    atheris.enabled_hooks.add("str")
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
