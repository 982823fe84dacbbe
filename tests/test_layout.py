"""The package's shape: layers import downwards only, and no module imports itself through others."""

from __future__ import annotations

import ast
from pathlib import Path

import ipcheck

ROOT = Path(ipcheck.__file__).resolve().parent
LAYERS = {"engine": 0, "reports": 1, "app": 2, "cli": 3}


def _modules() -> dict[str, Path]:
    mods = {"ipcheck": ROOT / "__init__.py", "ipcheck.cli": ROOT / "cli.py"}
    for pkg in ("engine", "reports", "app"):
        for p in sorted((ROOT / pkg).rglob("*.py")):
            rel = p.relative_to(ROOT).with_suffix("")
            parts = ["ipcheck", *rel.parts]
            if parts[-1] == "__init__":
                parts = parts[:-1]
            mods[".".join(parts)] = p
    return mods


def _imports(name: str, path: Path, known: set[str]) -> set[str]:
    """The ipcheck modules `name` imports anywhere in it (functions too), except under `if TYPE_CHECKING:`."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skip |= {id(n) for b in node.body for n in ast.walk(b)}
    out: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in known else base for a in node.names]
        else:
            continue
        out |= {t for t in targets if t in known and t != name}
    return out


def _graph() -> dict[str, set[str]]:
    mods = _modules()
    return {n: _imports(n, p, set(mods)) for n, p in mods.items()}


def _layer(name: str) -> int | None:
    parts = name.split(".")
    return LAYERS.get(parts[1]) if len(parts) > 1 else None


def test_no_import_circles():
    graph = _graph()
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []

    def visit(v: str) -> None:  # Tarjan's strongly connected components
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                cycles.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    assert not cycles, f"import circles: {cycles}"


def test_layers_import_downwards_only():
    wrong = [(a, b) for a, bs in _graph().items() for b in bs
             if _layer(a) is not None and _layer(b) is not None and _layer(b) > _layer(a)]  # type: ignore[operator]
    assert not wrong, f"a lower layer imports a higher one (engine < reports < app < cli): {wrong}"


def test_the_engine_does_no_io_and_writes_no_sentence():
    for name, path in _modules().items():
        if not name.startswith("ipcheck.engine"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        calls = {n.func.id for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)}
        assert not calls & {"open", "print", "input"}, f"{name} does I/O: {calls & {'open', 'print', 'input'}}"
        imported = {a.name.split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
        imported |= {(n.module or "").split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
        io_modules = {"sys", "io", "subprocess", "pathlib", "shutil", "tempfile", "socket", "urllib", "click", "rich"}
        assert not imported & io_modules, f"{name} imports {imported & io_modules}"
        words = {n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)}
        assert not any(w.startswith(("达标", "未知", "缺少")) for w in words), f"{name} writes Chinese sentences"


def test_the_checker_finds_a_circle(tmp_path):
    # the test above can fail: two modules that import each other are found
    a, b = tmp_path / "a.py", tmp_path / "b.py"
    a.write_text("from ipcheck.engine import b\n")
    b.write_text("def f():\n    from ipcheck.engine import a\n")
    known = {"ipcheck.engine.a", "ipcheck.engine.b"}
    assert _imports("ipcheck.engine.a", a, known) == {"ipcheck.engine.b"}
    assert _imports("ipcheck.engine.b", b, known) == {"ipcheck.engine.a"}
