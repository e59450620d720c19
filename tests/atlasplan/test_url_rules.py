"""Every URL's rule in one table: what each kind of visitor gets from a GET of every pattern.

The test walks the whole URLconf (namespaces included) and opens every pattern, filled in
with real objects of the demo case, as each of: an anonymous visitor, a reader (lezer), a
member of the Atlas team, an Atlas-team member who interviewed the interview in the URL, a
consultant, the administrator, a workshop participant holding a ballot (the phone's cookie
from ``/v/<code>/``) and an invitee holding a validation answer link. A pattern missing from
the table fails the suite, and so does any answer that differs from it.

Answers: ``200``; ``L`` a redirect to the login page; ``R`` a redirect elsewhere (a page that
moved on, e.g. the admin's own login for a signed-in administrator); ``403`` visible but not
allowed; ``404`` hidden; ``405`` GET is not the method. The credentials in the URL itself (a
validation link's token) are real only for the answer-link column: everyone else holds a
token that opens nothing.
"""

import datetime
import os
import re

import pytest
from django.contrib.auth.models import User
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from atlasplan.models import Theme
from atlasplan.roles import Role
from tests.factories import UserFactory

PASSWORD = "url-rules-demo-password"
pytestmark = pytest.mark.django_db

COLUMNS = ("anon", "reader", "atlas", "interviewer", "consultant", "admin", "ballot", "answer")

