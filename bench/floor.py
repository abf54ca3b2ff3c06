"""The floor a read command is measured against: a bare Python process that imports typer
(as every command does first) and sqlite3, and runs on the store the very statements the
command runs, recorded from our own query code by the bench (common.record_statements).

    python bench/floor.py rows STORE STATEMENTS.json        # print every result set (JSON)
    python bench/floor.py csv STORE STATEMENTS.json OUT     # the review log as CSV to OUT

STATEMENTS.json is {"statements": [[sql, params], ...]} and, for `csv`, "header": the
header line. `rows` fetches every result and prints them; `csv` takes the first statement
as the review query of the CSV fast path and the others as the card-text lookups, and
writes the same bytes as `flashcards export reviews` (each card's cells quoted once, the
spreadsheet guard on text cells). No store opening, no migrations check, no Rich, no
formatting beyond that: what is left once a command is reduced to its SQL and its output.
The bench scripts run it; it reads sys.argv itself (argparse would add imports).
"""

import csv
import io
import json
import sqlite3
import sys

import typer  # noqa: F401  (the command line stack every command starts with)

RISKY = ("=", "+", "-", "@", "\t", "\r")


def _statements(path: str) -> dict:
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


def rows(db: str, spec: str) -> None:
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("BEGIN")
    results = [conn.execute(sql, params).fetchall() for sql, params in
               _statements(spec)["statements"]]
    conn.execute("ROLLBACK")
    json.dump(results, sys.stdout)
    sys.stdout.write("\n")


def review_csv(db: str, spec: str, target: str) -> None:
    loaded = _statements(spec)
    (review_sql, review_params), *lookups = loaded["statements"]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="")

    def cells(*values: object) -> str:
        buffer.seek(0)
        buffer.truncate()
        writer.writerow(["" if v is None else "'" + v if v.startswith(RISKY) else v
                         for v in values])
        return buffer.getvalue()

    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("BEGIN")
    cards = {}
    for sql, params in lookups:
        for card_id, deck, key, question in conn.execute(sql, params):
            cards[card_id] = cells(deck, key, question)
    sessions: dict = {}
    with open(target, "w", encoding="utf-8", newline="") as out:
        out.write(loaded["header"] + "\r\n")
        cursor = conn.execute(review_sql, review_params)
        while batch := cursor.fetchmany(2000):
            for session in {row[3] for row in batch} - sessions.keys():
                sessions[session] = cells(session) if session else ""
            out.write("".join([f"{head},{cards[card]},{tail},{sessions[session]}\r\n"
                               for head, card, tail, session in batch]))
    conn.execute("ROLLBACK")


if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] in ("-h", "--help"):
        print(__doc__)
    elif sys.argv[1] == "rows" and len(sys.argv) == 4:
        rows(sys.argv[2], sys.argv[3])
    elif sys.argv[1] == "csv" and len(sys.argv) == 5:
        review_csv(sys.argv[2], sys.argv[3], sys.argv[4])
    else:
        sys.exit(__doc__)
