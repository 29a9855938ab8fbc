"""The speed-ups of the link side give exactly the answers of the plain formulations they replace.

Each one (a pre-check that skips the lookalike search, an exact suffix lookup in place of tldextract's, ...)
is compared here with the plain code it stands for, on chosen cases and on random input drawn so that
the fast path is taken and left often.
"""

from __future__ import annotations

import dataclasses
import inspect
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker import lookalike, normalize, phones, urls
from checker.allowlist import default_allowlist
from checker.lookalike import CloseWordFilter, Lookalike, LookalikeIndex, edit_distance_at_most, skeleton
from checker.urls import ANY_URL, EXTRACTOR, UrlAnalyzer, default_analyzer, split_host
from checker.verdict import UrlInfo, make_url_info, with_flags

_SETTINGS = settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
_INDEX = default_analyzer().lookalikes
# Letters of the brands (so that words come close to them often), a confusable, a digit and a hyphen.
_BRAND_LETTERS = sorted(set("".join(_INDEX.brands)) | {"\u0430", "1", "-"})
_LABEL = st.one_of(
    st.text(alphabet=_BRAND_LETTERS, min_size=1, max_size=22),
    # A brand with a few random edits: within the limit or just past it.
    st.tuples(st.sampled_from(_INDEX.brands), st.lists(st.tuples(st.integers(0, 30), st.sampled_from(_BRAND_LETTERS),
                                                              st.sampled_from("ids")), max_size=3)).map(
        lambda case: _edited(*case)
    ),
)


def _edited(word: str, edits: list[tuple[int, str, str]]) -> str:
    for position, char, kind in edits:
        at = position % (len(word) + 1)
        if kind == "i":
            word = word[:at] + char + word[at:]
        elif kind == "d":
            word = word[:at] + word[at + 1 :]
        else:
            word = word[:at] + char + word[at + 1 :]
    return word or "x"


def _plain_similar_label(index: LookalikeIndex, label: str) -> Lookalike | None:
    """``LookalikeIndex._similar_label`` without its pre-check: the deletion-set search for every label."""
    saved = index.close_to_brand, index.close_to_brand_skeleton
    always = CloseWordFilter([])
    always.may_be_close = lambda word: True  # type: ignore[method-assign]
    index.close_to_brand = index.close_to_brand_skeleton = always
    try:
        return LookalikeIndex._similar_label.__wrapped__(index, label)
    finally:
        index.close_to_brand, index.close_to_brand_skeleton = saved


@_SETTINGS
@given(st.text(alphabet="abcdkr-1", max_size=12),
       st.lists(st.tuples(st.text(alphabet="abcdkr-1", min_size=1, max_size=12), st.integers(0, 2)), max_size=5))
def test_close_word_filter_never_rejects_a_word_within_the_limit(word, targets):
    close = CloseWordFilter(targets)
    if not close.may_be_close(word):
        for target, limit in targets:
            assert edit_distance_at_most(word, target, limit) is None, (word, target, limit)


@_SETTINGS
@given(st.text(alphabet="abcdkr-1", min_size=1, max_size=14),
       st.lists(st.tuples(st.text(alphabet="abcdkr-1", min_size=1, max_size=12), st.integers(0, 2)), max_size=5))
def test_close_word_filter_bound_gives_the_exact_answer(word, targets):
    # The quick per-occurrence bound in ``may_be_close`` only ever says False where the exact count does.
    close = CloseWordFilter(targets)
    if len(word) in close.tables and len(word) not in close.always:
        assert close.may_be_close(word) == close.shared_enough(word)


def test_close_word_filter_bound_on_real_labels():
    for word in [*_INDEX.brands, *(skeleton(brand) for brand in _INDEX.brands), "kbcrad", "kbcardkbcard",
                 "aaaaaaaaaa", "sarnsungcrad", "ssssssss", "hyundaicardd", "nnnnhhhhiiiisss"]:
        for close in (_INDEX.close_to_brand, _INDEX.close_to_brand_skeleton):
            if len(word) in close.tables:
                assert close.may_be_close(word) == close.shared_enough(word), word


