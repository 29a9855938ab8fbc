"""``smishcheck serve | apikey | agent | purge`` (dispatched here from ``checker.cli``).

``serve`` runs granian (a Rust HTTP server; ``--server gunicorn`` for gunicorn's gthread workers),
never the Flask development server. The app is built once in the master (migrations and the
retention purge run once, the checker is loaded), its connection is closed, and the workers are
forked from it: each opens its own connection lazily, and starts its WAL checkpoint thread and its
check writer (service/check_queue.py), which is flushed when the worker stops.
"""

from __future__ import annotations

import argparse
import atexit
import gc
import multiprocessing
import os
import sys
from multiprocessing import util as mp_util

COMMANDS = ("serve", "apikey", "agent", "purge")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="smishcheck", description="smishcheck service commands")
    sub = parser.add_subparsers(dest="command", required=True)

    serve = sub.add_parser("serve", help="run the web service (gunicorn)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--workers", type=int, default=2, help="worker processes (default 2)")
    serve.add_argument(
        "--timeout",
        type=int,
        default=30,
        help="seconds a stopping worker gets before it is killed (gunicorn: also a silent worker's limit)",
    )
    serve.add_argument(
        "--threads",
        type=int,
        default=None,
        help="threads per worker running the app (default: granian 2, gunicorn 4)",
    )
    serve.add_argument(
        "--server", choices=("granian", "gunicorn"), default="granian", help="HTTP server (default granian)"
    )
    serve.add_argument(
        "--no-access-log", action="store_true", help="do not log one line per request on stdout"
    )

    apikey = sub.add_parser("apikey", help="manage API keys for /api/v1")
    apikey_sub = apikey.add_subparsers(dest="action", required=True)
    apikey_sub.add_parser("create", help="create a key; the key is printed on the last line").add_argument(
        "name"
    )
    apikey_sub.add_parser("list", help="list keys (names and prefixes, never the keys)")
    apikey_sub.add_parser("revoke", help="revoke keys by name or prefix").add_argument("name")

    agent = sub.add_parser("agent", help="manage call-center agents")
    agent_sub = agent.add_subparsers(dest="action", required=True)
    agent_sub.add_parser(
        "create", help="create an agent; the password is printed on the last line"
    ).add_argument("name")
    agent_sub.add_parser("list", help="list agents")
    agent_sub.add_parser("disable", help="disable an agent").add_argument("name")

    purge = sub.add_parser("purge", help="delete checks older than SMISHCHECK_RETENTION_DAYS")
    purge.add_argument("--days", type=int, default=None, help="override the retention (days)")
    return parser


def _app():
    from service import create_app

    return create_app()


def _serve(args) -> int:
    app = _app()
    # Load the checker (allowlist, model) once in the master: the workers inherit it ready, share
    # its memory pages, and the first requests do not wait seconds for the model to load.
    with app.app_context():
        from .checking import run_check

        run_check("warm-up")
    store = app.extensions["smishcheck_store"]
    store.close()  # never share a connection across fork
    # What start-up loaded (allowlist, model, compiled patterns: most of the heap) lives as long as the
    # process. Moved to the collector's permanent generation, a full collection in a worker no longer
    # walks it (a pause in the middle of a request) and its memory pages stay shared after the fork.
    gc.freeze()
    if os.environ.get("SMISHCHECK_SYNC_CHECKS", "").strip().lower() not in {"1", "true", "yes", "on"}:
        store.start_check_queue()  # each worker's writer thread starts on its first check

    def worker_started() -> None:
        store.start_background_checkpoints()
        if store.check_queue is not None:
            # A graceful stop (SIGTERM/SIGINT from the master) writes what is queued. A granian
            # worker is a multiprocessing child, which ends with os._exit: atexit never runs
            # there, multiprocessing's own exit finalizers do.
            mp_util.Finalize(store, store.check_queue.close, exitpriority=100)
            atexit.register(store.check_queue.close)

    print(
        f"smishcheck: serving on http://{args.host}:{args.port}/ with {args.workers} worker(s) ({args.server})",
        file=sys.stderr,
    )
    if args.server == "gunicorn":
        return _serve_gunicorn(app, args, worker_started)
    return _serve_granian(app, args, worker_started)


