"""The text classifier: load the shipped model and score message texts.

The model is a linear classifier over hashed character n-grams of :func:`normalize_for_model` text.
Feature extraction is vectorised with numpy (one pass over a whole batch, no per-n-gram Python
loop), because the checker must handle ten thousand messages a second on one core.

Features (identical in ``checker/train.py``, which calls :func:`hashed_ngrams` too):

* every character n-gram (``n`` in ``ngram_range``) of the normalised, truncated text is hashed
  (FNV-style polynomial hash, then Fibonacci hashing) into ``2**n_bits`` buckets;
* a bucket seen in fewer than ``min_df`` training campaign groups has weight 0 and idf 0, so the
  model holds nothing that only a handful of messages (a name, an address) could have produced;
* the vector is ``count * idf`` divided by ``sqrt(sum(count * idf**2))`` (an l2-like norm that needs
  no per-message de-duplication of n-grams), and the score ``coef . x + intercept``;
* the probability is ``sigmoid(calib_a * score + calib_b)`` (Platt scaling fitted on out-of-fold
  scores), with a second pair for texts without Hangul (English scores are distributed differently).

The artifact is a skops file (a dict of numpy arrays and plain metadata), loaded with an explicit
list of trusted types. No pickle.
"""

from __future__ import annotations

import functools
import importlib.metadata
import importlib.resources
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from checker.model_text import NORMALIZATION_VERSION, normalize_for_model

#: File name of the shipped artifact inside the ``models`` package.
ARTIFACT_NAME = "text_model.skops"

#: Only these types may appear in an artifact; skops refuses anything else.
TRUSTED_TYPES = ["builtins.dict", "builtins.list", "builtins.str", "builtins.int", "builtins.float",
                 "numpy.ndarray", "numpy.dtype"]

#: Characters of normalised text that the model reads (the wording that matters comes first). 200, not
#: 400: the cost is linear in length (52 -> 38 µs/message on the gold texts, mean 236 characters) and the
#: held-out and gold AUC did not drop (measured in models/MODEL_CARD.md). Changing it needs a retrain.
MAX_CHARS = 200

_PRIME = np.uint64(0x100000001B3)
_GOLDEN = np.uint64(0x9E3779B97F4A7C15)
_BATCH = 512
_HANGUL = re.compile("[\uac00-\ud7a3\u3131-\u318e]")


class ModelError(Exception):
    """The model artifact is missing, corrupt, or was built for other library versions."""


#: Bump when :func:`hashed_ngrams` changes what it emits; an artifact built with other features is refused.
#: 1: character n-grams only. 2: texts without Hangul also get word unigrams and word pairs (English OOF recall
#: and held-out SpamHunter recall up at the same ham rate; Korean words measured no better: models/MODEL_CARD.md).
FEATURES_VERSION = "2"

# Salts keep words and word pairs out of the character n-grams' buckets (a 3-letter word would hash like its
# 3-gram otherwise).
_WORD_SALT = np.uint64(0x9E37)
_BIGRAM_SALT = np.uint64(0x7F4A)
_SPACE, _NUL = np.uint64(32), np.uint64(0)


@functools.cache
def _powers(size: int) -> tuple[np.ndarray, np.ndarray]:
    """``PRIME**i`` and ``PRIME**-i`` modulo 2**64 for i < size (PRIME is odd, so it has an inverse)."""
    inverse = np.uint64(pow(int(_PRIME), -1, 1 << 64))
    up = np.full(size, _PRIME, dtype=np.uint64)
    down = np.full(size, inverse, dtype=np.uint64)
    up[0] = down[0] = 1
    return np.cumprod(up, dtype=np.uint64), np.cumprod(down, dtype=np.uint64)


