"""Call-center agents: lookup (verdict + script + what the database knows), search, outcomes, overview.

Agents sign in with accounts made by ``smishcheck agent create NAME``. Every form carries a CSRF token;
sign-in failures are throttled per address and name.
"""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta
from functools import wraps

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    g,
    redirect,
    render_template,
    request,
    session,
    url_for,
)

from checker.redact import phone_digits, redact

from .checking import InputError, clean_text, run_check, store_check
from .display import agent_script, defang, defang_text, host_label, phone_value_label
from .i18n import current_lang, t
from .privacy import Indicator
from .security import require_csrf
from .storage import LABELS, Store

bp = Blueprint("callcenter", __name__)
bp.before_request(require_csrf)


def _store() -> Store:
    return current_app.extensions["smishcheck_store"]


def login_required(view):
    @wraps(view)
    def wrapped(*args, **kwargs):
        agent_id = session.get("agent_id")
        agent = _store().agent(agent_id) if agent_id else None
        if agent is None:
            session.pop("agent_id", None)
            return redirect(url_for("callcenter.login", next=request.path))
        g.agent = agent
        return view(*args, **kwargs)

    return wrapped


def _render(template: str, status: int = 200, **context):
    return (
        render_template(
            template,
            defang=defang,
            defang_text=defang_text,
            host_label=host_label,
            phone_value_label=phone_value_label,
            labels=LABELS,
            lang=current_lang(),
            **context,
        ),
        status,
    )


@bp.route("/login", methods=["GET", "POST"])
def login():
    error = None
    status = 200
    if request.method == "POST":
        name = request.form.get("name", "").strip()[:100]
        password = request.form.get("password", "")[:200]
        throttle = current_app.extensions["smishcheck_login_throttle"]
        address = request.remote_addr or "?"
        if throttle.blocked(address, name):
            error, status = t("cc_too_many_logins", minutes=5), 429
        else:
            agent = _store().verify_agent(name, password) if name and password else None
            if agent is None:
                throttle.failed(address, name)
                error, status = t("cc_bad_login"), 401
            else:
                throttle.succeeded(address, name)
                session.clear()  # new session id content on sign-in (no fixation of the old token)
                session.permanent = True
                session["agent_id"] = agent["id"]
                target = request.args.get("next", "")
                # Only local paths: never an open redirect to another site.
                if not target.startswith("/callcenter") or target.startswith("//"):
                    target = url_for("callcenter.lookup")
                return redirect(target)
    return _render("callcenter/login.html", status, error=error)


@bp.post("/logout")
def logout():
    session.clear()
    return redirect(url_for("callcenter.login"))


def query_indicators(query: str, verdict: dict) -> list[Indicator]:
    """What to match in the database for an agent's query: the verdict's links and numbers, and a
    bare number the checker did not list (a caller reading out only the digits)."""
    store = _store()
    indicators = store.redactor.indicators(verdict)
    if not any(i.kind == "phone" for i in indicators):
        found = redact(query).phones
        digits = phone_digits(query)
        if not found and 7 <= len(digits) <= 12 and len(digits) >= len(query.strip()) * 0.6:
            found = (digits,)
        indicators += [Indicator("phone", store.redactor.phone_value(number)) for number in found]
    return list(dict.fromkeys(indicators))


def lookup_data(query: str, *, source: str) -> dict:
    """Shared by the page and ``GET /api/v1/lookup``: verdict, script, and what was seen before."""
    verdict = run_check(query)
    indicators = query_indicators(query, verdict)
    known = _store().lookup(indicators)  # before storing this query, so it does not count itself
    check_id = store_check(query, verdict, None, source=source)
    return {
        "check_id": check_id,
        "verdict": verdict,
        "script": {"ko": agent_script(verdict["risk"], "ko"), "en": agent_script(verdict["risk"], "en")},
        "indicators": known,
    }


