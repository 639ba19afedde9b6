"""Write the fr-2025 data pack (CDSi supporting-data XML) from the rules below.

The XML files in ../fr-2025/ are the shipped artefact; this script is how they
are edited.  Run it, then rehash the manifest:

    python resources/schedules/tools/build_fr_2025.py
    python -m tsn_desktop.vaccination.datapack --rehash resources/schedules/fr-2025

Every series, target dose and skip set carries a <tsn:source> citation; the
elements in the tsn namespace are ignored by the CDSi engine (see ../README.md).
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

TSN = "urn:tsn-desktop:schedule-ext:1"
ET.register_namespace("tsn", TSN)
OUT = Path(__file__).resolve().parents[1] / "fr-2025"

# ------------------------------------------------------------------ sources
# Citation keys used by <tsn:source ref="..."/>.  Section names are those of
# the calendrier; section *numbers* move between editions, so titles are used.
REFERENCES = {
    "CAL2025": (
        "Calendrier des vaccinations et recommandations vaccinales 2025",
        "Ministère chargé de la santé (DGS), sur avis de la HAS",
    ),
    "LOI2017": (
        "Loi n° 2017-1836 du 30 décembre 2017 de financement de la sécurité sociale pour 2018, "
        "art. 49 (onze vaccinations obligatoires des enfants nés à partir du 1er janvier 2018); "
        "Code de la santé publique art. L3111-2",
        "Légifrance",
    ),
    "DEC2018": ("Décret n° 2018-42 du 25 janvier 2018 relatif à la vaccination obligatoire",
                "Légifrance"),
    "DEC2024MEN": (
        "Décret n° 2024-694 du 5 juillet 2024 relatif à l'obligation vaccinale contre les "
        "méningocoques ACWY et B des nourrissons nés à partir du 1er janvier 2025",
        "Légifrance",
    ),
    "HAS2024MEN": (
        "HAS, Stratégie de vaccination contre les méningocoques ACWY et B, recommandation "
        "vaccinale, mars 2024", "HAS"),
    "HCSP2013": (
        "HCSP, avis du 22 février 2013 relatif à la simplification du calendrier vaccinal "
        "(schéma 2+1 du nourrisson, rappels de l'adulte à âges fixes)", "HCSP"),
    "HAS2022ROTA": ("HAS, Recommandation vaccinale contre les infections à rotavirus, juin 2022",
                    "HAS"),
    "HAS2019HPV": (
        "HAS, Élargissement de la vaccination contre les papillomavirus aux garçons, "
        "décembre 2019", "HAS"),
    "RCPGARDASIL9": (
        "Gardasil 9, résumé des caractéristiques du produit (EMA), rubrique 4.2 Posologie : "
        "9-14 ans, 2 doses, 2e dose entre 5 et 13 mois après la 1re ; si elle est administrée "
        "moins de 5 mois après, une 3e dose doit toujours être administrée ; schéma 3 doses "
        "0, 2, 6 mois (2e dose au moins 1 mois après la 1re, 3e au moins 3 mois après la 2e)",
        "EMA / MSD"),
    "HAS2024VRS": (
        "HAS, Stratégie vaccinale de prévention des infections par le VRS chez l'adulte âgé de "
        "60 ans et plus, juin 2024", "HAS"),
    "HAS2024VRSGROS": (
        "HAS, Recommandation vaccinale Abrysvo chez la femme enceinte (32–36 SA), 2024", "HAS"),
    "HAS2024ZONA": (
        "HAS, Recommandation vaccinale contre le zona – place du vaccin Shingrix, 2024", "HAS"),
    "HAS2025PNEUMO": (
        "HAS, Stratégie de vaccination contre les infections à pneumocoque : élargissement aux "
        "adultes de 65 ans et plus (VPC20), 2025 (date exacte à vérifier)", "HAS"),
    "HAS2023PNEUMO": (
        "HAS, Place de Prevenar 20 dans la stratégie vaccinale de l'adulte à risque, juillet 2023",
        "HAS"),
    "HAS2024COVID": ("HAS, Stratégie de vaccination contre le Covid-19, campagne 2024-2025 "
                     "et suivantes", "HAS"),
    "HAS2025COVIDPRINTEMPS": (
        "HAS, avis du 3 mars 2025 : campagne de vaccination de printemps contre le Covid-19 pour "
        "les personnes de 80 ans et plus, les résidents d'EHPAD/USLD et les personnes "
        "immunodéprimées quel que soit leur âge, à partir de 3 mois après la dernière injection "
        "ou infection", "HAS"),
    "HAS2023GRIPPEENF": (
        "HAS, recommandation du 9 février 2023 : vaccination contre la grippe saisonnière "
        "intégrée au calendrier, proposée chaque année aux enfants sans comorbidité âgés de 2 à "
        "17 ans révolus, sans la rendre obligatoire ; vaccin vivant atténué nasal à privilégier",
        "HAS"),
    "HCSP2007BCG": ("HCSP, avis du 9 mars 2007 (suspension de l'obligation BCG, vaccination "
                    "ciblée des enfants à risque élevé)", "HCSP"),
    "DEC2023PRO": (
        "Décrets et arrêtés du 8 août 2023 (compétences vaccinales des pharmaciens, infirmiers "
        "et sages-femmes : prescription et administration des vaccins du calendrier dès 11 ans)",
        "Légifrance"),
    "CSP3111-4": ("Code de la santé publique art. L3111-4 (obligation hépatite B, DTP des "
                  "professionnels de santé exposés)", "Légifrance"),
    "HCSP2014ID": (
        "HCSP, Vaccination des personnes immunodéprimées ou aspléniques – recommandations "
        "actualisées, 2014 (asplénie : pneumocoque, méningocoques ACWY et B, Hib, grippe)",
        "HCSP"),
    "RCPHEPA": ("Havrix, Avaxim : résumés des caractéristiques du produit, posologie (une dose, "
                "rappel 6 à 12 mois plus tard, jusqu'à 36 mois selon le vaccin ; dès 1 an)",
                "EMA / ANSM"),
    "RCPBEXSERO": ("Bexsero, résumé des caractéristiques du produit, 4.2 Posologie : à partir de "
                   "2 ans, 2 doses à au moins 1 mois d'intervalle", "EMA / GSK"),
    "RCPHEXA": ("Hexyon, Infanrix hexa, Vaxelis : résumés des caractéristiques du produit, "
                "4.2 Posologie (au moins 1 mois entre les doses de primovaccination)",
                "EMA"),
    "TSN": ("Choix d'implémentation TSN Desktop (pas de règle explicite dans le calendrier)",
            "TSN Desktop"),
}


def src(parent: ET.Element, ref: str, locator: str, note: str = "") -> None:
    e = ET.SubElement(parent, f"{{{TSN}}}source", ref=ref, locator=locator)
    if note:
        e.text = note


# ---------------------------------------------------------------- products
@dataclass
class Product:
    code: str
    description: str
    antigens: tuple[str, ...]
    kind: str = "vaccine"  # or "monoclonal-antibody"
    live: bool = False
    end_ages: dict[str, str] = field(default_factory=dict)
    min_age: str | None = None  # authorised from this age (RCP), as allowable beginAge


DTCAP_POLIO = ("Diphtheria", "Tetanus", "Pertussis", "Polio")
HEXA = ("Diphtheria", "Tetanus", "Pertussis", "Polio", "Hib", "HepB")
PENTA = ("Diphtheria", "Tetanus", "Pertussis", "Polio", "Hib")
MMR = ("Measles", "Mumps", "Rubella")
RSV_MAB = "RSV monoclonal antibody"

# French products (codes used in histories and barcodes), then the CVX codes of
# the same vaccine types so CVX-coded imports evaluate the same way.
PRODUCTS = [
    Product("FR-HEXYON", "Hexyon (DTCaP-Hib-HepB, hexavalent)", HEXA),
    Product("FR-INFANRIXHEXA", "Infanrix Hexa (DTCaP-Hib-HepB, hexavalent)", HEXA),
    Product("FR-VAXELIS", "Vaxelis (DTCaP-Hib-HepB, hexavalent)", HEXA),
    Product("FR-PENTAVAC", "Pentavac (DTCaP-Hib, pentavalent)", PENTA),
    Product("FR-INFANRIXQUINTA", "Infanrix Quinta (DTCaP-Hib, pentavalent)", PENTA),
    Product("FR-TETRAVAC", "Tetravac-acellulaire (DTCaP, pleine dose)", DTCAP_POLIO),
    Product("FR-INFANRIXTETRA", "Infanrixtetra (DTCaP, pleine dose)", DTCAP_POLIO),
    Product("FR-BOOSTRIXTETRA", "Boostrixtetra (dTcaP, doses réduites)", DTCAP_POLIO),
    Product("FR-REPEVAX", "Repevax (dTcaP, doses réduites)", DTCAP_POLIO),
    Product("FR-REVAXIS", "Revaxis (dTP, doses réduites)", ("Diphtheria", "Tetanus", "Polio")),
    Product("FR-IMOVAXPOLIO", "Imovax Polio (VPI)", ("Polio",)),
    Product("FR-ACTHIB", "Act-HIB (Hib)", ("Hib",)),
    Product("FR-ENGERIXB10", "Engerix B10 (hépatite B, enfant)", ("HepB",)),
    Product("FR-ENGERIXB20", "Engerix B20 (hépatite B, adulte)", ("HepB",)),
    Product("FR-HBVAXPRO5", "HBVaxPro 5 (hépatite B, enfant)", ("HepB",)),
    Product("FR-HBVAXPRO10", "HBVaxPro 10 (hépatite B, adulte)", ("HepB",)),
    Product("FR-PREVENAR13", "Prevenar 13 (VPC13)", ("Pneumococcal",)),
    Product("FR-PREVENAR20", "Prevenar 20 (VPC20)", ("Pneumococcal",)),
    Product("FR-VAXNEUVANCE", "Vaxneuvance (VPC15)", ("Pneumococcal",)),
    Product("FR-PNEUMOVAX", "Pneumovax (VPP23)", ("Pneumococcal",)),
    Product("FR-BEXSERO", "Bexsero (MenB, 4CMenB)", ("Meningococcal B",)),
    Product("FR-TRUMENBA", "Trumenba (MenB-fHbp, à partir de 10 ans)", ("Meningococcal B",),
            min_age="10 years"),
    Product("FR-NIMENRIX", "Nimenrix (MenACWY-TT)", ("Meningococcal",)),
    Product("FR-MENQUADFI", "MenQuadfi (MenACWY-TT)", ("Meningococcal",), min_age="12 months"),
    Product("FR-MENVEO", "Menveo (MenACWY-CRM)", ("Meningococcal",)),
    # MenC alone: kept in the history, no longer forecast (replaced by ACWY in 2025).
    Product("FR-NEISVAC", "Neisvac (MenC conjugué)", ("Meningococcal C",)),
    Product("FR-PRIORIX", "Priorix (ROR)", MMR, live=True),
    Product("FR-MMRVAXPRO", "M-M-RVaxPro (ROR)", MMR, live=True),
    Product("FR-PRIORIXTETRA", "Priorix-Tetra (RORV)", (*MMR, "Varicella"), live=True),
    Product("FR-GARDASIL9", "Gardasil 9 (HPV9)", ("HPV",)),
    Product("FR-GARDASIL", "Gardasil (HPV4, historique)", ("HPV",)),
    Product("FR-CERVARIX", "Cervarix (HPV2, historique)", ("HPV",)),
    Product("FR-VARIVAX", "Varivax (varicelle)", ("Varicella",), live=True),
    Product("FR-VARILRIX", "Varilrix (varicelle)", ("Varicella",), live=True),
    Product("FR-SHINGRIX", "Shingrix (zona, recombinant adjuvé)", ("Zoster",)),
    Product("FR-ZOSTAVAX", "Zostavax (zona, vivant, historique)", ("Zoster",), live=True),
    Product("FR-AREXVY", "Arexvy (VRS, RSVPreF3 adjuvé)", ("RSV",)),
    Product("FR-ABRYSVO", "Abrysvo (VRS, RSVpreF bivalent)", ("RSV",)),
    Product("FR-MRESVIA", "mResvia (VRS, ARNm)", ("RSV",)),
    # Nirsevimab is a monoclonal antibody (passive immunisation), not a vaccine.
    # CDSi 4.64 files it under RSV; here it maps to its own antigen, outside
    # every vaccine group: the record imports and shows, but is never judged
    # against the adult RSV vaccine series (no misleading "Not Valid"), and the
    # French infant strategy (maternal Abrysvo vs nirsevimab, by season of
    # birth) is not forecast.
    Product("FR-BEYFORTUS", "Beyfortus (nirsevimab, anticorps monoclonal anti-VRS)",
            (RSV_MAB,), kind="monoclonal-antibody"),
    Product("FR-EFLUELDA", "Efluelda (grippe, haute dose, ≥ 60 ans)", ("Influenza",),
            min_age="60 years"),
    Product("FR-VAXIGRIPTETRA", "Vaxigrip Tetra (grippe, quadrivalent)", ("Influenza",)),
    Product("FR-VAXIGRIP", "Vaxigrip (grippe, trivalent)", ("Influenza",)),
    Product("FR-INFLUVACTETRA", "Influvac Tetra (grippe, quadrivalent)", ("Influenza",)),
    Product("FR-INFLUVAC", "Influvac (grippe, trivalent)", ("Influenza",)),
    Product("FR-FLUARIXTETRA", "Fluarix Tetra (grippe, quadrivalent)", ("Influenza",)),
    Product("FR-FLUAD", "Fluad (grippe, adjuvanté, ≥ 65 ans)", ("Influenza",)),
    Product("FR-FLUENZ", "Fluenz (grippe, vivant atténué nasal)", ("Influenza",), live=True),
    Product("FR-ROTARIX", "Rotarix (rotavirus, monovalent, 2 doses)", ("Rotavirus",), live=True),
    Product("FR-ROTATEQ", "RotaTeq (rotavirus, pentavalent, 3 doses)", ("Rotavirus",), live=True),
    Product("FR-BCGAJV", "BCG AJVaccines (BCG)", ("Tuberculosis",), live=True),
    Product("FR-COMIRNATY", "Comirnaty (Covid-19, ARNm, formule adaptée)", ("COVID-19",)),
    Product("FR-SPIKEVAX", "Spikevax (Covid-19, ARNm)", ("COVID-19",)),
    Product("FR-NUVAXOVID", "Nuvaxovid (Covid-19, protéine)", ("COVID-19",)),
    Product("FR-TWINRIX", "Twinrix (hépatites A et B)", ("HepA", "HepB")),
    Product("FR-HAVRIX1440", "Havrix 1440 (hépatite A, adulte)", ("HepA",), min_age="16 years"),
    Product("FR-HAVRIX720", "Havrix 720 Junior (hépatite A, 1 à 15 ans)", ("HepA",),
            min_age="12 months"),
    Product("FR-AVAXIM160", "Avaxim 160 (hépatite A, dès 16 ans)", ("HepA",),
            min_age="16 years"),
    Product("FR-AVAXIM80", "Avaxim 80 pédiatrique (hépatite A, 1 à 15 ans)", ("HepA",),
            min_age="12 months"),
]

CVX = [
    ("01", "DTP", ("Diphtheria", "Tetanus", "Pertussis")),
    ("09", "Td (adult), adsorbed", ("Diphtheria", "Tetanus")),
    ("113", "Td (adult) preservative free", ("Diphtheria", "Tetanus")),
    ("138", "Td (adult)", ("Diphtheria", "Tetanus")),
    ("139", "Td (adult) unspecified formulation", ("Diphtheria", "Tetanus")),
    ("196", "Td, adsorbed, preservative free, adult use", ("Diphtheria", "Tetanus")),
    ("20", "DTaP", ("Diphtheria", "Tetanus", "Pertussis")),
    ("106", "DTaP, 5 pertussis antigens", ("Diphtheria", "Tetanus", "Pertussis")),
    ("107", "DTaP, unspecified formulation", ("Diphtheria", "Tetanus", "Pertussis")),
    ("115", "Tdap", ("Diphtheria", "Tetanus", "Pertussis")),
    ("28", "DT (pediatric)", ("Diphtheria", "Tetanus")),
    ("35", "tetanus toxoid, adsorbed", ("Tetanus",)),
    ("112", "tetanus toxoid, unspecified formulation", ("Tetanus",)),
    ("110", "DTaP-Hep B-IPV", ("Diphtheria", "Tetanus", "Pertussis", "HepB", "Polio")),
    ("120", "DTaP-Hib-IPV", PENTA),
    ("170", "DTaP/IPV/Hib - non-US (Pentavac, Infanrix Quinta)", PENTA),
    ("130", "DTaP-IPV", DTCAP_POLIO),
    ("146", "DTaP, IPV, Hib, HepB (hexavalent)", HEXA),
    ("132", "DTaP-IPV-Hib-HepB, historical", HEXA),
    ("195", "DT, IPV adsorbed (dTP, Revaxis)", ("Diphtheria", "Tetanus", "Polio")),
    ("10", "IPV", ("Polio",)),
    ("89", "polio, unspecified formulation", ("Polio",)),
    ("02", "OPV", ("Polio",)),
    ("17", "Hib, unspecified formulation", ("Hib",)),
    ("48", "Hib (PRP-T)", ("Hib",)),
    ("49", "Hib (PRP-OMP)", ("Hib",)),
    ("08", "Hep B, adolescent or pediatric", ("HepB",)),
    ("43", "Hep B, adult", ("HepB",)),
    ("45", "Hep B, unspecified formulation", ("HepB",)),
    ("104", "Hep A-Hep B", ("HepA", "HepB")),
    ("52", "Hep A, adult", ("HepA",)),
    ("83", "Hep A, ped/adol, 2 dose", ("HepA",)),
    ("85", "Hep A, unspecified formulation", ("HepA",)),
    ("189", "Hep B, adjuvanted", ("HepB",)),
    ("133", "Pneumococcal conjugate PCV 13", ("Pneumococcal",)),
    ("215", "Pneumococcal conjugate PCV 15", ("Pneumococcal",)),
    ("216", "Pneumococcal conjugate PCV 20", ("Pneumococcal",)),
    ("33", "pneumococcal polysaccharide PPV23", ("Pneumococcal",)),
    ("109", "pneumococcal, unspecified formulation", ("Pneumococcal",)),
    ("152", "Pneumococcal Conjugate, unspecified formulation", ("Pneumococcal",)),
    ("162", "Meningococcal B, recombinant (Trumenba)", ("Meningococcal B",)),
    ("163", "Meningococcal B, OMV (Bexsero)", ("Meningococcal B",)),
    ("164", "meningococcal B, unspecified", ("Meningococcal B",)),
    ("114", "meningococcal MCV4P", ("Meningococcal",)),
    ("136", "Meningococcal MCV4O (Menveo)", ("Meningococcal",)),
    ("147", "meningococcal MCV4, unspecified formulation", ("Meningococcal",)),
    ("203", "MenACWY-TT conjugate (MenQuadfi)", ("Meningococcal",)),
    ("103", "meningococcal C conjugate", ("Meningococcal C",)),
    ("03", "MMR", MMR),
    ("94", "MMRV", (*MMR, "Varicella")),
    ("21", "varicella", ("Varicella",)),
    ("165", "HPV9", ("HPV",)),
    ("62", "HPV, quadrivalent", ("HPV",)),
    ("118", "HPV, bivalent", ("HPV",)),
    ("137", "HPV, unspecified formulation", ("HPV",)),
    ("187", "zoster recombinant", ("Zoster",)),
    ("188", "zoster, unspecified formulation", ("Zoster",)),
    ("121", "zoster live", ("Zoster",)),
    ("303", "RSV, RSVPreF3 adjuvanted (Arexvy)", ("RSV",)),
    ("305", "RSV, bivalent RSVpreF (Abrysvo)", ("RSV",)),
    ("326", "RSV, mRNA (mResvia)", ("RSV",)),
    ("304", "RSV, unspecified", ("RSV",)),
    ("306", "RSV, mAb, nirsevimab 0.5 mL", (RSV_MAB,)),
    ("307", "RSV, mAb, nirsevimab 1.0 mL", (RSV_MAB,)),
    ("88", "influenza, unspecified formulation", ("Influenza",)),
    ("140", "Influenza, split virus, trivalent, PF", ("Influenza",)),
    ("141", "Influenza, split virus, trivalent, preservative", ("Influenza",)),
    ("150", "Influenza, split virus, quadrivalent, PF", ("Influenza",)),
    ("158", "Influenza, split virus, quadrivalent, preservative", ("Influenza",)),
    ("135", "Influenza, high dose, trivalent, PF", ("Influenza",)),
    ("197", "Influenza, high-dose, quadrivalent, PF", ("Influenza",)),
    ("168", "Influenza, adjuvanted, trivalent, PF", ("Influenza",)),
    ("205", "Influenza, adjuvanted, quadrivalent, PF", ("Influenza",)),
    ("149", "Influenza, live, quadrivalent, intranasal", ("Influenza",)),
    ("119", "rotavirus, monovalent", ("Rotavirus",)),
    ("116", "rotavirus, pentavalent", ("Rotavirus",)),
    ("122", "rotavirus, unspecified formulation", ("Rotavirus",)),
    ("19", "BCG", ("Tuberculosis",)),
    ("208", "COVID-19, mRNA, 30 mcg/0.3 mL", ("COVID-19",)),
    ("213", "SARS-COV-2 (COVID-19) vaccine, unspecified formulation", ("COVID-19",)),
    ("217", "COVID-19, mRNA, 30 mcg/0.3 mL, tris-sucrose", ("COVID-19",)),
    ("300", "COVID-19, mRNA, bivalent, 30 mcg/0.3 mL", ("COVID-19",)),
    ("309", "COVID-19, mRNA, tris-sucrose, 30 mcg/0.3 mL", ("COVID-19",)),
    ("312", "COVID-19, mRNA, 50 mcg/0.5 mL", ("COVID-19",)),
    ("313", "COVID-19, subunit, adjuvanted", ("COVID-19",)),
]
LIVE_CVX = {"03", "94", "21", "121", "119", "116", "122", "19", "149"}


def codes_for(antigen: str) -> list[str]:
    out = [p.code for p in PRODUCTS if antigen in p.antigens]
    out += [c for c, _, ants in CVX if antigen in ants]
    return out


def product_min_age(code: str) -> str | None:
    return next((p.min_age for p in PRODUCTS if p.code == code), None)


def trade_name(code: str) -> str | None:
    """Brand of a French product code ("Hexyon"), None for a CVX code."""
    for p in PRODUCTS:
        if p.code == code:
            return p.description.split(" (")[0]
    return None


def description(code: str) -> str:
    for p in PRODUCTS:
        if p.code == code:
            return p.description
    for c, d, _ in CVX:
        if c == code:
            return d
    raise KeyError(code)


# Reduced-antigen (adult) and full-dose (paediatric) diphtheria/pertussis
# products: the calendrier reserves the reduced doses (d, ca) for >= 11 years
# but accepts them as boosters; full doses are paediatric.
FULL_DOSE_PAEDIATRIC = {"FR-HEXYON", "FR-INFANRIXHEXA", "FR-VAXELIS", "FR-PENTAVAC",
                        "FR-INFANRIXQUINTA", "FR-TETRAVAC", "FR-INFANRIXTETRA",
                        "146", "132", "120", "170", "130", "110", "20", "106", "107", "01", "28"}


# --------------------------------------------------------------- XML helpers
def sub(parent: ET.Element, tag: str, text: str | None = None) -> ET.Element:
    e = ET.SubElement(parent, tag)
    if text is not None:
        e.text = text
    return e


@dataclass
class Cond:
    kind: str  # "Age", "Interval", "Vaccine Count by Age", "Vaccine Count by Date"
    begin_age: str | None = None
    end_age: str | None = None
    interval: str | None = None
    count: int | None = None
    logic: str | None = None  # greater than / equal to / less than
    dose_type: str | None = None  # Valid / Total
    vaccine_types: tuple[str, ...] = ()
    start_date: str | None = None
    end_date: str | None = None


@dataclass
class SkipSet:
    description: str
    conditions: list[Cond]
    source: tuple[str, str, str] = ("CAL2025", "", "")
    logic: str = "AND"


@dataclass
class Skip:
    context: str  # Evaluation / Forecast / Both
    sets: list[SkipSet]
    set_logic: str = "OR"


@dataclass
class Interval:
    min: str | None = None
    earliest: str | None = None
    latest: str | None = None
    abs_min: str | None = None
    from_target: int | None = None  # None = from previous dose
    from_most_recent: tuple[str, ...] = ()  # from the latest dose of these vaccines


# The 2+1 dose 2 counts 2 months from dose 1 (target dose 1), and at least one
# month from whatever dose came last (RCP of the hexavalent vaccines), so a
# dose given too early still delays the next one by a month.
AFTER_ANY_DOSE = Interval(min="1 month")


@dataclass
class Dose:
    number: int
    source: tuple[str, str, str]
    min_age: str | None = None
    earliest: str | None = None
    latest: str | None = None
    max_age: str | None = None
    intervals: list[Interval] = field(default_factory=list)
    preferable: list[tuple[str, str | None, str | None]] = field(default_factory=list)
    allowable: list[str] = field(default_factory=list)
    skips: list[Skip] = field(default_factory=list)
    recurring: bool = False
    season: tuple[str, str] | None = None
    obligation: dict[str, str] | None = None
    extra_sources: list[tuple[str, str, str]] = field(default_factory=list)
    campaign: str | None = None  # a campaign of SEASONS: its season replaces `season`


@dataclass
class Series:
    name: str
    antigen: str
    group: str
    doses: list[Dose]
    source: tuple[str, str, str]
    series_type: str = "Standard"
    default: bool = False
    series_group: str = "1"
    preference: int = 1
    priority: str = "A"
    min_start: str | None = None
    max_start: str | None = None
    genders: tuple[str, ...] = ()
    equivalent_groups: str | None = None  # e.g. "2": a best Risk series there replaces this one
    indications: list[tuple[str, str, str | None, str | None]] = field(default_factory=list)
    obligation: dict[str, str] | None = None
    pregnancy: dict[str, str] | None = None
    extra_sources: list[tuple[str, str, str]] = field(default_factory=list)
    cohort: dict[str, str] | None = None  # tsn:birthCohort bornBefore / bornOnOrAfter


def _src(parent: ET.Element, s: tuple[str, str, str]) -> None:
    src(parent, s[0], s[1], s[2])


def write_condition(parent: ET.Element, i: int, c: Cond) -> None:
    e = sub(parent, "condition")
    sub(e, "conditionID", str(i))
    sub(e, "conditionType", c.kind)
    sub(e, "startDate", c.start_date)
    sub(e, "endDate", c.end_date)
    sub(e, "beginAge", c.begin_age)
    sub(e, "endAge", c.end_age)
    sub(e, "interval", c.interval)
    sub(e, "doseCount", None if c.count is None else str(c.count))
    sub(e, "doseType", c.dose_type)
    sub(e, "doseCountLogic", c.logic)
    sub(e, "vaccineTypes", ";".join(c.vaccine_types) if c.vaccine_types else None)
    sub(e, "seriesGroups")


def write_dose(parent: ET.Element, d: Dose, antigen: str) -> None:
    e = sub(parent, "seriesDose")
    sub(e, "doseNumber", f"Dose {d.number}")
    _src(e, d.source)
    for s in d.extra_sources:
        _src(e, s)
    if d.obligation:
        ET.SubElement(e, f"{{{TSN}}}obligation", d.obligation)
    age = sub(e, "age")
    sub(age, "absMinAge", d.min_age)
    sub(age, "minAge", d.min_age)
    sub(age, "earliestRecAge", d.earliest)
    sub(age, "latestRecAge", d.latest)
    sub(age, "maxAge", d.max_age)
    sub(age, "effectiveDate")
    sub(age, "cessationDate")
    for iv in d.intervals:
        i = sub(e, "interval")
        sub(i, "fromPrevious", "N" if iv.from_target or iv.from_most_recent else "Y")
        sub(i, "fromTargetDose", str(iv.from_target) if iv.from_target else None)
        sub(i, "fromMostRecent", ";".join(iv.from_most_recent) or None)
        sub(i, "absMinInt", iv.abs_min or iv.min)
        sub(i, "minInt", iv.min)
        sub(i, "earliestRecInt", iv.earliest)
        sub(i, "latestRecInt", iv.latest)
        sub(i, "intervalPriority")
    sub(e, "allowableInterval")
    for code, begin, end in d.preferable:
        v = sub(e, "preferableVaccine")
        sub(v, "vaccineType", description(code))
        sub(v, "cvx", code)
        sub(v, "beginAge", begin)
        sub(v, "endAge", end)
        sub(v, "tradeName", trade_name(code))
        sub(v, "mvx")
        sub(v, "volume")
        sub(v, "forecastVaccineType", "N")
    preferable_codes = {c for c, _, _ in d.preferable}
    for code in d.allowable or codes_for(antigen):
        if code in preferable_codes:
            continue
        v = sub(e, "allowableVaccine")
        sub(v, "vaccineType", description(code))
        sub(v, "cvx", code)
        sub(v, "beginAge", product_min_age(code))
        sub(v, "endAge")
    sub(e, "inadvertentVaccine")
    if not d.skips:
        sub(e, "conditionalSkip")
    for sk in d.skips:
        k = sub(e, "conditionalSkip")
        sub(k, "context", sk.context)
        sub(k, "setLogic", sk.set_logic)
        for n, st in enumerate(sk.sets, 1):
            s = sub(k, "set")
            sub(s, "setID", str(n))
            sub(s, "setDescription", st.description)
            _src(s, st.source)
            sub(s, "effectiveDate")
            sub(s, "cessationDate")
            sub(s, "conditionLogic", st.logic)
            for ci, c in enumerate(st.conditions, 1):
                write_condition(s, ci, c)
    sub(e, "recurringDose", "Yes" if d.recurring else "No")
    seas = sub(e, "seasonalRecommendation")
    if d.season:
        sub(seas, "startDate", d.season[0])
        sub(seas, "endDate", d.season[1])
    if d.campaign:
        ET.SubElement(e, f"{{{TSN}}}season", campaign=d.campaign)


def write_series(root: ET.Element, s: Series) -> None:
    e = sub(root, "series")
    sub(e, "seriesName", s.name)
    sub(e, "targetDisease", s.antigen)
    sub(e, "vaccineGroup", s.group)
    _src(e, s.source)
    for x in s.extra_sources:
        _src(e, x)
    if s.obligation:
        ET.SubElement(e, f"{{{TSN}}}obligation", s.obligation)
    if s.pregnancy:
        ET.SubElement(e, f"{{{TSN}}}pregnancyWindow", s.pregnancy)
    if s.cohort:
        ET.SubElement(e, f"{{{TSN}}}birthCohort", s.cohort)
    sub(e, "seriesAdminGuidance", s.source[2] or None)
    sub(e, "seriesType", s.series_type)
    sub(e, "equivalentSeriesGroups", s.equivalent_groups)
    for g in s.genders or ("",):
        sub(e, "requiredGender", g or None)
    sel = sub(e, "selectSeries")
    sub(sel, "defaultSeries", "Yes" if s.default else "No")
    sub(sel, "productPath", "No")
    sub(sel, "seriesGroupName", "Standard" if s.series_group == "1" else "Risk")
    sub(sel, "seriesGroup", s.series_group)
    sub(sel, "seriesPriority", s.priority)
    sub(sel, "seriesPreference", str(s.preference))
    sub(sel, "minAgeToStart", s.min_start)
    sub(sel, "maxAgeToStart", s.max_start)
    for code, text, begin, end in s.indications:
        ind = sub(e, "indication")
        oc = sub(ind, "observationCode")
        sub(oc, "text", text)
        sub(oc, "code", code)
        sub(ind, "description", text)
        sub(ind, "beginAge", begin)
        sub(ind, "endAge", end)
        sub(ind, "guidance")
    if not s.indications:
        sub(e, "indication")
    for d in s.doses:
        write_dose(e, d, s.antigen)


def write_antigen(filename: str, series: list[Series], immunity: dict | None = None,
                  contraindications: list[tuple[str, str, str]] = ()) -> None:
    root = ET.Element("antigenSupportingData")
    imm = sub(root, "immunity")
    if immunity:
        for code, title in immunity.get("history", []):
            ch = sub(imm, "clinicalHistory")
            sub(ch, "guidelineCode", code)
            sub(ch, "guidelineTitle", title)
        if "birth_date" in immunity:
            dob = sub(imm, "dateOfBirth")
            sub(dob, "immunityBirthDate", immunity["birth_date"])
            sub(dob, "birthCountry")
            _src(dob, immunity["source"])
            for code, title in immunity.get("exclusions", []):
                x = sub(dob, "exclusion")
                sub(x, "exclusionCode", code)
                sub(x, "exclusionTitle", title)
    ci = sub(root, "contraindications")
    if contraindications:
        vg = sub(ci, "vaccineGroup")
        for code, title, text in contraindications:
            c = sub(vg, "contraindication")
            sub(c, "observationCode", code)
            sub(c, "observationTitle", title)
            sub(c, "contraindicationText", text)
            sub(c, "contraindicationGuidance")
            sub(c, "beginAge")
            sub(c, "endAge")
    for s in series:
        write_series(root, s)
    ET.indent(root)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / filename).write_bytes(
        b'<?xml version="1.0" encoding="UTF-8"?>\n'
        + ET.tostring(root, encoding="utf-8", xml_declaration=False)
        + b"\n"
    )


# ------------------------------------------------------------ observations
OBS = {
    "FR-GROSSESSE-20-36SA": "Grossesse entre 20 et 36 semaines d'aménorrhée (SA)",
    "FR-GROSSESSE-32-36SA-VRS": "Grossesse entre 32 et 36 SA pendant la période de "
                                "vaccination maternelle VRS (septembre à janvier)",
    "FR-GROSSESSE": "Grossesse en cours (tout terme)",
    "FR-RISQUE-VRS": "Pathologie respiratoire ou cardiaque chronique à risque de VRS grave",
    "FR-RISQUE-PNEUMO": "Risque élevé d'infection invasive à pneumocoque (immunodépression, "
                        "comorbidités listées par le calendrier)",
    "FR-RISQUE-GRIPPE": "Affection de longue durée ou situation à risque de grippe grave",
    "FR-RISQUE-COVID": "Risque de forme grave de Covid-19 (comorbidités, immunodépression)",
    "FR-RISQUE-HEPB": "Exposition à risque d'hépatite B (entourage, voyages, partenaires...)",
    "FR-RISQUE-TB": "Enfant exposé à un risque élevé de tuberculose (critères du calendrier)",
    "FR-IMMUNODEPRIME": "Immunodépression",
    "FR-PRO-SANTE": "Professionnel de santé ou étudiant exposé (CSP L3111-4)",
    "FR-ANTECEDENT-VARICELLE": "Antécédent de varicelle ou sérologie positive",
    "FR-RATTRAPAGE-VARICELLE": "Adolescent 12–18 ans ou femme en âge de procréer sans "
                               "antécédent de varicelle",
    "FR-IMMUNITE-ROR": "Immunité documentée contre rougeole, oreillons et rubéole",
    "FR-PREMATURE": "Nourrisson né prématuré (avant 37 SA)",
    "FR-COCOONING": "Adulte de l'entourage d'un nourrisson de moins de 6 mois ou d'une "
                    "future naissance (stratégie du cocooning)",
    "FR-DTP-ENFANCE-DECLAREE": "Vaccinations DTP et coqueluche de l'enfance déclarées "
                               "complètes (jusqu'au rappel de 11-13 ans), carnet non disponible",
    "FR-ALLERGIE-GRAVE": "Allergie grave (anaphylaxie) à une dose antérieure ou à un composant",
    "FR-EHPAD": "Résident d'un EHPAD ou d'une USLD",
    "FR-ASPLENIE": "Asplénie anatomique ou fonctionnelle (splénectomie, drépanocytose...)",
    "FR-DEFICIT-COMPLEMENT": "Déficit en fraction terminale du complément ou en properdine, "
                             "ou traitement par inhibiteur du complément (anti-C5)",
    "FR-RISQUE-HEPA": "Exposition à risque d'hépatite A (hépatopathie chronique, mucoviscidose, "
                      "HSH, jeunes des internats pour l'enfance handicapée, enfant d'une "
                      "famille originaire d'un pays de forte endémie susceptible d'y séjourner, "
                      "entourage d'un cas)",
    "FR-PROJET-GROSSESSE": "Femme en âge de procréer ayant un projet de grossesse",
}


# ------------------------------------------------------------- antigen rules
def age_skip(begin: str, desc: str, source: tuple[str, str, str], context: str = "Both") -> Skip:
    return Skip(context, [SkipSet(desc, [Cond("Age", begin_age=begin)], source)])


def valid_after(age: str, count: int = 0) -> Cond:
    return Cond("Vaccine Count by Age", begin_age=age, count=count, logic="greater than",
                dose_type="Valid")


LOC_DTP = "Diphtérie, tétanos, poliomyélite – recommandations générales"
LOC_COQ = "Coqueluche – recommandations générales"
LOC_TRANS = ("Diphtérie, tétanos, poliomyélite – mise en place des rappels de l'adulte à âge "
             "fixe : règles de transition depuis l'ancien calendrier (2013)")
LOC_SYN = "Tableau synoptique – calendrier des vaccinations 2025 (nourrissons, enfants, adultes)"
LOC_RATT = "Rattrapage – tableaux des schémas de rattrapage en cas de vaccination incomplète"

# Adult fixed-age booster slots (rendez-vous vaccinaux).  Slot S accepts a dose
# given from S - 5 years (a dose less than five years before a rendez-vous
# replaces it: "délai > 5 ans, sinon rendez-vous suivant n+1").
ADULT_SLOTS = [25, 45, 65, 75, 85, 95, 105]


def dtp_doses(antigen: str, pertussis: bool = False) -> list[Dose]:
    oblig = {"bornOnOrAfter": "2018-01-01", "ref": "LOI2017"}
    infant_pref = [("FR-HEXYON", "6 weeks", "7 years"), ("FR-INFANRIXHEXA", "6 weeks", "7 years"),
                   ("FR-VAXELIS", "6 weeks", "7 years")]
    if antigen not in HEXA:
        infant_pref = []
    doses = [
        Dose(1, ("CAL2025", LOC_SYN, "1re dose de primovaccination à 2 mois (schéma 2+1)"),
             min_age="6 weeks", earliest="2 months", latest="3 months",
             preferable=infant_pref, obligation=oblig,
             extra_sources=[("HCSP2013", "schéma 2+1 : 2, 4 et 11 mois", "")]),
        Dose(2, ("CAL2025", LOC_SYN, "2e dose à 4 mois, deux mois après la première"),
             min_age="10 weeks", earliest="4 months", latest="5 months",
             intervals=[Interval(min="2 months", earliest="2 months", from_target=1),
                        AFTER_ANY_DOSE],
             extra_sources=[("CAL2025", LOC_RATT, "schéma 2+1 : deux doses à deux mois "
                             "d'intervalle, aussi en rattrapage (début tardif)"),
                            ("HCSP2013", "schéma 2+1", "un schéma à deux doses de "
                             "primovaccination exige deux mois entre elles"),
                            ("RCPHEXA", "4.2 Posologie", "au moins 1 mois après la dose "
                             "précédente, même non valide")],
             preferable=infant_pref, obligation=oblig),
        Dose(3, ("CAL2025", LOC_SYN, "rappel à 11 mois ; intervalle minimal de 6 mois après "
                 "la 2e dose (règle de transition 2013 pour les schémas 3+1)"),
             min_age="11 months", earliest="11 months", latest="12 months",
             intervals=[Interval(min="6 months", earliest="6 months")],
             preferable=infant_pref, obligation=oblig),
        Dose(4, ("CAL2025", LOC_SYN, "rappel à 6 ans (DTCaP pleine dose)"),
             min_age="6 years", earliest="6 years", latest="7 years",
             intervals=[Interval(min="1 year")],
             extra_sources=[("TSN", "intervalle minimal d'1 an après le rappel de 11 mois",
                             "le calendrier ne fixe pas d'intervalle minimal pour ce rappel")],
             skips=[age_skip("11 years", "Rappel de 6 ans non fait : remplacé par le rappel de "
                             "11-13 ans", ("CAL2025", LOC_TRANS,
                                           "un enfant de 11-13 ans reçoit le rappel de cet âge"))]),
        Dose(5, ("CAL2025", LOC_SYN, "rappel entre 11 et 13 ans (dTcaP)"),
             min_age="11 years", earliest="11 years", latest="14 years",
             intervals=[Interval(min="2 years")],
             extra_sources=[("TSN", "intervalle minimal de 2 ans après le rappel de 6 ans",
                             "non précisé par le calendrier")],
             skips=[Skip("Both", [SkipSet(
                 "Une dose valide a déjà été reçue après 11 ans (primovaccination de "
                 "rattrapage) : reprise aux âges fixes de l'adulte",
                 [valid_after("11 years")],
                 ("CAL2025", LOC_RATT, "après un rattrapage, rappels aux âges fixes"))])]),
    ]
    for n, slot in enumerate(ADULT_SLOTS, start=6):
        start = f"{slot - 5} years"
        desc = (f"Rendez-vous vaccinal de {slot} ans déjà couvert : une dose valide a été reçue "
                f"à {slot - 5} ans ou après (délai < 5 ans : rendez-vous suivant)")
        d = Dose(
            n, ("CAL2025", LOC_DTP, f"rappel à âge fixe : {slot} ans"),
            min_age=start, earliest=f"{slot} years", latest=f"{slot + 1} years",
            skips=[Skip("Both", [SkipSet(desc, [valid_after(start)], ("CAL2025", LOC_TRANS,
                                "règle 1 : délai depuis le dernier rappel > 5 ans, sinon "
                                "rendez-vous n+1"))])],
            extra_sources=[("CAL2025", LOC_TRANS,
                            "règle 2 : si l'intervalle jusqu'au rendez-vous n dépasse 25 ans "
                            "(10 ans après 65 ans), rappel immédiat = dose en retard")],
        )
        doses.append(d)
    if pertussis:
        doses = doses[:6]
        for d in doses:
            d.max_age = "40 years"
        doses[5].source = ("CAL2025", LOC_COQ, "rappel coquelucheux à 25 ans (dTcaP), "
                           "rattrapage jusqu'à 39 ans révolus si pas de vaccin coquelucheux "
                           "depuis 5 ans")
    if antigen in ("Diphtheria", "Tetanus", "Polio") or pertussis:
        for d in doses[:3]:
            d.obligation = {"bornOnOrAfter": "2018-01-01", "ref": "LOI2017",
                            "note": "obligation légale (DTP déjà obligatoires avant 2018)"}
    return doses


def declared_childhood(antigen: str, group: str, doses: list[Dose]) -> Series:
    """Adults whose childhood doses are declared but not recorded: adult slots only.

    CDSi skip conditions cannot test an observation, so the declaration selects
    a Risk series of the same series group (it outscores the standard series,
    being closer to completion) instead of skipping doses 1-5.
    """
    # Target 1 absorbs a recorded teenage booster (11-19 years) that must not
    # fill the 25-year rendez-vous; it is never forecast.
    teen = Dose(0, ("CAL2025", LOC_TRANS, "un rappel reçu à 16-18 ans est suivi du rappel de "
                    "25 ans"), min_age="11 years", skips=[
        Skip("Evaluation", [SkipSet("Dose reçue à 20 ans ou après : rendez-vous de l'adulte",
                                    [Cond("Age", begin_age="20 years")],
                                    ("CAL2025", LOC_TRANS, ""))]),
        Skip("Forecast", [SkipSet("Jamais proposée : les rappels de l'enfance sont déclarés",
                                  [Cond("Age", begin_age="0 days")], ("TSN", "", ""))]),
    ])
    adult = [teen] + [d for d in doses if d.number >= 6]
    renumbered = [Dose(**{**d.__dict__, "number": i}) for i, d in enumerate(adult, start=1)]
    return Series(
        f"{antigen} – adulte, vaccinations de l'enfance déclarées", antigen, group, renumbered,
        ("CAL2025", LOC_RATT, "en l'absence de carnet, les vaccinations de l'enfance déclarées "
         "ne sont pas refaites ; rappels aux âges fixes"), series_type="Risk",
        indications=[("FR-DTP-ENFANCE-DECLAREE", OBS["FR-DTP-ENFANCE-DECLAREE"], "16 years",
                      None)],
        extra_sources=[("TSN", "modélisation par série de risque", "voir README")])


def build_dtp() -> None:
    for antigen, fname in (("Diphtheria", "Diphtheria.xml"), ("Tetanus", "Tetanus.xml"),
                           ("Polio", "Polio.xml")):
        write_antigen(fname, [Series(
            f"{antigen} – calendrier France 2025", antigen, "DTP", dtp_doses(antigen),
            ("CAL2025", LOC_DTP, "primovaccination 2 et 4 mois, rappels 11 mois, 6 ans, "
             "11-13 ans, puis 25, 45, 65 ans et tous les 10 ans"), default=True,
            obligation={"ref": "LOI2017", "scope": "enfants (doses avant 18 mois)",
                        "note": "obligation antérieure à 2018, maintenue par la loi de 2017"},
        ), declared_childhood(antigen, "DTP", dtp_doses(antigen))],
            contraindications=[("FR-ALLERGIE-GRAVE", "Allergie grave",
                                "Ne pas vacciner en cas d'anaphylaxie à une dose antérieure.")])


def build_pertussis() -> None:
    standard = Series(
        "Coqueluche – calendrier France 2025", "Pertussis", "Coqueluche",
        dtp_doses("Pertussis", pertussis=True),
        ("CAL2025", LOC_COQ, "2, 4, 11 mois, 6 ans, 11-13 ans, 25 ans (rattrapage jusqu'à 39 "
         "ans)"), default=True,
        obligation={"bornOnOrAfter": "2018-01-01", "ref": "LOI2017"})
    pregnancy = Series(
        "Coqueluche – femme enceinte", "Pertussis", "Coqueluche",
        [Dose(1, ("CAL2025", "Coqueluche – vaccination de la femme enceinte",
                  "une dose à chaque grossesse entre 20 et 36 SA, idéalement à partir de 20 SA"),
              min_age="11 years",
              preferable=[("FR-BOOSTRIXTETRA", None, None), ("FR-REPEVAX", None, None)],
              intervals=[Interval(min="17 weeks")],
              extra_sources=[("TSN", "intervalle minimal de 17 semaines entre deux doses",
                              "évite de reproposer une dose au cours de la même grossesse "
                              "(fenêtre 20-36 SA = 16 semaines)")],
              recurring=True)],
        ("CAL2025", "Coqueluche – vaccination de la femme enceinte", ""),
        series_type="Risk", series_group="2", genders=("Female",),
        indications=[("FR-GROSSESSE-20-36SA", OBS["FR-GROSSESSE-20-36SA"], None, None)],
        pregnancy={"fromWeeksAmenorrhoea": "20", "toWeeksAmenorrhoea": "36",
                   "observation": "FR-GROSSESSE-20-36SA", "eachPregnancy": "true"},
    )
    declared = declared_childhood("Pertussis", "Coqueluche",
                                  dtp_doses("Pertussis", pertussis=True))
    loc_cocoon = "Coqueluche – stratégie du cocooning"
    cocooning = Series(
        "Coqueluche – entourage des nourrissons (cocooning)", "Pertussis", "Coqueluche",
        [Dose(1, ("CAL2025", loc_cocoon, "mise à jour pour les adultes de l'entourage n'ayant "
                  "pas reçu de vaccin coquelucheux depuis 5 ans (délai à vérifier)"),
              min_age="18 years", intervals=[Interval(min="5 years", earliest="5 years")],
              preferable=[("FR-BOOSTRIXTETRA", None, None), ("FR-REPEVAX", None, None)],
              recurring=True)],
        ("CAL2025", loc_cocoon, ""), series_type="Risk", series_group="3",
        indications=[("FR-COCOONING", OBS["FR-COCOONING"], "18 years", None)])
    write_antigen("Pertussis.xml", [standard, declared, pregnancy, cocooning])


def build_hib() -> None:
    loc = "Haemophilus influenzae de type b"
    after_12m = SkipSet("Vaccination débutée après 12 mois : une seule dose",
                        [valid_after("12 months")],
                        ("CAL2025", LOC_RATT, "Hib : une dose unique entre 12 mois et 5 ans"))
    doses = [
        Dose(1, ("CAL2025", LOC_SYN, "2 mois"), min_age="6 weeks", earliest="2 months",
             latest="3 months", max_age="5 years"),
        Dose(2, ("CAL2025", LOC_SYN, "4 mois"), min_age="10 weeks", earliest="4 months",
             latest="5 months", max_age="5 years",
             intervals=[Interval(min="2 months", earliest="2 months", from_target=1),
                        AFTER_ANY_DOSE],
             extra_sources=[("CAL2025", LOC_RATT, "schéma 2+1 : deux doses à deux mois "
                             "d'intervalle"),
                            ("RCPHEXA", "4.2 Posologie", "au moins 1 mois après la dose "
                             "précédente")],
             skips=[Skip("Both", [after_12m])]),
        Dose(3, ("CAL2025", LOC_SYN, "rappel à 11 mois"), min_age="11 months",
             earliest="11 months", latest="12 months", max_age="5 years",
             intervals=[Interval(min="6 months")], skips=[Skip("Both", [after_12m])]),
    ]
    for d in doses:
        d.obligation = {"bornOnOrAfter": "2018-01-01", "ref": "LOI2017"}
    asplenia = [Dose(1, ("HCSP2014ID", "asplénie", "une dose de vaccin Hib chez la personne "
                         "asplénique non vaccinée (après 5 ans)"), min_age="6 weeks",
                     extra_sources=[("CAL2025", loc, "recommandations particulières")])]
    write_antigen("Hib.xml", [Series("Hib – calendrier France 2025", "Hib", "Hib", doses,
                                     ("CAL2025", loc, "rattrapage jusqu'à 5 ans"), default=True,
                                     obligation={"bornOnOrAfter": "2018-01-01",
                                                 "ref": "LOI2017"}),
                              Series("Hib – asplénie (à partir de 5 ans)", "Hib", "Hib",
                                     asplenia, ("HCSP2014ID", "asplénie", ""),
                                     series_type="Risk", series_group="2",
                                     indications=[("FR-ASPLENIE", OBS["FR-ASPLENIE"],
                                                   "5 years", None)])])


def build_hepb() -> None:
    loc = "Hépatite B"
    b20 = ("FR-ENGERIXB20",)
    two_dose = SkipSet(
        "Schéma à 2 doses de 11 à 15 ans (Engerix B20, 0 et 6 mois) réalisé",
        [Cond("Vaccine Count by Age", begin_age="11 years", end_age="16 years", count=1,
              logic="greater than", dose_type="Valid", vaccine_types=b20)],
        ("CAL2025", loc, "schéma à deux doses espacées de 6 mois entre 11 et 15 ans révolus"))
    std = [
        Dose(1, ("CAL2025", LOC_SYN, "2 mois (hexavalent)"), min_age="0 days",
             earliest="2 months", latest="3 months", max_age="16 years"),
        Dose(2, ("CAL2025", LOC_SYN, "4 mois, deux mois après la 1re (schéma 2+1, aussi quand "
                 "la vaccination débute tard avant 1 an)"), earliest="4 months",
             latest="5 months", max_age="16 years",
             intervals=[Interval(min="2 months", earliest="2 months", from_target=1),
                        AFTER_ANY_DOSE],
             extra_sources=[("RCPHEXA", "4.2 Posologie", "au moins 1 mois après la dose "
                             "précédente")]),
        Dose(3, ("CAL2025", LOC_SYN, "rappel à 11 mois"),
             min_age="11 months", earliest="11 months", latest="12 months", max_age="16 years",
             intervals=[Interval(min="5 months"), Interval(min="4 months", from_target=1)],
             skips=[Skip("Both", [two_dose])],
             extra_sources=[("TSN", "intervalle minimal de 5 mois après la 2e dose",
                             "schéma de rattrapage 0, 1, 6 mois ; minimum non précisé")]),
    ]
    # Started at 1 year or later: the child catch-up scheme 0, 1, 6 months
    # (monovalent vaccines), 2 doses of Engerix B20 at 11-15 years.
    catch_up = [
        Dose(1, ("CAL2025", LOC_RATT, "hépatite B : rattrapage jusqu'à 15 ans révolus, schéma "
                 "0, 1, 6 mois"), min_age="12 months", max_age="16 years"),
        Dose(2, ("CAL2025", LOC_RATT, "1 mois après la 1re"), max_age="16 years",
             intervals=[Interval(min="4 weeks", earliest="1 month")]),
        Dose(3, ("CAL2025", LOC_RATT, "6 mois après la 1re"), max_age="16 years",
             intervals=[Interval(min="5 months"),
                        Interval(min="4 months", earliest="6 months", from_target=1)],
             skips=[Skip("Both", [two_dose])],
             extra_sources=[("TSN", "intervalle minimal de 5 mois après la 2e dose",
                             "schéma 0, 1, 6 mois ; minimum non précisé")]),
    ]
    for d in std + catch_up:
        d.obligation = {"bornOnOrAfter": "2018-01-01", "ref": "LOI2017"}
    risk = [
        Dose(1, ("CAL2025", loc, "personnes exposées : schéma 0, 1, 6 mois"), min_age="16 years"),
        Dose(2, ("CAL2025", loc, "1 mois après"), intervals=[Interval(min="4 weeks",
                                                                       earliest="1 month")]),
        Dose(3, ("CAL2025", loc, "6 mois après la 1re"),
             intervals=[Interval(min="5 months", earliest="5 months"),
                        Interval(min="4 months", earliest="6 months", from_target=1)]),
    ]
    write_antigen("HepB.xml", [
        Series("Hépatite B – calendrier France 2025", "HepB", "HepB", std,
               ("CAL2025", loc, "nourrissons 2, 4, 11 mois (début avant 1 an)"),
               default=True, max_start="12 months",
               obligation={"bornOnOrAfter": "2018-01-01", "ref": "LOI2017"}),
        Series("Hépatite B – rattrapage de l'enfant (0, 1, 6 mois)", "HepB", "HepB", catch_up,
               ("CAL2025", loc, "rattrapage jusqu'à 15 ans révolus"), min_start="12 months",
               preference=2, obligation={"bornOnOrAfter": "2018-01-01", "ref": "LOI2017"}),
        Series("Hépatite B – adultes exposés et professionnels de santé", "HepB", "HepB", risk,
               ("CAL2025", loc, "recommandations particulières et obligation professionnelle"),
               extra_sources=[("CSP3111-4", "obligation des professionnels de santé exposés",
                               "")],
               series_type="Risk", series_group="2",
               indications=[("FR-RISQUE-HEPB", OBS["FR-RISQUE-HEPB"], "16 years", None),
                            ("FR-PRO-SANTE", OBS["FR-PRO-SANTE"], "16 years", None)]),
    ])


def build_pneumo() -> None:
    loc = "Infections invasives à pneumocoque"
    infant_pref = [("FR-PREVENAR13", None, "5 years"), ("FR-VAXNEUVANCE", None, "5 years"),
                   ("FR-PREVENAR20", None, "5 years")]
    pcv = ["FR-PREVENAR13", "FR-PREVENAR20", "FR-VAXNEUVANCE", "133", "215", "216", "152",
           "109"]
    late = SkipSet("Vaccination débutée entre 12 et 23 mois : deux doses à deux mois d'intervalle",
                   [valid_after("12 months", 1)],
                   ("CAL2025", LOC_RATT, "pneumocoque : 2 doses entre 12 et 23 mois"))
    infant = [
        Dose(1, ("CAL2025", LOC_SYN, "2 mois"), min_age="6 weeks", earliest="2 months",
             latest="3 months", max_age="2 years", preferable=infant_pref, allowable=pcv),
        Dose(2, ("CAL2025", LOC_SYN, "4 mois"), min_age="10 weeks", earliest="4 months",
             latest="5 months", max_age="2 years",
             intervals=[Interval(min="2 months", earliest="2 months")],
             extra_sources=[("CAL2025", LOC_RATT, "pneumocoque : deux doses à au moins deux "
                             "mois d'intervalle (nourrisson, rattrapage de 7 à 23 mois)")],
             preferable=infant_pref, allowable=pcv),
        Dose(3, ("CAL2025", LOC_SYN, "rappel à 11 mois"), min_age="11 months",
             earliest="11 months", latest="12 months", max_age="2 years",
             intervals=[Interval(min="2 months", earliest="2 months")],
             preferable=infant_pref, allowable=pcv,
             skips=[Skip("Both", [late])],
             extra_sources=[("CAL2025", LOC_RATT, "rappel au moins 2 mois après la dernière "
                             "dose ; le calendrier fixe l'âge (11 mois)")]),
    ]
    for d in infant:
        d.obligation = {"bornOnOrAfter": "2018-01-01", "ref": "LOI2017"}
    # Minimum age 18 years: a VPC20 received earlier for a risk factor counts
    # (no repeat at 65); the recommendation itself starts at 65.
    adult = [Dose(1, ("HAS2025PNEUMO", "recommandation", "une dose de VPC20 à partir de 65 ans"),
                  min_age="18 years", earliest="65 years", latest="66 years",
                  preferable=[("FR-PREVENAR20", "18 years", None)],
                  allowable=["FR-PREVENAR20", "216"],
                  extra_sources=[("CAL2025", loc, "personnes âgées de 65 ans et plus"),
                                 ("HAS2023PNEUMO", "", "un VPC20 déjà reçu à l'âge adulte "
                                  "(personne à risque) n'est pas renouvelé")])]
    risk = [Dose(1, ("HAS2023PNEUMO", "adultes à risque", "une dose de VPC20"),
                 min_age="18 years", preferable=[("FR-PREVENAR20", "18 years", None)],
                 allowable=["FR-PREVENAR20", "216", "152", "109"])]
    premature = [
        Dose(1, ("CAL2025", loc, "prématurés : schéma 3+1, 2 mois"), min_age="6 weeks",
             earliest="2 months", latest="3 months", max_age="2 years",
             preferable=infant_pref, allowable=pcv),
        Dose(2, ("CAL2025", loc, "dose supplémentaire à 3 mois"), earliest="3 months",
             latest="4 months", max_age="2 years", intervals=[Interval(min="4 weeks")],
             preferable=infant_pref, allowable=pcv),
        Dose(3, ("CAL2025", loc, "4 mois"), earliest="4 months", latest="5 months",
             max_age="2 years", intervals=[Interval(min="4 weeks")],
             preferable=infant_pref, allowable=pcv),
        Dose(4, ("CAL2025", loc, "rappel à 11 mois"), min_age="11 months",
             earliest="11 months", latest="12 months", max_age="2 years",
             intervals=[Interval(min="8 weeks")], preferable=infant_pref, allowable=pcv),
    ]
    write_antigen("Pneumococcal.xml", [
        Series("Pneumocoque – nourrissons (2+1)", "Pneumococcal", "Pneumocoque", infant,
               ("CAL2025", loc, "2, 4 et 11 mois ; rattrapage jusqu'à 2 ans"), preference=2,
               max_start="2 years", equivalent_groups="2",
               obligation={"bornOnOrAfter": "2018-01-01", "ref": "LOI2017"}),
        Series("Pneumocoque – adultes de 65 ans et plus", "Pneumococcal", "Pneumocoque", adult,
               ("HAS2025PNEUMO", "", "élargissement 2025 à tous les adultes >= 65 ans"),
               preference=3),
        # Same series group as the standard series: the risk series replaces the
        # ">= 65" one (both are one VPC20 dose) instead of adding a second dose.
        Series("Pneumocoque – adultes à risque", "Pneumococcal", "Pneumocoque", risk,
               ("CAL2025", loc, "recommandations particulières"), series_type="Risk",
               series_group="1", preference=1,
               indications=[("FR-RISQUE-PNEUMO", OBS["FR-RISQUE-PNEUMO"], "18 years",
                             "65 years"),
                            ("FR-ASPLENIE", OBS["FR-ASPLENIE"], "18 years", "65 years"),
                            ("FR-DEFICIT-COMPLEMENT", OBS["FR-DEFICIT-COMPLEMENT"], "18 years",
                             "65 years"),
                            ("FR-IMMUNODEPRIME", OBS["FR-IMMUNODEPRIME"], "18 years",
                             "65 years")],
               extra_sources=[("CAL2025", loc, "personnes à risque : immunodéprimés (dont "
                               "asplénie, déficits immunitaires héréditaires), comorbidités")]),
        Series("Pneumocoque – nourrissons prématurés (3+1)", "Pneumococcal", "Pneumocoque",
               premature, ("CAL2025", loc, "prématurés : dose supplémentaire à 3 mois"),
               series_type="Risk", series_group="2", equivalent_groups="1",
               indications=[("FR-PREMATURE", OBS["FR-PREMATURE"], None, "2 years")]),
    ])


def build_menb() -> None:
    loc = "Infections invasives à méningocoques – méningocoque B"
    oblig = {"bornOnOrAfter": "2025-01-01", "ref": "DEC2024MEN"}
    bexsero = [("FR-BEXSERO", None, None)]

    def series(name: str, doses: list[Dose], note: str, min_start: str | None,
               max_start: str, preference: int) -> Series:
        for d in doses:
            d.obligation = oblig
            d.preferable = bexsero
        return Series(name, "Meningococcal B", "MenB", doses, ("CAL2025", loc, note),
                      extra_sources=[("HAS2024MEN", "", "")], obligation=oblig,
                      min_start=min_start, max_start=max_start, preference=preference)

    # One series per age at the first dose, as in the calendrier's catch-up
    # table: the booster interval depends on when the primary doses were given.
    # A first dose from 6 months on is a catch-up, hence past due at once.
    early = [
        Dose(1, ("CAL2025", LOC_SYN, "3 mois"), min_age="2 months", earliest="3 months",
             latest="4 months", max_age="6 months"),
        Dose(2, ("CAL2025", LOC_SYN, "5 mois"), earliest="5 months", latest="6 months",
             intervals=[Interval(min="2 months")]),
        Dose(3, ("CAL2025", LOC_SYN, "rappel à 12 mois"), min_age="12 months",
             earliest="12 months", latest="13 months", max_age="2 years",
             intervals=[Interval(min="6 months")],
             extra_sources=[("TSN", "intervalle minimal de 6 mois avant le rappel",
                             "RCP Bexsero, primovaccination débutée avant 6 mois")]),
    ]
    mid = [
        Dose(1, ("CAL2025", LOC_RATT, "MenB débuté entre 6 et 11 mois : 2 doses à 2 mois "
                 "d'intervalle puis rappel au cours de la 2e année"), min_age="6 months",
             earliest="6 months", latest="6 months", max_age="12 months"),
        Dose(2, ("CAL2025", LOC_RATT, "2 mois après la 1re"),
             intervals=[Interval(min="2 months", earliest="2 months")]),
        Dose(3, ("CAL2025", LOC_RATT, "rappel dans la 2e année, au moins 2 mois après la 2e "
                 "dose"), min_age="12 months", earliest="12 months", max_age="2 years",
             intervals=[Interval(min="2 months", earliest="2 months")]),
    ]
    late = [
        Dose(1, ("CAL2025", LOC_RATT, "MenB débuté entre 12 et 23 mois : 2 doses à 2 mois "
                 "d'intervalle puis rappel 12 à 23 mois après"), min_age="12 months",
             earliest="12 months", latest="12 months", max_age="2 years"),
        Dose(2, ("CAL2025", LOC_RATT, "2 mois après la 1re"),
             intervals=[Interval(min="2 months", earliest="2 months")]),
        Dose(3, ("CAL2025", LOC_RATT, "rappel 12 à 23 mois après la 2e dose"),
             intervals=[Interval(min="12 months", earliest="12 months", latest="23 months")]),
    ]
    risk_indications = [
        ("FR-ASPLENIE", OBS["FR-ASPLENIE"], "2 years", None),
        ("FR-DEFICIT-COMPLEMENT", OBS["FR-DEFICIT-COMPLEMENT"], "2 years", None)]
    risk_loc = "Infections invasives à méningocoques – recommandations particulières"
    bexsero_only = ["FR-BEXSERO", "163"]
    risk = [
        Dose(1, ("CAL2025", risk_loc, "personnes aspléniques ou ayant un déficit en fraction "
                 "terminale du complément, en properdine, ou traitées par anti-C5 : vaccination "
                 "contre le méningocoque B"), min_age="2 years", preferable=bexsero,
             allowable=bexsero_only, extra_sources=[("HAS2024MEN", "", "personnes à risque")]),
        Dose(2, ("RCPBEXSERO", "4.2 Posologie", "2e dose au moins 1 mois après la 1re"),
             intervals=[Interval(min="1 month", earliest="1 month")], preferable=bexsero,
             allowable=bexsero_only),
    ]
    write_antigen("Meningococcal-B.xml", [
        series("Méningocoque B – début entre 2 et 5 mois", early,
               "3, 5 et 12 mois (obligatoire, nés depuis le 1er janvier 2025)", None,
               "6 months", 1),
        series("Méningocoque B – début entre 6 et 11 mois", mid, "rattrapage", "6 months",
               "12 months", 2),
        series("Méningocoque B – début entre 12 et 23 mois", late, "rattrapage jusqu'à 2 ans",
               "12 months", "2 years", 3),
        Series("Méningocoque B – asplénie, déficit en complément", "Meningococcal B", "MenB",
               risk, ("CAL2025", risk_loc, ""), series_type="Risk", series_group="2",
               indications=risk_indications),
    ])


def build_menacwy() -> None:
    loc = "Infections invasives à méningocoques – ACWY"
    oblig = {"bornOnOrAfter": "2025-01-01", "ref": "DEC2024MEN"}
    over_2 = SkipSet("Plus de 2 ans : pas de vaccination du nourrisson, dose de 11-14 ans",
                     [Cond("Age", begin_age="2 years")],
                     ("CAL2025", loc, "obligation et rattrapage du nourrisson jusqu'à 2 ans"))
    doses = [
        Dose(1, ("CAL2025", LOC_SYN, "6 mois"), min_age="6 weeks", earliest="6 months",
             latest="7 months", obligation=oblig, preferable=[("FR-NIMENRIX", None, None)],
             skips=[Skip("Both", [over_2])]),
        Dose(2, ("CAL2025", LOC_SYN, "rappel à 12 mois"), min_age="12 months",
             earliest="12 months", latest="13 months", obligation=oblig,
             intervals=[Interval(min="2 months")],
             preferable=[("FR-NIMENRIX", None, None), ("FR-MENQUADFI", "12 months", None)],
             skips=[Skip("Both", [over_2, SkipSet(
                 "Première dose reçue après 12 mois : dose unique",
                 [valid_after("12 months")],
                 ("CAL2025", LOC_RATT, "une dose unique entre 12 et 24 mois"))])]),
        Dose(3, ("CAL2025", loc, "une dose entre 11 et 14 ans quel que soit le statut vaccinal ; "
                 "rattrapage de 15 à 24 ans révolus"),
             min_age="11 years", earliest="11 years", latest="15 years", max_age="25 years",
             preferable=[("FR-NIMENRIX", None, None), ("FR-MENQUADFI", None, None),
                         ("FR-MENVEO", None, None)],
             extra_sources=[("HAS2024MEN", "", "")]),
    ]
    risk_loc = "Infections invasives à méningocoques – recommandations particulières"
    acwy = [("FR-NIMENRIX", None, None), ("FR-MENQUADFI", "12 months", None),
            ("FR-MENVEO", None, None)]
    risk = [
        Dose(1, ("CAL2025", risk_loc, "personnes aspléniques ou ayant un déficit en fraction "
                 "terminale du complément, en properdine, ou traitées par anti-C5 : un vaccin "
                 "tétravalent ACWY conjugué"), min_age="2 years", preferable=acwy,
             extra_sources=[("HAS2024MEN", "", "personnes à risque")]),
        Dose(2, ("CAL2025", risk_loc, "rappel tous les 5 ans tant que le risque persiste"),
             intervals=[Interval(min="5 years", earliest="5 years")], preferable=acwy,
             recurring=True),
    ]
    write_antigen("Meningococcal.xml", [Series(
        "Méningocoques ACWY – calendrier France 2025", "Meningococcal", "MenACWY", doses,
        ("CAL2025", loc, "6 et 12 mois (obligatoires, nés depuis le 1er janvier 2025), 11-14 ans"),
        default=True, extra_sources=[("HAS2024MEN", "", "")], obligation=oblig),
        Series("Méningocoques ACWY – asplénie, déficit en complément", "Meningococcal",
               "MenACWY", risk, ("CAL2025", risk_loc, ""), series_type="Risk",
               series_group="2",
               indications=[("FR-ASPLENIE", OBS["FR-ASPLENIE"], "2 years", None),
                            ("FR-DEFICIT-COMPLEMENT", OBS["FR-DEFICIT-COMPLEMENT"], "2 years",
                             None)])])


def build_mmr() -> None:
    loc = "Rougeole, oreillons, rubéole"
    for antigen in MMR:
        doses = [
            Dose(1, ("CAL2025", LOC_SYN, "1re dose à 12 mois"), min_age="12 months",
                 earliest="12 months", latest="13 months",
                 obligation={"bornOnOrAfter": "2018-01-01", "ref": "LOI2017"},
                 preferable=[("FR-PRIORIX", None, None), ("FR-MMRVAXPRO", None, None)]),
            Dose(2, ("CAL2025", LOC_SYN, "2e dose entre 16 et 18 mois ; rattrapage : 2 doses "
                     "à au moins un mois d'intervalle"),
                 min_age="13 months", earliest="16 months", latest="19 months",
                 intervals=[Interval(min="1 month")],
                 obligation={"bornOnOrAfter": "2018-01-01", "ref": "LOI2017"},
                 preferable=[("FR-PRIORIX", None, None), ("FR-MMRVAXPRO", None, None)]),
        ]
        before_1980 = {"bornBefore": "1980-01-01"}
        one_dose = [Dose(1, ("CAL2025", f"{loc} – recommandations particulières",
                             "une dose de vaccin trivalent ROR"), min_age="12 months",
                         preferable=[("FR-PRIORIX", None, None), ("FR-MMRVAXPRO", None, None)])]
        series = [Series(
            f"{antigen} – calendrier France 2025 (ROR)", antigen, "ROR", doses,
            ("CAL2025", loc, "12 mois et 16-18 mois ; rattrapage des personnes nées depuis 1980"),
            default=True, equivalent_groups="2"),
            Series(f"{antigen} – professionnels de santé nés avant 1980", antigen, "ROR",
                   one_dose, ("CAL2025", f"{loc} – milieu professionnel",
                              "personnes nées avant 1980, non vaccinées et sans antécédent connu "
                              "de rougeole ou de rubéole, exerçant une profession de santé (en "
                              "formation, à l'embauche ou en poste) : une dose de ROR"),
                   series_type="Risk", series_group="2", cohort=before_1980,
                   indications=[("FR-PRO-SANTE", OBS["FR-PRO-SANTE"], "16 years", None)])]
        exclusions = [("FR-PRO-SANTE", OBS["FR-PRO-SANTE"])]
        if antigen == "Rubella":
            series.append(Series(
                "Rubéole – femme née avant 1980 ayant un projet de grossesse", antigen, "ROR",
                one_dose, ("CAL2025", "Rubéole – recommandations particulières",
                           "femmes nées avant 1980 non vaccinées contre la rubéole ayant un "
                           "projet de grossesse : une dose de ROR (inutile si une sérologie "
                           "montre l'immunité)"),
                series_type="Risk", series_group="2", cohort=before_1980, genders=("Female",),
                indications=[("FR-PROJET-GROSSESSE", OBS["FR-PROJET-GROSSESSE"], "12 years",
                              None)]))
            exclusions.append(("FR-PROJET-GROSSESSE", OBS["FR-PROJET-GROSSESSE"]))
        write_antigen(f"{antigen}.xml", series,
            immunity={"history": [("FR-IMMUNITE-ROR", OBS["FR-IMMUNITE-ROR"])],
                      "birth_date": "01/01/1980", "exclusions": exclusions,
                      "source": ("CAL2025", loc, "rattrapage à 2 doses pour les personnes nées "
                                 "depuis 1980 ; les personnes nées avant 1980 sont considérées "
                                 "immunes, sauf les professionnels de santé et, pour la "
                                 "rubéole, les femmes ayant un projet de grossesse (une dose "
                                 "de ROR, séries « nés avant 1980 »)")},
            contraindications=[("FR-GROSSESSE", "Grossesse", "Vaccin vivant : contre-indiqué "
                                "pendant la grossesse."),
                               ("FR-IMMUNODEPRIME", "Immunodépression",
                                "Vaccin vivant : contre-indiqué en cas d'immunodépression.")])


def build_hepa() -> None:
    loc = "Hépatite A – recommandations particulières"
    pref = [("FR-HAVRIX720", "12 months", "16 years"), ("FR-AVAXIM80", "12 months", "16 years"),
            ("FR-HAVRIX1440", "16 years", None), ("FR-AVAXIM160", "16 years", None)]
    doses = [
        Dose(1, ("CAL2025", loc, "une dose dès l'âge d'un an pour les personnes exposées : "
                 "hépatopathie chronique, mucoviscidose, HSH, jeunes des internats pour "
                 "l'enfance et la jeunesse handicapées, enfants d'une famille originaire d'un "
                 "pays de haute endémicité susceptibles d'y séjourner, entourage d'un cas"),
             min_age="12 months", preferable=pref,
             extra_sources=[("RCPHEPA", "posologie", "à partir d'un an")]),
        Dose(2, ("RCPHEPA", "posologie", "rappel 6 à 12 mois après la 1re dose (jusqu'à 36 "
                 "mois selon le vaccin) ; Twinrix : schéma 0, 1, 6 mois"),
             intervals=[Interval(min="6 months", earliest="6 months", latest="12 months",
                                 from_target=1)], preferable=pref,
             extra_sources=[("CAL2025", loc, "rappel")]),
    ]
    write_antigen("HepA.xml", [Series(
        "Hépatite A – personnes exposées", "HepA", "HepA", doses, ("CAL2025", loc, ""),
        series_type="Risk", series_group="2",
        indications=[("FR-RISQUE-HEPA", OBS["FR-RISQUE-HEPA"], "12 months", None)])])


def build_hpv() -> None:
    loc = "Infections à papillomavirus humains (HPV)"
    pref = [("FR-GARDASIL9", None, None)]
    # A second dose given less than 5 months after the first does not complete
    # the 2-dose schedule: it fills target dose 2 ("early second dose") and a
    # third dose is due at least 3 months after it.  A second dose given 5
    # months or more after the first skips target 2 (Interval condition, from
    # the previous dose) and completes the schedule as target 3.  Target 2 is
    # never forecast itself.
    early_second = Dose(
        2, ("RCPGARDASIL9", "4.2 Posologie", "si la deuxième dose est administrée moins de 5 mois "
            "après la première, une troisième dose doit toujours être administrée"),
        intervals=[Interval(min="4 weeks")], preferable=pref,
        skips=[Skip("Evaluation", [SkipSet(
                   "2e dose 5 mois ou plus après la 1re : schéma à 2 doses",
                   [Cond("Interval", interval="5 months")],
                   ("RCPGARDASIL9", "4.2 Posologie", "2e dose entre 5 et 13 mois après la 1re"))]),
               Skip("Forecast", [SkipSet(
                   "Jamais proposée : la 2e dose du schéma à 2 doses est la dose cible 3",
                   [Cond("Age", begin_age="0 days")], ("TSN", "modélisation", ""))])],
        extra_sources=[("CAL2025", loc, "schéma à 2 doses espacées de 6 à 13 mois")])
    two = [
        Dose(1, ("CAL2025", loc, "filles et garçons de 11 à 14 ans révolus : 2 doses (0, 6-13 "
                 "mois) ; dès 9 ans selon l'AMM"),
             min_age="9 years", earliest="11 years", latest="15 years", max_age="15 years",
             preferable=pref, extra_sources=[("HAS2019HPV", "", "extension aux garçons")]),
        early_second,
        Dose(3, ("CAL2025", loc, "2e dose 6 à 13 mois après la 1re (au moins 5 mois, RCP) ; "
                 "après une 2e dose trop précoce, 3e dose au moins 3 mois après elle"),
             intervals=[Interval(min="5 months", earliest="6 months", latest="13 months",
                                 from_target=1),
                        Interval(min="3 months")],
             preferable=pref,
             extra_sources=[("RCPGARDASIL9", "4.2 Posologie", "intervalle minimal de 5 mois "
                             "entre les deux doses du schéma à 2 doses")]),
    ]
    three = [
        Dose(1, ("CAL2025", loc, "rattrapage de 15 à 19 ans révolus : 3 doses (0, 2, 6 mois)"),
             min_age="15 years", earliest="15 years", latest="16 years", max_age="20 years",
             preferable=pref),
        Dose(2, ("CAL2025", loc, "2 mois après la 1re (au moins 1 mois, RCP)"),
             intervals=[Interval(min="1 month", earliest="2 months")], preferable=pref,
             extra_sources=[("RCPGARDASIL9", "4.2 Posologie", "")]),
        Dose(3, ("CAL2025", loc, "6 mois après la 1re (au moins 3 mois après la 2e, RCP)"),
             intervals=[Interval(earliest="6 months", from_target=1),
                        Interval(min="3 months")], preferable=pref,
             extra_sources=[("RCPGARDASIL9", "4.2 Posologie", "")]),
    ]
    write_antigen("HPV.xml", [
        Series("HPV – 2 doses (début entre 9 et 14 ans)", "HPV", "HPV", two,
               ("CAL2025", loc, ""), max_start="15 years", preference=1),
        Series("HPV – 3 doses (rattrapage de 15 à 19 ans)", "HPV", "HPV", three,
               ("CAL2025", loc, ""), min_start="15 years", preference=2),
    ])


def build_varicella() -> None:
    loc = "Varicelle"
    doses = [
        Dose(1, ("CAL2025", loc, "adolescents 12-18 ans et femmes en âge de procréer sans "
                 "antécédent : 2 doses"), min_age="12 months",
             preferable=[("FR-VARIVAX", None, None), ("FR-VARILRIX", None, None)]),
        Dose(2, ("CAL2025", loc, "2e dose 4 à 8 semaines (Varivax) ou 6 à 10 semaines "
                 "(Varilrix) après"), intervals=[Interval(min="4 weeks", earliest="4 weeks",
                                                          latest="10 weeks")],
             preferable=[("FR-VARIVAX", None, None), ("FR-VARILRIX", None, None)]),
    ]
    write_antigen("Varicella.xml", [Series(
        "Varicelle – rattrapage ciblé", "Varicella", "Varicelle", doses,
        ("CAL2025", loc, "pas de vaccination généralisée du nourrisson dans le calendrier 2025"),
        series_type="Risk", series_group="2",
        indications=[("FR-RATTRAPAGE-VARICELLE", OBS["FR-RATTRAPAGE-VARICELLE"], "12 years",
                      None),
                     ("FR-PRO-SANTE", OBS["FR-PRO-SANTE"], "16 years", None)])],
        immunity={"history": [("FR-ANTECEDENT-VARICELLE", OBS["FR-ANTECEDENT-VARICELLE"])]},
        contraindications=[("FR-GROSSESSE", "Grossesse", "Vaccin vivant : contre-indiqué."),
                           ("FR-IMMUNODEPRIME", "Immunodépression", "Vaccin vivant.")])


def build_zoster() -> None:
    loc = "Zona"
    pref = [("FR-SHINGRIX", None, None)]
    allow = ["FR-SHINGRIX", "187", "188"]  # Zostavax (live) does not count towards Shingrix
    after_zostavax = Interval(min="1 year", earliest="1 year",
                              from_most_recent=("FR-ZOSTAVAX", "121"))
    zostavax_src = ("HAS2024ZONA", "personnes déjà vaccinées par Zostavax",
                    "Shingrix au moins un an après Zostavax")
    doses = [
        Dose(1, ("HAS2024ZONA", "", "adultes de 65 ans et plus : 2 doses de Shingrix"),
             min_age="65 years", earliest="65 years", latest="66 years", preferable=pref,
             allowable=allow, intervals=[after_zostavax],
             extra_sources=[("CAL2025", loc, ""), zostavax_src]),
        Dose(2, ("HAS2024ZONA", "", "2e dose 2 mois (jusqu'à 6 mois) après la 1re"),
             intervals=[Interval(min="4 weeks", earliest="2 months", latest="6 months")],
             preferable=pref, allowable=allow),
    ]
    risk = [
        Dose(1, ("HAS2024ZONA", "", "adultes immunodéprimés à partir de 18 ans"),
             min_age="18 years", preferable=pref, allowable=allow, intervals=[after_zostavax],
             extra_sources=[zostavax_src]),
        Dose(2, ("HAS2024ZONA", "", "1 à 2 mois après"),
             intervals=[Interval(min="4 weeks", earliest="1 month", latest="2 months")],
             preferable=pref, allowable=allow),
    ]
    write_antigen("Zoster.xml", [
        Series("Zona – adultes de 65 ans et plus", "Zoster", "Zona", doses,
               ("HAS2024ZONA", "", ""), default=True),
        Series("Zona – immunodéprimés", "Zoster", "Zona", risk, ("HAS2024ZONA", "", ""),
               series_type="Risk", series_group="2",
               indications=[("FR-IMMUNODEPRIME", OBS["FR-IMMUNODEPRIME"], "18 years", None)]),
    ])


def build_rsv() -> None:
    loc = "Infections à virus respiratoire syncytial (VRS)"
    pref = [("FR-AREXVY", "60 years", None), ("FR-ABRYSVO", "60 years", None),
            ("FR-MRESVIA", "60 years", None)]
    vaccines = ["FR-AREXVY", "FR-ABRYSVO", "FR-MRESVIA", "303", "305", "326", "304"]
    older = [Dose(1, ("HAS2024VRS", "", "une dose à partir de 75 ans"), min_age="75 years",
                  earliest="75 years", latest="76 years", preferable=pref, allowable=vaccines,
                  extra_sources=[("CAL2025", loc, "")])]
    risk = [Dose(1, ("HAS2024VRS", "", "une dose de 65 à 74 ans en cas de pathologie "
                     "respiratoire ou cardiaque chronique"), min_age="65 years",
                 preferable=pref, allowable=vaccines)]
    pregnancy = [Dose(1, ("HAS2024VRSGROS", "", "Abrysvo entre 32 et 36 SA, de septembre à "
                          "janvier"), min_age="12 years",
                      preferable=[("FR-ABRYSVO", None, None)], allowable=["FR-ABRYSVO", "305"],
                      extra_sources=[("CAL2025", loc, "vaccination maternelle")])]
    write_antigen("RSV.xml", [
        Series("VRS – adultes de 75 ans et plus", "RSV", "VRS", older, ("HAS2024VRS", "", ""),
               default=True),
        Series("VRS – 65 à 74 ans à risque", "RSV", "VRS", risk, ("HAS2024VRS", "", ""),
               series_type="Risk", series_group="2",
               indications=[("FR-RISQUE-VRS", OBS["FR-RISQUE-VRS"], "65 years", "75 years")]),
        Series("VRS – femme enceinte (Abrysvo)", "RSV", "VRS", pregnancy,
               ("HAS2024VRSGROS", "", ""), series_type="Risk", series_group="3",
               genders=("Female",),
               indications=[("FR-GROSSESSE-32-36SA-VRS", OBS["FR-GROSSESSE-32-36SA-VRS"], None,
                             None)],
               pregnancy={"fromWeeksAmenorrhoea": "32", "toWeeksAmenorrhoea": "36",
                          "seasonFrom": "--09-01", "seasonTo": "--01-31",
                          "observation": "FR-GROSSESSE-32-36SA-VRS"}),
    ])


# Seasonal campaigns (written to seasons.json).  A season runs from `start`
# to `end` (month-day; an end before the start is in the next year; 02-29 is
# the end of February in every year); a dose
# given from `counts_from` until the next season's `counts_from` counts for it,
# so a dose of the previous season never does.  `seasons` holds the published
# dates of a campaign, by its label; any other year follows the rule.  A new
# campaign's dates are a data update (new pack version, shipped by the hub),
# not a release.
LOC_FLU = "Grippe saisonnière"
SEASONS = {
    "grippe": {
        "title": "Campagne de vaccination contre la grippe saisonnière",
        "rule": {"start": "10-15", "end": "02-29", "counts_from": "09-01"},
        "seasons": {"2025-2026": {"start": "2025-10-14", "end": "2026-01-31"}},
        "source": "CAL2025, grippe saisonnière : vaccination annuelle, à l'automne, pendant la "
                  "campagne (mi-octobre à fin février selon les saisons) ; dates 2025-2026 à "
                  "vérifier contre l'annonce de la campagne",
    },
    "covid-automne": {
        "title": "Campagne d'automne de vaccination contre le Covid-19",
        "rule": {"start": "10-15", "end": "02-29", "counts_from": "09-01"},
        "seasons": {"2025-2026": {"start": "2025-10-14", "end": "2026-01-31"}},
        "source": "HAS2024COVID : campagne d'automne, conjointe avec la grippe",
    },
    "covid-printemps": {
        "title": "Campagne de printemps de vaccination contre le Covid-19",
        "rule": {"start": "04-15", "end": "06-15", "counts_from": "03-01"},
        "seasons": {"2024": {"start": "2024-04-15", "end": "2024-06-16"}},
        "source": "HAS2025COVIDPRINTEMPS : campagne de printemps (mi-avril à mi-juin) pour les "
                  "80 ans et plus, les résidents d'EHPAD/USLD et les personnes immunodéprimées",
    },
}


def build_influenza() -> None:
    loc = LOC_FLU
    season = ("20251014", "20260131")  # fallback for a CDSi engine without tsn:season
    done = SkipSet("Déjà vacciné pendant la saison en cours",
                   [Cond("Vaccine Count by Date", start_date="20250901", end_date="20260901",
                         count=0, logic="greater than", dose_type="Total")],
                   ("CAL2025", loc, "une dose par saison ; une dose de la saison précédente "
                    "ne compte pas"))
    injectable = [("FR-EFLUELDA", "60 years", None), ("FR-FLUAD", "65 years", None),
                  ("FR-VAXIGRIP", "6 months", None), ("FR-INFLUVAC", "6 months", None)]

    def dose(source: tuple[str, str, str], min_age: str, max_age: str | None = None,
             preferable: list[tuple[str, str | None, str | None]] = injectable) -> Dose:
        return Dose(1, source, min_age=min_age, max_age=max_age, recurring=True, season=season,
                    campaign="grippe", skips=[Skip("Forecast", [done])],
                    preferable=preferable,
                    extra_sources=[("CAL2025", loc, "saisons : voir seasons.json (campagne "
                                    "« grippe »), reconduites chaque année")])

    children = dose(("CAL2025", loc, "vaccination proposée chaque année aux enfants sans "
                     "comorbidité âgés de 2 à 17 ans révolus, sans être obligatoire"),
                    "2 years", "18 years",
                    [("FR-FLUENZ", "2 years", "18 years"), ("FR-VAXIGRIP", "6 months", None),
                     ("FR-INFLUVAC", "6 months", None)])
    children.extra_sources.append(("HAS2023GRIPPEENF", "", "vaccin vivant nasal à privilégier "
                                   "(sauf immunodépression)"))
    write_antigen("Influenza.xml", [
        Series("Grippe – 65 ans et plus", "Influenza", "Grippe",
               [dose(("CAL2025", loc, "vaccination annuelle des 65 ans et plus"), "65 years")],
               ("CAL2025", loc, ""), default=True),
        Series("Grippe – personnes à risque, femmes enceintes, professionnels", "Influenza",
               "Grippe", [dose(("CAL2025", loc, "recommandations particulières"), "6 months")],
               ("CAL2025", loc, ""), series_type="Risk", series_group="2",
               indications=[("FR-RISQUE-GRIPPE", OBS["FR-RISQUE-GRIPPE"], "6 months", None),
                            ("FR-GROSSESSE", OBS["FR-GROSSESSE"], None, None),
                            ("FR-PRO-SANTE", OBS["FR-PRO-SANTE"], None, None)]),
        # Its own series group: the child's forecast is not judged against the
        # 65+ series (the group shows whichever dose is due first).
        Series("Grippe – enfants de 2 à 17 ans", "Influenza", "Grippe", [children],
               ("CAL2025", loc, "enfants de 2 à 17 ans révolus sans comorbidité"),
               series_group="3", extra_sources=[("HAS2023GRIPPEENF", "", "")]),
    ])


def build_covid() -> None:
    loc = "Covid-19"
    season = ("20251014", "20260131")  # fallback for a CDSi engine without tsn:season
    done = SkipSet("Déjà vacciné pendant la campagne d'automne en cours",
                   [Cond("Vaccine Count by Date", start_date="20250901", end_date="20260901",
                         count=0, logic="greater than", dose_type="Total")],
                   ("HAS2024COVID", "", "une dose lors de la campagne d'automne"))

    def dose(min_age: str) -> Dose:
        return Dose(1, ("HAS2024COVID", "", "une dose à l'automne, au moins 6 mois après la "
                        "dernière injection ou infection"), min_age=min_age, recurring=True,
                    season=season, campaign="covid-automne", intervals=[Interval(min="6 months")],
                    skips=[Skip("Forecast", [done])],
                    preferable=[("FR-COMIRNATY", None, None)],
                    extra_sources=[("CAL2025", loc, "")])

    spring_done = SkipSet("Déjà vacciné pendant la campagne de printemps en cours",
                          [Cond("Vaccine Count by Date", start_date="20250301",
                                end_date="20260301", count=0, logic="greater than",
                                dose_type="Total")],
                          ("HAS2025COVIDPRINTEMPS", "", "une dose au printemps"))

    def spring(min_age: str, interval: str = "3 months") -> Dose:
        return Dose(1, ("HAS2025COVIDPRINTEMPS", "", f"une dose au printemps, au moins {interval} "
                        "après la dernière injection ou infection (3 mois pour les 80 ans et "
                        "plus et les immunodéprimés, 6 mois sinon)"), min_age=min_age,
                    recurring=True, season=("20250414", "20250616"), campaign="covid-printemps",
                    intervals=[Interval(min=interval)], skips=[Skip("Forecast", [spring_done])],
                    preferable=[("FR-COMIRNATY", None, None)],
                    extra_sources=[("CAL2025", loc, "campagne de printemps")])

    write_antigen("COVID-19.xml", [
        Series("Covid-19 – 65 ans et plus", "COVID-19", "Covid-19", [dose("65 years")],
               ("HAS2024COVID", "", ""), default=True),
        Series("Covid-19 – personnes à risque", "COVID-19", "Covid-19", [dose("6 months")],
               ("HAS2024COVID", "", ""), series_type="Risk", series_group="2",
               indications=[("FR-RISQUE-COVID", OBS["FR-RISQUE-COVID"], "6 months", None),
                            ("FR-IMMUNODEPRIME", OBS["FR-IMMUNODEPRIME"], "6 months", None),
                            ("FR-GROSSESSE", OBS["FR-GROSSESSE"], None, None),
                            ("FR-EHPAD", OBS["FR-EHPAD"], None, None)]),
        # Spring: an extra dose for the most vulnerable, in its own series
        # groups so it adds to (does not replace) the autumn dose.
        Series("Covid-19 – printemps, 80 ans et plus", "COVID-19", "Covid-19",
               [spring("80 years")], ("HAS2025COVIDPRINTEMPS", "", ""), series_group="3"),
        Series("Covid-19 – printemps, immunodéprimés", "COVID-19", "Covid-19",
               [spring("6 months")], ("HAS2025COVIDPRINTEMPS", "", ""),
               series_type="Risk", series_group="4",
               indications=[("FR-IMMUNODEPRIME", OBS["FR-IMMUNODEPRIME"], "6 months", None)]),
        Series("Covid-19 – printemps, résidents d'EHPAD/USLD", "COVID-19", "Covid-19",
               [spring("0 days", "6 months")], ("HAS2025COVIDPRINTEMPS", "", ""),
               series_type="Risk", series_group="5",
               indications=[("FR-EHPAD", OBS["FR-EHPAD"], None, None)]),
    ])


def write_seasons() -> None:
    (OUT / "seasons.json").write_text(
        json.dumps({"campaigns": SEASONS}, ensure_ascii=False, indent=2) + "\n",
        encoding="utf-8")


def build_rotavirus() -> None:
    loc = "Infections à rotavirus"
    doses = [
        Dose(1, ("HAS2022ROTA", "", "1re dose à 2 mois, au plus tôt à 6 semaines, au plus tard "
                 "avant 12 semaines"), min_age="6 weeks", earliest="2 months",
             latest="12 weeks", max_age="12 weeks",
             preferable=[("FR-ROTARIX", None, None), ("FR-ROTATEQ", None, None)],
             extra_sources=[("CAL2025", loc, "")]),
        Dose(2, ("HAS2022ROTA", "", "2e dose à 3 mois (4 semaines minimum) ; Rotarix "
                 "terminé avant 24 semaines"), max_age="32 weeks",
             earliest="3 months", intervals=[Interval(min="4 weeks", earliest="4 weeks")],
             preferable=[("FR-ROTARIX", None, "24 weeks"), ("FR-ROTATEQ", None, None)],
             allowable=["FR-ROTATEQ", "116", "122"]),
        Dose(3, ("HAS2022ROTA", "", "3e dose à 4 mois pour RotaTeq ; terminé avant 32 "
                 "semaines"), max_age="32 weeks", earliest="4 months",
             intervals=[Interval(min="4 weeks", earliest="4 weeks")],
             preferable=[("FR-ROTATEQ", None, None)],
             skips=[Skip("Both", [SkipSet(
                 "Schéma Rotarix (2 doses monovalentes) complet",
                 [Cond("Vaccine Count by Age", count=1, logic="greater than", dose_type="Valid",
                       vaccine_types=("FR-ROTARIX", "119"))],
                 ("HAS2022ROTA", "", "Rotarix : 2 doses ; RotaTeq : 3 doses"))])]),
    ]
    write_antigen("Rotavirus.xml", [Series(
        "Rotavirus – nourrissons", "Rotavirus", "Rotavirus", doses, ("HAS2022ROTA", "", ""),
        default=True, max_start="12 weeks")],
        contraindications=[("FR-IMMUNODEPRIME", "Immunodépression", "Vaccin vivant.")])


def build_bcg() -> None:
    loc = "Tuberculose"
    write_antigen("Tuberculosis.xml", [Series(
        "BCG – enfants à risque élevé de tuberculose", "Tuberculosis", "BCG",
        [Dose(1, ("CAL2025", loc, "une dose dès 1 mois (idéalement au cours du 2e mois), "
                  "jusqu'à 15 ans"), min_age="0 days", earliest="1 month", latest="3 months",
              max_age="16 years", preferable=[("FR-BCGAJV", None, None)])],
        ("HCSP2007BCG", "", ""), series_type="Risk", series_group="2",
        indications=[("FR-RISQUE-TB", OBS["FR-RISQUE-TB"], None, "16 years")])],
        contraindications=[("FR-IMMUNODEPRIME", "Immunodépression", "Vaccin vivant.")])


# ---------------------------------------------------------------- schedule
GROUPS = {
    "DTP": ("Yes", ["Diphtheria", "Tetanus", "Polio"]),
    "Coqueluche": ("No", ["Pertussis"]),
    "Hib": ("No", ["Hib"]),
    "HepB": ("No", ["HepB"]),
    "HepA": ("No", ["HepA"]),
    "Pneumocoque": ("No", ["Pneumococcal"]),
    "MenB": ("No", ["Meningococcal B"]),
    "MenACWY": ("No", ["Meningococcal"]),
    "ROR": ("Yes", list(MMR)),
    "HPV": ("No", ["HPV"]),
    "Varicelle": ("No", ["Varicella"]),
    "Zona": ("No", ["Zoster"]),
    "Grippe": ("No", ["Influenza"]),
    "VRS": ("No", ["RSV"]),
    "Rotavirus": ("No", ["Rotavirus"]),
    "BCG": ("No", ["Tuberculosis"]),
    "Covid-19": ("No", ["COVID-19"]),
}

# Who may prescribe and administer (not a CDSi concept).  Doctors: everything.
PRESCRIBERS = [
    ("medecin", "all", None, "Code de la santé publique"),
    ("sage-femme", "all", None, "DEC2023PRO"),
    ("pharmacien", "all", "11 years", "DEC2023PRO"),
    ("infirmier", "all", "11 years", "DEC2023PRO"),
]


def build_schedule() -> None:
    root = ET.Element("scheduleSupportingData")
    meta = ET.SubElement(root, f"{{{TSN}}}pack", id="fr-2025", country="FR",
                         calendar="Calendrier des vaccinations 2025")
    refs = ET.SubElement(meta, f"{{{TSN}}}references")
    for key, (title, publisher) in REFERENCES.items():
        ET.SubElement(refs, f"{{{TSN}}}reference", id=key, publisher=publisher).text = title
    scope = ET.SubElement(meta, f"{{{TSN}}}prescriberScope")
    src(scope, "DEC2023PRO", "", "pharmaciens, infirmiers et sages-femmes formés : "
        "prescription et administration des vaccins du calendrier à partir de 11 ans, "
        "vaccins vivants exclus chez l'immunodéprimé")
    for profession, groups, min_age, ref in PRESCRIBERS:
        attrs = {"profession": profession, "groups": groups, "ref": ref}
        if min_age:
            attrs["patientMinAge"] = min_age
            attrs["excludeLiveIfObservation"] = "FR-IMMUNODEPRIME"
        ET.SubElement(scope, f"{{{TSN}}}prescriber", attrs)

    lvc = sub(root, "liveVirusConflicts")
    live_codes = [p.code for p in PRODUCTS if p.live and not {"Rotavirus", "Tuberculosis"}
                  & set(p.antigens)]
    live_codes += [c for c in ("03", "94", "21") if c in LIVE_CVX]
    for prev in live_codes:
        for cur in live_codes:
            c = sub(lvc, "liveVirusConflict")
            p = sub(c, "previous")
            sub(p, "vaccineType", description(prev))
            sub(p, "cvx", prev)
            q = sub(c, "current")
            sub(q, "vaccineType", description(cur))
            sub(q, "cvx", cur)
            sub(c, "conflictBeginInterval", "1 day")
            sub(c, "minConflictEndInterval", "28 days")
            sub(c, "conflictEndInterval", "28 days")
    src(lvc, "CAL2025", "Aspects pratiques – administration des vaccins vivants",
        "deux vaccins vivants injectables non administrés le même jour sont espacés d'au moins "
        "4 semaines")

    groups = sub(root, "vaccineGroups")
    for name, (full, _) in GROUPS.items():
        g = sub(groups, "vaccineGroup")
        sub(g, "name", name)
        sub(g, "administerFullVaccineGroup", full)
    gmap = sub(root, "vaccineGroupToAntigenMap")
    for name, (_, antigens) in GROUPS.items():
        g = sub(gmap, "vaccineGroupMap")
        sub(g, "name", name)
        for a in antigens:
            sub(g, "antigen", a)

    cmap = sub(root, "cvxToAntigenMap")
    entries = [(p.code, p.description, p.antigens, p.end_ages, p.kind) for p in PRODUCTS]
    entries += [(c, d, a, {}, "monoclonal-antibody" if RSV_MAB in a else "vaccine")
                for c, d, a in CVX]
    for code, desc, antigens, end_ages, kind in entries:
        m = sub(cmap, "cvxMap")
        sub(m, "cvx", code)
        sub(m, "shortDescription", desc)
        if kind != "vaccine":
            ET.SubElement(m, f"{{{TSN}}}productKind").text = kind
        for a in antigens:
            x = sub(m, "association")
            sub(x, "antigen", a)
            sub(x, "associationBeginAge")
            sub(x, "associationEndAge", end_ages.get(a))

    obs = sub(root, "observations")
    for code, title in OBS.items():
        o = sub(obs, "observation")
        sub(o, "observationCode", code)
        sub(o, "observationTitle", title)
        sub(o, "group")
        sub(o, "indicationText", title)
        sub(o, "contraindicationText")
        sub(o, "clarifyingText")
        sub(o, "codedValues")
    ET.indent(root)
    (OUT / "ScheduleSupportingData.xml").write_bytes(
        b'<?xml version="1.0" encoding="UTF-8"?>\n'
        + ET.tostring(root, encoding="utf-8", xml_declaration=False) + b"\n")


def main() -> None:
    build_schedule()
    build_dtp()
    build_pertussis()
    build_hib()
    build_hepb()
    build_pneumo()
    build_menb()
    build_menacwy()
    build_mmr()
    build_hepa()
    build_hpv()
    build_varicella()
    build_zoster()
    build_rsv()
    build_influenza()
    build_covid()
    build_rotavirus()
    build_bcg()
    write_seasons()


if __name__ == "__main__":
    main()
