"""Every XLSX export of the project opens on a sheet with a Dutch name, never the library's
default ("Tablib Dataset")."""

import io

import openpyxl
import pytest

from tests.workshops.factories import StatementFactory, WorkshopFactory

EXPORTS = [
    ("/interviews/quotes/export.xlsx", "Citaten"),
    ("/policies/export.xlsx", "Beleidskaders"),
    ("/stakeholders/export/organisations.xlsx", "Organisaties"),
    ("/stakeholders/export/contacts.xlsx", "Contactpersonen"),
    ("/workshops/{pk}/export/results.xlsx", "resultaten"),
    ("/workshops/{pk}/export/votes.xlsx", "stemmen"),
]


@pytest.mark.parametrize(("url", "sheet"), EXPORTS)
def test_every_xlsx_export_names_its_sheet_in_dutch(consultant_client, url, sheet):
    workshop = WorkshopFactory()
    StatementFactory(workshop=workshop)
    response = consultant_client.get(url.format(pk=workshop.pk))
    assert response.status_code == 200
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == [sheet]
