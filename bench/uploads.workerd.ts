// Runs inside workerd (see uploads.vitest.config.mts); bench/uploads.bench.mjs drives it.
import { env, exports } from "cloudflare:workers";
import { inferSchema, initParser } from "udsv";
import { it } from "vitest";
import { parseCsv } from "../worker/csv/parse";
import { BlockReader } from "../worker/uploads/blocks";
import { ByteReader } from "../worker/uploads/byte-reader";
import { normalizeCsvObject } from "../worker/uploads/csv-pipeline";
import { ROWS_PER_INDEX_CHUNK } from "../worker/uploads/normalized";
import { RecordScanner } from "../worker/uploads/scanner";

const bench = env as unknown as { BENCH_URL: string; BENCH_CASE: string };
const MB = 1024 * 1024;

async function report(name: string, result: Record<string, unknown>) {
  console.log(name, JSON.stringify(result));
  await fetch(`${bench.BENCH_URL}/results/${name}`, { method: "POST", body: JSON.stringify(result) });
}

async function token(): Promise<string> {
  const email = `bench-${crypto.randomUUID()}@example.com`;
  const response = await exports.default.fetch(
    new Request("http://openline.test/v1/auth/signup", {
      method: "POST",
      headers: { "Content-Type": "application/json", "CF-Connecting-IP": `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}` },
      body: JSON.stringify({ email, password: "bench password 1234" }),
    }),
  );
  return ((await response.json()) as { accessToken: string }).accessToken;
}

/** A phase mark in the memory timeline (BENCH_RSS_TIMELINE=1). */
const mark = (label: string) => fetch(`${bench.BENCH_URL}/rss/mark?label=${encodeURIComponent(label)}`).then((response) => response.body?.cancel());

/** POSTs a file from the Node side to the Worker as a stream of known length, watching workerd's memory. */
async function uploadWatched(file: string, contentType: string) {
  const accessToken = await token();
  const source = await fetch(`${bench.BENCH_URL}/data/${file}`);
  const length = Number(source.headers.get("content-length"));
  const fixed = new FixedLengthStream(length);
  const piping = source.body!.pipeTo(fixed.writable);
  await fetch(`${bench.BENCH_URL}/rss/start`);
  const started = performance.now();
  const response = await exports.default.fetch(
    new Request(`http://openline.test/v1/uploads?filename=${file}`, {
      method: "POST",
      headers: { Authorization: `Bearer ${accessToken}`, "Content-Type": contentType },
      body: fixed.readable,
    }),
  );
  const body = (await response.json()) as { rowCount?: number; error?: unknown };
  const seconds = (performance.now() - started) / 1000;
  await piping;
  const memory = (await (await fetch(`${bench.BENCH_URL}/rss/stop`)).json()) as Record<string, number>;
  if (response.status !== 201) throw new Error(`upload of ${file} answered ${response.status}: ${JSON.stringify(body)}`);
  return { file, bytes: length, rows: body.rowCount, seconds, mbPerSecond: length / MB / seconds, ...memory };
}

async function fileBytes(file: string): Promise<Uint8Array> {
  return new Uint8Array(await (await fetch(`${bench.BENCH_URL}/data/${file}`)).arrayBuffer());
}

/** The bytes as a stream of 64 KiB chunks, the way R2 hands an object over. */
function chunked(bytes: Uint8Array): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.subarray(offset, offset + 65_536));
      offset += 65_536;
    },
  });
}

/**
 * Count and cut: the production scanner over 1 MiB blocks, configured as the upload path configures it
 * for this file (Email and Company Name watched, cells past the 12 columns marked), a chunk boundary
 * every ROWS_PER_INDEX_CHUNK rows.
 */
