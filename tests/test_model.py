"""The text classifier: shipped artifact, loader safety, normalisation, privacy of the features."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import numpy as np
import pytest

from checker import model as model_mod
from checker.model import TRUSTED_TYPES, ModelError, TextModel, default_model_path, load_model, model_texts
from checker.model_text import dedup_key, normalize_for_model

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO / ".." / "shared" / "data"
needs_shared = pytest.mark.skipif(not SHARED_DATA.is_dir(), reason="../shared/data is absent")

SMISHING = "[CJ대한통운] 고객님 택배가 주소 불일치로 보관 중입니다. 주소 확인 바랍니다 http://cj-parcel.top/a"
OTP = "[Web발신] [카카오] 인증번호 [482913]를 입력해주세요. 타인에게 절대 알려주지 마세요."


@pytest.fixture(scope="module")
def shipped() -> TextModel:
    return load_model()


def test_shipped_model_loads_from_models_package(shipped):
    assert default_model_path().parent.name == "models"
    assert shipped.version
    assert 0.0 < shipped.threshold <= shipped.strong_threshold < 1.0


def test_default_model_is_cached():
    assert model_mod.default_model() is model_mod.default_model()


def test_smishing_scores_higher_than_an_otp_code(shipped):
    p_smish, p_otp = shipped.predict_proba([SMISHING, OTP])
    assert p_smish > p_otp
    assert p_smish >= shipped.threshold > p_otp


def test_batch_and_single_predictions_agree(shipped):
    texts = [SMISHING, OTP, "안녕하세요 내일 3시에 뵙겠습니다", "Congratulations! You won a prize, call 09061701461"]
    batch = shipped.predict_proba(texts)
    single = [shipped.predict_proba([t])[0] for t in texts]
    assert np.allclose(batch, single)
    assert all(0.0 <= p <= 1.0 for p in batch)


def test_predict_proba_refuses_a_bare_string(shipped):
    with pytest.raises(TypeError):
        shipped.predict_proba(SMISHING)


def test_loader_passes_an_explicit_trusted_type_list(monkeypatch):
    import skops.io

    seen = {}
    real_load = skops.io.load

    def spy(path, trusted=None):
        seen["trusted"] = trusted
        return real_load(path, trusted=trusted)

    monkeypatch.setattr(skops.io, "load", spy)
    # The fast reader handles the shipped file; anything it does not know goes to skops.io.load.
    monkeypatch.setattr("checker.model.read_plain_skops", lambda path: None)
    load_model()
    assert seen["trusted"] == TRUSTED_TYPES
    assert all(isinstance(t, str) and "." in t for t in seen["trusted"])
    assert not any("sklearn" in t or "function" in t for t in seen["trusted"])


def _rewrite_metadata(src: Path, dst: Path, **changes) -> None:
    import skops.io

    state = skops.io.load(src, trusted=TRUSTED_TYPES)
    state["metadata"].update(changes)
    skops.io.dump(state, dst, compression=zipfile.ZIP_DEFLATED)


def test_refuses_a_model_trained_with_another_sklearn(tmp_path):
    fake = tmp_path / "old.skops"
    _rewrite_metadata(default_model_path(), fake, sklearn_version="0.24.2")
    with pytest.raises(ModelError, match=r"scikit-learn 0\.24\.2"):
        load_model(fake)


def test_refuses_missing_and_corrupt_files(tmp_path):
    with pytest.raises(ModelError, match="not found"):
        load_model(tmp_path / "nope.skops")
    bad = tmp_path / "bad.skops"
    bad.write_bytes(b"not a zip file")
    with pytest.raises(ModelError):
        load_model(bad)


def test_refuses_an_untrusted_type(tmp_path):
    import skops.io
    from sklearn.linear_model import LogisticRegression

    evil = tmp_path / "evil.skops"
    skops.io.dump({"metadata": {}, "coef": LogisticRegression()}, evil)
    with pytest.raises(ModelError):
        load_model(evil)


def test_copy_of_shipped_model_loads(tmp_path):
    copy = tmp_path / "copy.skops"
    shutil.copy(default_model_path(), copy)
    assert load_model(copy).predict_proba([OTP]) == load_model().predict_proba([OTP])


# --- normalisation: one function for training and inference ----------------------------------------


@pytest.mark.parametrize(
    "masked, real",
    [
        ("연락처 01X-XXXX-XXXX 로 문의", "연락처 010-2345-6789 로 문의"),
        ("Call +91XXXXXXX now", "Call +919876543 now"),
        ("잔액 ***원 입금", "잔액 500원 입금"),
        ("인증번호 [XXXXXX]", "인증번호 [482913]"),
    ],
)
def test_masks_and_digits_normalise_alike(masked, real):
    assert normalize_for_model(masked) == normalize_for_model(real)


def test_lost_character_runs_and_urls_are_normalised():
    assert normalize_for_model("이벤트？？？참여 https://evil.example.xyz/a?b=1") == "이벤트 참여 <url>"
    assert normalize_for_model("Ｆｕｌｌ ｗｉｄｔｈ") == "full width"


def test_training_and_inference_use_the_same_normalisation(monkeypatch, shipped):
    """model.py and train.py both reach the text only through model_texts/normalize_for_model."""
    from checker import train

    assert train.model_texts is model_mod.model_texts
    calls = []
    real = model_mod.normalize_for_model
    monkeypatch.setattr(model_mod, "normalize_for_model", lambda t: calls.append(t) or real(t))
    shipped.predict_proba(["잔액 ***원"])
    assert calls == ["잔액 ***원"]


def test_dedup_key_groups_campaign_variants():
    a = "[Web발신] 홍*동님 주문 12,000원 결제 http://a.kr/x1"
    b = "[Web발신] 홍*동님  주문 9,900원 결제! https://b.com/y"
    assert dedup_key(a) == dedup_key(b)


# --- privacy: the features keep no rare strings -------------------------------------------------------


def test_no_digits_survive_normalisation():
    text = "김민준님 010-1234-5678 / 계좌 110-234-567890 / 주민 900101-1234567"
    assert {ch for ch in normalize_for_model(text) if ch.isdigit()} <= {"0"}


def test_phone_numbers_cannot_be_told_apart_by_the_model(shipped):
    a, b = shipped.predict_proba(["연락 주세요 010-1111-2222", "연락 주세요 010-9876-5432"])
    assert a == b


def test_shipped_artifact_holds_no_text_but_metadata(shipped):
    import skops.io

    state = skops.io.load(default_model_path(), trusted=TRUSTED_TYPES)
    assert set(state) == {"metadata", "coef", "idf"}
    assert state["coef"].dtype.kind == "f" and state["idf"].dtype.kind == "f"
    assert int(state["metadata"]["n_bits"]) >= 16
    import json

    assert json.loads(state["metadata"]["params"])["min_df"] >= 3


def test_rare_ngrams_get_no_weight(tmp_path):
    """A name seen in fewer than min_df training texts leaves no trace in the model (hashing + min_df)."""
    from checker.train import count_matrix, fit_idf

    common = ["대출 한도 조회 가능합니다"] * 5
    rare = ["홍길순님께 드리는 안내"]
    texts = model_texts(common + rare)
    counts = count_matrix(texts, (2, 4), 18)
    idf = fit_idf(counts, min_df=3)
    rare_buckets = set(counts[len(common) :].indices) - set(counts[: len(common)].indices)
    assert rare_buckets, "the rare text must have n-grams of its own"
    assert all(idf[b] == 0 for b in rare_buckets)
    assert all(idf[b] > 0 for b in counts[0].indices)


@needs_shared
def test_shipped_model_separates_gold_smishing_from_ham(shipped):
    """Model alone on the never-trained-on Korean gold set (the card has the full table)."""
    from checker.training_data import read_csv

    rows = read_csv(SHARED_DATA / "ko_gold_kisa_v2" / "data.csv")
    p = np.array(shipped.predict_proba([r["text"] for r in rows]))
    lab = np.array([r["label"] for r in rows])
    assert p[lab == "smishing"].mean() > p[lab == "ham"].mean() + 0.2


# --- per-language thresholds and cleaned labels -----------------------------------------------------


def test_thresholds_follow_the_language_of_each_text(shipped):
    texts = [SMISHING, "Your parcel is held, confirm your address http://x.top/a"]
    ko, en = shipped.thresholds(texts)
    assert ko == shipped.threshold
    assert en == shipped.threshold_other
    assert 0.0 < en < 1.0 and shipped.strong_thresholds(texts)[1] >= en


def test_checker_applies_the_per_text_threshold():
    """core.check_many passes each message the threshold of its own language."""
    from checker.core import Checker

    class Fake:
        version = "fake"
        threshold = 0.9

        def predict_proba(self, texts):
            return [0.5 for _ in texts]

        def thresholds(self, texts):
            return [0.9 if model_mod.has_hangul(t) else 0.4 for t in texts]

    ko, en = Checker(model=Fake()).check_many([_item("안녕하세요 내일 봬요"), _item("see you tomorrow at noon")])
    assert "MODEL_TEXT" not in {h.id for h in ko.reasons}
    assert "MODEL_TEXT" in {h.id for h in en.reasons}


def _item(text):
    from checker.core import Item

    return Item(text)


def test_refuses_a_model_trained_on_another_text_length(tmp_path):
    import json

    import skops.io

    state = skops.io.load(default_model_path(), trusted=TRUSTED_TYPES)
    params = json.loads(state["metadata"]["params"])
    params["max_chars"] = model_mod.MAX_CHARS + 1
    fake = tmp_path / "len.skops"
    _rewrite_metadata(default_model_path(), fake, params=json.dumps(params))
    with pytest.raises(ModelError, match="characters"):
        load_model(fake)


def test_relabel_file_holds_hashes_not_text():
    path = REPO / "models" / "relabel.tsv"
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    assert lines
    for line in lines:
        h, label, reason = line.split("\t")
        assert len(h) == 20 and all(c in "0123456789abcdef" for c in h)
        assert label in ("smishing", "spam", "ham")
        assert len(reason) < 120 and not any(ch.isdigit() for ch in reason.replace("(광고)", ""))


@pytest.mark.parametrize(
    "text, official, expected",
    [
        ("(광고)[현대카드] 김*희 회원님, 이달의 무이자할부 혜택 안내 무료수신거부 080-000-0000", True, True),
        ("(광고)[행복마트] 고객님 주말 특가 세일 쿠폰 드려요 무료거부 0800000000", False, True),
        ("(광고)VIP 주식 리딩방 무료 입장 수익 300% bit.ly/x 무료거부 0800000000", False, False),
        ("(광고)[우리카드] 회원님 혜택 안내 카톡 문의 abc123", True, False),
        ("[현대카드] 김*희 회원님 결제 1,000원 승인", True, False),  # not an ad: left to the other steps
        # Review batch c: card-cash solicitation and spaced-out letters under a real brand's name stay unwanted.
        ("(광고)KB국민카드 발급즉시 현금40만원 증정합니다 고객님 혜택", True, False),
        ("(광고)♣가.입♣ 못하신 회원님 이벤트 혜택 sds-ok.com", True, False),
    ],
)
def test_brand_marketing_heuristic(text, official, expected):
    from checker.training_data import brand_marketing

    assert brand_marketing(text, official) is expected


def test_plain_reader_matches_skops_and_needs_no_sklearn(tmp_path):
    import subprocess
    import sys

    import numpy as np
    import skops.io

    from checker.model import TRUSTED_TYPES, default_model_path, read_plain_skops

    path = default_model_path()
    plain = read_plain_skops(path)
    reference = skops.io.load(path, trusted=TRUSTED_TYPES)
    assert plain is not None and plain.keys() == reference.keys()
    assert plain["metadata"] == reference["metadata"]
    for key in ("coef", "idf"):
        assert np.array_equal(plain[key], reference[key])
    code = "import sys; from checker.model import load_model; load_model(); print('sklearn' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "False", "loading the shipped model imported scikit-learn"


def test_plain_reader_refuses_other_nodes(tmp_path):
    import skops.io

    from checker.model import read_plain_skops

    path = tmp_path / "other.skops"
    skops.io.dump({"metadata": {"a": 1}, "weights": [1.0, 2.0], "oops": {1, 2}}, path)
    assert read_plain_skops(path) is None  # a list/set node: left to skops.io.load and its trusted types


@pytest.mark.parametrize(
    "text, expected",
    [
        ("(광고)L0TT0 1045회차 프리미엄 번호 10조합 https://vo.la/x 무료거부0808550000", 1),
        ("비행기신입생3+2 10+5 20+7 30+10 bit.ly/AirGo77", 1),  # a gambling bonus table with a link
        ("[아틀리에빈] 전 음료 1+1 문자쿠폰 https://example.kr/c", None),  # one "1+1" is an ordinary offer
        ("로또 번호 10조합 드립니다", None),  # no link, number or contact: no vote
        # Political messages are ham in the gold guideline: "장애인", "검찰개혁" and "신분증 지참" are not spam words there.
        ("[국회의원 홍길동 의정보고] 장애인 예산 확대, 검찰개혁 완수 https://pf.kakao.com/_x", None),
        ("(선거운동정보) 기호 1번 후보입니다. 투표소에 신분증을 지참하세요 문의 02-000-0000", None),
        ("장애인 콜택시 예약 확인 https://example.kr/a", None),
    ],
)
def test_weak_label_wording(text, expected):
    from checker.training_data import weak_label

    assert weak_label(text) == expected


def test_training_sources_can_be_skipped_added_and_english_ones_are_named_en(tmp_path):
    """--skip-source / --with-source; every English set's name starts with en_ (balanced_weights counts it English)."""
    from checker.training_data import iter_sources

    for name in ("en_super_sms_dataset_2024", "en_spamhunter_2022"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "data.csv").write_text("text,label\nWIN a prize txt 80000,spam\n", encoding="utf-8")
    assert [n for n, _, _ in iter_sources(tmp_path, None)] == ["en_super_sms_dataset_2024"]
    both = [(n, [r.source for r in rows]) for n, _, rows in iter_sources(tmp_path, None, include=("en_spamhunter_2022",))]
    assert both == [("en_super_sms_dataset_2024", ["en_super_sms_dataset_2024"]),
                    ("en_spamhunter_2022", ["en_spamhunter_2022"])]
    assert [n for n, _, _ in iter_sources(tmp_path, None, skip=("en_super_sms_dataset_2024",))] == []


