"""Writing a catalog as the translators' tools do (po_reader.py reads it back), and
never half a file."""
import io
import os
import re
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import normalize, write_po

from .po_reader import previous_parts


def _previous_lines(block: re.Match) -> str:
    """`#|` lines as msgmerge writes them, one quoted line after another (Babel wraps
    them as words, cutting quoted texts across lines)."""
    lines = [line[2:].strip() for line in block.group(0).splitlines()]
    return "".join(f"#| {keyword} " + normalize(text, width=73).replace(
        "\n", "\n#| ") + "\n" for keyword, text in previous_parts(lines))


_GENERATED_BY = re.compile(r'^"Generated-By: .*"$', re.M)


def po_bytes(catalog: Catalog, edited: bytes = b"") -> bytes:
    """A catalog as .po text, with the English before a change as `#|` lines. The
    "Generated-By" line of `edited` (the file as it was) stays: Babel writes its own
    version there, and one text saved must change one text only."""
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=76, sort_by_file=True, include_previous=True)
    text = buffer.getvalue().decode("utf-8")
    if kept := _GENERATED_BY.search(edited.decode("utf-8", "replace")):
        text = _GENERATED_BY.sub(lambda _: kept.group(0), text, count=1)
    return re.sub(r"(?:^#\|.*\n)+", _previous_lines, text, flags=re.M).encode("utf-8")


def write_file(path: Path, data: bytes) -> bool:
    """Replace `path` in one step, so nobody ever reads half a file; only when its
    bytes change (`make run` restarts on every .mo that changes)."""
    if path.exists() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}")
    try:
        temporary.write_bytes(data)
        temporary.chmod(0o644)
        temporary.replace(path)
    finally:
        temporary.unlink(missing_ok=True)
    return True
