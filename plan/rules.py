from atlasplan.permissions import (
    add_rule,
    has_any_role,
    is_atlas_team,
    is_staff_member,
)

# Readers receive the plan: they read the vision, the anonymised results and the plan.
add_rule("vision.view", has_any_role)
add_rule("vision.change", is_staff_member)
add_rule("validation.view", has_any_role)
add_rule("validation.change", is_staff_member)
add_rule("plan.view", has_any_role)
add_rule("plan.change", is_staff_member)
add_rule("plan.export_pdf", has_any_role)
# Only the Atlas team (the client) adopts a vision version, as with the shortlist approval.
add_rule("vision.adopt", is_atlas_team)
