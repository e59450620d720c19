"""Writes that touch several rows, and the results that read them, for step 4."""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace

from django.core.cache import cache
from django.db import transaction
from django.db.models import Count, Max
from django.utils.translation import gettext as _

from atlasplan.anonymity import break_down
from atlasplan.models import Theme
from workshops import stats
from workshops.models import Answer, Ballot, ManualCount, Statement, Vote, Workshop, hash_token


class VoteRefused(Exception):
    """A vote that must not be stored: why (a key of the messages shown) and the HTTP status."""

    def __init__(self, reason: str, status: int) -> None:
        super().__init__(reason)
        self.reason = reason
        self.status = status


@transaction.atomic
def add_statements(workshop: Workshop, texts: list[str], theme: Theme | None) -> list[Statement]:
    """Append statements after the workshop's last one, keeping the order they were given."""
    last = workshop.statements.aggregate(last=Max("order"))["last"] or 0
    statements = [
        Statement(workshop=workshop, text=text, theme=theme, order=last + index)
        for index, text in enumerate(texts, start=1)
    ]
    for statement in statements:
        statement.save()  # one by one, so each gets its history record
    return statements


@transaction.atomic
def set_state(workshop: Workshop, state: str) -> None:
    workshop = Workshop.objects.select_for_update().get(pk=workshop.pk)
    workshop.state = state
    if state != Workshop.State.OPEN:
        workshop.results_revealed = False
    workshop.save()


def _locked(workshop: Workshop) -> Workshop:
    """The workshop as it is now, its row locked until the transaction ends."""
    return Workshop.objects.select_for_update().get(pk=workshop.pk)


@transaction.atomic
def take_ballot(workshop: Workshop, token: str, role: str | None = None) -> Ballot:
    """The ballot of ``token`` in this workshop, made if it is new and there is room.

    The one place that makes ballots: under a lock on the workshop row, so two phones cannot
    both take the last place, and an existing ballot is checked against the limit again (it
    may have been made before the limit was lowered). ``role``, when given, is stored on it.
    Raises :class:`VoteRefused` when the workshop is full or the token belongs elsewhere.
    """
    return _take_ballot(_locked(workshop), token, role)


def _take_ballot(locked: Workshop, token: str, role: str | None = None) -> Ballot:
    """:func:`take_ballot` for a caller that holds the lock on the workshop row already."""
    ballot = Ballot.objects.filter(token_hash=hash_token(token)).first()
    if ballot is None:
        if locked.is_full():
            raise VoteRefused("full", 409)
        return Ballot.objects.create(token_hash=hash_token(token), workshop=locked, role=role or "")
    if ballot.workshop_id != locked.pk:
        raise VoteRefused("token", 403)
    if not locked.admits(ballot):
        raise VoteRefused("full", 409)
    if role is not None and ballot.role != role:
        ballot.role = role
        ballot.save(update_fields=["role"])
    return ballot


@transaction.atomic
def cast_vote(
    workshop: Workshop, token: str, statement_pk: int, value: int, comment: str | None = None
) -> Vote:
    """Store (or change) this ballot's answer to one statement of an open workshop.

    The ballot row is made on its first vote (or with its role), so opening the voting page
    stores nothing. A ``comment`` of None leaves the comment as it is: the phone sends the
    answer on one tap and the comment on its own. Sending the same answer twice (a retry
    after a lost connection) stores it once. Raises :class:`VoteRefused` and stores nothing
    when the vote is not allowed.
    """
    # The state as it is now, locked so that a vote cannot slip past a "close".
    workshop = _locked(workshop)
    if not workshop.is_open:
        raise VoteRefused("closed", 409)
    statement = Statement.objects.filter(workshop=workshop, pk=statement_pk).first()
    if statement is None:
        raise VoteRefused("foreign", 404)
    if value not in Answer.values:
        raise VoteRefused("scale", 400)
    ballot = _take_ballot(workshop, token)
    if workshop.roles and not ballot.role:
        raise VoteRefused("role", 409)  # rolled back: a new ballot is not kept
    defaults = {"value": value} if comment is None else {"value": value, "comment": comment}
    vote, _created = Vote.objects.update_or_create(
        ballot=ballot, statement=statement, defaults=defaults
    )
    return vote


@transaction.atomic
def set_comment(workshop: Workshop, token: str, statement_pk: int, comment: str) -> Vote:
    """Store the comment on this ballot's answer to a statement, apart from the answer.

    A comment belongs to an answer: without one, :class:`VoteRefused` ("unanswered").
    """
    workshop = _locked(workshop)
    if not workshop.is_open:
        raise VoteRefused("closed", 409)
    vote = Vote.objects.filter(
        ballot__workshop=workshop,
        ballot__token_hash=hash_token(token),
        statement__workshop=workshop,
        statement_id=statement_pk,
    ).first()
    if vote is None:
        raise VoteRefused("unanswered", 409)
    vote.comment = comment
    vote.save(update_fields=["comment", "updated_at"])
    return vote


PRESENTER_MOVES = {"next": 1, "prev": -1}
PRESENTER_ACTIONS = {*PRESENTER_MOVES, "reveal", "hide", "follow", "free"}


