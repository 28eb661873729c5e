import { call, json, type TestUser } from "../../helpers";
import { createJobWithoutQueue, createScenario, createUploadFixture, jobBody, MAPPING, prospectRows } from "../jobs/fixtures";

/**
 * One factory per kind of resource a route's `{id}` names: each makes one for `owner` and answers its
 * id, so the suite can ask for it as someone else. A new kind is one entry here.
 */
export const OWNED_RESOURCES = {
  upload: async (owner: TestUser) => (await createUploadFixture(owner, prospectRows(2), 10)).id,
  job: async (owner: TestUser) => {
    const upload = await createUploadFixture(owner, prospectRows(2), 10);
    // Created without sending its chunks: it stays queued, so every job route has something to refuse.
    return (await createJobWithoutQueue(owner, jobBody(upload.id, await createScenario()))).id as string;
  },
  mappingProfile: async (owner: TestUser) => {
    const response = await call("POST", "/v1/mapping-profiles", { token: owner.accessToken, body: { name: "Owner's profile", mapping: MAPPING } });
    return (await json(response)).id as string;
  },
  savedContext: async (owner: TestUser) => {
    const response = await call("POST", "/v1/contexts", { token: owner.accessToken, body: { name: "Owner's context", service: "AI bookkeeping for small agencies." } });
    return (await json(response)).id as string;
  },
  apiKey: async (owner: TestUser) => {
    const response = await call("POST", "/v1/api-keys", { token: owner.accessToken, body: { name: "Owner's key" } });
    return (await json(response)).id as string;
  },
} satisfies Record<string, (owner: TestUser) => Promise<string>>;

export type OwnedKind = keyof typeof OWNED_RESOURCES;
