import { sendJson, startServer, type FakeServer } from "./http";

/** Stripe's API, faked. Built out by the billing issue (#5). */
export function startFakeStripe(): Promise<FakeServer> {
  return startServer((_req, _body, res) => {
    sendJson(res, 404, { error: { type: "invalid_request_error", message: "not faked" } });
  });
}
