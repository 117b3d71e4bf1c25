from __future__ import annotations

import uuid

from pydantic import BaseModel


class OrganizationOut(BaseModel):
    org_id: uuid.UUID
    name: str
    status: str
    retention_days: int
