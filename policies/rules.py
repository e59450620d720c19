from atlasplan.permissions import add_rule, is_consultant, is_staff_member

add_rule("policies.view", is_staff_member)
add_rule("policies.change", is_consultant)
