// `errgen schema DIR`: the JSON Schemas of the spec format, each file written whole.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { buildJsonSchemas } from "../schema/build-json-schema.ts";
import { writeFileWhole } from "./write-file-whole.ts";

/** Writes the schemas into `dir`; returns their paths. */
export function writeJsonSchemas(dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  return buildJsonSchemas().map(({ path, contents }) => {
    writeFileWhole(join(dir, path), contents);
    return join(dir, path);
  });
}
