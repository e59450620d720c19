"""The participant's pages: no account, an anonymous ballot in a signed cookie.

The QR code and the short address lead to ``/v/<code>/``. The first visit draws a random
token (256 bits), puts it in a signed, HttpOnly cookie that only this workshop's voting
address receives, and redirects, so no token is ever part of an address. The database keeps
only a hash of the token, made on the first vote; no name, no IP address. Client addresses
are used only (hashed) as a key of the rate limit in the shared cache.
"""

import secrets
from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from workshops import ratelimit, services
from workshops.forms import CommentForm, RoleForm, VoteForm
from workshops.models import CODE_ALPHABET, CODE_LENGTH, Answer, Workshop, hash_token

COOKIE_NAME = "atlasplan_ballot"
COOKIE_MAX_AGE = 60 * 60 * 24 * 30
TOKEN_BYTES = 32


def refusal_messages() -> dict[str, str]:
    return {
        "closed": _("De stemming voor deze workshop is gesloten. Uw antwoord is niet bewaard."),
        "foreign": _("Deze stelling hoort niet bij deze workshop. Uw antwoord is niet bewaard."),
        "scale": _("Kies een van de antwoorden op de schaal. Uw antwoord is niet bewaard."),
        "comment": _(
            "Uw opmerking is te lang (hoogstens 1000 tekens). Uw antwoord is niet bewaard."
        ),
        "token": _(
            "Uw stembiljet is niet geldig. Open het stemadres opnieuw om verder te stemmen."
        ),
        "rate": _("U stemt erg snel na elkaar. Wacht even en probeer het opnieuw."),
        "full": _(
            "Deze workshop heeft al het maximum aantal deelnemers. Vraag de facilitator om hulp."
        ),
        "role": _(
            "Kies eerst uw rol bovenaan de pagina: deze workshop vraagt ze. "
            "Uw antwoord is niet bewaard."
        ),
        "unanswered": _(
            "Kies eerst een antwoord op deze stelling; de opmerking hoort bij uw antwoord."
        ),
        "misses": _(
            "Te veel onbekende codes na elkaar. Wacht een minuut en kijk de code na op het scherm."
        ),
    }


def find_workshop(request: HttpRequest, code: str) -> Workshop | None:
    """The workshop behind a code; one in preparation does not exist for participants.

    An unknown code counts as a miss of this client (see :func:`too_many_misses`); a code
    that exists is always found, whatever the client tried before, so one guesser behind
    a room's shared address cannot lock the room out.
    """
    code = code.strip().upper()
    workshop = None
    # Only a code that could exist reaches the database (PostgreSQL refuses a NUL byte).
    if len(code) == CODE_LENGTH and set(code) <= set(CODE_ALPHABET):
        workshops = Workshop.objects.exclude(state=Workshop.State.PREPARING)
        workshop = workshops.filter(code=code).first()
    if workshop is None:
        ratelimit.allow_client(request, "code-miss", ratelimit.CODE_MISSES_PER_CLIENT)
    return workshop


def too_many_misses(request: HttpRequest) -> bool:
    """True once this client tried more unknown codes this minute than a person would."""
    return ratelimit.client_exceeded(request, "code-miss", ratelimit.CODE_MISSES_PER_CLIENT)


def _too_many_misses_page(request: HttpRequest, code: str = "") -> HttpResponse:
    context = {"code": code, "error": refusal_messages()["misses"]}
    return render(request, "workshops/ballot_start.html", context, status=429)


class _TooManyMisses(Exception):
    pass


def _workshop(request: HttpRequest, code: str) -> Workshop:
    workshop = find_workshop(request, code)
    if workshop is None:
        if too_many_misses(request):
            raise _TooManyMisses
        raise Http404
    return workshop


