"""Names and pictograms of the content categories, in the visitor's language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

PICTOGRAMS = {
    "atelier": "🛠️",
    "codesign": "💡",
    "culture-numerique": "💻",
    "table-ronde": "🗣️",
    "fablab": "🧩",
    "exposition": "🖼️",
    "visite": "🚶",
    "musee": "🏛️",
    "parc": "🌳",
    "piscine": "🏊",
    "bibliotheque": "📚",
    "cinema": "🎬",
    "sport": "⚽",
    "famille": "👨‍👩‍👧",
    "spectacle": "🎭",
    "patrimoine": "🏰",
    "tiers-lieu": "🤝",
}
DEFAULT_PICTOGRAM = "📅"


def pictogram(category: str) -> str:
    return PICTOGRAMS.get(category, DEFAULT_PICTOGRAM)


def category_label(category: str) -> str:
    """The category's name now, in the installed translation (unknown ids are shown tidied)."""
    labels = {
        "atelier": QCoreApplication.translate("Category", "Atelier"),
        "codesign": QCoreApplication.translate("Category", "Codesign"),
        "culture-numerique": QCoreApplication.translate("Category", "Culture numérique"),
        "table-ronde": QCoreApplication.translate("Category", "Table ronde"),
        "fablab": QCoreApplication.translate("Category", "Fablab"),
        "exposition": QCoreApplication.translate("Category", "Exposition"),
        "visite": QCoreApplication.translate("Category", "Visite"),
        "musee": QCoreApplication.translate("Category", "Musées"),
        "parc": QCoreApplication.translate("Category", "Parcs et jardins"),
        "piscine": QCoreApplication.translate("Category", "Piscines"),
        "bibliotheque": QCoreApplication.translate("Category", "Médiathèques"),
        "cinema": QCoreApplication.translate("Category", "Cinémas"),
        "sport": QCoreApplication.translate("Category", "Sport"),
        "famille": QCoreApplication.translate("Category", "En famille"),
        "spectacle": QCoreApplication.translate("Category", "Spectacles"),
        "patrimoine": QCoreApplication.translate("Category", "Patrimoine"),
        "tiers-lieu": QCoreApplication.translate("Category", "Tiers-lieux"),
    }
    return labels.get(category, category.replace("-", " ").capitalize())