def test_close_word_filter_cases():
    close = CloseWordFilter([("kbcard", 1), ("hyundaicard", 2)])
    assert close.may_be_close("kbcrad") and close.may_be_close("kbcards") and close.may_be_close("hyundalcard")
    assert close.may_be_close("hyundacrd")
    assert not close.may_be_close("kbxxrd") and not close.may_be_close("naver") and not close.may_be_close("k")
    assert not close.may_be_close("hyunxxxxxxx")


@_SETTINGS
@given(_LABEL)
def test_similar_label_with_the_pre_check_matches_the_plain_search(label):
    assert LookalikeIndex._similar_label.__wrapped__(_INDEX, label) == _plain_similar_label(_INDEX, label)


def test_similar_label_cases():
    for label in ["kbcrad", "sarnsungcard", "hyundalcard", "kbcard-coupon", "naver", "forms", "kbc\u0430rd", "nhls",
                  "shinhancrad", "sarnsungcrad", "hanjin", "epost-go", "x"]:
        assert LookalikeIndex._similar_label.__wrapped__(_INDEX, label) == _plain_similar_label(_INDEX, label), label
    assert LookalikeIndex._similar_label.__wrapped__(_INDEX, "sarnsungcrad") == Lookalike("typo", "samsungcard.com")
    assert skeleton("sarnsungcard") == "samsungcard"
    assert lookalike.MIN_BRAND_LEN == 4


def _tldextract_parts(host: str) -> tuple[str, str, str] | None:
    parts = EXTRACTOR.extract_str(host)
    return (parts.subdomain, parts.domain, parts.suffix) if parts.suffix else None


# Labels that make the suffix walk take every turn: plain and multi-label suffixes, a wildcard rule (*.kh,
# *.kitakyushu.jp), its exception (!city.kitakyushu.jp), private suffixes (blogspot.com, github.io),
# punycode (a Korean TLD, a broken one), odd characters that tldextract's URL parsing treats specially.
_HOST_LABEL = st.sampled_from(
    ["com", "kr", "co", "go", "or", "jp", "kitakyushu", "city", "kh", "blogspot", "github", "io", "www", "a",
     "evil", "kbcard", "xn--3e0b707e", "xn--", "xn--zz", "*", "!city", "", "AB", "x:1", "a/b", "a@b", " ", "\u3002",
     "1", "192", "xn--kbcrd-3ve",
     # Punycode labels that a suffix rule holds decoded, under nodes with Unicode children (.рус, .no, .jp) and
     # elsewhere (.com), an upper-case one and broken ones (decoded by neither idna nor punycode).
     "xn--p1acf", "xn--c1avg", "no", "xn--snes-poa", "jp", "xn--uisz3g", "xn--abc-", "xn--a-ecp.ru", "XN--P1ACF",
     "xn--9m1b55f65lh0n"]
)
_HOST = st.lists(_HOST_LABEL, min_size=1, max_size=5).map(".".join)


@_SETTINGS
@given(_HOST)
def test_split_host_matches_tldextract(host):
    assert split_host(host) == _tldextract_parts(host)


def test_split_host_cases():
    for host in ["evil.com", "a.b.kbcard.co.kr", "x.kh", "a.x.kh", "kh", "city.kitakyushu.jp", "a.city.kitakyushu.jp",
                 "b.a.kitakyushu.jp", "kitakyushu.jp", "me.blogspot.com", "blogspot.com", "a.xn--3e0b707e",
                 "xn--3e0b707e", "xn--kbcrd-3ve.com", "a.xn--.com", "co.kr", "1.2.3.4", "a.b", "evil.com.", "[::1]",
                 "EVIL.COM", "a..com", ".com"]:
        assert split_host(host) == _tldextract_parts(host), host
    assert split_host("a.b.kbcard.co.kr") == ("a.b", "kbcard", "co.kr")
    assert split_host("a.x.kh") == ("", "a", "x.kh")
    assert split_host("a.city.kitakyushu.jp") == ("a", "city", "kitakyushu.jp")
    assert split_host("me.blogspot.com") == ("", "me", "blogspot.com")
    assert split_host("evil.notatld") is None
    assert split_host("a.xn--p1acf") == ("", "a", "xn--p1acf")  # .рус, found decoded
    assert split_host("x.xn--c1avg.xn--p1acf") == ("", "x", "xn--c1avg.xn--p1acf")  # .орг.рус
    assert split_host("xn--9m1b55f65lh0n.com") == ("", "xn--9m1b55f65lh0n", "com")


