"""Rich rendering. rich is imported only inside this package. Card text is untrusted:
it always goes through `safe_text`, never through markup."""
