"""Dutch first, English available; the English catalogue is complete."""

from pathlib import Path

import polib

CATALOGUE = Path(__file__).resolve().parents[2] / "atlasplan/locale/en/LC_MESSAGES/django.po"


def test_dutch_is_the_default(consultant_client):
    response = consultant_client.get("/")
    assert '<html lang="nl">' in response.content.decode()
    assert "Van onderzoek naar een gedragen plan" in response.content.decode()


def test_switching_to_english_and_back(consultant_client):
    response = consultant_client.post(
        "/i18n/setlang/", {"language": "en", "next": "/themes/"}, follow=True
    )
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert "Codebook" in html
    response = consultant_client.post(
        "/i18n/setlang/", {"language": "nl", "next": "/"}, follow=True
    )
    assert "Van onderzoek naar een gedragen plan" in response.content.decode()


def test_the_login_page_offers_the_switch_before_login(client, db):
    response = client.post(
        "/i18n/setlang/", {"language": "en", "next": "/accounts/login/"}, follow=True
    )
    assert "Sign in to AtlasPlan" in response.content.decode()


def test_every_string_has_an_english_translation():
    catalogue = polib.pofile(str(CATALOGUE))
    missing = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert not missing, f"untranslated: {missing}"
    assert not fuzzy, f"fuzzy: {fuzzy}"


def test_the_compiled_catalogue_matches_the_source():
    source = {e.msgid: e.msgstr for e in polib.pofile(str(CATALOGUE)).translated_entries()}
    compiled = polib.mofile(str(CATALOGUE.with_suffix(".mo")))
    assert {e.msgid: e.msgstr for e in compiled if not e.msgid_plural} == {
        k: v for k, v in source.items() if v
    }
