"""Inputs by content: :func:`classify` tells article texts, feeds and event tables apart.

See :mod:`geomap.inputs.classify` for the kinds and what is rejected.
"""

from .classify import KINDS, InputFile, InputReject, Inputs, classify, classify_file

__all__ = ["KINDS", "InputFile", "InputReject", "Inputs", "classify", "classify_file"]
