"""Hub sync client: push the outbox, pull hub changes, keep conflicts visible."""
