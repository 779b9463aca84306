"""Test modules share fixtures through conftest.py and helpers through tests/factories.py,
never by importing one another: a fixture imported by name from another test module is
shadowed or lost without a word, and the importing module drags the other's tests in."""

import ast
from pathlib import Path

AMANAT = Path(__file__).resolve().parents[2]


def imported_test_modules(source: str, package: str) -> list[str]:
    """The test modules (test_*.py) that `source`, a module of `package`, imports."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            modules = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join([*parts, base] if base else parts)
            modules = [base] + [f"{base}.{alias.name}" for alias in node.names]
        else:
            continue
        found += [m for m in modules if m.rsplit(".", 1)[-1].startswith("test_")]
    return found


def test_the_check_sees_every_spelling():
    package = "amanat.incidents.tests"
    assert imported_test_modules("from .test_api import post", package) == [
        "amanat.incidents.tests.test_api"
    ]
    assert imported_test_modules("from amanat.channels.tests.test_sms import x", package) == [
        "amanat.channels.tests.test_sms"
    ]
    assert imported_test_modules("from amanat.audit.tests import test_chain", package) == [
        "amanat.audit.tests.test_chain"
    ]
    assert imported_test_modules("import amanat.audit.tests.test_chain", package) == [
        "amanat.audit.tests.test_chain"
    ]
    allowed = "from .factories import post\nfrom amanat.conftest import x\nimport pytest"
    assert imported_test_modules(allowed, package) == []


def test_no_test_module_imports_another():
    offenders = []
    for path in sorted(AMANAT.rglob("*.py")):
        if "tests" not in path.parts and path.name != "conftest.py":
            continue
        relative = path.relative_to(AMANAT.parent).with_suffix("")
        package = ".".join(relative.parts[:-1])
        imported = imported_test_modules(path.read_text(encoding="utf-8"), package)
        offenders += [f"{relative}: {module}" for module in imported]
    assert offenders == []
