"""Exporting to a device or a pipe writes in place: /dev/null stays a device."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

from flashcards.cli.output import open_output


def test_export_to_a_fifo_writes_in_place(tmp_path: Path):
    folder = tmp_path / "out"
    folder.mkdir()
    fifo = folder / "pipe"
    os.mkfifo(fifo)
    received: list[str] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_text()))
    reader.start()
    with open_output(str(fifo)) as stream:
        stream.write("a,b\n")
    reader.join(timeout=10)
    assert received == ["a,b\n"]
    assert stat.S_ISFIFO(fifo.stat().st_mode)  # not replaced by a regular file
    assert list(folder.iterdir()) == [fifo]  # no temp file left beside it


def test_export_to_dev_null_keeps_the_device():
    with open_output(os.devnull) as stream:
        stream.write("x" * 1000)
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)
