"""Time rules: which study day a moment belongs to, and how moments are stored.

Standard library only. Nothing here reads the clock: the CLI does (cli/common.py), and
passes times down as arguments.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta


def study_day(moment: datetime, start_hour: int = 4) -> date:
    """The study day a moment belongs to: a day starts at `start_hour` local time.

    Every moment is first converted to the local time zone (the one `TZ` or the system
    names), whatever offset it carries: an answer given at 08:00 in Kolkata (02:30 UTC)
    belongs to that morning's study day in Kolkata. A naive moment is taken as local.
    """
    return (moment.astimezone() - timedelta(hours=start_hour)).date()


def iso_utc(moment: datetime) -> str:
    """ISO 8601 UTC with a Z, millisecond precision, for stored timestamps."""
    if moment.tzinfo is None:
        raise ValueError(f"a stored time needs a time zone: {moment!r}")
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
