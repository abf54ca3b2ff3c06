"""The progress dashboard: stats.Stats rendered with Rich, readable from 80 columns.

Deck names, sections and questions are user text: always `safe_text`, never markup.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from rich import box
from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from flashcards.domain.stats import (
    Bucket,
    DaySummary,
    HardCard,
    PartStats,
    Rate,
    RetentionRow,
    Stats,
)
from flashcards.ui import charts
from flashcards.ui.terminal import counted, duration, safe_text

STATE_STYLES = {"new": ("░", "blue"), "learning": ("▒", "yellow"), "young": ("▓", "green3"),
                "mature": ("█", "green4"), "buried": ("┄", "grey62"), "leech": ("×", "red3"),
                "suspended": ("╌", "grey50"), "retired": ("·", "grey30")}


def percent(rate: Rate) -> str:
    return "—" if rate.rate is None else f"{100 * rate.rate:.1f}%"


def _panel(body: RenderableType, title: str, subtitle: str | None = None) -> Panel:
    return Panel(body, title=Text(title, style="bold"), title_align="left",
                 subtitle=None if subtitle is None else Text(subtitle, style="dim"),
                 subtitle_align="right", box=box.ROUNDED, border_style="grey50",
                 padding=(0, 1))


def today_panel(day: DaySummary) -> Panel:
    grid = Table.grid(expand=True)
    figures = [("Reviewed", f"{day.reviewed:,}"), ("New learned", f"{day.new_learned:,}"),
               ("Retention", percent(day.retention)), ("Time", duration(day.time_ms)),
               ("Still due", f"{day.still_due:,}")]
    for _ in figures:
        grid.add_column(justify="center")
    grid.add_row(*(Text(value, style="bold") for _, value in figures))
    grid.add_row(*(Text(label, style="dim") for label, _ in figures))
    tested = f"retention over {counted(day.retention.tested, 'review')} of learned cards"
    return _panel(grid, f"Today · {day.day:%a %-d %b %Y}", tested)


def states_panel(states: dict[str, int], width: int, color: bool) -> Panel:
    parts = [(states.get(name, 0), "█" if color else glyph, style)
             for name, (glyph, style) in STATE_STYLES.items()]
    legend = Text()
    for name, (n, glyph, style) in zip(STATE_STYLES, parts, strict=True):
        if n or name not in ("buried", "leech", "suspended", "retired"):
            legend.append(glyph + " ", style=style)
            legend.append(f"{name} {n:,}  ")
    body = Group(charts.stacked_bar(parts, max(10, width - 4)), legend)
    return _panel(body, "Cards", f"{sum(states.values()):,} in all")


def calendar_panel(stats: Stats, width: int, color: bool) -> Panel:
    cal = stats.calendar
    weeks = round(stats.period_days / 7)
    title = f"Reviews, last {weeks} weeks" if stats.period_days % 7 == 0 and weeks > 1 else (
        f"Reviews, last {stats.period_days} days")
    streak = (f"{cal.reviews:,} review{'s' if cal.reviews != 1 else ''} on "
              f"{cal.study_days} day{'s' if cal.study_days != 1 else ''} · streak "
              f"{cal.current_streak} · longest {cal.longest_streak}")
    return _panel(charts.heatmap(cal.days, width - 4, color), title, streak)


def forecast_panel(stats: Stats) -> Panel:
    values = [n for _, n in stats.forecast]
    labels = ["today" if i == 0 else (f"{d:%-d %b}" if i % 7 == 0 else "")
              for i, (d, _) in enumerate(stats.forecast)]
    total = sum(values)
    return _panel(charts.vertical_bars(values, labels), f"Due, next {len(values)} days",
                  f"{counted(total, 'review')} · today includes overdue")


def retention_table(rows: Sequence[RetentionRow]) -> Table:
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, expand=False, show_edge=False)
    table.add_column("Retention")
    for name in ("Young", "Mature", "All"):
        table.add_column(name, justify="right")
    for row in rows:
        table.add_row(f"last {row.days} days",
                      *(f"{percent(r)} of {r.tested:,}" for r in (row.young, row.mature, row.all)))
    return table


def _deck_row(table: Table, part: PartStats, branch: str, style: str) -> None:
    ease = "—" if part.average_ease is None else f"{part.average_ease:.2f}"
    table.add_row(Text(branch, style="dim") + safe_text(part.name, style), f"{part.cards:,}",
                  f"{part.due:,}", percent(part.retention), ease, f"{part.lapses:,}")


def deck_table(stats: Stats) -> Table:
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False, expand=True)
    table.add_column("Deck / section", ratio=1, overflow="ellipsis", no_wrap=True)
    for name in ("Cards", "Due", "Ret. 30d", "Avg EF", "Lapses"):
        table.add_column(name, justify="right", no_wrap=True)
    for deck in stats.decks:
        _deck_row(table, deck.deck, "", "bold")
        for i, section in enumerate(deck.sections):
            _deck_row(table, section, "└ " if i == len(deck.sections) - 1 else "├ ", "")
    return table


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def hardest_table(stats: Stats, width: int, cards: Sequence[HardCard] | None = None) -> Table:
    """Questions get up to three lines: enough to tell cards of one article apart."""
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False, expand=True)
    table.add_column("EF", justify="right", no_wrap=True)
    table.add_column("Lapses", justify="right", no_wrap=True)
    table.add_column("Question", ratio=3, overflow="fold")
    table.add_column("Deck", ratio=1, overflow="ellipsis", no_wrap=True, max_width=20)
    line = max(20, (width - 16) * 3 // 4 - 2)
    for card in stats.hardest if cards is None else cards:
        question = _clip(" ".join(card.question.split()), 3 * line - 12)
        table.add_row(f"{card.ease:.2f}", str(card.lapses), safe_text(question),
                      safe_text(card.deck, "dim"))
    return table


def histogram(title: str, buckets: Sequence[Bucket], width: int, style: str) -> Table:
    table = Table.grid(padding=(0, 1))
    table.add_column(justify="right", style="dim", no_wrap=True)
    table.add_column(no_wrap=True)
    table.add_column(justify="right", no_wrap=True)
    peak = max((b.cards for b in buckets), default=0)
    label_width = max((len(b.label) for b in buckets), default=0)
    bar = max(4, width - label_width - 10)
    table.title = title
    table.title_justify = "left"
    table.title_style = "bold"
    for b in buckets:
        table.add_row(b.label, charts.hbar(b.cards, peak, bar, style), f"{b.cards:,}")
    return table


def histograms(stats: Stats, width: int) -> RenderableType:
    if width >= 76:
        half = (width - 6) // 2
        grid = Table.grid(padding=(0, 2), expand=True)
        grid.add_column(ratio=1)
        grid.add_column(ratio=1)
        grid.add_row(histogram("Interval (days)", stats.intervals, half, "cyan"),
                     histogram("Ease factor", stats.eases, half, "magenta"))
        return grid
    return Group(histogram("Interval (days)", stats.intervals, width - 2, "cyan"), Text(),
                 histogram("Ease factor", stats.eases, width - 2, "magenta"))


def dashboard(stats: Stats, width: int, color: bool = False) -> RenderableType:
    """Every panel, top to bottom, sized for `width` columns; `color`: solid blocks shaded
    by colour instead of glyphs that carry the levels on their own."""
    scope = Text("Progress", style="bold")
    scope.append(" · ")
    scope.append_text(safe_text(", ".join(stats.decks_filter) if stats.decks_filter
                                else "all decks"))
    parts: list[RenderableType] = [scope, today_panel(stats.today),
                                   states_panel(stats.states, width, color),
                                   calendar_panel(stats, width, color), forecast_panel(stats),
                                   _panel(retention_table(stats.retention), "Retention",
                                          "first answers of the day to learned cards"),
                                   _panel(deck_table(stats), "Decks")]
    if stats.hardest:
        parts.append(_panel(hardest_table(stats, width - 4), "Hardest cards",
                            "lowest EF, most lapses"))
    if stats.leeches:
        parts.append(_panel(hardest_table(stats, width - 4, stats.leeches), "Leeches",
                            "lapsed leech_threshold times; flashcards cards --state leech"))
    parts.append(_panel(histograms(stats, width - 4), "Learned cards"))
    return Group(*parts)


def export_picture(stats: Stats, width: int) -> tuple[str, str]:
    """The dashboard as (SVG, HTML) documents, via Rich's own export, in colour."""
    console = Console(record=True, width=width, file=io.StringIO(), markup=False,
                      emoji=False, highlight=False, color_system="truecolor",
                      force_terminal=True, no_color=False)
    console.print(dashboard(stats, width, color=True))
    title = f"flashcards progress · {stats.today.day.isoformat()}"
    svg = console.export_svg(title=title, clear=False)
    html = console.export_html(clear=True)
    return svg, html



def uses_color(console: Console) -> bool:
    """Shade by colour alone only with 256 colours or more: on a 16-colour terminal the
    heat levels' greens collapse into one, so the glyphs keep carrying the levels."""
    return console.color_system in ("256", "truecolor") and not console.no_color
