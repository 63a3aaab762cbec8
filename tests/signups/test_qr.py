"""QR codes read back by a real decoder (OpenCV) equal their link, at every size."""

from __future__ import annotations

import cv2
import numpy as np
import pytest
from PySide6.QtGui import QImage

from kiosk.ui.qr import MIN_SIDE, QUIET_ZONE, QrWidget, module_matrix, render_image

LINKS = [
    "https://www.example.org/",
    "https://exemple.fr/agenda/atelier-reparation-velo?id=1234&utm_source=kiosk-champ-libre",
    "mailto:inscriptions@example.org",
    "tel:+33320000000",
    "https://exemple.fr/%C3%A9v%C3%A9nements/v%C3%A9lo#inscription",
]


def decode(image: QImage) -> str:
    grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
    width, height, stride = grey.width(), grey.height(), grey.bytesPerLine()
    pixels = np.frombuffer(grey.constBits(), dtype=np.uint8, count=stride * height).reshape(height, stride)
    text, points, _ = cv2.QRCodeDetector().detectAndDecode(np.ascontiguousarray(pixels[:, :width]))
    assert points is not None, "no QR code found"
    return str(text)


@pytest.mark.parametrize("link", LINKS)
@pytest.mark.parametrize("side", [240, 297, 512])
def test_a_rendered_code_decodes_to_its_link(qapp: object, link: str, side: int) -> None:
    assert decode(render_image(link, side)) == link


def test_a_blank_image_decodes_to_nothing(qapp: object) -> None:
    image = QImage(300, 300, QImage.Format.Format_RGB32)
    image.fill(0xFFFFFFFF)
    with pytest.raises(AssertionError):
        decode(image)


def test_modules_are_whole_pixels_with_a_quiet_zone(qapp: object) -> None:
    matrix = module_matrix(LINKS[1])
    assert not any(matrix[0]) and not any(row[0] for row in matrix)
    assert not any(any(row[:QUIET_ZONE]) for row in matrix)
    image = render_image(LINKS[1], 331)
    colours = {image.pixelColor(x, y).name() for x in range(image.width()) for y in range(0, image.height(), 7)}
    assert colours == {"#000000", "#ffffff"}  # no grey edge: crisp


def test_the_widget_is_big_enough_and_shows_the_short_link(qapp: object, qtbot: object) -> None:
    widget = QrWidget("https://example.org/atelier", "example.org/atelier", "Scannez pour vous inscrire")
    qtbot.addWidget(widget)  # type: ignore[attr-defined]
    widget.show()
    assert widget.code.width() >= MIN_SIDE
    assert widget.short.text() == "example.org/atelier"
    assert decode(widget.code.grab().toImage()) == "https://example.org/atelier"
