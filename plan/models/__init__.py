from plan.models.validation import (
    OBJECTIONS,
    AmbitionFeedback,
    AnswerLink,
    DecisionOutcome,
    Endorsement,
    Invitee,
    InviteeState,
    ObjectionDecision,
    ValidationResponse,
    ValidationRound,
    Way,
)
from plan.models.vision import Ambition, VisionState, VisionVersion

__all__ = [
    "OBJECTIONS",
    "Ambition",
    "AmbitionFeedback",
    "AnswerLink",
    "DecisionOutcome",
    "Endorsement",
    "Invitee",
    "InviteeState",
    "ObjectionDecision",
    "ValidationResponse",
    "ValidationRound",
    "VisionState",
    "VisionVersion",
    "Way",
]
