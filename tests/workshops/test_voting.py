"""The participant's side: ballot tokens, cookies, votes and every way a vote is refused."""

import threading

import pytest
from django.test import Client

from tests.workshops.factories import StatementFactory, WorkshopFactory
from workshops import ratelimit, services
from workshops.models import Ballot, Vote, Workshop, hash_token
from workshops.public_views import COOKIE_NAME

HTMX = {"HX-Request": "true"}


def join(client: Client, workshop: Workshop) -> Client:
    """Open the voting address like a phone does: get the cookie, follow the redirect."""
    response = client.get(f"/v/{workshop.code}/")
    assert response.status_code == 302
    assert client.get(response["Location"]).status_code == 200
    return client


def vote(client: Client, workshop: Workshop, statement, **data):
    return client.post(f"/v/{workshop.code}/s/{statement.pk}/", data, headers=HTMX)


def test_first_visit_swaps_the_token_for_a_cookie_and_redirects(client, workshop, statement):
    response = client.get(f"/v/{workshop.code}/")
    assert response.status_code == 302
    cookie = response.cookies[COOKIE_NAME]
    token = cookie.value.split(":")[0]
    assert len(token) >= 43  # 32 random bytes, base64: 256 bits
    assert token not in response["Location"]
    assert cookie["httponly"]
    assert cookie["path"] == f"/v/{workshop.code}/"
    assert cookie["samesite"] == "Lax"
    page = client.get(response["Location"])
    assert "Antwerpen is een stad van iedereen." in page.content.decode()
    assert not Ballot.objects.exists()  # a ballot is stored only with its first vote


def test_a_vote_is_stored_anonymously_and_can_be_changed(client, workshop, statement):
    join(client, workshop)
    response = vote(client, workshop, statement, value=4, comment="Mooi gezegd")
    assert response.status_code == 200
    assert "Bewaard: eens" in response.content.decode()
    response = vote(client, workshop, statement, value=2, comment="Toch niet")
    assert "Bewaard: oneens" in response.content.decode()
    stored = Vote.objects.get()
    assert (stored.value, stored.comment) == (2, "Toch niet")
    ballot = Ballot.objects.get()
    token = client.cookies[COOKIE_NAME].value.split(":")[0]
    assert ballot.token_hash == hash_token(token) != token
    assert {f.name for f in Ballot._meta.fields} == {
        "id",
        "workshop",
        "token_hash",
        "role",
        "created_at",
    }  # no name, no IP address


def test_the_page_shows_the_answers_given(client, workshop, statement):
    join(client, workshop)
    vote(client, workshop, statement, value=5, comment="Zeker")
    html = client.get(f"/v/{workshop.code}/").content.decode()
    assert 'value="5" required checked' in html
    assert "Zeker</textarea>" in html


def test_without_htmx_the_vote_redirects_back_to_the_statement(client, workshop, statement):
    join(client, workshop)
    response = client.post(f"/v/{workshop.code}/s/{statement.pk}/", {"value": 3})
    assert response.status_code == 302
    assert response["Location"].endswith(f"/v/{workshop.code}/#s-{statement.pk}")
    assert Vote.objects.get().value == 3


def test_two_participants_get_two_ballots(workshop, statement):
    for value in (1, 5):
        vote(join(Client(), workshop), workshop, statement, value=value)
    assert sorted(Vote.objects.values_list("value", flat=True)) == [1, 5]
    assert Ballot.objects.count() == 2


def test_a_closed_workshop_refuses_votes(client, workshop, statement):
    join(client, workshop)
    Workshop.objects.filter(pk=workshop.pk).update(state=Workshop.State.CLOSED)
    response = vote(client, workshop, statement, value=4)
    assert response.status_code == 409
    assert "De stemming voor deze workshop is gesloten." in response.content.decode()
    assert not Vote.objects.exists()
    page = client.get(f"/v/{workshop.code}/").content.decode()
    assert "De stemming is gesloten." in page
    assert statement.text not in page


