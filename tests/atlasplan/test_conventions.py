"""The project's conventions, checked over the code so that a new app or view follows them:
where a developer looks for a step's card, how a history page is rendered, what a check
constraint is built from."""

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
