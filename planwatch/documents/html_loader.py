"""HTML pages: the article text by trafilatura, our own cleanup of portal
furniture, and the page's real <table>s read with lxml (trafilatura may drop
tables, and keeps no spans), placed back where they stood in the article.

Limits: pages over 50 MiB are refused (an lxml tree takes several times the
page's size in memory); a page nested deeper than lxml builds (256 levels) is
read as flat text by the standard library's tokenizer (html_flat.py); a <table> counts as data when it has 2+ rows, a row
with 2+ cells, no nested table and short cells (layout tables are not).
"""

from __future__ import annotations

import email
import email.policy
import logging
import re
from pathlib import Path

import lxml.html
import trafilatura
from lxml import etree

from ..errors import FileTooLarge, UnsupportedFormat
from .builder import RawCell, TextBuilder, cell_text
from .encoding import decode
from .html_flat import flat_text
from .loaded import Loaded
from .noise import is_furniture_line

log = logging.getLogger(__name__)

MAX_HTML_BYTES = 50 * 1024 * 1024
_DATA_CELL_CHARS = 300   # a longer average cell means a layout table
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")
_DROP = ("script", "style", "noscript", "template", "iframe", "select", "button", "form", "nav", "header", "footer")
_BLOCKS = {"p", "div", "br", "hr", "li", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article",
           "table", "ul", "ol", "dd", "dt", "blockquote", "pre", "center"}
_MARKER = "PLANWATCHTABLE{}Z"
_MARK = re.compile(r"PLANWATCHTABLE(\d+)Z")
_DATE_META = ("pubdate", "publishdate", "firstpublishedtime", "article:published_time", "dc.date")
_TITLE_META = ("articletitle", "og:title", "title")