def test_a_statement_of_another_workshop_is_refused(client, workshop, statement):
    other = StatementFactory(workshop=WorkshopFactory(), text="Andere stelling")
    join(client, workshop)
    response = vote(client, workshop, other, value=4)
    assert response.status_code == 404
    assert "hoort niet bij deze workshop" in response.content.decode()
    assert not Vote.objects.exists()


@pytest.mark.parametrize("value", ["7", "-1", "x", ""])
def test_a_value_outside_the_scale_is_refused(client, workshop, statement, value):
    join(client, workshop)
    response = vote(client, workshop, statement, value=value)
    assert response.status_code == 400
    assert "Kies een van de antwoorden op de schaal." in response.content.decode()
    assert not Vote.objects.exists()


def test_a_too_long_comment_is_refused(client, workshop, statement):
    join(client, workshop)
    response = vote(client, workshop, statement, value=4, comment="x" * 1001)
    assert response.status_code == 400
    assert "Uw opmerking is te lang" in response.content.decode()
    assert not Vote.objects.exists()


def test_a_forged_token_is_refused(client, workshop, statement):
    client.cookies[COOKIE_NAME] = "gestolen-of-verzonnen:handtekening"
    client.cookies[COOKIE_NAME]["path"] = f"/v/{workshop.code}/"
    response = vote(client, workshop, statement, value=4)
    assert response.status_code == 403
    assert "Uw stembiljet is niet geldig." in response.content.decode()
    assert not Ballot.objects.exists()


def test_no_cookie_at_all_is_refused(client, workshop, statement):
    response = client.post(f"/v/{workshop.code}/s/{statement.pk}/", {"value": 4})
    assert response.status_code == 403
    assert "Open het stemadres opnieuw" in response.content.decode()
    assert not Vote.objects.exists()


def test_a_token_replayed_on_another_workshop_is_refused(client, workshop, statement):
    other = WorkshopFactory()
    other_statement = StatementFactory(workshop=other)
    join(client, workshop)
    value = client.cookies[COOKIE_NAME].value
    thief = Client()
    thief.cookies[COOKIE_NAME] = value
    response = vote(thief, other, other_statement, value=4)
    assert response.status_code == 403
    assert not Vote.objects.exists()


def test_a_flood_of_votes_from_one_ballot_is_slowed_down(client, workshop, statement, monkeypatch):
    monkeypatch.setattr(ratelimit, "VOTES_PER_BALLOT", 3)
    join(client, workshop)
    codes = [vote(client, workshop, statement, value=4).status_code for _ in range(5)]
    assert codes == [200, 200, 200, 429, 429]
    response = vote(client, workshop, statement, value=1)
    assert "Wacht even" in response.content.decode()
    assert Vote.objects.get().value == 4  # the refused change was not stored


def test_a_flood_of_new_ballots_from_one_client_is_slowed_down(workshop, monkeypatch):
    monkeypatch.setattr(ratelimit, "BALLOTS_PER_CLIENT", 2)
    codes = [Client().get(f"/v/{workshop.code}/").status_code for _ in range(3)]
    assert codes == [302, 302, 429]


def test_browsers_without_cookies_are_told_so(client, workshop):
    response = client.get(f"/v/{workshop.code}/?c=1")
    assert response.status_code == 400
    assert "Uw browser weigert cookies" in response.content.decode()


def test_a_workshop_in_preparation_does_not_exist_for_participants(client, preparing):
    StatementFactory(workshop=preparing, text="Nog geheim")
    assert client.get(f"/v/{preparing.code}/").status_code == 404
    assert client.get(f"/v/?code={preparing.code}").status_code == 200


def test_unknown_codes_are_404(client, db):
    assert client.get("/v/ZZZZZZ/").status_code == 404
    assert client.get("/v/x/").status_code == 404


def test_participants_see_only_their_workshops_statements(client, workshop, statement):
    StatementFactory(workshop=WorkshopFactory(), text="Stelling van een andere workshop")
    join(client, workshop)
    html = client.get(f"/v/{workshop.code}/").content.decode()
    assert statement.text in html
    assert "Stelling van een andere workshop" not in html


def test_the_short_address_takes_a_code(client, workshop):
    response = client.get(f"/v/?code={workshop.code.lower()}")
    assert response.status_code == 302
    assert response["Location"] == f"/v/{workshop.code}/"
    response = client.get("/v/?code=AAAAAA")
    assert "Geen open workshop met deze code." in response.content.decode()


