"""mtdetect: find the marks of bad machine translation, spinning and broken text pipelines.

    from detector import Detector
    result = Detector().score(text)
    print(result.score, [f.rule for f in result.findings])
"""

from __future__ import annotations

__version__ = "0.1.0"

from .config import Config  # noqa: E402
from .errors import DetectorError  # noqa: E402
from .pipeline import Detector  # noqa: E402
from .results import DocumentResult, Finding, PassageResult  # noqa: E402

__all__ = ["Config", "Detector", "DetectorError", "DocumentResult", "Finding", "PassageResult", "__version__"]