# --- The table ------------------------------------------------------------------------------
# One row per URL pattern (its name, or its route when it has none); the answers in the order
# of COLUMNS: anonymous, reader, Atlas team, Atlas-team interviewer of that interview,
# consultant, administrator, workshop ballot, validation answer link.
# fmt: off
RULES: dict[str, str] = {
    # The shared core
    'dashboard':                                                  "L 200 200 200 200 200 L L",
    'healthz':                                                    "200 200 200 200 200 200 200 200",
    'theme_list':                                                 "L 200 200 200 200 403 L L",
    'theme_create':                                               "L 403 403 403 200 403 L L",
    'theme_update':                                               "L 403 403 403 200 403 L L",
    'theme_merge':                                                "L 403 403 403 200 403 L L",
    'theme_delete':                                               "L 403 403 403 200 403 L L",
    'theme_history':                                              "L 200 200 200 200 403 L L",
    'theme_css':                                                  "L 200 200 200 200 403 L L",
    # policies
    'policies:document_list':                                     "L 200 200 200 200 403 L L",
    'policies:policy_map':                                        "L 200 200 200 200 403 L L",
    'policies:document_create':                                   "L 403 200 200 200 403 L L",
    'policies:document_upload':                                   "L 403 200 200 200 403 L L",
    'policies:document_export':                                   "L 200 200 200 200 403 L L",
    'policies:document_detail':                                   "L 200 200 200 200 403 L L",
    'policies:document_update':                                   "L 403 403 403 200 403 L L",
    'policies:document_delete':                                   "L 403 403 403 200 403 L L",
    'policies:document_file':                                     "L 200 200 200 200 403 L L",
    'policies:document_history':                                  "L 200 200 200 200 403 L L",
    'policies:passage_create':                                    "L 403 200 200 200 403 L L",
    'policies:passage_update':                                    "L 403 403 403 200 403 L L",
    'policies:passage_delete':                                    "L 403 403 403 200 403 L L",
    'policies:passage_tag':                                       "L 405 405 405 405 405 L L",
    # stakeholders
    'stakeholders:organisation_list':                             "L 403 200 200 200 403 L L",
    'stakeholders:organisation_create':                           "L 403 403 403 200 403 L L",
    'stakeholders:organisation_similar':                          "L 403 403 403 200 403 L L",
    'stakeholders:organisation_grid':                             "L 403 200 200 200 403 L L",
    'stakeholders:organisation_detail':                           "L 403 200 200 200 403 L L",
    'stakeholders:organisation_update':                           "L 403 403 403 200 403 L L",
    'stakeholders:organisation_delete':                           "L 403 403 403 200 403 L L",
    'stakeholders:organisation_history':                          "L 403 200 200 200 403 L L",
    'stakeholders:assessment_create':                             "L 403 403 403 200 403 L L",
    'stakeholders:contact_create':                                "L 403 403 403 200 403 L L",
    'stakeholders:interaction_create':                            "L 403 403 403 200 403 L L",
    'stakeholders:contact_list':                                  "L 403 200 200 200 403 L L",
    'stakeholders:contact_update':                                "L 403 403 403 200 403 L L",
    'stakeholders:contact_delete':                                "L 403 403 403 200 403 L L",
    'stakeholders:contact_history':                               "L 403 200 200 200 403 L L",
    'stakeholders:contact_export':                                "L 403 403 403 200 403 L L",
    'stakeholders:contact_forget':                                "L 403 403 403 200 403 L L",
    'stakeholders:interaction_list':                              "L 403 200 200 200 403 L L",
    'stakeholders:interaction_update':                            "L 403 403 403 200 403 L L",
    'stakeholders:interaction_done':                              "L 405 405 405 405 405 L L",
    'stakeholders:interaction_delete':                            "L 403 403 403 200 403 L L",
    'stakeholders:interaction_history':                           "L 403 200 200 200 403 L L",
    'stakeholders:shortlist_detail':                              "L 403 200 200 200 403 L L",
    'stakeholders:shortlist_update':                              "L 403 403 403 200 403 L L",
    'stakeholders:shortlist_entry_create':                        "L 403 403 403 200 403 L L",
    'stakeholders:shortlist_entry_update':                        "L 403 403 403 200 403 L L",
    'stakeholders:shortlist_entry_move':                          "L 405 405 405 405 405 L L",
    'stakeholders:shortlist_entry_decide':                        "L 403 200 200 403 403 L L",
    'stakeholders:shortlist_entry_delete':                        "L 403 403 403 200 403 L L",
    'stakeholders:shortlist_entry_history':                       "L 403 200 200 200 403 L L",
    'stakeholders:organisation_export':                           "L 403 200 200 200 403 L L",
    'stakeholders:organisation_import':                           "L 403 403 403 200 403 L L",
    'stakeholders:organisation_import_preview':                   "L 403 403 403 R 403 L L",
    'stakeholders:organisation_import_confirm':                   "L 405 405 405 405 405 L L",
    'stakeholders:organisation_import_cancel':                    "L 405 405 405 405 405 L L",
    # interviews
    'interviews:interview_list':                                  "L R 200 200 200 403 L L",
    'interviews:interview_create':                                "L 403 403 403 200 403 L L",
    'interviews:interview_detail':                                "L 403 200 200 200 403 L L",
    'interviews:interview_update':                                "L 403 403 403 200 403 L L",
    'interviews:interview_delete':                                "L 403 403 403 200 403 L L",
    'interviews:interview_history':                               "L 403 200 200 200 403 L L",
    'interviews:consent_edit':                                    "L 403 403 403 200 403 L L",
    'interviews:consent_file':                                    "L 404 404 200 200 404 L L",
    'interviews:consent_history':                                 "L 403 200 200 200 403 L L",
    'interviews:transcript_detail':                               "L 404 404 200 200 404 L L",
    'interviews:transcript_edit':                                 "L 404 404 403 200 404 L L",
    'interviews:transcript_history':                              "L 404 404 200 200 404 L L",
    'interviews:notes_edit':                                      "L 404 404 403 200 404 L L",
    'interviews:note_save':                                       "L 405 405 405 405 405 L L",
    'interviews:note_detail':                                     "L 404 404 200 200 404 L L",
    'interviews:excerpt_create':                                  "L 405 405 405 405 405 L L",
    'interviews:excerpt_update':                                  "L 404 404 403 200 404 L L",
    'interviews:excerpt_delete':                                  "L 404 404 403 200 404 L L",
    'interviews:excerpt_history':                                 "L 404 404 200 200 404 L L",
    'interviews:guide_list':                                      "L 403 200 200 200 403 L L",
    'interviews:guide_create':                                    "L 403 403 403 200 403 L L",
    'interviews:guide_detail':                                    "L 403 200 200 200 403 L L",
    'interviews:guide_update':                                    "L 403 403 403 200 403 L L",
    'interviews:guide_delete':                                    "L 403 403 403 200 403 L L",
    'interviews:guide_copy':                                      "L 405 405 405 405 405 L L",
    'interviews:guide_history':                                   "L 403 200 200 200 403 L L",
    'interviews:quote_bank':                                      "L 200 200 200 200 403 L L",
    'interviews:quote_export':                                    "L 200 200 200 200 403 L L",
    'interviews:position_map':                                    "L 200 200 200 200 403 L L",
    'interviews:organisation_positions':                          "L 403 200 200 200 403 L L",
    'interviews:position_cell':                                   "L 404 200 200 200 403 L L",
    'interviews:summary_history':                                 "L 403 200 200 200 403 L L",
    'interviews:codebook_report':                                 "L 200 200 200 200 403 L L",
    'interviews:project_export':                                  "L 403 403 403 200 403 L L",
    'interviews:search':                                          "L 200 200 200 200 403 L L",
    # workshops
    'workshops:workshop_list':                                    "L 403 200 200 200 403 L L",
    'workshops:workshop_create':                                  "L 403 403 403 200 403 L L",
    'workshops:workshop_detail':                                  "L 403 200 200 200 403 L L",
    'workshops:workshop_update':                                  "L 403 403 403 200 403 L L",
    'workshops:workshop_delete':                                  "L 403 403 403 200 403 L L",
    'workshops:workshop_history':                                 "L 403 200 200 200 403 L L",
    'workshops:workshop_state':                                   "L 405 405 405 405 405 L L",
    'workshops:workshop_qr':                                      "L 403 200 200 200 403 L L",
    'workshops:workshop_present':                                 "L 403 403 403 200 403 L L",
    'workshops:workshop_live':                                    "L 403 403 403 200 403 L L",
    'workshops:workshop_control':                                 "L 403 403 403 200 403 L L",
    'workshops:workshop_navigate':                                "L 405 405 405 405 405 L L",
    'workshops:workshop_reveal':                                  "L 405 405 405 405 405 L L",
    'workshops:workshop_results':                                 "L 403 200 200 200 403 L L",
    'workshops:workshop_export':                                  "L 403 200 200 200 403 L L",
    'workshops:statement_create':                                 "L 403 403 403 200 403 L L",
    'workshops:statement_paste':                                  "L 403 403 403 200 403 L L",
    'workshops:statement_update':                                 "L 403 403 403 200 403 L L",
    'workshops:statement_delete':                                 "L 403 403 403 200 403 L L",
    'workshops:statement_outcome':                                "L 403 403 403 200 403 L L",
    'workshops:statement_counts':                                 "L 403 403 403 200 403 L L",
    'workshops:statement_history':                                "L 403 200 200 200 403 L L",
    # plan
    'plan:vision_list':                                           "L 200 200 200 200 403 L L",
    'plan:vision_create':                                         "L 403 200 200 200 403 L L",
    'plan:vision_compare':                                        "L 200 200 200 200 403 L L",
    'plan:vision_detail':                                         "L 404 200 200 200 403 L L",
    'plan:vision_update':                                         "L 404 R R R 403 L L",
    'plan:vision_new_version':                                    "L 405 405 405 405 405 L L",
    'plan:vision_state':                                          "L 405 405 405 405 405 L L",
    'plan:vision_evidence':                                       "L 404 200 200 200 403 L L",
    'plan:vision_history':                                        "L 404 200 200 200 403 L L",
    'plan:vision_rationale':                                      "L 404 200 200 200 403 L L",
    'plan:ambition_create':                                       "L 404 R R R 403 L L",
    'plan:ambition_update':                                       "L 404 R R R 403 L L",
    'plan:ambition_delete':                                       "L 404 R R R 403 L L",
    'plan:validation_list':                                       "L 403 200 200 200 403 L L",
    'plan:validation_create':                                     "L 403 200 200 200 403 L L",
    'plan:validation_detail':                                     "L 403 200 200 200 403 L L",
    'plan:validation_update':                                     "L 403 200 200 200 403 L L",
    'plan:validation_state':                                      "L 405 405 405 405 405 L L",
    'plan:validation_history':                                    "L 403 200 200 200 403 L L",
    'plan:invitee_add':                                           "L 405 405 405 405 405 L L",
    'plan:invitee_update':                                        "L 403 200 200 200 403 L L",
    'plan:invitee_delete':                                        "L 403 R R R 403 L L",
    'plan:response_update':                                       "L 403 200 200 200 403 L L",
    'plan:response_create':                                       "L 403 R R R 403 L L",
    'plan:response_withdraw':                                     "L 405 405 405 405 405 L L",
    'plan:response_history':                                      "L 403 200 200 200 403 L L",
    'plan:answer_links':                                          "L 403 200 200 200 403 L L",
    'plan:answer_link_revoke':                                    "L 405 405 405 405 405 L L",
    'plan:answer':                                                "404 404 404 404 404 404 404 200",
    'plan:answer_thanks':                                         "404 404 404 404 404 404 404 200",
    'plan:target_list':                                           "L 200 200 200 200 403 L L",
    'plan:target_create':                                         "L 403 200 200 200 403 L L",
    'plan:target_detail':                                         "L 200 200 200 200 403 L L",
    'plan:target_update':                                         "L 403 200 200 200 403 L L",
    'plan:target_delete':                                         "L 403 200 200 200 403 L L",
    'plan:target_history':                                        "L 200 200 200 200 403 L L",
    'plan:objective_create':                                      "L 403 200 200 200 403 L L",
    'plan:objective_update':                                      "L 403 200 200 200 403 L L",
    'plan:objective_delete':                                      "L 403 200 200 200 403 L L",
    'plan:objective_history':                                     "L 200 200 200 200 403 L L",
    'plan:step_list':                                             "L 200 200 200 200 403 L L",
    'plan:step_create':                                           "L 403 200 200 200 403 L L",
    'plan:step_detail':                                           "L 200 200 200 200 403 L L",
    'plan:step_update':                                           "L 403 200 200 200 403 L L",
    'plan:step_delete':                                           "L 403 200 200 200 403 L L",
    'plan:step_history':                                          "L 200 200 200 200 403 L L",
    'plan:measurement_create':                                    "L 403 200 200 200 403 L L",
    'plan:measurement_update':                                    "L 403 200 200 200 403 L L",
    'plan:measurement_delete':                                    "L 403 200 200 200 403 L L",
    'plan:plan_text_list':                                        "L 200 200 200 200 403 L L",
    'plan:plan_text_update':                                      "L 403 200 200 200 403 L L",
    'plan:plan_text_history':                                     "L 200 200 200 200 403 L L",
    'plan:validation_results':                                    "L 404 200 200 200 403 L L",
    'plan:validation_surprises':                                  "L 403 200 200 200 403 L L",
    'plan:validation_objections':                                 "L 403 200 200 200 403 L L",
    'plan:objection_decide':                                      "L 403 200 200 200 403 L L",
    'plan:objection_history':                                     "L 403 200 200 200 403 L L",
    'plan:validation_export':                                     "L 403 200 200 200 403 L L",
    'plan:course_check':                                          "L 200 200 200 200 403 L L",
    'plan:partner_matrix':                                        "L 200 200 200 200 403 L L",
    'plan:timeline':                                              "L 200 200 200 200 403 L L",
    'plan:follow_up':                                             "L 200 200 200 200 403 L L",
    'plan:api_objective_list':                                    "L 200 200 200 200 403 L L",
    'plan:api_objective_detail':                                  "L 200 200 200 200 403 L L",
    'plan:api_step_list':                                         "L 200 200 200 200 403 L L",
    'plan:pdf':                                                   "L R R R R 403 L L",
    'plan:pdf_export':                                            "L 200 200 200 200 403 L L",
    'plan:pdf_download':                                          "L 200 200 200 200 403 L L",
    # The phone's voting pages: public by the workshop's code, the ballot is a cookie.
    'vote:ballot_start':                                          "200 200 200 200 200 200 200 200",
    'vote:ballot_detail':                                         "200 200 200 200 200 200 200 200",
    'vote:ballot_role':                                           "405 405 405 405 405 405 405 405",
    'vote:ballot_state':                                          "200 200 200 200 200 200 200 200",
    'vote:vote_create':                                           "405 405 405 405 405 405 405 405",
    'vote:comment_create':                                        "405 405 405 405 405 405 405 405",
    # The language switch works before login too.
    'set_language':                                               "R R R R R R R R",
    # Accounts (django-allauth): public login and reset; the rest needs a session.
    'account_login':                                              "200 R R R R R 200 200",
    'account_logout':                                             "L 200 200 200 200 200 L L",
    'account_inactive':                                           "200 200 200 200 200 200 200 200",
    'account_signup':                                             "200 R R R R R 200 200",
    'account_reauthenticate':                                     "L 200 200 200 200 200 L L",
    'account_request_reauthentication_code':                      "L R R R R R L L",
    'account_confirm_reauthentication_code':                      "L R R R R R L L",
    'account_email':                                              "L 200 200 200 200 200 L L",
    'account_email_verification_sent':                            "200 200 200 200 200 200 200 200",
    'account_change_password':                                    "L 200 200 200 200 200 L L",
    'account_set_password':                                       "L R R R R R L L",
    'account_reset_password':                                     "200 200 200 200 200 200 200 200",
    'account_confirm_login_code':                                 "L R R R R R L L",
    'account_confirm_email':                                      "200 200 200 200 200 200 200 200",
    'account_reset_password_from_key_done':                       "200 200 200 200 200 200 200 200",
    'account_reset_password_from_key':                            "200 200 200 200 200 200 200 200",
    'account_reset_password_done':                                "200 200 200 200 200 200 200 200",
    # The Django admin: user and role management for the administrator only; research models
    # are closed to the administrator (and open to a consultant only if also staff).
    'admin:index':                                                "L 403 403 403 403 200 L L",
    'admin:login':                                                "L 403 403 403 403 R L L",
    'admin:logout':                                               "L R R R R 405 L L",
    'admin:password_change':                                      "L 403 403 403 403 200 L L",
    'admin:password_change_done':                                 "L 403 403 403 403 200 L L",
    'admin:autocomplete':                                         "L 403 403 403 403 403 L L",
    'admin:jsi18n':                                               "L 403 403 403 403 200 L L",
    'admin:view_on_site':                                         "L 403 403 403 403 R L L",
    'admin:auth_group_changelist':                                "L 403 403 403 403 200 L L",
    'admin:auth_group_add':                                       "L 403 403 403 403 200 L L",
    'admin:auth_group_history':                                   "L 403 403 403 403 200 L L",
    'admin:auth_group_delete':                                    "L 403 403 403 403 200 L L",
    'admin:auth_group_change':                                    "L 403 403 403 403 200 L L",
    'admin/auth/group/<path:object_id>/':                         "L 403 403 403 403 R L L",
    'admin:account_emailaddress_changelist':                      "L 403 403 403 403 200 L L",
    'admin:account_emailaddress_add':                             "L 403 403 403 403 200 L L",
    'admin:account_emailaddress_history':                         "L 403 403 403 403 200 L L",
    'admin:account_emailaddress_delete':                          "L 403 403 403 403 200 L L",
    'admin:account_emailaddress_change':                          "L 403 403 403 403 200 L L",
    'admin/account/emailaddress/<path:object_id>/':               "L 403 403 403 403 R L L",
    'admin:atlasplan_theme_simple_history':                       "L 403 403 403 403 403 L L",
    'admin:atlasplan_theme_changelist':                           "L 403 403 403 403 403 L L",
    'admin:atlasplan_theme_add':                                  "L 403 403 403 403 403 L L",
    'admin:atlasplan_theme_history':                              "L 403 403 403 403 403 L L",
    'admin:atlasplan_theme_delete':                               "L 403 403 403 403 403 L L",
    'admin:atlasplan_theme_change':                               "L 403 403 403 403 403 L L",
    'admin/atlasplan/theme/<path:object_id>/':                    "L 403 403 403 403 R L L",
    'admin:auth_user_password_change':                            "L 403 403 403 403 200 L L",
    'admin:auth_user_changelist':                                 "L 403 403 403 403 200 L L",
    'admin:auth_user_add':                                        "L 403 403 403 403 200 L L",
    'admin:auth_user_history':                                    "L 403 403 403 403 200 L L",
    'admin:auth_user_delete':                                     "L 403 403 403 403 200 L L",
    'admin:auth_user_change':                                     "L 403 403 403 403 200 L L",
    'admin/auth/user/<path:object_id>/':                          "L 403 403 403 403 R L L",
    'admin:atlasplan_auditevent_changelist':                      "L 403 403 403 403 200 L L",
    'admin:atlasplan_auditevent_add':                             "L 403 403 403 403 403 L L",
    'admin:atlasplan_auditevent_history':                         "L 403 403 403 403 200 L L",
    'admin:atlasplan_auditevent_delete':                          "L 403 403 403 403 403 L L",
    'admin:atlasplan_auditevent_change':                          "L 403 403 403 403 200 L L",
    'admin/atlasplan/auditevent/<path:object_id>/':               "L 403 403 403 403 R L L",
    'admin:atlasplan_rolechange_changelist':                      "L 403 403 403 403 200 L L",
    'admin:atlasplan_rolechange_add':                             "L 403 403 403 403 403 L L",
    'admin:atlasplan_rolechange_history':                         "L 403 403 403 403 200 L L",
    'admin:atlasplan_rolechange_delete':                          "L 403 403 403 403 403 L L",
    'admin:atlasplan_rolechange_change':                          "L 403 403 403 403 200 L L",
    'admin/atlasplan/rolechange/<path:object_id>/':               "L 403 403 403 403 R L L",
    'admin:policies_policydocument_simple_history':               "L 403 403 403 403 403 L L",
    'admin:policies_policydocument_changelist':                   "L 403 403 403 403 403 L L",
    'admin:policies_policydocument_add':                          "L 403 403 403 403 403 L L",
    'admin:policies_policydocument_history':                      "L 403 403 403 403 403 L L",
    'admin:policies_policydocument_delete':                       "L 403 403 403 403 403 L L",
    'admin:policies_policydocument_change':                       "L 403 403 403 403 403 L L",
    'admin/policies/policydocument/<path:object_id>/':            "L 403 403 403 403 R L L",
    'admin:stakeholders_organisation_simple_history':             "L 403 403 403 403 403 L L",
    'admin:stakeholders_organisation_changelist':                 "L 403 403 403 403 403 L L",
    'admin:stakeholders_organisation_add':                        "L 403 403 403 403 403 L L",
    'admin:stakeholders_organisation_history':                    "L 403 403 403 403 403 L L",
    'admin:stakeholders_organisation_delete':                     "L 403 403 403 403 403 L L",
    'admin:stakeholders_organisation_change':                     "L 403 403 403 403 403 L L",
    'admin/stakeholders/organisation/<path:object_id>/':          "L 403 403 403 403 R L L",
    'admin:stakeholders_contact_simple_history':                  "L 403 403 403 403 403 L L",
    'admin:stakeholders_contact_changelist':                      "L 403 403 403 403 403 L L",
    'admin:stakeholders_contact_add':                             "L 403 403 403 403 403 L L",
    'admin:stakeholders_contact_history':                         "L 403 403 403 403 403 L L",
    'admin:stakeholders_contact_delete':                          "L 403 403 403 403 403 L L",
    'admin:stakeholders_contact_change':                          "L 403 403 403 403 403 L L",
    'admin/stakeholders/contact/<path:object_id>/':               "L 403 403 403 403 R L L",
    'admin:stakeholders_assessment_simple_history':               "L 403 403 403 403 403 L L",
    'admin:stakeholders_assessment_changelist':                   "L 403 403 403 403 403 L L",
    'admin:stakeholders_assessment_add':                          "L 403 403 403 403 403 L L",
    'admin:stakeholders_assessment_history':                      "L 403 403 403 403 403 L L",
    'admin:stakeholders_assessment_delete':                       "L 403 403 403 403 403 L L",
    'admin:stakeholders_assessment_change':                       "L 403 403 403 403 403 L L",
    'admin/stakeholders/assessment/<path:object_id>/':            "L 403 403 403 403 R L L",
    'admin:stakeholders_interaction_simple_history':              "L 403 403 403 403 403 L L",
    'admin:stakeholders_interaction_changelist':                  "L 403 403 403 403 403 L L",
    'admin:stakeholders_interaction_add':                         "L 403 403 403 403 403 L L",
    'admin:stakeholders_interaction_history':                     "L 403 403 403 403 403 L L",
    'admin:stakeholders_interaction_delete':                      "L 403 403 403 403 403 L L",
    'admin:stakeholders_interaction_change':                      "L 403 403 403 403 403 L L",
    'admin/stakeholders/interaction/<path:object_id>/':           "L 403 403 403 403 R L L",
    'admin:stakeholders_shortlist_simple_history':                "L 403 403 403 403 403 L L",
    'admin:stakeholders_shortlist_changelist':                    "L 403 403 403 403 403 L L",
    'admin:stakeholders_shortlist_add':                           "L 403 403 403 403 403 L L",
    'admin:stakeholders_shortlist_history':                       "L 403 403 403 403 403 L L",
    'admin:stakeholders_shortlist_delete':                        "L 403 403 403 403 403 L L",
    'admin:stakeholders_shortlist_change':                        "L 403 403 403 403 403 L L",
    'admin/stakeholders/shortlist/<path:object_id>/':             "L 403 403 403 403 R L L",
    'admin:stakeholders_shortlistentry_simple_history':           "L 403 403 403 403 403 L L",
    'admin:stakeholders_shortlistentry_changelist':               "L 403 403 403 403 403 L L",
    'admin:stakeholders_shortlistentry_add':                      "L 403 403 403 403 403 L L",
    'admin:stakeholders_shortlistentry_history':                  "L 403 403 403 403 403 L L",
    'admin:stakeholders_shortlistentry_delete':                   "L 403 403 403 403 403 L L",
    'admin:stakeholders_shortlistentry_change':                   "L 403 403 403 403 403 L L",
    'admin/stakeholders/shortlistentry/<path:object_id>/':        "L 403 403 403 403 R L L",
    'admin:interviews_interviewguide_simple_history':             "L 403 403 403 403 403 L L",
    'admin:interviews_interviewguide_changelist':                 "L 403 403 403 403 403 L L",
    'admin:interviews_interviewguide_add':                        "L 403 403 403 403 403 L L",
    'admin:interviews_interviewguide_history':                    "L 403 403 403 403 403 L L",
    'admin:interviews_interviewguide_delete':                     "L 403 403 403 403 403 L L",
    'admin:interviews_interviewguide_change':                     "L 403 403 403 403 403 L L",
    'admin/interviews/interviewguide/<path:object_id>/':          "L 403 403 403 403 R L L",
    'admin:workshops_workshop_simple_history':                    "L 403 403 403 403 403 L L",
    'admin:workshops_workshop_changelist':                        "L 403 403 403 403 403 L L",
    'admin:workshops_workshop_add':                               "L 403 403 403 403 403 L L",
    'admin:workshops_workshop_history':                           "L 403 403 403 403 403 L L",
    'admin:workshops_workshop_delete':                            "L 403 403 403 403 403 L L",
    'admin:workshops_workshop_change':                            "L 403 403 403 403 403 L L",
    'admin/workshops/workshop/<path:object_id>/':                 "L 403 403 403 403 R L L",
    'admin:workshops_statement_simple_history':                   "L 403 403 403 403 403 L L",
    'admin:workshops_statement_changelist':                       "L 403 403 403 403 403 L L",
    'admin:workshops_statement_add':                              "L 403 403 403 403 403 L L",
    'admin:workshops_statement_history':                          "L 403 403 403 403 403 L L",
    'admin:workshops_statement_delete':                           "L 403 403 403 403 403 L L",
    'admin:workshops_statement_change':                           "L 403 403 403 403 403 L L",
    'admin/workshops/statement/<path:object_id>/':                "L 403 403 403 403 R L L",
    'admin:workshops_ballot_changelist':                          "L 403 403 403 403 403 L L",
    'admin:workshops_ballot_add':                                 "L 403 403 403 403 403 L L",
    'admin:workshops_ballot_history':                             "L 403 403 403 403 403 L L",
    'admin:workshops_ballot_delete':                              "L 403 403 403 403 403 L L",
    'admin:workshops_ballot_change':                              "L 403 403 403 403 403 L L",
    'admin/workshops/ballot/<path:object_id>/':                   "L 403 403 403 403 R L L",
    'admin:workshops_vote_changelist':                            "L 403 403 403 403 403 L L",
    'admin:workshops_vote_add':                                   "L 403 403 403 403 403 L L",
    'admin:workshops_vote_history':                               "L 403 403 403 403 403 L L",
    'admin:workshops_vote_delete':                                "L 403 403 403 403 403 L L",
    'admin:workshops_vote_change':                                "L 403 403 403 403 403 L L",
    'admin/workshops/vote/<path:object_id>/':                     "L 403 403 403 403 R L L",
    'admin:workshops_manualcount_simple_history':                 "L 403 403 403 403 404 L L",
    'admin:workshops_manualcount_changelist':                     "L 403 403 403 403 403 L L",
    'admin:workshops_manualcount_add':                            "L 403 403 403 403 403 L L",
    'admin:workshops_manualcount_history':                        "L 403 403 403 403 404 L L",
    'admin:workshops_manualcount_delete':                         "L 403 403 403 403 403 L L",
    'admin:workshops_manualcount_change':                         "L 403 403 403 403 403 L L",
    'admin/workshops/manualcount/<path:object_id>/':              "L 403 403 403 403 R L L",
    'admin:django_tasks_database_dbtaskresult_changelist':        "L 403 403 403 403 403 L L",
    'admin:django_tasks_database_dbtaskresult_add':               "L 403 403 403 403 403 L L",
    'admin:django_tasks_database_dbtaskresult_history':           "L 403 403 403 403 403 L L",
    'admin:django_tasks_database_dbtaskresult_delete':            "L 403 403 403 403 403 L L",
    'admin:django_tasks_database_dbtaskresult_change':            "L 403 403 403 403 403 L L",
    'admin/django_tasks_database/dbtaskresult/<path:object_id>/': "L 403 403 403 403 R L L",
    'admin:app_list':                                             "L 403 403 403 403 200 L L",
    'admin/(?P<url>.*)$':                                         "L 403 403 403 403 404 L L",
}
# fmt: on


