"""Seeded synthetic patients of a French GP practice in Auvergne-Rhône-Alpes (demo, benchmarks).

Everything is invented and deterministic for a seed: names are drawn from common French
names, INS numbers are built to validate (key from `core.identifiers`), e-mails use the
reserved example.org domain. Phone numbers are random and may exist: demo data must never
be used to call or text anyone.

About 0.2 % of the records are likely duplicates of an earlier one (same birth name,
first given name, sex, date and place of birth; only the first given name kept, no
e-mail, another phone), as when a patient is registered twice at the front desk. They
carry a different INS order number, so INS values stay unique: the duplicate flag must
work on identity traits, not on the INS.
"""

from __future__ import annotations

import random
import unicodedata
from bisect import bisect
from datetime import date, timedelta
from itertools import accumulate
from typing import cast

from tsn_desktop.core.identifiers import nir_key

DUPLICATE_RATE = 0.002

# --- Names -------------------------------------------------------------------------------

SURNAMES: tuple[str, ...] = tuple(dict.fromkeys("""
Martin Bernard Thomas Petit Robert Richard Durand Dubois Moreau Laurent Simon Michel
Lefebvre Leroy Roux David Bertrand Morel Fournier Girard Bonnet Dupont Lambert Fontaine
Rousseau Vincent Muller Lefèvre Faure André Mercier Blanc Guérin Boyer Garnier Chevalier
François Legrand Gauthier Garcia Perrin Robin Clément Morin Nicolas Henry Roussel Mathieu
Gautier Masson Marchand Duval Denis Dumont Marie Lemaire Noël Meyer Dufour Meunier Brun
Blanchard Giraud Joly Rivière Lucas Brunet Gaillard Barbier Arnaud Martinez Gérard Roche
Renard Schmitt Roy Leroux Colin Vidal Caron Picard Roger Fabre Aubert Lemoine Renaud Dumas
Lacroix Olivier Philippe Bourgeois Pierre Benoît Rey Leclerc Payet Rolland Leclercq
Guillaume Lecomte Lopez Jean Dupuy Guillot Hubert Berger Carpentier Sanchez Dupuis Moulin
Louis Deschamps Huet Vasseur Perez Boucher Fleury Royer Klein Jacquet Adam Paris Poirier
Marty Aubry Guyot Carré Charles Renault Charpentier Ménard Maillard Baron Bertin Bailly
Hervé Schneider Fernandez Collet Léger Bouvier Julien Prévost Millet Perrot Daniel Cousin
Germain Breton Besson Langlois Rémy Pelletier Lévêque Perrier Leblanc Barré Lebrun Marchal
Weber Mallet Hamon Boulanger Jacob Monnier Michaud Rodriguez Guichard Gillet Étienne
Grondin Poulain Tessier Chevallier Collin Chauvin Bouchet Gay Lemaître Bénard Maréchal
Humbert Reynaud Antoine Hoarau Perret Barthélemy Cordier Pichon Lejeune Gilbert Lamy
Delaunay Pasquier Carlier Laporte Chapuis Bonnard Brunel Chabert Chambon Collomb Coste
Favre Gros Jacquemet Mollard Pernet Thevenet Vial Pellet Rochette Teyssier Vernet Bonnefoy
Chazal Desgranges Ravel Servonnat Bouchard Chatelain Convert Dussert Genevois Gonnet
Jourdan Mermet Peyron Pommier Reverchon Rostaing Tardy Verdier Vuillermoz Montagnon
Benali Haddad Mansouri Bouzid Cherif Amrani Belkacem Saidi Ferreira Pereira Rodrigues
Gonçalves Costa Oliveira Rossi Russo Ferrari Bianchi Esposito Nguyen Tran Diallo Traoré
Yilmaz Kaya Öztürk Popescu Kowalski
""".split() + [
    "Le Gall", "Le Roux", "Le Goff", "Da Silva", "Dos Santos", "De Oliveira", "Ben Ahmed",
]))

# Given names by sex and generation, so a patient born in 1940 is not called Kylian.
_ERAS = (1960, 1990)  # born before 1960 / before 1990 / from 1990

