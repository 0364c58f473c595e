"""The import graph of toolkit/: no module imports its caller, and the checker does not import the publisher.

Every import counts, at any depth (a function-local import is a dependency too, only a later one):
`import toolkit.x`, `from toolkit.x import y`, and relative imports, resolved to a module of toolkit/
(a package's __init__ is a module; `from . import x` is the module x when there is one).
"""

from __future__ import annotations

import ast
from pathlib import Path

TOOLKIT = Path(__file__).resolve().parent.parent / "toolkit"


def modules(root: Path = TOOLKIT) -> dict[str, Path]:
    """Every module under `root` by dotted name (a package by its own name)."""
    found = {}
    for path in sorted(root.rglob("*.py")):
        parts = list(path.relative_to(root.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def _known(name: str, known: dict) -> str | None:
    """`name`, or the nearest enclosing module that exists (toolkit.a.b.func -> toolkit.a.b)."""
    while name and name not in known:
        name = name.rpartition(".")[0]
    return name or None


def imports_of(name: str, path: Path, known: dict) -> set[str]:
    """The toolkit modules that the module `name` (at `path`) imports, anywhere in its body."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    root = name.split(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found.update(_known(alias.name, known) for alias in node.names
                         if alias.name.split(".")[0] == root)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[:len(package.split(".")) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.split(".")[0] != root:
                continue
            for alias in node.names:
                member = f"{target}.{alias.name}"
                found.add(member if member in known else _known(target, known))
    return found - {None, name}


def import_graph(root: Path = TOOLKIT) -> dict[str, set[str]]:
    known = modules(root)
    return {name: imports_of(name, path, known) for name, path in known.items()}


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle of the graph as [a, b, ..., a], or None (depth-first, white/grey/black)."""
    state, stack = {}, []

    def visit(node):
        state[node] = "open"
        stack.append(node)
        for target in sorted(graph.get(node, ())):
            if state.get(target) == "open":
                return stack[stack.index(target):] + [target]
            if target not in state and (cycle := visit(target)):
                return cycle
        stack.pop()
        state[node] = "done"
        return None

    for node in sorted(graph):
        if node not in state and (cycle := visit(node)):
            return cycle
    return None


def test_the_import_graph_of_the_toolkit_has_no_cycle():
    cycle = find_cycle(import_graph())
    assert cycle is None, "import cycle: " + " -> ".join(cycle)


def test_validate_imports_nothing_from_publish():
    graph = import_graph()
    wrong = sorted(f"{name} imports {target}" for name, targets in graph.items() if name.startswith("toolkit.validate")
                   for target in targets if target == "toolkit.publish" or target.startswith("toolkit.publish."))
    assert not wrong, wrong


def test_nothing_below_the_pipeline_imports_it():
    graph = import_graph()
    callers = sorted(name for name, targets in graph.items() if "toolkit.pipeline" in targets
                     and not name.startswith("toolkit.cli"))
    assert not callers, callers


def test_the_walk_sees_lazy_and_relative_imports(tmp_path):
    """A cycle closed only by a function-local relative import is found, and so is one through a package."""
    package = tmp_path / "toolkit"
    (package / "stage").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "stage" / "__init__.py").write_text("from .writer import write\n")
    (package / "stage" / "writer.py").write_text("def write():\n    from ..top import run\n    return run\n")
    (package / "top.py").write_text("import toolkit.stage\n\n\ndef run():\n    return toolkit.stage\n")
    (package / "kernel.py").write_text("from . import top  # noqa\n")
    cycle = find_cycle(import_graph(package))
    assert cycle is not None and cycle[0] == cycle[-1]
    assert {"toolkit.stage.writer", "toolkit.top"} <= set(cycle)
    (package / "stage" / "writer.py").write_text("def write():\n    return None\n")
    assert find_cycle(import_graph(package)) is None