async function countAndChunk(bytes: Uint8Array) {
  const reader = new BlockReader(chunked(bytes));
  const scanner = new RecordScanner(44, [4, 2], 12);
  let records = 0;
  let consumed = 0;
  const boundaries: number[] = [];
  let tail: Uint8Array = new Uint8Array(0);
  for (;;) {
    const block = await reader.next(tail);
    if (!block) break;
    scanner.reset(block.bytes, block.final);
    const base = consumed - tail.length;
    while (scanner.next()) {
      if (records++ % ROWS_PER_INDEX_CHUNK === 0) boundaries.push(base + scanner.start);
    }
    consumed = base + block.bytes.length;
    tail = block.bytes.subarray(scanner.pos);
  }
  return { records, chunks: boundaries.length };
}

function best<T>(runs: number, work: () => T): { ms: number; result: T } {
  let ms = Infinity;
  let result!: T;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    result = work();
    ms = Math.min(ms, performance.now() - started);
  }
  return { ms, result };
}

async function bestAsync<T>(runs: number, work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  let ms = Infinity;
  let result!: T;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    result = await work();
    ms = Math.min(ms, performance.now() - started);
  }
  return { ms, result };
}

/** R2 stand-in holding one object in memory (read in 64 KiB chunks, with ranges); writes are dropped. */
function memoryBucket(key: string, bytes: Uint8Array): R2Bucket {
  const stored = { key, size: bytes.length, etag: "x", httpEtag: '"x"', uploaded: new Date(), version: "1" };
  return {
    async get(wanted: string, options?: R2GetOptions) {
      if (wanted !== key) return null;
      const range = options?.range as { offset: number; length: number } | undefined;
      const view = range ? bytes.subarray(range.offset, range.offset + range.length) : bytes;
      return { ...stored, body: chunked(view), arrayBuffer: async () => view.slice().buffer };
    },
    async put(name: string, body: unknown) {
      if (body instanceof ReadableStream) await body.pipeTo(new WritableStream());
      return { ...stored, key: name };
    },
    async createMultipartUpload(name: string) {
      return {
        key: name,
        uploadId: "bench",
        uploadPart: async (partNumber: number) => ({ partNumber, etag: "x" }),
        abort: async () => undefined,
        complete: async () => ({ ...stored, key: name }),
      };
    },
  } as unknown as R2Bucket;
}

/**
 * R2 stand-in for the memory cases: Miniflare's local R2 simulator lives in the same workerd process
 * and holds whole objects in memory, which would be charged to the upload path. This stub keeps
 * nothing: writes are read and dropped (bytes counted), and reading the "original" back streams the
 * file again from the Node side (with Range for range reads). Everything else is the real code path.
 */
function passThroughBucket(file: string): R2Bucket {
  const written = new Map<string, number>();
  // Read like R2 would, into one reused buffer (BYOB): a default reader would add a garbage buffer
  // per chunk on the stand-in's side, which a real R2 put does not.
  const drain = async (body: unknown) => {
    if (body instanceof ReadableStream) {
      let size = 0;
      const reader = new ByteReader(body);
      for (let chunk = await reader.read(); chunk; chunk = await reader.read()) size += chunk.length;
      return size;
    }
    if (typeof body === "string") return new TextEncoder().encode(body).length;
    return (body as ArrayBufferView).byteLength;
  };
  const object = (key: string, size: number) => ({ key, size, etag: "x", httpEtag: '"x"', uploaded: new Date(), version: "1" });
  const bucket = {
    async put(key: string, body: unknown) {
      await mark(`put ${key.slice(key.lastIndexOf("/") + 1)}`);
      written.set(key, await drain(body));
      await mark(`stored ${key.slice(key.lastIndexOf("/") + 1)}`);
      return object(key, written.get(key)!);
    },
    async get(key: string, options?: R2GetOptions) {
      if (!key.endsWith("/original")) throw new Error(`bench stub cannot read ${key}`);
      const range = options?.range as { offset: number; length: number } | undefined;
      await mark(range ? `read ${range.length} bytes` : "read whole original");
      const headers: Record<string, string> = range ? { Range: `bytes=${range.offset}-${range.offset + range.length - 1}` } : {};
      const response = await fetch(`${bench.BENCH_URL}/data/${file}`, { headers });
      const body = response.body!;
      return { ...object(key, written.get(key) ?? 0), body, arrayBuffer: () => new Response(body).arrayBuffer(), text: () => new Response(body).text() };
    },
    async head(key: string) {
      return written.has(key) ? object(key, written.get(key)!) : null;
    },
    async delete() {},
    async list() {
      return { objects: [], truncated: false, delimitedPrefixes: [] };
    },
    async createMultipartUpload(key: string) {
      await mark(`multipart ${key.slice(key.lastIndexOf("/") + 1)}`);
      let size = 0;
      return {
        key,
        uploadId: "bench",
        async uploadPart(partNumber: number, body: unknown) {
          size += await drain(body);
          return { partNumber, etag: "x" };
        },
        async abort() {},
        async complete() {
          await mark(`complete ${key.slice(key.lastIndexOf("/") + 1)}`);
          written.set(key, size);
          return object(key, size);
        },
      };
    },
  };
  return bucket as unknown as R2Bucket;
}