# Training-side and development sets only (a full test run must not read an evaluation set), with how many rows of each.
_REAL_SOURCES = (("ko_kisa_spam_reports_2022", 60_000), ("en_spamhunter_2022", 4_000), ("en_super_sms_dataset_2024", 4_000),
                 ("ko_smishdt_kor_smishing", 3_000))


def _real_texts(data, sources=_REAL_SOURCES, limit=None):
    import csv

    csv.field_size_limit(10**7)
    texts = []
    for name, rows in sources:
        with (data / name / "data.csv").open(encoding="utf-8", newline="") as handle:
            texts += [row["text"] for _, row in zip(range(min(rows, limit or rows)), csv.DictReader(handle))]
    return texts


def _real_hosts(data) -> list[str]:
    """Every host that the analysis of real messages' links looks up (ASCII form, lower-case)."""
    analyzer = UrlAnalyzer(default_allowlist())
    hosts: set[str] = set()
    looked_up = analyzer._host_facts

    def record(host_raw):
        hosts.add(urls._to_ascii(host_raw) or "")
        return looked_up(host_raw)

    analyzer._host_facts_cached = record
    for text in _real_texts(data):
        for candidate in analyzer.find(normalize.normalize(text)):
            analyzer._analyse_uncached(candidate)
    return sorted(hosts - {""})


def test_split_host_matches_tldextract_on_real_hosts(shared_data):
    hosts = _real_hosts(shared_data)
    assert len(hosts) > 3000 and sum("xn--" in host for host in hosts) > 100
    for host in hosts:
        assert split_host(host) == _tldextract_parts(host), host


_SPACED = st.lists(
    st.sampled_from([" ", "\t", ".", "a", "1", "-", "가", "com", "CoM", "kr", "net", "comx", "cnn", "click", "K",
                     "\u212a", "r", "x", "\n"]),
    max_size=14,
).map("".join)


@_SETTINGS
@given(_SPACED)
def test_spaced_tld_pre_check_never_skips_a_change(text):
    if normalize._SPACED_TLD.search(text) is None:
        assert normalize._SPACED_DOT.sub(normalize._join_spaced_dot, text) == text


def test_spaced_tld_cases():
    for text, joined in [("naver . com", "naver.com"), ("evil .xyz/a", "evil.xyz/a"), ("evil. CoM", "evil.CoM"),
                         ("확인하세요. 감사", None), ("a. comx", None), ("a .kr-x", None), ("Mr. Kim", None)]:
        assert (normalize._SPACED_TLD.search(text) is not None) == (joined is not None), text
        assert normalize.normalize(text) == (joined or text), text


_FIND_ANALYZER = UrlAnalyzer(default_allowlist())  # one for all examples: its per-token table fills up


@_SETTINGS
@given(st.lists(st.sampled_from(["evil.com", "http://x.kr/a", "1.2.3.4", "우체국.kr", "a.b", " ", "\n", "확인", "x",
                                 "gov.kr@evil.com", "합니다.", ".com", "\t", "\u3000", "\x85", "\x00"]),
                max_size=10).map("".join))
def test_find_with_the_token_table_matches_matching_every_token(text):
    plain = [m.group(0) for token in text.split() for m in ANY_URL.finditer(token)]
    assert _FIND_ANALYZER.find(text) == plain
    assert _FIND_ANALYZER.find(text) == plain  # now from the table


def test_find_token_bounds_cases():
    # Tokens are cut at blanks first; a line break, tab or other whitespace inside sends them to the scans.
    for text in ["see evil.com now", "evil.com", "a\nevil.com\tb", "a evil.com\u3000b", "x\x85evil.com\n",
                 "a\n\nb.c d", "a\tb.kr\nc.kr d", "x.kr\u2028y.kr", "a \x00b.kr"]:
        assert _FIND_ANALYZER.find(text) == [m.group(0) for token in text.split() for m in ANY_URL.finditer(token)], text


def test_any_url_has_no_capturing_group():
    # ``find`` reads the matched links with findall, which gives whole matches only for a pattern without groups.
    assert ANY_URL.groups == 0


