"""The visible text of a page too deeply nested for lxml (libxml2 stops building
the tree past 256 levels, and would lose all text below): read by the standard
library's tokenizer, which keeps no tree, so any depth costs linear time.

No tables and no article extraction: the page's text, one line per block element.
"""

from __future__ import annotations

from html.parser import HTMLParser

_SKIPPED = {"script", "style", "noscript", "template", "select", "button", "head"}
_BLOCKS = {"p", "div", "br", "hr", "li", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "section",
           "article", "table", "ul", "ol", "dd", "dt", "blockquote", "pre", "center", "title"}


class _Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: list[str] = []
        self.skipping = 0      # depth inside skipped elements
        self.in_title = False

    def handle_starttag(self, tag, attrs):
        self._tag(tag, opening=True)

    def handle_endtag(self, tag):
        self._tag(tag, opening=False)

    def _tag(self, tag: str, opening: bool) -> None:
        if tag == "title":
            self.in_title = opening
        elif tag in _SKIPPED:
            self.skipping = max(0, self.skipping + (1 if opening else -1))
        if tag in _BLOCKS and not self.skipping:
            self.parts.append("\n")

    def handle_data(self, data):
        if self.in_title:
            self.title.append(data)
        elif not self.skipping:
            self.parts.append(data)


def flat_text(page: str) -> tuple[str, str | None]:
    """(the page's visible text, its <title>)."""
    reader = _Text()
    reader.feed(page)
    reader.close()
    lines = (" ".join(line.split()) for line in "".join(reader.parts).splitlines())
    title = " ".join("".join(reader.title).split())
    return "\n".join(line for line in lines if line), title or None
