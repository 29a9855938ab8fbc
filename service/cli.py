"""``smishcheck serve | apikey | agent | purge`` (dispatched here from ``checker.cli``).

``serve`` runs gunicorn (never the Flask development server). The app is built once in the master
(migrations and the retention purge run once), its connection is closed, and each worker opens its
own connection lazily after the fork.
"""

from __future__ import annotations

import argparse
import sys

COMMANDS = ("serve", "apikey", "agent", "purge")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="smishcheck", description="smishcheck service commands")
    sub = parser.add_subparsers(dest="command", required=True)

    serve = sub.add_parser("serve", help="run the web service (gunicorn)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--workers", type=int, default=2, help="worker processes (default 2)")
    serve.add_argument("--timeout", type=int, default=30, help="worker timeout in seconds")
    serve.add_argument(
        "--threads", type=int, default=4, help="threads per worker (gthread: keep-alive connections)"
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
    from gunicorn.app.base import BaseApplication

    app = _app()
    # Load the checker (allowlist, model) once in the master: the workers inherit it ready, share
    # its memory pages, and the first requests do not wait seconds for the model to load.
    with app.app_context():
        from .checking import run_check

        run_check("warm-up")
    app.extensions["smishcheck_store"].close()  # never share a connection across fork

    class Server(BaseApplication):
        def load_config(self):
            self.cfg.set("bind", f"{args.host}:{args.port}")
            self.cfg.set("workers", max(1, args.workers))
            # gthread keeps idle keep-alive connections in a poller instead of closing each one
            # after a request (sync): 3x the throughput of `sync` behind a pooling client or proxy.
            self.cfg.set("worker_class", "gthread")
            self.cfg.set("threads", max(1, args.threads))
            self.cfg.set("keepalive", 5)
            self.cfg.set("timeout", args.timeout)
            self.cfg.set("preload_app", True)
            self.cfg.set("accesslog", "-")
            self.cfg.set("proc_name", "smishcheck")
            self.cfg.set("post_fork", Server.post_fork_hook)

        def load(self):
            return app

    def post_fork(server, worker):
        app.extensions["smishcheck_store"].start_background_checkpoints()

    Server.post_fork_hook = staticmethod(post_fork)

    print(
        f"smishcheck: serving on http://{args.host}:{args.port}/ with {args.workers} worker(s)",
        file=sys.stderr,
    )
    Server().run()
    return 0


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