def test_corpus_rows_can_be_balanced_by_the_language_of_their_text_and_weighted(tmp_path):
    """--corpus-language text puts an English corpus text in the English cells (as the calibration does);
    "ko" keeps every corpus text in the Korean cells (the recipe up to 2026-12-07.2). --corpus-weight."""
    from checker.train import balanced_weights, row_language
    from checker.training_data import Row, iter_sources

    rows = [Row("Your parcel is on its way", 0, "en_super_sms_dataset_2024", "ham"),
            Row("WIN a prize txt now", 1, "en_super_sms_dataset_2024", "spam"),
            Row("택배 배송 안내", 0, "ko_kisa_spam_reports_2022", "not_spam"),
            Row("Spam text in KISA", 1, "ko_kisa_spam_reports_2022", "other"),
            Row("See you at 11am for your cut", 0, "tests_corpus", "legit", weight=3.0),
            Row("카드 승인 안내", 0, "tests_corpus", "legit", weight=3.0)]
    assert [row_language(r) for r in rows] == ["en", "en", "ko", "ko", "ko", "ko"]
    assert [row_language(r, True) for r in rows] == ["en", "en", "ko", "ko", "en", "ko"]  # KISA stays Korean
    old, new = balanced_weights(rows), balanced_weights(rows, True)
    # old: the English corpus text shares the Korean ham cell (3 rows); new: the English ham cell (2 rows)
    assert old[4] == pytest.approx(3.0 * 1.5 / 3) and new[4] == pytest.approx(3.0 * 1.5 / 2)
    assert new[0] == pytest.approx(1.5 / 2) and new[2] == pytest.approx(1.5 / 2)
    assert (old.sum(), new.sum()) == (pytest.approx(8.0), pytest.approx(9.0))

    (tmp_path / "c.toml").write_text('[[case]]\nkind = "legit"\ntext = "Hi there"\n', encoding="utf-8")
    for weight in (1.0, 3.0):
        (name, _, it), = list(iter_sources(tmp_path / "none", tmp_path, corpus_weight=weight))
        assert name == "tests_corpus" and [r.weight for r in it] == [weight]


