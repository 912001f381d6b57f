"""The `interdict` command: gathers each capability's commands; the work lives in the modules."""

from __future__ import annotations

import sys

import typer

from interdict.access.accounts_cli import audit_app, user_app
from interdict.access.cli import apikey_app
from interdict.cases.cli import cases_app
from interdict.console import render_error
from interdict.demo import demo
from interdict.errors import InterdictError
from interdict.exchange.cli import exchange_app, keys_app
from interdict.firearms.cli import firearms_app
from interdict.ingest.cli import ingest, quarantine_app
from interdict.simulate.cli import simulate
from interdict.store.cli import db_app
from interdict.targeting.cli import profile_app
from interdict.targeting.model.cli import app as model_app
from interdict.targeting.screening.cli import screen_app
from interdict.targeting.store_cli import mount as mount_profile_store
from interdict.targeting.store_cli import score
from interdict.web.server import serve_command

app = typer.Typer(
    name="interdict",
    help="Risk targeting, inspections, firearms tracing and case exchange for border agencies.",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
)
# The main job, then the loop in its order: data in, targeting, the web, exchange, administration.
app.command()(demo)
app.command()(simulate)
app.command()(ingest)
app.add_typer(quarantine_app, name="quarantine")
app.command()(score)
mount_profile_store(profile_app)
app.add_typer(profile_app, name="profile")
app.add_typer(screen_app, name="screen")
app.add_typer(model_app, name="model")
app.command("serve")(serve_command)
app.add_typer(firearms_app, name="firearms")
app.add_typer(cases_app, name="cases")
app.add_typer(keys_app, name="keys")
app.add_typer(exchange_app, name="exchange")
app.add_typer(user_app, name="user")
app.add_typer(apikey_app, name="apikey")
app.add_typer(audit_app, name="audit")
app.add_typer(db_app, name="db")


def main() -> None:
    try:
        app()
    except InterdictError as error:
        render_error(error)
        sys.exit(2)


if __name__ == "__main__":  # `python -m interdict.cli`, as `python -m interdict`
    main()