def test_token_table_is_bounded(monkeypatch):
    monkeypatch.setattr(urls, "_TOKEN_CACHE_SIZE", 3)
    analyzer = UrlAnalyzer(default_allowlist())
    for i in range(10):
        assert analyzer.find(f"see evil{i}.com now") == [f"evil{i}.com"]
        assert len(analyzer._links_in_token) <= 3


def test_bracketed_spelled_out_case_matches_ignorecase():
    plain = re.compile(r"[\[({<]\s*(?:[.:]|dot|점)\s*[\])}>]", re.IGNORECASE)
    for text in ["[.]", "( dot )", "{DoT}", "<점>", "[:]", "(dOT)", "[d0t]", "[Web발신]", "(\u0131)", "a[ . ]b"]:
        assert (normalize._BRACKETED.search(text) is None) == (plain.search(text) is None), text
    # No code point but the six ASCII letters is matched by d, o or t under re.IGNORECASE.
    folded = re.compile("(?i)[dot]")
    assert [c for c in map(chr, range(0x110000)) if folded.fullmatch(c)] == list("DOTdot")


def test_url_info_builders_give_the_constructors_objects():
    # A field added to UrlInfo but not to its builder would be missing from the built object.
    assert list(inspect.signature(make_url_info).parameters) == [f.name for f in dataclasses.fields(UrlInfo)]
    for args in [("http://a.kr/x", "a.kr", "a.kr", False, None, None, ("unknown",), "", None),
                 ("kbcard.com", "kbcard.com", "kbcard.com", True, "KB Card", "KB국민카드", (), "", None),
                 ("xn--kbcrd-3ve.com", "xn--kbcrd-3ve.com", "xn--kbcrd-3ve.com", False, None, None,
                  ("punycode", "lookalike", "unknown"), "kbcаrd.com", "kbcard.com")]:
        built, constructed = make_url_info(*args), UrlInfo(*args)
        assert type(built) is UrlInfo
        assert built == constructed and hash(built) == hash(constructed) and repr(built) == repr(constructed)
        assert vars(built) == vars(constructed)
        flagged = with_flags(built, ("obfuscated", *built.flags))
        assert flagged == dataclasses.replace(constructed, flags=("obfuscated", *constructed.flags))
        assert vars(flagged) == vars(dataclasses.replace(constructed, flags=("obfuscated", *constructed.flags)))
        assert built.flags == args[6]  # the copy left the original alone
        with pytest.raises(dataclasses.FrozenInstanceError):
            built.url = "x"  # still frozen


_NUMBER_GROUP = {"intl": "num", "kr": "krnum", "short": "shortnum", "nanp": "nanpnum"}


def _plain_phone_matches(text: str) -> list[tuple]:
    """``_ANY`` in every run of digits, and the dispatch ``find_phones`` made before (on which group is set), as
    ``phones._matches`` gives them: (kind, as written, the number part, start)."""
    found = []
    for run in phones._RUN.finditer(text):
        for match in phones._ANY.finditer(text, *run.span()):
            kind = ("intl" if match.group("intl") else "kr" if match.group("kr") else "short" if match.group("short")
                    else "nanp")
            assert match.lastgroup == kind
            found.append((kind, match.group(0), match.group(_NUMBER_GROUP[kind]), match.start()))
    return found


@_SETTINGS
@given(st.lists(st.sampled_from(list("0123456789+()- .*xX?원,가a:") + ["010", "112", "1588", "1332", "+1 ", "001 ", "02"]),
                max_size=30).map("".join))
def test_phone_matches_with_the_candidate_pattern_match_the_plain_search(text):
    assert list(phones._matches(text)) == _plain_phone_matches(text)


def test_phone_matches_cases():
    for text in ["112", "1332번", "112원", "(112)", "1,000", "13:00", "국번없이 118", "1588-1234", "15881234", "010-1234-5678",
                 "+1 415 555 0100", "001 82 10 1234", "10 112 3", "x112", "1588*1234", "1-1-1", "(1)", "+112",
                 "112,", "1112원", "1 112", ",112", "-112-", "(112)", "((112", "+-1588-1234", "1234567", "12345678",
                 "1.112", "112.5", "112 1588-1234", "국번없이 118.", "118번 02-123-4567", "1111111 1",
                 "0112", "2112원", "11112", "9112 3", "01012345678", "2022.10.12", "10,000원 112", "+1112", "(0112)",
                 "1-888-000-0142", "(844) 000-0000", "800.555.0100", "1 (800) 555-0100", "~655.000.0008", "1-800-555-0100-1"]:
        assert list(phones._matches(text)) == _plain_phone_matches(text), text
        assert list(phones._matches(text)) == list(phones._plain_matches(text)), text


