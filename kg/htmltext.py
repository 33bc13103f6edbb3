"""The visible text of an HTML page, its declared encoding, and the size limits checked before parsing it."""
from __future__ import annotations

import codecs
import re
from pathlib import Path

from .errors import InputError

__all__ = ["MAX_HTML_DEPTH", "MAX_HTML_TAGS", "check_html_size", "declared_encoding", "html_text"]


MAX_HTML_DEPTH = 1_000  # news pages nest a few dozen deep; parsing grows with depth squared (200,000 deep: minutes)


MAX_HTML_TAGS = 500_000  # a long news page has a few thousand elements


_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)[^>]*?(/?)>")


_FLAT = frozenset("area base br col embed hr img input link meta param source track wbr p li dt dd option optgroup "
                  "tr td th thead tbody tfoot rt rp rb rtc colgroup caption".split())


def check_html_size(path: Path, text: str) -> None:
    """Refuse a page nested or sized far past any article before the HTML parser sees it.

    Counts tags with a regular expression (linear); open tags that need a closing tag add a level,
    closing tags remove one, so the count bounds the depth the parser would build.
    """
    depth = tags = 0
    for m in _TAG.finditer(text):
        tags += 1
        if tags > MAX_HTML_TAGS:
            raise InputError(f"{path}: HTML page has over {MAX_HTML_TAGS:,} tags, far more than an article; "
                             "give kg the article's own page")
        name = m.group(2).lower()
        if m.group(1):
            depth = max(depth - 1, 0)
        elif not m.group(3) and name not in _FLAT:
            depth += 1
            if depth > MAX_HTML_DEPTH:
                raise InputError(f"{path}: HTML nested over {MAX_HTML_DEPTH:,} elements deep, far past any article; "
                                 "give kg the article's own page")


_BLOCK = frozenset(
    "address article aside blockquote body br dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 header "
    "hr li main nav ol p pre section table tbody td th thead tr ul caption details summary".split()
)


def html_text(root) -> str:
    """Visible text with a line break around every block element; inline markup joins its text.

    Iterative, so a hostile page nested a million deep cannot exhaust the stack.
    """
    parts: list[str] = []
    stack = [(root, False)]
    while stack:
        node, closing = stack.pop()
        tag = node.tag
        if closing:
            parts.append("\n")
            continue
        if tag == "-text":
            parts.append(node.text_content or "")
            continue
        if tag in ("-comment", "!doctype"):
            continue
        block = tag in _BLOCK
        if block:
            parts.append("\n")
            stack.append((node, True))
        children = []
        child = node.child
        while child is not None:
            children.append(child)
            child = child.next
        stack.extend((c, False) for c in reversed(children))
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return "\n\n".join(line for line in lines if line) + "\n"


def declared_encoding(data: bytes) -> str:
    """The charset an HTML page declares in its first bytes when Python knows it, else UTF-8."""
    if m := re.search(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", data[:4096], re.I):
        try:
            return codecs.lookup(m.group(1).decode("ascii")).name
        except (LookupError, UnicodeDecodeError):
            pass
    return "utf-8-sig"
