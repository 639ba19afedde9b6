"""Shared infrastructure: no feature knowledge lives here."""
