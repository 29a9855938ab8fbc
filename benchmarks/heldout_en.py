"""English held-out check for a retraining: the model alone on texts that no training ever reads.

    .venv/bin/python benchmarks/heldout_en.py [--model models/text_model.skops]

`models/heldout/en_smishing.txt` (80 modern lures) and `en_legit.txt` (50 real-looking bank, delivery, toll and code notices)
were written by us for this, one message per line, and are never added to `tests/corpus` (a test keeps them apart). Prints, at
the model's English threshold, how many of each are flagged and the mean logit margin above the threshold: the margin moves
with a recipe change long before the counts do (seed-to-seed noise ≈ 0.1; see the model card, `2026-12-07.4`).

This is `benchmarks/heldout.py --lang en --model-only`; that script also scores the Korean held-out files and the whole
checker and the rules alone.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from heldout import main as heldout_main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", help="a model artifact other than the shipped one")
    args = parser.parse_args(argv)
    return heldout_main(["--lang", "en", "--model-only"] + (["--model", args.model] if args.model else []))


if __name__ == "__main__":
    raise SystemExit(main())