@transaction.atomic
def move_presenter(workshop: Workshop, action: str) -> Workshop:
    """One step of the facilitator: the screen (and the phones that follow it) change.

    ``next``/``prev`` go one statement on or back (before the first: the join screen with
    the QR code), and hide the results of the statement shown; ``reveal``/``hide`` show or
    hide them; ``follow``/``free`` let the phones follow the screen or browse freely.
    The state lives in the workshop row, so every app server and every phone sees it.
    """
    workshop = _locked(workshop)
    if action in PRESENTER_MOVES:
        order = list(workshop.statements.order_by("order", "pk").values_list("pk", flat=True))
        current = (
            order.index(workshop.presented_statement_id)
            if (workshop.presented_statement_id in order)
            else -1
        )
        position = min(max(current + PRESENTER_MOVES[action], -1), len(order) - 1)
        workshop.presented_statement_id = order[position] if position >= 0 else None
        workshop.results_revealed = False
    elif action in {"reveal", "hide"}:
        workshop.results_revealed = action == "reveal"
    elif action in {"follow", "free"}:
        workshop.follow_presenter = action == "follow"
    workshop.save()
    return workshop


JOINED_SECONDS = 60 * 60 * 24


def _joined_key(workshop: Workshop) -> str:
    return f"workshops:joined:{workshop.pk}"


def note_joined(workshop: Workshop) -> None:
    """Count a phone that opened the voting page (it got its ballot cookie).

    Opening the page stores no ballot row (that waits for the first vote), so the presenter's
    "N joined" counts in the shared cache, like the rate limits: every app server sees it.
    """
    key = _joined_key(workshop)
    if not cache.add(key, 1, JOINED_SECONDS):
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.add(key, 1, JOINED_SECONDS)


def joined_count(workshop: Workshop) -> int:
    """Phones that joined: at least those that voted, should the cache have been emptied."""
    return max(cache.get(_joined_key(workshop), 0), workshop.ballots.count())


def ballot_for(workshop: Workshop, token: str) -> Ballot | None:
    return Ballot.objects.filter(workshop=workshop, token_hash=hash_token(token)).first()


@transaction.atomic
def set_role(workshop: Workshop, token: str, role: str) -> Ballot:
    workshop = _locked(workshop)
    if not workshop.is_open:
        raise VoteRefused("closed", 409)
    return _take_ballot(workshop, token, role)


@transaction.atomic
def set_manual_counts(statement: Statement, counts: dict[int, int]) -> None:
    for value, count in counts.items():
        row, created = ManualCount.objects.get_or_create(
            statement=statement, value=value, defaults={"count": count}
        )
        if not created and row.count != count:
            row.count = count
            row.save()


def counts_by_statement(workshop: Workshop) -> dict[int, dict[int, int]]:
    """Phone votes and hand-entered counts added up, per statement and answer (two queries)."""
    counts: dict[int, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    rows = Vote.objects.filter(statement__workshop=workshop).values("statement", "value")
    for row in rows.annotate(n=Count("pk")).order_by():
        counts[row["statement"]][row["value"]] += row["n"]
    manual = ManualCount.objects.filter(statement__workshop=workshop).values_list(
        "statement", "value", "count"
    )
    for statement_pk, value, count in manual:
        counts[statement_pk][value] += count
    return counts


def counts_by_role(workshop: Workshop) -> dict[int, dict[str, dict[int, int]]]:
    """Phone votes per statement, role and answer (hand counts have no role)."""
    counts: dict[int, dict[str, dict[int, int]]] = defaultdict(
        lambda: defaultdict(lambda: defaultdict(int))
    )
    rows = Vote.objects.filter(statement__workshop=workshop).values(
        "statement", "ballot__role", "value"
    )
    for row in rows.annotate(n=Count("pk")).order_by():
        counts[row["statement"]][row["ballot__role"]][row["value"]] += row["n"]
    return counts


def other_roles_label() -> str:
    return _("andere rollen")


def results(workshop: Workshop, statements: list[Statement]) -> dict[int, stats.StatementStats]:
    """The statistics of each statement, keyed by its pk, with results by role if asked.

    A role with fewer answers than the group threshold is not shown on its own (see
    :mod:`atlasplan.anonymity`); ballots without a role count in the totals, not as a group.
    """
    counts = counts_by_statement(workshop)
    by_role = counts_by_role(workshop) if workshop.roles else {}
    found = {}
    for statement in statements:
        described = stats.describe(counts.get(statement.pk, {}))
        if statement.pk in by_role:
            described = _with_roles(described, by_role[statement.pk], workshop.roles)
        found[statement.pk] = described
    return found


def _with_roles(
    described: stats.StatementStats, per_role: dict[str, dict[int, int]], order: list[str]
) -> stats.StatementStats:
    per_role = {role: role_counts for role, role_counts in per_role.items() if role}
    position = {role: index for index, role in enumerate(order)}
    roles = sorted(per_role, key=lambda role: (position.get(role, len(order)), role))
    breakdown = break_down({role: sum(per_role[role].values()) for role in roles})
    groups = {role: per_role[role] for role in breakdown.shown}
    if breakdown.pooled:
        groups[other_roles_label()] = _added(per_role[role] for role in breakdown.pooled)
    by_role = {label: stats.describe(group) for label, group in groups.items()}
    return replace(described, by_role=by_role, not_by_role=breakdown.withheld)


def _added(counts: Iterable[dict[int, int]]) -> dict[int, int]:
    total: dict[int, int] = defaultdict(int)
    for one in counts:
        for value, count in one.items():
            total[value] += count
    return total


def shown_roles(workshop: Workshop) -> dict[str, str]:
    """Each role with the label a per-vote export may give it: the role itself, "andere
    rollen" for roles pooled, "" for roles too few to break down (counted in ballots)."""
    sizes = dict(
        workshop.ballots.exclude(role="")
        .filter(votes__isnull=False)
        .values_list("role")
        .annotate(n=Count("pk", distinct=True))
        .order_by()
    )
    breakdown = break_down(sizes)
    labels = dict.fromkeys(sizes, "")
    labels.update({role: role for role in breakdown.shown})
    labels.update({role: other_roles_label() for role in breakdown.pooled})
    return labels
