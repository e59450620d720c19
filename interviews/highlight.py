"""A source text as HTML with its excerpts as <mark> and its speakers in bold.

The HTML holds exactly the source's characters (escaped), so the browser's selection
offsets within the container equal offsets in the stored text (static/js/coding.js).
"""

import itertools
import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from interviews.models import Anchor

SPEAKER = re.compile(r"^([^\n:]{1,60}):", re.MULTILINE)


def speaker_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(1), m.end(1)) for m in SPEAKER.finditer(text)]


def highlighted(text: str, excerpts) -> SafeString:
    spans = [e for e in excerpts if e.anchor != Anchor.FLAGGED and e.end <= len(text)]
    speakers = speaker_spans(text)
    cuts = {0, len(text)}
    for item in spans:
        cuts |= {item.start, item.end}
    for start, end in speakers:
        cuts |= {start, end}
    ordered = sorted(cuts)
    parts = []
    for start, end in itertools.pairwise(ordered):
        piece = escape(text[start:end])
        if any(s <= start and end <= e for s, e in speakers):
            piece = f'<strong class="speaker">{piece}</strong>'
        covering = [e for e in spans if e.start <= start and end <= e.end]
        if covering:
            first = covering[0]
            theme = next(iter(first.themes.all()), None)
            ids = " ".join(str(e.pk) for e in covering)
            css = f"code-mark code-theme-{theme.pk}" if theme else "code-mark"
            if len(covering) > 1:
                css += " code-overlap"
            piece = (
                f'<mark class="{css}" data-excerpts="{ids}" '
                f'title="{escape(", ".join(t.name for t in first.themes.all()))}">{piece}</mark>'
            )
        # An empty anchor where each code begins: the list beside the text links to it.
        anchors = "".join(
            f'<span class="code-anchor" id="at-excerpt-{e.pk}"></span>'
            for e in spans
            if e.start == start
        )
        parts.append(anchors + piece)
    return mark_safe("".join(parts))  # every piece of user text is escaped above
