"""Scheduling algorithms: pure functions from (state, grade, day) to a new state."""
