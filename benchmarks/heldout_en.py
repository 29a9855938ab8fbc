"""English held-out check for a retraining: the model alone on texts that no training ever reads.

    .venv/bin/python benchmarks/heldout_en.py [--model models/text_model.skops]

`models/heldout/en_smishing.txt` (80 modern lures) and `en_legit.txt` (50 real-looking bank, delivery, toll and code notices)
were written by us for this, one message per line, and are never added to `tests/corpus` (a test keeps them apart). Prints, at
the model's English threshold, how many of each are flagged and the mean logit margin above the threshold: the margin moves
with a recipe change long before the counts do (seed-to-seed noise ≈ 0.1; see the model card, `2026-12-07.4`).
"""

from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HELDOUT = ROOT / "models" / "heldout"


def read_lines(path: Path) -> list[str]:
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def logit(p: float) -> float:
    p = min(max(p, 1e-6), 1 - 1e-6)
    return math.log(p / (1 - p))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", help="a model artifact other than the shipped one")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from checker.model import load_model

    model = load_model(args.model)
    print(f"model {model.version}: English threshold {model.threshold_other:.4f}")
    for name in ("en_smishing", "en_legit"):
        texts = read_lines(HELDOUT / f"{name}.txt")
        probs = model.predict_proba(texts)
        flagged = sum(p >= model.threshold_other for p in probs)
        margin = sum(logit(p) - logit(model.threshold_other) for p in probs) / len(probs)
        print(f"{name:12s} {flagged:3d} / {len(texts)} flagged, mean logit margin {margin:+.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
