"""Domain errors. The CLI turns each into one line on stderr and exit code 1."""

from __future__ import annotations


class FlashcardsError(Exception):
    """An error the user can act on; its message is shown as is, on one line."""


class InputError(FlashcardsError):
    """A file the user gave us is malformed. The message names the file and the place."""

    def __init__(self, path: str, where: str | None, message: str) -> None:
        self.path = path
        self.where = where
        self.detail = message
        place = f"{path}:{where}" if where else path
        super().__init__(f"{place}: {message}")


class StoreError(FlashcardsError):
    """The store cannot be opened or written."""


class NotFoundError(FlashcardsError):
    """A deck, card or backup the user named does not exist."""


class ConflictError(FlashcardsError):
    """Another process changed what this one meant to change; nothing was done."""
