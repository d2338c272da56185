"""Stub: the garble extractor (to be written). Gives no features and no findings yet."""

from __future__ import annotations

from typing import ClassVar

from ..config import Config
from ..rules import Rule
from ..text import Document
from .base import Extraction, zeros


class GarbleExtractor:
    name: ClassVar[str] = "garble"
    feature_names: ClassVar[tuple[str, ...]] = ()
    rules: ClassVar[tuple[Rule, ...]] = ()

    def extract(self, doc: Document, config: Config) -> Extraction:
        return Extraction(zeros(doc, len(self.feature_names)), ())
