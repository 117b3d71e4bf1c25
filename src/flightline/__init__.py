"""Flightline: reviews mortgage loan files and returns an evidence-backed QC report."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("flightline")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+local"
