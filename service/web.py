"""Citizens: paste a message, see the verdict on the same page, report it. No JavaScript needed."""

from __future__ import annotations

from flask import Blueprint, current_app, render_template, request

from .checking import InputError, check_and_store, clean_sender, clean_text, run_check
from .display import defang, defang_text, host_label
from .i18n import current_lang, t
from .security import require_csrf

bp = Blueprint("web", __name__)
bp.before_request(require_csrf)


def _page(status: int = 200, **context):
    context.setdefault("text", "")
    context.setdefault("sender", "")
    return (
        render_template(
            "index.html",
            max_length=current_app.config["MAX_TEXT_LENGTH"],
            retention_days=current_app.config["RETENTION_DAYS"],
            defang=defang,
            defang_text=defang_text,
            host_label=host_label,
            lang=current_lang(),
            **context,
        ),
        status,
    )


def _form_input() -> tuple[str, str | None]:
    text = clean_text(request.form.get("text", ""), max_length=current_app.config["MAX_TEXT_LENGTH"])
    return text, clean_sender(request.form.get("sender"))


@bp.get("/")
def index():
    return _page()


@bp.post("/")
def check_message():
    raw_text, raw_sender = request.form.get("text", ""), request.form.get("sender", "")
    try:
        text, sender = _form_input()
    except InputError as exc:
        return _page(exc.status, error=t(exc.key, **exc.values), text=raw_text, sender=raw_sender)
    verdict, check_id = check_and_store(text, sender, source="web")
    return _page(verdict=verdict, check_id=check_id, text=text, sender=sender or "")


@bp.post("/report")
def report():
    try:
        text, sender = _form_input()
    except InputError as exc:
        return _page(400, error=t(exc.key, **exc.values))
    verdict = run_check(text, sender)
    report_id = current_app.extensions["smishcheck_store"].record_report(
        text, verdict, sender=sender, source="web", channel="web"
    )
    return _page(verdict=verdict, reported_id=report_id, text=text, sender=sender or "")
