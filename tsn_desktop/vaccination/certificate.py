"""The "Attestation de vaccination" and the full carnet as PDF (reportlab), in French.

Pure: the caller hands the patient, the practitioner, the doses and the engine's
assessment; this module returns the PDF's bytes and never touches a file or the
database (service.write_certificate writes them where the user chose, and audits it).
The document is French whatever the UI language: it is handed to French schools,
employers and colleagues. The INS appears only when the identity is qualified (RNIV:
only a qualified INS may reference health data).
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas as pdfcanvas
from reportlab.platypus import (
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import Flowable

from tsn_desktop.vaccination.catalogue import Catalogue
from tsn_desktop.vaccination.engine import Assessment
from tsn_desktop.vaccination.model import (
    HISTORICAL,
    NOT_GIVEN,
    PREGNANCY,
    REPORTED,
    TRANSCRIBED,
    Dose,
    Fact,
    Performer,
)
from tsn_desktop.vaccination.schedule import SupportingData

ATTESTATION = "attestation"  # the doses given, certified by the practitioner
CARNET = "carnet"  # every line of the carnet, by vaccine group, refusals and errors included
KINDS = (ATTESTATION, CARNET)

_TITLES = {ATTESTATION: "Attestation de vaccination", CARNET: "Carnet de vaccination"}
_SEX = {"F": "féminin", "M": "masculin"}
_PROFESSION = {"general_practitioner": "médecin généraliste", "physician": "médecin",
               "nurse": "infirmier(ère)", "pharmacist": "pharmacien(ne)",
               "midwife": "sage-femme"}
_PLACE = {"cabinet": "cabinet", "officine": "officine", "vaccination-centre":
          "centre de vaccination", "hospital": "hôpital", "school": "école",
          "home": "domicile", "other": "autre lieu"}
_SITE = {"deltoid-left": "deltoïde gauche", "deltoid-right": "deltoïde droit",
         "thigh-left": "cuisse gauche", "thigh-right": "cuisse droite", "oral": "voie orale",
         "nasal": "voie nasale"}
_REASON = {"refused": "refusée", "contraindicated": "contre-indiquée",
           "immune": "déjà immunisé(e)", "deferred": "reportée"}
_SOURCE = {TRANSCRIBED: "transcrite du carnet papier", REPORTED: "déclarée par le patient"}


@dataclass(frozen=True)
class PatientIdentity:
    """Who the document is about, as the patient file reads on the day it is made."""

    name: str  # NOM (nom d'usage) Prénoms
    birth_date: date
    sex: str = ""
    ins: str = ""  # only when the identity is qualified; "" otherwise


@dataclass(frozen=True)
class Signatory:
    """The practitioner who makes the document."""

    name: str
    profession: str
    rpps: str
    address: str = ""


@dataclass(frozen=True)
class Line:
    """One dose as the document prints it."""

    group: str
    day: date
    vaccine: str
    number: str
    lot: str
    given_by: str
    place: str
    note: str  # not given, in error, transcribed...
    struck: bool = False


def day_text(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def _person(person: Performer) -> str:
    parts = [p for p in (person.name, _PROFESSION.get(person.profession, person.profession))
             if p]
    text = ", ".join(parts)
    if person.rpps:
        text += f" — RPPS {person.rpps}" if text else f"RPPS {person.rpps}"
    return text


def _numbers(assessment: Assessment | None) -> dict[tuple[str, str], int]:
    """(group, dose id) -> the dose's number in its series, per the engine."""
    found: dict[tuple[str, str], int] = {}
    for group, forecast in (assessment.groups.items() if assessment else ()):
        for antigen in forecast.antigens:
            for ev in antigen.evaluations:
                if ev.dose.id and ev.target_dose_number is not None:
                    found.setdefault((group, ev.dose.id), ev.target_dose_number)
    return found


