"""Connected-device readings: import, charts and clinical alerts (issue 12)."""
