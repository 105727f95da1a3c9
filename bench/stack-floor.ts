// What the fixed stack costs on its own, apart from anything errgen does: js-yaml parsing the spec
// (errgen's input format), cold, in a process of its own.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { load } from "js-yaml";

/** The root spec and every product spec of an imported catalogue, in the root's folder order. */
export function specTexts(specDir: string): string[] {
  const products = join(specDir, "products");
  return [join(specDir, "tencentcloud.yaml"), ...readdirSync(products).sort().map((name) => join(products, name))].map((path) => readFileSync(path, "utf8"));
}

/** js-yaml over every spec file. */
export function parseSpec(specDir: string): { files: number } {
  const texts = specTexts(specDir);
  for (const text of texts) load(text);
  return { files: texts.length };
}
