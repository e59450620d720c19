from atlasplan.permissions import add_rule, is_atlas_team, is_consultant, is_staff_member

add_rule("stakeholders.view", is_staff_member)
add_rule("stakeholders.change", is_consultant)
# Contact details are personal data: consultants and the Atlas team, never readers.
add_rule("stakeholders.view_contacts", is_staff_member)
add_rule("stakeholders.approve_shortlist", is_atlas_team)
add_rule("stakeholders.import", is_consultant)
add_rule("stakeholders.export", is_staff_member)
# A person's request about their data (stakeholders.erasure): the export holds raw research
# text, which only consultants read; forgetting cannot be undone. DOMAIN.md gives the
# administrator user management, not the research, so neither rule includes that role.
add_rule("stakeholders.export_person", is_consultant)
add_rule("stakeholders.forget_person", is_consultant)
