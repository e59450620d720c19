"""The project's conventions, checked over the code so that a new app or view follows them:
where a developer looks for a step's card, how a history page is rendered, what a check
constraint is built from."""

import ast
from pathlib import Path

from atlasplan.steps import all_steps

ROOT = Path(__file__).resolve().parents[2]
APPS = ["atlasplan", "policies", "stakeholders", "interviews", "workshops", "plan"]


def python_files(*apps: str) -> list[Path]:
    return sorted(path for app in apps for path in (ROOT / app).rglob("*.py"))


def test_every_dashboard_card_lives_in_the_apps_dashboard_module():
    cards = {step.number: step.card for step in all_steps() if step.card}
    assert len(cards) >= 4
    for number, card in cards.items():
        app = card.__module__.split(".")[0]
        assert card.__module__ == f"{app}.dashboard", f"step {number}: {card.__module__}"
        assert card.__name__ == "card"


def functions_calling(name: str, *apps: str) -> list[tuple[Path, ast.FunctionDef]]:
    found = []
    for path in python_files(*apps):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.FunctionDef) and any(
                isinstance(call, ast.Call) and getattr(call.func, "id", None) == name
                for call in ast.walk(node)
            ):
                found.append((path, node))
    return found


def test_history_pages_are_rendered_by_render_history_only():
    template = "atlasplan/history.html"
    users = [p.relative_to(ROOT) for p in python_files(*APPS) if template in p.read_text()]
    assert users == [Path("atlasplan/history.py")]
    views = functions_calling("render_history", *APPS)
    assert len(views) >= 10
    for path, function in views:
        decorators = {getattr(d, "id", None) for d in function.decorator_list}
        # a view, not a helper wrapped around render_history
        assert "require_GET" in decorators, f"{path.relative_to(ROOT)}: {function.name}"
