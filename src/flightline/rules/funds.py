"""The funds the borrower brings to closing: the CD's cash to close, unless a
scan misread it past what any closing could ask."""

from __future__ import annotations

from decimal import Decimal

from flightline.pipeline.model import LogicalDocument
from flightline.rules.access import ev, num, text
from flightline.rules.compare import is_ocr
from flightline.rules.engine import LoanContext

# Closing costs no purchase passes, as a share of the price (they run to a
# few percent): a cash to close above the down payment and this is misread.
_COSTS_SHARE = Decimal("0.15")


def cash_to_close(
    ctx: LoanContext,
    cd: LogicalDocument | None,
    value_basis: Decimal | None,
    loan_amount: Decimal | None,
) -> Decimal | None:
    """The CD's cash to close; None (reported unread) where a scanned one is
    more than the home is worth, or, on a purchase, more than its down
    payment and any closing costs."""
    ctc = num(cd, "cash_to_close")
    if ctc is None or cd is None or not is_ocr(cd.fields.get("cash_to_close")):
        return ctc
    if value_basis is not None and ctc > value_basis:
        # more cash than the home is worth: a loan pays part of the price,
        # so this is a misread (`99390436.89`), not what the borrower brings
        ctx.could_not_read(
            "funds to close",
            "the cash to close on the Closing Disclosure (more than the property's price)",
            [ev(cd, "cash_to_close")],
        )
        return None
    price = num(cd, "sale_price")
    if (
        price is not None
        and loan_amount is not None
        and text(cd, "loan_purpose") == "purchase"
        and ctc > price - loan_amount + price * _COSTS_SHARE
    ):
        # a purchase's cash to close is its down payment and closing costs
        # less credits: far more than that is a figure misread
        # (`$490,525.76` for 190,525.76 beside a 170,100 down payment)
        ctx.could_not_read(
            "funds to close",
            "the cash to close on the Closing Disclosure (more than the down payment and "
            "closing costs)",
            [ev(cd, "cash_to_close")],
        )
        return None
    return ctc
