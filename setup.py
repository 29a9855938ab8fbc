"""Build hook: the checker's hot modules are compiled with Cython, from the very same ``.py`` files.

Everything else (metadata, packages, data) is in pyproject.toml. The ``.py`` files hold no Cython syntax; a few
``.pxd`` files beside them declare extension types for Cython alone. Compiling removes the interpreter's dispatch:
same code, same answers, about 1.1x the throughput (docs/scaling.md, "Compiled modules"). It is optional at every step:

* no Cython importable, or ``SMISHCHECK_PURE_PYTHON=1``: nothing is compiled;
* a module that the C compiler fails on is left out (``optional=True``): its ``.py`` file is imported instead.

The ``.py`` files ship in the wheel beside the compiled modules; Python imports a compiled module first when both
are there. ``checker.compiled_modules()`` tells which ones are in use.
"""

from __future__ import annotations

import os
import sys

from setuptools import setup

#: The modules a check runs through (the CLI, training and evaluation stay interpreted: no gain there).
#: tests/test_compiled.py reads this list (``checker.compiled_modules()`` reports what runs compiled).
COMPILED = [
    "checker/advice.py",
    "checker/allowlist.py",
    "checker/core.py",
    "checker/lookalike.py",
    "checker/message.py",
    "checker/model.py",
    "checker/model_text.py",
    "checker/normalize.py",
    "checker/hangul_digits.py",
    "checker/phones.py",
    "checker/scoring.py",
    "checker/urls.py",
    "checker/verdict.py",
    "checker/rules/advert.py",
    "checker/rules/bait.py",
    "checker/rules/callback.py",
    "checker/rules/contact_lures.py",
    "checker/rules/disguised_contacts.py",
    "checker/rules/gambling.py",
    "checker/rules/impersonation.py",
    "checker/rules/merchant.py",
    "checker/rules/model.py",
    "checker/rules/no_link_lures.py",
    "checker/rules/notice.py",
    "checker/rules/openers.py",
    "checker/rules/personal_requests.py",
    "checker/rules/phone.py",
    "checker/rules/premium.py",
    "checker/rules/registry.py",
    "checker/rules/reply_lures.py",
    "checker/rules/spelling.py",
    "checker/rules/stock_tips.py",
    "checker/rules/text.py",
    "checker/rules/url.py",
    "checker/rules/wallet.py",
]


def extensions() -> list:
    if os.environ.get("SMISHCHECK_PURE_PYTHON"):
        return []
    try:
        from Cython.Build import cythonize
    except ImportError:
        return []
    from setuptools import Extension

    # Warnings about Cython's generated C are not ours to fix (gcc and clang take -w; MSVC would not).
    quiet = ["-w"] if sys.platform != "win32" else []
    modules = [
        Extension(path[:-3].replace("/", "."), [path], optional=True, extra_compile_args=quiet) for path in COMPILED
    ]
    # annotation_typing off: annotations stay documentation, as in CPython (Cython would otherwise turn a ``float``
    # annotation into a C double, which refuses None and ints). The generated C goes to build/, not beside the source.
    return cythonize(
        modules,
        build_dir="build/cython",
        compiler_directives={"language_level": 3, "annotation_typing": False},
        nthreads=os.cpu_count() or 1,
        quiet=True,
    )


setup(ext_modules=extensions(), options={"build_ext": {"parallel": os.cpu_count() or 1}})
