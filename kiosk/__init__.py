"""The L.I.V.E kiosk of the Champ Libre."""

__version__ = "0.1.0"
