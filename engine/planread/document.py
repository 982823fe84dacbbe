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
_ISO = re.compile(r"(?P<y>(?:19|20)\d{2})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})")
_NOTICE = re.compile(r"^(?P<issuer>.+?)关于(?:印发|转发|发布)?(?P<title>《.+》|.+?)的(?:通知|函)")
_OFFICE = re.compile(r"^(.{2,20}?(?:人民政府办公室|人民政府办公厅|人民政府|知识产权局|市场监督管理局|办公室|委员会))"
                     r"(?:关于|(?:19|20)\d{2}年)")
# The notice's signature: an office alone on its line ("国务院", "温州市人民政府办公室"), right above
# the date it was signed ("2021年10月9日"), a seal's note ("（国家知识产权局代章）") maybe between.
_SIGNER = re.compile(r"^(?=.{3,34}$)[\u4e00-\u9fff]*(?:国务院|人民政府|办公室|办公厅|委员会|领导小组|局|厅|委|部)$")
_SEAL = re.compile(r"^[（(][^（）()]{2,20}[）)]$")
_PLAN_WORDS = ("规划", "方案", "意见", "要点", "计划", "纲要", "措施", "办法")

# The metadata table a government page puts above the document (索引号 | … | 发文机关 | 国务院 |
# 成文日期 | 2021-10-09 | 标题 | … | 文号 | 国发〔2021〕20号 | 发布日期 | …), cells split by "|" or
# tabs, or "标 题：…" lines. Each field is read by the keys pages use for it, in order of trust:
# 发文机关 is who issued the document; 发布机构 may be the office whose site republished it.
_FIELDS = {
    "title": ("标题", "名称", "文件名称"),
    "issuer": ("发文机关", "发文单位", "制发机关", "发布机构", "发布单位", "发布部门"),
    "number": ("文号", "发文字号", "发文文号", "政策文号"),
    "date": ("成文日期", "发文日期", "印发日期", "发布日期", "生成日期", "公开日期", "发布时间"),
}
_ISSUED_BY = _FIELDS["issuer"][:3]
# Keys of the same tables that are never one of ours: a cell holding one is a key, not a value.
_OTHER_KEYS = ("索引号", "主题分类", "组配分类", "体裁分类", "分类", "主题词", "有效性", "公开方式", "公开范围",
               "信息来源", "来源", "时效", "统一编号", "登记号", "所属主题", "效力状态", "发布层级")
_ALL_KEYS = tuple(k for keys in _FIELDS.values() for k in keys) + _OTHER_KEYS
_KEY_WORD = re.compile("|".join(r"\s*".join(k) for k in sorted(_ALL_KEYS, key=len, reverse=True)))
_CELL = re.compile(rf"^(?P<k>{_KEY_WORD.pattern})\s*(?::|$)\s*(?P<v>.*)$")
_INNER = re.compile(rf"\s+(?=(?:{_KEY_WORD.pattern})\s*:)")  # "发布机构:X  成文日期:Y": two cells


def read_document(lines: list[str]) -> Document:
    """The document's title, issuer, number, date and period as found in its first lines."""
    meta = metadata(lines[:60])
    title = _first(meta, "title")
    if title is not None and (len(title) < 5 or not re.search(r"[\u4e00-\u9fff]{4}", title)):
        title = None  # a table of targets whose column is headed 名称 ("序号 | 名称 | 单位 | …"): no title
    issuer = _first(meta, "issuer", _ISSUED_BY)
    number = _number(_first(meta, "number") or "")
    if number is None:  # a 文号 standing at the head of its line, not one the text cites in passing
        number = next((m.group(0) for line in lines[:80] for m in [_NUMBER.match(line.strip())] if m), None)
    date = _date(_first(meta, "date") or "")
    if title is None:
        title = next((line.strip() for line in lines[:40] if _looks_like_title(line)), None)
    inner = title
    if title:
        m = _NOTICE.match(title)
        if m:
            issuer = m["issuer"]  # who issued the notice, rather than the site that published it
            inner = _unquoted(m["title"])
    if issuer is None:
        issuer = _signer(lines[:80]) or _first(meta, "issuer")
    if issuer is None and inner:  # "天津市知识产权局2017年工作要点": the office names itself first
        m = _OFFICE.match(inner)
        issuer = m.group(1) if m else None
    if date is None:
        date = next((d for line in lines[:80] for d in [_date(line)] if d and len(line.strip()) <= 20), None)
    found = period(inner or "")
    if found is None:
        found = next((p for w, p in FIVE_YEAR_PLANS.items() if w in (inner or "")), None)
    return Document(title=inner, issuer=issuer, number=number, date=date, period=found)


def metadata(lines: list[str]) -> dict[str, str]:
    """The fields of a page's metadata table or lines, by key without spaces: {"发文机关": "国务院", …}.

    A cell holding a key takes its value after a colon, else from the next cell; an empty value,
    or a next cell that is itself a key, gives nothing. The first value of a key is kept.
    """
    meta: dict[str, str] = {}
    for line in lines:
        cells = [c for cell in re.split(r"\s*[|\t]\s*", line.strip()) for c in _INNER.split(cell.strip())]
        for i, cell in enumerate(cells):
            m = _CELL.match(cell.strip(" -*"))
            if not m:
                continue
            value = m["v"].strip()
            if not value and i + 1 < len(cells) and not _CELL.match(cells[i + 1].strip()):
                value = cells[i + 1].strip()
            if value:
                meta.setdefault(key(m["k"]), value)
    return meta


def _unquoted(title: str) -> str:
    """A title without the 《》 or “” around it; "“十四五”…规划" keeps its quotes."""
    for a, b in ("《》", "“”"):
        if title.startswith(a) and title.endswith(b) and title.count(a) == 1:
            return title[1:-1]
    return title


def _first(meta: dict[str, str], field: str, keys: tuple[str, ...] | None = None) -> str | None:
    return next((meta[k] for k in keys or _FIELDS[field] if meta.get(k)), None)


def _number(value: str) -> str | None:
    """A 文号 as the table gives it, spaces out ("温政办〔2022〕73 号"), if it is one."""
    m = _NUMBER.search(re.sub(r"\s+", "", value))
    return m.group(0) if m else None


def _signer(lines: list[str]) -> str | None:
    """The office that signed the notice: its line right above the date line (a seal's note between)."""
    rows = [line.strip() for line in lines if line.strip()]
    for n, line in enumerate(rows[:-1]):
        if not _SIGNER.match(line):
            continue
        after = rows[n + 2] if _SEAL.match(rows[n + 1]) and n + 2 < len(rows) else rows[n + 1]
        if len(after) <= 20 and _DATE.fullmatch(after):
            return line
    return None


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