def _public(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """A participant's view: no login, never cached, "too many tries" for unknown codes."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        try:
            return view(request, *args, **kwargs)
        except _TooManyMisses:
            return _too_many_misses_page(request)

    return login_not_required(never_cache(wrapped))


def _salt(workshop: Workshop) -> str:
    return f"workshops.ballot.{workshop.pk}"


def _token(request: HttpRequest, workshop: Workshop) -> str | None:
    """The ballot token from the cookie, if its signature holds for this workshop."""
    return request.get_signed_cookie(COOKIE_NAME, default=None, salt=_salt(workshop))


def _ballot_path(workshop: Workshop) -> str:
    return reverse("vote:ballot_detail", args=[workshop.code])


@login_not_required
@never_cache
@require_GET
def ballot_start(request: HttpRequest) -> HttpResponse:
    """The short address: type the code shown on the screen."""
    code = request.GET.get("code", "").strip().upper()
    error = None
    if code:
        if find_workshop(request, code):
            return redirect("vote:ballot_detail", code=code)
        if too_many_misses(request):
            return _too_many_misses_page(request, code)
        error = _("Geen open workshop met deze code. Kijk de code na op het scherm.")
    return render(request, "workshops/ballot_start.html", {"code": code, "error": error})


@_public
@require_GET
def ballot_detail(request: HttpRequest, code: str) -> HttpResponse:
    workshop = _workshop(request, code)
    if code != workshop.code:  # the cookie's path is case-sensitive: go to the exact address
        return redirect(_ballot_path(workshop))
    token = _token(request, workshop)
    if token is None and workshop.is_open:
        return _issue_ballot(request, workshop)
    ballot = services.ballot_for(workshop, token) if token else None
    needs_role = workshop.is_open and bool(workshop.roles) and not (ballot and ballot.role)
    answers = {v.statement_id: v for v in ballot.votes.all()} if ballot else {}
    statements = list(workshop.statements.all()) if workshop.is_open else []
    context = {
        "workshop": workshop,
        "needs_role": needs_role,
        "role_form": RoleForm(roles=workshop.roles) if needs_role else None,
        "ballot_role": ballot.role if ballot else "",
        "items": [(s, answers.get(s.pk)) for s in statements],
        "answers": [*Answer.choices[1:], Answer.choices[0]],
        "answered": len(answers),
        "start_pk": _start_statement(workshop, statements, answers),
    }
    return render(request, "workshops/ballot_detail.html", context)


def _start_statement(workshop: Workshop, statements: list, answers: dict) -> int | None:
    """The statement a phone opens on: the one on the screen when it follows the
    presenter, else the first one not answered yet."""
    if workshop.follow_presenter and workshop.presented_statement_id:
        return workshop.presented_statement_id
    unanswered = [s.pk for s in statements if s.pk not in answers]
    return (unanswered or [s.pk for s in statements] or [None])[0]


def _issue_ballot(request: HttpRequest, workshop: Workshop) -> HttpResponse:
    if request.GET.get("c") == "1":  # we set the cookie a moment ago and it did not come back
        return render(request, "workshops/ballot_cookies.html", {"workshop": workshop}, status=400)
    if not ratelimit.allow_client(request, "ballot", ratelimit.BALLOTS_PER_CLIENT):
        return _refused(request, workshop, "rate", 429)
    if workshop.is_full():  # say so now, not after the first answer
        return _refused(request, workshop, "full", 409)
    services.note_joined(workshop)
    response = redirect(f"{_ballot_path(workshop)}?c=1")
    response.set_signed_cookie(
        COOKIE_NAME,
        secrets.token_urlsafe(TOKEN_BYTES),
        salt=_salt(workshop),
        max_age=COOKIE_MAX_AGE,
        path=_ballot_path(workshop),
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )
    return response


@login_not_required
@never_cache
@require_GET
def ballot_state(request: HttpRequest, code: str) -> HttpResponse:
    """Polled by the voting page: says when voting closes, without touching the forms.

    An unknown code answers "not open" too, so the poll stops and reveals nothing.
    """
    workshop = find_workshop(request, code)
    context = {"workshop": workshop, "is_open": bool(workshop and workshop.is_open)}
    return render(request, "workshops/ballot_detail.html#state", context)


@_public
@require_POST
def ballot_role(request: HttpRequest, code: str) -> HttpResponse:
    workshop = _workshop(request, code)
    token, refused = _ballot_token(request, workshop)
    if refused:
        return refused
    if not workshop.is_open:
        return _refused(request, workshop, "closed", 409)
    form = RoleForm(request.POST, roles=workshop.roles)
    if not form.is_valid():
        return redirect(_ballot_path(workshop))
    try:
        services.set_role(workshop, token, form.cleaned_data["role"])
    except services.VoteRefused as refused:
        return _refused(request, workshop, refused.reason, refused.status)
    return redirect(_ballot_path(workshop))


@_public
@require_POST
def vote_create(request: HttpRequest, code: str, pk: int) -> HttpResponse:
    workshop = _workshop(request, code)
    token, refused = _ballot_token(request, workshop, pk)
    if refused:
        return refused
    form = VoteForm(request.POST)
    if not form.is_valid():
        reason = "comment" if "comment" in form.errors and "value" not in form.errors else "scale"
        return _refused(request, workshop, reason, 400, pk)
    # One tap sends the answer alone: a comment sent on its own is then kept as it is.
    comment = form.cleaned_data["comment"].strip() if "comment" in request.POST else None
    try:
        vote = services.cast_vote(workshop, token, pk, form.cleaned_data["value"], comment)
    except services.VoteRefused as refused:
        return _refused(request, workshop, refused.reason, refused.status, pk)
    if request.htmx:
        context = {"ok": True, "vote": vote, "statement_pk": pk}
        return render(request, "workshops/ballot_detail.html#status", context)
    return redirect(f"{_ballot_path(workshop)}#s-{pk}")


@_public
@require_POST
def comment_create(request: HttpRequest, code: str, pk: int) -> HttpResponse:
    """The optional comment on an answer, saved on its own."""
    workshop = _workshop(request, code)
    token, refused = _ballot_token(request, workshop, pk)
    if refused:
        return refused
    form = CommentForm(request.POST)
    if not form.is_valid():
        return _refused(request, workshop, "comment", 400, pk)
    try:
        vote = services.set_comment(workshop, token, pk, form.cleaned_data["comment"].strip())
    except services.VoteRefused as refused:
        return _refused(request, workshop, refused.reason, refused.status, pk)
    if request.htmx:
        context = {"ok": True, "vote": vote, "statement_pk": pk}
        return render(request, "workshops/ballot_detail.html#comment_status", context)
    return redirect(f"{_ballot_path(workshop)}#s-{pk}")


def _ballot_token(
    request: HttpRequest, workshop: Workshop, pk: int | None = None
) -> tuple[str | None, HttpResponse | None]:
    """This phone's ballot token, or the refusal when it has none or writes too fast."""
    token = _token(request, workshop)
    if token is None:
        return None, _refused(request, workshop, "token", 403, pk)
    if not ratelimit.allow(f"vote:{hash_token(token)}", ratelimit.VOTES_PER_BALLOT):
        return None, _refused(request, workshop, "rate", 429, pk)
    return token, None


def _refused(
    request: HttpRequest, workshop: Workshop, reason: str, status: int, pk: int | None = None
) -> HttpResponse:
    context = {"ok": False, "message": refusal_messages()[reason], "statement_pk": pk}
    if getattr(request, "htmx", False) and pk is not None:
        return render(request, "workshops/ballot_detail.html#status", context, status=status)
    context["workshop"] = workshop
    return render(request, "workshops/ballot_refused.html", context, status=status)
