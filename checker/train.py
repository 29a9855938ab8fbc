"""``smishcheck train``: build the text model from labelled data, reproducibly.

    smishcheck train [--data-dir ../shared/data] [--corpus tests/corpus] [--extra reports.csv ...]
                     [--out models/text_model.skops] [--report models/train_report.json]
                     [--with-source en_spamhunter_2022] [--skip-source NAME]

Steps (each one measured on the evaluation sets with ``--report``; see models/MODEL_CARD.md):
1. load the training sources; drop every text whose normalised form is in an evaluation set;
2. merge near-duplicates (one row per normalised text, majority label);
3. clean labels (``--steps``, default ``weak,marketing,review``):
   ``weak``: the rule layer alone says ``high``, or spam/smishing wording with an action channel,
   overrides a KISA ``not_spam`` label; ``marketing``: a real brand's ad to its customers, reported to
   KISA as spam, becomes ham (the gold guideline's policy); ``review``: hand-reviewed labels from
   ``models/relabel.tsv`` (hashes only); ``confident`` (measured, not in the default: it lowered the
   gold AUC): an out-of-fold pass that relabels confidently contradicted KISA rows;
4. fit hashed char n-gram tf-idf + logistic regression; calibrate (Platt, per language) and pick
   per-language thresholds on out-of-fold predictions (group k-fold by campaign), never on the
   evaluation sets;
5. write the skops artifact with its metadata (versions, input sha256, thresholds, metrics).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import functools
import importlib.metadata
import itertools
import json
import sys
import zipfile
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import scipy.sparse as sp

from checker.model import (
    FEATURES_VERSION,
    MAX_CHARS,
    TextModel,
    has_hangul,
    hashed_ngrams,
    model_from_state,
    model_texts,
)
from checker.model_text import NORMALIZATION_VERSION, dedup_key
from checker.training_data import (
    EVAL_SETS,
    OPTIONAL_SOURCES,
    Row,
    brand_marketing,
    eval_keys,
    group_key,
    is_eval_text,
    iter_sources,
    label_to_target,
    read_csv,
    sha256_file,
    text_hash,
    weak_label,
)

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO / ".." / "shared" / "data"
RELABEL_FILE = REPO / "models" / "relabel.tsv"
SEED = 20261125


# --- features ------------------------------------------------------------------------------------


def count_matrix(texts: Sequence[str], ngram_range: tuple[int, int], n_bits: int,
                 korean: np.ndarray | None = None) -> sp.csr_matrix:
    """Feature counts per (already model-normalised) text, as a CSR matrix (rows = texts).

    ``korean``: :func:`has_hangul` of each raw text (what inference uses); from ``texts`` when ``None``."""
    if korean is None:
        korean = np.array([has_hangul(t) for t in texts], dtype=bool)
    blocks = []
    for start in range(0, len(texts), 4096):
        chunk = texts[start : start + 4096]
        doc, bucket = hashed_ngrams(chunk, ngram_range, n_bits, korean[start : start + 4096])
        m = sp.csr_matrix(
            (np.ones(len(doc), dtype=np.float32), (doc, bucket)), shape=(len(chunk), 1 << n_bits)
        )
        m.sum_duplicates()
        blocks.append(m)
    return sp.vstack(blocks).tocsr()


def tfidf(counts: sp.csr_matrix, idf: np.ndarray) -> sp.csr_matrix:
    """The model's vector: count*idf / sqrt(sum(count*idf^2)) (see checker/model.py)."""
    x = counts.multiply(idf.reshape(1, -1)).tocsr()
    sq = np.asarray(counts.multiply((idf * idf).reshape(1, -1)).sum(axis=1)).ravel()
    sq[sq == 0] = 1.0
    return sp.diags(1.0 / np.sqrt(sq)) @ x