def lines(kind: str, doses: Iterable[Dose], assessment: Assessment | None,
          data: SupportingData, catalogue: Catalogue) -> list[Line]:
    """The document's lines. The attestation: each dose given (not refused, not in error),
    once, by date. The carnet: every dose under each vaccine group it counts for."""
    groups = list(data.vaccine_groups)
    numbers = _numbers(assessment)

    def line(dose: Dose, group: str, mine: list[str]) -> Line:
        vaccine = catalogue.get(dose.product)
        product = f"{vaccine.brand} ({vaccine.covers})" if vaccine else dose.product
        number = numbers.get((group, dose.id)) if group else next(
            (numbers[(g, dose.id)] for g in mine if (g, dose.id) in numbers), None)
        notes = []
        if dose.in_error:
            notes.append(f"saisie erronée ({dose.error_why})" if dose.error_why
                         else "saisie erronée")
        if dose.outcome == NOT_GIVEN:
            notes.append("non faite : " + _REASON.get(dose.reason, dose.reason))
        if dose.source in _SOURCE:
            notes.append(_SOURCE[dose.source])
        elif dose.outcome == HISTORICAL:
            notes.append("antécédent")
        if dose.site:
            notes.append(_SITE.get(dose.site, dose.site))
        place = _PLACE.get(dose.place, dose.place)
        if dose.place_name:
            place = f"{place}, {dose.place_name}" if place else dose.place_name
        given_by = _person(dose.performer)
        if dose.prescriber.name:
            given_by += f", sur prescription de {dose.prescriber.name}" + (
                f" (RPPS {dose.prescriber.rpps})" if dose.prescriber.rpps else "")
        return Line(group=group, day=dose.occurrence, vaccine=product,
                    number=f"{number}" if number else "", lot=dose.lot,
                    given_by=given_by, place=place, note="; ".join(notes),
                    struck=dose.in_error)

    ordered = sorted(doses, key=lambda d: (d.occurrence, d.meta.created_at, d.id))
    result: list[Line] = []
    if kind == ATTESTATION:
        for dose in ordered:
            if dose.counts:
                mine = [g for g in groups if dose.product in data.vaccines_of_group.get(g, ())]
                result.append(line(dose, "", mine))
        return result
    for group in [*groups, ""]:
        for dose in ordered:
            mine = [g for g in groups if dose.product in data.vaccines_of_group.get(g, ())]
            if group in mine or (group == "" and not mine):
                result.append(line(dose, group, mine))
    return result


_FACT_SOURCE = {"examination": "examen ou dossier", "document": "document médical",
                "declared": "déclaré par le patient"}


def fact_lines(facts: Iterable[Fact], data: SupportingData, today: date) -> list[str]:
    """The profile facts holding today, one line each, as the full carnet prints them."""
    result = []
    for fact in facts:
        if not fact.holds_on(today):
            continue
        observation = data.observations.get(fact.code)
        title = observation.title if observation else fact.code
        if fact.code == PREGNANCY:
            days = (today - fact.onset).days
            title += f" — {days // 7} SA + {days % 7} j"
        result.append(f"{title} (depuis le {day_text(fact.onset)} ; "
                      f"{_FACT_SOURCE.get(fact.source, fact.source)})")
    return result


