"""Who may do what in step 4.

- Consultants prepare and run workshops: everything here.
- The Atlas team takes part and reads results. They are the panel, so a workshop in
  preparation stays hidden from them (404) unless they facilitate it; a team member named as
  facilitator may also run it (open, close, present, reveal) and record the outcomes, since
  the facilitator is often someone of the communication team.
- Readers and the administrator do not open step 4.

Each rule accepts no object (may the user open the step at all?) or a workshop.
"""

import rules

from atlasplan.permissions import add_rule, is_atlas_team, is_consultant


@rules.predicate
def workshop_visible_to_team(user, workshop) -> bool:
    if workshop is None:
        return True
    return workshop.state != "preparing" or workshop.facilitator_id == user.pk


@rules.predicate
def facilitates(user, workshop) -> bool:
    return workshop is not None and workshop.facilitator_id == user.pk


add_rule("workshops.view", is_consultant | (is_atlas_team & workshop_visible_to_team))
add_rule("workshops.change", is_consultant)
add_rule("workshops.run", is_consultant | (is_atlas_team & facilitates))
