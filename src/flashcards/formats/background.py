"""Run a reader in a child process and take what it yields as it comes.

A big CSV/TSV import parses its rows in a forked child while this process writes the
chunks it has already received: parsing takes about as long as writing, and the two
overlap on two cores (bench/bench_import.py). The child is a fork, so it starts with the
reader as it is here (its file already read, its header parsed); what it yields comes
back pickled through a pipe. The child's InputError is raised here when the reading
reaches it, as the reader would raise it in this process.

Where fork is not safe (anything but Linux), the reader simply runs here, unchanged.
"""

from __future__ import annotations

import os
import pickle
import signal
import sys
from collections.abc import Iterator
from typing import Any

from flashcards.domain.errors import FlashcardsError, InputError

_ITEM, _END, _INPUT_ERROR, _FAILED = range(4)


def can_fork() -> bool:
    return sys.platform.startswith("linux") and hasattr(os, "fork")


class InChild:
    """The items of `items` (an iterator not started yet, reading the file `path`), made
    in a child process. Iterate it once; `close()` (also on exhaustion or an error) stops
    and reaps the child."""

    def __init__(self, items: Iterator[Any], path: str) -> None:
        self._path = path
        read_end, write_end = os.pipe()
        try:
            self._pid = os.fork()
        except OSError:
            os.close(read_end)
            os.close(write_end)
            raise
        if self._pid == 0:  # the child: never returns
            os.close(read_end)
            _serve(items, write_end)
        os.close(write_end)
        self._pipe = os.fdopen(read_end, "rb")

    def __iter__(self) -> Iterator[Any]:
        try:
            while True:
                try:
                    kind, value = pickle.load(self._pipe)
                except (EOFError, pickle.UnpicklingError):  # (killed while writing)
                    raise FlashcardsError(f"{self._path}: the process reading it stopped "
                                          "before the end of the file") from None
                if kind == _ITEM:
                    yield value
                elif kind == _END:
                    return
                elif kind == _INPUT_ERROR:
                    raise InputError(*value)
                else:
                    raise _failure(*value)
        finally:
            self.close()

    def close(self) -> None:
        if self._pid:
            self._pipe.close()
            try:
                os.kill(self._pid, signal.SIGKILL)  # (a child that has ended is a zombie:
            except ProcessLookupError:  # still there to be killed, and reaped below)
                pass
            os.waitpid(self._pid, 0)
            self._pid = 0


def _failure(raised: bytes | None, trace: str) -> BaseException:
    """The child's exception as it raised it (or its last line, when it does not pickle),
    with the child's traceback as a note (shown with FLASHCARDS_DEBUG=1)."""
    exc: BaseException
    try:
        exc = pickle.loads(raised) if raised is not None else RuntimeError(
            trace.strip().splitlines()[-1])
    except Exception:
        exc = RuntimeError(trace.strip().splitlines()[-1])
    exc.add_note(f"raised in the process reading the file:\n{trace}")
    return exc


def _serve(items: Iterator[Any], fd: int) -> None:
    """In the child: pickle each item into the pipe, then the end or the error; exit
    without running this process's exit handlers (they are the parent's)."""
    code = 0
    try:
        signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl-C: the parent rolls back
        with os.fdopen(fd, "wb") as out:
            try:
                for item in items:
                    pickle.dump((_ITEM, item), out, pickle.HIGHEST_PROTOCOL)
                pickle.dump((_END, None), out)
            except InputError as exc:
                pickle.dump((_INPUT_ERROR, (exc.path, exc.where, exc.detail)), out)
            except Exception as exc:  # a bug: raised in the parent, with this traceback
                import traceback

                try:
                    raised: bytes | None = pickle.dumps(exc)
                except Exception:
                    raised = None
                pickle.dump((_FAILED, (raised, traceback.format_exc())), out)
    except BaseException:  # the parent has gone (broken pipe) or stopped us
        code = 1
    finally:
        os._exit(code)