def fit_idf(counts: sp.csr_matrix, min_df: int) -> np.ndarray:
    df = np.bincount(counts.indices, minlength=counts.shape[1])
    n = counts.shape[0]
    idf = np.log((1.0 + n) / (1.0 + df)) + 1.0
    idf[df < min_df] = 0.0  # rare buckets carry nothing: no memorised names or numbers
    return idf.astype(np.float32)


def fit_linear(x: sp.csr_matrix, y: np.ndarray, w: np.ndarray, c: float, seed: int):
    from sklearn.linear_model import LogisticRegression

    clf = LogisticRegression(C=c, solver="liblinear", max_iter=200, random_state=seed)
    clf.fit(x, y, sample_weight=w)
    return clf


def row_language(r: Row, by_text: bool = False) -> str:
    """The language cell of a row for :func:`balanced_weights`.

    Shared sets by name (``en_...`` English, else Korean). Rows of our corpus and of operators' files
    (sources not named ``ko_``/``en_``) count Korean unless ``by_text``: then a text without Hangul is
    English, as in the calibration and the thresholds (:func:`checker.model.has_hangul`)."""
    if r.source.startswith("en_"):
        return "en"
    if by_text and not r.source.startswith("ko_") and not has_hangul(r.text):
        return "en"
    return "ko"


def balanced_weights(rows: list[Row], language_by_text: bool = False) -> np.ndarray:
    """Each (language, target) cell gets the same total weight: Korean ham is scarce.

    ``language_by_text``: see :func:`row_language`. Off (the recipe up to ``2026-12-07.2``), an English
    corpus text sits in the scarce Korean cell: an English legitimate corpus text then weighs about
    30 super_sms ham texts, an English smishing corpus text about 2 super_sms spam texts."""
    lang = [row_language(r, language_by_text) for r in rows]
    cells = Counter((lg, r.target) for lg, r in zip(lang, rows))
    total = len(rows) / max(len(cells), 1)
    return np.array([r.weight * total / cells[(lg, r.target)] for lg, r in zip(lang, rows)])


def fold_of(group: str, k: int, seed: int) -> int:
    import hashlib

    return int(hashlib.sha256(f"{seed}:{group}".encode()).hexdigest()[:8], 16) % k


def oof_scores(norm_texts, rows, counts, params, k=4) -> np.ndarray:
    """Out-of-fold decision scores (folds = campaign groups)."""
    folds = np.array([fold_of(r.group, k, params["seed"]) for r in rows])
    y = np.array([r.target for r in rows])
    w = balanced_weights(rows, params.get("corpus_language") == "text")
    out = np.zeros(len(rows))
    for f in range(k):
        tr, te = folds != f, folds == f
        idf = fit_idf(counts[tr], params["min_df"])
        clf = fit_linear(tfidf(counts[tr], idf), y[tr], w[tr], params["C"], params["seed"])
        out[te] = clf.decision_function(tfidf(counts[te], idf))
    return out


# --- data --------------------------------------------------------------------------------------


def load_rows(data_dir: Path, corpus_dir: Path | None, extra: list[Path], log,
              skip: Sequence[str] = (), include: Sequence[str] = (),
              corpus_weight: float = 3.0) -> tuple[list[Row], dict]:
    keys = eval_keys(data_dir)
    inputs: dict[str, dict] = {}
    rows: list[Row] = []
    for name, path, it in iter_sources(data_dir, corpus_dir, extra, skip, include, corpus_weight):
        kept = leaked = 0
        for r in it:
            if not r.text or not r.text.strip():
                continue
            if is_eval_text(r.text, keys):
                leaked += 1
                continue
            rows.append(r)
            kept += 1
        inputs[name] = {"sha256": sha256_file(path) if path else _corpus_hash(corpus_dir), "rows": kept,
                        "removed_eval_overlap": leaked}
        log(f"  {name}: {kept} rows, {leaked} removed (in an evaluation set)")
    for name in EVAL_SETS:
        p = data_dir / name / "data.csv"
        if p.is_file():
            inputs.setdefault("eval:" + name, {"sha256": sha256_file(p)})
    return merge_duplicates(rows), inputs


