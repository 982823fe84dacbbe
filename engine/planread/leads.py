"""Who leads a task: 牵头单位/责任单位 as a plan names them for each clause.

Plans name the owner of a task at its end, in brackets ("（牵头单位：市科技局；配合单位：…）",
"（责任单位：市公安局、市中级人民法院）"), on lines of their own after it ("牵头单位：市市场监管局
（知识产权局）"), or in the prose ("由市市场监管局牵头", "（市金融工作局负责）"). The lead is the
牵头单位 when one is named, else the 责任单位 (the units answerable for the task).
"""

from __future__ import annotations

import re

_LEAD = re.compile(r"牵头(?:单位|部门)\s*[:：]\s*")
_RESPONSIBLE = re.compile(r"责任(?:单位|部门)\s*[:：]\s*")
_LED_BY = re.compile(r"由(?P<u>[\u4e00-\u9fff（）、]{2,30}?)牵头")
_IN_CHARGE = re.compile(r"（(?P<u>[\u4e00-\u9fff、，（）]{2,60}?)"
                        r"(?:按职责分工|按职能分工|按职责|分别|共同)?(?:牵头)?负责）")
_NEXT_LIST = re.compile(r"[，,]?\s*(?:配合|协同|参与|协助|责任)(?:单位|部门)")


def lead_unit(text: str) -> str | None:
    """The lead unit named in a task's text, or None."""
    for rx in (_LEAD, _RESPONSIBLE):
        m = rx.search(text)
        if m:
            unit = _units_from(text, m.end())
            if unit:
                return unit
    for rx in (_LED_BY, _IN_CHARGE):
        m = rx.search(text)
        if m:
            return m["u"].strip(" ，,。")
    return None


def _units_from(text: str, start: int) -> str:
    """The units listed from `start` to the end of the list: a ；, a line end, or the bracket it closes."""
    depth, end = 0, start
    while end < len(text):
        c = text[end]
        if c == "（":
            depth += 1
        elif c == "）":
            if depth == 0:
                break
            depth -= 1
        elif c in "；;\n。" and depth == 0:
            break
        end += 1
    units = text[start:end]
    nxt = _NEXT_LIST.search(units)  # "牵头单位：X，配合单位：Y" on one line
    if nxt:
        units = units[:nxt.start()]
    return units.strip(" ，,。")


def lead_units(blocks: list[tuple[str | None, str]]) -> dict[str | None, str]:
    """Each clause's lead unit, from the text of all the blocks under it: {clause: unit}."""
    by_clause: dict[str | None, list[str]] = {}
    for clause, text in blocks:
        by_clause.setdefault(clause, []).append(text)
    out: dict[str | None, str] = {}
    for clause, texts in by_clause.items():
        if clause is None:
            continue
        found = lead_unit("\n".join(texts))
        if found:
            out[clause] = found
    return out
