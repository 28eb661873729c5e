import { ApiError } from "../lib/errors";
import { ByteReader } from "./byte-reader";
import { formatBytes, LIMITS, tooLarge } from "./limits";
import { R2ObjectWriter } from "./r2-writer";

export interface IncomingBody {
  stream: ReadableStream<Uint8Array>;
  /** Exact byte length when the client declared it (Content-Length of a raw body). */
  length: number | null;
}

export interface StoreOptions {
  maxBytes: number;
  /** Seconds without a byte before the upload is given up. */
  stallSeconds?: number;
}

export const fileTooLarge = (maxBytes: number, seen?: number) =>
  tooLarge(`The file is larger than ${formatBytes(maxBytes)}, the upload limit.`, {
    limitBytes: maxBytes,
    ...(seen !== undefined ? { receivedBytes: seen } : {}),
  });

const incomplete = (message: string, details: Record<string, unknown> = {}) =>
  new ApiError("invalid_request", message, { reason: "upload_incomplete", ...details });

/**
 * Streams an upload into R2 under `key` and returns its size, never holding it whole: a declared length
 * goes through a `FixedLengthStream` into one `put`, an unknown one through a multipart upload. The
 * size limit is enforced while bytes arrive (413); an aborted or stalled upload is a 400. On any
 * failure nothing is left under `key`.
 */
export async function storeOriginal(bucket: R2Bucket, key: string, body: IncomingBody, options: StoreOptions): Promise<number> {
  const { maxBytes } = options;
  const stallMs = (options.stallSeconds ?? LIMITS.stallSeconds) * 1000;
  if (body.length !== null && body.length > maxBytes) {
    await body.stream.cancel().catch(() => undefined);
    throw fileTooLarge(maxBytes, body.length);
  }
  const reader = new ByteReader(body.stream);
  try {
    return body.length !== null
      ? await storeKnownLength(bucket, key, reader, body.length, stallMs)
      : await storeUnknownLength(bucket, key, reader, maxBytes, stallMs);
  } catch (error) {
    await reader.cancel().catch(() => undefined);
    await bucket.delete(key).catch(() => undefined);
    throw error;
  }
}

async function storeKnownLength(
  bucket: R2Bucket,
  key: string,
  reader: ByteReader,
  length: number,
  stallMs: number,
): Promise<number> {
  const fixed = new FixedLengthStream(length);
  const writer = fixed.writable.getWriter();
  const stored = bucket.put(key, fixed.readable);
  // Failures are reported by the loop below; these promises' own rejections must not go unhandled.
  stored.catch(() => undefined);
  writer.closed.catch(() => undefined);
  let received = 0;
  try {
    for (;;) {
      const chunk = await readWithin(reader, stallMs, received);
      if (!chunk) break;
      received += chunk.length;
      if (received > length) throw incomplete("The upload sent more bytes than its Content-Length.", { contentLength: length });
      // The reader reuses the chunk's buffer: a FixedLengthStream write resolves only once the other
      // side has read (copied) the bytes.
      await writer.write(chunk);
    }
    if (received < length) {
      throw incomplete(`The upload ended after ${received} of ${length} bytes.`, { receivedBytes: received, contentLength: length });
    }
    await writer.close();
  } catch (error) {
    await writer.abort(error).catch(() => undefined);
    await stored.catch(() => undefined);
    throw error instanceof ApiError ? error : incomplete("The upload was interrupted before the whole file arrived.");
  }
  await stored;
  return received;
}

async function storeUnknownLength(
  bucket: R2Bucket,
  key: string,
  reader: ByteReader,
  maxBytes: number,
  stallMs: number,
): Promise<number> {
  const out = new R2ObjectWriter(bucket, key);
  let received = 0;
  try {
    for (;;) {
      let chunk: Uint8Array | null;
      try {
        chunk = await readWithin(reader, stallMs, received);
      } catch (error) {
        throw error instanceof ApiError ? error : incomplete("The upload was interrupted before the whole file arrived.");
      }
      if (!chunk) break;
      received += chunk.length;
      if (received > maxBytes) throw fileTooLarge(maxBytes);
      out.write(chunk);
      await out.flush();
    }
    await out.close();
  } catch (error) {
    await out.abort();
    throw error;
  }
  return received;
}

/** One read, or a 400 when the client sends nothing for `stallMs`. */
async function readWithin(reader: ByteReader, stallMs: number, received: number): Promise<Uint8Array | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stalled = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(incomplete(`The upload stalled: nothing arrived for ${stallMs / 1000} seconds.`, { receivedBytes: received, stallSeconds: stallMs / 1000 })),
      stallMs,
    );
  });
  try {
    return await Promise.race([reader.read(), stalled]);
  } finally {
    clearTimeout(timer);
  }
}
