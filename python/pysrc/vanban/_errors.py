"""Exceptions of vanban."""

from __future__ import annotations

from typing import Any, Tuple


class ParseError(ValueError):
    """A text was refused, not parsed.

    ``code`` is a stable ``snake_case`` string: ``"input_too_large"`` when the text is larger
    than ``max_bytes`` (UTF-8 bytes); for a file (``parse_file``, paths in ``parse_many``) also
    ``"binary_input"`` (not text), ``"invalid_utf8"`` (pass ``lossy=True`` or ``encoding=``)
    and ``"unsupported_format"`` (a PDF, a Word file, an image: convert it to text first);
    ``"internal_error"`` if the core failed on an input (a bug: please report it with the input).
    """

    code: str

    def __init__(self, message: str, code: str) -> None:
        super().__init__(message)
        self.code = code

    def __reduce__(self) -> Tuple[Any, ...]:
        return (type(self), (str(self), self.code))
