"""A large shipment file read and prepared in a second process while this one writes.

Ingest has two halves of about the same cost: reading, validating and flattening each record, and
writing the rows. One process does them one after the other; here a worker process reads the file
and prepares chunk after chunk (the same chunks, in file order) while the calling process writes the
previous ones, so on two cores the wall time is the slower half, not the sum. Only one process
writes, so amendments, duplicates and stale versions are judged exactly as in one process, and the
stored rows are the same.

What crosses between the processes is kept small, since encoding is paid on both sides: a valid
record travels as its location, canonical JSON, hash, key and flattened columns (the model and the
source bytes stay behind: writing does not read them), in msgpack with every column's type declared
(msgspec decodes that in C several times faster than pickle); an invalid one travels whole,
pickled, for the quarantine keeps its bytes and reasons.
"""

from __future__ import annotations

import fcntl
import os
import pickle
import subprocess
import sys
import traceback
from collections.abc import Iterator
from datetime import tzinfo
from pathlib import Path
from typing import Any, BinaryIO

import msgspec
from sqlalchemy import JSON, Column

from interdict.ingest.models import Shipment, ShipmentItem
from interdict.ingest.readers import SourceRecord, open_source
from interdict.ingest.shipments import ITEM_KEYS, ROW_KEYS
from interdict.ingest.validation import Checked

PIPE_BYTES = 1 << 20  # the pipe between the two (Linux lets any process ask for up to 1 MB)
_F_SETPIPE_SZ = 1031


def _held(column: Column[Any]) -> Any:
    """The type of a column's value in a flattened row, None allowed (JSON: any JSON value)."""
    return Any if isinstance(column.type, JSON) else column.type.python_type | None


_Row = tuple[tuple(_held(Shipment.__table__.c[name]) for name in ROW_KEYS)]  # type: ignore[misc]
_Item = tuple[tuple(_held(ShipmentItem.__table__.c[name]) for name in ITEM_KEYS)]  # type: ignore[misc]


class _Valid(msgspec.Struct, array_like=True):
    """A valid shipment as the writer needs it: no model, no source bytes."""

    at: int  # its place in the chunk
    location: str
    record_json: bytes
    record_hash: str
    key: tuple[str, str]
    reporter: str
    row: _Row  # type: ignore[valid-type]
    items: list[_Item]  # type: ignore[valid-type]


class _Chunk(msgspec.Struct, array_like=True):
    valid: list[_Valid]
    others: bytes  # the rest, pickled whole with their places: invalid records keep their bytes and reasons


_ENCODER = msgspec.msgpack.Encoder()
_DECODER = msgspec.msgpack.Decoder(_Chunk)


def pack(chunk: list[Checked]) -> tuple[str, bytes]:
    """A prepared chunk as bytes, and how they are written ("msgpack", or "pickle" for a chunk
    holding a value msgpack cannot carry: a lone surrogate, an integer beyond 64 bits)."""
    valid, others = [], []
    for at, item in enumerate(chunk):
        if item.valid and item.source.quarantine_id is None:
            row, items = item.values
            valid.append(_Valid(at, item.source.location, item.record_json, item.record_hash, item.key, item.reporter, row, items))  # type: ignore[arg-type]
        else:
            others.append((at, item))
    try:
        return "msgpack", _ENCODER.encode(_Chunk(valid, pickle.dumps(others, protocol=pickle.HIGHEST_PROTOCOL)))
    except (msgspec.EncodeError, OverflowError, UnicodeEncodeError):
        return "pickle", pickle.dumps(chunk, protocol=pickle.HIGHEST_PROTOCOL)


def unpack(how: str, body: bytes) -> list[Checked]:
    """The chunk `pack` wrote, as `Checked` records in their order (a valid one without its model)."""
    if how == "pickle":
        return pickle.loads(body)  # type: ignore[no-any-return]
    chunk = _DECODER.decode(body)
    others = pickle.loads(chunk.others)
    checked: list[Checked] = [None] * (len(chunk.valid) + len(others))  # type: ignore[list-item]
    for v in chunk.valid:
        checked[v.at] = Checked(SourceRecord(v.location, b""), None, [], v.record_json, v.record_hash, v.key, v.reporter,
                                (v.row, v.items))  # fmt: skip
    for at, item in others:
        checked[at] = item
    return checked