def test_phone_matches_on_real_texts(shared_data):
    texts = [normalize.normalize(text) for text in _real_texts(shared_data)]
    assert sum(len(_plain_phone_matches(text)) for text in texts[:5000]) > 1000
    for text in texts:
        assert list(phones._matches(text)) == _plain_phone_matches(text), text


def _plain_find_phones(text: str, allowlist) -> list:
    """``phones.find_phones`` before its fast paths: ``_ANY`` in every run, every number read afresh."""
    if "+82" in text:
        text = phones._PLUS82.sub("0", text)
    found, seen = [], set()
    for run in phones._RUN.finditer(text):
        if next(phones._ANY.finditer(text, *run.span()), None) is None:
            # No number in the run: a Korean text's run that starts with 0 may still hold one with odd separators.
            lax = phones._lax_number(text, *run.span()) if run.group(0)[0] == "0" and re.search("[가-힣ㄱ-ㅣ]", text) else None
            if lax is not None and lax not in seen:
                seen.add(lax)
                found.append(phones._info(lax, allowlist))
            continue
        for match in phones._ANY.finditer(text, *run.span()):
            if match.group("intl"):
                number = match.group("num")
                digits = phones._NON_DIGIT.sub("", number)
                digits = "+" + digits.lstrip("0") if number.startswith("+") else digits
                info = phones._info(digits, allowlist, kind="international")
            elif match.group("kr"):
                digits = phones._digits(match.group("krnum"))
                info = phones._info(digits, allowlist)
            elif match.group("nanp"):
                digits = "+1" + phones._NON_DIGIT.sub("", match.group("nanpnum"))[-10:]
                info = phones._info(digits, allowlist, kind="north_american")
            else:
                digits = match.group("shortnum")
                before, after = text[match.start("shortnum") - 1 : match.start("shortnum")], text[match.end("shortnum") :][:1]
                if re.fullmatch("[A-Za-z]", before) or re.fullmatch("[A-Za-z원만천%]", after):
                    continue  # part of an ID or an amount
                korean_official = allowlist.phone(digits) is not None and re.search("[가-힣ㄱ-ㅣ]", text)
                if not korean_official and not phones._CALL_CONTEXT.search(
                    text, max(0, match.start() - 12), match.start()
                ):
                    continue
                info = phones._info(digits, allowlist)
            if digits not in seen:
                seen.add(digits)
                found.append(info)
    if re.search("[가-힣ㄱ-ㅣ]", text):
        # Then the numbers broken over lines after a word of calling, unless a number was read where they start.
        read_at = {start for kind, *_, start in phones._matches(text, lax=True) if kind != "short"}
        for digits, _start in phones._broken_numbers(text, read_at):
            if digits not in seen:
                seen.add(digits)
                found.append(phones._info(digits, allowlist))
    return found


def _other_allowlist():
    """The shipped allowlist with other official numbers: a reading cached for one must not answer for the other."""
    shipped = default_allowlist()
    row = next(iter(shipped.phones.values()))
    return dataclasses.replace(shipped, phones={"01012345678": row, "1332": row, "+14155550100": row})


_PHONE_TEXTS = ["112", "1332번", "국번없이 1332", "신고 112", "1588-1234 로", "(02)1234-5678", "02-1234-5678", "010-1234-5678",
                "+1 415 555 0100", "+82 10-1234-5678", "001 82 10 1234 5678", "1,000원 112", "010 1234 5678 010-1234-5678",
                "가격 110원", "112%", "텔레 @kdg114", "N110 bonus", "PO BOX 114/14", "call 118 now", "118에 신고", "a1332 문의 1332",
                "문의:050-5099- 0079", "☎0.1.0.21.55.7.8.96", "상담 032-873 -1995 또는 02-1234-5678", "call 0700 3000000"]


