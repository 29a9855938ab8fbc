"""Lookalike detection: is a non-official registered domain imitating an official one?

The generators of dnstwist run in reverse over the allowlist: homoglyphs (a TR39-style skeleton of
Latin/Cyrillic/Greek confusables, digit swaps and ``rn``/``m``), one-edit typos (two for long labels),
tld swaps, the brand inside a longer label, and an official domain used as a subdomain of a foreign one.
Very short brand labels (under 4 characters, e.g. ``kt``, ``ibk``) only match exactly, because edits of
them collide with unrelated names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import repeat

# A small confusables table (Unicode TR39 idea): characters that look like ASCII letters.
_CONFUSABLES = str.maketrans(
    {
        # Cyrillic
        "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p",
        "с": "c", "т": "t", "у": "y", "х": "x", "і": "i", "ї": "i", "ј": "j", "ѕ": "s", "ԁ": "d",
        "ԛ": "q", "ԝ": "w", "һ": "h", "ӏ": "l", "ɡ": "g",
        # Greek
        "α": "a", "β": "b", "ε": "e", "η": "n", "ι": "i", "κ": "k", "ν": "v", "ο": "o", "ρ": "p",
        "τ": "t", "υ": "u", "χ": "x", "ω": "w", "ϲ": "c",
        # Latin with marks that read as the bare letter
        "á": "a", "à": "a", "â": "a", "ä": "a", "ã": "a", "å": "a", "é": "e", "è": "e", "ê": "e",
        "ë": "e", "í": "i", "ì": "i", "î": "i", "ï": "i", "ó": "o", "ò": "o", "ô": "o", "ö": "o",
        "õ": "o", "ú": "u", "ù": "u", "û": "u", "ü": "u", "ý": "y", "ÿ": "y", "ç": "c", "ñ": "n",
        "ı": "i", "ł": "l",
        # Digits and symbols used for letters
        "0": "o", "1": "l", "3": "e", "5": "s", "$": "s", "|": "l",
    }
)
# Multi-character lookalikes, applied after the single-character table.
_MULTI = (("rn", "m"), ("vv", "w"), ("cl", "d"), ("i", "l"))

MIN_BRAND_LEN = 4
# Endings under which Korean companies commonly hold the same name (hanjin.com / hanjin.co.kr).
COMMERCIAL_SUFFIXES = frozenset({"com", "co.kr", "kr", "net"})
# Words glued to a brand in phishing domains (kbcardsecure.com, nhischeck.com); a brand followed by an
# ordinary word (shinhanlife.co.kr, a real affiliate) is not enough on its own.
PHISHY_WORDS = frozenset(
    """secure security safe safety verify verification check checking login logon signin auth certify cert
    event events coupon coupons gift reward refund pay payment pays support help service services center
    centre care customer cs info notice alert alarm update account accounts bank card cards kr korea online
    mobile app apps web site home official protect block cancel confirm delivery track tracking post""".split()
)
_PARTS = re.compile(r"[-_0-9]+")


def skeleton(label: str) -> str:
    """Collapse a domain label to what it looks like: ``kbcаrd`` (Cyrillic а) -> ``kbcard``."""
    text = label.lower().translate(_CONFUSABLES)
    for many, one in _MULTI:
        text = text.replace(many, one)
    return text.replace("-", "")


def edit_distance_at_most(a: str, b: str, limit: int) -> int | None:
    """Damerau-Levenshtein (optimal string alignment) distance if <= limit, else None."""
    if abs(len(a) - len(b)) > limit:
        return None
    previous2: list[int] | None = None
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if previous2 is not None and i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                value = min(value, previous2[j - 2] + 1)
            current[j] = value
        if min(current) > limit:
            return None
        previous2, previous = previous, current
    return previous[-1] if previous[-1] <= limit else None


def _deletions(word: str, depth: int) -> set[str]:
    """``word`` and every string made by deleting up to ``depth`` characters from it."""
    ones = {word[:i] + word[i + 1 :] for i in range(len(word))}
    if depth == 2:
        # Each pair of positions once (i < j), instead of deleting again from every one-deletion string.
        n = len(word)
        twos = {word[:i] + word[i + 1 : j] + word[j + 1 :] for i in range(n) for j in range(i + 1, n)}
        return {word} | ones | twos
    if depth == 1:
        return {word} | ones
    result = {word}
    frontier = {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1 :] for w in frontier for i in range(len(w))}
        result |= frontier
    return result


class CloseWordFilter:
    """A necessary condition, exact and cheap, for a word to be within the edit limit of any of a fixed set.

    An edit (insertion, deletion, substitution, transposition) changes a word's multiset of characters by at
    most one character in and one out, so the bag distance ``max(len(a), len(b)) - shared(a, b)`` (``shared``:
    the characters the two have in common, counted with multiplicity) is never more than the edit distance.
    ``may_be_close(word)`` is False when no target is within its limit by that measure, which is proof that
    none is within its limit of edits: the deletion-set search can be skipped.

    The measure is taken against every target at once: per word length, each (character, count in the word)
    maps to an integer holding, in a 6-bit field per target, how many of that character the two share; the
    sum of these, plus a bias of ``32 - needed`` per target, has the field's bit 5 set exactly where the
    shared count reaches ``needed``. Fields stay below 64: the shared count is at most the target's length,
    kept under 30 (a longer target, or one that needs no shared character, lets every word of the length in).

    ``may_be_close`` first sums, over every character of the word, the fields of the targets that hold that
    character at all (one C-level ``map`` over the word, no counting): a repeated character then counts once per
    occurrence, so each field is at least the shared count, and no field set means no target can be close.
    Fields stay below 64 here too: at most ``32 - needed + length <= 32 + limit``, and a limit of 30 or more
    lets every word of the length in. The exact count runs only on the words that pass (the benchmark's distinct
    host labels: 198 of 2,266 against the brands, 383 of 2,273 skeletons): 4.8 -> 1.4 µs per call on labels,
    3.7 -> 1.7 on skeletons; ``_similar_label`` of one distinct host label, 11.9 -> 7.7 µs."""

    _FIELD = 6

    def __init__(self, targets: list[tuple[str, int]]) -> None:
        """``targets``: (word, limit) pairs."""
        self.tables: dict[int, tuple[dict[tuple[str, int], int], int, int]] = {}
        # Per word length: character -> the fields of the targets holding it (its (char, 1) entry above).
        self.upper_tables: dict[int, dict[str, int]] = {}
        self.always: set[int] = set()
        # A word's count of a character is read up to the most any target holds: past that, the shared
        # count no longer grows.
        self.most = max((word.count(char) for word, _ in targets for char in word), default=1)
        lengths = {len(word) + delta for word, limit in targets for delta in range(-limit, limit + 1)}
        for length in lengths:
            table: dict[tuple[str, int], int] = {}
            bias = mask = 0
            for index, (word, limit) in enumerate(targets):
                if abs(len(word) - length) > limit:
                    continue
                needed = max(len(word), length) - limit
                if needed <= 0 or len(word) >= 30 or limit >= 30:
                    self.always.add(length)
                    continue
                shift = self._FIELD * index
                for char in set(word):
                    in_target = word.count(char)
                    for in_word in range(1, self.most + 1):
                        table[char, in_word] = table.get((char, in_word), 0) + (min(in_word, in_target) << shift)
                bias += (32 - needed) << shift
                mask |= 32 << shift
            self.tables[length] = (table, bias, mask)
            self.upper_tables[length] = {char: fields for (char, in_word), fields in table.items() if in_word == 1}

    def may_be_close(self, word: str) -> bool:
        length = len(word)
        if length in self.always:
            return True
        entry = self.tables.get(length)
        if entry is None:
            return False
        _table, bias, mask = entry
        if not (bias + sum(map(self.upper_tables[length].get, word, repeat(0)))) & mask:
            return False  # even counting repeats once per occurrence, no target shares enough
        return self.shared_enough(word)

    def shared_enough(self, word: str) -> bool:
        """The exact test (the reference for the quick bound in ``may_be_close``), for a length in ``tables``."""
        table, bias, mask = self.tables[len(word)]
        chars = set(word)
        counts = map(min, map(word.count, chars), repeat(self.most))
        return bool((bias + sum(map(table.get, zip(chars, counts), repeat(0)))) & mask)


@dataclass(frozen=True)
class Lookalike:
    kind: str
    """homoglyph, typo, tld_swap, brand_in_label or brand_subdomain."""
    official_domain: str


# Official labels that are ordinary words: they may appear inside unrelated domains, so they are
# never matched as "brand inside a label" (exact tld swaps and homoglyphs still count).
GENERIC_LABELS = frozenset(
    {"korea", "seoul", "busan", "police", "bank", "card", "post", "gov", "kisa", "donggu", "seogu", "namgu",
     "bukgu", "junggu", "gwangsan"}
)


class LookalikeIndex:
    """Answers ``find(domain_label, suffix, subdomain)`` against a fixed set of official domains."""

    def __init__(
        self, official_domains: frozenset[str] | set[str], split, not_lookalikes: frozenset[str] = frozenset()
    ) -> None:
        """``split(domain) -> (label, suffix)`` splits a registered domain (tldextract-backed).
        ``not_lookalikes``: real registered domains of other bodies whose names only resemble an official one
        (``allowlist/not_lookalikes.csv``, each row sourced): their own names are never a look-alike."""
        self.official = frozenset(official_domains)
        self.not_lookalikes = frozenset(not_lookalikes)
        self.by_label: dict[str, list[tuple[str, str]]] = {}
        self.by_skeleton: dict[str, list[str]] = {}
        for domain in sorted(self.official):
            label, suffix = split(domain)
            if not label:
                continue
            self.by_label.setdefault(label, []).append((suffix, domain))
            self.by_skeleton.setdefault(skeleton(label), []).append(domain)
        self.__neighbours: dict[str, set[str]] | None = None
        self.brand_skeletons: dict[str, str] = {}
        self.brands = tuple(
            sorted(
                (label for label in self.by_label if len(label) >= MIN_BRAND_LEN and label not in GENERIC_LABELS),
                key=len,
                reverse=True,
            )
        )
        self.brand_skeletons = {brand: skeleton(brand) for brand in self.brands}
        # Brands and their skeletons, for exact lookups; the skeleton maps back to its brand.
        self.brand_of_skeleton = {skel: brand for brand, skel in self.brand_skeletons.items() if len(brand) >= 5}
        self.brand_set = frozenset(self.brands) | frozenset(self.brand_of_skeleton)
        # The typo search below accepts a brand within its limit of the label, or a brand skeleton within
        # its limit of the label's skeleton: when neither filter lets the label through, no brand can be.
        self.close_to_brand = CloseWordFilter([(brand, self._typo_limit(brand)) for brand in self.brands])
        self.close_to_brand_skeleton = CloseWordFilter(
            [(self.brand_skeletons[brand], self._typo_limit(brand)) for brand in self.brands]
        )

    @staticmethod
    def _typo_limit(brand: str) -> int:
        return 2 if len(brand) >= 9 else 1

    def find(self, label: str, suffix: str, subdomain: str) -> Lookalike | None:
        label = label.lower()
        registered = f"{label}.{suffix}" if suffix else label
        if registered in self.official:
            return None
        hit = self._in_subdomain(subdomain)
        if hit:
            return hit
        # A reviewed real name (Japan's paypay.ne.jp, not paypal.com): its label is its own. An official domain
        # spelled out in its subdomains is still judged above.
        if registered in self.not_lookalikes:
            return None
        if label in self.by_label:
            # Same label under another suffix: shinhancard.co.kr for shinhancard.com.
            official_suffixes = {s for s, _ in self.by_label[label]}
            # Companies hold their name under several commercial endings (hanjin.com and hanjin.co.kr);
            # a public body's name under another ending (nhis.com for nhis.or.kr) is a swap.
            if official_suffixes <= COMMERCIAL_SUFFIXES and suffix in COMMERCIAL_SUFFIXES:
                return None
            if len(label) >= MIN_BRAND_LEN and label not in GENERIC_LABELS:
                return Lookalike("tld_swap", self.by_label[label][0][1])
            return None
        return self._similar_label(label)

    @lru_cache(maxsize=65_536)  # noqa: B019 - one index per process; labels repeat across a campaign
    def _similar_label(self, label: str) -> Lookalike | None:
        skel = skeleton(label)
        if skel in self.by_skeleton:
            return Lookalike("homoglyph", self.by_skeleton[skel][0])
        if len(label) >= MIN_BRAND_LEN + 1 and (
            self.close_to_brand.may_be_close(label) or self.close_to_brand_skeleton.may_be_close(skel)
        ):
            candidates: set[str] = set()
            # Two edits are allowed only against brands of 9+ characters, so only labels of 7+ need them.
            depth = 2 if len(label) >= 7 else 1
            variants = _deletions(label, depth)
            if skel != label:
                variants |= _deletions(skel, depth)
            neighbours = self._neighbours
            for variant in neighbours.keys() & variants:  # one C-level intersection (candidates are sorted below)
                candidates.update(neighbours[variant])
            for brand in sorted(candidates, key=lambda b: (-len(b), b)):
                limit = self._typo_limit(brand)
                if edit_distance_at_most(label, brand, limit) is not None or (
                    len(skel) >= MIN_BRAND_LEN
                    and edit_distance_at_most(skel, self.brand_skeletons[brand], limit) is not None
                ):
                    return Lookalike("typo", self.by_label[brand][0][1])
        brands = self.brand_set
        found = next((part for part in _PARTS.split(label) if part in brands), None)
        if found is None:
            # brand + phishing word or phishing word + brand (kbcardsecure, safekbcard), on the label and
            # on its skeleton (kbc4rdsecure); every split point is one set lookup. The label goes first and
            # a tuple keeps that order: a set's order changes with the hash seed, and so would the brand named.
            for word in (label, skel) if skel != label else (label,):
                for cut in range(MIN_BRAND_LEN, len(word) - 1):
                    head, tail = word[:cut], word[cut:]
                    if head in brands and tail.strip("-") in PHISHY_WORDS:
                        found = head
                    elif tail in brands and head.strip("-") in PHISHY_WORDS:
                        found = tail
                    if found:
                        break
                if found:
                    break
        if found is not None:
            return Lookalike("brand_in_label", self.by_label[self.brand_of_skeleton.get(found, found)][0][1])
        return None

    def build(self) -> None:
        """Build the deletion index now instead of at the first look-alike question that needs it."""
        self._neighbours  # noqa: B018 - the property builds the index and keeps it

    @property
    def _neighbours(self) -> dict[str, set[str]]:
        """Deletion neighbourhoods (SymSpell): two labels within the edit limit share a variant."""
        if self.__neighbours is None:
            index: dict[str, set[str]] = {}
            for brand in self.brands:
                depth = 2 if len(brand) >= 9 else 1
                for variant in _deletions(brand, depth) | _deletions(self.brand_skeletons[brand], depth):
                    index.setdefault(variant, set()).add(brand)
            self.__neighbours = index
        return self.__neighbours

    def _in_subdomain(self, subdomain: str) -> Lookalike | None:
        if not subdomain:
            return None
        labels = subdomain.lower().split(".")
        # An official registered domain spelled out inside the subdomain: gwangju.go.kr.evil.xyz
        for start in range(len(labels)):
            for end in range(start + 2, len(labels) + 1):
                candidate = ".".join(labels[start:end])
                if candidate in self.official:
                    return Lookalike("brand_subdomain", candidate)
        for sub_label in labels:
            if sub_label in self.by_label and len(sub_label) >= MIN_BRAND_LEN and sub_label not in GENERIC_LABELS:
                return Lookalike("brand_subdomain", self.by_label[sub_label][0][1])
        return None
