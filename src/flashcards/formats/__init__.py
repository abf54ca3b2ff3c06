"""Text and bytes <-> deck drafts: our TOML deck files, CSV/TSV, Anki packages.

Readers build neutral `DeckDraft`s and never touch the store or print; their errors are
`InputError`s naming the file and the line, card or field.
"""