def _corpus_hash(corpus_dir: Path | None) -> str:
    import hashlib

    h = hashlib.sha256()
    for p in sorted(corpus_dir.glob("*.toml")) if corpus_dir else []:
        h.update(p.name.encode() + b"\0" + p.read_bytes())
    return h.hexdigest()


def merge_duplicates(rows: list[Row]) -> list[Row]:
    """One row per near-duplicate key; the label is the majority (ties: unwanted)."""
    by_key: dict[str, list[Row]] = defaultdict(list)
    for r in rows:
        by_key[dedup_key(r.text)].append(r)
    out = []
    for key, rs in by_key.items():
        if not key:
            continue
        votes = Counter(r.target for r in rs)
        first = rs[0]
        first.target = int(votes[1] >= votes[0])
        first.weight = max(r.weight for r in rs)
        first.group = group_key(first.text)
        out.append(first)
    return out


def load_relabels(path: Path = RELABEL_FILE) -> dict[str, int]:
    """Reviewed labels: ``<hash>\\t<label>\\t<reason>`` lines (hash of the normalised text only)."""
    out: dict[str, int] = {}
    if not path.is_file():
        return out
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        target = label_to_target(parts[1]) if len(parts) > 1 else None
        if target is not None:
            out[parts[0]] = target
    return out


def rule_votes(texts: list[str]) -> list[int | None]:
    """1 where the rule layer alone (no model: the vote must not come from a model) says ``high``."""
    try:
        from checker.core import Checker, InputError, Item

        checker = Checker(model=None)
        checker.check("x")
    except Exception:  # noqa: BLE001 - no rule layer yet: weak supervision uses the keyword heuristic only
        return [None] * len(texts)
    out: list[int | None] = []
    for t in texts:
        try:
            out.append(1 if checker.check_many([Item(t)])[0].risk == "high" else None)
        except InputError:  # a text the checker rejects (too long, empty) gets no vote
            out.append(None)
    return out


#: KISA types that are spam families in the gold guideline whatever the wording (never relabelled ham).
SPAM_FAMILY_TYPES = frozenset({"gambling", "adult", "stock", "real_estate", "designated_driver", "drugs",
                               "entertainment_venue", "game", "fortune", "account_rental"})
#: KISA types relabelled ham only when an official brand is named or linked (card-loan and carrier promos).
BRAND_ONLY_TYPES = frozenset({"illegal_loan", "telecom_signup", "finance", "unverifiable"})


def official_brand(text: str) -> bool:
    """An allowlisted institution is named, or a link goes to an allowlisted official domain."""
    from checker.normalize import compact, normalize

    analyzer = _url_analyzer()
    if analyzer.allowlist.institutions_named_in(compact(text)):
        return True
    return any(u.official for u in analyzer.extract(normalize(text), text))


@functools.cache
def _url_analyzer():
    from checker.urls import default_analyzer

    return default_analyzer()


