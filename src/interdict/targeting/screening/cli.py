"""`interdict screen`: screen a file of names against a watchlist (records.md §5), and measure
the matcher on labelled pairs (`interdict screen evaluate`).

Mounted as `interdict screen --watchlist W --input Q --output M`: without a sub-command, the
options given to `screen` itself run the screening.
"""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path
from typing import Annotated, Optional

import typer

from interdict.errors import InvalidInput, Problem
from interdict.targeting.screening.evaluation import LABELLED_PAIRS, evaluate_pairs, read_pairs
from interdict.targeting.screening.files import read_queries, read_watchlist, write_matches
from interdict.targeting.screening.matcher import DEFAULT_MIN_SCORE, Screener

screen_app = typer.Typer(
    name="screen",
    help="Screen names, addresses, phones and e-mails against watchlists.",
    invoke_without_command=True,
    no_args_is_help=False,
)

WatchlistOption = Annotated[Optional[Path], typer.Option("--watchlist", "-w", help="Watchlist entries (records.md §3), NDJSON or CSV.")]
InputOption = Annotated[Optional[Path], typer.Option("--input", "-i", help="Queries (records.md §5), NDJSON or CSV.")]
OutputOption = Annotated[Optional[Path], typer.Option("--output", "-o", help="Matches: .csv, or .ndjson/.jsonl.")]
MinScoreOption = Annotated[float, typer.Option("--min-score", help="Report candidates scoring at least this (0-100).")]
AsOfOption = Annotated[Optional[str], typer.Option("--as-of", help="Screen against entries valid on this day (YYYY-MM-DD); default today.")]


def _day(as_of: str | None) -> date | None:
    if as_of is None:
        return None
    try:
        return date.fromisoformat(as_of)
    except ValueError:
        raise InvalidInput("--as-of is not a date", problems=[Problem("as_of", "iso_date", as_of, "write YYYY-MM-DD")]) from None


def run_screening(*, watchlist: Path, input: Path, output: Path, min_score: float = DEFAULT_MIN_SCORE,
                  as_of: date | None = None) -> int:
    """Screens the queries of `input` against `watchlist`, writes the matches; returns their count."""
    screener = Screener(read_watchlist(watchlist), as_of=as_of)
    queries = read_queries(input)
    return write_matches(screener.screen(queries, min_score=min_score, workers=2), output)


@screen_app.callback()
def screen(
    ctx: typer.Context,
    watchlist: WatchlistOption = None,
    input: InputOption = None,
    output: OutputOption = None,
    min_score: MinScoreOption = DEFAULT_MIN_SCORE,
    as_of: AsOfOption = None,
) -> None:
    """Screen the queries of --input against --watchlist and write the matches to --output."""
    if ctx.invoked_subcommand is not None:
        return
    run(watchlist=watchlist, input=input, output=output, min_score=min_score, as_of=as_of)


@screen_app.command("run")
def run(
    watchlist: WatchlistOption = None,
    input: InputOption = None,
    output: OutputOption = None,
    min_score: MinScoreOption = DEFAULT_MIN_SCORE,
    as_of: AsOfOption = None,
) -> None:
    """Screen the queries of --input against --watchlist and write the matches to --output."""
    missing = [Problem(f"--{name}", "required", None, f"give --{name} PATH")
               for name, value in (("watchlist", watchlist), ("input", input), ("output", output)) if value is None]
    if missing:
        raise InvalidInput("screening needs a watchlist, an input and an output", problems=missing)
    started = time.perf_counter()
    count = run_screening(watchlist=watchlist, input=input, output=output, min_score=min_score, as_of=_day(as_of))
    typer.echo(f"{count} candidate matches written to {output} in {time.perf_counter() - started:.1f} s")


@screen_app.command("evaluate")
def evaluate(
    pairs: Annotated[Path, typer.Option("--pairs", "-p", help="Labelled pairs: CSV/NDJSON with query_name, listed_name, match (1/0); the shipped sets are labelled_pairs.csv and independent_pairs.csv.")] = LABELLED_PAIRS,
    step: Annotated[float, typer.Option(help="Distance between the thresholds shown.")] = 5.0,
    brute_force: Annotated[bool, typer.Option("--brute-force", help="Compare every pair, without blocking.")] = False,
) -> None:
    """Precision, recall and F1 of the screener on labelled pairs, at each threshold."""
    labelled = read_pairs(pairs)
    if not labelled:
        raise InvalidInput(f"{pairs} has no labelled pairs", problems=[Problem("pairs", "not_empty", str(pairs), "give a file with pairs")])
    thresholds = [round(50 + i * step, 2) for i in range(int(50 / step) + 1)]
    fine = evaluate_pairs(labelled, thresholds=[t / 2 for t in range(100, 201)], blocking=not brute_force)
    shown = evaluate_pairs(labelled, thresholds=thresholds, blocking=not brute_force)
    positives = sum(p.match for p in labelled)
    typer.echo(f"{len(labelled)} labelled pairs ({positives} matches, {len(labelled) - positives} non-matches) from {pairs}")
    typer.echo(f"{'threshold':>9} {'precision':>9} {'recall':>7} {'F1':>6} {'TP':>5} {'FP':>5} {'FN':>5}")
    for r in shown:
        typer.echo(f"{r.threshold:>9.1f} {r.precision:>9.3f} {r.recall:>7.3f} {r.f1:>6.3f} "
                   f"{r.true_positives:>5} {r.false_positives:>5} {r.false_negatives:>5}")
    best = max(fine, key=lambda r: (r.f1, -r.threshold))
    typer.echo(f"best threshold {best.threshold:.1f}: precision {best.precision:.3f}, recall {best.recall:.3f}, F1 {best.f1:.3f}")
    (default,) = evaluate_pairs(labelled, thresholds=[DEFAULT_MIN_SCORE], blocking=not brute_force)
    typer.echo(f"default threshold {default.threshold:.1f}: precision {default.precision:.3f}, "
               f"recall {default.recall:.3f}, F1 {default.f1:.3f}")
