"""Mechanism tasks: a plan setting up or keeping something that exists or not, with evidence.

A mechanism task is a comma-part that builds (建立/健全/完善/成立/设立/组建/建设/落实 …) a
mechanism, a system, a leadership group, a centre or platform ("建立知识产权纠纷在线诉调对接机制",
"成立…领导小组", "加快…维权援助中心建设"), or puts IP work into the government's assessment
(纳入…考核). Each is matched to the catalogue's yes/no indicators by name or alias only (a loose
match over a whole task's words proposed noise); one clause gives each indicator once.
"""

from __future__ import annotations

import re

from ..catalogue import Catalogue
from .match import find
from .model import Mechanism

_VERB = r"(?:建立|健全|完善|成立|设立|组建|建设|落实|构建|推进|加快|发挥|开展|纳入|列入|实施|推动|深化)"
_THING = (r"(?:机制|制度|领导小组|联席会议|维权援助中心|保护中心|快速维权中心|公共服务平台|服务平台|工作站|"
          r"衔接|考核|考评|专项资金|专项行动|专利保险|知识产权保险|宣传周|世界知识产权日|干部培训|初任培训)")
# a verb and its object a few words apart (bounded: an unbounded gap is quadratic on long lines)
_MECHANISM = re.compile(rf"{_VERB}[^，。；]{{0,40}}?{_THING}|{_THING}[^，。；]{{0,6}}{_VERB}")
_PARTS = re.compile(r"[，。；;]")
_CN = "一二三四五六七八九十"
_MARKER = re.compile(rf"^(?:第[{_CN}]+[章节]\s*|[{_CN}]+、|（[{_CN}]+）|\d{{1,2}}[.、]|（\d{{1,2}}）)+")


def sentence_mechanisms(sentence: str, clause: str | None, lead_unit: str | None,
                        catalogue: Catalogue) -> list[Mechanism]:
    """The mechanism tasks of one sentence."""
    out: list[Mechanism] = []
    for part in _PARTS.split(sentence):
        part = _MARKER.sub("", part.strip())
        if len(part) < 4 or not _MECHANISM.search(part):
            continue
        # names and aliases only: a loose match over a whole task's words proposes noise
        match = find(catalogue, part, mechanisms=True, fuzzy=False)
        out.append(Mechanism(text=part, indicator=match.indicator, clause=clause, lead_unit=lead_unit,
                             quote=sentence.strip(), match=match.how))
    return out


def distinct(mechanisms: list[Mechanism]) -> list[Mechanism]:
    """One mechanism per indicator and clause (unmatched ones by their text), in document order."""
    seen: set[tuple[str | None, str]] = set()
    out = []
    for m in mechanisms:
        k = (m.clause, m.indicator or m.text)
        if k not in seen:
            seen.add(k)
            out.append(m)
    return out
