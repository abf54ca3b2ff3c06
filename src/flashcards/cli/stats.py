"""`flashcards stats`: the progress dashboard, or its figures as JSON."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from flashcards.cli import common
from flashcards.cli.completion import deck_names


def stats_cmd(
    decks: Annotated[list[str] | None, typer.Argument(
        help="Decks to look at (default: all).", show_default=False, metavar="DECK",
        autocompletion=deck_names)
    ] = None,
    days: Annotated[int, typer.Option(
        "--days", min=7, max=3660, metavar="N", help="Days the review calendar covers (26 weeks).")
    ] = 182,
    as_json: Annotated[bool, typer.Option(
        "--json", help="Print the figures as one JSON document (fields in the README).")
    ] = False,
    svg: Annotated[Path | None, typer.Option(
        "--svg", help="Also save the dashboard as an SVG picture.", metavar="FILE")] = None,
    html: Annotated[Path | None, typer.Option(
        "--html", help="Also save the dashboard as an HTML page.", metavar="FILE")] = None,
) -> None:
    """Show progress: today, cards by state, calendar, forecast, retention, weak spots."""
    import json

    from flashcards import service
    from flashcards.cli.output import check_target, stdout_text, write_files

    for target in (svg, html):
        if target is not None:
            check_target(target)
    store = common.open_store()
    try:
        figures = service.progress(store, decks or [], common.today(), days=days)
    finally:
        store.close()
    if as_json:
        from flashcards.service.stats import as_json as to_json

        with stdout_text() as out:
            out.write(json.dumps(to_json(figures), ensure_ascii=False, indent=2) + "\n")
    else:
        from flashcards.ui.dashboard import dashboard, uses_color

        console = common.console()
        console.print(dashboard(figures, console.width, uses_color(console)))
    if svg or html:
        from flashcards.ui.dashboard import export_picture

        pictures = export_picture(figures, width=100 if as_json else common.console().width)
        write_files([(path, text) for path, text in ((svg, pictures[0]), (html, pictures[1]))
                     if path is not None])
