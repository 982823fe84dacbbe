"""The one error type for bad input, and the one way an error becomes a line on stderr.

Every message passes through `one_line`: control characters (newlines, NUL, DEL, ESC, the
C1 controls, Unicode line separators and direction overrides) are shown as escapes, quoted
text longer than MAX_QUOTED characters is cut, and the whole is capped at MAX_LINE
characters. So a file name or a value taken from a hostile file can neither add a line
that reads as another error nor send the terminal a control sequence nor make a line of a
megabyte.
"""

from __future__ import annotations

import difflib
import re

PREFIX = "ipcheck: "
MAX_QUOTED = 80
MAX_LINE = 600

# C0 and C1 controls, DEL, and the Unicode characters that break a line or reorder text
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
# text quoted the way Python's repr() quotes it: '...' or "...", with backslash escapes
_QUOTED = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"")


def _escape(m: re.Match) -> str:
    code = ord(m.group(0))
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """`text` with every control character shown as an escape (\\x1b, \\x0a, \\u2028): safe to print."""
    return _CONTROL.sub(_escape, text)


def _shorten(m: re.Match) -> str:
    quoted = m.group(0)
    inner = quoted[1:-1]
    if len(inner) <= MAX_QUOTED + 1:  # (+1: a text cut already, with its "…", is not cut again)
        return quoted
    return f"{quoted[0]}{inner[:MAX_QUOTED]}…{quoted[0]} ({len(inner):,} characters)"


def one_line(text: str) -> str:
    """`text` as one safe line: controls escaped, quoted text cut to MAX_QUOTED characters, at most MAX_LINE."""
    text = _QUOTED.sub(_shorten, printable(text))
    if len(text) > MAX_LINE:
        text = f"{text[:MAX_LINE]}… ({len(text):,} characters)"
    return text


def error_line(problem: object) -> str:
    """The stderr line for a problem (an exception or a message): 'ipcheck: ' and one safe line."""
    return PREFIX + one_line(str(problem))


class InputError(Exception):
    """Bad input: a file that cannot be read, parsed or validated.

    `line` and `column` are 1-based; 0 means "the whole file"; None means the problem has no
    place in a file (an output path), and the line names the path alone.
    """

    def __init__(self, file: str, line: int | None, column: int | None, message: str):
        super().__init__(message)
        self.file = file
        self.line = line
        self.column = column
        self.message = message

    def __reduce__(self):  # picklable, so that a worker process can hand it back whole
        return (type(self), (self.file, self.line, self.column, self.message))

    def __str__(self) -> str:
        if self.line is None:
            return one_line(f"{self.file}: {self.message}")
        return one_line(f"{self.file}:{self.line}:{self.column}: {self.message}")


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

    def each(self, items, check) -> None:
        """Call `check(i, item)` for every item, keeping each one's problem and going on to the next."""
        for i, item in enumerate(items):
            try:
                check(i, item)
            except InputError as exc:
                self.add(exc)

    def check(self) -> None:
        """Raise them together, if any."""
        if self.found:
            raise InputErrors(self.found)