# --- Walking the URLconf --------------------------------------------------------------------


def all_patterns(resolver: URLResolver, prefix: str = "", namespace: str = ""):
    """(route, name or None, the pattern) for every pattern, recursively."""
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            ns = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from all_patterns(entry, prefix + str(entry.pattern), ns)
        elif isinstance(entry, URLPattern):
            name = f"{namespace}{entry.name}" if entry.name else None
            yield prefix + str(entry.pattern), name, entry


def kwarg_names(entry: URLPattern) -> list[str]:
    pattern = entry.pattern
    converters = getattr(pattern, "converters", None)
    if converters:
        return list(converters)
    return list(pattern.regex.groupindex)


def row_key(route: str, name: str | None) -> str:
    return name or route


# --- Real objects for the URL parameters -----------------------------------------------------


def first(model, **filters):
    obj = model.objects.filter(**filters).order_by("pk").first()
    assert obj is not None, f"the demo holds no {model.__name__} {filters}"
    return obj


class World:
    """The demo's objects behind each route's parameters, and the eight visitors."""

    def __init__(self):
        from interviews.models import Excerpt, Interview, InterviewGuide, NoteAnswer
        from plan.models import (
            Ambition,
            AmbitionFeedback,
            AnswerLink,
            Measurement,
            Objective,
            PlanExport,
            PlanText,
            Step,
            TargetGroup,
            ValidationResponse,
            ValidationRound,
            VisionVersion,
        )
        from plan.services import issue_answer_link
        from policies.models import Passage, PolicyDocument
        from stakeholders.models import Contact, Interaction, Organisation, ShortlistEntry
        from workshops.models import Statement, Workshop

        # One interview with a transcript whose interviewers do not include ``atlas``.
        atlas = User.objects.get(username="atlas")
        self.interview = (
            Interview.objects.filter(transcript__isnull=False)
            .exclude(interviewers=atlas)
            .order_by("pk")
            .first()
        )
        self.interviewer = UserFactory(username="atlas-interviewer", role=Role.ATLAS)
        self.interview.interviewers.add(self.interviewer)
        note = first(NoteAnswer)
        self.note_interview = note.interview
        self.note_interview.interviewers.add(self.interviewer)
        excerpt = first(Excerpt, interview=self.interview)
        consent = self.interview.consent
        consent.form.save("toestemming.pdf", ContentFile(b"%PDF-1.7 consent"), save=True)
        workshop = first(Workshop, statements__isnull=False)
        self.workshop = workshop
        response = first(ValidationResponse)
        invitee = response.invitee
        _link, self.token = issue_answer_link(
            invitee, timezone.localdate() + datetime.timedelta(days=30), None
        )
        self.invitee = invitee
        export = PlanExport.objects.create(
            state=PlanExport.State.READY, filename="plan.pdf", progress=100
        )
        export.file.save("plan.pdf", ContentFile(b"%PDF-1.7 url rules"), save=True)
        document = first(PolicyDocument, passages__isnull=False)
        theme = self.theme = first(Theme)
        objective = first(Objective)
        self.pk_by_prefix = [
            ("themes/", theme.pk),
            ("policies/", document.pk),
            ("stakeholders/contacts/", first(Contact).pk),
            ("stakeholders/interactions/", first(Interaction).pk),
            ("stakeholders/shortlist/", first(ShortlistEntry).pk),
            ("stakeholders/", first(Organisation).pk),
            ("interviews/excerpts/", excerpt.pk),
            ("interviews/guides/", first(InterviewGuide).pk),
            ("interviews/", self.interview.pk),
            ("workshops/statements/", first(Statement, workshop=workshop).pk),
            ("v/", first(Statement, workshop=workshop).pk),
            ("workshops/", workshop.pk),
            ("plan/vision/ambitions/", first(Ambition).pk),
            ("plan/vision/", first(VisionVersion).pk),
            ("plan/validation/invitees/", invitee.pk),
            ("plan/validation/responses/", response.pk),
            ("plan/validation/links/", first(AnswerLink, invitee=invitee).pk),
            ("plan/validation/feedback/", first(AmbitionFeedback, decision__isnull=False).pk),
            ("plan/validation/", first(ValidationRound).pk),
            ("plan/targets/", first(TargetGroup).pk),
            ("plan/objectives/", objective.pk),
            ("plan/measurements/", first(Measurement).pk),
            ("plan/steps/", first(Step).pk),
            ("plan/api/objectives/", objective.pk),
        ]
        self.values = {
            "passage_pk": first(Passage, document=document).pk,
            "note_pk": note.pk,
            "theme_pk": excerpt.themes.order_by("pk").first().pk,
            "row": f"org-{self.interview.organisation_id}",
            "fmt": "xlsx",
            "kind": "organisations",
            "file_format": "xlsx",
            "what": "results",
            "code": workshop.code,
            "key": export.key,
            "app_label": "auth",
            "content_type_id": ContentType.objects.get_for_model(Theme).pk,
            "uidb36": "1",
            "url": "nowhere/",
        }
        self.plan_text_key = first(PlanText).key

    def kwargs(self, route: str, name: str | None, names: list[str]) -> dict:
        values = {}
        for kwarg in names:
            if kwarg == "pk":
                pks = [pk for prefix, pk in self.pk_by_prefix if route.startswith(prefix)]
                assert pks, f"no object for the pk of {route}"
                values["pk"] = pks[0]
            elif kwarg == "key" and route.startswith("plan/texts/"):
                values["key"] = self.plan_text_key
            elif kwarg == "key" and route.startswith("accounts/"):
                values["key"] = "no-such-key"
            elif kwarg in ("object_id", "id"):
                values[kwarg] = self.admin_object_id(route)
            elif kwarg != "token":
                assert kwarg in self.values, f"no value for {kwarg} in {route}"
                values[kwarg] = self.values[kwarg]
        if name == "interviews:note_detail":
            values["pk"] = self.note_interview.pk
        return values

    def admin_object_id(self, route: str):
        """The first object of the model an admin route is about (its id as text)."""
        from django.apps import apps

        _admin, app_label, model_name, *_rest = route.split("/")
        if app_label == "r":  # the admin's "view on site": a theme
            return str(self.theme.pk)
        model = apps.get_model(app_label, model_name)
        obj = model._default_manager.order_by("pk").first()
        return str(obj.pk) if obj is not None else "0"

    def admin_history_id(self, route: str, object_id: str) -> str:
        from django.apps import apps

        _admin, app_label, model_name, *_rest = route.split("/")
        model = apps.get_model(app_label, model_name)
        record = model.history.filter(id=object_id).order_by("history_id").first()
        return str(record.history_id) if record is not None else "0"

    def clients(self) -> dict[str, Client]:
        def signed_in(username: str) -> Client:
            client = Client()
            client.force_login(User.objects.get(username=username))
            return client

        ballot = Client()
        ballot.get(f"/v/{self.workshop.code}/")
        return {
            "anon": Client(),
            "reader": signed_in("lezer"),
            "atlas": signed_in("atlas"),
            "interviewer": signed_in("atlas-interviewer"),
            "consultant": signed_in("consultant"),
            "admin": signed_in("beheerder"),
            "ballot": ballot,
            "answer": Client(),
        }


