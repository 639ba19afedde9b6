"""Sync widgets: the status-bar summary and its "Sync now" button."""