def hashed_ngrams(texts: Sequence[str], ngram_range: tuple[int, int], n_bits: int,
                  korean: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Return ``(doc, bucket)`` for every feature occurrence of every (already normalised) text.

    Features: every character n-gram (``n`` in ``ngram_range``); for texts without Hangul also every
    word (a run between spaces) and every pair of neighbouring words. ``korean`` (one bool per text, see
    :func:`has_hangul` of the raw text; computed here when ``None``) says which texts get word features.
    One occurrence is one entry, so a repeated feature appears several times. Texts are joined with NUL
    (never present after normalisation) and windows across a NUL are dropped.
    """
    if korean is None:
        korean = np.array([has_hangul(t) for t in texts], dtype=bool)
    joined = "\x00".join(t.replace("\x00", " ") for t in texts) + "\x00"
    # "surrogatepass": a lone surrogate (possible in a Python str, never in UTF-8 data) is one more code point.
    cp = np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), dtype=np.uint32).astype(np.uint64)
    length = len(cp)
    sep_count = np.concatenate(([0], np.cumsum(cp == 0)))
    lo, hi = ngram_range
    shift = np.uint64(64 - n_bits)
    docs, buckets = [], []
    h = np.zeros(length, dtype=np.uint64)
    for n in range(1, hi + 1):
        m = length - n + 1
        if m <= 0:
            break
        # Rolling extension: hash of s[i:i+n] from the hash of s[i:i+n-1].
        h = h[:m] * _PRIME
        h += cp[n - 1 : n - 1 + m]
        if n < lo:
            continue
        inside = sep_count[n : n + m] == sep_count[:m]  # no NUL inside the window
        doc = sep_count[:m][inside]
        # In place on the fresh array that the mask gives (uint64 wraps around the same way), and a bucket is
        # < 2**n_bits, so the int64 view holds the values a converted copy would. With the views below: hashing and
        # scoring 48.6k -> 43.4k instructions/message (callgrind, 2,000 benchmark texts).
        hn = h[inside]
        hn += np.uint64(n)
        hn *= _GOLDEN
        hn >>= shift
        docs.append(doc)
        buckets.append(hn.view(np.int64))
    # Words and word pairs of the texts without Hangul; sep_count[i] is the text of position i.
    word_doc, word_bucket = _word_features(cp, sep_count[:length], korean, n_bits)
    if len(word_doc):
        docs.append(word_doc)
        buckets.append(word_bucket.view(np.int64))
    if not docs:
        return np.zeros(0, dtype=np.intp), np.zeros(0, dtype=np.intp)
    return np.concatenate(docs).astype(np.intp, copy=False), np.concatenate(buckets)


def scoring_features(texts: Sequence[str], ngram_range: tuple[int, int], n_bits: int,
                     korean: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The features of :func:`hashed_ngrams` in the same order per text, for scoring only (training keeps
    :func:`hashed_ngrams`): a window that crosses the end of a text goes to the extra bucket ``1 << n_bits``
    (weight 0 and idf 0 in ``TextModel.bucket_weights``) instead of being masked out.

    Why: masking cost a compare, two boolean gathers and a final concatenation per n-gram size; here each size
    is hashed straight into its slice of one preallocated array, and the few windows at text ends (n - 1 per
    text) are overwritten. Word features are hashed from the texts without Hangul only, not from the whole batch.
    Adding 0.0 leaves a sum of doubles unchanged, and ``np.bincount`` adds in array order, so the scores are the
    same bits as from :func:`hashed_ngrams` (tests/test_model_features.py).
    """
    lengths = np.fromiter(map(len, texts), dtype=np.intp, count=len(texts)) + 1
    joined = _joined_with_nul(texts)
    cp = np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), dtype=np.uint32).astype(np.uint64)
    length = len(cp)
    owner = np.repeat(np.arange(len(texts)), lengths)  # the text of each position (a NUL ends its text)
    text_ends = np.cumsum(lengths) - 1  # positions of the NULs
    lo, hi = ngram_range
    sizes = [max(length - n + 1, 0) for n in range(lo, hi + 1)]
    word_doc, word_bucket = _word_features(cp, owner, korean, n_bits)
    total = sum(sizes) + len(word_doc)
    bucket = np.empty(total, dtype=np.uint64)
    doc = np.empty(total, dtype=np.intp)
    shift = np.uint64(64 - n_bits)
    h = cp.copy()  # the hashes of the 1-grams
    at = 0
    for n in range(1, hi + 1):
        m = length - n + 1
        if m <= 0:
            break
        if n > 1:  # rolling extension in place: hash of s[i:i+n] from the hash of s[i:i+n-1]
            h = h[:m]
            h *= _PRIME
            h += cp[n - 1 : n - 1 + m]
        if n < lo:
            continue
        out = bucket[at : at + m]
        np.add(h, np.uint64(n), out=out)
        out *= _GOLDEN
        out >>= shift
        crossing = (text_ends[:, None] - np.arange(n)).ravel()  # the windows that hold a NUL
        out[crossing[(crossing >= 0) & (crossing < m)]] = np.uint64(1 << n_bits)
        doc[at : at + m] = owner[:m]
        at += m
    bucket[at:] = word_bucket
    doc[at:] = word_doc
    return doc, bucket.view(np.int64)