class _NumberedCanvas(pdfcanvas.Canvas):
    """Holds every page until the end so that each can say "page X sur Y"."""

    footer = ""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self.setFont("Helvetica", 8)
            self.setFillColor(colors.HexColor("#444444"))
            self.drawString(18 * mm, 10 * mm, self.footer)
            self.drawRightString(A4[0] - 18 * mm, 10 * mm,
                                 f"page {self._pageNumber} sur {total}")
            super().showPage()
        super().save()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def render(kind: str, patient: PatientIdentity, signatory: Signatory, today: date,
           doses_lines: list[Line], group_titles: dict[str, str] | None = None,
           facts: Iterable[str] = ()) -> bytes:
    """The PDF, A4, as bytes. `facts`: the patient's profile facts, one line each (the
    carnet prints them; they explain the recommendations)."""
    if kind not in KINDS:
        raise ValueError(kind)
    styles = getSampleStyleSheet()
    body = ParagraphStyle("body", parent=styles["BodyText"], fontName="Helvetica",
                          fontSize=9.5, leading=12)
    small = ParagraphStyle("small", parent=body, fontSize=8, leading=9.5)
    struck = ParagraphStyle("struck", parent=small, textColor=colors.HexColor("#777777"))
    title = ParagraphStyle("title", parent=styles["Title"], fontName="Helvetica-Bold",
                           fontSize=16, spaceAfter=4 * mm)
    heading = ParagraphStyle("heading", parent=styles["Heading3"], fontName="Helvetica-Bold",
                             fontSize=11, spaceBefore=3 * mm, spaceAfter=1.5 * mm)
    right = ParagraphStyle("right", parent=body, alignment=TA_RIGHT)

    story: list[Flowable] = [Paragraph(_TITLES[kind], title)]
    who = [f"<b>Patient :</b> {_escape(patient.name)}",
           f"<b>Né(e) le :</b> {day_text(patient.birth_date)}"
           + (f" — <b>sexe :</b> {_SEX[patient.sex]}" if patient.sex in _SEX else "")]
    who.append(f"<b>INS (identité qualifiée) :</b> {_escape(patient.ins)}" if patient.ins
               else "<b>INS :</b> identité non qualifiée, INS non reporté")
    story += [Paragraph(line, body) for line in who]
    story.append(Spacer(1, 3 * mm))
    facts = list(facts)
    if kind == CARNET and facts:
        story.append(Paragraph("Situations prises en compte pour les recommandations", heading))
        story += [Paragraph("• " + _escape(f), small) for f in facts]

    header = ["Date", "Vaccin", "Dose", "Lot", "Vacciné par", "Lieu", "Remarque"]
    widths = [20 * mm, 40 * mm, 12 * mm, 20 * mm, 40 * mm, 24 * mm, 30 * mm]  # 186 mm

    def table(rows: list[Line]) -> Table:
        cells: list[list[Any]] = [[Paragraph(f"<b>{h}</b>", small) for h in header]]
        for r in rows:
            style = struck if r.struck else small
            wrap = (lambda t: f"<strike>{_escape(t)}</strike>") if r.struck else _escape
            cells.append([Paragraph(wrap(day_text(r.day)), style),
                          Paragraph(wrap(r.vaccine), style),
                          Paragraph(wrap(r.number), style), Paragraph(wrap(r.lot), style),
                          Paragraph(wrap(r.given_by), style), Paragraph(wrap(r.place), style),
                          Paragraph(_escape(r.note), style)])
        grid = Table(cells, colWidths=widths, repeatRows=1)
        grid.setStyle(TableStyle([
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef4")),
            ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#9aa5b1")),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3)]))
        return grid

    if kind == ATTESTATION:
        story.append(Paragraph(
            f"Je soussigné(e) {_escape(signatory.name)}, "
            f"{_escape(_PROFESSION.get(signatory.profession, signatory.profession))}, "
            f"RPPS {_escape(signatory.rpps)}, atteste que la personne désignée ci-dessus "
            "a reçu les vaccinations suivantes, telles qu'elles figurent dans son dossier "
            "à ce jour :",
            body))
        story.append(Spacer(1, 2 * mm))
        story.append(table(doses_lines) if doses_lines else Paragraph(
            "Aucune vaccination enregistrée.", body))
    else:
        names = group_titles or {}
        groups = list(dict.fromkeys(r.group for r in doses_lines))
        if not groups:
            story.append(Paragraph("Aucune vaccination enregistrée.", body))
        for group in groups:
            rows = [r for r in doses_lines if r.group == group]
            story.append(Paragraph(_escape(names.get(group, group) or "Autres vaccins"),
                                   heading))
            story.append(table(rows))
    story.append(Spacer(1, 6 * mm))
    signature = [Paragraph(f"Fait le {day_text(today)}", right),
                 Paragraph(f"{_escape(signatory.name)} — "
                           f"{_escape(_PROFESSION.get(signatory.profession, ''))}", right),
                 Paragraph(f"RPPS {_escape(signatory.rpps)}", right)]
    if signatory.address:
        signature.append(Paragraph(_escape(signatory.address), right))
    signature.append(Paragraph("Signature :", right))
    story.append(KeepTogether(signature))

    out = io.BytesIO()
    # invariant: no creation time or random id in the file (the same carnet, the same PDF);
    # no patient name in the metadata (desktop search indexes it).
    doc = SimpleDocTemplate(out, pagesize=A4, leftMargin=12 * mm, rightMargin=12 * mm,
                            topMargin=14 * mm, bottomMargin=18 * mm, title=_TITLES[kind],
                            author=signatory.name, subject="", creator="TSN Desktop",
                            invariant=1)

    class Canvas(_NumberedCanvas):
        footer = f"{_TITLES[kind]} — {patient.name} — né(e) le " \
                 f"{day_text(patient.birth_date)} — établi le {day_text(today)}"

    doc.build(story, canvasmaker=Canvas)
    return out.getvalue()
