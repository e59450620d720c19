"""The project's conventions, checked over the code so that a new app or view follows them:
where a developer looks for a step's card, how a history page is rendered, what a check
constraint is built from."""

import ast
import re
from pathlib import Path

from django.apps import apps

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
        # an app holding several steps (plan: 5-7) names the others card_<what>
        assert card.__name__ == "card" or card.__name__.startswith("card_"), card.__name__


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


def literal_choices_in_check_constraints(path: Path, app: str) -> list[str]:
    """Lookups on a choice field written as literals inside a model's check constraints."""
    found = []
    for model_node in ast.parse(path.read_text()).body:
        if not isinstance(model_node, ast.ClassDef):
            continue
        try:
            model = apps.get_model(app, model_node.name)
        except LookupError:
            continue
        for call in ast.walk(model_node):
            if not (isinstance(call, ast.Call) and "CheckConstraint" in ast.unparse(call.func)):
                continue
            for q in ast.walk(call):
                for keyword in getattr(q, "keywords", []) if isinstance(q, ast.Call) else []:
                    name = (keyword.arg or "").split("__")[0]
                    field = next((f for f in model._meta.fields if f.name == name), None)
                    literal = isinstance(keyword.value, ast.Constant | ast.List | ast.Tuple)
                    if field is not None and field.choices and literal:
                        found.append(f"{model.__name__}: {ast.unparse(keyword)}")
    return found


def test_check_constraints_on_choice_fields_are_built_from_the_choices():
    found = []
    for app in APPS:
        for path in python_files(app):
            if path.name == "models.py" or "models" in path.parts:
                found += literal_choices_in_check_constraints(path, app)
    assert found == []


def test_templates_call_the_filter_filterset():
    templates = sorted((ROOT / "templates").rglob("*.html"))
    assert any("filterset.form" in t.read_text() for t in templates)
    other = [
        str(t.relative_to(ROOT))
        for t in templates
        if re.search(r"(?<![\w|])(filter|f)\.(form|qs)\b", t.read_text())
    ]
    assert other == []


def test_version_rows_keep_no_history_of_their_own():
    # A vision version is a document that is written in, not a snapshot row: it keeps history.
    documents = {"VisionVersion"}
    versions = [
        m
        for m in apps.get_models()
        if m.__name__.endswith("Version") and m.__name__ not in documents
    ]
    assert versions, "TranscriptVersion at least"
    assert [m.__name__ for m in versions if hasattr(m, "history")] == []


def test_browser_tests_wait_for_conditions_not_for_time():
    sleeps = re.compile(r"\b(time\.sleep|sleep|wait_for_timeout)\(")
    found = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in sorted((ROOT / "tests" / "browser").glob("*.py"))
        if path.name != "test_workshops.py"  # live voting: its own review
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if sleeps.search(line)
    ]
    assert found == []
