"""Decide: pass, partial or fail for each measured value, by durable-rules or by plain Python.

Both deciders see the same input: fixed-point integers (value, target and lower goalpost
times 10^6) and a comparison code. durable-rules only ever gets validated integers; the
Python decider is the reference (the test oracle) and the fallback where durable-rules
cannot be imported.

The semantics, for "higher is better" (op >= or >), with baseline b < target t:
  pass     value meets the target (value >= t, or value > t)
  partial  not pass, and value > b
  fail     not pass, and value <= b
and mirrored for "lower is better" (op <= or <), where b lies above the target.
"""

from __future__ import annotations

import itertools
import os
from decimal import Decimal
from typing import Protocol

from .phrases import Reason, say
from .records import record

GE, GT, LE, LT = 1, 2, -1, -2
OPS = {">=": GE, ">": GT, "<=": LE, "<": LT}
INT64_MAX = 2**63 - 1
# The lower goalpost used when "lower is better" has none: above any accepted value.
NO_UPPER_GOALPOST = 2**62
# Matching facts handed to one consequence call (durable-rules' "cap"; more make more calls).
CAP = 1000
SALTS = 4   # tries of a batch that durable-rules refuses as holding a duplicate it does not hold


class DeciderError(RuntimeError):
    """The rules engine failed or gave no decision for a fact."""


@record
class Leaf:
    """One measured value to decide, in fixed point."""
    key: str
    value: int
    target: int
    base: int
    op: int


def to_fixed(d: Decimal) -> int:
    """Decimal on the 10^-6 grid → integer; refuses anything that is not exactly on it."""
    scaled = d.scaleb(6)
    n = int(scaled)
    if n != scaled or abs(n) > INT64_MAX:
        raise DeciderError(f"value {d} is not a fixed-point number within 64 bits")
    return n


def leaf(key: str, value: Decimal, target: Decimal, baseline: Decimal | None, op: str) -> Leaf:
    """A measured value, target and baseline as a fixed-point leaf for the deciders."""
    if baseline is None:
        base = 0 if OPS[op] > 0 else NO_UPPER_GOALPOST
    else:
        base = to_fixed(baseline)
    return Leaf(key, to_fixed(value), to_fixed(target), base, OPS[op])


class Decider(Protocol):
    """Anything that decides pass, partial or fail for a batch of leaves."""
    name: str

    def decide(self, leaves: list[Leaf]) -> dict[str, str]:
        """Map each leaf's key to pass, partial or fail."""


class PythonDecider:
    """The reference decider: the semantics above, written out plainly."""

    name = "python"

    def decide(self, leaves: list[Leaf]) -> dict[str, str]:
        """Map each leaf's key to pass, partial or fail, by plain comparison."""
        out: dict[str, str] = {}
        for x in leaves:
            v, t, b = x.value, x.target, x.base
            if x.op == GE:
                met, better_than_base = v >= t, v > b
            elif x.op == GT:
                met, better_than_base = v > t, v > b
            elif x.op == LE:
                met, better_than_base = v <= t, v < b
            elif x.op == LT:
                met, better_than_base = v < t, v < b
            else:
                raise DeciderError(f"unknown comparison code {x.op}")
            out[x.key] = "pass" if met else ("partial" if better_than_base else "fail")
        return out


def _cmp(op: str, field: str, other: str) -> dict:
    return {op: {field: {"$m": other}}}