def test_participants_pick_a_role_when_asked(client, workshop, statement):
    Workshop.objects.filter(pk=workshop.pk).update(
        ask_role=True, role_options="Communicatie\nBeleid"
    )
    join(client, workshop)
    html = client.get(f"/v/{workshop.code}/").content.decode()
    assert "Wat is uw rol?" in html
    assert statement.text not in html
    response = client.post(f"/v/{workshop.code}/role/", {"role": "Onbekend"})
    assert response.status_code == 302
    assert not Ballot.objects.exists()
    client.post(f"/v/{workshop.code}/role/", {"role": "Beleid"})
    assert Ballot.objects.get().role == "Beleid"
    vote(client, workshop, statement, value=5)
    assert Vote.objects.get().ballot.role == "Beleid"


def test_refusals_are_translated_to_english(client, workshop, statement):
    client.cookies["django_language"] = "en"
    response = vote(client, workshop, statement, value=4)
    assert response.status_code == 403
    assert "Your ballot is not valid." in response.content.decode()


@pytest.mark.parametrize("method", ["put", "delete"])
def test_wrong_methods_are_405(client, workshop, statement, method):
    assert getattr(client, method)(f"/v/{workshop.code}/").status_code == 405
    assert getattr(client, method)(f"/v/{workshop.code}/s/{statement.pk}/").status_code == 405
    assert getattr(client, method)(f"/v/{workshop.code}/role/").status_code == 405
    assert client.post("/v/").status_code == 405
    assert client.get(f"/v/{workshop.code}/s/{statement.pk}/").status_code == 405


def test_guessing_codes_does_not_pay(client, workshop, monkeypatch):
    monkeypatch.setattr(ratelimit, "CODE_MISSES_PER_CLIENT", 3)
    for guess in ("AAAAAA", "BBBBBB", "CCCCCC"):
        assert client.get(f"/v/{guess}/").status_code == 404
    response = client.get("/v/DDDDDD/")
    assert response.status_code == 429
    assert "Te veel onbekende codes" in response.content.decode()
    assert "Te veel onbekende codes" in client.get("/v/?code=EEEEEE").content.decode()


def test_the_voting_page_learns_that_voting_closed(client, workshop, statement):
    join(client, workshop)
    page = client.get(f"/v/{workshop.code}/").content.decode()
    # Every 2 s: the phones also follow the presenter's statement through this poll.
    assert f'hx-get="/v/{workshop.code}/state/" hx-trigger="every 2s"' in page
    state = client.get(f"/v/{workshop.code}/state/", headers=HTMX).content.decode()
    assert "every 2s" in state and "gesloten" not in state
    Workshop.objects.filter(pk=workshop.pk).update(state=Workshop.State.CLOSED)
    state = client.get(f"/v/{workshop.code}/state/", headers=HTMX).content.decode()
    assert "De stemming is gesloten." in state
    assert "hx-trigger" not in state  # the poll stops
    assert "gesloten" in client.get("/v/ZZZZZZ/state/").content.decode()


@pytest.mark.parametrize(
    "url",
    ["/v/%00AAAAA/", "/v/%00AAAAA/state/", "/v/?code=%00AAAAA", "/v/ab%00cd/"],
)
def test_a_code_with_characters_outside_the_alphabet_is_unknown_without_a_query(
    client, workshop, url, django_assert_num_queries
):
    # PostgreSQL refuses a NUL byte in a query (a 500 for anyone); such a code cannot
    # exist, so it must not reach the database at all.
    with django_assert_num_queries(0):
        response = client.get(url)
    assert response.status_code in {200, 404}
    assert workshop.title not in response.content.decode()


def test_a_vote_with_a_nul_in_the_code_is_refused_cleanly(client, workshop, statement):
    join(client, workshop)
    response = client.post(f"/v/%00{workshop.code[1:]}/s/{statement.pk}/", {"value": 4})
    assert response.status_code == 404
    assert not Vote.objects.exists()


