"""Issue 12: a large plan's PDF is rendered in the background (django.tasks with
django-tasks-db); the reader follows its progress and downloads it when ready."""

from io import StringIO

import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from plan import pdf
from plan.models import ExportState, PlanExport
from tests.conftest import client_for
from tests.plan.factories_plan import ObjectiveFactory, StepFactory, TargetGroupFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def large(settings):
    """A plan over the threshold: two steps where the threshold is two."""
    settings.PLAN_PDF_BACKGROUND_STEPS = 2
    StepFactory(title="Verhalenbank in de bib")
    StepFactory(title="Buurtgesprekken in Deurne")


@pytest.fixture(autouse=True)
def worker_keeps_the_test_connection(monkeypatch):
    """The worker closes old database connections between tasks; on PostgreSQL that would
    close the connection holding this test's transaction."""
    monkeypatch.setattr(
        "django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None
    )


def run_worker() -> None:
    """django-tasks-db's worker, once over every waiting task (as ``make run`` runs it, but
    ending when the queue is empty)."""
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", stdout=StringIO())


def request_pdf(client) -> PlanExport:
    response = client.get("/plan/pdf/")
    assert response.status_code == 302
    export = PlanExport.objects.get()
    assert response["Location"] == f"/plan/pdf/{export.key}/"
    return export


def test_a_small_plan_is_still_rendered_inline(reader_client):
    StepFactory()
    response = reader_client.get("/plan/pdf/")
    assert response["Content-Type"] == "application/pdf"
    assert not PlanExport.objects.exists()
    assert not DBTaskResult.objects.exists()


def test_many_objectives_also_make_a_plan_large(settings, reader_client):
    settings.PLAN_PDF_BACKGROUND_OBJECTIVES = 2
    group = TargetGroupFactory()
    ObjectiveFactory.create_batch(2, target_group=group)
    request_pdf(reader_client)


def test_a_large_plan_is_queued_and_the_page_says_so(large, reader_client):
    export = request_pdf(reader_client)
    assert str(DBTaskResult.objects.get().id) == export.task_id
    assert export.state == ExportState.WAITING
    html = reader_client.get(f"/plan/pdf/{export.key}/").content.decode()
    assert "De PDF staat in de wachtrij." in html
    assert 'hx-trigger="every 2s"' in html  # htmx polls
    assert '<meta http-equiv="refresh" content="3">' in html  # and without JavaScript
    assert "/download/" not in html


def test_the_worker_renders_it_and_the_reader_downloads_it(large, reader_client):
    export = request_pdf(reader_client)
    run_worker()
    export.refresh_from_db()
    assert export.state == ExportState.READY
    assert export.progress == 100
    html = reader_client.get(f"/plan/pdf/{export.key}/").content.decode()
    assert "De PDF is klaar." in html
    assert f'href="/plan/pdf/{export.key}/download/"' in html
    assert 'http-equiv="refresh"' not in html
    assert "every 2s" not in html  # polling stops
    response = reader_client.get(f"/plan/pdf/{export.key}/download/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    data = b"".join(response.streaming_content)
    assert data.startswith(b"%PDF")
    assert "Verhalenbank in de bib" in " ".join(p for p in pdf_text(data))


def pdf_text(data: bytes) -> list[str]:
    import io

    from pypdf import PdfReader

    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def test_the_htmx_poll_gets_only_the_status(large, reader_client):
    export = request_pdf(reader_client)
    response = reader_client.get(f"/plan/pdf/{export.key}/", headers={"HX-Request": "true"})
    html = response.content.decode()
    assert html.lstrip().startswith('<div id="export-status"')
    assert "<html" not in html
    run_worker()
    html = reader_client.get(f"/plan/pdf/{export.key}/", headers={"HX-Request": "true"})
    assert "De PDF is klaar." in html.content.decode()


def test_each_request_gets_its_own_document(large, reader, consultant):
    first = request_pdf(client_for(reader))
    client_for(consultant).get("/plan/pdf/")
    second = PlanExport.objects.exclude(pk=first.pk).get()
    run_worker()
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.key != second.key
    assert first.file.name != second.file.name
    assert str(first.key) in first.file.name


@pytest.mark.parametrize(
    "who, status",
    [("consultant", 200), ("atlas_member", 200), ("reader", 200), ("administrator", 403)],
)
def test_who_may_follow_and_download_it(request, large, reader_client, who, status):
    export = request_pdf(reader_client)
    run_worker()
    client = client_for(request.getfixturevalue(who))
    assert client.get(f"/plan/pdf/{export.key}/").status_code == status
    assert client.get(f"/plan/pdf/{export.key}/download/").status_code == status


def test_anonymous_is_sent_to_log_in(large, reader_client, client):
    export = request_pdf(reader_client)
    run_worker()
    for url in [f"/plan/pdf/{export.key}/", f"/plan/pdf/{export.key}/download/"]:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")


def test_an_unknown_or_unfinished_document_is_not_found(large, reader_client):
    assert reader_client.get("/plan/pdf/0b5e6f4e-8c1d-4f7a-9a51-6e0c1f2d3a4b/").status_code == 404
    export = request_pdf(reader_client)
    assert reader_client.get(f"/plan/pdf/{export.key}/download/").status_code == 404


def test_post_is_not_allowed(large, reader_client):
    export = request_pdf(reader_client)
    assert reader_client.post(f"/plan/pdf/{export.key}/").status_code == 405
    assert reader_client.post(f"/plan/pdf/{export.key}/download/").status_code == 405


def test_a_failed_render_says_so_clearly(large, reader_client, monkeypatch):
    def broken(document: str) -> bytes:
        raise RuntimeError("Pango is stuk")

    monkeypatch.setattr(pdf, "write_pdf", broken)
    export = request_pdf(reader_client)
    run_worker()
    export.refresh_from_db()
    assert export.state == ExportState.FAILED
    html = reader_client.get(f"/plan/pdf/{export.key}/").content.decode()
    assert "Het opmaken van de PDF is mislukt." in html
    assert 'href="/plan/pdf/"' in html  # ask again
    assert "Pango is stuk" not in html  # no technical detail for the reader
    assert reader_client.get(f"/plan/pdf/{export.key}/download/").status_code == 404


def test_a_task_the_worker_gave_up_on_shows_as_failed(large, reader_client):
    export = request_pdf(reader_client)
    DBTaskResult.objects.filter(id=export.task_id).update(status="FAILED")
    html = reader_client.get(f"/plan/pdf/{export.key}/").content.decode()
    assert "Het opmaken van de PDF is mislukt." in html
