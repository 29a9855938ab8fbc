"""Print the rule table for docs/rules.md: ``python -m checker.rules`` (a test keeps the docs in sync)."""

from checker.rules import REGISTRY


def table() -> str:
    lines = [
        "| id | group | points | forces | carrier | Korean text |",
        "|---|---|---:|---|---|---|",
    ]
    for rule in sorted(REGISTRY.values(), key=lambda r: (r.group, r.id)):
        points = f"{rule.score:g}"
        lines.append(
            f"| `{rule.id}` | {rule.group} | {points} | {rule.force or ''} | {'yes' if rule.carrier else ''} "
            f"| {rule.ko.replace('|', '/')} |"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    print(table())
