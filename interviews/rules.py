from atlasplan.permissions import add_rule, is_consultant, is_staff_member

add_rule("interviews.view", is_staff_member)
add_rule("interviews.change", is_consultant)
