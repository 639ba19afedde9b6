"""Vaccination screens and the words they show for the engine's codes."""
