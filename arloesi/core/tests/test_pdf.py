import base64
import io
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from PIL import Image

from arloesi.core import pdf

pytestmark = pytest.mark.django_db


def test_a_template_becomes_a_pdf_without_touching_the_network():
    # The template links a remote style sheet: it is refused, and the PDF is still made.
    content = pdf.render_pdf("core/pdf_test.html", {"title": "Gofal clwyfau – ŵ ŷ"})
    assert content.startswith(b"%PDF")


def png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 40), (0, 94, 184)).save(buffer, format="PNG")
    return buffer.getvalue()


def has_image(content: bytes) -> bool:
    return b"/Subtype /Image" in content


@pytest.fixture
def web_server():
    """A web server on this machine that remembers every request it gets."""
    requests: list[str] = []
    image = png()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - the standard library's name
            requests.append(self.path)
            self.send_response(200)
            self.send_header(
                "Content-Type", "image/png" if self.path.endswith(".png") else "text/css"
            )
            self.end_headers()
            self.wfile.write(image if self.path.endswith(".png") else b"h1 { color: red }")

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", requests
    server.shutdown()
    server.server_close()


def test_addresses_in_the_content_are_not_fetched_from_the_network(web_server):
    address, requests = web_server
    content = pdf.render_pdf(
        "core/pdf_test.html",
        {
            "title": "Prawf",
            "images": [f"{address}/tracker.png", f"//127.0.0.1:{address.rsplit(':', 1)[1]}/x.png"],
            "stylesheet": f"{address}/style.css",
        },
    )
    assert content.startswith(b"%PDF")
    assert requests == []
    assert not has_image(content)


def test_files_on_the_server_are_not_read_into_a_pdf(tmp_path):
    picture = tmp_path / "secret.png"
    picture.write_bytes(png())
    stylesheet = tmp_path / "secret.css"
    stylesheet.write_text("body { background: url('secret.png') }")
    content = pdf.render_pdf(
        "core/pdf_test.html",
        {"title": "Prawf", "images": [picture.as_uri()], "stylesheet": stylesheet.as_uri()},
    )
    assert not has_image(content)
    # The check would see the image if it were there: an inline (data:) image is drawn.
    inline = "data:image/png;base64," + base64.b64encode(png()).decode()
    assert has_image(pdf.render_pdf("core/pdf_test.html", {"title": "Prawf", "images": [inline]}))
