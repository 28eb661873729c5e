import { describe, expect, it } from "vitest";
import { call, json } from "../../helpers";

describe("billing in the OpenAPI document", () => {
  it("documents every billing route with its request and answers", async () => {
    const response = await call("GET", "/openapi.json");
    expect(response.status).toBe(200);
    const document = await json(response);
    expect(Object.keys(document.paths["/v1/billing/plans"])).toEqual(["get"]);
    expect(document.paths["/v1/billing/checkout"].post.responses).toHaveProperty("201");
    expect(document.paths["/v1/billing/checkout"].post.requestBody.content["application/json"].schema).toBeDefined();
    expect(document.paths["/v1/billing/portal"].post.responses).toHaveProperty("201");
    expect(document.paths["/v1/billing/subscription"].get.responses).toHaveProperty("200");
    expect(document.paths["/v1/webhooks/stripe"].post.responses).toHaveProperty("400");
    expect(document.components.schemas.CheckoutRequest.properties).toHaveProperty("quantity");
  });
});
