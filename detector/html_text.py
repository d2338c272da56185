"""Visible text of an HTML page, for scoring .html inputs.

Offsets of findings index the extracted text (not the HTML source): scripts, styles,
templates and comments are dropped, block elements become line breaks, entities are
decoded, runs of spaces inside a line collapse to one.
"""

from __future__ import annotations

from html.parser import HTMLParser

_BLOCK = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
    "section", "article", "header", "footer", "blockquote", "pre", "hr", "dd", "dt", "figcaption",
}
# Not "head": its end tag is optional, and a page without "</head>" would then have no visible
# text at all. Its only element with text is the title.
_HIDDEN = {"script", "style", "template", "noscript", "title", "svg"}


class _Visible(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in _HIDDEN:
            self.hidden += 1
        elif tag in _BLOCK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in _BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def visible_text(html: str) -> str:
    """The text a reader sees, one blank line between blocks."""
    parser = _Visible()
    parser.feed(html)
    parser.close()
    raw = "".join(parser.parts)
    blocks = []
    for block in raw.split("\n\n"):
        line = " ".join(block.split())
        if line:
            blocks.append(line)
    return "\n\n".join(blocks)