def test_numbers_with_odd_separators_after_a_word_of_calling():
    """Filter-dodging separators ("010--9610--5472", "0.1.0.21.55.7.8.96") are read after a word of calling, in a
    Korean text, when the digits are as many as a number of that prefix has; dates, amounts and account numbers not."""
    allowlist = default_allowlist()
    for text, number in [("문의:050-5099- 0079", "05050990079"), ("상담:032-873 -1995", "0328731995"),
                         ("☎0.1.0.21.55.7.8.96 별이", "01021557896"), ("강남 ☎010..6467....3414", "01064673414"),
                         ("신규오픈 ☎ 010 -9610--5472", "01096105472"), ("고객센터신고:051-7244-588", "0517244588")]:
        assert [p.number for p in phones.find_phones(text, allowlist)] == [number], text
    for text in ["고객번호 05-0654-0254", "농협 301-0107-7638-91 (예금주 홍길동)", "주문전화 : 031-977-14403만원이상 무료배송",
                 "문의:070-4533-543", "문의 010-XX-XXXX-XXX 로", "For enquiries call 0700 3000000", "2022-12-10 09:50 입금",
                 "전화 02-12-34-5 입니다"]:
        assert phones.find_phones(text, allowlist) == [], text


def test_short_numbers_in_ids_and_amounts_are_not_numbers_to_call():
    allowlist = default_allowlist()
    for text in ["가격 110원입니다", "할인 112%", "텔레 @kdg114 가입코드 a114", "[국외발신] 공지방 TS112", "Win N110 bonus",
                 "PO BOX 114/14 TCR/W1", "114 flats only, call Rajesh"]:
        assert phones.find_phones(text, allowlist) == [], text
    for text, number in [("118에 신고하세요", "118"), ("국번없이 112", "112"), ("1332로 전화", "1332"),
                         ("Report it: call 118", "118"), ("고객센터 1234", "1234")]:
        assert [p.number for p in phones.find_phones(text, allowlist)] == [number], text


def test_find_phones_cases_match_the_plain_search():
    shipped, other = default_allowlist(), _other_allowlist()
    for _ in range(2):  # the second time from the table of readings
        for allowlist in (shipped, other, shipped):
            for text in _PHONE_TEXTS:
                assert phones.find_phones(text, allowlist) == _plain_find_phones(text, allowlist), text
    assert phones.find_phones("010-1234-5678", other)[0].official
    assert not phones.find_phones("010-1234-5678", shipped)[0].official


def test_readings_table_is_bounded(monkeypatch):
    monkeypatch.setattr(phones, "_READ_CACHE_SIZE", 3)
    for i in range(10):
        assert [p.number for p in phones.find_phones(f"010-1234-{i:04d}", default_allowlist())] == [f"0101234{i:04d}"]
        assert len(phones._read_table[1]) <= 3


def test_find_phones_on_real_texts(shared_data):
    texts = [normalize.normalize(text) for text in _real_texts(shared_data)]
    shipped, other = default_allowlist(), _other_allowlist()
    for allowlist in (shipped, other):
        for text in texts[:20_000]:  # the other allowlist reads them afresh
            assert phones.find_phones(text, allowlist) == _plain_find_phones(text, allowlist), text
    for text in texts:
        assert phones.find_phones(text, shipped) == _plain_find_phones(text, shipped), text


def _plain_extract(analyzer: UrlAnalyzer, normalized: str, raw: str) -> list[UrlInfo]:
    """``UrlAnalyzer.extract`` with the message always lower-cased for ``analyse`` (before ``_written_as_is``)."""
    raw_lower, seen, result, tried = raw.lower(), set(), [], set()
    for candidate in analyzer.find(normalized):
        if candidate in tried:
            continue
        if len(tried) >= urls.MAX_LINKS:
            break
        tried.add(candidate)
        info = analyzer.analyse(candidate, raw_lower)
        if info is not None and info.url.lower() not in raw_lower:
            listed = urls._before_list_number(info.url, raw) or urls._after_list_number(info.url, raw)
            if listed is not None and analyzer.analyse(listed, raw_lower) is not None:
                info = analyzer.analyse(listed, raw_lower)
        if info is not None and info.url not in seen:
            seen.add(info.url)
            result.append(info)
    return result