def test_a_lower_case_address_leads_to_the_ballot_without_a_new_cookie(client, workshop, statement):
    # The ballot cookie's path is /v/<CODE>/ and paths are case-sensitive: at /v/<code>/ a
    # phone that already voted sent no cookie, got a new ballot, and its cookie replaced the
    # old one (earlier answers orphaned, the person counted twice).
    response = client.get(f"/v/{workshop.code.lower()}/")
    assert response.status_code == 302
    assert response["Location"] == f"/v/{workshop.code}/"
    assert COOKIE_NAME not in response.cookies


def test_a_workshop_takes_no_more_ballots_than_twice_its_expected_group(workshop, statement):
    Workshop.objects.filter(pk=workshop.pk).update(expected_participants=2)  # limit: 12
    for n in range(11):
        Ballot.objects.create(workshop=workshop, token_hash=hash_token(f"earlier-{n}"))
    first, second = join(Client(), workshop), join(Client(), workshop)
    assert vote(first, workshop, statement, value=4).status_code == 200  # the 12th
    response = vote(second, workshop, statement, value=4)
    assert response.status_code == 409
    assert "maximum aantal deelnemers" in response.content.decode()
    assert Ballot.objects.count() == 12 and Vote.objects.count() == 1
    # a newcomer now learns it on opening the page
    assert Client().get(f"/v/{workshop.code}/").status_code == 409


def test_the_role_step_cannot_make_ballots_past_the_cap(workshop, statement):
    # 30 fresh cookie jars posting a role gave 30 ballots on a workshop capped at 11 + 1.
    Workshop.objects.filter(pk=workshop.pk).update(
        expected_participants=1, ask_role=True, role_options="Communicatie\nBeleid"
    )  # limit: 11
    phones = [join(Client(), workshop) for _ in range(30)]
    codes = [
        phone.post(f"/v/{workshop.code}/role/", {"role": "Beleid"}).status_code for phone in phones
    ]
    assert Ballot.objects.count() == 11
    assert codes.count(302) == 11 and codes.count(409) == 19
    late = phones[-1].post(f"/v/{workshop.code}/role/", {"role": "Beleid"})
    assert "maximum aantal deelnemers" in late.content.decode()
    assert vote(phones[-1], workshop, statement, value=4).status_code == 409
    assert vote(phones[0], workshop, statement, value=4).status_code == 200


def test_a_ballot_past_the_cap_is_checked_again_when_it_votes(workshop, statement):
    # A ballot made past the cap (before the cap held everywhere, or after the facilitator
    # lowered the expected size) does not count: an existing ballot was never checked again.
    for n in range(11):
        Ballot.objects.create(workshop=workshop, token_hash=hash_token(f"earlier-{n}"))
    phone = join(Client(), workshop)
    assert vote(phone, workshop, statement, value=4).status_code == 200  # the default cap
    Workshop.objects.filter(pk=workshop.pk).update(expected_participants=1)  # limit: 11
    response = vote(phone, workshop, statement, value=5)
    assert response.status_code == 409
    assert "maximum aantal deelnemers" in response.content.decode()
    assert Vote.objects.get().value == 4


def test_without_an_expected_size_the_default_cap_holds(workshop, statement, settings):
    settings.WORKSHOP_DEFAULT_BALLOT_LIMIT = 3
    assert workshop.expected_participants is None
    phones = [join(Client(), workshop) for _ in range(5)]  # all open the page at once
    codes = [vote(phone, workshop, statement, value=4).status_code for phone in phones]
    assert codes == [200, 200, 200, 409, 409]
    assert Ballot.objects.count() == 3


def test_a_full_workshop_says_so_before_handing_out_a_cookie(client, workshop, settings):
    settings.WORKSHOP_DEFAULT_BALLOT_LIMIT = 1
    Ballot.objects.create(workshop=workshop, token_hash=hash_token("earlier"))
    response = client.get(f"/v/{workshop.code}/")
    assert response.status_code == 409
    assert "maximum aantal deelnemers" in response.content.decode()
    assert COOKIE_NAME not in response.cookies


