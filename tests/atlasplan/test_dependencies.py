"""Every package the code imports is declared in pyproject.toml, not only installed because
another package happens to depend on it today."""

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

from django.conf import settings

FIRST_PARTY = {"atlasplan", "policies", "stakeholders", "interviews", "workshops", "plan", "tests"}
APPS = ["atlasplan", "policies", "stakeholders", "interviews", "workshops", "plan"]


def _declared(requirements: list[str]) -> set[str]:
    return {
        re.split(r"[\[<>=!~; ]", r, maxsplit=1)[0].lower().replace("_", "-") for r in requirements
    }


def _imported(folders: list[str]) -> set[str]:
    modules = set()
    for folder in folders:
        for path in (settings.BASE_DIR / folder).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Import):
                    modules |= {alias.name.split(".")[0] for alias in node.names}
                elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                    modules.add(node.module.split(".")[0])
    return modules - FIRST_PARTY - set(sys.stdlib_module_names)


def _undeclared(modules: set[str], declared: set[str]) -> dict[str, list[str]]:
    distributions = packages_distributions()
    missing = {}
    for module in sorted(modules):
        names = {d.lower().replace("_", "-") for d in distributions.get(module, [module])}
        if not names & declared:
            missing[module] = sorted(names)
    return missing


def test_every_imported_package_is_a_declared_dependency():
    project = tomllib.loads(Path(settings.BASE_DIR / "pyproject.toml").read_text())["project"]
    declared = _declared(project["dependencies"])
    assert _undeclared(_imported(APPS), declared) == {}
    dev = declared | _declared(project["optional-dependencies"]["dev"])
    assert _undeclared(_imported(["tests"]), dev) == {}
