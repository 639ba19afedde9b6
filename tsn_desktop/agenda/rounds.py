"""A day's round of home visits: fixed-time visits first, the others ordered from the
communes' positions, a travel buffer per distance band, times worked out in order.
Pure rules: no Qt, no SQL."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from tsn_desktop.agenda.communes import Commune, distance_km
from tsn_desktop.agenda.model import FIXED_TOLERANCE

# Travel buffer by distance band (km, minutes): town driving with parking, not a route.
BANDS: tuple[tuple[float, int], ...] = ((1.0, 5), (3.0, 10), (8.0, 15), (15.0, 20),
                                        (30.0, 30))
FAR_MINUTES = 45  # beyond the last band
UNKNOWN_MINUTES = 15  # a visit whose commune is not in the pack


def travel_minutes(a: Commune | None, b: Commune | None) -> int:
    if a is None or b is None:
        return UNKNOWN_MINUTES
    km = distance_km(a, b)
    return next((minutes for limit, minutes in BANDS if km <= limit), FAR_MINUTES)


@dataclass(frozen=True)
class Stop:
    """One visit of the round as the planner sees it."""

    id: str
    start: datetime  # the booked time (UTC)
    minutes: int
    fixed: bool  # due within ±15 min of `start`
    commune: Commune | None


@dataclass(frozen=True)
class PlannedStop:
    stop: Stop
    arrive: datetime  # proposed arrival (UTC)
    travel: int  # minutes from the previous stop (or from the start point)
    late: bool  # a fixed visit reached more than 15 min after its time


def schedule(order: Sequence[Stop], leave: datetime,
             origin: Commune | None) -> list[PlannedStop]:
    """Times for the stops in this order, leaving `origin` at `leave`: each visit starts
    when the previous one is over plus the travel buffer; a fixed visit is not started
    before its time less 15 min (one waits), and is flagged when reached too late."""
    out: list[PlannedStop] = []
    clock, here = leave, origin
    for stop in order:
        travel = travel_minutes(here, stop.commune)
        arrive = clock + timedelta(minutes=travel)
        if stop.fixed:
            arrive = max(arrive, stop.start - FIXED_TOLERANCE)
        late = stop.fixed and arrive > stop.start + FIXED_TOLERANCE
        out.append(PlannedStop(stop, arrive, travel, late))
        clock, here = arrive + timedelta(minutes=stop.minutes), stop.commune
    return out


def _fits(stop: Stop, clock: datetime, here: Commune | None,
          next_fixed: Stop | None) -> bool:
    if next_fixed is None:
        return True
    done = clock + timedelta(minutes=travel_minutes(here, stop.commune) + stop.minutes)
    return done + timedelta(minutes=travel_minutes(stop.commune, next_fixed.commune)) \
        <= next_fixed.start + FIXED_TOLERANCE


def propose(stops: Sequence[Stop], leave: datetime,
            origin: Commune | None) -> list[PlannedStop]:
    """The proposed round: fixed-time visits are placed first, at their times; the other
    visits fill the time around them, nearest commune next, each only where it still
    lets the next fixed visit be reached within 15 min; what is left comes after."""
    fixed = sorted((s for s in stops if s.fixed), key=lambda s: (s.start, s.id))
    free = sorted((s for s in stops if not s.fixed), key=lambda s: (s.start, s.id))
    order: list[Stop] = []
    clock, here = leave, origin
    while fixed or free:
        target = fixed[0] if fixed else None
        nearest = sorted(free, key=lambda s: (travel_minutes(here, s.commune),
                                              distance_km(here, s.commune)
                                              if here and s.commune else 0.0, s.start, s.id))
        chosen = next((s for s in nearest if _fits(s, clock, here, target)), None)
        if chosen is None:
            assert target is not None  # with no fixed visit left, every visit fits
            chosen = target
            fixed.pop(0)
        else:
            free.remove(chosen)
        order.append(chosen)
        planned = schedule(order, leave, origin)[-1]
        clock, here = planned.arrive + timedelta(minutes=chosen.minutes), chosen.commune
    return schedule(order, leave, origin)
