# Two commands a new user needs: `make run` and `make test` (see README).
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip
# Offline tldextract: never fetch the PSL (we also pass suffix_list_urls=() in code).
export TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS :=

.PHONY: run test install bench lint clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

# Reinstall only when the package metadata changes (a second `make test` installs nothing).
# The editable install compiles nothing itself (SMISHCHECK_PURE_PYTHON): the step below does, once.
$(VENV)/.stamp-install: pyproject.toml setup.py | $(PY)
	SMISHCHECK_PURE_PYTHON=1 $(PIP) install --quiet -e '.[test]'
	touch $@

# The hot modules compiled in place by Cython (setup.py), and after an edit only those whose source changed, so
# that no compiled module older than its .py (or .pxd) file is imported (tests/test_compiled.py checks).
$(VENV)/.stamp-compiled: $(VENV)/.stamp-install $(wildcard checker/*.py checker/rules/*.py checker/*.pxd checker/rules/*.pxd)
	$(PY) setup.py --quiet build_ext --inplace
	touch $@

install: $(VENV)/.stamp-compiled

run: install
	$(VENV)/bin/smishcheck serve --host 127.0.0.1 --port 8000

test: install
	$(PY) -m pytest

bench: install
	$(PY) benchmarks/bench_checker.py

lint: install
	$(VENV)/bin/ruff check checker service tests benchmarks

clean:
	rm -rf $(VENV) build *.egg-info
	find checker -name '*.so' -delete
