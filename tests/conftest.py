"""Shared test configuration: hypothesis profiles and paths."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile("ci", max_examples=200, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("fast", max_examples=25, deadline=None)
settings.register_profile("dev", max_examples=100, deadline=None)
settings.load_profile("fast" if os.environ.get("FAST") else os.environ.get("HYPOTHESIS_PROFILE", "dev"))

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "data" / "jincheng-npc-office-2024.txt"


@pytest.fixture
def sample_path() -> Path:
    """The bundled sample report."""
    return SAMPLE


@pytest.fixture(autouse=True)
def _reset_editions() -> object:
    """Loaded catalogue editions never leak from one test to another."""
    yield
    from govbudget.codes import SCHEMES

    for scheme in SCHEMES.values():
        scheme.reset()
