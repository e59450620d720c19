"""The quote bank as a spreadsheet (interviews/exports.py)."""

import io

import openpyxl

from interviews.models import ConsentScope, Excerpt
from tests.conftest import client_for
from tests.interviews.conftest import make_coded


def test_a_control_character_in_older_data_does_not_break_the_xlsx_export(consultant, theme):
    """Texts are cleaned when they come in, but older rows may still hold a control
    character, which openpyxl refuses: the export leaves it out instead of failing."""
    excerpt = make_coded(ConsentScope.NAMED, theme, "Vzw Oud")
    Excerpt.objects.filter(pk=excerpt.pk).update(text="verhalen\x02 over de stad", memo="memo\x1f")
    response = client_for(consultant).get("/interviews/quotes/export.xlsx")
    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    values = [cell.value for cell in sheet[2]]
    assert "verhalen over de stad" in values
    assert "memo" in values