def test_train_parser_defaults_are_the_shipped_recipe():
    """From 2026-12-07.3 corpus texts are balanced by the language of their text; "ko" rebuilds older models."""
    from checker.train import parser

    args = parser().parse_args([])
    assert args.corpus_weight == 3.0 and args.corpus_language == "text"
    args = parser().parse_args(["--corpus-weight", "1", "--corpus-language", "ko"])
    assert args.corpus_weight == 1.0 and args.corpus_language == "ko"


def test_training_report_gives_out_of_fold_rates_of_the_corpus_per_language_and_kind():
    from checker.train import corpus_oof_rates
    from checker.training_data import Row

    rows = [Row("See you at 11am", 0, "tests_corpus", "legit"), Row("Pay the toll now", 1, "tests_corpus", "smishing"),
            Row("택배 안내", 0, "tests_corpus", "legit"), Row("Your parcel", 0, "en_super_sms_dataset_2024", "ham")]
    p = np.array([0.7, 0.9, 0.995, 0.99])
    korean = np.array([False, False, True, False])
    assert corpus_oof_rates(rows, p, korean, th_ko=0.999, th_en=0.6) == {
        "ko_legit": {"n": 1, "flag": 0.0}, "en_legit": {"n": 1, "flag": 1.0}, "en_unwanted": {"n": 1, "flag": 1.0}}
