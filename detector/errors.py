"""Errors a user can cause. The CLI prints each as one line on stderr with its exit code."""

from __future__ import annotations


class DetectorError(Exception):
    """Base class: the message names the input and says what to do."""

    exit_code = 2


class InputError(DetectorError):
    """An input file, directory, line or value could not be read or understood."""


class ConfigError(DetectorError):
    """A configuration file or option is invalid."""


class ModelError(DetectorError):
    """A model file is missing, untrusted, corrupt or trained for other extractors."""
