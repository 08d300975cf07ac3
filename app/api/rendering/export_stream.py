"""`format=ndjson` and `format=csv`: every matching row, streamed as an export.

The first batch is read before the answer starts, so a bad cursor or an unreachable
database is still a problem+json answer; the rest is read and encoded batch by batch in a
worker thread while the event loop serves other requests, each batch one write of ~2 MB.
Compressed here, at a fast level, when the client accepts gzip: the gzip middleware would
compress each chunk at level 9, several times the cost of reading the rows.
"""

from __future__ import annotations

import zlib
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass

import anyio
from fastapi import Request
from fastapi.responses import StreamingResponse

from app.api.export.formats import CSV_MEDIA_TYPE, NDJSON_MEDIA_TYPE, CsvWriter, sliced
from app.api.export.reader import BatchReader

# zlib level 1: about 5x smaller for this text, at a small part of the cost of reading it.
GZIP_LEVEL = 1
GZIP_WINDOW = 16 + zlib.MAX_WBITS


@dataclass
class Encoder:
    """How one export is written: its media type, what comes first, and how the next
    batch is read and written (None once every row is)."""

    media_type: str
    head: bytes
    next: Callable[[BatchReader], bytes | None]


def ndjson_encoder() -> Encoder:
    return Encoder(NDJSON_MEDIA_TYPE, b"", BatchReader.next_ndjson)


def csv_encoder(writer: CsvWriter) -> Encoder:
    def next_rows(reader: BatchReader) -> bytes | None:
        cells = reader.next_cells(writer)
        return None if cells is None else sliced(writer.rows, cells)

    return Encoder(CSV_MEDIA_TYPE, writer.header(), next_rows)


class _Chunks:
    """Batches read, encoded and (maybe) compressed, one call per batch, in a thread."""

    def __init__(self, reader: BatchReader, encoder: Encoder, gzip: bool) -> None:
        self.reader = reader
        self.encoder = encoder
        self.compressor = zlib.compressobj(GZIP_LEVEL, zlib.DEFLATED, GZIP_WINDOW) if gzip else None
        self.finished = False

    def _out(self, data: bytes, last: bool = False) -> bytes:
        if self.compressor is None:
            return data
        return self.compressor.compress(data) + (self.compressor.flush() if last else b"")

    def first(self) -> bytes:
        """The head and the first batch (read in the request's thread)."""
        return self.next() or b""

    def next(self) -> bytes | None:
        """The next chunk to send, or None when everything is sent."""
        if self.finished:
            return None
        head, self.encoder.head = self.encoder.head, b""
        rows = self.encoder.next(self.reader)
        if rows is None:
            self.finished = True
            return self._out(head, last=True)
        return self._out(head + rows)

    async def rest(self, first: bytes) -> AsyncIterator[bytes]:
        if first:
            yield first
        while not self.finished:
            # A thread per batch: the event loop is free between and during batches. A
            # vanished client cancels this generator at its next await; a batch already
            # being read finishes and closes its session first (threads are not cut off).
            chunk = await anyio.to_thread.run_sync(self.next)
            if chunk:
                yield chunk


def accepts_gzip(request: Request) -> bool:
    """Whether the client takes a gzip-encoded answer."""
    return "gzip" in request.headers.get("accept-encoding", "").lower()


def export_response(request: Request, reader: BatchReader, encoder: Encoder) -> StreamingResponse:
    """Every row `reader` finds, written by `encoder`, as one streamed answer."""
    gzip = accepts_gzip(request)
    chunks = _Chunks(reader, encoder, gzip)
    first = chunks.first()
    headers = {"Vary": "Accept-Encoding", **({"Content-Encoding": "gzip"} if gzip else {})}
    return StreamingResponse(chunks.rest(first), media_type=encoder.media_type, headers=headers)