GIVEN_NAMES: dict[str, tuple[tuple[str, ...], ...]] = {
    "F": tuple(tuple(dict.fromkeys(era.split())) for era in (
        """Marie Jeanne Françoise Monique Catherine Nicole Jacqueline Annie Michèle Christiane
        Danielle Simone Yvette Odette Colette Denise Josiane Suzanne Paulette Ginette Huguette
        Geneviève Marguerite Renée Lucienne Madeleine Germaine Andrée Yvonne Hélène
        Bernadette Marcelle Thérèse Éliane Claudine Martine Chantal Brigitte Évelyne Régine
        Marie-Thérèse Marie-Louise Lucette Raymonde Gisèle""",
        """Nathalie Isabelle Sylvie Valérie Sandrine Christine Véronique Stéphanie Céline
        Aurélie Émilie Virginie Sophie Laurence Karine Corinne Patricia Julie Caroline Anne
        Élodie Audrey Mélanie Séverine Delphine Florence Hélène Cécile Magali Béatrice Agnès
        Carole Laëtitia Anne-Sophie Marie-Claire Gaëlle Frédérique Myriam Nadia Estelle
        Fatima Samia Anne-Laure Ludivine Vanessa""",
        """Emma Jade Louise Alice Chloé Léa Manon Inès Camille Lina Léna Zoé Mila Rose Anna
        Ambre Julia Lola Clara Juliette Sarah Mia Agathe Margaux Romane Lucie Nina Éva Maëlys
        Louna Océane Pauline Mathilde Anaïs Clémence Héloïse Léonie Capucine Maëlle Salomé
        Noémie Justine Laura Marion Yasmine Aïcha Maya Iris Romy""",
    )),
    "M": tuple(tuple(dict.fromkeys(era.split())) for era in (
        """Jean Pierre Michel André Jacques Bernard René Claude Marcel Roger Robert Louis
        Henri Georges Paul Maurice Raymond Gérard Daniel Roland Guy Lucien Albert Gilbert
        Alain Jean-Pierre Jean-Claude Yves Christian Serge Gaston Fernand Émile Joseph
        Francis Jean-Louis Armand Léon Hervé Étienne Jean-Marie Marius Noël Antoine""",
        """Philippe Christophe Stéphane Frédéric Laurent Éric Pascal Thierry Olivier Nicolas
        Sébastien Julien David Vincent Jérôme Cédric Arnaud Fabrice Franck Guillaume Mathieu
        Romain Anthony Jean-François Jean-Marc Patrice Didier Bruno Denis Benoît Grégory
        Xavier Loïc Yannick Ludovic Jérémy Mickaël Thibault Raphaël Karim Mehdi Rachid
        Florent Damien Sylvain""",
        """Gabriel Léo Raphaël Louis Jules Arthur Adam Lucas Hugo Noah Maël Paul Nathan Sacha
        Gabin Aaron Mohamed Tom Théo Liam Noé Victor Axel Martin Eden Timéo Léon Nolan Ethan
        Enzo Mathis Clément Antoine Maxime Alexandre Baptiste Quentin Kylian Éliott Aurélien
        Joachim Côme Benjamin Valentin Ayoub Malo""",
    )),
}

# --- Places ------------------------------------------------------------------------------

