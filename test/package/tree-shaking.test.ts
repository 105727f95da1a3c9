// Bundlers keep only what a consumer uses: a guard alone carries no class, converting errors
// carries the lookup table but not the classes, and importing classes carries just those.
// Sizes are deterministic (esbuild, minified), so they can be asserted; `npm run bench` reports them.
import test from "ava";
import { bundleSize, CONSUMERS } from "../../bench/bundle-size.ts";

test("a consumer of isErrorEnvelope alone bundles no error class", async (t) => {
  const { bytes, text } = await bundleSize(CONSUMERS.guard);
  t.false(/\bclass\b/.test(text), "no class in the bundle");
  t.true(bytes < 1000, `${bytes} bytes`);
});

test("a consumer of isErrorEnvelope and toApiError bundles the lookup table, not the classes", async (t) => {
  const { bytes, text } = await bundleSize(CONSUMERS.converter);
  t.true(text.includes("\n.SignatureFailure\n"), "the table is there, as data (one entry per line)");
  t.false(text.includes("AuthFailureSignatureFailureError"), "no class declaration is there");
  t.false(text.includes("CATALOGUE") || text.includes("Signature error"), "no description is there");
  // Issue 4's target: under 4 KB (read as 4,000 bytes, the stricter reading).
  t.true(bytes < 4000, `${bytes} bytes`);
  t.log(`isErrorEnvelope + toApiError: ${bytes} bytes minified`);
});

test("a consumer of withTypedErrors alone bundles the lookup and the conversion, no class and no guard", async (t) => {
  const { bytes, text } = await bundleSize(CONSUMERS.wrapper);
  t.true(text.includes("new Proxy("), "the wrapper is there");
  t.false(text.includes("AuthFailureSignatureFailureError") || text.includes("CATALOGUE"), "no class declaration, no catalogue");
  const { bytes: converter } = await bundleSize(CONSUMERS.converter);
  t.true(bytes < converter + 600, `${bytes} bytes against ${converter} for isErrorEnvelope + toApiError`);
  t.log(`withTypedErrors: ${bytes} bytes minified`);
});

test("importing one class bundles that class and its ancestors only", async (t) => {
  const { text } = await bundleSize(CONSUMERS.oneClass);
  t.true(text.includes('"AuthFailure.SignatureFailure"') && text.includes('"AuthFailure category"'), "the class and its category's");
  t.false(text.includes('"InternalError'), "unrelated classes are left out");
});

test("the whole root entry is larger than any of the above", async (t) => {
  const { bytes } = await bundleSize(CONSUMERS.root);
  const { bytes: converter } = await bundleSize('export { isErrorEnvelope, toApiError } from "tencentcloud-api-errors";');
  t.true(bytes > 3 * converter, `${bytes} vs ${converter}`);
  t.log(`whole root entry: ${bytes} bytes minified`);
});
