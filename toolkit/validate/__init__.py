"""Validation adapters: frictionless, pandera and great-expectations results as Issues."""
