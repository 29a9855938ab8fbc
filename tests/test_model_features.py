"""The classifier's hot path against the plain versions it replaces (normalisation, scoring)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.model import has_hangul, hashed_ngrams, load_model, model_texts
from checker.model_text import normalize_for_model


def test_packed_bucket_weights_give_the_scores_of_the_two_arrays():
    model = load_model()
    texts = ["Claim your free prize now at http://x.co/a", "택배 보관 중 http://a.kr/b", "ok see you", ""]
    doc, bucket = hashed_ngrams(model_texts(texts), model.ngram_range, model.n_bits)
    dot = np.bincount(doc, weights=model.coef_idf[bucket], minlength=len(texts))
    norm = np.sqrt(np.bincount(doc, weights=model.idf_sq[bucket], minlength=len(texts)))
    norm[norm == 0] = 1.0
    assert np.array_equal(model.decision_function(texts), dot / norm + model.intercept)


# --- normalisation: the whitespace pass that was dropped ---------------------------------------------------

_NORM_ALPHABET = st.sampled_from(
    list("가나 \t\n\u3000\u200b.?？*＊\ufffdXx0123456789-:/ab") + ["http://", "www.", ".com", "01X-XXXX-XXXX", " ?? "]
)


def _plain_normalize(text: str) -> str:
    """normalize_for_model as it was before: one final split/join over the whole result."""
    import unicodedata

    from checker import model_text as mt

    text = mt._INVISIBLE.sub("", unicodedata.normalize("NFKC", text))
    parts = [mt._URL.sub(f" {mt.URL_TOKEN} ", p) if ("." in p or "://" in p) else p for p in text.split()]
    text = mt._PHONE_MASK.sub("0", " ".join(parts))
    text = mt._LOST_CHARS.sub(" ", mt._STAR_MASK.sub("0", mt._X_MASK.sub("0", text)))
    return " ".join(mt._NUMBERS.sub("0", text.lower()).split())


@settings(max_examples=500, deadline=None)
@given(st.lists(_NORM_ALPHABET, max_size=40).map("".join))
def test_normalisation_needs_no_final_whitespace_pass(text):
    assert normalize_for_model(text) == _plain_normalize(text)


@pytest.mark.parametrize("text", ["보기:http://x.kr/a 클릭", "?? 안녕 ？？ 하세요 ??", "  a\tb  ", "010-1234-5678 ** XXX 1 2 3",
                                  "Ｆｕｌｌ\u3000ｗｉｄｔｈ", "go www.a.com.", "x \ufffd y", "0 ?? 0"])
def test_normalisation_cases_match_the_plain_version(text):
    assert normalize_for_model(text) == _plain_normalize(text)


def test_model_texts_are_what_the_features_read():
    assert model_texts(["FREE  Prize!! call 09061701461"]) == ["free prize!! call 0"]
    assert has_hangul("택배") and not has_hangul("parcel")