/** The real upload path (storeUpload: stream in, doctor, normalize, D1) with storage kept out of the figure. */
async function uploadPathMemory(file: string) {
  const { storeUpload } = await import("../worker/uploads/store");
  const { getConfig } = await import("../worker/parse-config");
  const source = await fetch(`${bench.BENCH_URL}/data/${file}`);
  const length = Number(source.headers.get("content-length"));
  const userId = await userIdFor(await token());
  await fetch(`${bench.BENCH_URL}/rss/start`);
  const started = performance.now();
  const upload = await storeUpload({ ...env, FILES: passThroughBucket(file) }, getConfig(env), userId, { filename: file, body: source.body!, length });
  const seconds = (performance.now() - started) / 1000;
  const memory = (await (await fetch(`${bench.BENCH_URL}/rss/stop`)).json()) as Record<string, number>;
  return { file, bytes: length, rows: upload.rowCount, seconds, ...memory };
}

/**
 * The reference for the memory cases: the same bytes through the same runtime streams as the upload
 * path, with none of its work. The file arrives as a body, goes through a FixedLengthStream into the
 * stand-in's put, and is read back once, as storeUpload does; what this grows by belongs to the runtime.
 */
async function streamingAlone(file: string) {
  const source = await fetch(`${bench.BENCH_URL}/data/${file}`);
  const length = Number(source.headers.get("content-length"));
  const bucket = passThroughBucket(file);
  await fetch(`${bench.BENCH_URL}/rss/start`);
  const started = performance.now();
  const fixed = new FixedLengthStream(length);
  const writer = fixed.writable.getWriter();
  const stored = bucket.put("bench/original", fixed.readable);
  const incoming = new ByteReader(source.body!);
  for (let chunk = await incoming.read(); chunk; chunk = await incoming.read()) await writer.write(chunk);
  await writer.close();
  await stored;
  const back = new ByteReader((await bucket.get("bench/original"))!.body);
  let readBack = 0;
  for (let chunk = await back.read(); chunk; chunk = await back.read()) readBack += chunk.length;
  const seconds = (performance.now() - started) / 1000;
  const memory = (await (await fetch(`${bench.BENCH_URL}/rss/stop`)).json()) as Record<string, number>;
  if (readBack !== length) throw new Error(`read back ${readBack} of ${length} bytes`);
  return { file, bytes: length, seconds, ...memory };
}

async function userIdFor(accessToken: string): Promise<string> {
  const me = await exports.default.fetch(new Request("http://openline.test/v1/me", { headers: { Authorization: `Bearer ${accessToken}` } }));
  return ((await me.json()) as { id: string }).id;
}

it.runIf(bench.BENCH_CASE === "memory-small")("upload path memory, 10 MB CSV", async () => {
  await report("memory-small", await uploadPathMemory("prospects-10mb.csv"));
});

it.runIf(bench.BENCH_CASE === "memory-large")("upload path memory, 1,000,000-row CSV", async () => {
  await report("memory-large", await uploadPathMemory("prospects-1m.csv"));
});

it.runIf(bench.BENCH_CASE === "memory-stream-small")("streams alone, 10 MB CSV (reference)", async () => {
  await report("memory-stream-small", await streamingAlone("prospects-10mb.csv"));
});

