"""A sanction is lifted on or after it was imposed."""

from __future__ import annotations

from ...ingest.entities import Registry
from ..facts import Conflict, Reconciliation
from .base import rule


@rule("sanction-dates")
def sanction_dates(result: Reconciliation, registry: Registry) -> list[Conflict]:
    """A sanction is lifted on or after it was imposed."""
    conflicts = []
    for sanction in result.subjects_of_kind("sanction", registry):
        imposed = result.fact(sanction, "imposed_on")
        lifted = result.fact(sanction, "lifted_on")
        if imposed is None or lifted is None:
            continue
        latest_imposed = max(imposed.claims, key=lambda c: (c.value.low, c.id))
        for claim in lifted.claims:
            if claim.value.high < latest_imposed.value.low:
                conflicts.append(Conflict(
                    subject=sanction, property="lifted_on", kind="date_order", severity="error",
                    claims=[claim, latest_imposed], values=[str(latest_imposed.value), str(claim.value)],
                    description=f"{claim.source} dates the lifting of {registry.get(sanction).name} to "
                                f"{claim.value}, before it was imposed ({latest_imposed.value}, {latest_imposed.source}).",
                ))
    return conflicts
