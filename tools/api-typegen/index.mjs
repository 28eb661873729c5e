import openapiTS, { astToString } from "openapi-typescript";

const BANNER = `/**
 * Generated from the API Worker's /openapi.json by \`npm run gen:api\` (openapi-typescript). Do not edit:
 * change the route schemas under worker/routes/ and regenerate; a stale copy fails npm test.
 */
`;

/** The TypeScript types (`paths`, `components`, `operations`) of an OpenAPI document, as file text. */
export async function generateApiTypes(document) {
  const ast = await openapiTS(document, { alphabetize: false, exportType: false, rootTypes: false });
  return BANNER + astToString(ast);
}
