"""The ``smishcheck`` command.

    smishcheck check "<message>" [--sender N] [--lang en] [--json] [--no-model]
    smishcheck batch [--no-model] < messages.jsonl > verdicts.jsonl
    smishcheck train ... | evaluate ...            (checker.train / checker.evaluate)
    smishcheck serve | apikey | agent | purge ...  (service.cli)
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Iterator, Sequence
from typing import Any, TextIO

from checker.core import Checker, InputError, Item, validate_sender, validate_text
from checker.display import defang
from checker.verdict import Verdict

SERVICE_COMMANDS = ("serve", "apikey", "agent", "purge")
BATCH_CHUNK = 512


def _flag_words(flags: Sequence[str], lang: str) -> str:
    words = {
        "shortener": ("단축 주소", "shortener"),
        "ip_host": ("IP 주소", "IP address"),
        "punycode": ("퓨니코드(국제화 도메인)", "punycode"),
        "apk": ("앱 설치 파일", "APK file"),
        "obfuscated": ("위장된 주소", "disguised"),
        "userinfo": ("'@' 속임수", "'@' trick"),
        "free_hosting": ("무료 호스팅", "free hosting"),
        "risky_tld": ("위험 도메인 끝자리", "abused TLD"),
        "lookalike": ("가짜 닮은꼴 주소", "lookalike"),
        "brand_in_label": ("기관 이름 끼워 넣기", "brand in name"),
        "brand_subdomain": ("기관 주소를 앞에 붙임", "brand as subdomain"),
        "unknown": ("공식 목록에 없음", "not official"),
    }
    index = 0 if lang == "ko" else 1
    return ", ".join(words.get(flag, (flag, flag))[index] for flag in flags)


def render_text(verdict: Verdict, lang: str = "ko") -> str:
    """The verdict for a terminal: level, reasons, links (defanged), numbers, what to do."""
    ko = lang == "ko"
    lines = [f"{verdict.label_ko if ko else verdict.label_en} ({verdict.risk}, {verdict.score:.2f})"]
    if verdict.reasons:
        lines.append("이유:" if ko else "Reasons:")
        lines += [f"  - {hit.ko if ko else hit.en} [{hit.id}]" for hit in verdict.reasons]
    if verdict.urls:
        lines.append("링크 (누르지 마세요):" if ko else "Links (do not open):")
        for info in verdict.urls:
            owner = info.owner_ko if ko else info.owner
            status = (f"공식: {owner}" if ko else f"official: {owner}") if info.official else _flag_words(info.flags, lang)
            host = f" [{info.host_unicode} = {info.host}]" if info.host_unicode else ""
            lines.append(f"  - {defang(info.url)}{host} → {info.registered_domain} ({status})")
    if verdict.phones:
        lines.append("전화번호:" if ko else "Phone numbers:")
        for phone in verdict.phones:
            owner = phone.owner_ko if ko else phone.owner
            status = (f"공식: {owner}" if ko else f"official: {owner}") if phone.official else (
                "공식 번호 아님" if ko else "not an official number"
            )
            sender = (" (보낸 번호)" if ko else " (sender)") if phone.is_sender else ""
            lines.append(f"  - {phone.number}{sender}: {status}")
    lines.append("할 일:" if ko else "What to do:")
    steps = verdict.advice.steps_ko if ko else verdict.advice.steps_en
    lines += [f"  {n}. {step}" for n, step in enumerate(steps, 1)] or [
        f"  {verdict.advice.ko if ko else verdict.advice.en}"
    ]
    versions = ", ".join(f"{k} {v}" for k, v in verdict.versions.items())
    lines.append(f"({versions})")
    return "\n".join(lines)


def _dump(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def _finite_float(text: str) -> float:
    """Strict JSON numbers only: 1e400 would come back out as Infinity, which no JSON parser reads."""
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"{text} is out of range")
    return value


def _parse_line(line: str, number: int) -> tuple[Any, Item | None, str | None]:
    """(id, item, error) for one JSON Lines input line."""
    try:
        data = json.loads(line, parse_constant=_reject_constant, parse_float=_finite_float)
    except RecursionError:  # "[[[[…": a hostile line must not end the whole batch
        return number, None, f"malformed JSON on line {number}: nested too deeply"
    except ValueError as exc:  # JSONDecodeError, or NaN/Infinity/1e400 (they would come back out as invalid JSON)
        return number, None, f"malformed JSON on line {number}: {getattr(exc, 'msg', str(exc))}"
    if not isinstance(data, dict):
        return number, None, f"line {number} is not a JSON object"
    item_id = data.get("id", number)
    try:  # a lone surrogate in the sender ("\ud800") is refused here too, or it would fail the whole chunk
        sender = validate_sender(data.get("sender"))
        text = validate_text(data.get("text"))
    except InputError as exc:
        return item_id, None, str(exc)
    return item_id, Item(text, sender), None


def _progress(done: int, out: TextIO) -> None:
    out.write(f"\r{done:,} messages checked")
    out.flush()


def run_batch(checker: Checker, lines: Iterator[str], out: TextIO, err: TextIO) -> int:
    """Check JSON Lines from ``lines``; write one JSON line per input line, in order."""
    show_progress = err.isatty()
    done = 0
    number = 0
    while True:
        chunk: list[tuple[Any, Item | None, str | None]] = []
        for line in lines:
            number += 1
            if not line.strip():
                continue
            chunk.append(_parse_line(line, number))
            if len(chunk) >= BATCH_CHUNK:
                break
        if not chunk:
            break
        valid = [item for _, item, _ in chunk if item is not None]
        verdicts = iter(checker.check_many(valid))
        for item_id, item, error in chunk:
            if item is None:
                out.write(_dump({"id": item_id, "error": error}) + "\n")
            else:
                out.write(_dump({"id": item_id, **next(verdicts).to_dict()}) + "\n")
        done += len(chunk)
        if show_progress:
            _progress(done, err)
    if show_progress:
        err.write("\n")
    out.flush()
    return 0


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="smishcheck", description="문자(스미싱) 위험 확인 / smishing checker")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="check one message / 문자 하나 확인")
    check.add_argument("text", help="the message text (use '-' to read it from stdin)")
    check.add_argument("--sender", help="sender number, if known")
    check.add_argument("--lang", choices=("ko", "en"), default="ko")
    check.add_argument("--json", action="store_true", help="print the Verdict as JSON")
    check.add_argument("--no-model", action="store_true", help="rules only, without the classifier")
    batch = sub.add_parser("batch", help="JSON Lines in ({id, text, sender?}), one JSON line out per input")
    batch.add_argument("--no-model", action="store_true", help="rules only, without the classifier")
    for name in ("train", "evaluate", *SERVICE_COMMANDS):
        sub.add_parser(name, add_help=False, help=f"see 'smishcheck {name} --help'")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list and args_list[0] in ("train", "evaluate"):
        module = __import__(f"checker.{args_list[0]}", fromlist=["main"])
        return int(module.main(args_list[1:]) or 0)
    if args_list and args_list[0] in SERVICE_COMMANDS:
        from service.cli import main as service_main

        return int(service_main(args_list) or 0)
    args = _build_parser().parse_args(args_list)
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="replace")
    checker = Checker(model=None) if args.no_model else Checker()
    if args.command == "batch":
        if hasattr(sys.stdin, "reconfigure"):
            sys.stdin.reconfigure(encoding="utf-8", errors="replace")
        return run_batch(checker, iter(sys.stdin), sys.stdout, sys.stderr)
    text = sys.stdin.read() if args.text == "-" else args.text
    try:
        verdict = checker.check(text, sender=args.sender)
    except InputError as exc:
        print(f"smishcheck: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(verdict.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(render_text(verdict, args.lang))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
