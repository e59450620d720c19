"""Who may do what in step 3. The consent rules for quotes live in interviews.privacy.

Readers open the anonymised results (quote bank, position map, codebook report, search of
excerpts); never an interview's page, its contacts, its raw transcript or notes. The Atlas
team reads the interviews and the analysis; raw transcripts and notes only of interviews
they took part in as interviewer. Consultants do everything. The administrator has no
research rights.
"""

import rules

from atlasplan.permissions import add_rule, has_any_role, is_consultant, is_staff_member
from interviews import privacy

is_interviewer = rules.predicate(privacy.is_interviewer, name="is_interviewer")


add_rule("interviews.view", is_staff_member)
add_rule("interviews.change", is_consultant)
add_rule("interviews.view_results", has_any_role)
add_rule("interviews.view_transcript", is_consultant | (is_staff_member & is_interviewer))
add_rule("interviews.code", is_consultant)
add_rule("interviews.export", has_any_role)
add_rule("interviews.export_project", is_consultant)
add_rule("interviews.change_summary", is_consultant)
