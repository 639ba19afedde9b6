"""What a scan of a vaccine pack's GS1 DataMatrix gives: GTIN, lot, expiry, serial, product.

A keyboard-wedge scanner types the DataMatrix into a text field: the `]d2` symbology
prefix may be there or not, and the GS (FNC1) separator arrives as the real character or,
from some scanners and scripts, as `<GS>`. `biip` reads the element strings.

    python -m tsn_desktop.vaccination.barcode [--today YYYY-MM-DD] TEXT

prints one JSON object and exits 0 when the scan is accepted, 1 when refused.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from datetime import date

from tsn_desktop.vaccination.catalogue import Catalogue, gs1_check_digit, shipped_catalogue

GS = "\x1d"
NOT_GS1 = "not-gs1"
BAD_CHECK_DIGIT = "bad-check-digit"
NO_GTIN = "no-gtin"
EXPIRED = "expired"
_GS_SPELLINGS = ("<GS>", "<gs>", "{GS}", "[GS]", "\\x1d", "\\x1D")


@dataclass(frozen=True)
class Scan:
    gtin: str | None = None
    lot: str | None = None
    expiry: date | None = None
    serial: str | None = None
    product: str | None = None  # catalogue code, None when the GTIN is unknown
    refused: str | None = None  # None, NOT_GS1, BAD_CHECK_DIGIT, NO_GTIN or EXPIRED

    @property
    def accepted(self) -> bool:
        return self.refused is None

    def as_json(self) -> str:
        fields = asdict(self)
        fields["expiry"] = self.expiry.isoformat() if self.expiry else None
        return json.dumps(fields, ensure_ascii=False)


def normalize(text: str) -> str:
    """The scan as GS1 text: spelled-out separators made real, line ends dropped."""
    out = text.strip("\r\n\t ")
    for spelling in _GS_SPELLINGS:
        out = out.replace(spelling, GS)
    return out


def looks_like_gs1(text: str) -> bool:
    """Worth parsing as a scan (the dialog checks typed text with this): a symbology
    prefix, a GS character, or AI 01 followed by 14 digits."""
    text = normalize(text)
    return (text.startswith("]") or GS in text
            or (text.startswith("01") and len(text) >= 16 and text[2:16].isdigit()))


def parse_scan(text: str, today: date, catalogue: Catalogue | None = None,
               learned: Mapping[str, str] | None = None) -> Scan:
    """Reads one scan. `learned` maps GTINs the user assigned to a product before."""
    from biip import parse

    value = normalize(text)
    if not value.startswith("]"):
        value = "]d2" + value  # the wedge dropped the symbology identifier
    result = parse(value)
    message = result.gs1_message
    if message is None:
        return Scan(refused=NOT_GS1)

    def element(ai: str) -> str | None:
        found = message.element_strings.get(ai=ai)
        return found.value if found is not None else None

    gtin = element("01")
    lot, serial = element("10"), element("21")
    expiry_element = message.element_strings.get(ai="17")
    expiry = expiry_element.date if expiry_element is not None else None
    if gtin is None:
        return Scan(lot=lot, expiry=expiry, serial=serial, refused=NO_GTIN)
    if not gtin.isdigit() or gs1_check_digit(gtin[:-1]) != int(gtin[-1]):
        return Scan(gtin=gtin, lot=lot, expiry=expiry, serial=serial, refused=BAD_CHECK_DIGIT)
    catalogue = catalogue or shipped_catalogue()
    known = catalogue.by_gtin(gtin)
    product = known.code if known else (learned or {}).get(gtin)
    refused = EXPIRED if expiry is not None and expiry < today else None
    return Scan(gtin, lot, expiry, serial, product, refused)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tsn_desktop.vaccination.barcode")
    parser.add_argument("--today", type=date.fromisoformat, default=None,
                        help="the date an expiry is checked against (default: today)")
    parser.add_argument("text", help="what the scanner typed; GS may be written <GS>")
    args = parser.parse_args(argv)
    scan = parse_scan(args.text, args.today or date.today())
    print(scan.as_json())
    return 0 if scan.accepted else 1


if __name__ == "__main__":
    sys.exit(main())
