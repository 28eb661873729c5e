import { describe, expect, it } from "vitest";
import { call, expectError, json, signup, type TestUser } from "../../helpers";
import { postUpload } from "../uploads/helpers";

const createProfile = (user: TestUser, body: unknown, headers?: Record<string, string>) =>
  call("POST", "/v1/mapping-profiles", { token: user.accessToken, body, headers });

describe("POST /v1/mapping-profiles", () => {
  it("saves a named mapping", async () => {
    const user = await signup();
    const response = await createProfile(user, { name: " Apollo export ", mapping: { company: "Account Name", first_name: "Given" } });
    expect(response.status).toBe(201);
    const profile = await json(response);
    expect(profile).toMatchObject({ name: "Apollo export", mapping: { company: "Account Name", first_name: "Given" } });
    expect(profile.id).toMatch(/^map_/);
    expect(profile.updatedAt).toBe(profile.createdAt);
  });

  it.each([
    ["no name", { mapping: { company: "C" } }],
    ["an empty mapping", { name: "x", mapping: {} }],
    ["an unknown field", { name: "x", mapping: { favourite_color: "C" } }],
    ["an empty column name", { name: "x", mapping: { company: " " } }],
    ["an extra property", { name: "x", mapping: { company: "C" }, owner: "someone" }],
  ])("rejects %s with 400", async (_label, body) => {
    const user = await signup();
    await expectError(await createProfile(user, body), 400, "invalid_request");
  });

  it("creates one profile per Idempotency-Key", async () => {
    const user = await signup();
    const headers = { "Idempotency-Key": `p-${crypto.randomUUID()}` };
    const body = { name: "Once", mapping: { company: "Company" } };
    const [a, b] = [await json(await createProfile(user, body, headers)), await json(await createProfile(user, body, headers))];
    expect(b.id).toBe(a.id);
    expect((await json(await call("GET", "/v1/mapping-profiles", { token: user.accessToken }))).data).toHaveLength(1);
  });

  it("needs credentials and uploads:write", async () => {
    await expectError(await call("POST", "/v1/mapping-profiles", { body: { name: "x", mapping: { company: "C" } } }), 401, "unauthorized");
    const user = await signup();
    const key = await json(await call("POST", "/v1/api-keys", { token: user.accessToken, body: { name: "ro", scopes: ["uploads:read"] } }));
    await expectError(await call("POST", "/v1/mapping-profiles", { token: key.key, body: { name: "x", mapping: { company: "C" } } }), 403, "forbidden");
  });
});

describe("GET /v1/mapping-profiles", () => {
  it("lists the user's profiles newest first, never another user's", async () => {
    const [alice, mallory] = [await signup(), await signup()];
    const first = await json(await createProfile(alice, { name: "First", mapping: { company: "A" } }));
    const second = await json(await createProfile(alice, { name: "Second", mapping: { company: "B" } }));
    await createProfile(mallory, { name: "Mallory's", mapping: { company: "M" } });
    const page = await json(await call("GET", "/v1/mapping-profiles?limit=1", { token: alice.accessToken }));
    expect(page.data.map((p: { id: string }) => p.id)).toEqual([second.id]);
    const next = await json(await call("GET", `/v1/mapping-profiles?limit=1&cursor=${page.nextCursor}`, { token: alice.accessToken }));
    expect(next).toEqual({ data: [first], nextCursor: null });
  });
});

describe("PATCH /v1/mapping-profiles/:id", () => {
  it("renames and replaces the mapping", async () => {
    const user = await signup();
    const profile = await json(await createProfile(user, { name: "Old", mapping: { company: "A" } }));
    const renamed = await json(await call("PATCH", `/v1/mapping-profiles/${profile.id}`, { token: user.accessToken, body: { name: "New" } }));
    expect(renamed).toMatchObject({ id: profile.id, name: "New", mapping: { company: "A" } });
    const remapped = await json(await call("PATCH", `/v1/mapping-profiles/${profile.id}`, { token: user.accessToken, body: { mapping: { company: "B", title: "Role" } } }));
    expect(remapped).toMatchObject({ name: "New", mapping: { company: "B", title: "Role" } });
    expect(remapped.updatedAt >= profile.updatedAt).toBe(true);
  });

  it("rejects an empty patch and an invalid mapping", async () => {
    const user = await signup();
    const profile = await json(await createProfile(user, { name: "P", mapping: { company: "A" } }));
    await expectError(await call("PATCH", `/v1/mapping-profiles/${profile.id}`, { token: user.accessToken, body: {} }), 400, "invalid_request");
    await expectError(await call("PATCH", `/v1/mapping-profiles/${profile.id}`, { token: user.accessToken, body: { mapping: { nope: "A" } } }), 400, "invalid_request");
  });

  it("answers 404 for another user's profile and changes nothing", async () => {
    const [alice, mallory] = [await signup(), await signup()];
    const profile = await json(await createProfile(alice, { name: "Alice's", mapping: { company: "A" } }));
    await expectError(await call("PATCH", `/v1/mapping-profiles/${profile.id}`, { token: mallory.accessToken, body: { name: "Mine now" } }), 404, "not_found");
    const list = await json(await call("GET", "/v1/mapping-profiles", { token: alice.accessToken }));
    expect(list.data[0].name).toBe("Alice's");
  });
});

describe("DELETE /v1/mapping-profiles/:id", () => {
  it("deletes a profile; a second delete is 404", async () => {
    const user = await signup();
    const profile = await json(await createProfile(user, { name: "Gone", mapping: { company: "A" } }));
    expect((await call("DELETE", `/v1/mapping-profiles/${profile.id}`, { token: user.accessToken })).status).toBe(204);
    await expectError(await call("DELETE", `/v1/mapping-profiles/${profile.id}`, { token: user.accessToken }), 404, "not_found");
  });

  it("answers 404 for another user's profile and keeps it", async () => {
    const [alice, mallory] = [await signup(), await signup()];
    const profile = await json(await createProfile(alice, { name: "Keep", mapping: { company: "A" } }));
    await expectError(await call("DELETE", `/v1/mapping-profiles/${profile.id}`, { token: mallory.accessToken }), 404, "not_found");
    expect((await json(await call("GET", "/v1/mapping-profiles", { token: alice.accessToken }))).data).toHaveLength(1);
  });
});

describe("profiles in suggestedMapping", () => {
  it("suggests a profile first when all its columns exist, for new and existing uploads", async () => {
    const user = await signup();
    const csv = "Given,Account,Role,Email\nAnn,Acme,CEO,ann@acme.com\n";
    const before = await json(await postUpload(user.accessToken, csv));
    expect(before.suggestedProfile).toBeNull();
    expect(before.suggestedMapping).toMatchObject({ company: "Account", title: "Role", email: "Email" });

    const profile = await json(await createProfile(user, { name: "CRM", mapping: { first_name: "Given", company: "Role" } }));
    await createProfile(user, { name: "Other file", mapping: { company: "Firma", first_name: "Given" } });
    const after = await json(await postUpload(user.accessToken, csv));
    expect(after.suggestedProfile).toEqual({ id: profile.id, name: "CRM" });
    expect(after.suggestedMapping).toEqual({ first_name: "Given", company: "Role", email: "Email" });
    const again = await json(await call("GET", `/v1/uploads/${before.id}`, { token: user.accessToken }));
    expect(again.suggestedProfile).toEqual({ id: profile.id, name: "CRM" });

    const mallory = await signup();
    const theirs = await json(await postUpload(mallory.accessToken, csv));
    expect(theirs.suggestedProfile).toBeNull();
  });
});
