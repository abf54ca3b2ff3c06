"""Plain tables: decks and other lists."""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len
from rich.text import Text

from flashcards.domain.listing import CardRow, DeckSummary
from flashcards.ui.terminal import safe_text


def deck_table(decks: Sequence[DeckSummary]) -> Text:
    """Decks with their counts, and a line of totals when there are several, as rich's
    Table drew them (columns two spaces apart, numbers to the right), laid out line by
    line as the card list is: rich's Table alone costs `decks` 20 ms of imports."""
    rows = [(safe_text(d.name), str(d.new), str(d.due), str(d.total)) for d in decks]
    if len(decks) > 1:
        rows.append((Text("All"), str(sum(d.new for d in decks)),
                     str(sum(d.due for d in decks)), str(sum(d.total for d in decks))))
    name = max([cell_len("Deck"), *(r[0].cell_len for r in rows)])
    widths = [max(len(h), *(len(r[i + 1]) for r in rows))
              for i, h in enumerate(("New", "Due", "Total"))]
    lines = [Text("  ".join([f"{'Deck':<{name}}", *(f"{h:>{w}}" for h, w in
                                                     zip(("New", "Due", "Total"), widths,
                                                         strict=True))]), style="bold")]
    for i, (label, *counts) in enumerate(rows):
        line = _cell(label, name, "<")
        for count, width in zip(counts, widths, strict=True):
            line.append("  " + f"{count:>{width}}")
        if i == len(decks):  # the totals
            line.stylize("bold")
        lines.append(line)
    return Text("\n").join(lines)


_FIXED = (("State", 9, "<"), ("Due", 10, "<"), ("EF", 4, ">"), ("Lapses", 6, ">"))
_MIN_QUESTION = 12


def _cell(text: Text, width: int, align: str) -> Text:
    text.truncate(width, overflow="ellipsis")
    gap = " " * (width - text.cell_len)
    return Text.assemble(gap, text) if align == ">" else Text.assemble(text, gap)


def card_table(cards: Sequence[CardRow], width: int) -> Text:
    """The card browser: name, question cut to the width, state, due, EF, lapses.

    Laid out line by line rather than with rich's Table, which takes 30-60 ms for fifty
    rows and `cards` answers in under 0.3 s. The name is always whole (`suspend` takes
    it): when a name is too long for its column, each name gets a line of its own and
    the card's figures follow on the next, indented."""
    rest = sum(w for _, w, _ in _FIXED) + len(_FIXED)  # each column after a space
    names = [safe_text(c.name) for c in cards]
    name_width = max([cell_len("Card")] + [n.cell_len for n in names])
    own_line = name_width > width - rest - _MIN_QUESTION
    if own_line:
        name_width = 1  # the indent under each name
    question_width = max(_MIN_QUESTION, width - rest - name_width - 1)
    lines = [Text("Card", style="bold")] if own_line else []
    lines.append(Text(" ", style="bold").join([
        _cell(Text("" if own_line else "Card"), name_width, "<"),
        _cell(Text("Question"), question_width, "<"),
        *(_cell(Text(h), w, a) for h, w, a in _FIXED)]))
    for card, name in zip(cards, names, strict=True):
        if own_line:
            lines.append(name)
            name = Text("")
        style = "red" if "leech" in card.tags else ""
        values = (safe_text(card.state, style=style),
                  Text(card.due.isoformat() if card.due else "—"), Text(f"{card.ease:.2f}"),
                  Text(str(card.lapses)))
        lines.append(Text(" ").join([
            _cell(name, name_width, "<"),
            _cell(safe_text(" ".join(card.question.split())), question_width, "<"),
            *(_cell(v, w, a) for v, (_, w, a) in zip(values, _FIXED, strict=True))]))
    return Text("\n").join(lines)
