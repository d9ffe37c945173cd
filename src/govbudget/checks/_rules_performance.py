"""Performance rules (filled in below)."""
