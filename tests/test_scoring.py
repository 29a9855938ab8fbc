"""scoring.py: the only place where hits become a level."""

from checker.scoring import HIGH_POINTS, MEDIUM_POINTS, combine, total_points
from checker.verdict import Hit


def hit(id_: str, group: str, score: float) -> Hit:
    return Hit(id=id_, score=score, ko="가", en="a", group=group)


def test_levels_follow_points():
    assert combine([])[0] == "low"
    assert combine([hit("TEXT_X", "text", MEDIUM_POINTS)])[0] == "medium"
    assert combine([hit("TEXT_X", "text", HIGH_POINTS)])[0] == "high"


def test_group_cap_limits_many_weak_url_facts():
    hits = [hit(f"URL_{i}", "url", 2) for i in range(10)]
    assert total_points(hits) == 6.0


def test_score_is_monotone_and_bounded():
    scores = [combine([hit("TEXT_X", "text", p)])[1] for p in (0.5, 1, 3, 6)]
    assert scores == sorted(scores)
    assert all(0 <= s <= 1 for s in scores)


def test_model_alone_never_makes_high():
    hits = [hit("MODEL_TEXT", "model", 4), hit("TEXT_URGENCY", "text", 1), hit("TEXT_PRIZE", "text", 3)]
    assert combine(hits)[0] == "medium"


def test_model_raises_to_high_with_a_risky_carrier():
    hits = [hit("MODEL_TEXT", "model", 3), hit("URL_IP_HOST", "url", 4)]
    assert combine(hits)[0] == "high"


def test_model_with_only_a_shortener_stays_medium():
    hits = [hit("MODEL_TEXT", "model", 3), hit("URL_SHORTENER", "url", 2), hit("URL_UNKNOWN_DOMAIN", "url", 1)]
    assert combine(hits)[0] == "medium"


def test_forced_high_is_never_lowered():
    level, score = combine([hit("NOTICE_X", "notice", 1)], forced=["high"])
    assert level == "high" and score >= 0.8
