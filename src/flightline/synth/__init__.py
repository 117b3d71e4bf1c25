"""Synthetic loan-file generator: realistic PDFs of every document type, in
varied layouts, text or scanned, packaged the way clients upload them, each
file with an answer key of its true values, planted defects and expected
figures. Deterministic from a seed.

    from flightline.synth import generate, GeneratorOptions
    lf = generate(GeneratorOptions(seed=7, packaging="zip", defects=("AGE-001",)))
"""

from flightline.synth.defects import CATALOG
from flightline.synth.generator import GeneratorOptions, LoanFile, generate

DEFECT_CODES = tuple(sorted(CATALOG))

__all__ = ["DEFECT_CODES", "GeneratorOptions", "LoanFile", "generate"]