def answer_of(client: Client, response) -> str:
    """The table's answer for a response; the admin's own login page is one hop that leads
    to the login (anonymous) or refuses (signed in without admin rights), so it is followed."""
    if response.status_code in (301, 302):
        location = response["Location"]
        if location.startswith("/admin/login/"):
            return answer_of(client, client.get(location))
        return "L" if location.startswith("/accounts/login/") else "R"
    return str(response.status_code)


def url_for(world: World, route: str, name: str | None, entry, column: str) -> str:
    names = kwarg_names(entry)
    kwargs = world.kwargs(route, name, names)
    if "token" in names:
        kwargs["token"] = world.token if column == "answer" else "no-such-token"
    if name is not None and name.endswith("_simple_history"):  # one historical record
        object_id = world.admin_object_id(route)
        return reverse(name, args=[object_id, world.admin_history_id(route, object_id)])
    if name is not None:
        return reverse(name, kwargs=kwargs)
    # An unnamed pattern (the admin's redirects and its catch-all): fill the route itself.
    path = re.sub(r"<(?:\w+:)?(\w+)>", lambda m: str(kwargs[m.group(1)]), route)
    path = re.sub(r"\(\?P<(\w+)>[^)]*\)", lambda m: str(kwargs[m.group(1)]), path)
    return "/" + path.replace("^", "").replace("$", "")


