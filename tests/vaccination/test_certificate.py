"""The attestation and the full carnet as PDF, written from a real SQLCipher profile and
read back with pypdf: identity (INS only when qualified), each dose with date, product,
lot, dose number, who (RPPS) and where, the signing practitioner, "page X sur Y", and the
export in the audit log."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from dateutil.relativedelta import relativedelta
from pypdf import PdfReader

from tests.patients.factories import make_patient, valid_ins, valid_rpps
from tsn_desktop.core.db import Database
from tsn_desktop.core.session import OpenProfile
from tsn_desktop.patients import service as patients
from tsn_desktop.patients.model import QUALIFIED, Patient
from tsn_desktop.vaccination import certificate, service
from tsn_desktop.vaccination.model import NOT_GIVEN, Dose, Performer

TODAY = date(2026, 11, 23)
BIRTH = date(2026, 5, 10)
INS = valid_ins(sex="2", year=2026, month=5)
NURSE = Performer("Claire PETIT", "nurse", valid_rpps("1000012345"))
DOCTOR = Performer("Marie DURAND", "physician", valid_rpps("1000098765"))  # her prescriber


def pdf_text(path: Path) -> list[str]:
    """The text of each page, whitespace collapsed (pypdf splits lines anywhere)."""
    return [" ".join(page.extract_text().split()) for page in PdfReader(path).pages]


def give(db: Database, patient: Patient, on: date, product: str = "FR-HEXYON",
         lot: str = "X4F21A", **changes: object) -> Dose:
    draft = replace(Dose(id="", patient_id=patient.id, occurrence=on, product=product,
                         lot=lot, expiry=date(2027, 12, 31), site="thigh-left", route="IM",
                         performer=NURSE, place="home", prescriber=DOCTOR),
                    **changes)  # type: ignore[arg-type]
    return service.record_dose(db, draft, TODAY, patient.birth_date, NURSE)


@pytest.fixture
def qualified_baby(db: Database) -> Patient:
    """Léa, 6 months, identity qualified (INS from INSi and an identity document seen)."""
    patient = patients.save(db, make_patient(given_names="Léa", birth_date=BIRTH, ins=INS,
                                             identity_document="PA")).patient
    assert patient.identity_status == QUALIFIED
    return patient


def test_the_attestation_names_the_patient_with_her_ins_and_each_dose_given(
        db: Database, profile: OpenProfile, qualified_baby: Patient, tmp_path: Path) -> None:
    give(db, qualified_baby, date(2026, 7, 10), lot="X4F21A")
    give(db, qualified_baby, date(2026, 9, 10), lot="Y7K33B")
    give(db, qualified_baby, date(2026, 9, 10), product="FR-PREVENAR20", lot="PN2201",
         outcome=NOT_GIVEN, reason="refused")
    out = tmp_path / "chosen folder" / "attestation.pdf"
    out.parent.mkdir()

    service.write_certificate(db, certificate.ATTESTATION, qualified_baby,
                              profile.practitioner, TODAY, out)

    [page] = pdf_text(out)
    assert "Attestation de vaccination" in page
    assert "DUPONT Léa" in page and INS in page and "identité qualifiée" in page
    assert "10/07/2026" in page and "10/09/2026" in page
    assert "X4F21A" in page and "Y7K33B" in page and "Hexyon" in page
    assert "PN2201" not in page  # refused: not certified as given
    assert f"Claire PETIT, infirmier(ère) — RPPS {NURSE.rpps}" in page
    assert "domicile" in page
    assert "Anne MARTIN — médecin généraliste" in page
    assert f"RPPS {profile.practitioner.rpps}" in page
    assert "Fait le 23/11/2026" in page and "page 1 sur 1" in page
    assert [p.name for p in out.parent.iterdir()] == ["attestation.pdf"]  # no .part left


def test_the_dose_numbers_are_the_engines_numbers_in_the_series(
        db: Database, profile: OpenProfile, qualified_baby: Patient, tmp_path: Path) -> None:
    give(db, qualified_baby, date(2026, 7, 10), lot="FIRST1")
    give(db, qualified_baby, date(2026, 9, 10), lot="SECOND2")
    doses = service.carnet(db, qualified_baby.id)
    assessment = service.forecast_of(BIRTH, "F", doses, TODAY)

    rows = certificate.lines(certificate.ATTESTATION, doses, assessment,
                             service.schedule_data(), service.shipped_catalogue())

    assert [(r.lot, r.number) for r in rows] == [("FIRST1", "1"), ("SECOND2", "2")]


def test_an_identity_not_qualified_never_prints_the_ins(
        db: Database, profile: OpenProfile, tmp_path: Path) -> None:
    retrieved = patients.save(db, make_patient(given_names="Léa", birth_date=BIRTH,
                                               ins=INS)).patient  # INSi, no document seen
    assert retrieved.identity_status != QUALIFIED
    give(db, retrieved, date(2026, 7, 10))
    out = tmp_path / "a.pdf"

    service.write_certificate(db, certificate.ATTESTATION, retrieved, profile.practitioner,
                              TODAY, out)

    [page] = pdf_text(out)
    assert INS not in page and "INS non reporté" in page


def test_a_carnet_of_60_doses_spans_pages_numbered_page_x_sur_y(
        db: Database, profile: OpenProfile, tmp_path: Path) -> None:
    adult = patients.save(db, make_patient(
        given_names="Hélène", birth_date=date(1960, 1, 5),
        ins=valid_ins(year=1960, month=1), identity_document="PA")).patient
    lots = [f"LOT{n:03d}" for n in range(60)]
    for n, lot in enumerate(lots):  # yearly flu shots, then more
        give(db, adult, date(1962, 10, 1) + relativedelta(years=n), product="FR-VAXIGRIPTETRA",
             lot=lot, site="deltoid-left")
    out = tmp_path / "carnet.pdf"

    service.write_certificate(db, certificate.CARNET, adult, profile.practitioner, TODAY, out)

    pages = pdf_text(out)
    total = len(pages)
    assert total >= 2
    for number, page in enumerate(pages, start=1):
        assert f"page {number} sur {total}" in page
        assert "Date Vaccin Dose Lot" in page  # the header repeats on every page
    everything = " ".join(pages)
    assert all(lot in everything for lot in lots)
    assert "Carnet de vaccination" in pages[0] and "Fait le 23/11/2026" in pages[-1]


def test_the_full_carnet_shows_a_refusal_and_a_dose_entered_in_error_struck_through(
        db: Database, profile: OpenProfile, qualified_baby: Patient, tmp_path: Path) -> None:
    wrong = give(db, qualified_baby, date(2026, 7, 10), lot="WRONG1")
    service.mark_entered_in_error(db, wrong, NURSE, "mauvais patient")
    give(db, qualified_baby, date(2026, 9, 10), product="FR-PREVENAR20", lot="PN2201",
         outcome=NOT_GIVEN, reason="refused")
    out = tmp_path / "carnet.pdf"

    service.write_certificate(db, certificate.CARNET, qualified_baby, profile.practitioner,
                              TODAY, out)

    text = " ".join(pdf_text(out))
    assert "WRONG1" in text and "saisie erronée (mauvais patient)" in text
    assert "non faite : refusée" in text


def test_writing_the_certificate_is_audited_as_an_export_of_the_patient(
        db: Database, profile: OpenProfile, qualified_baby: Patient, tmp_path: Path) -> None:
    give(db, qualified_baby, date(2026, 7, 10))

    service.write_certificate(db, certificate.ATTESTATION, qualified_baby,
                              profile.practitioner, TODAY, tmp_path / "a.pdf")

    assert db.query("SELECT action, resource_type, resource_id FROM audit_log"
                    " WHERE action = 'export'") == [("export", "Patient", qualified_baby.id)]


def test_a_failed_write_leaves_no_file_behind(
        db: Database, profile: OpenProfile, qualified_baby: Patient, tmp_path: Path) -> None:
    give(db, qualified_baby, date(2026, 7, 10))
    missing = tmp_path / "no such folder" / "a.pdf"

    with pytest.raises(OSError):
        service.write_certificate(db, certificate.ATTESTATION, qualified_baby,
                                  profile.practitioner, TODAY, missing)

    assert not missing.parent.exists()
    assert db.query("SELECT count(*) FROM audit_log WHERE action = 'export'") == [(0,)]


def test_the_full_carnet_lists_the_profile_facts_that_explain_the_recommendations(
        db: Database, profile: OpenProfile, qualified_baby: Patient, tmp_path: Path) -> None:
    from tsn_desktop.vaccination import model
    from tsn_desktop.vaccination.model import Fact

    service.record_fact(db, Fact(id="", patient_id=qualified_baby.id, code="FR-PREMATURE",
                                 onset=BIRTH, source=model.DOCUMENT),
                        TODAY, BIRTH, NURSE)
    out = tmp_path / "carnet.pdf"

    service.write_certificate(db, certificate.CARNET, qualified_baby, profile.practitioner,
                              TODAY, out)

    text = " ".join(pdf_text(out))
    assert "Situations prises en compte pour les recommandations" in text
    assert "Nourrisson né prématuré (avant 37 SA) (depuis le 10/05/2026 ; document médical)" in (
        text)