# Auvergne-Rhône-Alpes communes: (name, INSEE code, postal codes, weight as a residence).
# The demo practice is in Lyon: patients live in Lyon and its suburbs, and were
# born all over the region.
# Lyon is split by arrondissement because INSEE (and so the NIR) codes births in Lyon,
# Paris and Marseille by arrondissement.
AURA_COMMUNES: tuple[tuple[str, str, tuple[str, ...], int], ...] = (
    ("Villeurbanne", "69266", ("69100",), 40),
    ("Vénissieux", "69259", ("69200",), 14),
    ("Vaulx-en-Velin", "69256", ("69120",), 12),
    ("Caluire-et-Cuire", "69034", ("69300",), 10),
    ("Bron", "69029", ("69500",), 10),
    ("Saint-Priest", "69290", ("69800",), 9),
    ("Oullins", "69149", ("69600",), 6),
    ("Villefranche-sur-Saône", "69264", ("69400",), 2),
    ("Givors", "69091", ("69700",), 2),
    ("Tarare", "69243", ("69170",), 0),
    ("Saint-Étienne", "42218", ("42000", "42100"), 0),
    ("Roanne", "42187", ("42300",), 0),
    ("Montbrison", "42147", ("42600",), 0),
    ("Firminy", "42095", ("42700",), 0),
    ("Saint-Chamond", "42207", ("42400",), 0),
    ("Grenoble", "38185", ("38000", "38100"), 0),
    ("Échirolles", "38151", ("38130",), 0),
    ("Saint-Martin-d'Hères", "38421", ("38400",), 0),
    ("Vienne", "38544", ("38200",), 0),
    ("Voiron", "38563", ("38500",), 0),
    ("Bourgoin-Jallieu", "38053", ("38300",), 0),
    ("Meylan", "38229", ("38240",), 0),
    ("Annecy", "74010", ("74000",), 0),
    ("Thonon-les-Bains", "74281", ("74200",), 0),
    ("Annemasse", "74012", ("74100",), 0),
    ("Chamonix-Mont-Blanc", "74056", ("74400",), 0),
    ("Chambéry", "73065", ("73000",), 0),
    ("Aix-les-Bains", "73008", ("73100",), 0),
    ("Albertville", "73011", ("73200",), 0),
    ("Bourg-en-Bresse", "01053", ("01000",), 0),
    ("Oyonnax", "01283", ("01100",), 0),
    ("Ambérieu-en-Bugey", "01004", ("01500",), 0),
    ("Valence", "26362", ("26000",), 0),
    ("Montélimar", "26198", ("26200",), 0),
    ("Romans-sur-Isère", "26281", ("26100",), 0),
    ("Privas", "07186", ("07000",), 0),
    ("Annonay", "07010", ("07100",), 0),
    ("Aubenas", "07019", ("07200",), 0),
    ("Clermont-Ferrand", "63113", ("63000", "63100"), 0),
    ("Riom", "63300", ("63200",), 0),
    ("Issoire", "63178", ("63500",), 0),
    ("Thiers", "63430", ("63300",), 0),
    ("Vichy", "03310", ("03200",), 0),
    ("Montluçon", "03185", ("03100",), 0),
    ("Moulins", "03190", ("03000",), 0),
    ("Aurillac", "15014", ("15000",), 0),
    ("Saint-Flour", "15187", ("15100",), 0),
    ("Le Puy-en-Velay", "43157", ("43000",), 0),
    ("Yssingeaux", "43268", ("43200",), 0),
    ("Brioude", "43040", ("43100",), 0),
) + tuple(
    (f"Lyon {n}{'er' if n == 1 else 'e'} Arrondissement", f"6938{n}", (f"6900{n}",), 6)
    for n in range(1, 10)
)

OTHER_FRANCE_BIRTHPLACES: tuple[tuple[str, str], ...] = tuple(
    (f"Paris {n}{'er' if n == 1 else 'e'} Arrondissement", f"751{n:02d}")
    for n in (1, 5, 11, 12, 14, 15, 18, 20)
) + tuple(
    (f"Marseille {n}{'er' if n == 1 else 'e'} Arrondissement", f"132{n:02d}")
    for n in (1, 5, 8, 13)
) + (
    ("Toulouse", "31555"), ("Bordeaux", "33063"), ("Lille", "59350"), ("Nantes", "44109"),
    ("Strasbourg", "67482"), ("Nice", "06088"), ("Montpellier", "34172"),
    ("Rennes", "35238"), ("Dijon", "21231"),
)

# Corse-du-Sud (2A) and Haute-Corse (2B): letters in the NIR, the Corsica key rule applies.
CORSICA_BIRTHPLACES: tuple[tuple[str, str], ...] = (
    ("Ajaccio", "2A004"), ("Porto-Vecchio", "2A247"), ("Bonifacio", "2A041"),
    ("Sartène", "2A272"), ("Bastia", "2B033"), ("Corte", "2B096"), ("Calvi", "2B050"),
)

OVERSEAS_BIRTHPLACES: tuple[tuple[str, str], ...] = (
    ("Pointe-à-Pitre", "97120"), ("Fort-de-France", "97209"), ("Cayenne", "97302"),
    ("Saint-Denis", "97411"),
)

# Born abroad: the NIR place is 99 + the INSEE country code (COG), the place is the country.
ABROAD_BIRTHPLACES: tuple[tuple[str, str], ...] = (
    ("Algérie", "99352"), ("Maroc", "99350"), ("Tunisie", "99351"), ("Portugal", "99139"),
    ("Italie", "99127"), ("Espagne", "99134"), ("Turquie", "99208"), ("Roumanie", "99114"),
    ("Belgique", "99131"), ("Allemagne", "99109"), ("Suisse", "99140"),
    ("Royaume-Uni", "99132"), ("Pologne", "99122"), ("Sénégal", "99341"),
    ("Mali", "99335"), ("Cameroun", "99322"), ("Côte d'Ivoire", "99326"),
    ("Madagascar", "99333"), ("Viet Nam", "99243"), ("Chine", "99216"),
)