# Links written as they are, in another case, defanged, or next to letters that lower-case by their context
# (final sigma) or into two characters (İ).
_RAW_LINK_TEXTS = ["evil.com", "EVIL.COM 확인", "Evil.Com/ABC", "hxxp://evil[.]com", "evil . com", "ΣΑΣ evil.comΣ",
                   "İevil.com", "http://İ.evil.com/x", "ＥＶＩＬ.ｃｏｍ", "e\u200bvil.com", "a.kr b.kr A.KR", "https://x.kr/Σ"]


@_SETTINGS
@given(st.lists(st.sampled_from(_RAW_LINK_TEXTS + [" ", "\n", "Σ", "σ", "İ", "가"]), max_size=6).map("".join))
def test_extract_lower_cases_only_when_needed_and_matches_the_plain_steps(raw):
    analyzer = default_analyzer()
    assert analyzer.extract(normalize.normalize(raw), raw) == _plain_extract(analyzer, normalize.normalize(raw), raw)


def test_extract_cases_match_the_plain_steps():
    analyzer = default_analyzer()
    for raw in _RAW_LINK_TEXTS:
        found = analyzer.extract(normalize.normalize(raw), raw)
        assert found == _plain_extract(analyzer, normalize.normalize(raw), raw), raw
    assert "obfuscated" in analyzer.extract(normalize.normalize("hxxp://evil[.]com"), "hxxp://evil[.]com")[0].flags
    assert "obfuscated" not in analyzer.extract("EVIL.COM", "EVIL.COM")[0].flags


def test_extract_on_real_texts_matches_the_plain_steps(shared_data):
    analyzer = UrlAnalyzer(default_allowlist())
    for raw in _real_texts(shared_data, limit=20_000):
        normalized = normalize.normalize(raw)
        assert analyzer.extract(normalized, raw) == _plain_extract(analyzer, normalized, raw), raw


def _plain_next_hint(text: str, start: int) -> int:
    hint = urls._LINK_HINT.search(text, start)
    return hint.start() if hint else -1


@_SETTINGS
@given(st.lists(st.sampled_from(["://", ":", "/", ".", "a", "가", "1", "-", " ", "kr", "한국", "com", "org", "\u212a",
                                 "http", ".:", ":/.", "다."]), max_size=14).map("".join), st.integers(0, 20))
def test_next_hint_in_two_parts_matches_the_hint_pattern(text, start):
    assert urls._next_hint(text, start) == _plain_next_hint(text, start)
    assert urls._next_hint(text, start, text.find("://", start)) == _plain_next_hint(text, start)


def test_next_hint_on_real_texts(shared_data):
    for raw in _real_texts(shared_data, limit=20_000):
        text = normalize.normalize(raw)
        at = 0
        while at >= 0:
            assert urls._next_hint(text, at) == _plain_next_hint(text, at), text
            assert urls._next_hint(text, at, text.find("://", at)) == _plain_next_hint(text, at), text
            at = _plain_next_hint(text, at)
            at = at + 1 if at >= 0 else at


def test_nameprep_stable_labels_are_their_own_nameprep():
    # Every character the fast IDNA path accepts, and labels mixing them, come out of nameprep unchanged.
    from encodings.idna import nameprep

    chars = [c for c in map(chr, range(0x10000)) if urls._NAMEPREP_STABLE.fullmatch(c)]
    assert len(chars) == 26 + 10 + 1 + 11172
    assert all(nameprep(c) == c for c in chars)
    assert nameprep("".join(chars)) == "".join(chars)
    assert not urls._NAMEPREP_STABLE.fullmatch("\u1100") and not urls._NAMEPREP_STABLE.fullmatch("A")


_IDNA_HOST = st.lists(
    st.sampled_from([".", "a", "Z", "1", "-", "_", "가", "힣", "한국", "xn--", "ß", "\u3002", "\u1100", "\u11a8", "é",
                     "\u05d0", "\u00ad", "a" * 30, "우체국" * 10, "kr", "com"]),
    max_size=10,
).map("".join)


@_SETTINGS
@given(_IDNA_HOST)
def test_to_ascii_without_nameprep_matches_the_codec(host):
    assert urls._to_ascii(host) == urls.plain_to_ascii(host)


