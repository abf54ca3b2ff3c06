"""The SQLite store. sqlmodel and sqlalchemy are imported only inside this package."""

from sqlalchemy import Connection

from flashcards.store.db import Store, open_store

__all__ = ["Connection", "Store", "open_store"]
