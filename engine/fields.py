"""The building blocks of every file model: the strict base model and the field types.

Quantities stay as written here ("5.2万件"); `load.py` converts them into each indicator's
unit once the catalogue is known, so an error can name the exact node.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel, BeforeValidator, ConfigDict, Discriminator, Field, Strict, Tag, WithJsonSchema

from .errors import Refusal
from .phrases import say

ID = Annotated[str, Strict(), Field(pattern=r"^[A-Za-z][A-Za-z0-9_.-]*$", max_length=64)]
Text = Annotated[str, Strict(), Field(min_length=1, max_length=4000)]
Year = Annotated[int, Strict(), Field(ge=1949, le=2100)]
Raw = Union[Annotated[int, Strict()], Annotated[Decimal, Strict()], Annotated[str, Strict()]]
Op = Literal[">=", ">", "<=", "<"]


def _number(v: Any) -> Decimal:
    """A weight or threshold: an int or exact decimal, never a bool or text."""
    if isinstance(v, bool) or not isinstance(v, (int, Decimal)):
        raise Refusal(say("value.number"))
    d = Decimal(v)
    if not d.is_finite():
        raise Refusal(say("value.finite"))
    return d


def _date(v: Any) -> dt.date:
    if isinstance(v, dt.date):
        return v
    if not isinstance(v, str):
        raise Refusal(say("value.date_form"))
    try:
        return dt.date.fromisoformat(v)
    except ValueError:
        raise Refusal(say("value.date_real", value=repr(v))) from None


Number = Annotated[Decimal, BeforeValidator(_number), WithJsonSchema({"type": "number"})]  # text is refused
Date = Annotated[dt.date, BeforeValidator(_date)]


class Model(BaseModel):
    """Every file model: unknown fields are errors, values are frozen and strictly typed."""
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class Names(Model):
    """A name in Chinese and English."""
    zh: Text
    en: Text


def _note_form(v: Any) -> str:
    return NOTE_NAMES if isinstance(v, (dict, Names)) else NOTE_TEXT


# A fact's note: a text, taken as written in the language it is written in, or {zh: ..., en: ...}. The tags
# are not field names (a field name has no colon): the loader leaves them out of an error's place.
NOTE_TEXT, NOTE_NAMES = "note:text", "note:names"
Note = Annotated[Union[Annotated[Names, Tag(NOTE_NAMES)], Annotated[Text, Tag(NOTE_TEXT)]],
                 Discriminator(_note_form)]


class CheckModel(Model):
    """The fields every check kind has (each kind's model adds `kind` and its own)."""
    note: Text | None = None
