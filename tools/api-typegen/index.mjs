import openapiTS, { astToString } from "openapi-typescript";
import ts from "typescript";

const BANNER = `/**
 * Generated from the API Worker's /openapi.json by \`npm run gen:api\` (openapi-typescript). Do not edit:
 * change the route schemas under worker/routes/ and regenerate; a stale copy fails npm test.
 */
`;

/** The TypeScript types (`paths`, `components`, `operations`) of an OpenAPI document, as file text. */
export async function generateApiTypes(document) {
  // defaultNonNullable off: a request field with a default (a job's tone, say) may be left out.
  const ast = await openapiTS(document, { alphabetize: false, exportType: false, rootTypes: false, transform: binaryAsBlob, defaultNonNullable: false });
  return BANNER + astToString(ast);
}

/** A `format: binary` body (an upload) is a Blob or a string, not only a string as by default. */
function binaryAsBlob(schema) {
  if (schema.format !== "binary") return undefined;
  return ts.factory.createUnionTypeNode([
    ts.factory.createTypeReferenceNode("Blob"),
    ts.factory.createKeywordTypeNode(ts.SyntaxKind.StringKeyword),
  ]);
}
