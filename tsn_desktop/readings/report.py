"""The readings report as a PDF (reportlab): the patient, the period's statistics, the home
BP protocol result, the charts (images the UI rendered), the alerts and who saw them.

No Qt and no SQL here: the service gathers `ReportData`, the UI renders the charts and
hands over the words (already in the user's language), this module lays out the pages.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from io import BytesIO
from pathlib import Path
from statistics import fmean

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import (
    Image,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from tsn_desktop.readings.alerts import HomeSeries, Thresholds
from tsn_desktop.readings.model import BLOOD_PRESSURE, KINDS, Reading
from tsn_desktop.readings.pathways import StoredAlert, ThresholdChange


@dataclass(frozen=True)
class KindStats:
    """One kind's figures over the period (`mean2`: the diastolic's)."""

    kind: str
    count: int
    mean: float
    low: float
    high: float
    first: Reading
    last: Reading
    mean2: float | None = None


def period_stats(readings: Sequence[Reading], start: datetime, end: datetime
                 ) -> dict[str, KindStats]:
    """Means, extremes, first and last of each kind measured in [start, end)."""
    out: dict[str, KindStats] = {}
    for kind in KINDS:
        chosen = sorted((r for r in readings if r.kind == kind and r.status == "final"
                         and start <= r.at < end), key=lambda r: r.at)
        if not chosen:
            continue
        values = [r.value for r in chosen]
        mean2 = round(fmean(r.value2 or 0.0 for r in chosen), 1) \
            if kind == BLOOD_PRESSURE else None
        out[kind] = KindStats(kind, len(chosen), round(fmean(values), 1), min(values),
                              max(values), chosen[0], chosen[-1], mean2)
    return out


@dataclass(frozen=True)
class ReportData:
    """What the report shows, gathered by service.report_data."""

    patient_name: str
    birth_date: date
    start: datetime
    end: datetime
    pathway: str | None
    thresholds: Thresholds
    overrides: Mapping[str, ThresholdChange]
    stats: Mapping[str, KindStats]
    home: HomeSeries | None
    alerts: Sequence[StoredAlert]
    rules_version: str
    generated_at: datetime
    generated_by: str


@dataclass(frozen=True)
class Words:
    """The report's wording in the user's language (ui/report_view.py fills it)."""

    labels: Mapping[str, str]                    # fixed labels by key (see _LABELS)
    kind: Callable[[str], str]                   # "Poids"
    value: Callable[[Reading], str]              # "82,6 kg"
    number: Callable[[float, int], str]          # 82.6 -> "82,6"
    date: Callable[[date], str]
    datetime: Callable[[datetime], str]
    alert: Callable[[StoredAlert], str]
    severity: Callable[[str], str]
    pathway: Callable[[str | None], str]
    protocol: Callable[[str], str]
    threshold: Callable[[str], str]
    extra: Mapping[str, str] = field(default_factory=dict)


# The labels the layout asks Words for.
LABELS = ("title", "patient", "born", "period", "pathway", "thresholds", "set_by",
          "statistics", "measurement", "readings", "mean", "lowest", "highest",
          "first_last", "home_title", "home_complete", "home_incomplete", "home_above",
          "home_below", "home_none", "charts", "alerts", "no_alerts", "when", "severity",
          "alert", "seen", "not_seen", "generated", "page", "rules")


def _styles() -> dict[str, ParagraphStyle]:
    base = getSampleStyleSheet()
    return {"title": ParagraphStyle("t", parent=base["Title"], fontSize=16, spaceAfter=6),
            "h": ParagraphStyle("h", parent=base["Heading2"], fontSize=12, spaceBefore=10,
                                spaceAfter=4),
            "p": ParagraphStyle("p", parent=base["BodyText"], fontSize=9, leading=11.5),
            "small": ParagraphStyle("s", parent=base["BodyText"], fontSize=7.5,
                                    leading=9, textColor=colors.grey)}


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


_GRID = TableStyle([
    ("FONTSIZE", (0, 0), (-1, -1), 8),
    ("LEADING", (0, 0), (-1, -1), 10),
    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eaeef2")),
    ("GRID", (0, 0), (-1, -1), 0.3, colors.HexColor("#8c959f")),
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
])


def write_pdf(target: Path | BytesIO, data: ReportData, images: Mapping[str, bytes],
              words: Words) -> None:
    """Lays out the report; `images` are PNG charts by kind (in KINDS order)."""
    w, st = words.labels, _styles()
    story: list[object] = [Paragraph(_esc(w["title"]), st["title"])]
    head = [
        [w["patient"], f"{data.patient_name} — {w['born']} {words.date(data.birth_date)}"],
        [w["period"], f"{words.datetime(data.start)} – {words.datetime(data.end)}"],
        [w["pathway"], words.pathway(data.pathway)],
    ]
    table = Table([[Paragraph(_esc(a), st["p"]), Paragraph(_esc(b), st["p"])]
                   for a, b in head], colWidths=[3.5 * cm, 13.5 * cm])
    story.append(table)
    if data.overrides:
        rows = [f"{words.threshold(name)}: {words.number(c.value or 0.0, 1)} "
                f"({w['set_by']} {c.changed_by_name or c.changed_by}, "
                f"{words.datetime(c.changed_at)})"
                for name, c in sorted(data.overrides.items())]
        story += [Paragraph(_esc(w["thresholds"]), st["h"]),
                  *[Paragraph(_esc(r), st["p"]) for r in rows]]

    story.append(Paragraph(_esc(w["statistics"]), st["h"]))
    grid = [[w["measurement"], w["readings"], w["mean"], w["lowest"], w["highest"],
             w["first_last"]]]
    for kind in KINDS:
        s = data.stats.get(kind)
        if s is None:
            continue
        decimals = 1 if kind != "steps" else 0
        mean = words.number(s.mean, decimals) + \
            (f"/{words.number(s.mean2, 1)}" if s.mean2 is not None else "")
        grid.append([words.kind(kind), str(s.count), mean, words.number(s.low, decimals),
                     words.number(s.high, decimals),
                     f"{words.value(s.first)} → {words.value(s.last)}"])
    stats = Table([[Paragraph(_esc(c), st["p"]) for c in row] for row in grid],
                  colWidths=[3 * cm, 1.8 * cm, 2.4 * cm, 2 * cm, 2 * cm, 5.8 * cm])
    stats.setStyle(_GRID)
    story.append(stats)

    story.append(Paragraph(_esc(w["home_title"]) + " — " +
                           _esc(words.protocol(data.thresholds.protocol)), st["h"]))
    story.append(Paragraph(_esc(_home_text(data, words)), st["p"]))

    charts = [kind for kind in KINDS if kind in images]
    if charts:
        story.append(Paragraph(_esc(w["charts"]), st["h"]))
        for kind in charts:
            image = Image(BytesIO(images[kind]), width=17 * cm, height=5.1 * cm,
                          kind="proportional")
            story.append(KeepTogether([Paragraph(_esc(words.kind(kind)), st["p"]), image]))

    story.append(Paragraph(_esc(w["alerts"]), st["h"]))
    if not data.alerts:
        story.append(Paragraph(_esc(w["no_alerts"]), st["p"]))
    else:
        alert_rows = [[w["when"], w["severity"], w["alert"], w["seen"]]]
        for a in data.alerts:
            seen = "; ".join(f"{k.by_name or k.by_id}, {words.datetime(k.at)}"
                             + (f": {k.comment}" if k.comment else "") for k in a.acks)
            alert_rows.append([words.datetime(a.at), words.severity(a.severity),
                               words.alert(a), seen or w["not_seen"]])
        alerts = Table([[Paragraph(_esc(c), st["p"]) for c in row] for row in alert_rows],
                       colWidths=[2.8 * cm, 1.8 * cm, 7 * cm, 5.4 * cm], repeatRows=1)
        alerts.setStyle(_GRID)
        story.append(alerts)
    story += [Spacer(1, 8), Paragraph(_esc(
        f"{w['generated']} {data.generated_by}, {words.datetime(data.generated_at)} · "
        f"{w['rules']} {data.rules_version}"), st["small"])]

    def footer(canvas: object, doc: object) -> None:
        canvas.saveState()  # type: ignore[attr-defined]
        canvas.setFont("Helvetica", 7.5)  # type: ignore[attr-defined]
        canvas.drawRightString(  # type: ignore[attr-defined]
            A4[0] - 2 * cm, 1.2 * cm,
            f"{data.patient_name} · {w['page']} {doc.page}")  # type: ignore[attr-defined]
        canvas.restoreState()  # type: ignore[attr-defined]

    doc = SimpleDocTemplate(target if isinstance(target, BytesIO) else str(target),
                            pagesize=A4, leftMargin=2 * cm, rightMargin=2 * cm,
                            topMargin=1.8 * cm, bottomMargin=2 * cm, title=w["title"],
                            author=data.generated_by, invariant=True)
    doc.build(story, onFirstPage=footer, onLaterPages=footer)


def _home_text(data: ReportData, words: Words) -> str:
    w, h = words.labels, data.home
    if h is None:
        return w["home_none"]
    mean = f"{words.number(h.systolic, 1)}/{words.number(h.diastolic, 1)} mmHg"
    span = f"{words.date(h.first_day)} – {words.date(h.last_day)}"
    if not h.complete:
        return w["home_incomplete"].replace("%1", str(h.count)).replace("%2", span) \
            .replace("%3", mean)
    t = data.thresholds
    above = h.systolic >= t.home_systolic or h.diastolic >= t.home_diastolic
    verdict = (w["home_above"] if above else w["home_below"]).replace(
        "%1", f"{words.number(t.home_systolic, 0)}/{words.number(t.home_diastolic, 0)}")
    return w["home_complete"].replace("%1", str(h.count)).replace("%2", span).replace(
        "%3", mean) + " " + verdict
