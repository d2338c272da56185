"""The registry: one explicit, ordered tuple of extractors.

Adding an extractor is one module, one line in EXTRACTORS, and one case file in
tests/cases/<name>.jsonl. The order and feature names form the model signature.
"""

from __future__ import annotations

from .base import Extraction, Extractor
from .boilerplate import BoilerplateExtractor
from .encoding import EncodingExtractor
from .garble import GarbleExtractor
from .names import NamesExtractor
from .phrasing import PhrasingExtractor
from .readability import ReadabilityExtractor
from .roles import RolesExtractor

EXTRACTORS: tuple[Extractor, ...] = (
    ReadabilityExtractor(),
    NamesExtractor(),
    RolesExtractor(),
    PhrasingExtractor(),
    GarbleExtractor(),
    EncodingExtractor(),
    BoilerplateExtractor(),
)


def signature() -> list[list[str]]:
    """[[extractor name, feature name, ...], ...]: what a trained model must have been fit on."""
    return [[e.name, *e.feature_names] for e in EXTRACTORS]


__all__ = ["EXTRACTORS", "Extraction", "Extractor", "signature"]
