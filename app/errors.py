"""Errors the user can understand and act on.

Everything raised as an `AmicaleError` is "known" (qutebrowser's split): the command line
prints its message on one line and the window shows it in a dialog. Anything else is a bug.
"""

from __future__ import annotations


class AmicaleError(Exception):
    """A failure explained in one sentence, meant for the user."""


class StoreError(AmicaleError):
    """The data file cannot be opened or used."""


class StoreTooNewError(StoreError):
    """The data file was written by a newer Amicale; it is left untouched."""


class NotAStoreError(StoreError):
    """The file is damaged or is not an Amicale data file."""


class Cancelled(AmicaleError):
    """The user (or a newer request) cancelled the work; nothing was changed."""

    def __init__(self, message: str = "cancelled") -> None:
        super().__init__(message)


class ValidationError(AmicaleError):
    """Field-level problems with a member's data, keyed by field name."""

    def __init__(self, problems: dict[str, str]) -> None:
        self.problems = problems
        super().__init__("; ".join(f"{field}: {why}" for field, why in problems.items()))


class NotFoundError(AmicaleError):
    """The requested record does not exist (any more)."""
