// The JSON Schemas of the spec formats, built from the same shapes the validator walks (spec-shape.ts),
// so that an editor's checks and errgen's cannot drift apart. What a schema cannot say (duplicates,
// identifier collisions, codes an action names) only errgen checks.
import type { Shape } from "../validate/spec-shape.ts";
import { productShape, specShape } from "../validate/spec-shape.ts";

type JsonSchema = Record<string, unknown>;

export const SCHEMA_FILES = {
  spec: "errgen-spec.schema.json",
  product: "errgen-product.schema.json",
} as const;

export function buildJsonSchemas(): { path: string; contents: string }[] {
  return [
    { path: SCHEMA_FILES.spec, contents: document(specShape, "errgen spec", "https://errgen.dev/schema/errgen-spec.schema.json") },
    { path: SCHEMA_FILES.product, contents: document(productShape, "errgen product spec", "https://errgen.dev/schema/errgen-product.schema.json") },
  ];
}

function document(shape: Shape, title: string, id: string): string {
  const schema = { $schema: "http://json-schema.org/draft-07/schema#", $id: id, title, ...schemaOf(shape) };
  return `${JSON.stringify(schema, null, 2)}\n`;
}

/** `requires` as draft-07 `dependencies`: a key that needs another beside it. */
function dependencies(shape: Extract<Shape, { kind: "object" }>): JsonSchema {
  const pairs = Object.entries(shape.fields).flatMap(([name, field]) => (field.requires ? [[name, [field.requires.key]] as const] : []));
  return pairs.length > 0 ? { dependencies: Object.fromEntries(pairs) } : {};
}

export function schemaOf(shape: Shape): JsonSchema {
  const description = { description: shape.description };
  switch (shape.kind) {
    case "string":
      return {
        type: shape.nullable ? ["string", "null"] : "string",
        ...description,
        ...(shape.oneOf ? { enum: shape.oneOf } : {}),
        ...(shape.pattern ? { pattern: shape.pattern } : {}),
      };
    case "boolean":
      return { type: "boolean", ...description };
    case "integer":
      return { type: "integer", ...description, ...(shape.oneOf ? { enum: shape.oneOf } : {}) };
    case "list":
      return { type: "array", ...description, items: schemaOf(shape.item) };
    case "map":
      return { type: "object", ...description, propertyNames: { pattern: shape.keyPattern }, additionalProperties: schemaOf(shape.value) };
    case "choice":
      return { ...description, oneOf: shape.choices.map(schemaOf) };
    case "object": {
      const required = Object.entries(shape.fields).filter(([, field]) => field.required).map(([name]) => name);
      return {
        type: "object",
        ...description,
        properties: Object.fromEntries(Object.entries(shape.fields).map(([name, field]) => [name, schemaOf(field.shape)])),
        ...(required.length > 0 ? { required } : {}),
        ...(shape.requireOneOf ? { anyOf: shape.requireOneOf.keys.map((key) => ({ required: [key] })) } : {}),
        ...dependencies(shape),
        additionalProperties: false,
      };
    }
  }
}
