"""The English held-out texts (models/heldout/) judge retrainings only if no training ever reads them."""

from __future__ import annotations

from pathlib import Path

from checker.model_text import dedup_key
from checker.training_data import load_corpus

REPO_ROOT = Path(__file__).resolve().parents[1]
HELDOUT = REPO_ROOT / "models" / "heldout"


def _heldout() -> list[str]:
    return [line.strip() for path in sorted(HELDOUT.glob("*.txt"))
            for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_heldout_sets_are_there_and_distinct():
    texts = _heldout()
    assert len(texts) >= 100
    assert len({dedup_key(t) for t in texts}) == len(texts)


def test_no_heldout_text_is_in_the_training_corpus():
    corpus_keys = {dedup_key(row.text) for row in load_corpus(REPO_ROOT / "tests" / "corpus")}
    overlap = [t for t in _heldout() if dedup_key(t) in corpus_keys]
    assert not overlap, f"held-out texts copied into tests/corpus (the trainer reads it): {overlap[:3]}"