def test_a_vote_without_a_role_is_refused_when_the_workshop_asks_one(client, workshop, statement):
    Workshop.objects.filter(pk=workshop.pk).update(
        ask_role=True, role_options="Communicatie\nBeleid"
    )
    join(client, workshop)
    response = vote(client, workshop, statement, value=4)
    assert response.status_code == 409
    assert "Kies eerst uw rol" in response.content.decode()
    assert not Vote.objects.exists() and not Ballot.objects.exists()
    client.post(f"/v/{workshop.code}/role/", {"role": "Beleid"})
    assert vote(client, workshop, statement, value=4).status_code == 200


def test_wrong_codes_never_block_a_valid_code_or_a_voter(workshop, statement, monkeypatch):
    monkeypatch.setattr(ratelimit, "CODE_MISSES_PER_CLIENT", 3)
    voter = join(Client(), workshop)
    vote(voter, workshop, statement, value=4)
    guesser = Client()
    codes = [guesser.get(f"/v/{guess * 6}/").status_code for guess in "ABCDEFG"]
    assert codes == [404, 404, 404, 429, 429, 429, 429]
    assert "Te veel onbekende codes" in guesser.get("/v/?code=HHHHHH").content.decode()
    # the same address: a newcomer with the right code, and the voter
    assert guesser.get(f"/v/?code={workshop.code}").status_code == 302
    newcomer = join(Client(), workshop)
    assert vote(newcomer, workshop, statement, value=2).status_code == 200
    assert vote(voter, workshop, statement, value=5).status_code == 200
    state = voter.get(f"/v/{workshop.code}/state/", headers=HTMX).content.decode()
    assert "gesloten" not in state


def test_wrong_codes_are_counted_per_client_behind_the_proxy(workshop, settings, monkeypatch):
    monkeypatch.setattr(ratelimit, "CODE_MISSES_PER_CLIENT", 2)
    settings.BEHIND_TLS_PROXY = True
    guesser = Client(headers={"X-Forwarded-For": "203.0.113.9, 10.0.0.7"})
    codes = [guesser.get("/v/ZZZZZZ/").status_code for _ in range(3)]
    assert codes == [404, 404, 429]
    # another phone behind the same proxy (one REMOTE_ADDR) is another client
    neighbour = Client(headers={"X-Forwarded-For": "10.0.0.8"})
    assert neighbour.get("/v/ZZZZZZ/").status_code == 404
    # a spoofed first hop does not make a new client: only the proxy's last hop counts
    spoofed = Client(headers={"X-Forwarded-For": "198.51.100.1, 10.0.0.7"})
    assert spoofed.get("/v/ZZZZZZ/").status_code == 429


def test_without_the_proxy_setting_the_forwarded_header_is_ignored(workshop, monkeypatch):
    monkeypatch.setattr(ratelimit, "CODE_MISSES_PER_CLIENT", 2)
    codes = [
        Client(headers={"X-Forwarded-For": f"10.0.0.{n}"}).get("/v/ZZZZZZ/").status_code
        for n in range(3)
    ]
    assert codes == [404, 404, 429]


def test_a_missing_csrf_token_gets_a_dutch_page_that_says_to_reload(workshop, statement):
    phone = join(Client(enforce_csrf_checks=True), workshop)
    phone.cookies.pop("csrftoken", None)
    response = phone.post(
        f"/v/{workshop.code}/s/{statement.pk}/",
        {"value": 4},
        headers={"Referer": f"http://testserver/v/{workshop.code}/"},
    )
    assert response.status_code == 403
    html = response.content.decode()
    assert "CSRF-verificatie" not in html and "CSRF verification" not in html
    assert "Herlaad de pagina" in html
    assert f'href="http://testserver/v/{workshop.code}/"' in html  # back to reload
    assert 'lang="nl"' in html
    assert not Vote.objects.exists()


def test_the_csrf_page_is_english_when_english_is_chosen(workshop, statement):
    phone = join(Client(enforce_csrf_checks=True), workshop)
    phone.cookies["django_language"] = "en"
    response = phone.post(f"/v/{workshop.code}/s/{statement.pk}/", {"value": 4})
    assert response.status_code == 403
    assert "Reload the page" in response.content.decode()


