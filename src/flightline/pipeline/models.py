from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import Boolean, DateTime, Integer, LargeBinary, func
from sqlalchemy.orm import Mapped, mapped_column

from flightline.core.db import Base


class DocumentText(Base):
    """The pages of one stored document as read, sealed with the org's key."""

    __tablename__ = "document_texts"

    org_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    document_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    review_id: Mapped[uuid.UUID] = mapped_column()
    sandbox: Mapped[bool] = mapped_column(Boolean)
    pages: Mapped[int] = mapped_column(Integer)
    readable: Mapped[bool] = mapped_column(Boolean)
    sealed: Mapped[bytes] = mapped_column(LargeBinary)
    key_version: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class Report(Base):
    __tablename__ = "reports"

    org_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    review_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    sandbox: Mapped[bool] = mapped_column(Boolean)
    sealed: Mapped[bytes] = mapped_column(LargeBinary)
    key_version: Mapped[int] = mapped_column(Integer)
    generated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now()
    )
