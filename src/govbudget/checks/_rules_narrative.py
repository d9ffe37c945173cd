"""Narrative rules (filled in below)."""
