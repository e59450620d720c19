"""Step 3 of the Atlas demo case (filled in below)."""

from atlasplan.demo import DemoContext


def load(context: DemoContext) -> None:
    return None
