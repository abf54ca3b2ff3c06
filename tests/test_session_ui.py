"""Review screens: they fit the terminal, wrap instead of cutting, and show text literally."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from rich.console import Console

from flashcards.domain import GRADE_LABELS, CardState, QueueCard, SourceRef
from flashcards.service.session import LegendRow, Origin, Passage, Phase, View
from flashcards.ui import review_screen as ui

TODAY = date(2026, 3, 2)
LONG = ("India and South Korea have been fostering defense relations, highlighted by the "
        "recent visit of the Indian Army Chief to South Korea, aiming to bolster military "
        "ties and address mutual challenges in defense cooperation.")


def console(width: int, height: int) -> Console:
    return Console(file=io.StringIO(), width=width, height=height, markup=False, emoji=False,
                   highlight=False, color_system=None)


def lines_of(con: Console, renderable) -> list[str]:
    return [("".join(seg.text for seg in line)).rstrip()
            for line in con.render_lines(renderable, con.options, pad=False)]


def view(phase: Phase = Phase.ANSWER, question: str = LONG) -> View:
    card = QueueCard(1, "india-south-korea-defence", "k", "challenge", question,
                     "General Manoj Pande", CardState(), SourceRef("a.txt", "Intro", 7, 7),
                     "/repo/decks/india-south-korea-defence.toml")
    legend = tuple(LegendRow(g, GRADE_LABELS[g], 1 if g >= 4 else 0) for g in range(5, -1, -1))
    return View(phase, card, Origin.NEW, 1, 20, {Origin.NEW: 20, Origin.DUE: 0,
                                                  Origin.REDRILL: 0}, legend, None, None,
                Phase.QUESTION)


@pytest.mark.parametrize(("width", "height"), [(100, 30), (80, 24), (40, 20)])
def test_card_screens_fit_and_keep_the_question(width, height):
    con = console(width, height)
    for phase in (Phase.QUESTION, Phase.ANSWER):
        screen = ui.fit(con, [ui.card_screen(view(phase), width, None, c) for c in range(4)])
        lines = lines_of(con, screen)
        assert len(lines) < height
        assert max(len(line) for line in lines) <= width
        flat = " ".join(" ".join(line.strip("│ ").split()) for line in lines)
        assert LONG in flat  # wrapped, never cut
        assert ("General Manoj Pande" in flat) == (phase is Phase.ANSWER)
        if phase is Phase.ANSWER:
            assert "tomorrow" in flat and "again today" in flat
            assert "india-south-korea-defence.toml" in flat.replace(" ", "")


def test_full_layout_when_there_is_room():
    con = console(100, 30)
    screen = ui.fit(con, [ui.card_screen(view(), 100, None, c) for c in range(4)])
    text = "\n".join(lines_of(con, screen))
    assert "╭" in text and "4  correct, after hesitation" in text and "s source" in text


def test_too_small_is_cut_at_the_bottom_with_a_note():
    con = console(40, 8)
    screen = ui.fit(con, [ui.card_screen(view(), 40, None, c) for c in range(4)])
    lines = lines_of(con, screen)
    assert len(lines) < 8
    assert lines[0].startswith("1 / 20")  # the top stays
    assert lines[-1] == "… (terminal too small)"


def test_legend_line_groups_equal_outcomes():
    rows = [LegendRow(5, "", 17), LegendRow(4, "", 15), LegendRow(3, "", 0),
            LegendRow(2, "", 0), LegendRow(1, "", 0), LegendRow(0, "", 0)]
    assert ui.legend_line(rows).plain == "5 in 17 days · 4 in 15 days · 3-0 again today"


def test_when_and_durations():
    assert [ui.when(d) for d in (0, 1, 6, 90, 1000)] == [
        "again today", "tomorrow", "in 6 days", "in 90 days (~3 months)",
        "in 1000 days (~2.7 years)"]
    assert [ui.duration(ms) for ms in (400, 8_000, 61_000, 3_700_000)] == [
        "0s", "8s", "1m 01s", "1h 01m"]
    assert ui.day_phrase(date(2026, 3, 9), TODAY) == "2026-03-09 (in 7 days)"


def test_source_and_help_fit_a_small_terminal():
    con = console(40, 20)
    passage = Passage("Intro", (LONG,), None, (7, 7))
    for variants in ([ui.help_screen(40, c) for c in (False, True)],
                     [ui.source_screen(passage, 40, None, c) for c in (False, True)]):
        lines = lines_of(con, ui.fit(con, variants))
        assert len(lines) < 20 and "Press any key to go back." in "\n".join(lines[-2:])


def test_source_path_outside_the_working_folder_is_normalised(tmp_path):
    con = console(100, 30)
    passage = Passage("Intro", ("Text.",), Path("/repo/decks/../seeds/a.txt"), (7, 7))
    text = "\n".join(lines_of(con, ui.source_screen(passage, 100, tmp_path)))
    assert "/repo/seeds/a.txt, line 7" in text and ".." not in text


def test_line_above_the_card_names_what_is_left_as_the_card_does():
    left = {Origin.NEW: 2, Origin.DUE: 3, Origin.REDRILL: 1}
    shown = view()
    text = ui.header(View(shown.phase, shown.card, Origin.REDRILL, 4, 10, left, shown.legend,
                          None, None, Phase.QUESTION)).plain
    assert text == "4 / 10   new 2 · due 3 · again today 1"
    assert "again today" in "\n".join(lines_of(console(100, 30), ui.card_panel(
        View(shown.phase, shown.card, Origin.REDRILL, 4, 10, left, shown.legend, None, None,
             Phase.QUESTION), 100)))


def test_card_text_is_never_markup():
    con = console(80, 24)
    screen = ui.card_screen(view(question="[red]x[/red] :smile: \x1b[2Jgone"), 80)
    text = "\n".join(lines_of(con, screen))
    assert "[red]x[/red] :smile: gone" in text and "\x1b" not in text
