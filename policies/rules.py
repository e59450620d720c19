"""Who may do what in the desk-research library (issue: consultants build it, the Atlas
team reads and adds, readers read)."""

import rules

from atlasplan.permissions import add_rule, has_any_role, is_atlas_team, is_consultant


@rules.predicate
def added_by_user(user, obj) -> bool:
    return obj is not None and obj.added_by_id == user.pk


add_rule("policies.view", has_any_role)
add_rule("policies.add", is_consultant | is_atlas_team)
# The Atlas team may correct what it added itself; consultants curate everything.
add_rule("policies.change", is_consultant | (is_atlas_team & added_by_user))
add_rule("policies.delete", is_consultant)
add_rule("policies.export", has_any_role)