def _joined_with_nul(texts: Sequence[str]) -> str:
    """The texts, each ended by a NUL, with any NUL of their own turned into a space (as in :func:`hashed_ngrams`).

    Normalised texts hold no NUL in practice, so the per-text ``replace`` runs only when the joined batch has more
    NULs than texts (one C-level count instead of a generator and a replace per text)."""
    joined = "\x00".join(texts) + "\x00"
    if joined.count("\x00") != len(texts):
        joined = "\x00".join(t.replace("\x00", " ") for t in texts) + "\x00"
    return joined


def _word_features(cp: np.ndarray, owner: np.ndarray, korean: np.ndarray, n_bits: int) -> tuple[np.ndarray, np.ndarray]:
    """Words and word pairs of the texts without Hangul, as in :func:`hashed_ngrams` (uint64 buckets)."""
    empty = np.zeros(0, dtype=np.intp), np.zeros(0, dtype=np.uint64)
    if korean.all() or not len(cp):
        return empty
    if korean.any():  # only the positions of texts without Hangul (each keeps its closing NUL)
        keep = ~korean[owner]
        cp, owner = cp[keep], owner[keep]
    length = len(cp)
    shift = np.uint64(64 - n_bits)
    # The hash of cp[s:e] is sum(cp[j] * P**(e-1-j)), which is (S[e] - S[s]) * P**(e-1) with S the prefix sums
    # of cp[j] * P**-j: no loop over characters, and the same value wherever the word sits.
    up, down = _powers(1 << max(length - 1, 1).bit_length())
    prefix = np.concatenate((np.zeros(1, dtype=np.uint64), np.cumsum(cp * down[:length], dtype=np.uint64)))
    ends = np.flatnonzero((cp == _SPACE) | (cp == _NUL))
    starts = np.concatenate(([0], ends[:-1] + 1))
    keep = ends > starts
    starts, ends = starts[keep], ends[keep]
    doc = owner[starts]
    word = (prefix[ends] - prefix[starts]) * up[ends - 1]
    same = doc[1:] == doc[:-1]  # neighbouring words of one text
    pair = (word[:-1] * _PRIME + word[1:] + _BIGRAM_SALT)[same]
    docs = np.concatenate((doc, doc[1:][same]))
    buckets = np.concatenate((((word + _WORD_SALT) * _GOLDEN) >> shift, (pair * _GOLDEN) >> shift))
    return docs, buckets


def has_hangul(text: str) -> bool:
    """Which calibration applies: texts with Hangul use the Korean pair."""
    # ``isascii`` reads a flag of the str object: an ASCII text (a third of the benchmark texts, long English ones
    # among them) is answered without scanning it.
    return not text.isascii() and _HANGUL.search(text) is not None


def model_texts(texts: Sequence[str], plain: Sequence[bool] | None = None) -> list[str]:
    """The normalised, truncated texts the features are computed from (training and inference).
    ``plain``: for each text, whether the caller vouches for it as :func:`normalize_for_model`'s ``plain`` says (the
    same texts either way)."""
    if plain is None:
        return [_model_text(t) for t in texts]
    return [_model_text(t, plain=p) for t, p in zip(texts, plain, strict=True)]


