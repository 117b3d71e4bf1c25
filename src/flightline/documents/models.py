from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import BigInteger, Boolean, DateTime, Integer, LargeBinary, Text, func
from sqlalchemy.orm import Mapped, mapped_column

from flightline.core.db import Base


class Document(Base):
    """A stored (encrypted) document of a review; byte-identical uploads are stored once."""

    __tablename__ = "documents"

    org_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    review_id: Mapped[uuid.UUID] = mapped_column()
    sandbox: Mapped[bool] = mapped_column(Boolean)
    upload_index: Mapped[int] = mapped_column(Integer)
    member_index: Mapped[int | None] = mapped_column(Integer)
    sha256: Mapped[bytes] = mapped_column(LargeBinary)
    size: Mapped[int] = mapped_column("bytes", BigInteger)
    media_type: Mapped[str] = mapped_column(Text)
    pages: Mapped[int | None] = mapped_column(Integer)
    key_version: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())

    @staticmethod
    def blob_name(org_id: uuid.UUID, review_id: uuid.UUID, document_id: uuid.UUID) -> str:
        return f"{org_id}/{review_id}/{document_id}"

    @staticmethod
    def aad(org_id: uuid.UUID, review_id: uuid.UUID, document_id: uuid.UUID) -> bytes:
        # Binds the ciphertext to its place: a blob moved to another tenant,
        # review or document id fails to decrypt.
        return f"flightline/document/v1|{org_id}|{review_id}|{document_id}".encode()
