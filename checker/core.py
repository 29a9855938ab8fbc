"""``Checker``: text in, ``Verdict`` out. Pure: no network, no files after construction, no globals
changed (only the cyclic garbage collector is paused while a batch runs, see ``_cyclic_gc_paused``).
Build your own instance in tests (custom allowlist, no model); ``checker.check`` uses a lazily built
default one (like tldextract's ``extract``)."""

from __future__ import annotations

import gc
import importlib.metadata
import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from checker.advice import advice_for
from checker.allowlist import Allowlist, default_allowlist
from checker.message import Message
from checker.rules import REGISTRY, RULES_VERSION, Finding
from checker.scoring import combine
from checker.urls import UrlAnalyzer
from checker.verdict import Hit, Verdict, make_hit, make_verdict

#: The library accepts long texts (a 64 KB paste is checked in well under 100 ms); services set
#: their own, lower limit for what a person may paste.
MAX_TEXT_LENGTH = 100_000


SURROGATE_MESSAGE = "잘못된 유니코드 문자(짝 없는 서로게이트)가 들어 있습니다. / text contains lone surrogates (invalid Unicode)."


class InputError(ValueError):
    """The input cannot be checked (empty, not text, too long). The message says why, in Korean and English."""


def _package_version() -> str:
    try:
        return importlib.metadata.version("smishcheck")
    except importlib.metadata.PackageNotFoundError:
        return "0+unknown"


# A Python str may hold lone UTF-16 surrogates (e.g. from a JSON "\\ud800" escape); they are no characters, and
# no UTF-8 output (JSON, a database, a terminal) can carry them.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def has_lone_surrogate(text: str) -> bool:
    """True when ``text`` holds a lone UTF-16 surrogate (refused: see ``validate_text``).

    Surrogates are the only code points that UTF-8 cannot encode, and the encoder's C loop is faster than the
    regex engine's scan ``_LONE_SURROGATE.search`` (kept as the reference in the tests): callgrind, 2,000
    benchmark texts, 8.8 k → 4.8 k instructions per text."""
    if text.isascii():
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def validate_text(text: Any) -> str:
    if has_lone_surrogate(_validate_text_but_surrogates(text)):
        raise InputError(SURROGATE_MESSAGE)
    return text


def _validate_text_but_surrogates(text: Any) -> str:
    """``validate_text`` without the test for lone surrogates (``Checker`` tells that from normalisation's scan)."""
    if not isinstance(text, str):
        raise InputError("문자 내용은 글자(text)여야 합니다. / text must be a string.")
    if not text or text.isspace():  # the same as ``not text.strip()``, without copying the text
        raise InputError("확인할 문자 내용이 비어 있습니다. / text is empty.")
    if len(text) > MAX_TEXT_LENGTH:
        raise InputError(
            f"문자가 너무 깁니다(최대 {MAX_TEXT_LENGTH:,}자). / text is too long (max {MAX_TEXT_LENGTH:,} characters)."
        )
    return text


def validate_sender(sender: Any) -> str | None:
    if sender is not None and not isinstance(sender, str):
        raise InputError("보낸 번호는 글자(text)여야 합니다. / sender must be a string.")
    if sender is not None and has_lone_surrogate(sender):
        raise InputError(SURROGATE_MESSAGE)
    return sender


def _validated_keys(items: Sequence[Item]) -> list[tuple[str, str | None]]:
    """The (text, sender) of each item, validated as ``validate_text`` and ``validate_sender`` do but for the
    texts' lone surrogates, which ``Checker._check_keys`` tells from normalisation's ``isprintable`` scan instead
    of encoding every text again (``has_lone_surrogate``): −0.6 µs per message on the benchmark.

    Raises the error that validating the items one by one raises first: when an item fails, they are validated
    again in full, so that a lone surrogate in an earlier item is reported first, as before."""
    try:
        return [(_validate_text_but_surrogates(item.text), validate_sender(item.sender)) for item in items]
    except InputError as error:
        first_error = error
    for item in items:
        validate_text(item.text)
        validate_sender(item.sender)
    raise first_error