#: How much of a long text :func:`_model_text` normalises first (of the ``2 * MAX_CHARS`` it would otherwise).
_FIRST_CHARS = 280


def _model_text(text: str, first: int = _FIRST_CHARS, keep: int = MAX_CHARS, plain: bool = False) -> str:
    """``normalize_for_model(text[: 2 * keep])[:keep]``, normalising a shorter head first when that tells it
    (``keep < first < 2 * keep``).

    Appending characters to a text changes its normalised form only from the start of its last token on (each step
    is local to a token, or merges only the last digit run or space with what follows: tests/test_model_features.py
    compares on every real text and on generated ones). So when the normalised head, cut at its last space before
    ``first`` characters, holds a space at or after ``keep``, its first ``keep`` characters are those of the longer
    text. The head answers for ~17 % of the benchmark texts, the long ones, which cost the most: model_texts 63.7k -> 58.4k
    instructions/message (callgrind, 2,048 benchmark texts; a head of 250 gave 59.0k, 225 gave 64.4k).
    ``plain``: see :func:`normalize_for_model`; it holds for the whole text only (not for a head cut from it)."""
    if len(text) > first:
        # Only whole tokens: the head's last token may be cut, and a cut token's normal form can hold a space the
        # whole token's has not ("İwww.İ" -> "i̇ <url>", "İwww.İ.com" -> "<url>": found by Hypothesis).
        cut = text.rfind(" ", keep, first)
        if cut > 0:
            head = normalize_for_model(text[:cut])
            if head.find(" ", keep) >= 0:
                return head[:keep]
    if plain and len(text) <= 2 * keep:
        return normalize_for_model(text, True)[:keep]
    return normalize_for_model(text[: 2 * keep])[:keep]


