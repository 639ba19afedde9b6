"""The printable round sheet (PDF, reportlab): the day's visits in order with times,
addresses, phones, what to do and notes, and a box to tick at each door."""

from __future__ import annotations

from dataclasses import dataclass
from io import BytesIO
from xml.sax.saxutils import escape
from zoneinfo import ZoneInfo

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from tsn_desktop.agenda.service import Round


@dataclass(frozen=True)
class SheetWords:
    """The sheet's wording, in the user's language (given by the UI)."""

    title: str  # "Round of %1"
    start_from: str  # "Leaving from: %1"
    headers: tuple[str, str, str, str, str, str, str, str]  # # time patient address ...
    fixed: str  # "fixed time %1 (±15 min)"
    late: str  # "later than the fixed time"
    travel: str  # "%1 min drive"
    footer: str  # printed at the bottom: "printed at %1; %2 visit(s)"
    day_text: str  # the day, worded


def render(plan: Round, words: SheetWords, practitioner: str, zone: ZoneInfo,
           printed_at: str) -> bytes:
    """The round sheet as PDF bytes (kept in memory: patient data never goes to a
    temporary file; the UI writes it where the user chose)."""
    out = BytesIO()
    doc = SimpleDocTemplate(out, pagesize=landscape(A4), leftMargin=12 * mm,
                            rightMargin=12 * mm, topMargin=12 * mm, bottomMargin=12 * mm,
                            title=words.title.replace("%1", words.day_text),
                            author=practitioner)
    styles = getSampleStyleSheet()
    cell = ParagraphStyle("cell", parent=styles["BodyText"], fontSize=9, leading=11)
    bold = ParagraphStyle("bold", parent=cell, fontName="Helvetica-Bold")
    small = ParagraphStyle("small", parent=cell, fontSize=7.5, leading=9,
                           textColor=colors.HexColor("#555555"))

    def p(text: str, style: ParagraphStyle = cell) -> Paragraph:
        return Paragraph(escape(text).replace("\n", "<br/>"), style)

    story: list = [Paragraph(escape(words.title.replace("%1", words.day_text)),
                             styles["Title"]),
                   p(f"{practitioner} — " + words.start_from.replace("%1", plan.origin or "—")),
                   Spacer(1, 4 * mm)]
    rows: list[list] = [[p(h, bold) for h in words.headers]]
    late_rows: list[int] = []
    for n, v in enumerate(plan.visits, start=1):
        arrive = v.planned.arrive.astimezone(zone).strftime("%H:%M")
        when = [p(arrive, bold)]
        if v.appointment.fixed_time:
            when.append(p(words.fixed.replace(
                "%1", v.appointment.start.astimezone(zone).strftime("%H:%M")), small))
        if v.planned.late:
            when.append(p(words.late, small))
            late_rows.append(n)
        when.append(p(words.travel.replace("%1", str(v.planned.travel)), small))
        address = v.address + (f"\n({v.commune})" if v.commune and v.commune.lower()
                               not in v.address.lower() else "")
        rows.append([p(str(n), bold), when, p(v.patient_name, bold), p(address),
                     p(v.phone), p(v.appointment.todo), p(v.appointment.note), ""])
    widths = [8 * mm, 30 * mm, 40 * mm, 60 * mm, 28 * mm, 50 * mm, 40 * mm, 17 * mm]
    table = Table(rows, colWidths=widths, repeatRows=1)
    style = [("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#888888")),
             ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e6eef7")),
             ("VALIGN", (0, 0), (-1, -1), "TOP")]
    style += [("BACKGROUND", (0, n), (-1, n), colors.HexColor("#fde8e8")) for n in late_rows]
    table.setStyle(TableStyle(style))
    story += [table, Spacer(1, 4 * mm),
              p(words.footer.replace("%1", printed_at).replace("%2", str(len(plan.visits))),
                small)]
    doc.build(story)
    return out.getvalue()