def test_the_csrf_page_does_not_link_to_another_site(workshop, statement):
    phone = join(Client(enforce_csrf_checks=True), workshop)
    response = phone.post(
        f"/v/{workshop.code}/s/{statement.pk}/",
        {"value": 4},
        headers={"Referer": "https://evil.example/phish"},
    )
    assert "evil.example" not in response.content.decode()


@pytest.mark.django_db(transaction=True)
def test_phones_arriving_together_cannot_pass_the_cap(settings):
    # Every ballot is made under a lock on the workshop row: without it, phones that all
    # counted 10 ballots at once each made the 11th. SQLite writes one at a time anyway.
    from django.db import connection, connections

    if connection.vendor != "postgresql":
        pytest.skip("row locks are PostgreSQL's")
    settings.WORKSHOP_DEFAULT_BALLOT_LIMIT = 11
    workshop = WorkshopFactory()
    StatementFactory(workshop=workshop)
    barrier = threading.Barrier(24)
    outcomes = []

    def phone(number: int) -> None:
        barrier.wait()
        try:
            services.take_ballot(workshop, f"phone-{number}")
            outcomes.append("ballot")
        except services.VoteRefused as refused:
            outcomes.append(refused.reason)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=phone, args=(n,)) for n in range(24)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert Ballot.objects.filter(workshop=workshop).count() == 11
    assert sorted(outcomes) == ["ballot"] * 11 + ["full"] * 13


def test_one_tap_keeps_the_comment_saved_on_its_own(client, workshop, statement):
    join(client, workshop)
    vote(client, workshop, statement, value=4)
    response = client.post(
        f"/v/{workshop.code}/s/{statement.pk}/comment/", {"comment": " Goed punt "}, headers=HTMX
    )
    assert "Opmerking bewaard" in response.content.decode()
    vote(client, workshop, statement, value=2)  # a changed answer keeps the comment
    assert (Vote.objects.get().value, Vote.objects.get().comment) == (2, "Goed punt")


def test_a_comment_needs_an_answer_first(client, workshop, statement):
    join(client, workshop)
    response = client.post(
        f"/v/{workshop.code}/s/{statement.pk}/comment/", {"comment": "Eerst dit"}, headers=HTMX
    )
    assert response.status_code == 409
    assert "Kies eerst een antwoord" in response.content.decode()
    assert not Vote.objects.exists() and not Ballot.objects.exists()


def test_a_comment_follows_the_ballot_rules(client, workshop, statement):
    response = client.post(f"/v/{workshop.code}/s/{statement.pk}/comment/", {"comment": "x"})
    assert response.status_code == 403  # no ballot cookie
    join(client, workshop)
    vote(client, workshop, statement, value=4)
    Workshop.objects.filter(pk=workshop.pk).update(state=Workshop.State.CLOSED)
    response = client.post(f"/v/{workshop.code}/s/{statement.pk}/comment/", {"comment": "x"})
    assert response.status_code == 409
    assert Vote.objects.get().comment == ""


def test_a_retried_tap_is_stored_once(client, workshop, statement):
    join(client, workshop)
    for _attempt in range(3):  # the phone sends again when it did not hear back
        assert vote(client, workshop, statement, value=5).status_code == 200
    assert list(Vote.objects.values_list("value", flat=True)) == [5]


def test_a_nul_in_a_comment_is_dropped_not_called_too_long(client, workshop, statement):
    """A NUL (pasted, never typed) was refused as "opmerking te lang"; it is dropped now."""
    join(client, workshop)
    response = vote(client, workshop, statement, value=4, comment="Goed\x00 punt\x07")
    assert response.status_code == 200
    assert "te lang" not in response.content.decode()
    assert Vote.objects.get().comment == "Goed punt"
    response = client.post(
        f"/v/{workshop.code}/s/{statement.pk}/comment/", {"comment": "Nog\x00 iets"}, headers=HTMX
    )
    assert "Opmerking bewaard" in response.content.decode()
    assert Vote.objects.get().comment == "Nog iets"
    # A thousand characters of text with NULs among them is not too long either.
    vote(client, workshop, statement, value=4, comment="x" * 1000 + "\x00" * 5)
    assert Vote.objects.get().comment == "x" * 1000
