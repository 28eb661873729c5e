import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { ApiError } from "../../../worker/lib/errors";
import { storeOriginal } from "../../../worker/uploads/original";
import { storeUpload } from "../../../worker/uploads/store";
import { signup } from "../../helpers";
import { objectCount, uploadRowCount } from "./helpers";
import { getConfig } from "../../../worker/parse-config";

const encoder = new TextEncoder();

describe("storeUpload (direct, without HTTP)", () => {
  it("creates an upload from CSV text", async () => {
    const user = await signup();
    const upload = await storeUpload(env, getConfig(env), user.id, { filename: "direct.csv", body: "First Name,Company\nAnn,Acme\nBob,Beta\n" });
    expect(upload).toMatchObject({ userId: user.id, filename: "direct.csv", rowCount: 2, columns: ["First Name", "Company"] });
    expect(await (await env.FILES.get(upload.normalizedKey))!.text()).toBe("First Name,Company\nAnn,Acme\nBob,Beta\n");
  });

  it("gives up on a stalled upload with 400 and leaves nothing", async () => {
    const user = await signup();
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode("Company\nAcme\n"));
        // …and then nothing more, ever.
      },
    });
    const error = await storeUpload(env, getConfig(env), user.id, { filename: "slow.csv", body: stream, stallSeconds: 0.2 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(400);
    expect((error as ApiError).details).toMatchObject({ reason: "upload_incomplete", stallSeconds: 0.2 });
    expect(await objectCount(user.id)).toBe(0);
    expect(await uploadRowCount(user.id)).toBe(0);
  });

  it.each([
    ["of unknown length", null],
    ["with a declared length", 10_000],
  ])("reports an aborted upload %s with 400 and leaves nothing", async (_label, length) => {
    const user = await signup();
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > 0) return controller.error(new Error("client went away"));
        controller.enqueue(encoder.encode("Company\nAcme\n"));
        sent++;
      },
    });
    const error = await storeUpload(env, getConfig(env), user.id, { filename: "cut.csv", body: stream, length }).catch((e: unknown) => e);
    expect((error as ApiError).status).toBe(400);
    expect((error as ApiError).details).toMatchObject({ reason: "upload_incomplete" });
    expect(await objectCount(user.id)).toBe(0);
  });

  it("reports fewer bytes than declared with 400", async () => {
    const user = await signup();
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode("Company\nAcme\n"));
        controller.close();
      },
    });
    const error = await storeUpload(env, getConfig(env), user.id, { filename: "short.csv", body: stream, length: 500 }).catch((e: unknown) => e);
    expect((error as ApiError).message).toMatch(/13 of 500 bytes/);
    expect(await objectCount(user.id)).toBe(0);
  });
});

describe("storeOriginal", () => {
  it("enforces the limit while streaming, aborting the multipart upload", async () => {
    const key = `test-store/${crypto.randomUUID()}/original`;
    const part = new Uint8Array(1024 * 1024).fill(65);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(part);
        sent += part.length;
      },
    });
    const error = await storeOriginal(env.FILES, key, { stream, length: null }, { maxBytes: 12 * 1024 * 1024 }).catch((e: unknown) => e);
    expect((error as ApiError).status).toBe(413);
    expect(sent).toBeLessThanOrEqual(14 * 1024 * 1024);
    expect(await env.FILES.head(key)).toBeNull();
  });

  it("writes a stream of unknown length larger than one part exactly", async () => {
    const key = `test-store/${crypto.randomUUID()}/original`;
    const bytes = new Uint8Array(11 * 1024 * 1024 + 123).map((_, i) => i % 251);
    let offset = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (offset >= bytes.length) return controller.close();
        controller.enqueue(bytes.slice(offset, offset + 777_777));
        offset += 777_777;
      },
    });
    expect(await storeOriginal(env.FILES, key, { stream, length: null }, { maxBytes: 100 * 1024 * 1024 })).toBe(bytes.length);
    const stored = new Uint8Array(await (await env.FILES.get(key))!.arrayBuffer());
    expect(stored.length).toBe(bytes.length);
    expect(stored.every((byte, i) => byte === bytes[i])).toBe(true);
  });
});

describe("storeOriginal from a runtime byte stream", () => {
  it("stores a declared-length body read into one reused buffer exactly, however it is cut", async () => {
    const key = `test-store/${crypto.randomUUID()}/original`;
    const bytes = new Uint8Array(3 * 1024 * 1024 + 17).map((_, i) => (i * 7 + (i >> 10)) & 0xff);
    const { readable, writable } = new IdentityTransformStream();
    const writer = writable.getWriter();
    const writing = (async () => {
      for (let offset = 0, size = 1; offset < bytes.length; offset += size, size = (size * 3 + 1) % 200_000) {
        await writer.write(bytes.slice(offset, offset + size));
      }
      await writer.close();
    })();
    expect(await storeOriginal(env.FILES, key, { stream: readable, length: bytes.length }, { maxBytes: 100 * 1024 * 1024 })).toBe(bytes.length);
    await writing;
    const stored = new Uint8Array(await (await env.FILES.get(key))!.arrayBuffer());
    expect(stored.length).toBe(bytes.length);
    expect(stored.every((byte, i) => byte === bytes[i])).toBe(true);
  });
});
