"""Reusable test helpers (a programmable HTTP server on 127.0.0.1, ...)."""