it.runIf(bench.BENCH_CASE === "memory-stream-large")("streams alone, 1,000,000-row CSV (reference)", async () => {
  await report("memory-stream-large", await streamingAlone("prospects-1m.csv"));
});

it.runIf(bench.BENCH_CASE === "memory-xlsx")("upload path memory, 200,000-row XLSX", async () => {
  await report("memory-xlsx", await uploadPathMemory("prospects-200k.xlsx"));
});

it.runIf(bench.BENCH_CASE === "xlsx")("200,000-row XLSX through HTTP with Miniflare's R2", async () => {
  await report("xlsx", await uploadWatched("prospects-200k.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
});

it.runIf(bench.BENCH_CASE === "cpu")("CPU throughput on the 1,000,000-row CSV", async () => {
  const bytes = await fileBytes("prospects-1m.csv");
  const mb = bytes.length / MB;
  const runs = 3;

  const scan = await bestAsync(runs, () => countAndChunk(bytes));
  // Field parsing: both parsers get the same text, in the same ~8 MB pieces cut at row boundaries
  // (workerd's TextDecoder refuses one 180 MB input, and neither parser should hold 12 million strings
  // at once), in the same run. The generated rows have no line breaks inside quotes.
  const byteRanges: [number, number][] = [];
  for (let start = 0; start < bytes.length; ) {
    let end = Math.min(bytes.length, start + 8 * MB);
    if (end < bytes.length) end = bytes.indexOf(10, end) + 1;
    byteRanges.push([start, end]);
    start = end;
  }
  const decoder = new TextDecoder();
  const decode = best(runs, () => byteRanges.reduce((chars, [start, end]) => chars + decoder.decode(bytes.subarray(start, end)).length, 0));
  const pieces = byteRanges.map(([start, end]) => decoder.decode(bytes.subarray(start, end)));
  const schema = inferSchema(pieces[0]!, { col: ",", row: "\n", encl: '"', header: () => [] });
  const udsv = initParser(schema);
  // Alternate which parser goes first on each piece, so neither always runs after the other's garbage.
  let ours = Infinity;
  let theirs = Infinity;
  let oursRows = 0;
  let theirRows = 0;
  for (let run = 0; run < 5; run++) {
    let a = 0;
    let b = 0;
    oursRows = theirRows = 0;
    pieces.forEach((piece, index) => {
      const timeOurs = () => {
        const started = performance.now();
        oursRows += parseCsv(piece).length;
        a += performance.now() - started;
      };
      const timeTheirs = () => {
        const started = performance.now();
        theirRows += udsv.stringArrs(piece).length;
        b += performance.now() - started;
      };
      if ((index + run) % 2 === 0) {
        timeOurs();
        timeTheirs();
      } else {
        timeTheirs();
        timeOurs();
      }
    });
    ours = Math.min(ours, a);
    theirs = Math.min(theirs, b);
  }

  // The whole CSV doctor + normalize pass (sniff, scan, copy, warnings, part uploads) with storage in
  // memory, so the figure is our CPU and not Miniflare's R2 simulator.
  const key = "bench/original";
  const target = { normalizedKey: "bench/normalized.csv", chunkIndexKey: "bench/chunks.json" };
  const normalize = await bestAsync(runs, () => normalizeCsvObject(memoryBucket(key, bytes), { key, size: bytes.length }, target));

  await report("cpu", {
    bytes: bytes.length,
    rows: scan.result.records - 1,
    countAndChunkMBps: mb / (scan.ms / 1000),
    chunks: scan.result.chunks,
    textDecoderMBps: mb / (decode.ms / 1000),
    parseCsvMBps: mb / (ours / 1000),
    udsvMBps: mb / (theirs / 1000),
    parseCsvRows: oursRows,
    udsvRows: theirRows,
    parseVsUdsv: theirs / ours,
    normalizeMBps: mb / (normalize.ms / 1000),
    normalizeSeconds: normalize.ms / 1000,
    normalizeRows: normalize.result.rowCount,
  });
});

