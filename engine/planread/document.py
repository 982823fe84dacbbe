"""What a plan says about itself: title, issuer, 文号, date and period, each only if stated.

Government pages put these in a metadata block (标 题: / 发布机构: / 文 号: / 成文日期:) or in
the notice that carries the plan ("X关于印发《…》的通知", "菏政办字〔2022〕52号", a date line);
the period is the plan's own (2022—2025年) or its five-year plan ("十四五" is 2021—2025).
"""

from __future__ import annotations

import re

from .match import key
from .model import Document
from .numbers import FIVE_YEAR_PLANS, period

_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,8}[〔\[［【（](?:19|20)\d{2}[〕\]］】）]\d{1,4}号")
_DATE = re.compile(r"(?P<y>(?:19|20)\d{2})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日")
_ISO = re.compile(r"(?P<y>(?:19|20)\d{2})-(?P<m>\d{2})-(?P<d>\d{2})")
_NOTICE = re.compile(r"^(?P<issuer>.+?)关于(?:印发|转发|发布)?(?P<title>《.+》|.+?)的(?:通知|函)")
_META = re.compile(r"^[-*\s]*(?P<k>[^:|]{2,8}?)\s*[:|]\s*\|?\s*(?P<v>[^|]+)")
_OFFICE = re.compile(r"^(.{2,20}?(?:人民政府办公室|人民政府办公厅|人民政府|知识产权局|市场监督管理局|办公室|委员会))"
                     r"(?:关于|(?:19|20)\d{2}年)")
_PLAN_WORDS = ("规划", "方案", "意见", "要点", "计划", "纲要", "措施", "办法")


def read_document(lines: list[str]) -> Document:
    """The document's title, issuer, number, date and period as found in its first lines."""
    meta: dict[str, str] = {}
    for line in lines[:60]:
        for part in re.split(r"\|\s*\|", line):
            m = _META.match(part.strip())
            if m:
                value = re.split(r"\s+(?=[^\s:]{2,8}\s*:)", m["v"].strip(" |"))[0]
                meta.setdefault(key(m["k"]), value.strip())
    title = meta.get("标题") or meta.get("名称")
    issuer = meta.get("发布机构") or meta.get("发文机关") or meta.get("发布部门")
    number = next((m.group(0) for line in lines[:80] for m in [_NUMBER.search(line)] if m), None)
    if number is None and meta.get("文号"):
        number = meta["文号"] or None
    date = _date(meta.get("成文日期") or meta.get("发布日期") or meta.get("发布时间") or "")
    if title is None:
        title = next((line.strip() for line in lines[:40] if _looks_like_title(line)), None)
    inner = title
    if title:
        m = _NOTICE.match(title)
        if m:
            issuer = m["issuer"]  # who issued the notice, rather than the site that published it
            inner = m["title"].strip("《》“”")
    if issuer is None and inner:  # "天津市知识产权局2017年工作要点": the office names itself first
        m = _OFFICE.match(inner)
        issuer = m.group(1) if m else None
    if date is None:
        date = next((d for line in lines[:80] for d in [_date(line)] if d and len(line.strip()) <= 20), None)
    found = period(inner or "")
    if found is None:
        found = next((p for w, p in FIVE_YEAR_PLANS.items() if w in (inner or "")), None)
    return Document(title=inner, issuer=issuer, number=number, date=date, period=found)


def _looks_like_title(line: str) -> bool:
    s = line.strip()
    return 6 <= len(s) <= 80 and any(w in s for w in _PLAN_WORDS) and "。" not in s and "，" not in s


def _date(text: str) -> str | None:
    m = _DATE.search(text) or _ISO.search(text)
    if not m:
        return None
    y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}"


def title_year(doc: Document) -> int | None:
    """A year the title names ("2017年工作要点"), when it names exactly one."""
    found = {int(y) for y in re.findall(r"((?:19|20)\d{2})年", doc.title or "")}
    if len(found) == 1:
        return found.pop()
    return None
