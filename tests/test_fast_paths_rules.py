"""The speed-ups of the rule side (facts, rules, verdict building) give exactly the answers of the plain
code they replace; see tests/test_fast_paths.py for the style."""

from __future__ import annotations

import dataclasses
import inspect

import pytest

from checker.verdict import Advice, Hit, PhoneInfo, UrlInfo, Verdict, make_hit, make_phone, make_verdict

_HIT = ("URL_APK", 6.0, "한국어", "English", "evil.apk", "url")
_PHONE = ("01012345678", "mobile", False, None, None, True)
_URL = UrlInfo(url="http://a.kr", host="a.kr", registered_domain="a.kr", official=False, flags=("unknown",))


@pytest.mark.parametrize(
    ("builder", "cls", "args"),
    [
        (make_hit, Hit, _HIT),
        (make_phone, PhoneInfo, _PHONE),
        (make_verdict, Verdict, ("high", 0.7, (Hit(*_HIT),), (_URL,), (PhoneInfo(*_PHONE),), Advice("k", "e"), {"a": "b"})),
    ],
)
def test_builders_give_the_constructors_objects(builder, cls, args):
    # A field added to the class but not to its builder would be missing from the built object.
    assert list(inspect.signature(builder).parameters) == [f.name for f in dataclasses.fields(cls)]
    built, constructed = builder(*args), cls(*args)
    assert type(built) is cls
    assert built == constructed
    if cls is not Verdict:  # a Verdict holds a dict: not hashable either way
        assert hash(built) == hash(constructed)
    assert vars(built) == vars(constructed)
    assert repr(built) == repr(constructed)
    with pytest.raises(dataclasses.FrozenInstanceError):
        built.score = 0  # still frozen