@dataclass
class TextModel:
    """A loaded classifier. ``predict_proba`` takes raw texts and returns P(spam or smishing)."""

    version: str
    threshold: float
    """p >= threshold: the ``MODEL_TEXT`` reason fires (alone it gives at most ``medium``). This is the
    threshold for texts with Hangul; :meth:`thresholds` gives the one that applies to each text."""
    strong_threshold: float
    """p >= strong_threshold: the wording is very typical of spam/smishing (a stronger signal)."""
    ngram_range: tuple[int, int]
    n_bits: int
    coef_idf: np.ndarray
    """coef * idf per bucket (float32)."""
    idf_sq: np.ndarray
    """idf**2 per bucket (float32); 0 for pruned buckets."""
    intercept: float
    calib_a: float
    calib_b: float
    calib_a_other: float
    """Platt scaling for texts without Hangul (English): its score distribution differs."""
    calib_b_other: float
    metadata: dict[str, Any]
    threshold_other: float = -1.0
    """Threshold for texts without Hangul (English). Held-out English ham scores far lower than
    Korean ham (whose KISA labels stay noisy), so English can take a lower one. -1: same as Korean."""
    strong_threshold_other: float = -1.0

    def __post_init__(self) -> None:
        # coef*idf and idf**2 side by side in one complex64 per bucket: one gather (one cache line) per
        # n-gram instead of two; the real and imaginary parts are the float32 values themselves, so the
        # sums are the same as from the two arrays (tests/test_model_features.py).
        # One more bucket, with weight 0 and idf 0, for the windows that :func:`scoring_features` does not mask.
        self.bucket_weights = np.zeros(len(self.coef_idf) + 1, dtype=np.complex64)
        self.bucket_weights.real[:-1] = self.coef_idf
        self.bucket_weights.imag[:-1] = self.idf_sq
        if self.threshold_other < 0:
            self.threshold_other = self.threshold
        if self.strong_threshold_other < 0:
            self.strong_threshold_other = self.strong_threshold

    def thresholds(self, texts: Sequence[str]) -> list[float]:
        """The ``MODEL_TEXT`` threshold that applies to each raw text (by language)."""
        return [self.threshold if has_hangul(t) else self.threshold_other for t in texts]

    def strong_thresholds(self, texts: Sequence[str]) -> list[float]:
        return [self.strong_threshold if has_hangul(t) else self.strong_threshold_other for t in texts]

    def decision_function(self, texts: Sequence[str], korean: np.ndarray | None = None,
                          plain: Sequence[bool] | None = None) -> np.ndarray:
        """Uncalibrated linear scores of raw texts (``korean``: :func:`has_hangul` of each, if known; ``plain``: see
        :func:`model_texts`)."""
        if korean is None:
            korean = np.array([has_hangul(t) for t in texts], dtype=bool)
        out = np.empty(len(texts), dtype=np.float64)
        for start in range(0, len(texts), _BATCH):
            chunk = model_texts(texts[start : start + _BATCH], None if plain is None else plain[start : start + _BATCH])
            doc, bucket = scoring_features(chunk, self.ngram_range, self.n_bits, korean[start : start + _BATCH])
            k = len(chunk)
            # ``take``: the same values as ``bucket_weights[bucket]``, by a plain copy loop instead of numpy's
            # fancy-indexing machinery (about half the instructions per feature).
            weights = self.bucket_weights.take(bucket)
            dot = np.bincount(doc, weights=weights.real, minlength=k)
            norm = np.sqrt(np.bincount(doc, weights=weights.imag, minlength=k))
            norm[norm == 0] = 1.0
            out[start : start + k] = dot / norm + self.intercept
        return out

    def predict_proba(self, texts: Sequence[str]) -> list[float]:
        """P(spam or smishing) for each raw message text (normalisation is done here)."""
        return self.predict_with_thresholds(texts)[0]

    def predict_with_thresholds(self, texts: Sequence[str],
                                plain: Sequence[bool] | None = None) -> tuple[list[float], list[float]]:
        """``(predict_proba(texts), thresholds(texts))``, telling each text's language once. ``plain``: see
        :func:`model_texts` (the checker's messages tell it: the same answers, less work)."""
        if isinstance(texts, str):
            raise TypeError("predict_proba takes a sequence of texts, not one string")
        texts = list(texts)
        korean_list = [has_hangul(t) for t in texts]
        korean = np.array(korean_list, dtype=bool)
        scores = self.decision_function(texts, korean, plain)
        z = np.where(korean, self.calib_a * scores + self.calib_b, self.calib_a_other * scores + self.calib_b_other)
        thresholds = [self.threshold if k else self.threshold_other for k in korean_list]
        return (1.0 / (1.0 + np.exp(-z))).tolist(), thresholds


def _installed_version(dist: str) -> str:
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return "absent"


