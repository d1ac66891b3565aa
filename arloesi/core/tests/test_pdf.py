import pytest

from arloesi.core import pdf


@pytest.mark.django_db
def test_a_template_becomes_a_pdf_without_touching_the_network():
    # The template links a remote style sheet: it is refused, and the PDF is still made.
    content = pdf.render_pdf("core/pdf_test.html", {"title": "Gofal clwyfau – ŵ ŷ"})
    assert content.startswith(b"%PDF")