@pytest.fixture(scope="module")
def observed(demo, django_db_blocker, demo_media):
    """Every pattern's answer per column, gathered once for the module."""
    from django.test import override_settings

    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=demo_media, PLAN_PDF_BACKGROUND_STEPS=0),
    ):
        world = World()
        clients = world.clients()
        answers = {}
        for route, name, entry in all_patterns(get_resolver()):
            row = []
            for column in COLUMNS:
                url = url_for(world, route, name, entry, column)
                row.append(answer_of(clients[column], clients[column].get(url)))
            answers[row_key(route, name)] = " ".join(row)
    return answers


def test_observed_table_written_on_request(observed):
    """``URL_RULES_WRITE=file`` writes what was observed, in the table's own format, to review
    against DOMAIN.md before changing a row."""
    target = os.environ.get("URL_RULES_WRITE")
    if target:
        width = max(len(key) for key in observed) + 3
        with open(target, "w") as out:
            for key, row in observed.items():
                out.write(f'    {repr(key) + ":":<{width}} "{row}",\n')
    assert len(observed) > 300  # the walk reached every app, allauth and the admin


def test_every_pattern_is_in_the_table(observed):
    missing = [key for key in observed if key not in RULES]
    assert missing == []


def test_no_row_without_a_pattern(observed):
    assert [key for key in RULES if key not in observed] == []


@pytest.mark.parametrize("column", COLUMNS)
def test_every_answer_is_as_the_table_says(observed, column):
    index = COLUMNS.index(column)
    wrong = {
        key: (RULES[key].split()[index], row.split()[index])
        for key, row in observed.items()
        if key in RULES and RULES[key].split()[index] != row.split()[index]
    }
    assert wrong == {}


def test_the_table_uses_only_known_answers():
    allowed = {"200", "L", "R", "403", "404", "405"}
    for key, row in RULES.items():
        answers = row.split()
        assert len(answers) == len(COLUMNS), key
        assert set(answers) <= allowed, key