def ruleset_definition(name: str, sink: list[tuple[str, str, str]]) -> dict:
    """The decision rules as durable-rules data, one rule per (outcome, comparison).

    Conditions compare fields of the same fact (right-hand references only, which the
    engine supports); every rule also requires the op code, so exactly one outcome rule
    matches any fact. A catch-all rule matches every fact: without it, deleting a session
    that holds an unmatched fact crashes the process. Every rule has a cap: its consequence
    runs once for up to CAP matching facts (a list), not once per fact — the Python call per
    fact was most of the engine's cost.
    """

    def tag(outcome: str):
        def run(c) -> None:  # keep consequences trivial: an exception here would be swallowed
            sink.extend((x["sid"], x["key"], outcome) for x in c.m)
        return run

    v = "value"
    conds = {
        ("pass", GE): [_cmp("$gte", v, "target")],
        ("pass", GT): [_cmp("$gt", v, "target")],
        ("pass", LE): [_cmp("$lte", v, "target")],
        ("pass", LT): [_cmp("$lt", v, "target")],
        ("partial", GE): [_cmp("$lt", v, "target"), _cmp("$gt", v, "base")],
        ("partial", GT): [_cmp("$lte", v, "target"), _cmp("$gt", v, "base")],
        ("partial", LE): [_cmp("$gt", v, "target"), _cmp("$lt", v, "base")],
        ("partial", LT): [_cmp("$gte", v, "target"), _cmp("$lt", v, "base")],
        ("fail", GE): [_cmp("$lt", v, "target"), _cmp("$lte", v, "base")],
        ("fail", GT): [_cmp("$lte", v, "target"), _cmp("$lte", v, "base")],
        ("fail", LE): [_cmp("$gt", v, "target"), _cmp("$gte", v, "base")],
        ("fail", LT): [_cmp("$gte", v, "target"), _cmp("$gte", v, "base")],
    }
    rules: dict[str, dict] = {}
    for (outcome, op), cs in conds.items():
        rules[f"{outcome}_{op}".replace("-", "m")] = {
            "all": [{"m": {"$and": [{"op": op}, *cs]}}], "cap": CAP, "run": tag(outcome)}
    rules["seen"] = {"all": [{"m": {"$ex": {"key": 1}}}], "cap": CAP, "run": tag("seen")}
    return {name: rules}


def _host_without_timers(host_class):
    """A durable-rules Host whose two timer threads never start.

    `Host.__init__` starts a thread that, every 0.1–0.2 s, takes any action waiting in any
    session and runs its consequence there. A batch bigger than one consequence call (CAP
    facts) leaves actions waiting between calls; the timer thread could take one while
    `assert_facts` was draining them in this thread: that decision then came after the batch
    was read ("gave no decision for 2500 facts"), or the C engine, used from two threads at
    once, crashed the process (a segmentation fault, 1 run in 10 of the engine tests; every
    time in 300 batches of 2,500 facts). ipcheck uses no timers: every consequence runs in the
    thread that asserts, which drains every action of its session before it returns.
    """
    class Host(host_class):
        def _run(self) -> None:  # the timer threads' start
            pass
    return Host()


