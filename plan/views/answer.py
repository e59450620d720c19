"""The online answer: an invitee opens their personal link, without an account.

The link's token is in the address (it is the key, as a password-reset link is); the
database keeps only its hash. The page shows that round's vision version read-only and the
response form, and nothing else: no navigation, no other invitee, no other round. Unknown
tokens are counted per client (the workshop ballots' rate limit), so tokens cannot be
guessed by trying.
"""

from django.contrib.auth.decorators import login_not_required
from django.db import IntegrityError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from plan import services
from plan.forms_validation import OnlineResponseForm
from plan.models import AnswerLink, ValidationResponse
from plan.models.validation import hash_token
from workshops import ratelimit

# Unknown tokens per client address and minute; far above a person mistyping, far below
# what guessing 256-bit tokens would need anyway.
MISSES_PER_CLIENT = 20
# Saves per link and minute: a person saves a few times, a script many.
SAVES_PER_LINK = 20


def _find(token: str) -> AnswerLink | None:
    if not token or len(token) > 200:
        return None
    queryset = AnswerLink.objects.select_related("invitee__round__version", "invitee__organisation")
    return queryset.filter(token_hash=hash_token(token)).first()


def _refused(request: HttpRequest, reason: str, status: int) -> HttpResponse:
    messages = {
        "unknown": _(
            "Deze link is niet geldig. Kijk na of u het hele adres overnam, of vraag de "
            "consultant die u uitnodigde om een nieuwe link."
        ),
        "gone": _(
            "Deze link is verlopen of ingetrokken. Vraag de consultant die u uitnodigde om "
            "een nieuwe link."
        ),
        "misses": _("Te veel ongeldige links na elkaar. Wacht een minuut en probeer opnieuw."),
        "rate": _("U bewaart erg snel na elkaar. Wacht even en probeer het opnieuw."),
    }
    context = {"message": messages[reason]}
    return render(request, "plan/validation/answer_refused.html", context, status=status)


def _usable_link(request: HttpRequest, token: str) -> AnswerLink | HttpResponse:
    """The link behind ``token``, or the refusal page (404 unknown, 410 expired or revoked,
    429 for an unknown token after too many from this client)."""
    link = _find(token)
    if link is None:
        # A real token always opens (one guesser behind an office's shared address locks
        # nobody out); unknown ones are counted, and past the limit answered "too many".
        if not ratelimit.allow_client(request, "answer-miss", MISSES_PER_CLIENT):
            return _refused(request, "misses", 429)
        return _refused(request, "unknown", 404)
    if not link.is_usable():
        return _refused(request, "gone", 410)
    return link


def _context(link: AnswerLink, form, response) -> dict:
    round_ = link.invitee.round
    version = round_.version
    ambitions = version.ambitions.order_by("position", "pk")
    return {
        "link": link,
        "invitee": link.invitee,
        "round": round_,
        "version": version,
        "ambitions": ambitions,
        "form": form,
        "response": response,
    }


def _accepts_answers(round_) -> bool:
    """Online answers come in while the round is open and its last day has not passed."""
    return round_.is_open and (round_.closes_on is None or round_.closes_on >= timezone.localdate())


@login_not_required
@never_cache
@require_http_methods(["GET", "POST"])
def answer(request: HttpRequest, token: str) -> HttpResponse:
    found = _usable_link(request, token)
    if isinstance(found, HttpResponse):
        return found
    link, invitee = found, found.invitee
    response = ValidationResponse.objects.filter(invitee=invitee).first()
    ambitions = invitee.round.version.ambitions.order_by("position", "pk")
    if not _accepts_answers(invitee.round):
        return _closed_page(request, link, response, ambitions)
    if request.method == "POST" and not ratelimit.allow(
        f"answer:{link.token_hash}", SAVES_PER_LINK
    ):
        return _refused(request, "rate", 429)
    form = OnlineResponseForm(
        request.POST or None, instance=response, invitee=invitee, ambitions=ambitions
    )
    status = 400 if request.method == "POST" else 200
    if form.is_valid():
        try:
            _save(form, link)
        except IntegrityError:  # a first answer from a second browser won the race
            form.add_error(
                None,
                _(
                    "Intussen werd al een antwoord bewaard via deze link, bijvoorbeeld vanuit "
                    "een ander venster. Er is niets overschreven. Open de link opnieuw om dat "
                    "antwoord te zien; wat u hier typte, staat nog in het formulier."
                ),
            )
            status = 409
        else:
            return redirect("plan:answer_thanks", token=token)
    context = _context(link, form, response)
    return render(request, "plan/validation/answer_form.html", context, status=status)


def _closed_page(request: HttpRequest, link: AnswerLink, response, ambitions) -> HttpResponse:
    """The answer as it stands, read-only; a late POST is refused and changes nothing."""
    form = OnlineResponseForm(instance=response, invitee=link.invitee, ambitions=ambitions)
    context = {**_context(link, form, response), "closed": True}
    status = 200 if request.method == "GET" else 409
    return render(request, "plan/validation/answer_form.html", context, status=status)


def _save(form: OnlineResponseForm, link: AnswerLink) -> None:
    # Themes of the surprises are the consultants' coding: left as they are.
    services.save_response(form.save(commit=False), form.feedback(), themes=None)
    link.last_used_at = timezone.now()
    link.save(update_fields=["last_used_at"])


@login_not_required
@never_cache
@require_GET
def answer_thanks(request: HttpRequest, token: str) -> HttpResponse:
    found = _usable_link(request, token)
    if isinstance(found, HttpResponse):
        return found
    context = {"link": found, "round": found.invitee.round, "invitee": found.invitee}
    return render(request, "plan/validation/answer_thanks.html", context)
