"""Documents uploaded before pages were stored get them from their extracted text."""

from django.db import migrations

from policies.pages import split_pages


def fill_pages(apps, schema_editor):
    document_model = apps.get_model("policies", "PolicyDocument")
    page_model = apps.get_model("policies", "DocumentPage")
    documents = document_model.objects.filter(pages__isnull=True).exclude(extracted_text="")
    for document in documents.only("pk", "extracted_text", "page_count").iterator():
        texts = split_pages(document.extracted_text, paged=document.page_count is not None)
        if not "".join(texts).strip():
            continue
        page_model.objects.bulk_create(
            page_model(document_id=document.pk, number=number, text=text)
            for number, text in enumerate(texts, start=1)
        )


class Migration(migrations.Migration):
    dependencies = [("policies", "0003_document_pages")]

    operations = [migrations.RunPython(fill_pages, migrations.RunPython.noop)]
