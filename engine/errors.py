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

from .phrases import Reason, say
from .phrases import words as _words

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


def error_line(problem: object, lang: str = "en") -> str:
    """The stderr line for a problem (an error, or a message already in words): 'ipcheck: ' and one safe line;
    an InputError is said in `lang`."""
    if isinstance(problem, InputError):
        return PREFIX + problem.in_language(lang)
    return PREFIX + one_line(str(problem))


def words(reason: Reason, lang: str) -> str:
    """A reason in one language, by the phrase book (the engine writes no sentence itself)."""
    return _words(reason, lang)


def as_reason(message: Reason | str) -> Reason:
    """A message as a reason: a phrase as given, or words already written (a library's own message) as they are."""
    return message if isinstance(message, Reason) else say("err.as_given", text=message)


class Refusal(ValueError):
    """A value a model's validator refuses, with why as a Reason (pydantic hands it back in its error's `ctx`)."""

    def __init__(self, reason: Reason):
        super().__init__(words(reason, "en"))
        self.reason = reason


class InputError(Exception):
    """Bad input: a file that cannot be read, parsed or validated.

    `line` and `column` are 1-based; 0 means "the whole file"; None means the problem has no
    place in a file (an output path), and the line names the path alone. The message is a
    `Reason` (phrase codes with arguments), said in the user's language where the error is
    printed (`in_language`); `str()` and `message` give it in English.
    """

    def __init__(self, file: str, line: int | None, column: int | None, message: Reason | str):
        self.reason = as_reason(message)
        super().__init__(self.reason)
        self.file = file
        self.line = line
        self.column = column

    @property
    def message(self) -> str:
        """What is wrong, in English."""
        return words(self.reason, "en")

    def __reduce__(self):  # picklable, so that a worker process can hand it back whole
        return (type(self), (self.file, self.line, self.column, self.reason))

    def in_language(self, lang: str) -> str:
        """The error as one safe line in `lang` ("zh" or "en"): the file, the place, what is wrong."""
        said = words(self.reason, lang)
        if self.line is None:
            return one_line(f"{self.file}: {said}")
        return one_line(f"{self.file}:{self.line}:{self.column}: {said}")

    def __str__(self) -> str:
        return self.in_language("en")


def did_you_mean(word: str, choices: list[str]) -> Reason:
    """' (did you mean ...?)' for the closest choice, or nothing."""
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return say("err.did_you_mean", word=repr(close[0])) if close else Reason()


class InputErrors(InputError):
    """Several problems of one file. It reads as the first, with how many more there are
    (one line, for the commands that stop at bad input); `problems` holds each one (validate
    lists them all)."""

    def __init__(self, problems: list[InputError]):
        first = problems[0]
        more = len(problems) - 1
        tail = (say("err.more_one") if more == 1 else say("err.more", n=more)) if more else Reason()
        super().__init__(first.file, first.line, first.column, first.reason + tail)
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
