// emit-index.ts: the package entry re-exports the public API and declares nothing of its own.
import test from "ava";
import { emitIndex } from "../../generator/emit/emit-index.ts";
import { FIXED_EXPORTS } from "../../generator/validate/check-names.ts";
import { modelOf, SAMPLE_SPEC } from "../helpers/model-of.ts";

test("every fixed export and every root class, from the module that declares it", (t) => {
  const index = emitIndex(modelOf(SAMPLE_SPEC));
  t.deepEqual(index.declarations, []);
  const exported = new Map(index.reexports.flatMap((entry) => entry.names.map((name) => [name.name, entry.from] as const)));
  for (const name of FIXED_EXPORTS) t.true(exported.has(name), name);
  t.is(exported.get("SampleApiError"), "base");
  t.is(exported.get("LedgerTimeoutError"), "errors");
  t.is(exported.get("toApiError"), "to-api-error");
  t.false(exported.has("QuotaInvoicesError"), "a product's own classes stay in its subpath");
});
