from plan.models.vision import Ambition, VisionState, VisionVersion

__all__ = ["Ambition", "VisionState", "VisionVersion"]