STREET_NAMES: tuple[str, ...] = (
    "rue Victor Hugo", "avenue Jean Jaurès", "rue de la République", "boulevard Pasteur",
    "avenue du Général de Gaulle", "allée des Lilas", "rue de la Gare", "cours Gambetta",
    "rue Jules Ferry", "rue de la Paix", "impasse des Écoles", "chemin du Stade",
    "rue Anatole France", "avenue Émile Zola", "place de la Liberté", "allée des Tilleuls",
    "chemin du Moulin", "place de la Mairie", "rue Paul Bert", "rue Garibaldi",
    "montée de la Grande-Côte", "rue Marcellin Berthelot", "cours Lafayette",
    "impasse des Acacias", "chemin du Lavoir", "route des Vignes", "rue Saint-Jean",
    "place de la Fontaine", "montée du Château", "quai Voltaire", "boulevard Carnot",
    "rue Marcel Pagnol", "avenue Antoine de Saint-Exupéry", "rue Marie Curie",
    "allée des Cerisiers", "route du Bourg", "rue des Canuts", "quai Saint-Vincent",
    "rue de la Soie", "chemin des Noyers",
)

# Age bands of a GP practice list (years from, years to, weight): many infants and young
# children (vaccination visits), a working-age bulk and a long elderly tail to 100.
AGE_BANDS: tuple[tuple[int, int, float], ...] = (
    (0, 1, 4.0), (1, 3, 5.0), (3, 6, 5.0), (6, 12, 8.0), (12, 18, 7.0), (18, 30, 12.0),
    (30, 45, 17.0), (45, 60, 17.0), (60, 75, 14.0), (75, 90, 9.0), (90, 101, 2.0),
)

_BIRTHPLACE_KINDS = ("aura", "france", "corsica", "overseas", "abroad")
_BIRTHPLACE_CUM = tuple(accumulate((64, 20, 2, 2, 12)))
_AGE_CUM = tuple(accumulate(w for _, _, w in AGE_BANDS))
_RESIDENCE_CUM = tuple(accumulate(c[3] for c in AURA_COMMUNES))


def _pick_cum(rng: random.Random, cum: tuple[float, ...]) -> int:
    """Index drawn with cumulative weights (what `choices` does, minus its overhead)."""
    return bisect(cum, rng.random() * cum[-1])


def _ascii_slug(text: str) -> str:
    bare = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(c if c.isalnum() else "-" for c in bare.lower()).strip("-")


def _birth_date(rng: random.Random, today: date) -> date:
    low, high, _ = AGE_BANDS[_pick_cum(rng, _AGE_CUM)]
    # Whole days inside the band, so ages stay within 0-100 years.
    days = rng.randrange(int(low * 365.25), int(high * 365.25) - 1)
    return today - timedelta(days=days)


def _birthplace(rng: random.Random) -> tuple[str, str]:
    kind = _BIRTHPLACE_KINDS[_pick_cum(rng, _BIRTHPLACE_CUM)]
    if kind == "aura":
        name, insee, _, _ = rng.choice(AURA_COMMUNES)
        return name, insee
    pool = {"france": OTHER_FRANCE_BIRTHPLACES, "corsica": CORSICA_BIRTHPLACES,
            "overseas": OVERSEAS_BIRTHPLACES, "abroad": ABROAD_BIRTHPLACES}[kind]
    return rng.choice(pool)


def _given_names(rng: random.Random, sex: str, year: int) -> str:
    eras = GIVEN_NAMES[sex]
    era = 0 if year < _ERAS[0] else 1 if year < _ERAS[1] else 2
    names = [rng.choice(eras[era])]
    extra = _pick_cum(rng, (45, 85, 100))  # 0, 1 or 2 more given names
    while len(names) < 1 + extra:
        # Middle names often come from grandparents: this or an older generation.
        candidate = rng.choice(eras[rng.randrange(era + 1)])
        if candidate not in names:
            names.append(candidate)
    return " ".join(names)


def _phone(rng: random.Random) -> str:
    prefix = rng.choice(("06", "06", "07", "04"))  # three mobiles for one landline
    digits = f"{rng.randrange(100_000_000):08d}"
    return f"{prefix} {digits[:2]} {digits[2:4]} {digits[4:6]} {digits[6:]}"


