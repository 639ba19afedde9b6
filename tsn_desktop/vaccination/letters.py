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


_SIGNS = {"local-reaction": "réaction au point d'injection", "fever": "fièvre",
          "rash": "éruption cutanée", "urticaria": "urticaire", "anaphylaxis": "anaphylaxie",
          "syncope": "syncope", "seizure": "convulsions",
          "hypotonic-episode": "épisode d'hypotonie-hyporéactivité",
          "persistent-crying": "pleurs persistants", "lymphadenopathy": "adénopathie",
          "arthralgia": "arthralgies", "headache": "céphalées", "myalgia": "myalgies",
          "fatigue": "asthénie", "digestive": "troubles digestifs", "other": "autre"}
_CRITERIA = (("death", "Décès"), ("life-threatening", "Mise en jeu du pronostic vital"),
             ("hospitalisation", "Hospitalisation ou prolongation d'hospitalisation"),
             ("disability", "Incapacité ou invalidité importante ou durable"),
             ("congenital-anomaly", "Anomalie ou malformation congénitale"),
             ("other-medically-important", "Autre situation médicale grave"))
_OUTCOMES = (("recovered", "Guérison sans séquelle"),
             ("recovered-with-sequelae", "Guérison avec séquelles"),
             ("recovering", "En cours de guérison"), ("not-recovered", "Non encore guéri"),
             ("fatal", "Décès"), ("unknown", "Inconnue"))
_SITES_FR = {"deltoid-left": "deltoïde gauche", "deltoid-right": "deltoïde droit",
             "thigh-left": "cuisse gauche", "thigh-right": "cuisse droite", "oral": "bouche",
             "nasal": "nez"}
_ROUTES_FR = {"IM": "intramusculaire", "SC": "sous-cutanée", "ID": "intradermique",
              "PO": "orale", "NASAL": "nasale"}


def declaration_pdf(line: object, patient: tuple, dose: object, me: Practitioner,
                    today: date) -> bytes:
    """The summary a practitioner needs to declare an adverse event following
    immunisation to the regional pharmacovigilance centre, with the fields of the national
    form (Cerfa n° 10011): patient (initials as the form asks, sex, date of birth),
    declarant, vaccine (name, lot, route, site, date), the event (onset, delay,
    description, seriousness criteria, outcome, care)."""
    from tsn_desktop.vaccination.adverse_events import EventLine
    from tsn_desktop.vaccination.model import Dose

    assert isinstance(line, EventLine)
    event = line.event
    sex, birth_name, used_name, given, _address, postal_code, _city, birth = patient
    family = (birth_name or used_name or "").upper()
    initials = f"{family[:3]} {given[:1].upper()}".strip()
    styles = getSampleStyleSheet()
    body = ParagraphStyle("body", parent=styles["Normal"], fontSize=10, leading=13)
    head = ParagraphStyle("head", parent=styles["Heading3"], spaceBefore=6, spaceAfter=2)
    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm,
                            topMargin=15 * mm, bottomMargin=15 * mm,
                            title="Déclaration d'effet indésirable", author=_sender(me)[0])

    def box(checked: bool) -> str:
        return "[X]" if checked else "[&nbsp;&nbsp;]"  # the PDF base fonts have no ballot box

    def table(rows: list[tuple[str, str]]) -> Table:
        t = Table([[Paragraph(f"<b>{_esc(a)}</b>", body), Paragraph(_esc(b), body)]
                   for a, b in rows], colWidths=[55 * mm, 119 * mm])
        t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
                               ("VALIGN", (0, 0), (-1, -1), "TOP")]))
        return t

    given_on = dose.occurrence if isinstance(dose, Dose) else line.dose_date
    route = _ROUTES_FR.get(dose.route, dose.route) if isinstance(dose, Dose) else ""
    site = _SITES_FR.get(dose.site, dose.site) if isinstance(dose, Dose) else ""
    delay = (f"{event.onset_delay_hours} h" if event.onset_delay_hours is not None
             else f"{(event.onset - given_on).days} jour(s) (heure non précisée)")
    story: list = [
        Paragraph("<b>Déclaration d'effet indésirable susceptible d'être dû à un vaccin</b>",
                  styles["Heading2"]),
        Paragraph("Résumé à reporter sur le formulaire national (Cerfa n° 10011) ou sur "
                  "signalement.social-sante.gouv.fr, à adresser au centre régional de "
                  f"pharmacovigilance. Établi le {_fr(today)}.", body),
        Paragraph("Patient", head),
        table([("Initiales (nom, prénom)", initials),
               ("Sexe", {"F": "féminin", "M": "masculin"}.get(sex, "non précisé")),
               ("Date de naissance", _fr(date.fromisoformat(birth)) if birth else ""),
               ("Département de résidence", postal_code[:2] if postal_code else "")]),
        Paragraph("Déclarant", head),
        table([("Nom", f"{me.given_names} {me.family_name.upper()}"),
               ("Profession", _PROFESSIONS.get(me.profession, me.profession)),
               ("RPPS", me.rpps),
               ("Adresse", " ".join(x for x in (me.address, me.postal_code, me.city) if x))]),
        Paragraph("Vaccin suspecté", head),
        table([("Vaccin", line.product), ("Numéro de lot", line.lot or "non renseigné"),
               ("Date de vaccination", _fr(given_on)), ("Voie", route),
               ("Site d'injection", site)]),
        Paragraph("Effet indésirable", head),
        table([("Date de survenue", _fr(event.onset)),
               ("Délai après la vaccination", delay),
               ("Signes", ", ".join(_SIGNS.get(s, s) for s in event.symptoms) or "—"),
               ("Description", event.description or "—"),
               ("Prise en charge, traitement", event.care or "—")]),
        Paragraph("Gravité", head),
        Paragraph("<br/>".join(f"{box(code in event.seriousness)} {_esc(text)}"
                               for code, text in _CRITERIA)
                  + f"<br/>{box(not event.seriousness)} Non grave", body),
        Paragraph("Évolution", head),
        Paragraph("<br/>".join(f"{box(code == event.outcome)} {_esc(text)}"
                               for code, text in _OUTCOMES), body),
    ]
    doc.build(story)
    return out.getvalue()
