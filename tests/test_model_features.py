"""The classifier's features and hot path against plain versions (hashing, normalisation, scoring)."""

from __future__ import annotations

import itertools
import re
import zipfile
from collections import Counter

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker import model as model_mod
from checker.model import (
    FEATURES_VERSION,
    MAX_CHARS,
    TRUSTED_TYPES,
    ModelError,
    _model_text,
    default_model_path,
    has_hangul,
    hashed_ngrams,
    load_model,
    model_texts,
    scoring_features,
)
from checker.model_text import normalize_for_model


def test_packed_bucket_weights_give_the_scores_of_the_two_arrays():
    model = load_model()
    texts = ["Claim your free prize now at http://x.co/a", "택배 보관 중 http://a.kr/b", "ok see you", ""]
    korean = np.array([has_hangul(t) for t in texts])
    doc, bucket = hashed_ngrams(model_texts(texts), model.ngram_range, model.n_bits, korean)
    dot = np.bincount(doc, weights=model.coef_idf[bucket], minlength=len(texts))
    norm = np.sqrt(np.bincount(doc, weights=model.idf_sq[bucket], minlength=len(texts)))
    norm[norm == 0] = 1.0
    assert np.array_equal(model.decision_function(texts), dot / norm + model.intercept)


MASK = (1 << 64) - 1
PRIME, GOLDEN = int(model_mod._PRIME), int(model_mod._GOLDEN)


def _bucket(value: int, n_bits: int) -> int:
    return ((value * GOLDEN) & MASK) >> (64 - n_bits)


def _poly(chars: str) -> int:
    h = 0
    for ch in chars:
        h = (h * PRIME + ord(ch)) & MASK
    return h


def plain_features(texts, ngram_range, n_bits, korean) -> Counter:
    """The features written out one by one: what hashed_ngrams must compute."""
    out: Counter = Counter()
    for doc, (text, ko) in enumerate(zip(texts, korean)):
        for n in range(ngram_range[0], ngram_range[1] + 1):
            for i in range(len(text) - n + 1):
                out[(doc, _bucket((_poly(text[i : i + n]) + n) & MASK, n_bits))] += 1
        if ko:
            continue  # words and word pairs only for texts without Hangul
        words = [w for w in text.split(" ") if w]
        for w in words:
            out[(doc, _bucket((_poly(w) + int(model_mod._WORD_SALT)) & MASK, n_bits))] += 1
        for a, b in itertools.pairwise(words):
            out[(doc, _bucket((_poly(a) * PRIME + _poly(b) + int(model_mod._BIGRAM_SALT)) & MASK, n_bits))] += 1
    return out


def vector_features(texts, ngram_range, n_bits, korean) -> Counter:
    doc, bucket = hashed_ngrams(texts, ngram_range, n_bits, np.array(korean, dtype=bool))
    return Counter(zip(doc.tolist(), bucket.tolist()))


CASES = [
    ["win a free prize now <url>", "고객님 택배가 보관 중입니다 <url>", "hi", "", "a  b", " lead and trail "],
    ["claim your reward at <url> today", "call 0 now", "x"],
    ["(광고) 이벤트 안내 <url>"],
]


@pytest.mark.parametrize("texts", CASES)
def test_vectorised_features_match_the_plain_version(texts):
    korean = [has_hangul(t) for t in texts]
    assert vector_features(texts, (2, 4), 18, korean) == plain_features(texts, (2, 4), 18, korean)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.text(alphabet="ab 가<>0", max_size=30), st.booleans()), min_size=1, max_size=6))
def test_vectorised_features_match_the_plain_version_on_any_text(cases):
    texts = [t for t, _ in cases]
    korean = [k for _, k in cases]
    assert vector_features(texts, (2, 4), 16, korean) == plain_features(texts, (2, 4), 16, korean)


# --- scoring features: hashed_ngrams without the masking, windows across text ends in a zero-weight bucket ---


