"""`format=ndjson` and `format=csv`: every matching row, streamed as an export.

The first batch is read before the answer starts, so a bad cursor or an unreachable
database is still a problem+json answer; the rest is read and encoded batch by batch in a
worker thread while the event loop serves other requests, each batch one write of ~2 MB.
Compressed here, at a fast level, when the client accepts gzip: the gzip middleware would
compress each chunk at level 9, several times the cost of reading the rows.
"""

from __future__ import annotations

import time
import zlib
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass

import anyio
from fastapi import Request
from fastapi.responses import StreamingResponse

from app.api.export.formats import CSV_MEDIA_TYPE, NDJSON_MEDIA_TYPE, CsvWriter, ndjson_chunk
from app.api.export.reader import BatchReader
from app.api.repositories.base import Data

# zlib level 1: about 5x smaller for this text, at a small part of the cost of reading it.
GZIP_LEVEL = 1
GZIP_WINDOW = 16 + zlib.MAX_WBITS
# Rows encoded between two offers of the interpreter to other threads (~1-2 ms of work).
GIL_SLICE = 500


@dataclass
class Encoder:
    """How one export is written: its media type, what comes first, and each batch."""

    media_type: str
    head: bytes
    encode: Callable[[list[Data]], bytes]


def ndjson_encoder() -> Encoder:
    return Encoder(NDJSON_MEDIA_TYPE, b"", ndjson_chunk)


def csv_encoder(writer: CsvWriter) -> Encoder:
    return Encoder(CSV_MEDIA_TYPE, writer.header(), writer.chunk)


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
        batch = self.reader.next_batch()
        if batch is None:
            self.finished = True
            return self._out(head, last=True)
        parts = [head]
        for start in range(0, len(batch), GIL_SLICE):
            # Hand the interpreter to any thread waiting for it (the event loop, a request's
            # worker): otherwise each of their many hand-offs waits out a switch interval
            # (5 ms) while this thread encodes, and a 10 ms request took 100 ms.
            time.sleep(0)
            parts.append(self.encoder.encode(batch[start : start + GIL_SLICE]))
        return self._out(b"".join(parts))

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
