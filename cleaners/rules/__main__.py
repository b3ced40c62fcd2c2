"""`python -m cleaners.rules`: print the pipeline's slots (the table of docs/architecture.md)."""

from cleaners.rules import slot_table

print(slot_table(), end="")