def _assert_scoring_features_are_hashed_ngrams(texts, ngram_range, n_bits, korean):
    """Without the entries of the extra bucket, the scoring features are hashed_ngrams's, in the same order (the
    order of the additions in np.bincount, hence the exact scores)."""
    korean = np.array(korean, dtype=bool)
    doc, bucket = hashed_ngrams(texts, ngram_range, n_bits, korean)
    fast_doc, fast_bucket = scoring_features(texts, ngram_range, n_bits, korean)
    assert fast_doc.dtype == doc.dtype and fast_bucket.dtype == bucket.dtype
    assert set(fast_bucket[fast_bucket >= 1 << n_bits].tolist()) <= {1 << n_bits}
    kept = fast_bucket != 1 << n_bits
    assert np.array_equal(fast_doc[kept], doc) and np.array_equal(fast_bucket[kept], bucket)


@pytest.mark.parametrize("texts", [*CASES, [""], ["", ""], ["a"], ["ab", "", "c", "가나다라마"], ["x\x00y z"]])
@pytest.mark.parametrize("ngram_range", [(2, 4), (1, 3), (3, 5)])
def test_scoring_features_are_hashed_ngrams(texts, ngram_range):
    for korean in ([has_hangul(t) for t in texts], [False] * len(texts), [True] * len(texts)):
        _assert_scoring_features_are_hashed_ngrams(texts, ngram_range, 16, korean)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.text(alphabet="ab 가<>0\x00", max_size=12), st.booleans()), min_size=1, max_size=8),
       st.sampled_from([(1, 2), (2, 4), (3, 3)]))
def test_scoring_features_are_hashed_ngrams_on_any_text(cases, ngram_range):
    _assert_scoring_features_are_hashed_ngrams([t for t, _ in cases], ngram_range, 12, [k for _, k in cases])


def test_scores_from_scoring_features_are_the_reference_scores_on_real_texts(shared_data):
    model = load_model()
    texts = _shared_texts(shared_data, limit_per_file=3000)
    korean = np.array([has_hangul(t) for t in texts])
    reference = np.empty(len(texts))
    for start in range(0, len(texts), 512):  # the plain masked features, scored from the two weight arrays
        chunk = model_texts(texts[start : start + 512])
        doc, bucket = hashed_ngrams(chunk, model.ngram_range, model.n_bits, korean[start : start + 512])
        _assert_scoring_features_are_hashed_ngrams(chunk, model.ngram_range, model.n_bits, korean[start : start + 512])
        dot = np.bincount(doc, weights=model.coef_idf[bucket].astype(np.float64), minlength=len(chunk))
        norm = np.sqrt(np.bincount(doc, weights=model.idf_sq[bucket].astype(np.float64), minlength=len(chunk)))
        norm[norm == 0] = 1.0
        reference[start : start + len(chunk)] = dot / norm + model.intercept
    assert np.array_equal(model.decision_function(texts, korean), reference)


def test_english_words_are_features_and_korean_words_are_not():
    en = vector_features(["free prize"], (2, 4), 18, [False])
    ko = vector_features(["free prize"], (2, 4), 18, [True])
    # 9 + 8 + 7 character n-grams each way; English adds 2 words and 1 word pair.
    assert sum(ko.values()) == 24 and sum(en.values()) == 27
    assert set(ko) < set(en)


def test_batch_scores_do_not_depend_on_the_other_texts_of_the_batch():
    model = load_model()
    texts = ["Claim your free prize now at http://x.co/a", "택배 보관 중 http://a.kr/b", "ok see you", "hello"] * 300
    batch = model.decision_function(texts)
    single = np.array([model.decision_function([t])[0] for t in texts[:4]])
    assert np.allclose(batch[:4], single) and np.allclose(batch[-4:], single)


def test_refuses_a_model_built_with_other_features(tmp_path):
    import skops.io

    state = skops.io.load(default_model_path(), trusted=TRUSTED_TYPES)
    assert state["metadata"]["features_version"] == FEATURES_VERSION
    del state["metadata"]["features_version"]  # an artifact from before the version existed (v1 features)
    old = tmp_path / "v1.skops"
    skops.io.dump(state, old, compression=zipfile.ZIP_DEFLATED)
    with pytest.raises(ModelError, match="features"):
        load_model(old)


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


