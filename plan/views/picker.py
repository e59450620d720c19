"""The evidence picker's round trip, shared by the ambition and the objective form.

A POST with ``_search`` only searches the evidence (with htmx: only the lists come back);
anything typed stays in the form and nothing is saved."""

from django.http import HttpRequest, QueryDict

from plan.forms import EVIDENCE, EvidenceFilterForm

LISTS = "plan/evidence_picker.html#evidence-lists"


def _typed(post: QueryDict, multiple: set[str]) -> dict:
    """What was typed in the form, as initial values (a search saves nothing)."""
    return {key: post.getlist(key) if key in multiple else post.get(key) for key in post}


def is_search(request: HttpRequest) -> bool:
    return request.method == "POST" and "_search" in request.POST


def bind(request: HttpRequest, form_class, *, multiple: set[str], initial=None, **kwargs):
    """The form bound to a save, or (on a search) unbound and holding what was typed."""
    if is_search(request):
        typed = _typed(request.POST, {*multiple, *EVIDENCE})
        return form_class(initial=typed, user=request.user, **kwargs)
    return form_class(request.POST or None, initial=initial, user=request.user, **kwargs)


def picker_context(request: HttpRequest, form) -> dict:
    """The filter form and the three lists of the picker, for the page or the htmx swap."""
    filters = EvidenceFilterForm(request.POST if request.method == "POST" else request.GET)
    return {"filters": filters, "picker": form.picker(*filters.filters())}