@dataclass(frozen=True)
class Item:
    """One message to check in a batch."""

    text: str
    sender: str | None = None


class Checker:
    def __init__(self, allowlist: Allowlist | None = None, model: Any = "default") -> None:
        """``model``: "default" loads the shipped classifier if present; None checks with rules only;
        or any object with ``predict_proba(texts) -> list[float]``, ``threshold`` and ``version``."""
        self.allowlist = allowlist if allowlist is not None else default_allowlist()
        self.analyzer = UrlAnalyzer(self.allowlist)
        self.analyzer.build_lookalike_index()
        if model == "default":
            from checker.model import default_model

            model = default_model()
        self.model = model
        self.rules = tuple(REGISTRY.values())
        # Rules grouped by the message fact they need (``Rule.requires``): a message without links skips
        # the dozen link rules with one test instead of a dozen calls. Hits are sorted afterwards, so the
        # order in which rules run does not matter.
        groups: dict[str | None, list] = {}
        for rule in self.rules:
            groups.setdefault(rule.requires, []).append(rule)
        # Each rule's function at hand next to it (one attribute look-up less per rule and message), with the slot
        # of its hint words (``Rule.hints``; None: no hints): a rule whose words the message lacks is skipped.
        # ``_slots_by_word`` gives, for each hint word, the slots of the rules it lets run: the message's hint words
        # are walked once (``_hinted_slots``) and each hinted rule asks one set membership, where it walked them
        # with ``hints.isdisjoint`` (38 hinted rules: 50 such walks per benchmark message). The same rules run:
        # a rule runs when one of the message's words is among its hints (every hint word is registered, so
        # ``hint_words`` finds it).
        checks: list[tuple[str | None, tuple]] = []
        slots_by_word: dict[str, list[int]] = {}
        slot = 0
        for requires, rules in groups.items():
            entries = []
            for rule in rules:
                if rule.hints is None:
                    entries.append((rule.check, rule, None))
                    continue
                for word in sorted(rule.hints):
                    slots_by_word.setdefault(word, []).append(slot)
                entries.append((rule.check, rule, slot))
                slot += 1
            checks.append((requires, tuple(entries)))
        self._checks = tuple(checks)
        self._slots_by_word = {word: tuple(slots) for word, slots in slots_by_word.items()}
        self._carriers = frozenset(rule.id for rule in self.rules if rule.carrier)
        self._forces = {rule.id: rule.force for rule in self.rules if rule.force}
        self._no_hits = combine([], [], carriers=self._carriers)
        self._ranked: dict[tuple[tuple[str, float], ...], tuple[tuple[int, ...], str, float]] = {}
        self._advice_cache: dict[tuple[str, tuple[str, ...]], Any] = {}
        self._plain_hits: dict[tuple[int, str], Hit] = {}
        self._finding_hits: dict[int, tuple[Finding, Any, Hit]] = {}
        self.versions = {
            "checker": _package_version(),
            "rules": RULES_VERSION,
            "allowlist": self.allowlist.version,
            "model": getattr(model, "version", "none") if model is not None else "none",
        }

    def check(self, text: str, *, sender: str | None = None) -> Verdict:
        """The verdict for one message. Raises ``InputError`` for input that cannot be checked."""
        return self.check_many([Item(text, sender)])[0]

    def check_many(self, items: Sequence[Item]) -> list[Verdict]:
        """Verdicts for many messages, in order; the classifier scores them in one call (much faster).
        A campaign repeats one text many times: each distinct (text, sender) is checked once."""
        keys = _validated_keys(items)
        with _cyclic_gc_paused():
            return self._check_keys(keys)

    def _check_keys(self, keys: list[tuple[str, str | None]]) -> list[Verdict]:
        distinct = list(dict.fromkeys(keys))
        messages = [Message(text, sender, self.allowlist, self.analyzer) for text, sender in distinct]
        # The texts' test for lone surrogates (see ``_validated_keys``): a text that normalisation found "visible"
        # holds none (surrogates are not printable), and almost every text is.
        for message in messages:
            if not message.visible and has_lone_surrogate(message.raw):
                raise InputError(SURROGATE_MESSAGE)
        if self.model is not None and messages:
            texts = [m.raw for m in messages]
            both = getattr(self.model, "predict_with_thresholds", None)
            if both is not None:  # the shipped model: language told once per text for both
                # A visible text that normalisation leaves as it is is NFKC, and printable but for its line breaks
                # and tabs: the model need not test it again (``normalize_for_model``'s ``plain``).
                probabilities, thresholds = both(texts, [m.visible and m.text is m.raw for m in messages])
            else:
                probabilities = self.model.predict_proba(texts)
                # Per-text thresholds (by language) when the model has them; else its one ``threshold``.
                per_text = getattr(self.model, "thresholds", None)
                thresholds = per_text(texts) if per_text is not None else [self.model.threshold] * len(texts)
            for message, probability, threshold in zip(messages, probabilities, thresholds, strict=True):
                message.model_probability = float(probability)
                message.model_threshold = float(threshold)
        verdicts = {key: self._verdict(message) for key, message in zip(distinct, messages, strict=True)}
        return [verdicts[key] for key in keys]

    def _advice(self, risk: str, msg: Message):
        claimed = msg.claimed if risk != "low" or msg.named else []
        key = (risk, tuple([i.owner for i in claimed]) if claimed else ())
        advice = self._advice_cache.get(key)
        if advice is None:
            advice = self._advice_cache[key] = advice_for(risk, [], claimed, self.allowlist)
        return advice

    def _rank(self, hits: list[Hit]) -> tuple[tuple[Hit, ...], str, float]:
        """The hits (in the order the rules found them) strongest first, with the (risk, score) that ``combine``
        gives for them: the same as ``plain_rank``.

        Remembered by the hits' ids and points in the order found, which tells their sorted order (a permutation,
        kept) and everything ``combine`` reads: a hit's group and forced level are those of its rule. A batch holds
        few distinct combinations (a few hundred on 20,000 real messages), and one look-up costs a fraction of
        the sort, the sums, caps and level tests: ``_verdict`` −1 µs/message (with ``_checks``) on the benchmark."""
        key = tuple([(hit.id, hit.score) for hit in hits])
        known = self._ranked.get(key)
        if known is None:
            order = tuple(sorted(range(len(hits)), key=lambda i: _strongest_first(hits[i])))
            forced = [self._forces[hit.id] for hit in hits if hit.id in self._forces]
            risk, score = combine([hits[i] for i in order], forced, carriers=self._carriers)
            known = (order, risk, score)
            if len(self._ranked) < 10_000:  # bounded: unusual points from custom rules cannot grow it forever
                self._ranked[key] = known
        order, risk, score = known
        return (tuple([hits[i] for i in order]) if len(order) > 1 else tuple(hits)), risk, score

    def plain_rank(self, hits: list[Hit]) -> tuple[tuple[Hit, ...], str, float]:
        """``_rank`` by sorting and ``combine`` (the reference for its fast path)."""
        ranked = sorted(hits, key=_strongest_first)
        forced = [rule.force for rule in self.rules for hit in hits if hit.id == rule.id and rule.force]
        return (tuple(ranked), *combine(ranked, forced, carriers=self._carriers))

    def _hit(self, rule: Any, found: Any) -> Hit:
        """The hit for what ``rule`` found: the same as ``hit_for(rule, found)``.

        Remembered by what was found, as a plain evidence text or as the very ``Finding`` object (the model rule
        hands out shared ones): a hit is frozen, so verdicts can share one. Half of the benchmark's hits repeat an
        earlier one (the model's nearly all): no hit built for them, and fewer objects for the cyclic garbage
        collector to walk after each batch (benchmark, 20,000 messages: 5,495 → 4,760 objects left per batch of 512,
        its first collection after a batch 1.5 → 1.1 µs/message measured alone)."""
        if found.__class__ is str:
            key = (id(rule), found)  # the checker holds its rules: their ids stay theirs
            hit = self._plain_hits.get(key)
            if hit is None:
                hit = hit_for(rule, found)
                if len(self._plain_hits) < 10_000:  # bounded, as ``_ranked``
                    self._plain_hits[key] = hit
            return hit
        if found.__class__ is Finding:
            # By identity (hashing a frozen dataclass costs more than building the hit); the entry keeps the
            # Finding alive, so its id cannot be reused by another object while it is remembered.
            known = self._finding_hits.get(id(found))
            if known is not None and known[0] is found and known[1] is rule:
                return known[2]
            hit = hit_for(rule, found)
            if len(self._finding_hits) < 10_000:
                self._finding_hits[id(found)] = (found, rule, hit)
            return hit
        return hit_for(rule, found)

    def _hinted_slots(self, msg: Message) -> set[int]:
        """The slots of the hinted rules whose hint words the message holds (see ``_slots_by_word``)."""
        active: set[int] = set()
        by_word = self._slots_by_word
        for word in msg.hint_words:
            slots = by_word.get(word)
            if slots is not None:
                active.update(slots)
        return active

    def _verdict(self, msg: Message) -> Verdict:
        hits: list[Hit] = []
        active = None
        for requires, checks in self._checks:
            if requires is not None and not getattr(msg, requires):
                continue
            for check, rule, slot in checks:
                if slot is not None:
                    if active is None:
                        active = self._hinted_slots(msg)
                    if slot not in active:
                        continue
                found = check(msg)
                if found:
                    hits.append(self._hit(rule, found))
        if hits:
            reasons, risk, score = self._rank(hits)
        else:  # most messages have no hit at all: their level and score are always the same
            reasons = ()
            risk, score = self._no_hits
        phones = tuple(msg.phones)
        sender = msg.sender_phone
        if sender is not None:
            phones = (*phones, sender)
        return make_verdict(
            risk, score, reasons, tuple(msg.urls), phones, self._advice(risk, msg), self.versions.copy()
        )


