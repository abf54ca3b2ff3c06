"""The limits every layer shares, defined once. Standard library only."""

from __future__ import annotations

from datetime import date

MIN_EASE = 1.3  # SM-2's floor for the ease factor EF
START_EASE = 2.5  # EF of a new card
MAX_INTERVAL = 36_500  # days, Anki's maximum: EF has no cap, so dates would overflow
EARLIEST_DUE = date(2000, 1, 1)  # a due day before this is damage, not a schedule
MATURE_DAYS = 21  # an interval of this many days or more makes a card "mature"
FIELD_LIMIT = 65_536  # characters in a question or answer, in every format
MAX_ANSWER_MS = 5 * 60 * 1000  # a coffee break is not time spent on the card
