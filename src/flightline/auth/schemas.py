from __future__ import annotations

import uuid
from dataclasses import dataclass

from flightline.core.db import Tenant


@dataclass(frozen=True, slots=True)
class Principal:
    """The caller of a request: a live key of one organization, in one mode."""

    org_id: uuid.UUID
    key_id: str
    sandbox: bool

    @property
    def tenant(self) -> Tenant:
        return Tenant(self.org_id, self.sandbox)
