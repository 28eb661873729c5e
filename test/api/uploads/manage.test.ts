import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { call, expectError, json, signup } from "../../helpers";
import { objectCount, postUpload, storedUpload } from "./helpers";

async function createUploads(token: string, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) ids.push((await json(await postUpload(token, `Company\nAcme ${i}\n`, { filename: `f${i}.csv` }))).id);
  return ids;
}

describe("GET /v1/uploads", () => {
  it("lists the user's uploads newest first, page by page", async () => {
    const user = await signup();
    const ids = await createUploads(user.accessToken, 3);
    const first = await json(await call("GET", "/v1/uploads?limit=2", { token: user.accessToken }));
    expect(first.data.map((u: { id: string }) => u.id)).toEqual([ids[2], ids[1]]);
    expect(first.data[0]).toMatchObject({ filename: "f2.csv", columns: ["Company"], rowCount: 1 });
    const second = await json(await call("GET", `/v1/uploads?limit=2&cursor=${first.nextCursor}`, { token: user.accessToken }));
    expect(second).toEqual({ data: [expect.objectContaining({ id: ids[0] })], nextCursor: null });
  });

  it("never shows another user's uploads", async () => {
    const [alice, mallory] = [await signup(), await signup()];
    await createUploads(alice.accessToken, 1);
    expect((await json(await call("GET", "/v1/uploads", { token: mallory.accessToken }))).data).toEqual([]);
  });

  it("rejects a bad limit and needs credentials", async () => {
    const user = await signup();
    await expectError(await call("GET", "/v1/uploads?limit=1000", { token: user.accessToken }), 400, "invalid_request");
    await expectError(await call("GET", "/v1/uploads"), 401, "unauthorized");
  });
});

describe("GET /v1/uploads/:id", () => {
  it("returns the upload", async () => {
    const user = await signup();
    const created = await json(await postUpload(user.accessToken, "Name,Company\nAnn,Acme\n", { filename: "one.csv" }));
    const fetched = await json(await call("GET", `/v1/uploads/${created.id}`, { token: user.accessToken }));
    expect(fetched).toEqual(created);
  });

  it("answers 404 for another user's upload and for an unknown id", async () => {
    const [alice, mallory] = [await signup(), await signup()];
    const [id] = await createUploads(alice.accessToken, 1);
    await expectError(await call("GET", `/v1/uploads/${id}`, { token: mallory.accessToken }), 404, "not_found");
    await expectError(await call("GET", "/v1/uploads/upl_nope", { token: alice.accessToken }), 404, "not_found");
  });
});

describe("DELETE /v1/uploads/:id", () => {
  it("removes the upload and every stored object", async () => {
    const user = await signup();
    const [keep, remove] = await createUploads(user.accessToken, 2);
    const row = await storedUpload(remove!);
    expect(await env.FILES.head(row!.normalized_key)).not.toBeNull();
    expect(await objectCount(user.id)).toBe(6);
    const response = await call("DELETE", `/v1/uploads/${remove}`, { token: user.accessToken });
    expect(response.status).toBe(204);
    for (const key of [row!.original_key, row!.normalized_key, row!.chunk_index_key]) expect(await env.FILES.head(key)).toBeNull();
    expect(await objectCount(user.id)).toBe(3);
    await expectError(await call("GET", `/v1/uploads/${remove}`, { token: user.accessToken }), 404, "not_found");
    expect((await call("GET", `/v1/uploads/${keep}`, { token: user.accessToken })).status).toBe(200);
  });

  it("answers 404 for another user's upload and leaves it alone", async () => {
    const [alice, mallory] = [await signup(), await signup()];
    const [id] = await createUploads(alice.accessToken, 1);
    await expectError(await call("DELETE", `/v1/uploads/${id}`, { token: mallory.accessToken }), 404, "not_found");
    expect(await objectCount(alice.id)).toBe(3);
    expect((await call("GET", `/v1/uploads/${id}`, { token: alice.accessToken })).status).toBe(200);
  });

  it("refuses while a job still uses the upload (409)", async () => {
    const user = await signup();
    const [id] = await createUploads(user.accessToken, 1);
    const jobId = `job_${crypto.randomUUID().replace(/-/g, "")}`;
    await env.DB.prepare("INSERT INTO jobs (id, user_id, upload_id, mode, status, mapping, extra_columns, context) VALUES (?, ?, ?, 'full', 'running', '{}', '[]', '{}')")
      .bind(jobId, user.id, id)
      .run();
    const error = await expectError(await call("DELETE", `/v1/uploads/${id}`, { token: user.accessToken }), 409, "conflict");
    expect(error.details).toMatchObject({ jobId });
    await env.DB.prepare("UPDATE jobs SET status = 'succeeded' WHERE id = ?").bind(jobId).run();
    expect((await call("DELETE", `/v1/uploads/${id}`, { token: user.accessToken })).status).toBe(204);
  });

  it("needs uploads:write on an API key", async () => {
    const user = await signup();
    const [id] = await createUploads(user.accessToken, 1);
    const key = await json(await call("POST", "/v1/api-keys", { token: user.accessToken, body: { name: "ro", scopes: ["uploads:read"] } }));
    expect((await call("GET", `/v1/uploads/${id}`, { token: key.key })).status).toBe(200);
    await expectError(await call("DELETE", `/v1/uploads/${id}`, { token: key.key }), 403, "forbidden");
  });
});
