"""The SQLite store: raw SQL on one sqlite3 connection (see db.Store); the SQLModel
tables in models.py describe its schema."""

from __future__ import annotations

from flashcards.store.db import RawConnection, Store, open_store

__all__ = ["RawConnection", "Store", "open_store"]
