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
    t = QCoreApplication.translate
    labels = {
        "atelier": t("Category", "Atelier"),
        "codesign": t("Category", "Codesign"),
        "culture-numerique": t("Category", "Culture numérique"),
        "table-ronde": t("Category", "Table ronde"),
        "fablab": t("Category", "Fablab"),
        "exposition": t("Category", "Exposition"),
        "visite": t("Category", "Visite"),
        "musee": t("Category", "Musées"),
        "parc": t("Category", "Parcs et jardins"),
        "piscine": t("Category", "Piscines"),
        "bibliotheque": t("Category", "Médiathèques"),
        "cinema": t("Category", "Cinémas"),
        "sport": t("Category", "Sport"),
        "famille": t("Category", "En famille"),
        "spectacle": t("Category", "Spectacles"),
        "patrimoine": t("Category", "Patrimoine"),
        "tiers-lieu": t("Category", "Tiers-lieux"),
    }
    return labels.get(category, category.replace("-", " ").capitalize())
