"""The SQLite store. sqlmodel and sqlalchemy are imported only inside this package, and
only by the modules and methods that need them (see db.Store)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from flashcards.store.db import RawConnection, Store, open_store

if TYPE_CHECKING:
    from sqlalchemy import Connection as Connection  # re-exported for type hints

__all__ = ["RawConnection", "Store", "open_store"]
