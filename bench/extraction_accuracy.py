"""Field extraction accuracy against the answer keys, text and scanned.

    .venv/bin/python -m bench.extraction_accuracy [--text 20] [--scanned 20]

The same generated loan files as `bench.classification_accuracy` (one stacked
PDF per file; scanned files OCR'd through the benchmarks' cache). Every field
and row of every document in the answer key is compared with what the
pipeline extracted from the logical document of that type that holds the
document's first page: dates and amounts exactly, text as names are compared
(case, punctuation and spacing aside). A document the pipeline did not find
counts as every one of its fields missed. Rows count when one extracted row
matches every column of the key's row.
"""

from __future__ import annotations

import argparse
from collections import Counter
from datetime import date
from decimal import Decimal
from typing import Any

from bench.corpus import stacked_files
from flightline.pipeline.classify import classify_and_split
from flightline.pipeline.extract import extract
from flightline.pipeline.model import LogicalDocument, Value
from flightline.pipeline.normalize import name_key
from flightline.pipeline.pages import TESSERACT_CONFIG, OcrPool

# The fields the rules read (issue 5), summarised on their own.
RULE_FIELDS = frozenset(
    """urla_1003.borrower_name urla_1003.ssn_last4 urla_1003.employer_name
    urla_1003.income_base_monthly urla_1003.loan_amount urla_1003.sale_price
    urla_1003.liabilities paystub.employee_name paystub.employer_name paystub.ssn_last4
    paystub.gross_current paystub.gross_ytd paystub.pay_date paystub.pay_period_end_date
    paystub.earnings w2.employee_name w2.employer_name w2.ssn_last4 w2.box1_wages w2.tax_year
    voe.employee_name voe.employer_name voe.base_pay_rate voe.ytd_base_income
    voe.employment_start_date voe.verification_date bank_statement.holder_name
    bank_statement.closing_balance bank_statement.period_end_date bank_statement.deposits
    credit_report.borrower_name credit_report.ssn_last4 credit_report.report_date
    credit_report.scores credit_report.tradelines appraisal_1004.appraised_value
    appraisal_1004.effective_date appraisal_1004.property_address closing_disclosure.loan_amount
    closing_disclosure.interest_rate closing_disclosure.monthly_pi closing_disclosure.sale_price
    closing_disclosure.cash_to_close closing_disclosure.closing_date note.principal_amount
    note.interest_rate note.monthly_pi note.borrower_name transmittal_1008.loan_amount
    transmittal_1008.appraised_value transmittal_1008.note_rate gift_letter.gift_amount
    gift_letter.donor_name tax_return_1040.wages tax_return_1040.adjusted_gross_income
    tax_return_1040.taxpayer_name""".split()  # noqa: SIM905
)


def same(mine: Value | None, want: object) -> bool:
    if mine is None or want is None:
        return mine is None and want is None
    if isinstance(mine, date):
        return mine.isoformat() == want
    if isinstance(mine, Decimal):
        try:
            return mine == Decimal(str(want))
        except ArithmeticError:
            return False
    if isinstance(mine, int):
        return mine == want
    return name_key(str(mine)) == name_key(str(want))


def _holder(docs: list[LogicalDocument], kd: dict[str, Any]) -> LogicalDocument | None:
    first = kd["pages"][0]
    return next((d for d in docs if first in d.pages and d.type.value == kd["type"]), None)


def measure(
    seeds: range, scanned: bool, ocr: OcrPool, config: str = TESSERACT_CONFIG
) -> tuple[Counter[str], Counter[str]]:
    ok: Counter[str] = Counter()
    n: Counter[str] = Counter()
    for read in stacked_files(seeds, scanned, ocr, config=config):
        readable = [p for p in read.pages if p.method != "blank" and p.text.strip()]
        docs = classify_and_split(readable)
        for d in docs:
            extract(d, read.pages)
        for kd in read.documents:
            mine = _holder(docs, kd)
            for name, want in kd["fields"].items():
                tag = f"{kd['type']}.{name}"
                n[tag] += 1
                ok[tag] += mine is not None and same(mine.get(name), want)
            for group, want_rows in kd["rows"].items():
                got = mine.rows.get(group, []) if mine else []
                for want_row in want_rows:
                    tag = f"{kd['type']}.{group}"
                    n[tag] += 1
                    ok[tag] += any(
                        all(same(r[c].value if c in r else None, v) for c, v in want_row.items())
                        for r in got
                    )
    return ok, n


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--text", type=int, default=20)
    parser.add_argument("--scanned", type=int, default=20)
    parser.add_argument("--first-seed", type=int, default=1000)
    parser.add_argument("--all", action="store_true", help="every field, not only the rules'")
    parser.add_argument(
        "--tesseract", default=TESSERACT_CONFIG, help="Tesseract options (to compare --psm)"
    )
    args = parser.parse_args()
    ocr = OcrPool()
    try:
        start = args.first_seed
        text = measure(range(start, start + args.text), False, ocr)
        scan = measure(range(start, start + args.scanned), True, ocr, args.tesseract)
    finally:
        ocr.shutdown()
    tags = sorted(set(text[1]) | set(scan[1]))
    if not args.all:
        tags = [t for t in tags if t in RULE_FIELDS]
    print(f"{'field':44} {'text':>13} {'scanned':>13}")
    for tag in tags:
        cells = []
        for ok, n in (text, scan):
            cells.append(f"{ok[tag] / n[tag]:.3f} ({n[tag]:3d})" if n[tag] else "-")
        print(f"{tag:44} {cells[0]:>13} {cells[1]:>13}")
    for label, (ok, n) in (("text", text), ("scanned", scan)):
        rule = [t for t in n if t in RULE_FIELDS]
        total_ok = sum(ok[t] for t in rule)
        total_n = sum(n[t] for t in rule)
        low = sorted(rule, key=lambda t: ok[t] / n[t])[:5]
        print(
            f"{label}: rules' fields {total_ok}/{total_n} = {total_ok / max(1, total_n):.3f}; "
            "lowest " + ", ".join(f"{t} {ok[t] / n[t]:.2f}" for t in low)
        )


if __name__ == "__main__":
    main()