@bp.route("/", methods=["GET", "POST"])
@login_required
def lookup():
    data = None
    error = None
    query = request.values.get("q", "")
    if request.method == "POST" or query:
        try:
            query = clean_text(query, max_length=current_app.config["MAX_TEXT_LENGTH"])
            data = lookup_data(query, source="callcenter")
        except InputError as exc:
            error = t(exc.key, **exc.values)
    saved = request.args.get("saved", type=int)
    return _render(
        "callcenter/lookup.html", 400 if error else 200, query=query, data=data, error=error, saved=saved
    )


@bp.post("/outcome")
@login_required
def outcome():
    label = request.form.get("label", "")
    if label not in LABELS:
        abort(400)
    try:
        text = clean_text(request.form.get("text", ""), max_length=current_app.config["MAX_TEXT_LENGTH"])
    except InputError:
        abort(400)
    note = request.form.get("note", "")[:1000]
    check_id = request.form.get("check_id", type=int)
    outcome_id = _store().record_outcome(
        agent_id=g.agent["id"], text=text, label=label, note=note, check_id=check_id
    )
    return redirect(url_for("callcenter.lookup", saved=outcome_id))


@bp.get("/search")
@login_required
def search():
    query = request.args.get("q", "").strip()[:200]
    results = _store().search_reports(query) if query else []
    return _render("callcenter/search.html", query=query, results=results)


def _chart(days: list[dict]) -> dict:
    """Geometry of the per-day bar chart, rendered as inline SVG by the template (no script)."""
    width, height, top, bottom = 560, 200, 16, 36
    slot = width / max(1, len(days))
    peak = max([1] + [max(d["checks"], d["reports"]) for d in days])
    scale = (height - top - bottom) / peak
    bars = []
    for n, day in enumerate(days):
        x = n * slot
        for offset, key in ((0.15, "checks"), (0.5, "reports")):
            value = day[key]
            bar_height = value * scale
            bars.append(
                {
                    "x": round(x + slot * offset, 1),
                    "y": round(height - bottom - bar_height, 1),
                    "w": round(slot * 0.33, 1),
                    "h": round(bar_height, 1),
                    "kind": key,
                    "value": value,
                }
            )
        day["label_x"] = round(x + slot / 2, 1)
    return {
        "width": width,
        "height": height,
        "bars": bars,
        "days": days,
        "base": height - bottom,
        "peak": peak,
    }


@bp.get("/overview")
@login_required
def overview():
    store = _store()
    days = store.per_day(days=7)
    return _render(
        "callcenter/overview.html",
        top_domains=store.top_indicators("domain"),
        top_phones=store.top_indicators("phone"),
        chart=_chart(days),
        today=date.today().isoformat(),
        week_ago=(date.today() - timedelta(days=6)).isoformat(),
    )


def csv_cell(value) -> str:
    """Neutralise spreadsheet formulas: a cell starting with = + - @ (or tab/CR) gets a leading quote."""
    text = "" if value is None else str(value)
    if text[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + text
    return text


def _csv_response(header: list[str], rows, filename: str) -> Response:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    for row in rows:
        writer.writerow([csv_cell(row.get(column)) for column in header])
    response = Response("\ufeff" + buffer.getvalue(), mimetype="text/csv")
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@bp.get("/export.csv")
@login_required
def export_reports():
    try:
        start = date.fromisoformat(request.args.get("from", ""))
        end = date.fromisoformat(request.args.get("to", ""))
    except ValueError:
        return render_template("error.html", message=t("cc_bad_dates"), status=400), 400
    if end < start:
        start, end = end, start
    header = ["id", "created_at", "source", "channel", "label", "risk", "score", "text"]
    return _csv_response(header, _store().reports_between(start, end), f"reports-{start}-{end}.csv")


@bp.get("/labelled.csv")
@login_required
def export_labelled():
    # No BOM and plain text,label: the file feeds `smishcheck train --extra` directly.
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["text", "label"])
    for row in _store().labelled():
        writer.writerow([csv_cell(row["text"]), row["label"]])
    response = Response(buffer.getvalue(), mimetype="text/csv")
    response.headers["Content-Disposition"] = 'attachment; filename="labelled.csv"'
    return response