def _ins(rng: random.Random, sex: str, birth_date: date, insee: str, taken: set[str]) -> str:
    head = f"{'2' if sex == 'F' else '1'}{birth_date.year % 100:02d}{birth_date.month:02d}{insee}"
    while True:
        nir13 = f"{head}{rng.randrange(1, 1000):03d}"
        if nir13 not in taken:
            taken.add(nir13)
            return f"{nir13}{nir_key(nir13):02d}"


def _practice_gps(rng: random.Random) -> tuple[str, ...]:
    """The practice's five GPs for this seed: the treating GPs patients declare."""
    gps: list[str] = []
    while len(gps) < 5:
        sex = rng.choice("FM")
        gp = f"Dr {rng.choice(GIVEN_NAMES[sex][1])} {rng.choice(SURNAMES)}"
        if gp not in gps:
            gps.append(gp)
    return tuple(gps)


def _patient(rng: random.Random, today: date, gps: tuple[str, ...],
             taken: set[str]) -> dict[str, object]:
    sex = "F" if rng.random() < 0.515 else "M"
    birth_date = _birth_date(rng, today)
    birth_name = rng.choice(SURNAMES)
    given_names = _given_names(rng, sex, birth_date.year)
    age = today.year - birth_date.year - (
        (today.month, today.day) < (birth_date.month, birth_date.day))
    used_name = ""
    if sex == "F" and age >= 18 and rng.random() < 0.30:
        while not used_name or used_name == birth_name:
            used_name = rng.choice(SURNAMES)
    birth_place, birth_insee = _birthplace(rng)
    city, _, postal_codes, _ = AURA_COMMUNES[_pick_cum(rng, _RESIDENCE_CUM)]
    if city.startswith("Lyon "):
        city = "Lyon"  # addresses use the commune; births keep the arrondissement
    number = rng.randrange(1, 150)
    suffix = " bis" if rng.random() < 0.03 else ""
    email = ""
    if rng.random() < (0.65 if age >= 15 else 0.2):
        first = _ascii_slug(given_names.split(" ")[0])
        last = _ascii_slug(used_name or birth_name)
        email = f"{first}.{last}{rng.choice(('', '', str(rng.randrange(1, 100))))}@example.org"
    ins = _ins(rng, sex, birth_date, birth_insee, taken)
    return {
        "birth_name": birth_name,
        "used_name": used_name,
        "given_names": given_names,
        "sex": sex,
        "birth_date": birth_date,
        "birth_place": birth_place,
        "birth_insee": birth_insee,
        "ins": ins,
        "identity_document": _identity_document(ins, age),
        "address": f"{number}{suffix} {rng.choice(STREET_NAMES)}",
        "postal_code": rng.choice(postal_codes),
        "city": city,
        "phone": _phone(rng),
        "email": email,
        "treating_gp": gps[_pick_cum(rng, (30, 55, 75, 90, 100))],
    }


def _identity_document(ins: str, age: int) -> str:
    """About two in three identities checked on a document (RNIV status "qualifiée"), the
    others only retrieved from INSi ("récupérée"). Drawn from the INS, not from `rng`, so
    the rest of the demo stays the same patients as before identity statuses existed."""
    draw = random.Random(ins).random()
    if draw >= 0.65:
        return ""
    if age < 18:
        return "LEP" if draw < 0.4 else "AN"
    return "CN" if draw < 0.45 else "PA"


def _duplicate(rng: random.Random, original: dict[str, object],
               taken: set[str]) -> dict[str, object]:
    """The same person typed again in a hurry: first given name only, no e-mail."""
    twin = dict(original)
    twin["given_names"] = str(original["given_names"]).split(" ")[0]
    twin["email"] = ""
    twin["phone"] = _phone(rng)
    twin["ins"] = _ins(rng, str(original["sex"]), cast(date, original["birth_date"]),
                       str(original["birth_insee"]), taken)
    return twin


def generate_patients(count: int, seed: int = 0, *, today: date) -> list[dict[str, object]]:
    """`count` synthetic patients as dicts of `Patient` fields (no id), same list for the
    same (count, seed, today). `today` is passed in: nothing here reads the clock."""
    rng = random.Random(seed)
    gps = _practice_gps(rng)
    taken: set[str] = set()
    patients: list[dict[str, object]] = []
    for index in range(count):
        if index and rng.random() < DUPLICATE_RATE:
            patients.append(_duplicate(rng, patients[rng.randrange(index)], taken))
        else:
            patients.append(_patient(rng, today, gps, taken))
    return patients
