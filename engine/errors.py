"""The one error type for bad input: it always knows the file, line and column."""

from __future__ import annotations

import difflib


class InputError(Exception):
    """Bad input: a file that cannot be read, parsed or validated.

    `line` and `column` are 1-based; 0 means "the whole file".
    """

    def __init__(self, file: str, line: int, column: int, message: str):
        super().__init__(message)
        self.file = file
        self.line = line
        self.column = column
        self.message = message

    def __reduce__(self):  # picklable, so that a worker process can hand it back whole
        return (type(self), (self.file, self.line, self.column, self.message))

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.message}"


def did_you_mean(word: str, choices: list[str]) -> str:
    """' (did you mean ...?)' for the closest choice, or nothing."""
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


class InputErrors(InputError):
    """Several problems of one file. It reads as the first, with how many more there are
    (one line, for the commands that stop at bad input); `problems` holds each one (validate
    lists them all)."""

    def __init__(self, problems: list[InputError]):
        first = problems[0]
        more = len(problems) - 1
        tail = f" [and {more} more problem{'s' if more > 1 else ''}]" if more else ""
        super().__init__(first.file, first.line, first.column, first.message + tail)
        self.problems = list(problems)

    def __reduce__(self):
        return (type(self), (self.problems,))


class Problems:
    """Collects a file's problems so that one bad entry does not hide the next."""

    def __init__(self) -> None:
        self.found: list[InputError] = []

    def add(self, exc: InputError) -> None:
        """Keep a problem (each of several)."""
        self.found += exc.problems if isinstance(exc, InputErrors) else [exc]

    def check(self) -> None:
        """Raise them together, if any."""
        if self.found:
            raise InputErrors(self.found)
