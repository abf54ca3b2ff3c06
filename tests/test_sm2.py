"""SM-2 golden values (../shared/DESIGN.md section 3) and properties."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from flashcards.domain import CardState, ReviewKind, kind_of_answer
from flashcards.domain.limits import MAX_INTERVAL, MIN_EASE
from flashcards.scheduler import sm2

DAY0 = date(2026, 1, 1)
LEARN, REVIEW, RELEARN, REDRILL = (ReviewKind.LEARN, ReviewKind.REVIEW, ReviewKind.RELEARN,
                                   ReviewKind.REDRILL)


def after(state: CardState, grade: int, day: date) -> CardState:
    return sm2.review(state, grade, day)[0]


def test_worked_example():
    grades = [5, 5, 4, 3, 4, 2, 4, 4, 5]
    days = [0, 1, 7, 24, 24, 68, 68, 69, 75]
    eases, intervals, dues, kinds = [], [], [], []
    state = CardState()
    for grade, day in zip(grades, days, strict=True):
        state, kind = sm2.review(state, grade, DAY0 + timedelta(days=day))
        kinds.append(kind)
        eases.append(state.ease)
        intervals.append(state.interval)
        dues.append((state.due - DAY0).days)
    assert eases == [2.6, 2.7, 2.7, 2.56, 2.56, 2.56, 2.56, 2.56, 2.66]
    assert intervals == [1, 6, 17, 44, 44, 0, 1, 6, 16]
    # each answer >= 4 schedules the card I days ahead; 3 and below keep it for today
    assert dues == [1, 7, 24, 24, 68, 68, 69, 75, 91]
    # the 4 after the failure on day 68 is scored (I becomes 1): a relearn, not a redrill
    assert kinds == [LEARN, REVIEW, REVIEW, REVIEW, REDRILL, REVIEW, RELEARN, REVIEW, REVIEW]


def test_gap_vector_of_the_sm2_package():
    grades = [4, 3, 3, 4, 5, 3, 0, 1, 3, 3, 4, 5, 3]
    expected_gaps = [1, 0, 0, 6, 15, 0, 0, 0, 0, 0, 35, 85, 0]
    state, day, gaps = CardState(), DAY0, []
    for grade in grades:
        state = after(state, grade, day)
        gaps.append((state.due - day).days)
        day = state.due
    assert gaps == expected_gaps


def test_ease_is_kept_to_two_decimals():
    # 1.3 + 0.1 + 0.1 must be exactly 1.5
    state = CardState(repetitions=2, ease=1.3, interval=10, due=DAY0, last_review=DAY0)
    state = after(state, 5, DAY0)
    assert state.ease == 1.4
    state = after(state, 5, state.due)
    assert state.ease == 1.5


def test_exact_ceil_of_interval_times_ease():
    state = CardState(repetitions=2, ease=1.4, interval=10, due=DAY0, last_review=DAY0)
    new = after(state, 5, DAY0)
    assert new.ease == 1.5
    assert new.interval == 15  # ceil(10 * 1.5), not 16 from float error


def test_failure_resets_but_keeps_ease_and_counts_a_lapse():
    learned = CardState(repetitions=3, ease=2.2, interval=20, due=DAY0,
                        last_review=DAY0 - timedelta(days=20))
    after, kind = sm2.review(learned, 1, DAY0)
    assert kind is REVIEW
    assert (after.repetitions, after.interval, after.ease) == (0, 0, 2.2)
    assert after.due == DAY0 and not after.redrill
    assert after.lapses == 1
    again, kind = sm2.review(after, 4, DAY0)  # asked again today: scored, a relearn
    assert kind is RELEARN and (again.repetitions, again.interval) == (1, 1)
    twice, kind = sm2.review(after, 0, DAY0)  # failed again: literal SM-2 resets again
    assert kind is RELEARN and (twice.repetitions, twice.lapses, twice.due) == (0, 1, DAY0)


def test_redrill_leaves_state_alone_until_four():
    state, kind = sm2.review(CardState(), 3, DAY0)
    assert kind is LEARN and state.redrill and state.due == DAY0
    for grade in (0, 1, 2, 3):
        again, kind = sm2.review(state, grade, DAY0)
        assert kind is REDRILL
        assert (again.repetitions, again.ease, again.interval, again.lapses) == (
            state.repetitions, state.ease, state.interval, state.lapses)
        assert again.redrill and again.due == DAY0
    done, kind = sm2.review(state, 4, DAY0)
    assert kind is REDRILL
    assert not done.redrill and done.due == DAY0 + timedelta(days=state.interval)


def test_a_redrill_left_from_an_earlier_day_is_still_a_redrill():
    state = after(CardState(), 3, DAY0)  # the session ended before the redrill
    later, kind = sm2.review(state, 5, DAY0 + timedelta(days=3))
    assert kind is REDRILL and (later.repetitions, later.interval) == (1, 1)
    assert later.due == DAY0 + timedelta(days=4)


def test_first_answers_learn_then_review():
    answered, kind = sm2.review(CardState(), 5, DAY0)
    assert kind is LEARN
    assert sm2.review(answered, 5, answered.due)[1] is REVIEW


def test_bad_grade_is_refused():
    with pytest.raises(ValueError):
        sm2.review(CardState(), 6, DAY0)


states = st.builds(
    CardState,
    repetitions=st.integers(0, 50),
    ease=st.floats(1.3, 4.0).map(lambda e: round(e, 2)),
    interval=st.integers(0, MAX_INTERVAL),
    due=st.dates(date(2000, 1, 1), date(2100, 1, 1)),
    redrill=st.booleans(),
    lapses=st.integers(0, 100),
    last_review=st.none() | st.dates(date(2000, 1, 1), date(2100, 1, 1)),
)
days = st.dates(date(2000, 1, 1), date(2200, 1, 1))


@given(states, st.integers(0, 5), days)
def test_ease_never_below_floor_and_two_decimals(state, grade, today):
    new = after(state, grade, today)
    assert new.ease >= MIN_EASE
    assert new.ease == round(new.ease, 2)


@given(states, st.integers(0, 5), days)
def test_the_kind_follows_the_documented_rule(state, grade, today):
    """The branch that scores an answer names its kind; the rule that reads kinds back
    from the log (kind_of_answer, migration 5, check) must agree with it."""
    assert sm2.review(state, grade, today)[1] is kind_of_answer(state, today)


@given(states.filter(lambda s: s.redrill and not s.is_new), st.integers(0, 5), days)
def test_a_redrill_changes_only_the_due_day(state, grade, today):
    new, kind = sm2.review(state, grade, today)
    assert kind is REDRILL
    assert (new.repetitions, new.ease, new.interval, new.lapses) == (
        state.repetitions, state.ease, state.interval, state.lapses)


@given(states, st.integers(0, 2), days)
def test_scheduled_failure_always_resets_repetitions(state, grade, today):
    state = CardState(state.repetitions, state.ease, state.interval, state.due, False,
                      state.lapses, state.last_review)
    assert after(state, grade, today).repetitions == 0


@given(st.sampled_from([5, 4]), days)
def test_three_hundred_perfect_answers_never_overflow(grade, start):
    state, day = CardState(), start
    for _ in range(300):
        state = after(state, grade, day)
        assert state.interval <= MAX_INTERVAL
        assert state.due is not None and state.due >= day
        day = state.due