def load_html(raw: bytes, path: Path, charset: str | None = None) -> Loaded:
    """`charset`: what the container says (a MIME part's header); a <meta> in the page wins."""
    if len(raw) > MAX_HTML_BYTES:
        raise FileTooLarge(path, f"HTML page of {len(raw) // 2**20} MiB is over the 50 MiB limit for HTML")
    declared = _CHARSET.search(raw[:4096])
    page, encoding = decode(raw, path, declared.group(1).decode("ascii") if declared else charset)
    parser = lxml.html.HTMLParser()
    try:
        tree = lxml.html.document_fromstring(_XML_DECL.sub("", page), parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise UnsupportedFormat(path, f"HTML that cannot be parsed ({exc})") from None
    if any(e.type_name == "ERR_RESOURCE_LIMIT" for e in parser.error_log):   # nested past lxml's depth
        log.info("%s: nested too deeply for lxml; read as flat text", path)
        return _flat(page, encoding)
    title, date = _meta_title(tree), _meta_date(tree)
    tables = [(_read_table(t), _title(t)) for t in _take_tables(tree)]
    lines = _article_lines(tree)
    builder = _assemble(lines, tables)
    return Loaded(text=builder.text(), encoding=encoding, tables=builder.tables, title=title, date=date,
                  meta_text=_MARK.sub("", "\n".join(lines)), page_text=_MARK.sub("", _visible_text(tree)))


def _flat(page: str, encoding: str) -> Loaded:
    text, title = flat_text(page)
    builder = TextBuilder()
    for line in text.splitlines():
        if not is_furniture_line(line):
            builder.paragraph(line)
    return Loaded(text=builder.text(), encoding=encoding, title=title, meta_text=text, page_text=text)


def _take_tables(tree) -> list:
    """The data tables, each replaced in the tree by a marker paragraph, so that
    the article text says where each stood and holds none of their text."""
    tables = [t for t in tree.iter("table") if _is_data_table(t)]
    for n, table in enumerate(tables):
        marker = lxml.html.Element("p")
        marker.text, marker.tail = _MARKER.format(n), table.tail
        table.getparent().replace(table, marker)
    return tables


def _article_lines(tree) -> list[str]:
    """trafilatura's article text; our own block walk if it finds nothing."""
    text = trafilatura.extract(lxml.html.tostring(tree, encoding="unicode"), include_tables=False,
                               include_comments=False, favor_recall=True, deduplicate=False, output_format="txt")
    if not text or len(_MARK.sub("", text).strip()) < 50:
        text = _visible_text(tree)
    return text.splitlines()


def _visible_text(tree) -> str:
    body = tree.find("body")
    out: list[str] = []
    _walk(body if body is not None else tree, out)
    return "".join(out)


def _assemble(lines: list[str], tables: list[tuple[list[list[RawCell]], str | None]]) -> TextBuilder:
    """Article lines without furniture, each table where its marker is; a table
    whose marker the article extractor dropped goes at the end."""
    builder, placed = TextBuilder(), set()
    for line in lines:
        if is_furniture_line(line):
            continue
        for i, part in enumerate(_MARK.split(line)):
            if i % 2 == 0:
                builder.paragraph(part)
            elif int(part) < len(tables) and int(part) not in placed:
                builder.table(*tables[int(part)])
                placed.add(int(part))
    for n, table in enumerate(tables):
        if n not in placed:
            builder.table(*table)
    return builder


def _walk(element, out: list[str]) -> None:
    """Visible text, one line per block element."""
    if isinstance(element.tag, str) and element.tag not in _DROP:
        out.append(element.text or "")
        for child in element:
            _walk(child, out)
        if element.tag in _BLOCKS:
            out.append("\n")
    out.append(element.tail or "")


def _is_data_table(table) -> bool:
    if table.find(".//table") is not None:
        return False
    rows = _rows(table)
    cells = [c for row in rows for c in row]
    if len(rows) < 2 or max((len(r) for r in rows), default=0) < 2:
        return False
    return sum(len(c.text_content()) for c in cells) / len(cells) <= _DATA_CELL_CHARS


def _rows(table) -> list[list]:
    return [[c for c in tr if c.tag in ("td", "th")] for tr in table.iter("tr")]


def _read_table(table) -> list[list[RawCell]]:
    return [[RawCell(c.text_content(), _span(c, "colspan"), _span(c, "rowspan")) for c in row]
            for row in _rows(table)]


def _span(cell, attribute: str) -> int:
    match = re.match(r"\s*(\d+)", cell.get(attribute) or "")
    return min(max(int(match.group(1)), 1), 1000) if match else 1


def _preceding_text(table) -> str:
    texts = table.xpath("preceding::text()[normalize-space()][1]")   # the nearest: a reverse axis
    return cell_text(str(texts[0])) if texts else ""


def _title(table) -> str | None:
    caption = table.find("caption")
    if caption is not None and caption.text_content().strip():
        return cell_text(caption.text_content())
    before = _preceding_text(table)
    return before if 2 <= len(before) <= 40 and re.search(r"表|指标|情况", before) else None


def _meta_title(tree) -> str | None:
    for name in _TITLE_META:
        value = _meta(tree, name)
        if value:
            return value
    title = tree.find(".//title")
    return cell_text(title.text_content()) if title is not None and title.text_content().strip() else None


def _meta_date(tree) -> str | None:
    for name in _DATE_META:
        match = re.match(r"\s*(\d{4})[-/年](\d{1,2})[-/月](\d{1,2})", _meta(tree, name) or "")
        if match:
            return "{:04d}-{:02d}-{:02d}".format(*map(int, match.groups()))
    return None


def _meta(tree, name: str) -> str | None:
    for element in tree.iter("meta"):
        if (element.get("name") or element.get("property") or "").lower() == name:
            return cell_text(element.get("content") or "") or None
    return None


def load_mhtml(raw: bytes, path: Path) -> Loaded:
    """A web page saved as one file (.mht/.mhtml, MIME multipart): its HTML part."""
    message = email.message_from_bytes(raw, policy=email.policy.default)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True)
            if payload:
                return load_html(payload, path, part.get_content_charset())
    raise UnsupportedFormat(path, "a saved web page (MHTML) without an HTML part")
