"""Phrases: what the engine says, as codes of the phrase book with their arguments, never as words.

`Say` is one phrase, `Reason` a sentence of them. The phrase book (`ipcheck.reports.words`) turns
them into Chinese or English; it makes itself known here when it is loaded (`use_book`), so that an
error can be said in words (`words`) without the engine importing the layer above it.
"""

from __future__ import annotations

from typing import Any, Callable

from .records import record


@record
class Say:
    """One phrase: a code of the word book and its named arguments."""
    code: str
    args: tuple[tuple[str, Any], ...] = ()


class Reason(tuple):
    """A sentence as a sequence of phrases, shown one after the other."""

    def __add__(self, other: "Reason") -> "Reason":  # type: ignore[override]
        return Reason(tuple.__add__(self, other))


def say(code: str, **args: Any) -> Reason:
    """A one-phrase reason: `say("stale", used=2021, year=2022)`."""
    return Reason((Say(code, tuple(args.items())),))


_BOOK: list[Callable[[Reason, str], str]] = []


def use_book(book: Callable[[Reason, str], str]) -> None:
    """The phrase book's `text(reason, lang)`: how a reason becomes words (called by the book when loaded)."""
    _BOOK[:] = [book]


def words(reason: Reason, lang: str) -> str:
    """A reason in one language, by the phrase book; before the book is loaded, its codes and arguments."""
    if _BOOK:
        return _BOOK[0](reason, lang)
    return "; ".join(p.code + (f" {dict(p.args)}" if p.args else "") for p in reason)
