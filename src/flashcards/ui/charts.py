"""Small charts drawn with Rich text: a calendar heatmap, vertical and horizontal bars.

Readable without colour: heat levels are different glyphs (· ░ ▒ ▓ █) and bars are block
characters; colour only adds to them.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date, timedelta

from rich.text import Text

HEAT_GLYPHS = ("·", "░", "▒", "▓", "█")
HEAT_STYLES = ("grey35", "#0e4429", "#006d32", "#26a641", "#39d353")
_EIGHTHS_UP = " ▁▂▃▄▅▆▇█"
_EIGHTHS_RIGHT = " ▏▎▍▌▋▊▉█"
_WEEKDAYS = ("Mon", "", "Wed", "", "Fri", "", "")
_LABEL = 4  # weekday label column


def heat_level(count: int, peak: int) -> int:
    """0 for no answers, else 1-4 in quarters of the busiest day."""
    if count <= 0 or peak <= 0:
        return 0
    return min(4, max(1, math.ceil(4 * count / peak)))


def heatmap(days: Sequence[tuple[date, int]], width: int, color: bool = False) -> Text:
    """A contribution-graph calendar: one column per week (Monday on top), one cell per
    day, month names above. Shows the most recent weeks that fit in `width`. In colour,
    every studied day is a square shaded by level; without, the glyph shows the level."""
    glyphs = ("·", "■", "■", "■", "■") if color else HEAT_GLYPHS
    if not days:
        return Text("no days")
    first, last = days[0][0], days[-1][0]
    counts = dict(days)
    start = first - timedelta(days=first.weekday())
    weeks = (last - start).days // 7 + 1
    cell = 2 if _LABEL + 2 * weeks <= width else 1
    fit = max(1, (width - _LABEL) // cell)
    if weeks > fit:
        start += timedelta(weeks=weeks - fit)
        weeks = fit
    peak = max(counts.values(), default=0)
    text = Text(no_wrap=True, overflow="crop")
    text.append(_month_row(start, weeks, cell, first))
    for weekday in range(7):
        text.append("\n" + _WEEKDAYS[weekday].ljust(_LABEL), style="dim")
        for week in range(weeks):
            day = start + timedelta(days=7 * week + weekday)
            if day < first or day > last:
                text.append(" " * cell)
                continue
            level = heat_level(counts.get(day, 0), peak)
            text.append(glyphs[level], style=HEAT_STYLES[level])
            text.append(" " * (cell - 1))
    text.append("\n" + " " * _LABEL + "less ", style="dim")
    for glyph, style in zip(glyphs, HEAT_STYLES, strict=True):
        text.append(glyph, style=style)
        text.append(" ")
    text.append("more", style="dim")
    return text


def _month_row(start: date, weeks: int, cell: int, first: date) -> Text:
    """Month abbreviations over the first week column of each month."""
    row = [" "] * (weeks * cell + 4)
    previous = None
    for week in range(weeks):
        monday = start + timedelta(weeks=week)
        shown = max(monday, first)
        month = shown.month
        if month != previous:
            label = shown.strftime("%b")
            at = week * cell
            if all(c == " " for c in row[max(0, at - 1):at + len(label)]):
                row[at:at + len(label)] = list(label)
            previous = month
    return Text(" " * _LABEL + "".join(row).rstrip(), style="dim")


def vertical_bars(values: Sequence[int], labels: Sequence[str], height: int = 6,
                  style: str = "cyan") -> Text:
    """A bar per value (2 columns each), eighth-block resolution, y-axis scale on the left;
    `labels` (same length, mostly empty) are written under their bars."""
    peak = max(values, default=0)
    axis = len(str(peak))
    text = Text(no_wrap=True, overflow="crop")
    for row in range(height, 0, -1):
        mark = str(peak) if row == height and peak else ("0" if row == 1 and not peak else "")
        text.append(mark.rjust(axis) + " ┤" if mark else " " * axis + " │", style="dim")
        for value in values:
            eighths = round(value * height * 8 / peak) if peak else 0
            fill = min(8, max(0, eighths - (row - 1) * 8))
            if row == 1 and value > 0 and fill == 0:
                fill = 1  # every non-zero day shows
            text.append(_EIGHTHS_UP[fill], style=style)
            text.append(" ")
        text.append("\n")
    text.append(" " * axis + " └" + "─" * (2 * len(values)), style="dim")
    line = [" "] * (2 * len(values) + 12)
    for i, label in enumerate(labels):
        if label and all(c == " " for c in line[max(0, 2 * i - 1):2 * i + len(label)]):
            line[2 * i:2 * i + len(label)] = list(label)
    text.append("\n" + " " * (axis + 2) + "".join(line).rstrip(), style="dim")
    return text


def hbar(value: int, peak: int, width: int, style: str = "") -> Text:
    """A horizontal bar of up to `width` cells, eighth-block resolution."""
    eighths = round(value * width * 8 / peak) if peak else 0
    if value > 0 and eighths == 0:
        eighths = 1
    full, part = divmod(eighths, 8)
    return Text("█" * full + (_EIGHTHS_RIGHT[part] if part else ""), style=style)


def stacked_bar(parts: Sequence[tuple[int, str, str]], width: int) -> Text:
    """One line split in proportion to each (count, glyph, style); non-zero parts show."""
    total = sum(n for n, _, _ in parts)
    text = Text(no_wrap=True, overflow="crop")
    if not total:
        return text
    cells = [max(1, round(n * width / total)) if n else 0 for n, _, _ in parts]
    while sum(cells) > width:
        cells[cells.index(max(cells))] -= 1
    for (_, glyph, style), n in zip(parts, cells, strict=True):
        text.append(glyph * n, style=style)
    return text
