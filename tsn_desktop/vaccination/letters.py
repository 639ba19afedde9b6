"""PDFs of the Vaccinations page (reportlab, French): a recall letter per patient with the
address, and the due list as printed. Built in memory: nothing is written to a temp file."""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING

from dateutil.relativedelta import relativedelta
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import (
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from tsn_desktop.vaccination.due_list import DueRow, patients_of

if TYPE_CHECKING:
    from tsn_desktop.core.session import Practitioner

_PROFESSIONS = {"general_practitioner": "Médecin généraliste", "pharmacist": "Pharmacien",
                "nurse": "Infirmier·ère", "midwife": "Sage-femme"}
_METHODS = {"phone": "téléphone", "letter": "courrier", "sms": "SMS"}
# The vaccine groups in the words of a letter to a patient.
GROUP_WORDS = {
    "DTP": "diphtérie, tétanos, poliomyélite", "Coqueluche": "coqueluche",
    "Hib": "Haemophilus influenzae b", "HepB": "hépatite B", "Pneumocoque": "pneumocoque",
    "MenB": "méningocoque B", "MenACWY": "méningocoques ACWY", "ROR":
    "rougeole, oreillons, rubéole", "HPV": "papillomavirus (HPV)", "Varicelle": "varicelle",
    "Zona": "zona", "Grippe": "grippe saisonnière", "VRS": "virus respiratoire syncytial",
    "Rotavirus": "rotavirus", "BCG": "tuberculose (BCG)", "Covid-19": "Covid-19"}


def _fr(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _sender(me: Practitioner) -> list[str]:
    lines = [f"{me.given_names} {me.family_name.upper()}",
             _PROFESSIONS.get(me.profession, ""), f"RPPS {me.rpps}"]
    if me.address:
        lines.append(me.address)
    if me.postal_code or me.city:
        lines.append(f"{me.postal_code} {me.city}".strip())
    return [line for line in lines if line]


def recall_letters(rows: Sequence[DueRow], addresses: Mapping[str, tuple],
                   me: Practitioner, today: date) -> bytes:
    """One page per patient: sender, patient's postal address, the vaccines due."""
    styles = getSampleStyleSheet()
    body = ParagraphStyle("body", parent=styles["Normal"], fontSize=11, leading=15)
    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm,
                            topMargin=20 * mm, bottomMargin=20 * mm,
                            title="Rappel de vaccination", author=_sender(me)[0])
    story: list = []
    by_patient: dict[str, list[DueRow]] = {}
    for r in rows:
        by_patient.setdefault(r.patient.id, []).append(r)
    for n, pid in enumerate(patients_of(rows)):
        if n:
            story.append(PageBreak())
        sex, birth_name, used_name, given, address, postal_code, city = addresses.get(
            pid, ("U", "", "", "", "", "", ""))
        family = (used_name or birth_name).upper()
        birth = by_patient[pid][0].patient.birth_date
        minor = relativedelta(today, birth).years < 18
        story += [Paragraph("<br/>".join(_esc(x) for x in _sender(me)), body),
                  Spacer(1, 12 * mm)]
        name = f"{given} {family}".strip()
        # A child's letter goes to its parents (the legal guardians consent for it).
        recipient = [f"Aux parents de {name}" if minor else name, address,
                     f"{postal_code} {city}".strip()]
        address_table = Table([[Paragraph("<br/>".join(_esc(x) for x in recipient if x),
                                          body)]], colWidths=[80 * mm], hAlign="RIGHT")
        story += [address_table, Spacer(1, 10 * mm),
                  Paragraph(f"{_esc(me.city) + ', le ' if me.city else 'Le '}{_fr(today)}",
                            body), Spacer(1, 8 * mm),
                  Paragraph("<b>Objet : rappel de vaccination</b>", body), Spacer(1, 5 * mm)]
        civility = ("Madame, Monsieur" if minor else
                    {"F": "Madame", "M": "Monsieur"}.get(sex, "Madame, Monsieur"))
        story.append(Paragraph(f"{civility},", body))
        story.append(Spacer(1, 3 * mm))
        story.append(Paragraph(
            f"D'après le carnet de vaccination de {_esc(given)} {_esc(family)} tenu au "
            "cabinet, les vaccinations suivantes sont à faire selon le calendrier des "
            "vaccinations en vigueur :", body))
        story.append(Spacer(1, 3 * mm))
        for r in by_patient[pid]:
            words = GROUP_WORDS.get(r.item.group, r.item.group)
            since = (f" (recommandée depuis le {_fr(r.item.recommended)})"
                     if r.item.recommended and r.item.recommended <= today else
                     f" (à partir du {_fr(r.item.recommended)})" if r.item.recommended
                     else "")
            story.append(Paragraph(f"• {_esc(words)}{since}", body))
        story.append(Spacer(1, 4 * mm))
        story.append(Paragraph(
            "Nous vous invitons à prendre rendez-vous au cabinet, en apportant le carnet "
            "de santé ou de vaccination. Si ces vaccinations ont déjà été faites ailleurs, "
            "merci de nous le signaler afin de mettre le dossier à jour.", body))
        story.append(Spacer(1, 4 * mm))
        story.append(Paragraph(f"Veuillez agréer, {civility}, l'expression de nos "
                               "salutations distinguées.", body))
        story.append(Spacer(1, 10 * mm))
        story.append(Paragraph(_esc(_sender(me)[0]), body))
    doc.build(story)
    return out.getvalue()


def due_list_pdf(rows: Sequence[DueRow], me: Practitioner, today: date, title: str,
                 state_words: Mapping[str, str]) -> bytes:
    """The list as shown (its order and filters), one line per patient and vaccine."""
    styles = getSampleStyleSheet()
    small = ParagraphStyle("small", parent=styles["Normal"], fontSize=8, leading=10)
    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=landscape(A4), leftMargin=12 * mm,
                            rightMargin=12 * mm, topMargin=12 * mm, bottomMargin=12 * mm,
                            title="Vaccinations à faire", author=_sender(me)[0])
    header = ["Patient", "Né(e) le", "Vaccin", "Dose", "État", "Recommandée le",
              "Retard (j)", "Obligatoire", "Médecin traitant", "Dernier rappel"]
    data: list[list] = [header]
    for r in rows:
        recall = ""
        if r.recall is not None:
            recall = f"{_METHODS.get(r.recall.method, '')} {_fr(r.recall.recalled_on)}"
            if r.recall.retry_on:
                recall += f", relancer le {_fr(r.recall.retry_on)}"
        data.append([Paragraph(_esc(r.patient.name), small), _fr(r.patient.birth_date),
                     r.item.group, r.item.dose_number or "", state_words.get(r.state, r.state),
                     _fr(r.item.recommended) if r.item.recommended else "",
                     max(r.days_late, 0) or "", "oui" if r.compulsory else "",
                     Paragraph(_esc(r.patient.treating_gp), small),
                     Paragraph(_esc(recall), small)])
    table = Table(data, repeatRows=1, colWidths=[55 * mm, 22 * mm, 24 * mm, 11 * mm,
                                                 22 * mm, 26 * mm, 17 * mm, 18 * mm,
                                                 35 * mm, 40 * mm])
    table.setStyle(TableStyle([
        ("FONTSIZE", (0, 0), (-1, -1), 8),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e0e0e0")),
        ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    story = [Paragraph(f"<b>Vaccinations à faire</b> — {_esc(title)} — {_fr(today)}",
                       styles["Heading2"]),
             Paragraph(f"{_esc(_sender(me)[0])} · {len(patients_of(rows))} patient(s), "
                       f"{len(rows)} vaccination(s)", styles["Normal"]),
             Spacer(1, 4 * mm), table]
    doc.build(story)
    return out.getvalue()
