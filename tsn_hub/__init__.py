"""TSN reference regional hub: FHIR R4 sync server for TSN Desktop (tests, demos, small regions).

Run it with `python -m tsn_hub serve --db sqlite:///hub.db`; the protocol is
described in docs/sync-protocol.md.
"""

__version__ = "0.1.0"