def hit_for(rule: Any, found: Any) -> Hit:
    """The hit for what ``rule`` found: a ``Finding`` with its own points and sentences if it has them, or plain
    evidence with the rule's own."""
    if isinstance(found, Finding):
        return make_hit(
            rule.id,
            found.score if found.score is not None else rule.score,
            found.ko or rule.ko,
            found.en or rule.en,
            found.evidence,
            rule.group,
        )
    return make_hit(rule.id, rule.score, rule.ko, rule.en, str(found), rule.group)


def _strongest_first(hit: Hit) -> tuple[float, str]:
    return -hit.score, hit.id


@contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """Run a batch without the cyclic garbage collector, then restore it as it was.

    A batch allocates tens of objects per message (facts, hits, verdicts) that all live until it ends,
    so the collector's passes during a batch walk the same young objects again and again and find
    nothing: the batch's objects hold no reference cycles (none found on 20,000 real messages) and are
    freed by reference counting. On the benchmark's 20,000 messages (verdicts kept) the passes took a
    tenth of the batch's CPU time. Only the call that turned the collector off turns it back on (also on
    an exception): after nested or concurrent batches it is on again once the last of them ends, and a
    program that disabled it itself keeps it disabled."""
    paused = gc.isenabled()
    if paused:
        gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


_DEFAULT: Checker | None = None


def default_checker() -> Checker:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Checker()
    return _DEFAULT


def check(text: str, *, sender: str | None = None) -> Verdict:
    """Check one message with the default checker (shipped allowlist and model)."""
    return default_checker().check(text, sender=sender)


def check_many(items: Iterable[Item]) -> list[Verdict]:
    return default_checker().check_many(list(items))
