"""The codebook as chips for select-and-tag panels (coding a transcript, marking a key
passage): the given recent themes first, then the tree by main theme. Rendered by
``templates/includes/theme_chips.html``."""

from collections.abc import Collection, Sequence

from atlasplan.models import Theme


def theme_chips(chosen: Collection[int] = (), recent_ids: Sequence[int] = ()) -> dict:
    """``{"recent": [...], "branches": [[main, sub, ...], ...]}``; ``chosen`` are checked."""
    tree = Theme.objects.select_related("parent").tree()
    for theme, _depth in tree:
        theme.chosen = theme.pk in chosen
    by_pk = {theme.pk: theme for theme, _depth in tree}
    recent = [by_pk[pk] for pk in recent_ids if pk in by_pk]
    branches: list[list[Theme]] = []
    for theme, depth in tree:
        if depth == 0:
            branches.append([])
        if theme.pk not in recent_ids:
            branches[-1].append(theme)
    return {"recent": recent, "branches": [b for b in branches if b]}
