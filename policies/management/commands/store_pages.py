"""Store the pages of policy documents from their extracted text.

New uploads get their pages when they are saved; this command is for documents that came
in another way (a restore, an import): by default those without pages, with --all every one.
"""

from django.core.management.base import BaseCommand

from policies.models import PolicyDocument
from policies.services import store_pages


class Command(BaseCommand):
    help = "Store the pages of policy documents from their extracted text."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--all", action="store_true", help="also documents with pages")

    def handle(self, *args, **options) -> None:
        documents = PolicyDocument.objects.exclude(extracted_text="").order_by("pk")
        if not options["all"]:
            documents = documents.filter(pages__isnull=True)
        done = pages = 0
        for document in documents.iterator():
            pages += store_pages(document)
            done += 1
        self.stdout.write(f"{done} documents, {pages} pages stored.")
