from io import StringIO

from django.core.management import call_command

from policies.models import Extraction, Level, Passage, PolicyDocument


def test_demo_library_is_loaded_once_with_real_files(db):
    call_command("load_demo", "--password", "x", stdout=StringIO())
    documents = PolicyDocument.objects.all()
    assert documents.count() == 25
    assert set(documents.values_list("level", flat=True)) == set(Level.values)
    assert not documents.exclude(extraction=Extraction.TEXT).exists()  # text read from each file
    assert {d.file.name.rsplit(".", 1)[1] for d in documents} == {"pdf", "docx"}
    for document in documents:
        assert 2 <= document.passages.count() <= 5
        assert document.themes.exists()
        assert "Fictief" in document.extracted_text
    passages = Passage.objects.count()
    call_command("load_demo", "--password", "x", stdout=StringIO())
    assert PolicyDocument.objects.count() == 25
    assert Passage.objects.count() == passages