# --- normalisation: the fast path against the per-token version it replaced --------------------------------


def _per_token_normalize(text: str) -> str:
    """normalize_for_model before the fast whitespace and URL steps: split, ``_URL`` on every token with a dot or
    "://", join; NFKC on every text; digit runs found with the plain ``[0-9]+`` pattern."""
    import re
    import unicodedata

    from checker import model_text as mt

    text = mt._INVISIBLE.sub("", unicodedata.normalize("NFKC", text))
    parts = text.split()
    for i, part in enumerate(parts):
        if "." in part or "://" in part:
            parts[i] = " ".join(mt._URL.sub(f" {mt.URL_TOKEN} ", part).split())
    text = " ".join(parts)
    if "X" in text or "x" in text:
        text = mt._PHONE_MASK.sub("0", text)
        if "XX" in text:
            text = mt._X_MASK.sub("0", text)
    if "**" in text or "＊" in text:
        text = mt._STAR_MASK.sub("0", text)
    lost = "??" in text or "？" in text or "\ufffd" in text
    if lost:
        text = mt._LOST_CHARS.sub(" ", text)
    text = re.sub(r"[0-9]+(?:[\s.,:/-][0-9]+)*", "0", text.lower())
    return " ".join(text.split()) if lost else text


def _shared_texts(shared_data, limit_per_file: int = 30000) -> list[str]:
    import csv

    csv.field_size_limit(10**8)
    texts: list[str] = []
    for path in sorted(shared_data.glob("*/*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            for i, row in enumerate(csv.DictReader(handle)):
                if i >= limit_per_file:
                    break
                if row.get("text"):
                    texts.append(row["text"])
    return list(dict.fromkeys(texts))


def test_normalisation_matches_the_per_token_version_on_real_texts(shared_data):
    texts = _shared_texts(shared_data)
    assert len(texts) > 10000
    differ = [t for t in texts if normalize_for_model(t) != _per_token_normalize(t)]
    assert differ == []


# Characters at the edges of the fast paths: every kind of whitespace, the case-folding letters that [a-z] matches
# under IGNORECASE, dots before and after letters, digits and Hangul, URL starts, NFKC and invisible characters.
_EDGE_ALPHABET = st.sampled_from(
    list(" \t\n\r\x0b\x0c\x1c\x1f\x85\xa0\u1680\u2000\u2028\u2029\u202f\u205f\u3000\u200b\u00ad")
    + list("\u0130\u0131\u017f\u212aａ①㈜가나.-_@/:?？*＊XxwW0123456789abckrmo\u115f\u1160\u3164\uffa0\ufeff")
    + ["www.", "WwW.", "http://", "hxxps://", "://", ".com", ".kr", ".co.kr/a?b", "a.", "다.", "1.5", "..", "\ufffd"]
)


@settings(max_examples=1500, deadline=None)
@given(st.lists(_EDGE_ALPHABET, max_size=30).map("".join))
def test_normalisation_matches_the_per_token_version_on_edge_text(text):
    assert normalize_for_model(text) == _per_token_normalize(text)


@pytest.mark.parametrize("text", ["  a  b  ", "", " ", "a\u3000 b", "ｗｗｗ.x.com", "a.KR", "a.\u212aR", "x.\u017fite/a",
                                  "\u0130.com", "see it.Now", "www.가나", "1.5 2.kr 3.com", "보기:http://x.kr/a 클릭",
                                  "다.com", "a-.com", "..com", "x.com.", "http://", "HXXP://a", "a b\u200b c"])
def test_normalisation_cases_match_the_per_token_version(text):
    assert normalize_for_model(text) == _per_token_normalize(text)


def _first_hint(text: str, start: int) -> int:
    """The first URL hint from ``start`` as _mark_urls finds it: a ``_URL_DOT`` match or "://", whichever is first."""
    from checker import model_text as mt

    dot = mt._URL_DOT.search(text, start)
    scheme = text.find("://", start)
    return min([at for at in (dot.start() if dot else -1, scheme) if at >= 0], default=-1)


# The plain version of the hint search: one pattern, either hint.
_PLAIN_URL_HINT = re.compile(r"\.(?:(?<=[-0-9A-Za-z\u0130\u0131\u017f\u212a]\.)(?=[A-Za-z\u0130\u0131\u017f\u212a])"
                             r"|(?<=[wW]{3}\.))|://")


def _plain_first_hint(text: str, start: int) -> int:
    hint = _PLAIN_URL_HINT.search(text, start)
    return hint.start() if hint else -1


def test_url_hints_are_those_of_the_plain_pattern_on_real_texts(shared_data):
    texts = _shared_texts(shared_data, limit_per_file=5000)
    differ = [t for t in texts if any(_first_hint(t, at) != _plain_first_hint(t, at) for at in range(0, len(t) + 1, 7))]
    assert differ == []


@settings(max_examples=1000, deadline=None)
@given(st.lists(_EDGE_ALPHABET, max_size=30).map("".join))
def test_url_hints_are_those_of_the_plain_pattern_on_edge_text(text):
    assert [_first_hint(text, at) for at in range(len(text) + 1)] == [_plain_first_hint(text, at) for at in range(len(text) + 1)]


def test_url_hint_characters_are_what_the_url_pattern_matches():
    import re
    import sys

    from checker import model_text as mt

    pairs = [(re.compile("[a-z0-9-]", re.IGNORECASE), re.compile(mt._DOMAIN_CHAR)),
             (re.compile("[a-z]", re.IGNORECASE), re.compile(mt._TLD_START)),
             (re.compile("w", re.IGNORECASE), re.compile("[wW]"))]
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        for plain, fast in pairs:
            assert bool(fast.fullmatch(char)) == bool(plain.fullmatch(char)), (hex(code), plain.pattern)


def test_only_the_ascii_space_is_printable_whitespace():
    import sys

    from checker import model_text as mt

    spaces = [chr(code) for code in range(sys.maxunicode + 1) if chr(code).isspace()]
    assert [s for s in spaces if s.isprintable()] == [" "]
    for space in spaces:
        text = f" a{space}{space}b  c{space}"
        assert mt._collapse_spaces(text) == " ".join(text.split())


def test_printable_invisible_characters_are_listed():
    """The guard before the _INVISIBLE pass: every character of the pattern that a printable NFKC text can hold
    is in _PRINTABLE_INVISIBLE."""
    import sys
    import unicodedata

    from checker import model_text as mt

    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if mt._INVISIBLE.match(char) and char.isprintable() and unicodedata.normalize("NFKC", char) == char:
            assert char in mt._PRINTABLE_INVISIBLE, hex(code)


# --- the MODEL_TEXT rule: shared findings against the plain formatting ------------------------------------------


def _plain_model_finding(probability: float, threshold: float):
    from checker.rules.registry import Finding

    if probability < threshold:
        return None
    return Finding(
        evidence=f"p={probability:.2f}",
        ko=f"문장 표현이 그동안 신고된 스팸·스미싱 문자와 비슷합니다(통계 모델, 확률 {min(probability, 0.99):.0%}).",
        en=f"The wording resembles reported spam and smishing messages (statistical model, "
        f"p={min(probability, 0.99):.2f}).",
    )


def _model_rule_finding(probability, threshold):
    from types import SimpleNamespace

    from checker.rules.model import model_text

    return model_text(SimpleNamespace(model_probability=probability, model_threshold=threshold))


@pytest.mark.parametrize("probability", [0.0, 0.005, 0.5, 0.745, 0.985, 0.9849999, 0.989, 0.9899999999, 0.99, 0.991,
                                         0.995, 0.999, 1.0, float(np.nextafter(0.99, 0)), float(np.nextafter(0.99, 1))])
def test_model_rule_finding_is_the_plain_one(probability):
    for threshold in (0.0, 0.5, probability, 1.0):
        assert _model_rule_finding(probability, threshold) == _plain_model_finding(probability, threshold)


@settings(max_examples=1000, deadline=None)
@given(st.floats(min_value=0.0, max_value=1.0), st.floats(min_value=0.0, max_value=1.0))
def test_model_rule_finding_is_the_plain_one_for_any_probability(probability, threshold):
    assert _model_rule_finding(probability, threshold) == _plain_model_finding(probability, threshold)


def test_model_rule_without_a_probability_does_not_fire():
    from types import SimpleNamespace

    from checker.rules.model import model_text

    assert model_text(SimpleNamespace()) is None
    assert model_text(SimpleNamespace(model_probability=0.9)) is None


# --- has_hangul: the ASCII shortcut against the plain search ------------------------------------------------------


def _plain_has_hangul(text: str) -> bool:
    return re.search("[\uac00-\ud7a3\u3131-\u318e]", text) is not None


@pytest.mark.parametrize("text", ["", "parcel", "택배", "a ㄱ", "café", "\u318e", "\u3130", "\ud7a4", "x\uac00"])
def test_has_hangul_cases_match_the_plain_search(text):
    assert has_hangul(text) == _plain_has_hangul(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab 1.\u3131\u318e\u3130\u318f\uac00\ud7a3\ud7a4é€")), max_size=20))
def test_has_hangul_matches_the_plain_search_on_any_text(text):
    assert has_hangul(text) == _plain_has_hangul(text)


def test_has_hangul_matches_the_plain_search_on_real_texts(shared_data):
    texts = _shared_texts(shared_data)
    assert [has_hangul(t) for t in texts] == [_plain_has_hangul(t) for t in texts]


# --- model texts: a long text's head normalised first, against the plain truncation -------------------------------


def _plain_model_text(text: str, keep: int = MAX_CHARS) -> str:
    return normalize_for_model(text[: 2 * keep])[:keep]


def test_model_texts_from_a_head_are_the_plain_ones_on_real_texts(shared_data):
    texts = [t for t in _shared_texts(shared_data) if len(t) > 200]
    assert len(texts) > 1000
    assert [_model_text(t) for t in texts] == [_plain_model_text(t) for t in texts]
    for first in (210, 230, 260):  # other head lengths: other cut points
        assert [_model_text(t, first) for t in texts[:20000]] == [_plain_model_text(t) for t in texts[:20000]]


@settings(max_examples=2000, deadline=None)
@given(st.lists(_EDGE_ALPHABET, min_size=10, max_size=60).map("".join), st.integers(4, 30), st.integers(1, 20))
def test_model_texts_from_a_head_are_the_plain_ones_on_edge_text(text, keep, extra):
    first = keep + 1 + extra % (keep - 1)  # a head longer than what is kept, shorter than the plain truncation
    assert _model_text(text, first, keep) == _plain_model_text(text, keep)


def test_model_text_head_never_ends_in_a_cut_token():
    """Hypothesis found it (session 12): the head's last token cut after "www.İ" reads as a link inside the token
    ("i̇ <url>", a space the whole token's "<url>" has not), and the head's answer was taken."""
    text = " İwww. www. İwww.İ.com"
    assert _model_text(text, 18, 13) == _plain_model_text(text, 13) == "i̇www. www. <"


@pytest.mark.parametrize("text", ["ab 5 6 7 8 9", "a ?? b ?? c", "x 010-1234-5678 XX", "go www.a.com/x?y=1 now",
                                  "ΑΣ ΑΣΒ ΑΣ", "a \u200b b \u3000 c", "1 ?? 2 3 4 5"])
def test_model_texts_from_a_head_cases(text):
    for keep in range(1, len(text) + 1):
        for first in range(keep + 1, 2 * keep):
            assert _model_text(text, first, keep) == _plain_model_text(text, keep), (keep, first)
