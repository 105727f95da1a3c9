// Bundles a consumer of the default package with esbuild (minified, ESM), as a web app would, to see
// what of the package it carries. Used by `npm run bench` and by the tree-shaking test.
import { build } from "esbuild";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
// The folder holding the generated package, searched like NODE_PATH: imports resolve through its `exports`.
const GENERATED = fileURLToPath(new URL("../generated", import.meta.url));

export async function bundleSize(source: string): Promise<{ bytes: number; text: string }> {
  const result = await build({
    stdin: { contents: source, resolveDir: ROOT, loader: "js" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "neutral",
    mainFields: ["module", "main"],
    write: false,
    nodePaths: [GENERATED],
    logLevel: "silent",
  });
  const text = result.outputFiles[0]!.text;
  return { bytes: Buffer.byteLength(text), text };
}

/** The consumers the benchmark reports on. */
export const CONSUMERS = {
  guard: 'import { isErrorEnvelope } from "tencentcloud-api-errors"; export const f = (v) => isErrorEnvelope(v);',
  converter: 'import { isErrorEnvelope, toApiError } from "tencentcloud-api-errors"; export const f = (v) => { if (isErrorEnvelope(v)) throw toApiError(v); return v; };',
  oneClass: 'import { AuthFailureSignatureFailureError } from "tencentcloud-api-errors"; export const E = AuthFailureSignatureFailureError;',
  wrapper: 'import { withTypedErrors } from "tencentcloud-api-errors"; export const wrap = (client) => withTypedErrors(client);',
  root: 'export * from "tencentcloud-api-errors";',
  product: 'export * from "tencentcloud-api-errors/lkeap";',
} as const;