def clean_labels(rows, norm_texts, counts, params, steps, log,
                 relabel_files: Sequence[Path] = (RELABEL_FILE,)) -> dict[str, int]:
    """Apply the cleaning steps in order; returns how many rows each step changed."""
    changed: dict[str, int] = {}
    kisa_ham = [i for i, r in enumerate(rows) if r.source == "ko_kisa_spam_reports_2022" and r.target == 0]
    if "weak" in steps:
        n = 0
        rv = rule_votes([rows[i].text for i in kisa_ham])
        for i, vote in zip(kisa_ham, rv):
            if "marketing" in steps and brand_marketing(rows[i].text, official_brand(rows[i].text)):
                continue  # a real brand's ad: rule hits on it (card promos, shorteners) are not a vote
            if vote == 1 or weak_label(rows[i].text) == 1:
                rows[i].target = 1
                rows[i].notes.append("weak")
                n += 1
        changed["weak"] = n
        log(f"  weak supervision: {n} KISA not_spam rows -> unwanted")
    if "marketing" in steps:
        n = 0
        high = rule_votes([r.text for r in rows if r.source == "ko_kisa_spam_reports_2022" and r.target == 1])
        candidates = [r for r in rows if r.source == "ko_kisa_spam_reports_2022" and r.target == 1]
        for r, vote in zip(candidates, high):
            if vote == 1 or r.orig_label in SPAM_FAMILY_TYPES:
                continue
            official = official_brand(r.text)
            if r.orig_label in BRAND_ONLY_TYPES and not official:
                continue
            if brand_marketing(r.text, official):
                r.target = 0
                r.notes.append("marketing")
                n += 1
        changed["marketing"] = n
        log(f"  legitimate marketing: {n} KISA spam-type rows -> ham")
    if "review" in steps:
        relabels: dict[str, int] = {}
        for path in relabel_files:  # a later file wins where two files label the same text
            relabels.update(load_relabels(path))
        n = 0
        for r in rows:
            t = relabels.get(text_hash(r.text))
            if t is None:
                continue
            r.notes.append("review")  # a reviewed label is final: confident learning leaves it alone
            if t != r.target:
                r.target = t
                n += 1
        changed["review"] = n
        log(f"  reviewed labels: {n} rows changed")
    if "confident" in steps:
        scores = oof_scores(norm_texts, rows, counts, params)
        params["_oof_before_confident"] = scores  # reused for calibration (saves 4 fits; see build)
        n_up = n_down = 0
        for i, r in enumerate(rows):
            if r.source != "ko_kisa_spam_reports_2022" or "review" in r.notes:
                continue
            if r.target == 0 and scores[i] > params["cl_up"]:
                r.target, n_up = 1, n_up + 1
                r.notes.append("confident_up")
            elif r.target == 1 and scores[i] < params["cl_down"]:
                r.target, n_down = 0, n_down + 1
                r.notes.append("confident_down")
        changed["confident_up"], changed["confident_down"] = n_up, n_down
        log(f"  confident learning: {n_up} ham->unwanted, {n_down} unwanted->ham")
    return changed


# --- calibration and thresholds --------------------------------------------------------------------