class DurableDecider:
    """durable-rules behind a hardened wrapper.

    One Host per process and one ruleset per process (the rules are the same for every
    decider: made once, however many deciders a process makes — a long test run made
    thousands, each holding C memory never freed, since a ruleset cannot be unregistered);
    one session per batch, with an id unique in the process, deleted after it (a ruleset
    holds at most 1,024 sessions). Facts are dicts of validated 64-bit integers, one per
    distinct (value, target, baseline, comparison) — many criteria share them, and an
    identical fact asserted twice is an error in durable-rules. Single-threaded: the Host's
    timer threads are never started (`_host_without_timers`).
    """

    name = "durable"
    _host = None
    _ruleset: str | None = None
    _sink: list[tuple[str, str, str]] = []
    _sessions = itertools.count(1)
    rulesets = 0  # rulesets registered in this process (one), for the tests that watch it

    def __init__(self) -> None:
        from durable.engine import Host  # the import that fails where durable-rules is absent

        cls = DurableDecider
        if cls._host is None or cls._ruleset is None:
            host = cls._host or _host_without_timers(Host)
            name = f"ipcheck_{os.getpid()}"
            host.register_rulesets(ruleset_definition(name, cls._sink))
            cls._host, cls._ruleset = host, name
            cls.rulesets += 1
        self._ruleset = cls._ruleset
        self._sink = cls._sink

    def decide(self, leaves: list[Leaf]) -> dict[str, str]:
        """Decide a batch in one session; leaves with the same numbers are asserted once."""
        if not leaves:
            return {}
        host = DurableDecider._host
        unique: dict[tuple[int, int, int, int], str] = {}
        for x in leaves:
            for n in (x.value, x.target, x.base):
                if not isinstance(n, int) or isinstance(n, bool) or abs(n) > INT64_MAX:
                    raise DeciderError(f"refusing to hand {n!r} to durable-rules")
            unique.setdefault((x.value, x.target, x.base, x.op), f"f{len(unique)}")
        for salt in range(SALTS):
            sid = str(next(DurableDecider._sessions))
            # durable-rules tells a fact from one already asserted by a hash of it: two different facts
            # can share one (found with 2,500 facts in a session) and the second is refused as a duplicate
            # ("observed"). Asserted again in a new session with another salt, they hash apart.
            facts = [{"sid": sid, "key": k, "value": v, "target": t, "base": b, "op": op, "salt": salt}
                     for (v, t, b, op), k in unique.items()]
            self._sink.clear()
            try:
                host.assert_facts(self._ruleset, facts)
                break
            except Exception as exc:  # durable-rules raises plain Exceptions with C error codes
                if type(exc).__name__ == "MessageObservedException" and salt < SALTS - 1:
                    continue
                raise DeciderError(f"durable-rules refused the facts: {type(exc).__name__}") from None
            finally:
                try:
                    host.delete_state(self._ruleset, sid)
                except Exception:  # pragma: no cover - the catch-all rule makes this safe
                    pass
        seen = {k for s, k, o in self._sink if s == sid and o == "seen"}
        by_key: dict[str, str] = {}
        for s, k, o in self._sink:
            if s == sid and o != "seen":
                if k in by_key:
                    raise DeciderError(f"durable-rules gave two decisions for one fact ({k})")
                by_key[k] = o
        missing = [k for k in unique.values() if k not in by_key or k not in seen]
        if missing:
            raise DeciderError(f"durable-rules gave no decision for {len(missing)} fact(s)")
        return {x.key: by_key[unique[(x.value, x.target, x.base, x.op)]] for x in leaves}


class GuardedDecider:
    """durable-rules with the reference decider behind it: a decider that never stops a command.

    When durable-rules fails on a batch (an error of the C engine, a fact left without a
    decision, two decisions for one), that batch and every later one are decided by the
    Python reference decider, which gives the same results by construction; `failure` says
    what went wrong, for the command to tell the user (the engine writes no sentences).
    `name` says which decider decided last: "python" once it has fallen back.
    """

    def __init__(self, primary: Decider) -> None:
        self._primary = primary
        self._reference = PythonDecider()
        self.failure: str | None = None

    @property
    def name(self) -> str:
        """The name of the decider that decides now."""
        return self._primary.name if self.failure is None else self._reference.name

    def decide(self, leaves: list[Leaf]) -> dict[str, str]:
        """Map each leaf's key to pass, partial or fail: by durable-rules, or by Python once it has failed."""
        if self.failure is None:
            try:
                return self._primary.decide(leaves)
            except Exception as exc:  # whatever the C extension raises: the command goes on, decided in Python
                self.failure = str(exc) if isinstance(exc, DeciderError) else f"{type(exc).__name__}: {exc}"
        return self._reference.decide(leaves)


def make_decider(name: str) -> tuple[Decider, Reason | None]:
    """The decider asked for, and a one-line notice when it had to fall back to Python.

    durable-rules comes guarded (`GuardedDecider`): when it fails later, its `failure` is set."""
    if name == "python":
        return PythonDecider(), None
    try:
        return GuardedDecider(DurableDecider()), None
    except ImportError as exc:
        return PythonDecider(), say("decide.unavailable", why=str(exc))
