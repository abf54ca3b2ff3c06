"""`flashcards cards`, `due`, `suspend`, `unsuspend`: the student's control of cards."""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from enum import StrEnum
from typing import Annotated

import typer

from flashcards.cli import common
from flashcards.cli.completion import card_names, deck_names
from flashcards.domain.errors import FlashcardsError

CONFIRM_OVER = 20  # cards; suspending more at once asks first (unless --yes)
TABLE_ROWS = 50  # cards the table shows without --limit (--json lists every card)


class State(StrEnum):
    new = "new"
    learning = "learning"
    young = "young"
    mature = "mature"
    suspended = "suspended"
    buried = "buried"
    retired = "retired"
    leech = "leech"


class Sort(StrEnum):
    due = "due"
    ease = "ease"
    lapses = "lapses"
    added = "added"


DecksArg = Annotated[list[str] | None, typer.Argument(
    help="Decks to look in (default: all).", show_default=False, metavar="DECK",
    autocompletion=deck_names)]
SearchOpt = Annotated[str | None, typer.Option(
    "--search", metavar="TEXT", help="Cards whose question, answer or tags contain TEXT "
    "(any case, accents ignored).", show_default=False)]
TagOpt = Annotated[str | None, typer.Option(
    "--tag", metavar="TAG", help="Cards with this tag.", show_default=False)]


def cards_cmd(
    decks: DecksArg = None,
    search: SearchOpt = None,
    tag: TagOpt = None,
    state: Annotated[State | None, typer.Option(
        "--state", help="Cards in this state.", show_default=False)] = None,
    due: Annotated[bool, typer.Option("--due", help="Learned cards due today or "
                                      "earlier.")] = False,
    sort: Annotated[Sort, typer.Option("--sort", help="Order of the list.")] = Sort.due,
    limit: Annotated[int | None, typer.Option(
        "--limit", metavar="N", min=1, help=f"At most N cards (the table shows "
        f"{TABLE_ROWS} without it).", show_default=False)] = None,
    as_json: Annotated[bool, typer.Option("--json", help="A JSON list of cards.")] = False,
) -> None:
    """List and search cards: name (DECK/KEY), question, state, due day, EF, lapses."""
    from flashcards.service import cards as service
    from flashcards.store.card_queries import Filters

    shown = limit if limit is not None or as_json else TABLE_ROWS
    filters = Filters(search=search, tag=tag, state=state.value if state else None,
                      due=due, sort=sort.value, limit=None if shown is None else shown + 1)
    store = common.open_store()
    try:
        found = service.list_cards(store, decks or [], filters, common.today())
    finally:
        store.close()
    more = shown is not None and len(found) > shown
    found = found[:shown]
    if as_json:
        rows = [{**asdict(c), "tags": list(c.tags),
                 "due": c.due.isoformat() if c.due else None} for c in found]
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=1) + "\n")
        return
    from flashcards.ui.tables import card_table
    from flashcards.ui.terminal import counted

    out = common.console()
    if not found:
        out.print("No cards match.")
        return
    out.print(card_table(found, out.width), soft_wrap=True)  # a long name stays whole
    if more:
        out.print(f"The first {len(found)} cards; more match (narrow the list, or --limit N, "
                  "or --json for all).", markup=False)
    else:
        out.print(counted(len(found), "card"))


def due_cmd(
    decks: DecksArg = None,
    count: Annotated[bool, typer.Option("--count", help="Print only the number.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="The counts as JSON.")] = False,
) -> None:
    """What today's review holds: due, to relearn, new (for prompts and reminders)."""
    from flashcards.cli.fast import due_text

    sys.stdout.write(due_text(decks or [], count, as_json))


def _change(names: list[str] | None, search: str | None, tag: str | None, yes: bool,
            suspend: bool) -> None:
    from flashcards.service import cards as service
    from flashcards.store.card_queries import Filters

    if not names and search is None and tag is None:
        raise FlashcardsError("name the cards (DECK/KEY), or pick them with --search or "
                              "--tag")
    filters = None if search is None and tag is None else Filters(search=search, tag=tag)
    store = common.open_store()
    try:
        ids = service.matching(store, names or [], filters, common.today())
        verb = "suspend" if suspend else "unsuspend"
        if len(ids) > CONFIRM_OVER and not yes and not typer.confirm(
                f"{verb.capitalize()} {len(ids)} cards?", err=True):
            raise typer.Exit(1)
        changed = service.set_suspended(store, ids, suspend, common.now())
    finally:
        store.close()
    done = "suspended" if suspend else "unsuspended"
    already = len(ids) - changed
    sys.stdout.write(f"{changed} card{'s' if changed != 1 else ''} {done}"
                     + (f" ({already} already were)" if already else "") + "\n")


NamesArg = Annotated[list[str] | None, typer.Argument(
    help="Cards, named DECK/KEY as `flashcards cards` lists them.", show_default=False,
    metavar="NAME", autocompletion=card_names)]
YesOpt = Annotated[bool, typer.Option("--yes", "-y", help=f"Do not ask first when more "
                                      f"than {CONFIRM_OVER} cards match.")]


def suspend_cmd(names: NamesArg = None, search: SearchOpt = None, tag: TagOpt = None,
                yes: YesOpt = False) -> None:
    """Suspend cards: never shown in a review, history kept."""
    _change(names, search, tag, yes, True)


def unsuspend_cmd(names: NamesArg = None, search: SearchOpt = None, tag: TagOpt = None,
                  yes: YesOpt = False) -> None:
    """Unsuspend cards (a leech's mark goes too)."""
    _change(names, search, tag, yes, False)
