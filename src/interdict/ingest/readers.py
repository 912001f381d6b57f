"""Reading records.md files: NDJSON, CSV (one row per item) and Parquet, plain or gzip (bzip2 and
xz too), in UTF-8, Windows-1250/1251, or UTF-16 with its byte order mark (Excel's "Unicode text").

Compression and format are told by the bytes, not the name; an archive or an office document is
refused with what it is, not read as lines of junk. Every record comes out as a
`SourceRecord` carrying its location and its raw bytes, so that nothing that cannot be read is lost:
it goes to quarantine with the reason instead.
"""

from __future__ import annotations

import bz2
import codecs
import csv
import functools
import gzip
import hashlib
import io
import lzma
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

import orjson

from interdict.errors import InvalidInput, Problem
from interdict.ingest.encodings import canonical_encoding, detect_encoding

GZIP_MAGIC = b"\x1f\x8b"
PARQUET_MAGIC = b"PAR1"
DECOMPRESSORS = ((b"BZh", bz2.BZ2File), (b"\xfd7zXZ\x00", lzma.LZMAFile))  # stdlib, seekable like GzipFile
UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
UTF16_ZERO_SHARE = 0.3  # of the first 2,048 characters: ASCII (headers, digits, punctuation) in UTF-16
JSON_ENCODING_SAMPLE = 1 << 20  # bytes of a JSON file looked at for a code page other than UTF-8
CUT_SHORT = (OSError, EOFError, lzma.LZMAError)  # what a corrupt or truncated compressed stream raises
NOT_RECORDS = (  # containers of files, not files of records: say what it is instead of reading junk
    (b"PK\x03\x04", "a ZIP archive or an .xlsx/.docx file"),
    (b"\xd0\xcf\x11\xe0", "an old Office file (.xls/.doc)"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
    (b"\x28\xb5\x2f\xfd", "zstd-compressed data"),
    (b"%PDF", "a PDF document"),
)
# A quoted field may span lines (a description pasted with its line breaks); one still open after
# this much text is a stray quote, and only its own line is quarantined.
MAX_CSV_RECORD_CHARS = 1 << 20
RECORD_LEVEL = "(record)"

PARTY_FIELDS = ("name", "street", "city", "postcode", "country", "phone", "email", "id_number")
ITEM_FIELDS = ("description", "hs_code", "quantity", "net_weight_kg", "value", "currency", "origin_country")
SHIPMENT_FIELDS = (
    "reporter", "shipment_id", "reported_at", "mode", "direction", "category", "origin_country",
    "departure_country", "transit_countries", "destination_country", "departure_date", "arrival_date",
    "carrier", "conveyance_ref", "master_ref", "pieces", "gross_weight_kg", "declared_value", "currency",
    "payment_method",
)  # fmt: skip
DECIMAL_COLUMNS = {"gross_weight_kg", "declared_value", "item_net_weight_kg", "item_value"}
# A decimal comma, with or without groups of thousands (1.234,56 or 1 234,56 as a spreadsheet in
# the region writes them); without the comma 1.234 stays one point two three four.
_DECIMAL_COMMA = re.compile("^-?(?:\\d+|\\d{1,3}(?:[. \u00a0\u202f]\\d{3})+),\\d+$")
_THOUSANDS = str.maketrans({".": None, " ": None, "\u00a0": None, "\u202f": None, ",": "."})
_UNDECODABLE = re.compile("[\udc80-\udcff]")  # bytes the file's encoding could not read (surrogateescape)


@dataclass(slots=True)
class SourceRecord:
    """One record as read: where it was, its bytes, and either JSON text, a dict, or problems."""

    location: str
    raw: bytes
    json: bytes | None = None
    data: dict[str, Any] | None = None
    problems: list[Problem] = field(default_factory=list)
    item_locations: list[str] | None = None  # CSV: where each item row was
    flat: bool = False  # CSV/flat Parquet: problems are named by column (consignee_name)
    quarantine_id: int | None = None  # set when this is a corrected, resubmitted record

    def parsed(self) -> Any:
        """The record as a value: its dict, or its JSON parsed; None when the JSON is broken."""
        if self.data is not None or self.json is None:
            return self.data
        try:
            return orjson.loads(self.json)
        except orjson.JSONDecodeError:
            return None


@dataclass(slots=True)
class Source:
    """An opened input: what it is and how far through it we are (for the progress bar)."""

    path: Path
    format: str  # ndjson | json | csv | parquet
    compressed: bool
    encoding: str | None
    delimiter: str | None
    size: int
    _raw: BinaryIO | None = None

    def position(self) -> int:
        try:
            return self._raw.tell() if self._raw is not None and not self._raw.closed else self.size
        except (OSError, ValueError):
            return self.size

    def close(self) -> None:
        """Close the file without reading its records (another process reads them)."""
        if self._raw is not None:
            self._raw.close()


def open_source(
    path: Path, *, kind: str, encoding: str | None = None, delimiter: str | None = None
) -> tuple[Source, Iterator[SourceRecord]]:
    """Open `path`, tell its compression, format and encoding, and iterate its records."""
    if not path.exists() or not path.is_file():
        raise InvalidInput(
            f"no such file: {path}", problems=[Problem("PATH", "exists", str(path), "file not found")]
        )
    raw = open(path, "rb")  # noqa: SIM115 - closed by the record iterator
    return read_stream(raw, path=path, size=path.stat().st_size, kind=kind, encoding=encoding, delimiter=delimiter)


def read_bytes(body: bytes, *, name: str, kind: str) -> tuple[Source, Iterator[SourceRecord]]:
    """The same reading for a request body: NDJSON, a JSON array, CSV or Parquet, maybe gzip."""
    return read_stream(io.BytesIO(body), path=Path(name), size=len(body), kind=kind)


def read_stream(
    raw: BinaryIO, *, path: Path, size: int, kind: str, encoding: str | None = None, delimiter: str | None = None
) -> tuple[Source, Iterator[SourceRecord]]:
    head = raw.read(8)
    raw.seek(0)
    compressed = head[:2] == GZIP_MAGIC
    if head[:4] == PARQUET_MAGIC:
        source = Source(path, "parquet", False, None, None, size, raw)
        return source, _closing(raw, _parquet_records(source, raw, kind=kind))
    _refuse_containers(head, raw)
    stream: BinaryIO = gzip.GzipFile(fileobj=raw, mode="rb") if compressed else raw  # type: ignore[assignment]
    for magic, opener in DECOMPRESSORS:
        if head.startswith(magic):
            compressed, stream = True, opener(raw)  # type: ignore[assignment]
    cut = _CutShort(stream) if compressed else None
    if cut is not None:
        stream = io.BufferedReader(cut, 1 << 16)  # type: ignore[assignment]
        inner = _peek(stream, cut, raw)
        _refuse_containers(inner, raw)
        if inner[:4] == PARQUET_MAGIC:
            raw.close()
            raise InvalidInput("a compressed Parquet file", problems=[Problem(
                "PATH", "format", str(path), "Parquet compresses its own columns: send the .parquet file as it is")])
    else:
        inner = head
    utf16 = "utf-16" if inner[:2] in UTF16_BOMS else _utf16_without_bom(stream)
    if utf16:
        stream = io.BufferedReader(_Utf16AsUtf8(stream, utf16))  # type: ignore[assignment]
        encoding = "utf-8"  # what the readers below now see; the byte order mark named the file's
    first = _first_significant_byte(stream)
    fmt = "ndjson" if first == b"{" else "json" if first == b"[" else "csv"
    if fmt == "ndjson" and _pretty_printed(stream):
        fmt = "json"  # pretty-printed objects, one after another: read as JSON values, not as lines
    if fmt == "csv" and not _EXCEL_SEP.match(_first_line(stream).decode("latin-1")) and (
            _named_json(path) and not _csv_header_line(stream, kind) or _first_line_is_json(stream)):
        fmt = "ndjson"  # a first line such as `null` must not turn a JSON-lines file into one CSV record
    if encoding:
        chosen = canonical_encoding(encoding)
    elif fmt == "csv":
        chosen = detect_encoding(stream)
    elif _utf8_sample(stream):
        chosen = "utf-8"
    else:  # JSON is UTF-8 by its standard; a partner's tool may still have written a code page
        chosen = detect_encoding(stream, limit=JSON_ENCODING_SAMPLE, utf8_if_any=True)
        chosen = "utf-8" if chosen.startswith("utf-8") else chosen
    source = Source(path, fmt, compressed, chosen, delimiter, size, raw)
    if fmt == "csv":
        records = _csv_records(stream, source=source, kind=kind)
    elif fmt == "json":
        records = _json_array_records(stream, source=source)
    else:
        records = _ndjson_records(stream, source=source)
    return source, _closing(raw, records, cut)


def _refuse_containers(head: bytes, raw: BinaryIO) -> None:
    for magic, what in NOT_RECORDS:
        if head.startswith(magic):
            raw.close()
            raise InvalidInput(f"the file is {what}, not records", problems=[Problem(
                "PATH", "format", what, "give NDJSON, CSV or Parquet (plain, gzip, bzip2 or xz): unpack an archive "
                "and ingest the files inside; save a sheet as CSV")])


def _peek(stream: BinaryIO, cut: _CutShort, raw: BinaryIO) -> bytes:
    """The first bytes of the decompressed data; none at all because it breaks at once: the file."""
    head, error = stream.read(8), cut.error
    if not head and error is not None:
        raw.close()
        raise InvalidInput("the file cannot be decompressed", problems=[Problem(
            RECORD_LEVEL, "compression", error, "corrupt or cut-short compressed data: nothing in it could be read")])
    stream.seek(0)
    return head


class _CutShort(io.RawIOBase):
    """A decompressed stream that breaks (corrupt, or the file cut short) reads as ending there:
    the records before the break stand, and `error` keeps why for `_closing` to name."""

    def __init__(self, inner: BinaryIO) -> None:
        super().__init__()
        self._inner, self.error = inner, None

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._inner.tell()

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        self.error = None
        return self._inner.seek(offset, whence)

    def readinto(self, buffer: Any) -> int:
        if self.error is not None:
            return 0
        try:  # read1: one decompressed chunk at a time, so a break loses at most the chunk it cut
            data = self._inner.read1(len(buffer))  # type: ignore[attr-defined]
        except CUT_SHORT as error:
            self.error = str(error) or type(error).__name__
            return 0
        buffer[: len(data)] = data
        return len(data)


class _Utf16AsUtf8(io.RawIOBase):
    """A UTF-16 stream (with its byte order mark, or `codec` naming the byte order) read as UTF-8
    bytes, so every reader stays a reader of bytes. Rewinds to the start only (all the sniffing
    needs). Unpaired surrogates, and an odd byte at the end, come out as invalid UTF-8, so their
    record is quarantined with the bytes named, not the file refused."""

    def __init__(self, inner: BinaryIO, codec: str = "utf-16") -> None:
        super().__init__()
        self._inner, self._position, self._codec = inner, 0, codec
        self.seek(0)

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._position

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        if whence != io.SEEK_SET or offset not in (0, self._position):
            raise io.UnsupportedOperation("a transcoded stream rewinds to its start only")
        if offset == 0:
            self._inner.seek(0)
            self._decoder = codecs.getincrementaldecoder(self._codec)("surrogatepass")
            self._pending, self._taken, self._position = b"", 0, 0
        return self._position

    def readinto(self, buffer: Any) -> int:
        while self._taken == len(self._pending):
            chunk = self._inner.read(1 << 16)
            try:
                text = self._decoder.decode(chunk, final=not chunk)
            except UnicodeDecodeError:  # an odd byte at the end (the file cut short): a byte no UTF-8 holds
                text = "\udcff"
                self._decoder.reset()
            self._pending, self._taken = text.encode("utf-8", "surrogatepass"), 0
            if not chunk:
                break
        n = min(len(buffer), len(self._pending) - self._taken)
        buffer[:n] = self._pending[self._taken : self._taken + n]
        self._taken += n
        self._position += n
        return n


def _closing(raw: BinaryIO, records: Iterator[SourceRecord], cut: _CutShort | None = None) -> Iterator[SourceRecord]:
    try:
        yield from records
        if cut is not None and cut.error is not None:  # the records read stand; the break is named
            yield SourceRecord(location="end of the readable data", raw=b"", problems=[Problem(
                RECORD_LEVEL, "truncated", cut.error, "the compressed file ends early (cut short in transfer?): "
                "the records before this point were read, any after it are not in the file; send them again")])
    finally:
        raw.close()


def _first_significant_byte(stream: BinaryIO) -> bytes:
    start = stream.tell()
    head = stream.read(4096)
    stream.seek(start)
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    return stripped[:1]


def _utf8_sample(stream: BinaryIO) -> bool:
    """Whether the file's first megabyte is well-formed UTF-8 (checked in C, at once)."""
    start = stream.tell()
    sample = stream.read(JSON_ENCODING_SAMPLE)
    stream.seek(start)
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
    except UnicodeDecodeError:
        return False
    return True


def _first_lines(stream: BinaryIO, count: int) -> list[bytes]:
    """The first `count` lines that are not blank, stripped (the first of its byte order mark)."""
    start = stream.tell()
    lines: list[bytes] = []
    while len(lines) < count and (line := stream.readline(65536)):
        if line.strip():
            lines.append(line.lstrip(b"\xef\xbb\xbf").strip() if not lines else line.strip())
    stream.seek(start)
    return lines


def _first_line(stream: BinaryIO) -> bytes:
    return next(iter(_first_lines(stream, 1)), b"")


def _pretty_printed(stream: BinaryIO) -> bool:
    """An object opened alone on the first line and continued by a member on the next, as
    `json.dumps(indent=2)`, `jq` and `JSON.stringify(value, null, 2)` write it."""
    lines = _first_lines(stream, 2)
    return len(lines) == 2 and lines[0] == b"{" and lines[1][:1] in (b'"', b"}")


def _csv_header_line(stream: BinaryIO, kind: str) -> bool:
    """Whether the first line names the key columns of `kind`, as a CSV header (whatever the name)."""
    line = _first_line(stream).decode("utf-8", "replace")
    return bool(KEY_COLUMNS.get(kind)) and set(KEY_COLUMNS[kind]) <= set(_header_names(line, _sniff_delimiter(line)))


def _utf16_without_bom(stream: BinaryIO) -> str | None:
    """UTF-16 without its byte order mark, told by the zero bytes of its ASCII: every other byte
    of a header or of JSON punctuation, none in between."""
    start = stream.tell()
    head = stream.read(4096)
    stream.seek(start)
    pairs = len(head) // 2
    if pairs < 8:
        return None
    even, odd = head[0 : pairs * 2 : 2].count(0), head[1 : pairs * 2 : 2].count(0)
    if odd >= pairs * UTF16_ZERO_SHARE and even == 0:
        return "utf-16-le"
    if even >= pairs * UTF16_ZERO_SHARE and odd == 0:
        return "utf-16-be"
    return None


def _named_json(path: Path) -> bool:
    suffixes = [suffix.lower() for suffix in path.suffixes if suffix.lower() not in (".gz", ".gzip")]
    return bool(suffixes) and suffixes[-1] in (".ndjson", ".jsonl", ".json")


def _first_line_is_json(stream: BinaryIO) -> bool:
    import orjson

    start = stream.tell()
    line = stream.readline(65536).lstrip(b"\xef\xbb\xbf").strip()
    stream.seek(start)
    try:
        orjson.loads(line)
    except orjson.JSONDecodeError:
        return False
    return bool(line)


# NDJSON ---------------------------------------------------------------------------------------


def _ndjson_records(stream: BinaryIO, *, source: Source) -> Iterator[SourceRecord]:
    transcode = source.encoding not in ("utf-8", "utf-8-sig")
    number = 0
    for number, line in enumerate(stream, start=1):
        if line.startswith(b"\xef\xbb\xbf") and (number == 1 or line[3:].strip()):  # the file's, or a joined file's
            line = line[3:]
        for part in line.split(b"\r") if b"\r" in line.rstrip(b"\r\n") else (line,):
            body = part.strip()
            if not body:
                continue
            location = f"line {number}"
            if transcode:
                try:
                    body = body.decode(source.encoding).encode("utf-8")  # type: ignore[arg-type]
                except UnicodeDecodeError as error:
                    yield _unreadable(location, part, error)
                    continue
            yield SourceRecord(location=location, raw=part.rstrip(b"\r\n"), json=body)


def _unreadable(location: str, raw: bytes, error: UnicodeDecodeError) -> SourceRecord:
    bad = error.object[error.start : error.end]
    return SourceRecord(
        location=location,
        raw=raw,
        problems=[
            Problem(
                RECORD_LEVEL,
                "encoding",
                bad.hex(" "),
                f"bytes at position {error.start} are not valid {error.encoding}",
            )
        ],
    )


def json_problem(text: bytes, message: str) -> Problem:
    """Why a record's JSON cannot be read, pointing at the place: bytes that are not UTF-8, a NUL
    byte, or else the parser's message with the text just before where it stopped."""
    try:
        text.decode("utf-8")
    except UnicodeDecodeError as error:
        return Problem(RECORD_LEVEL, "encoding", text[error.start : error.end].hex(" "),
                       f"bytes at position {error.start} are not valid UTF-8: is the file in another encoding? "
                       "give --encoding")  # fmt: skip
    if (nul := text.find(b"\x00")) >= 0:
        return Problem(RECORD_LEVEL, "no_nul", _around(text, nul), f"holds a NUL byte at position {nul}")
    column = re.search(r"column (\d+)", message)
    where = int(column.group(1)) - 1 if column else 0
    return Problem(RECORD_LEVEL, "json", _around(text, min(where, len(text))), message)


def _around(text: bytes, position: int) -> str:
    """The text up to `position` and a little after, as a reason shows it."""
    start = max(position - 60, 0)
    shown = text[start : position + 20].decode("utf-8", "replace").replace("\x00", "\\0")
    return ("…" if start else "") + shown + ("…" if position + 20 < len(text) else "")


def _json_array_records(stream: BinaryIO, *, source: Source) -> Iterator[SourceRecord]:
    """A whole-file JSON array (what the HTTP API takes), or pretty-printed objects one after
    another: each element or object is a record."""
    body = stream.read()
    if body.startswith(codecs.BOM_UTF8):
        body = body[3:]
    if source.encoding not in (None, "utf-8", "utf-8-sig"):
        body = body.decode(source.encoding, "surrogateescape").encode("utf-8", "surrogateescape")
    array = body.lstrip()[:1] == b"["
    if array:
        try:
            values = orjson.loads(body)
        except orjson.JSONDecodeError:
            values = None
        if isinstance(values, list):
            for index, value in enumerate(values, start=1):
                text = orjson.dumps(value)
                yield SourceRecord(location=f"element {index}", raw=text, json=text)
            return
        if _first_line_is_json(io.BytesIO(body)):
            # JSON lines whose first record happens to be an array (`[1,2]`, a partner's stray list):
            # each line is its own record, so one bad line must not take the file's good ones with it.
            yield from _ndjson_records(io.BytesIO(body), source=source)
            return
    # One element (or object) that cannot be read costs itself only: the text is cut into values by
    # its brackets, and each value is read, or quarantined, on its own.
    for number, (start, end, line) in enumerate(_json_values(body, array=array), start=1):
        text = body[start:end]
        yield SourceRecord(location=f"element {number}" if array else f"line {line}", raw=text, json=text)


# A string (up to its closing quote, or to the end of its line when it has none: JSON strings hold no
# line breaks), a bracket or a comma, or an object opening at the start of a line.
_JSON_TOKEN = re.compile(rb'"(?:[^"\\\n]|\\[^\n])*"?|[{}\[\],]|\n\{')


def _json_values(body: bytes, *, array: bool) -> Iterator[tuple[int, int, int]]:
    """(start, end, line) of each element of a JSON array, or of each value of a stream of them,
    found by nesting alone: a value that does not parse (a number out of range, a bad byte) still
    ends where its brackets close. A value never closed runs to the end of the text or, among
    pretty-printed objects, to the next object opening at the start of a line. Text between the
    values of a stream comes out as a value of its own (and fails as one); an empty element (a
    trailing comma) holds nothing."""
    depth, start, previous = 0, -1, 0
    piece = _JsonPieces(body)
    for token in _JSON_TOKEN.finditer(body):
        group = token.group()
        at, kind = token.end() - 1 if group[:1] == b"\n" else token.start(), group[-1:] if group[:1] != b'"' else b'"'
        if array:
            if start < 0:  # the array's own bracket opens the elements
                start = at + 1 if kind == b"[" else start
            elif kind in (b"{", b"["):
                depth += 1
            elif kind in (b"}", b"]") and depth:
                depth -= 1
            elif kind == b"]" or kind == b"," and not depth:
                yield from piece(start, at)
                start = at + 1
                if kind == b"]":
                    yield from piece(start, len(body))
                    return
            continue
        if depth and group[:1] == b"\n":  # a new object where the last one was never closed
            yield from piece(start, at)
            previous, depth = at, 0
        if not depth and kind in (b"{", b"[", b'"'):
            yield from piece(previous, at, between=True)
            start, depth = at, 0
        if kind in (b"{", b"["):
            depth += 1
        elif kind in (b"}", b"]") and depth:
            depth -= 1
        if not depth and start >= 0 and kind in (b"}", b"]", b'"'):
            yield from piece(start, token.end())
            previous, start = token.end(), -1
    if array:
        yield from piece(max(start, 0), len(body))
    else:
        yield from piece(start if depth else previous, len(body), between=not depth)


class _JsonPieces:
    """The pieces of `body` between the values' bounds, without their surrounding blanks, with the
    line each starts on (counted on from the last piece: the pieces come in order)."""

    def __init__(self, body: bytes) -> None:
        self._body, self._counted, self._line = body, 0, 1

    def __call__(self, start: int, end: int, *, between: bool = False) -> Iterator[tuple[int, int, int]]:
        """Text between the values of a stream is cut at its line ends, and the commas that
        separated the values dropped: each line of it is one piece, as in JSON lines."""
        body = self._body
        for part in re.finditer(rb"[^\n]+", body[start:end]) if between else [None]:
            first, last = (start + part.start(), start + part.end()) if part else (start, end)
            text = body[first:last]
            strip = b" \t\r\n," if between else b" \t\r\n"
            if text.strip(strip):
                first += len(text) - len(text.lstrip(strip))
                self._line += body.count(b"\n", self._counted, first)
                self._counted = first
                yield first, last - (len(text) - len(text.rstrip(strip))), self._line


# CSV ------------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Row:
    line: int
    text: str
    values: dict[str, str] | None
    problem: Problem | None
    seq: int = 0  # position among the file's logical rows: tells adjacent rows apart


def _csv_records(stream: BinaryIO, *, source: Source, kind: str) -> Iterator[SourceRecord]:
    start = stream.tell()
    header_row, delimiter, header_line = _csv_header(stream, source, kind)
    if header_row is None:
        return
    source.delimiter = delimiter
    stream.seek(start)
    if kind not in ROW_KEYS:
        for row in _csv_rows(stream, source=source, header=header_row, header_line=header_line):
            yield _row_record(row, source)
        return
    # Rows of one record need not be adjacent: count each key's rows first, then emit a record as
    # soon as its last row has been read. Only scattered records wait in memory.
    stream.seek(start)
    expected: Counter[bytes] = Counter()  # by digest: a key's three strings would cost ~300 bytes a shipment
    for row in _csv_rows(stream, source=source, header=header_row, header_line=header_line, keys_only=True):
        if (key := _key(row.values, kind) if row.values is not None else _row_key(row, header_row, delimiter, kind)):
            expected[_digest(key)] += 1
    stream.seek(start)
    waiting: dict[tuple[str, ...], list[_Row]] = {}
    # Versions of one shipment leave in the order they began in the file, as in NDJSON, so that
    # an amendment is judged after its original even when the original's rows end later.
    versions: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
    complete: set[tuple[str, ...]] = set()
    for row in _csv_rows(stream, source=source, header=header_row, header_line=header_line):
        if not (key := _key(row.values, kind) if row.values is not None else _row_key(row, header_row, delimiter, kind)):
            # its record cannot be known: it stands alone
            yield _row_record(row, source)
            continue
        group = waiting.setdefault(key, [])
        if not group:
            versions.setdefault(key[:2], []).append(key)
        group.append(row)
        if len(group) == expected[_digest(key)]:
            complete.add(key)
            order = versions[key[:2]]
            while order and order[0] in complete:
                done = order.pop(0)
                complete.discard(done)
                yield from _records_from_group(waiting.pop(done), source, kind)
            if not order:
                del versions[key[:2]]
    for group in waiting.values():  # only if the file changed between passes
        yield from _records_from_group(group, source, kind)


# In the CSV (and flat Parquet) form a shipment has a row per item and an inspection a row per
# finding, repeating what they share; these columns tell whose row it is. A shipment's amendment
# has its own `reported_at`, a second inspection of one shipment its own `inspected_at`; in a
# corrected quarantine export two entries of one record keep apart by their `_quarantine_id`.
ROW_KEYS = {"shipments": ("reporter", "shipment_id", "reported_at", "_quarantine_id"),
            "outcomes": ("reporter", "shipment_id", "inspected_at", "_quarantine_id")}


def _row_key(row: _Row, header: list[str], delimiter: str, kind: str) -> tuple[str, ...] | None:
    """Whose row, that cannot be read (a stray quote, a cell too many), this is: its record's when
    the cells before the break name it. Then the record's other rows are held back with it rather
    than stored without one of their items."""
    try:
        cells = next(csv.reader([row.text], delimiter=delimiter), [])
    except csv.Error:
        return None
    key = tuple(dict(zip(header, cells)).get(column, "") for column in ROW_KEYS[kind])
    return key if key[0] and key[1] else None


def _key(values: dict[str, str], kind: str) -> tuple[str, ...]:
    key = tuple(values.get(column, "") for column in ROW_KEYS[kind])
    if key[0] and key[1]:
        return key
    # Without its identity a row is told apart by everything its record's rows share: the rows of
    # two shipments that both lack a shipment_id are two records (quarantined), not one.
    return key + tuple(value for name, value in values.items() if not name.startswith(_ROW_PARTS[kind]))


_ROW_PARTS = {"shipments": "item_", "outcomes": "finding_"}  # the columns that differ between a record's rows


def _digest(key: tuple[str, ...]) -> bytes:
    """A key in 16 bytes (its repr is unambiguous; 128 bits make a collision unthinkable)."""
    return hashlib.blake2b(repr(key).encode("utf-8", "backslashreplace"), digest_size=16).digest()


def _records_from_group(rows: list[_Row], source: Source, kind: str) -> Iterator[SourceRecord]:
    """Rows sharing a key are one record, wherever they stand; but a block of adjacent rows
    repeated exactly elsewhere is the whole record sent again (a duplicate), not more items."""
    if any(row.values is None for row in rows):  # a row that cannot be read holds back its record's others
        yield SourceRecord(location=_rows_location(rows), raw=_raw(rows, source), flat=True,
                           problems=[Problem(p.field, p.rule, p.value, f"line {r.line} {p.message}")
                                     for r in rows if r.values is None and (p := r.problem) is not None])  # fmt: skip
        return
    fold = _shipment_from_rows if kind == "shipments" else _outcome_from_rows
    runs = [[rows[0]]]
    for row in rows[1:]:
        if row.seq == runs[-1][-1].seq + 1:
            runs[-1].append(row)
        else:
            runs.append([row])
    first = [r.values for r in runs[0]]
    if len(runs) > 1 and all([r.values for r in run] == first for run in runs[1:]):
        for run in runs:
            yield fold(run, source)
    else:
        yield fold(rows, source)


# Without these a row cannot be told apart from the others. A first line lacking them while a line
# below names them is a title above the header (a header lacking them costs each row its record).
KEY_COLUMNS = {"shipments": ("reporter", "shipment_id"), "outcomes": ("reporter", "shipment_id"),
               "watchlist": ("list_id", "entry_id")}
HEADER_SEARCH_LINES = 20
_EXCEL_SEP = re.compile(r'^"?sep=(.)"?[ \t]*\r?\n?$', re.IGNORECASE)  # Excel's delimiter line: sep=;


def _csv_header(stream: BinaryIO, source: Source, kind: str) -> tuple[list[str] | None, str, int]:
    """The header's column names, the delimiter and the header's line number. Excel's `sep=;`
    line above the header names the delimiter."""
    text = _text_stream(stream, source)
    lines: list[tuple[int, str]] = []
    for number, line in enumerate(text, start=1):
        if line.strip():
            lines.append((number, line.lstrip("\ufeff")))
        if len(lines) > HEADER_SEARCH_LINES:
            break
    text.detach()
    if lines and (excel := _EXCEL_SEP.match(lines[0][1])):
        lines.pop(0)
        source.delimiter = source.delimiter or excel.group(1)
    if not lines:
        return None, source.delimiter or ",", 0
    number, first = lines[0]
    delimiter = source.delimiter or _sniff_delimiter(first)
    header = _header_names(first, delimiter)
    missing = [column for column in KEY_COLUMNS.get(kind, ()) if column not in header]
    below = next((n for n, line in lines[1:] if set(KEY_COLUMNS[kind]) <= set(
        _header_names(line, source.delimiter or _sniff_delimiter(line)))), None) if missing else None
    if below is not None:  # a title line above the header: read as the header, it makes every row junk
        raise InvalidInput(f"{source.path}: the header (line {number}) has no column {', '.join(missing)}",
                           problems=[Problem("header", "header_line", ", ".join(missing),
                                             f"line {below} looks like the header: remove the lines above it")])
    if kind in HEADER_COLUMNS and not HEADER_COLUMNS[kind] & set(header):
        # No header at all (the first row is data) or not records of this kind: every row would
        # be quarantined for lacking every field, none of them for what is really wrong.
        raise InvalidInput(f"{source.path}: the first line is not a header of {kind} columns",
                           problems=[Problem("header", "header_line", first.rstrip("\r\n")[:200],
                                             f"names none of the columns of records.md §{HEADER_COLUMNS_SECTION[kind]}: "
                                             "a CSV file starts with a line naming its columns (reporter, shipment_id, ...)")])
    twice = sorted({name for name in header if name and header.count(name) > 1})
    if twice:  # which of the two values would be the record's? Refuse rather than guess.
        raise InvalidInput(
            f"{source.path}: the header names a column more than once: {', '.join(twice)}",
            problems=[Problem("header", "duplicate_column", ", ".join(twice), "name each column once and send the file again")],
        )
    return header, delimiter, number


def _header_names(line: str, delimiter: str) -> list[str]:
    try:
        names = next(csv.reader([line], delimiter=delimiter), [])
    except csv.Error:  # a bare carriage return inside the line, say: not a header to read
        names = line.split(delimiter)
    return [_column_name(name) for name in names]


def _column_name(name: str) -> str:
    return name.strip().lstrip("\ufeff").lower().replace(" ", "_").replace(".", "_")


def _sniff_delimiter(line: str) -> str:
    unquoted = re.sub(r'"[^"]*"', "", line)
    counts = {d: unquoted.count(d) for d in (",", ";", "\t", "|")}
    return max(counts, key=lambda d: counts[d]) if any(counts.values()) else ","


def _text_stream(stream: BinaryIO, source: Source) -> io.TextIOWrapper:
    encoding = "utf-8-sig" if source.encoding == "utf-8" else source.encoding or "utf-8"
    return io.TextIOWrapper(stream, encoding=encoding, errors="surrogateescape", newline="")  # type: ignore[arg-type]


def _csv_rows(
    stream: BinaryIO, *, source: Source, header: list[str], header_line: int, keys_only: bool = False
) -> Iterator[_Row]:
    """Logical CSV records with their line numbers, from the line after the header (`header_line`);
    a stray quote costs one line, not the file. Rows of empty cells (Excel's `;;;;` below the
    data) are blank lines. `keys_only`: the rows are only counted by key, so their values are not
    checked further."""
    text = _text_stream(stream, source)
    physical = iter(enumerate(text, start=1))
    pending: list[tuple[int, str]] = []
    seq = 0
    delimiter = source.delimiter or ","
    closed, blank = _closed_line(delimiter), delimiter + " \t\r\n"
    while True:
        if pending:
            number, line = pending.pop(0)
        else:
            nxt = next(physical, None)
            if nxt is None:
                break
            number, line = nxt
        if number <= header_line or not line.strip(blank):
            continue
        # An even number of quotes is read as one line, as ever; an odd number may be an inch
        # mark in a cell (`55" TV`, a character), or a quoted cell going on below.
        if line.count('"') % 2 == 0 or closed.fullmatch(line) or not _open_quote(line, delimiter):
            if line.startswith('""') and not line.strip(blank + '"'):
                continue  # quoted empty cells only
            row = _parse_row(number, line, header, delimiter, keys_only=keys_only)
        elif (joined := _joined_row(number, line, physical, pending, header, delimiter, keys_only)) is not None:
            row = joined
        else:
            yield _Row(number, line, None, Problem(RECORD_LEVEL, "csv_quotes", line.rstrip("\r\n")[:200],
                                                   "has an unbalanced quote"))  # fmt: skip
            continue
        seq += 1
        row.seq = seq
        yield row
    text.detach()


def _joined_row(number: int, line: str, physical: Iterator[tuple[int, str]], pending: list[tuple[int, str]],
                header: list[str], delimiter: str, keys_only: bool) -> _Row | None:  # fmt: skip
    """The row whose quoted cell opens on `line` and closes on a line below; None when the quote
    is stray (never closed, or "closed" by another stray quote making a row of the wrong shape):
    then the lines read after `line` go back to `pending`, to be read again."""
    buffer, size, still_open = [line], len(line), True
    while still_open and size < MAX_CSV_RECORD_CHARS:
        nxt = pending.pop(0) if pending else next(physical, None)
        if nxt is None:
            break
        buffer.append(nxt[1])
        size += len(nxt[1])
        still_open = '"' not in nxt[1] or _open_quote("".join(buffer), delimiter)
    if not still_open:
        row = _parse_row(number, "".join(buffer), header, delimiter, keys_only=keys_only)
        if row.problem is None or row.problem.field != RECORD_LEVEL:
            return row
    pending[:0] = [(number + i, extra) for i, extra in enumerate(buffer[1:], start=1)]
    return None


@functools.cache
def _closed_line(delimiter: str) -> re.Pattern[str]:
    """A line whose quoted cells all close on it, matched in C: `_open_quote` need not look at it.
    Each cell is an atomic group, so a line that does not match fails without backtracking."""
    d = re.escape(delimiter)
    cell = f'(?>"(?:[^"]|"")*+"[^{d}\r\n]*+|[^"{d}\r\n][^{d}\r\n]*+|)'
    return re.compile(f"{cell}(?:{d}{cell})*+[\r\n]*")


def _open_quote(text: str, delimiter: str) -> bool:
    """Whether `text` ends inside a quoted field, read as the csv module reads it: a quote opens a
    field only at its start (`55" TV` is a plain value), and `""` inside one is a quote."""
    position, end = 0, len(text)
    while position < end:
        if text[position] == '"':
            position += 1
            while True:
                close = text.find('"', position)
                if close < 0:
                    return True
                if text.startswith('"', close + 1):
                    position = close + 2
                    continue
                position = close + 1
                break
        following = text.find(delimiter, position)
        if following < 0:
            return False
        position = following + 1
    return False


def _parse_row(number: int, text: str, header: list[str], delimiter: str, *, keys_only: bool = False) -> _Row:
    try:
        values = next(csv.reader([text], delimiter=delimiter, strict=True))
    except csv.Error as error:
        return _Row(number, text, None, Problem(RECORD_LEVEL, "csv_syntax", text.rstrip("\r\n")[:200], str(error)))
    if len(values) != len(header):
        return _Row(
            number,
            text,
            None,
            Problem(RECORD_LEVEL, "csv_field_count", len(values), f"has {len(values)} fields, the header has {len(header)}"),
        )
    row = dict(zip(header, values, strict=True))
    if keys_only:  # neither check below changes or refuses a key column's value
        return _Row(number, text, row, None)
    if _UNDECODABLE.search(text):
        for column, value in row.items():
            if _UNDECODABLE.search(value):
                bad = value.encode("utf-8", "surrogateescape")
                return _Row(number, text, row, Problem(column, "encoding", bad.hex(" ")[:120], "holds bytes that are not valid in the file's encoding"))
    if delimiter != ",":
        for column in DECIMAL_COLUMNS & row.keys():
            if _DECIMAL_COMMA.match(row[column]):
                row[column] = row[column].translate(_THOUSANDS)
    return _Row(number, text, row, None)


def _raw(rows: list[_Row], source: Source) -> bytes:
    encoding = source.encoding or "utf-8"
    return "".join(row.text for row in rows).encode(encoding.replace("-sig", ""), "surrogateescape")


def _row_record(row: _Row, source: Source) -> SourceRecord:
    record = SourceRecord(location=f"line {row.line}", raw=_raw([row], source), flat=True)
    if row.problem is not None:
        record.problems.append(row.problem)
        record.data = dict(row.values) if row.values else None
    elif row.values is not None:
        record.data = _flat_watch_or_outcome(row.values)
    return record


def _flat_watch_or_outcome(values: dict[str, str]) -> dict[str, Any]:
    data: dict[str, Any] = {k: v for k, v in values.items() if v != ""}
    finding = {k[8:]: data.pop(k) for k in list(data) if k.startswith("finding_")}
    if finding:
        data["findings"] = [finding]
    return data


def _outcome_from_rows(rows: list[_Row], source: Source) -> SourceRecord:
    """Fold the finding rows of one inspection (`finding_category`, `finding_description`,
    `finding_quantity`) into one outcome with its list of findings. A `findings` cell holding the
    JSON list is read as that list."""
    first = rows[0].values or {}
    record = SourceRecord(location=_rows_location(rows), raw=_raw(rows, source), flat=True)
    findings = []
    for number, row in enumerate(rows):
        if row.problem is not None:
            record.problems.append(row.problem)
        values = row.values or {}
        finding = {name[8:]: value for name, value in values.items() if name.startswith("finding_") and value != ""}
        if finding:
            findings.append(finding)
        if number:  # the rows share the file's header: every column but a finding's must agree
            record.problems.extend(p for p in (_disagreement(name, row, rows[0], "inspection")
                                               for name in values if not name.startswith("finding_")) if p)
    data: dict[str, Any] = {name: value for name, value in first.items() if value != "" and not name.startswith("finding_")}
    if findings:
        data["findings"] = findings
    elif str(data.get("findings", "")).lstrip().startswith("["):
        try:
            data["findings"] = orjson.loads(data["findings"])
        except orjson.JSONDecodeError:
            pass  # left as written: validation names the field
    record.data = data
    return record


def _rows_location(rows: list[_Row]) -> str:
    return "line " + ", ".join(str(r.line) for r in rows) if len(rows) > 1 else f"line {rows[0].line}"


def _disagreement(name: str, row: _Row, first: _Row, what: str) -> Problem | None:
    """A column that the rows of one record must share, differing on `row` from the first row."""
    value, held = (row.values or {}).get(name, ""), (first.values or {}).get(name, "")
    if value == held:
        return None
    return Problem(name, "same_on_every_row", (row.values or {}).get(name),
                   f"differs between the rows of this {what}: {value!r} on line {row.line}, {held!r} on line {first.line}")


def _shipment_from_rows(rows: list[_Row], source: Source) -> SourceRecord:
    """Fold the item rows of one shipment back into the nested records.md form."""
    first = rows[0].values or {}
    record = SourceRecord(
        location=_rows_location(rows),
        raw=_raw(rows, source),
        item_locations=[f"line {r.line}" for r in rows],
        flat=True,
    )
    data: dict[str, Any] = {}
    shipper: dict[str, Any] = {}
    consignee: dict[str, Any] = {}
    items: list[dict[str, Any]] = []
    extra_columns = [c for c in first if c not in _KNOWN_COLUMNS]
    for name in SHIPMENT_FIELDS:
        value = first.get(name, "")
        if value != "":
            data[name] = value
    for name in PARTY_FIELDS:
        if (value := first.get(f"shipper_{name}", "")) != "" and name != "id_number":
            shipper[name] = value
        if (value := first.get(f"consignee_{name}", "")) != "":
            consignee[name] = value
    data["shipper"] = shipper
    data["consignee"] = consignee
    for column in extra_columns:
        values = {(r.values or {}).get(column, "") for r in rows}
        if len(values) == 1 and first[column] != "":
            data[column] = first[column]
    for number, row in enumerate(rows):
        if row.problem is not None:
            record.problems.append(row.problem)
        values = row.values or {}
        item = {name: values[column] for name, column in _ITEM_COLUMNS if values.get(column, "") != ""}
        for column in extra_columns:
            if len({(r.values or {}).get(column, "") for r in rows}) > 1 and values.get(column, "") != "":
                item[column] = values[column]
        items.append(item)
        if number == 0:
            continue  # the first row is what the others are held to
        record.problems.extend(p for p in (_disagreement(name, row, rows[0], "shipment") for name in _SHIPMENT_COLUMNS) if p)
    data["items"] = items
    record.data = data
    return record


_ITEM_COLUMNS = tuple((name, f"item_{name}") for name in ITEM_FIELDS)
# Columns that describe the shipment, not the item: every row of one shipment must agree on them.
_SHIPMENT_COLUMNS = (*SHIPMENT_FIELDS, *(f"shipper_{p}" for p in PARTY_FIELDS), *(f"consignee_{p}" for p in PARTY_FIELDS))
_KNOWN_COLUMNS = frozenset((*_SHIPMENT_COLUMNS, *(column for _, column in _ITEM_COLUMNS)))
# A CSV header of shipments or outcomes names at least one of these (the watchlist reader also reads
# other files, screening queries among them, with columns of their own).
HEADER_COLUMNS = {
    "shipments": _KNOWN_COLUMNS | {"shipper", "consignee", "items"},
    "outcomes": frozenset(("reporter", "shipment_id", "inspected_at", "method", "result", "findings", "office",
                           "finding_category", "finding_description", "finding_quantity")),
}  # fmt: skip
HEADER_COLUMNS_SECTION = {"shipments": 1, "outcomes": 2}


# Parquet --------------------------------------------------------------------------------------


def _parquet_records(source: Source, raw: BinaryIO, *, kind: str) -> Iterator[SourceRecord]:
    import orjson
    import pyarrow.parquet as pq

    try:
        parquet = pq.ParquetFile(raw)
    except Exception as error:  # pyarrow raises several types for a damaged file
        yield SourceRecord(location="file", raw=b"", problems=[Problem(RECORD_LEVEL, "parquet", str(error)[:200], "is not a readable Parquet file")])
        return
    names = parquet.schema_arrow.names
    nested = "items" in names if kind == "shipments" else \
        kind not in ROW_KEYS or not any(name.startswith("finding_") for name in names)
    if nested:
        for row_number, values in _parquet_rows(parquet):
            if isinstance(values, SourceRecord):
                yield values
                continue
            data = {k: v for k, v in values.items() if v is not None}
            yield SourceRecord(location=f"row {row_number}", raw=orjson.dumps(data, default=str), data=data)
        return
    # Flat Parquet is the CSV form: one row per item or finding, grouped by the record's key.
    groups: dict[tuple[str, ...], list[_Row]] = {}
    for row_number, values in _parquet_rows(parquet):
        if isinstance(values, SourceRecord):
            keys = _parquet_keys(parquet, values, kind)
            if keys is None:
                yield values
            for offset, key in enumerate(keys or []):  # each lost row holds back its record's others
                line = row_number + offset
                problem = values.problems[0]
                groups.setdefault(key, []).append(_Row(line, "", None, Problem(
                    problem.field, problem.rule, problem.value, "is in a damaged part of the file: " + problem.message), line))
            continue
        text_values = {_column_name(k): "" if v is None else str(v) for k, v in values.items()}
        groups.setdefault(_key(text_values, kind), []).append(
            _Row(row_number, orjson.dumps(values, default=str).decode() + "\n", text_values, None, row_number)
        )
    for rows in groups.values():
        for record in _records_from_group(rows, source, kind):
            record.location = record.location.replace("line", "row")
            yield record


def _parquet_rows(parquet: Any) -> Iterator[tuple[int, Any]]:
    """(row number, the row's values) of a Parquet file, row group by row group; a damaged part
    comes out as a record that says which rows it costs: one row whose text is not UTF-8, or the
    rest of a row group with a page that cannot be decoded. The other row groups are read."""
    number = 0
    for group in range(parquet.metadata.num_row_groups):
        end = number + parquet.metadata.row_group(group).num_rows
        batches = parquet.iter_batches(batch_size=5000, row_groups=[group])
        while True:
            try:
                batch = next(batches)
            except StopIteration:
                break
            except Exception as error:  # noqa: BLE001 - pyarrow raises OSError, ArrowInvalid and more for a damaged page
                yield number + 1, SourceRecord(location=f"rows {number + 1} to {end}", raw=b"", problems=[Problem(
                    RECORD_LEVEL, "parquet", str(error)[:200], f"the file is damaged from row {number + 1} to {end}: "
                    f"these {end - number} rows cannot be read (the others are); send them again")])  # fmt: skip
                break
            try:
                rows: list[Any] = batch.to_pylist()
            except Exception:  # noqa: BLE001 - text that is not UTF-8, say: row by row, to name the rows
                rows = [_parquet_row(batch, index) for index in range(batch.num_rows)]
            for values in rows:
                number += 1
                if isinstance(values, Exception):
                    values = SourceRecord(location=f"row {number}", raw=b"", problems=[Problem(
                        RECORD_LEVEL, "parquet", str(values)[:200], "this row cannot be read")])  # fmt: skip
                yield number, values
        number = end


def _parquet_keys(parquet: Any, damage: SourceRecord, kind: str) -> list[tuple[str, ...]] | None:
    """The keys of the rows a damaged row group costs, read from the key columns alone (the damage
    is often in another column); None when they cannot be read either."""
    if not damage.location.startswith("rows "):
        return None
    first = int(damage.location.split()[1])
    columns = [name for name in parquet.schema_arrow.names if _column_name(name) in ROW_KEYS[kind]]
    start = 0
    for group in range(parquet.metadata.num_row_groups):
        if start + 1 == first or start < first <= start + parquet.metadata.row_group(group).num_rows:
            try:
                table = parquet.read_row_group(group, columns=columns).slice(first - 1 - start)
                return [_key({_column_name(k): "" if v is None else str(v) for k, v in row.items()}, kind)
                        for row in table.to_pylist()]  # fmt: skip
            except Exception:  # noqa: BLE001 - the key columns are damaged too
                return None
        start += parquet.metadata.row_group(group).num_rows
    return None


def _parquet_row(batch: Any, index: int) -> Any:
    try:
        return batch.slice(index, 1).to_pylist()[0]
    except Exception as error:  # noqa: BLE001
        return error