def _serve_granian(app, args, worker_started) -> int:
    from granian.constants import Interfaces
    from granian.server import Server

    # Workers must be forked from this process (the app and the checker are already loaded here).
    multiprocessing.set_start_method("fork", force=True)

    def load_app(_target):  # runs in each worker, after the fork
        worker_started()
        # granian starts every request's WSGI environ from a copy of os.environ: an HTTP_* variable
        # of the server's environment (HTTP_PROXY, ...) would read as a request header the client
        # never sent. Nothing here needs them.
        for name in [name for name in os.environ if name.startswith("HTTP_")]:
            del os.environ[name]
        return _access_logged(app) if not args.no_access_log else app

    server = Server(
        "smishcheck",
        address=args.host,
        port=args.port,
        interface=Interfaces.WSGI,
        workers=max(1, args.workers),
        # Two threads run the app per worker: the work is CPU-bound under one GIL, so more threads
        # only add switching; two keep a worker busy while the other thread waits on the database.
        blocking_threads=max(1, args.threads or 2),
        websockets=False,
        respawn_failed_workers=True,
        workers_kill_timeout=max(1, args.timeout),
    )
    server.serve(target_loader=load_app)
    return 0


def _access_logged(app):
    """One line per request on stdout (what gunicorn's access log gave), written by the app."""
    import logging

    logger = logging.getLogger("smishcheck.access")
    if not logger.handlers:
        handler = logging.StreamHandler(sys.stdout)
        handler.setFormatter(logging.Formatter("%(asctime)s %(message)s"))
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
        logger.propagate = False

    def logged(environ, start_response):
        status = []

        def start(code, headers, exc_info=None):
            status.append(code)
            return start_response(code, headers, exc_info)

        result = app(environ, start)
        logger.info(
            "%s %s %s %s",
            environ.get("REMOTE_ADDR", "-"),
            environ.get("REQUEST_METHOD", "-"),
            environ.get("PATH_INFO", "-"),
            status[0].split(" ", 1)[0] if status else "-",
        )
        return result

    return logged


def _serve_gunicorn(app, args, worker_started) -> int:
    from gunicorn.app.base import BaseApplication

    class Server(BaseApplication):
        def load_config(self):
            self.cfg.set("bind", f"{args.host}:{args.port}")
            self.cfg.set("workers", max(1, args.workers))
            # gthread keeps idle keep-alive connections in a poller instead of closing each one
            # after a request (sync): 3x the throughput of `sync` behind a pooling client or proxy.
            self.cfg.set("worker_class", "gthread")
            self.cfg.set("threads", max(1, args.threads or 4))
            self.cfg.set("keepalive", 5)
            self.cfg.set("timeout", args.timeout)
            self.cfg.set("preload_app", True)
            self.cfg.set("accesslog", None if args.no_access_log else "-")
            self.cfg.set("proc_name", "smishcheck")
            self.cfg.set("post_fork", lambda server, worker: worker_started())
            self.cfg.set("worker_exit", lambda server, worker: _close_queue(app))

        def load(self):
            return app

    Server().run()
    return 0


def _close_queue(app) -> None:
    queue = app.extensions["smishcheck_store"].check_queue
    if queue is not None:
        queue.close()


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "serve":
        return _serve(args)
    app = _app()
    store = app.extensions["smishcheck_store"]
    if args.command == "apikey":
        if args.action == "create":
            key = store.create_api_key(args.name)
            print(f"API key for {args.name!r} (shown once; stored hashed):")
            print(key)
        elif args.action == "list":
            for row in store.list_api_keys():
                state = f"revoked {row['revoked_at']}" if row["revoked_at"] else "active"
                print(f"{row['id']}\t{row['name']}\t{row['prefix']}…\t{row['created_at']}\t{state}")
        else:
            count = store.revoke_api_key(args.name)
            print(f"revoked {count} key(s)")
            return 0 if count else 1
    elif args.command == "agent":
        if args.action == "create":
            try:
                password = store.create_agent(args.name)
            except ValueError as exc:
                print(f"error: {exc}", file=sys.stderr)
                return 1
            print(f"agent {args.name!r} created; password (shown once; stored hashed):")
            print(password)
        elif args.action == "list":
            for row in store.list_agents():
                state = "disabled" if row["disabled"] else "active"
                print(
                    f"{row['id']}\t{row['name']}\t{state}\t{row['created_at']}\t{row['last_login_at'] or '-'}"
                )
        else:
            if not store.disable_agent(args.name):
                print(f"error: no agent {args.name!r}", file=sys.stderr)
                return 1
            print(f"agent {args.name!r} disabled")
    elif args.command == "purge":
        days = args.days if args.days is not None else int(app.config["RETENTION_DAYS"])
        print(f"deleted {store.purge(days)} check(s) older than {days} days")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