def test_to_ascii_cases_match_the_codec():
    for host in ["우체국.kr", "www.kbv리스.com", "이용.서버.한국", "xn--가.com", "a..가.com", "가" * 40 + ".com",
                 "SJH.TRADING.TEAM.톡방.com", "안내28.1인.com", "Straße.de", "가\u11a8.kr", "가.b_c.kr"]:
        assert urls._to_ascii(host) == urls.plain_to_ascii(host), host
    assert urls._idna_without_nameprep("우체국.kr") == "xn--3e0b129b9he.kr"
    assert urls._idna_without_nameprep("넣어드렸습니다이용부탁드려요조실장마르톤크레타.com") is None  # too long: left to the codec


def test_to_ascii_on_real_hosts(shared_data):
    hosts = []
    analyzer = UrlAnalyzer(default_allowlist())
    for text in _real_texts(shared_data):
        for candidate in analyzer.find(normalize.normalize(text)):
            netloc = urls._netloc(candidate if "://" in candidate[:8] else f"http://{candidate}") or ""
            hosts.append(netloc.rpartition("@")[2].split(":", 1)[0])
    non_ascii = sorted({host for host in hosts if not host.isascii()})
    assert len(non_ascii) > 200
    for host in non_ascii:
        assert urls._to_ascii(host) == urls.plain_to_ascii(host), host


@_SETTINGS
@given(st.lists(st.sampled_from(["+", "(", ")", "-", ".", " ", "x", "X", "*", "?", "\u0661", "\u0662", "\uff10", "가",
                                 "+\uff18\uff12", "전화", "1", "0"]), max_size=20).map("".join))
def test_find_phones_digit_guard_matches_the_plain_search(text):
    # Texts without an ASCII digit (or with one or two) give what the plain search gives.
    assert phones.find_phones(text, default_allowlist()) == _plain_find_phones(text, default_allowlist())


# ``_ANY_URL_IN_TOKEN`` (ANY_URL with a test that fails at once inside a Korean word) finds ANY_URL's matches.
_TOKEN_PIECES = ["가", "확인", "ㄱ", "\u1100", "\u3164", "우체국", ".kr", ".한국", ".com", "-", "_", ".", "a", "Z", "9",
                 "http://", "https://x.kr/a", "evil.com", "1.2.3.4", "gov.kr@evil.com", "www.", "ſ", "İ", "K", "\u0661",
                 "@", "/", ":", "(", "】"]


@_SETTINGS
@given(st.lists(st.sampled_from(_TOKEN_PIECES), max_size=14).map("".join))
def test_url_pattern_of_tokens_matches_any_url(token):
    assert urls._ANY_URL_IN_TOKEN.findall(token) == ANY_URL.findall(token)


def test_url_pattern_of_tokens_on_real_texts(shared_data):
    tokens = 0
    for raw in _real_texts(shared_data, limit=20_000):
        for token in normalize.normalize(raw).split():
            if urls._next_hint(token, 0) >= 0:
                tokens += 1
                assert urls._ANY_URL_IN_TOKEN.findall(token) == ANY_URL.findall(token), token
    assert tokens > 5_000


def test_broken_number_words_start_every_match():
    # Every match of _BROKEN starts with one of _BROKEN_WORDS: the search may start at the first of them.
    assert phones._BROKEN.pattern.startswith("(?:" + "|".join(phones._BROKEN_WORDS) + ")")
    from checker.message import _top_level_alternatives

    assert _top_level_alternatives(phones._BROKEN.pattern) == [phones._BROKEN.pattern]  # no "|" outside the groups


@_SETTINGS
@given(st.lists(st.sampled_from(["문의", "센터", "상담", "전화", "처", ":", " ", "\n", "-", ".", ")", "02", "010", "031",
                                 "555", "1234", "0163", "만원", "가"]), max_size=16).map("".join))
def test_broken_numbers_from_the_first_word(text):
    starts = [at for at in (text.find(word) for word in phones._BROKEN_WORDS) if at >= 0]
    if starts:
        assert list(phones._broken_numbers(text, set(), min(starts))) == list(phones._broken_numbers(text, set()))
    else:
        assert list(phones._broken_numbers(text, set())) == []
