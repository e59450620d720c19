from atlasplan.permissions import add_rule, is_atlas_team, is_consultant, is_staff_member

add_rule("stakeholders.view", is_staff_member)
add_rule("stakeholders.change", is_consultant)
add_rule("stakeholders.approve_shortlist", is_atlas_team)
