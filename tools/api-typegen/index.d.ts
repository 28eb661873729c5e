/** The TypeScript types (`paths`, `components`, `operations`) of an OpenAPI document, as file text. */
export function generateApiTypes(document: object): Promise<string>;