def _prepare(path: Path, kind: str, encoding: str | None, delimiter: str | None, assume_tz: tzinfo | None,
             chunk_size: int, out: BinaryIO) -> None:  # fmt: skip
    """Read and prepare the file in chunks, each written to `out` pickled, with the position reached."""
    from interdict.ingest.service import chunk_written, chunked, collected_by_chunk, prepare

    def send(message: tuple[str, Any, Any]) -> None:
        pickle.dump(message, out, protocol=pickle.HIGHEST_PROTOCOL)
        out.flush()

    try:
        source, records = open_source(path, kind=kind, encoding=encoding, delimiter=delimiter)
        with collected_by_chunk():
            for chunk in chunked(records, chunk_size):
                send(("chunk", source.position(), pack([prepare(r, kind=kind, assume_tz=assume_tz, keep_record=False) for r in chunk])))
                del chunk
                chunk_written()
        send(("done", source.size, None))
    except BrokenPipeError:  # the writer stopped reading: it has ended the load
        pass
    except BaseException as error:  # noqa: BLE001 - handed to the writer, which raises it
        try:
            sent = pickle.dumps(error)
        except Exception:  # noqa: BLE001 - an exception that does not pickle: its text goes instead
            sent = None
        send(("error", traceback.format_exc(), sent))


class PreparedChunks:
    """Iterate the prepared chunks of a file, read in a worker process; `position` is how far the
    worker has read (bytes), for a progress bar. Use as a context manager: leaving it stops the
    worker, however the load ends.

    The worker is a fresh interpreter (`python -m interdict.ingest.pipeline`) given its task on
    stdin and answering on stdout, not a `multiprocessing` child: those import the caller's main
    script again, which a script calling `ingest_path` without a `__main__` guard cannot take. The
    writer reads the pipe itself when it wants the next chunk; the worker prepares the one after
    meanwhile and waits on the full pipe (1 MB) with it. (A reading thread kept a few chunks ahead,
    but its fight with the writer for the GIL at every 64 KB read cost ~1.5 s of CPU a 100,000
    records.)
    """

    def __init__(self, path: Path, *, kind: str, encoding: str | None, delimiter: str | None,
                 assume_tz: tzinfo | None, chunk_size: int) -> None:  # fmt: skip
        self._task = (path, kind, encoding, delimiter, assume_tz, chunk_size)
        self.position = 0

    def __enter__(self) -> PreparedChunks:
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
        self._process = subprocess.Popen([sys.executable, "-m", __name__], stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env)
        assert self._process.stdin is not None and self._process.stdout is not None
        try:  # a chunk (~3 MB) then crosses in a few reads, not fifty of the default 64 KB
            fcntl.fcntl(self._process.stdout.fileno(), _F_SETPIPE_SZ, PIPE_BYTES)
        except OSError:
            pass
        self._process.stdin.write(pickle.dumps(self._task))
        self._process.stdin.close()
        return self

    def __exit__(self, *_exc: object) -> None:
        if self._process.poll() is None:
            self._process.kill()
        self._process.wait()
        self._process.stdout.close()  # type: ignore[union-attr]

    def __iter__(self) -> Iterator[list[Checked]]:
        while True:
            try:
                what, position, body = pickle.load(self._process.stdout)  # type: ignore[arg-type]
            except Exception:  # noqa: BLE001 - the worker died (killed, out of memory)
                raise RuntimeError(f"the ingest reader stopped unexpectedly (exit code {self._process.wait()})") from None
            if what == "done":
                self.position = position
                return
            if what == "error":
                if body is not None:
                    raise pickle.loads(body)
                raise RuntimeError(f"the ingest reader failed:\n{position}")
            self.position = position
            yield unpack(*body)


if __name__ == "__main__":
    _prepare(*pickle.load(sys.stdin.buffer), out=sys.stdout.buffer)
