# Two entry points: `make build` (set up + rebuild everything) and `make test` (set up + run the tests).
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin

.PHONY: build test test-battery test-realistic setup bytecode data check goldens bench clean browser-check

$(BIN)/snhr-data: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	PYTHONWARNINGS='ignore:Editable installation' $(BIN)/python -m pip install --quiet -e '.[test]'
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 >/dev/null
	$(BIN)/python -c "import matplotlib.font_manager"  # matplotlib's font cache, built once per machine
	touch $@

setup: $(BIN)/snhr-data

# The package's bytecode, written once before a run that starts many Python processes (test workers, build
# subprocesses, kernels): where PYTHONDONTWRITEBYTECODE is set, each would otherwise compile the package again
# (about 0.4 s of CPU each). Only changed modules are compiled; __pycache__ is ignored by git and the build keys.
# The reader's compiled regular expressions are kept there too (snhr_data/pattern_cache.py: about 0.4 s of CPU in
# each process that reads a report; the data stage also writes them when it compiled one that was not kept).
bytecode: setup
	$(BIN)/python -m compileall -q snhr_data >/dev/null
	$(BIN)/python -m snhr_data.pattern_cache >/dev/null

build: setup bytecode
	$(BIN)/snhr-data build

data: setup
	$(BIN)/snhr-data build-data

check: setup
	$(BIN)/snhr-data check

# PYTHONDONTWRITEBYTECODE is lifted for the tests: pytest then keeps the modules it rewrites for its assertion
# messages (the test files, and whole plugin packages such as Hypothesis, ~100 modules) in __pycache__. The
# controller rewrites the plugins before it starts the two workers, which then load them instead of rewriting them
# again (about 1 s of CPU each), and a second run rewrites nothing.
# `make test` leaves out the ~1,450 held-out realistic texts (tests/cases/realistic/, the mark `realistic`): they are
# the corpus each round of the reader is measured on, two thirds of the suite's CPU and growing every round.
# `make test-realistic` runs them, spread case by case over both processes. It also leaves out the bulk of the sweeps
# (the mark `battery`): of the mutations of the real reports, the fuzzed excerpts and the PDF layouts it runs a sample
# (every kind of each), and the interrupted builds (tests/test_faults.py) not at all; `make test-battery` runs the
# rest. CI (.ci/run) runs all three targets.
test: setup bytecode
	env -u PYTHONDONTWRITEBYTECODE $(BIN)/python -m pytest -m "not realistic and not battery"
	@echo "make test: the realistic corpus and the sweeps' bulk are left to make test-realistic and make test-battery (CI runs all three)"

test-battery: setup bytecode
	env -u PYTHONDONTWRITEBYTECODE $(BIN)/python -m pytest -m battery

test-realistic: setup bytecode
	env -u PYTHONDONTWRITEBYTECODE $(BIN)/python -m pytest -m realistic --dist load tests/test_cases.py

goldens: setup
	$(BIN)/snhr-data regenerate-goldens

# Headless Chromium opens reports/index.html and a report page (tests/test_browser.py); installs
# Debian's chromium first when it is missing. Screenshots: build/browser-check/.
browser-check: setup
	command -v chromium >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq chromium; }
	$(BIN)/python -m pytest -p no:cacheprovider -rs tests/test_browser.py

# Build benchmark on a synthetic archive (benchmarks/build_benchmark.py); BENCH_N=200 for the archive scale.
BENCH_N ?= 20
bench: setup
	$(BIN)/python benchmarks/build_benchmark.py --n $(BENCH_N)

clean:
	rm -rf $(VENV) build *.egg-info
