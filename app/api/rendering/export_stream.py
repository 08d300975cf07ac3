"""`format=ndjson` and `format=csv`: every matching row, streamed as an export.

The first range is read before the answer starts, so a bad cursor or an unreachable
database is still a problem+json answer; the rest is read and encoded range by range in
worker threads, the next while one is sent (`reader.InParallel`), while the event loop
serves other requests, each range one write of ~2 MB.
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

from app.api.export import give_way
from app.api.export.formats import CSV_MEDIA_TYPE, NDJSON_MEDIA_TYPE, CsvWriter
from app.api.export.reader import BatchReader, InParallel, Range

# zlib level 1: about 5x smaller for this text, at a small part of the cost of reading it.
GZIP_LEVEL = 1
GZIP_WINDOW = 16 + zlib.MAX_WBITS


@dataclass
class Encoder:
    """How one export is written: its media type, what comes first, and how a range is
    read and written."""

    media_type: str
    head: bytes
    read: Callable[[BatchReader, Range], bytes]


def ndjson_encoder() -> Encoder:
    return Encoder(NDJSON_MEDIA_TYPE, b"", BatchReader.read_ndjson)


def csv_encoder(writer: CsvWriter) -> Encoder:
    def read_rows(reader: BatchReader, span: Range) -> bytes:
        return reader.read_csv(span, writer)[0]

    return Encoder(CSV_MEDIA_TYPE, writer.header(), read_rows)


class _Chunks:
    """Ranges read and encoded in threads, then (maybe) compressed in order."""

    def __init__(self, reader: BatchReader, encoder: Encoder, gzip: bool) -> None:
        self.reader = reader
        self.encoder = encoder
        self.compressor = zlib.compressobj(GZIP_LEVEL, zlib.DEFLATED, GZIP_WINDOW) if gzip else None

    def _out(self, data: bytes, last: bool = False) -> bytes:
        if self.compressor is None:
            return data
        return self.compressor.compress(data) + (self.compressor.flush() if last else b"")

    def _read(self, span: Range) -> bytes:
        return self.encoder.read(self.reader, span)

    def first(self) -> bytes:
        """The head and the first range (read in the request's thread)."""
        give_way.exporting(+1)
        try:
            span = self.reader.claim()
            rows = b"" if span is None else self._read(span)
        finally:
            give_way.exporting(-1)
        return self._out(self.encoder.head + rows, last=self.reader.done)

    async def rest(self, first: bytes) -> AsyncIterator[bytes]:
        if first:
            yield first
        if self.reader.done:
            return
        chunks = InParallel(self.reader, self._read)
        give_way.exporting(+1)
        try:
            # A thread waits for each range in turn: the event loop is free meanwhile. A
            # vanished client cancels this generator at its next await, and the ranges not
            # yet started with it; those being read finish and close their sessions before
            # the generator ends.
            while (chunk := await anyio.to_thread.run_sync(_next_or_none, chunks)) is not None:
                if self.compressor is not None:
                    chunk = await anyio.to_thread.run_sync(self._out, chunk)
                yield chunk
            if self.compressor is not None:
                yield self._out(b"", last=True)
        finally:
            give_way.exporting(-1)
            with anyio.CancelScope(shield=True):
                await anyio.to_thread.run_sync(chunks.close)


def _next_or_none(chunks: InParallel[bytes]) -> bytes | None:
    return next(chunks, None)


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
