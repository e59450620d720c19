from atlasplan.permissions import add_rule, is_consultant, is_staff_member

add_rule("workshops.view", is_staff_member)
add_rule("workshops.change", is_consultant)