def platt(scores: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    from sklearn.linear_model import LogisticRegression

    lr = LogisticRegression(C=1e4, solver="lbfgs")
    lr.fit(scores.reshape(-1, 1), y)
    return float(lr.coef_[0, 0]), float(lr.intercept_[0])


def reliability(p: np.ndarray, y: np.ndarray, bins: int = 10) -> list[dict]:
    out = []
    edges = np.linspace(0, 1, bins + 1)
    for lo, hi in itertools.pairwise(edges):
        m = (p >= lo) & (p < hi if hi < 1 else p <= hi)
        if m.sum():
            out.append({"bin": f"{lo:.1f}-{hi:.1f}", "n": int(m.sum()), "mean_p": round(float(p[m].mean()), 3),
                        "observed": round(float(y[m].mean()), 3)})
    return out


MIN_PER_LABEL = 20  # distinct texts of each label below which a model (or a per-language calibration) means nothing


def _calibration_rows(oof: np.ndarray, y: np.ndarray, part: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The rows of one language if it has enough of both labels, else all rows."""
    if min((y[part] == 1).sum(), (y[part] == 0).sum()) >= MIN_PER_LABEL:
        return oof[part], y[part]
    return oof, y


def _share(hits: np.ndarray, digits: int | None = None) -> float | None:
    """Share of True in ``hits``; None for no rows (JSON has no NaN)."""
    if len(hits) == 0:
        return None
    value = float(hits.mean())
    return round(value, digits) if digits is not None else value


def threshold_for_ham_rate(p_ham: np.ndarray, rate: float) -> float:
    """Smallest threshold that flags at most ``rate`` of the held-out ham."""
    if len(p_ham) == 0:
        return 0.5
    return float(np.quantile(p_ham, 1.0 - rate))


def corpus_oof_rates(rows: list[Row], p_oof: np.ndarray, korean: np.ndarray, th_ko: float,
                     th_en: float) -> dict:
    """Out-of-fold flag rates of our corpus rows per language (Hangul or not) and kind, at the thresholds.

    The corpus is training data, so the shipped model's verdicts on it are in-sample; these out-of-fold
    figures say how a recipe treats texts like them before it has seen them (e.g. everyday English ham)."""
    out: dict[str, dict] = {}
    for lang, is_ko, th in (("ko", True, th_ko), ("en", False, th_en)):
        for kind, target in (("legit", 0), ("unwanted", 1)):
            m = np.array([r.source == "tests_corpus" and r.target == target for r in rows]) & (korean == is_ko)
            if m.any():
                out[f"{lang}_{kind}"] = {"n": int(m.sum()), "flag": round(float((p_oof[m] >= th).mean()), 4)}
    return out


# --- evaluation of the model alone (the full checker is measured by `smishcheck evaluate`) ----------


def model_only_metrics(model: TextModel, data_dir: Path) -> dict:
    from sklearn.metrics import roc_auc_score

    out = {}
    for name in EVAL_SETS:
        path = data_dir / name / "data.csv"
        if not path.is_file():
            continue
        rows = [r for r in read_csv(path) if r["label"] in ("smishing", "spam", "ham")]
        texts = [r["text"] for r in rows]
        p = np.array(model.predict_proba(texts))
        th, strong = np.array(model.thresholds(texts)), np.array(model.strong_thresholds(texts))
        labels = np.array([r["label"] for r in rows])
        res: dict = {}
        for lab in ("smishing", "spam", "ham"):
            m = labels == lab
            if m.any():
                res[lab] = {"n": int(m.sum()), "flag": round(float((p[m] >= th[m]).mean()), 3),
                            "strong": round(float((p[m] >= strong[m]).mean()), 3)}
        y = (labels != "ham").astype(int)
        if 0 < y.sum() < len(y):
            res["roc_auc"] = round(float(roc_auc_score(y, p)), 4)
        out[name] = res
    return out


# --- main ------------------------------------------------------------------------------------------


def extra_file_problem(path: Path) -> str | None:
    """Why an operator's ``--extra`` file cannot be read, or None."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            header = next(csv.reader(handle), [])
            for _ in handle:  # decodes the whole file now rather than halfway through training
                pass
    except FileNotFoundError:
        return "no such file"
    except UnicodeDecodeError:
        return "not UTF-8 text (save it as CSV UTF-8)"
    except (OSError, csv.Error) as exc:
        return f"cannot be read ({exc})"
    if not {"text", "label"} <= {h.strip() for h in header}:
        return "needs the columns text,label (label: smishing, spam or ham)"
    return None


class TrainingError(Exception):
    """The data cannot make a model; the message says why."""


def build(args, log) -> tuple[dict, dict]:
    params = {"ngram_min": args.ngram[0], "ngram_max": args.ngram[1], "n_bits": args.n_bits,
              "min_df": args.min_df, "C": args.C, "seed": args.seed, "cl_up": args.cl_up,
              "cl_down": args.cl_down, "max_chars": MAX_CHARS}
    # Recorded when they differ from the recipe up to 2026-12-07.2 ("ko", weight 3), whose metadata lacks them.
    if args.corpus_weight != 3.0:
        params["corpus_weight"] = args.corpus_weight
    if args.corpus_language != "ko":
        params["corpus_language"] = args.corpus_language
    ngram = (args.ngram[0], args.ngram[1])
    log("loading data")
    rows, inputs = load_rows(args.data_dir, args.corpus, args.extra, log, args.skip_source,
                             args.with_source, corpus_weight=args.corpus_weight)
    log(f"  {len(rows)} distinct texts after merging near-duplicates")
    n_unwanted = sum(r.target for r in rows)
    if min(n_unwanted, len(rows) - n_unwanted) < MIN_PER_LABEL:
        raise TrainingError(
            f"too little data: {n_unwanted} distinct unwanted (smishing/spam) and {len(rows) - n_unwanted} distinct "
            f"ham texts after merging near-duplicates; at least {MIN_PER_LABEL} of each are needed")
    norm_texts = model_texts([r.text for r in rows])
    counts = count_matrix(norm_texts, ngram, args.n_bits, np.array([has_hangul(r.text) for r in rows], dtype=bool))
    log("cleaning labels")
    steps = [s for s in args.steps.split(",") if s]
    changed = clean_labels(rows, norm_texts, counts, params, steps, log,
                           relabel_files=args.relabel or [RELABEL_FILE])
    y = np.array([r.target for r in rows])
    log("out-of-fold scores for calibration and thresholds")
    # After confident learning the out-of-fold scores it computed are reused: they are still out of
    # fold for every row (the relabelled rows only change the targets they are compared with), and a
    # second set of 4 fits would double the training time for little change.
    oof = params.pop("_oof_before_confident", None)
    if oof is None:
        oof = oof_scores(norm_texts, rows, counts, params)
    korean = np.array([has_hangul(r.text) for r in rows])
    # One calibration per language; a language without enough of both labels (an operator's Korean-only
    # reports, say) shares the calibration fitted on all rows.
    a, b = platt(*_calibration_rows(oof, y, korean))
    a2, b2 = platt(*_calibration_rows(oof, y, ~korean))
    for name, part in (("Hangul", korean), ("no Hangul", ~korean)):
        if len(_calibration_rows(oof, y, part)[0]) != part.sum():
            log(f"  texts with {name}: fewer than {MIN_PER_LABEL} of a label, so they share the calibration of all rows")
    p_oof = 1 / (1 + np.exp(-np.where(korean, a * oof + b, a2 * oof + b2)))
    # Korean thresholds come from KISA's held-out ham (the corpus' ham is written to be hard, not typical);
    # without KISA (an operator's own data) every Korean ham row is used.
    ko_ham = np.array([r.target == 0 and r.source == "ko_kisa_spam_reports_2022" for r in rows])
    if not ko_ham.any():
        ko_ham = korean & (y == 0)
    threshold = threshold_for_ham_rate(p_oof[ko_ham], args.ham_rate)
    strong = max(threshold, threshold_for_ham_rate(p_oof[ko_ham], args.strong_ham_rate))
    # Texts without Hangul get their own thresholds, chosen the same way on held-out English ham.
    en_ham = ~korean & (y == 0)
    if not en_ham.any():
        en_ham = y == 0
    threshold_en = threshold_for_ham_rate(p_oof[en_ham], args.en_ham_rate)
    strong_en = max(threshold_en, threshold_for_ham_rate(p_oof[en_ham], args.en_strong_ham_rate))
    log(f"  Platt ko a={a:.3f} b={b:.3f}, other a={a2:.3f} b={b2:.3f}; threshold ko={threshold:.4f} "
        f"strong={strong:.4f}; other={threshold_en:.4f} strong={strong_en:.4f}")
    log("fitting the final model on all rows")
    idf = fit_idf(counts, args.min_df)
    clf = fit_linear(tfidf(counts, idf), y, balanced_weights(rows, args.corpus_language == "text"), args.C, args.seed)
    coef = clf.coef_.ravel().astype(np.float32)
    coef[idf == 0] = 0.0
    sk_version = importlib.metadata.version("scikit-learn")
    meta = {
        "version": args.version or f"ko-en-{dt.date.today().isoformat()}.1",
        "sklearn_version": sk_version,
        "numpy_version": np.__version__,
        "normalization_version": NORMALIZATION_VERSION,
        "features_version": FEATURES_VERSION,
        "rules_version": _rules_version(),  # the weak and marketing steps ask the rule layer
        "n_bits": args.n_bits, "ngram_min": ngram[0], "ngram_max": ngram[1],
        "intercept": float(clf.intercept_[0]), "calib_a": a, "calib_b": b,
        "calib_a_other": a2, "calib_b_other": b2,
        "threshold": round(threshold, 4), "strong_threshold": round(strong, 4),
        "threshold_other": round(threshold_en, 4), "strong_threshold_other": round(strong_en, 4),
        "params": json.dumps(params), "inputs": json.dumps(inputs),
        "label_changes": json.dumps(changed),
    }
    state = {"metadata": meta, "coef": coef, "idf": idf}
    model = model_from_state(state)
    oof_ko = {"ko_kisa_ham_flag": _share(p_oof[ko_ham] >= threshold),
              "ko_kisa_unwanted_flag": _share(p_oof[(y == 1) & np.array([r.source.startswith("ko") for r in rows])]
                                              >= threshold)}
    dec = np.array([r.month == "2022-12" for r in rows])
    report = {
        "meta": meta, "steps": steps, "label_changes": changed, "n_rows": len(rows),
        "target_counts": {src: dict(Counter(r.target for r in rows if r.source == src))
                          for src in sorted({r.source for r in rows})},
        "oof_reliability": reliability(p_oof, y),
        "oof_reliability_ko": reliability(p_oof[korean], y[korean]),
        "oof_reliability_other": reliability(p_oof[~korean], y[~korean]),
        "oof_en_ham_flag": _share(p_oof[en_ham] >= threshold_en),
        "oof_en_unwanted_flag": _share(p_oof[~korean & (y == 1)] >= threshold_en),
        "oof_ko_tradeoff": {str(rate): {"threshold": round(threshold_for_ham_rate(p_oof[ko_ham], rate), 4),
                                        "kisa_unwanted_flag": _share(p_oof[~ko_ham & korean & (y == 1)]
                                            >= threshold_for_ham_rate(p_oof[ko_ham], rate), 4)}
                            for rate in (0.01, 0.02, 0.03, 0.04, 0.06)},
        "oof_en_tradeoff": {str(rate): {"threshold": round(threshold_for_ham_rate(p_oof[en_ham], rate), 4),
                                        "unwanted_flag": _share(p_oof[~korean & (y == 1)]
                                            >= threshold_for_ham_rate(p_oof[en_ham], rate), 4)}
                            for rate in (0.001, 0.003, 0.005, 0.01)},
        "oof_flag_rates": oof_ko,
        "oof_corpus": corpus_oof_rates(rows, p_oof, korean, threshold, threshold_en),
        "oof_december": {"ham_flag": float((p_oof[dec & (y == 0)] >= threshold).mean()) if (dec & (y == 0)).any() else None,
                         "unwanted_flag": float((p_oof[dec & (y == 1)] >= threshold).mean()) if (dec & (y == 1)).any() else None},
        "model_only_eval": None if args.blind else model_only_metrics(model, args.data_dir),
        "nonzero_buckets": int((coef != 0).sum()),
    }
    return state, report


def _rules_version() -> str:
    try:
        from checker.rules import RULES_VERSION
    except ImportError:
        return "none"
    return str(RULES_VERSION)


def write_artifact(state: dict, out: Path) -> None:
    import skops.io

    out.parent.mkdir(parents=True, exist_ok=True)
    skops.io.dump(state, out, compression=zipfile.ZIP_DEFLATED, compresslevel=9)


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="smishcheck train", description="Train the text model (see models/MODEL_CARD.md).")
    ap.add_argument("--data-dir", type=Path, default=DEFAULT_DATA, help="folder with the shared data sets")
    ap.add_argument("--corpus", type=Path, default=REPO / "tests" / "corpus", help="our labelled TOML corpus")
    ap.add_argument("--extra", type=Path, action="append", default=[],
                    help="an operator's CSV with columns text,label (smishing/spam/ham); repeatable")
    ap.add_argument("--out", type=Path, default=REPO / "models" / "text_model.skops")
    ap.add_argument("--skip-source", action="append", default=[],
                    help="leave out one of the default shared training sets; repeatable")
    ap.add_argument("--with-source", action="append", default=[], choices=sorted(OPTIONAL_SOURCES),
                    help="add an optional shared set (measured, not in the default); repeatable")
    ap.add_argument("--report", type=Path, default=None, help="write a JSON report (metrics, reliability)")
    ap.add_argument("--steps", default="weak,marketing,review", help="label-cleaning steps, comma-separated")
    # Batch e (models/relabel_batch_e.tsv) was measured and not shipped: pass both files to train with it.
    ap.add_argument("--relabel", type=Path, action="append", default=None,
                    help="reviewed-label file(s) for the review step, repeatable (default: models/relabel.tsv)")
    ap.add_argument("--corpus-weight", type=float, default=3.0,
                    help="sample weight of a corpus text before the cell balancing (default 3)")
    # "text" (from 2026-12-07.3): a text without Hangul counts English, as the calibration and the thresholds do.
    # "ko": corpus and operators' rows all count in the Korean cells (the recipe up to 2026-12-07.2), which made
    # each English legitimate corpus text weigh ~30 super_sms ham; on dev data the two differ by fold noise only.
    ap.add_argument("--corpus-language", choices=("ko", "text"), default="text",
                    help="balancing cell of corpus/extra rows: always Korean (ko) or by Hangul in the text (text)")
    ap.add_argument("--ngram", type=int, nargs=2, default=(2, 4))
    ap.add_argument("--n-bits", type=int, default=18)
    ap.add_argument("--min-df", type=int, default=3)
    ap.add_argument("--C", type=float, default=4.0)
    ap.add_argument("--cl-up", type=float, default=2.0, help="OOF score above which KISA ham is relabelled")
    ap.add_argument("--cl-down", type=float, default=-3.0, help="OOF score below which KISA spam is relabelled")
    # 1.3 %: review batch c (models/relabel.tsv) found that v2's point (3 % of the then noisier OOF KISA ham)
    # flagged about 1.3 % of the ham that is really ham; the cleaner labels keep that false-alarm rate.
    ap.add_argument("--ham-rate", type=float, default=0.013, help="held-out Korean ham share flagged at threshold")
    ap.add_argument("--strong-ham-rate", type=float, default=0.01)
    # 0.5 %: half of the issue's 1 % ceiling for English ham, a margin for ham unlike super_sms's.
    ap.add_argument("--en-ham-rate", type=float, default=0.005,
                    help="held-out ham share flagged at the threshold for texts without Hangul")
    ap.add_argument("--en-strong-ham-rate", type=float, default=0.001)
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--version", default=None)
    # For work on the training side: the evaluation sets are still read (to drop their texts from training),
    # but nothing is scored on them, so a candidate can be compared on dev data without seeing a test figure.
    ap.add_argument("--blind", action="store_true", help="do not score the model on the evaluation sets")
    return ap


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if args.min_df < 3:
        print("min-df must be at least 3 (privacy: no rare strings in the model)", file=sys.stderr)
        return 2
    if not (args.data_dir.is_dir() or args.extra):
        print(f"data folder not found: {args.data_dir}", file=sys.stderr)
        return 2

    def log(msg: str) -> None:
        print(msg, file=sys.stderr, flush=True)

    for path in args.extra:
        problem = extra_file_problem(path)
        if problem:
            print(f"smishcheck train: {path}: {problem}", file=sys.stderr)
            return 2
    try:
        state, report = build(args, log)
    except TrainingError as exc:
        print(f"smishcheck train: {exc}", file=sys.stderr)
        return 2
    write_artifact(state, args.out)
    log(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.2f} MB)")
    if args.report:
        args.report.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    if not args.blind:
        print(json.dumps(report["model_only_eval"], indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
