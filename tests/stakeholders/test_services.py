from django.utils import timezone

from stakeholders.models import Progress
from stakeholders.services import record_progress


def test_a_later_step_records_progress_on_an_approved_entry(consultant_client, entry):
    assert not record_progress(entry.organisation, Progress.INTERVIEW_PLANNED)  # not approved
    entry.decision, entry.decided_at = "approved", timezone.now()
    entry.save()
    assert record_progress(entry.organisation, Progress.INTERVIEW_PLANNED)
    html = consultant_client.get("/stakeholders/shortlist/").content.decode()
    assert '<td data-testid="stands-at">Interview gepland</td>' in html
    assert entry.history.count() == 3  # created, approved, progress: each kept