def model_from_state(state: dict[str, Any], source: str = "<memory>") -> TextModel:
    """Build a :class:`TextModel` from the artifact's dict, checking versions and shapes."""
    try:
        meta = dict(state["metadata"])
        trained_with = meta["sklearn_version"]
        here = _installed_version("scikit-learn")
        if trained_with != here:
            raise ModelError(
                f"{source}: the model was trained with scikit-learn {trained_with}, but {here} is installed. "
                "Install the version in models/MODEL_CARD.md or retrain with `smishcheck train`."
            )
        if meta["normalization_version"] != NORMALIZATION_VERSION:
            raise ModelError(
                f"{source}: the model expects text normalisation v{meta['normalization_version']}, "
                f"this code has v{NORMALIZATION_VERSION}; retrain with `smishcheck train`."
            )
        if str(meta.get("features_version", "1")) != FEATURES_VERSION:
            raise ModelError(
                f"{source}: the model was built with features v{meta.get('features_version', '1')}, this code "
                f"computes v{FEATURES_VERSION}; retrain with `smishcheck train`."
            )
        trained_chars = json.loads(meta.get("params", "{}")).get("max_chars", MAX_CHARS)
        if int(trained_chars) != MAX_CHARS:
            raise ModelError(
                f"{source}: the model was trained on the first {trained_chars} characters, this code reads "
                f"{MAX_CHARS}; retrain with `smishcheck train`."
            )
        n_bits = int(meta["n_bits"])
        coef = np.asarray(state["coef"], dtype=np.float32)
        idf = np.asarray(state["idf"], dtype=np.float32)
        if coef.shape != (1 << n_bits,) or idf.shape != coef.shape:
            raise ModelError(f"{source}: weight arrays do not match n_bits={n_bits}")
        return TextModel(
            version=str(meta["version"]),
            threshold=float(meta["threshold"]),
            strong_threshold=float(meta["strong_threshold"]),
            ngram_range=(int(meta["ngram_min"]), int(meta["ngram_max"])),
            n_bits=n_bits,
            coef_idf=coef * idf,
            idf_sq=idf * idf,
            intercept=float(meta["intercept"]),
            calib_a=float(meta["calib_a"]),
            calib_b=float(meta["calib_b"]),
            calib_a_other=float(meta.get("calib_a_other", meta["calib_a"])),
            calib_b_other=float(meta.get("calib_b_other", meta["calib_b"])),
            metadata=meta,
            threshold_other=float(meta.get("threshold_other", -1.0)),
            strong_threshold_other=float(meta.get("strong_threshold_other", -1.0)),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise ModelError(f"{source}: not a smishcheck text model ({exc!r})") from exc


def default_model_path() -> Path:
    """Path of the artifact shipped in the ``models`` package."""
    return Path(str(importlib.resources.files("models").joinpath(ARTIFACT_NAME)))


def read_plain_skops(path: Path) -> dict[str, Any] | None:
    """Read a skops file that holds only dicts, JSON values and numpy arrays, without importing skops
    (which imports scikit-learn: seconds at every start-up for what is a dict of two arrays).

    Strict: any node other than a builtins dict, a JSON value or a numeric ndarray stored as ``.npy``
    makes it return ``None``, and the caller falls back to ``skops.io.load`` with its trusted types.
    Arrays are read with ``allow_pickle=False``; nothing is executed."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            schema = json.loads(archive.read("schema.json"))

            def build(node: dict[str, Any]) -> Any:
                loader = node.get("__loader__")
                if loader == "DictNode" and node.get("__module__") == "builtins":
                    return {str(key): build(value) for key, value in node["content"].items()}
                if loader == "JsonNode" and node.get("is_json") is True:
                    return json.loads(node["content"])
                if loader == "NdArrayNode" and node.get("type") == "numpy":
                    with archive.open(str(node["file"])) as handle:
                        array = np.load(handle, allow_pickle=False)
                    if array.dtype.kind not in "fiub":
                        raise ValueError("non-numeric array")
                    return array
                raise ValueError(f"unsupported node {loader!r}")

            return build(schema)
    except (KeyError, ValueError, TypeError, OSError, zipfile.BadZipFile, json.JSONDecodeError):
        return None


def load_model(path: str | Path | None = None) -> TextModel:
    """Load a model artifact (default: the one shipped in ``models/``).

    Raises :class:`ModelError` with a clear message when the file is missing, corrupt, holds an
    untrusted type, or was trained with another scikit-learn version.
    """
    path = Path(path) if path is not None else default_model_path()
    if not path.is_file():
        raise ModelError(f"model file not found: {path} (train one with `smishcheck train`)")
    state = read_plain_skops(path)
    if state is None:
        import skops.io  # the general (and slower) reader, with the explicit trusted types

        try:
            state = skops.io.load(path, trusted=TRUSTED_TYPES)
        except Exception as exc:  # skops raises many types for a damaged or untrusted file
            raise ModelError(f"cannot load model {path}: {exc}") from exc
    if not isinstance(state, dict):
        raise ModelError(f"{path}: not a smishcheck text model")
    return model_from_state(state, source=str(path))


@functools.cache
def default_model() -> TextModel | None:
    """The shipped model, loaded once per process; ``None`` when no artifact is shipped."""
    if not default_model_path().is_file():
        return None
    return load_model()
