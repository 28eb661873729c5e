import { data } from "react-router";

/**
 * The posted form of an action. A body that is not a form (JSON, garbage, a wrong Content-Type) is the
 * sender's mistake: 400 with the API's error shape, not a crash of the web Worker.
 */
export async function readForm(request: Request): Promise<FormData> {
  try {
    return await request.formData();
  } catch {
    throw data(
      { error: { code: "invalid_request", message: "Send this form as application/x-www-form-urlencoded or multipart/form-data.", details: {} } },
      { status: 400 },
    );
  }
}
