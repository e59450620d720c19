"""Step 6's part of a contact's export (see :mod:`stakeholders.erasure`): the validation
answers they gave or were invited to give. Forgetting needs nothing of its own here: the
links point at the pseudonymised contact and the sweep rewrites names in the texts."""

from django.db.models import Q

from plan.models import AmbitionFeedback, Invitee, ValidationResponse
from stakeholders import erasure
from stakeholders.models import Contact


def export(contact: Contact) -> dict:
    invitations = Invitee.objects.filter(contacts=contact).select_related("round", "organisation")
    responses = ValidationResponse.objects.filter(
        Q(respondent=contact) | Q(invitee__contacts=contact)
    ).distinct()
    return {
        "invitations": [
            erasure.row(invitee) | {"round": invitee.round.title}
            for invitee in invitations.order_by("pk")
        ],
        "responses": [
            erasure.row(response)
            | {
                "history": erasure.history_rows(response),
                "per_ambition": [
                    erasure.row(feedback)
                    for feedback in AmbitionFeedback.objects.filter(response=response).order_by(
                        "pk"
                    )
                ],
            }
            for response in responses.order_by("pk")
        ],
    }


PART = erasure.Part(name="validation", export=export)
