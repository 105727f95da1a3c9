// emit-describe-error.ts: the catalogue as data rows and describeError over it.
import test from "ava";
import { catalogueEntry, emitCatalogue, emitDescribeError } from "../../generator/emit/emit-describe-error.ts";
import { declarationNamed, declared } from "../helpers/emitted.ts";
import { modelOf, SAMPLE_SPEC } from "../helpers/model-of.ts";

const model = modelOf(SAMPLE_SPEC);

test("a catalogue row per root code: null where the spec is silent", (t) => {
  t.deepEqual(model.codes.map(catalogueEntry), [
    '["Auth.Token", "The token is invalid.", "令牌无效。", false, null]',
    '["Quota.Daily", "The daily quota is spent.", null, true, null]',
    '["Upstream.Timeout", "The ledger did not answer in time.", null, false, "server"]',
  ]);
  const catalogue = declarationNamed(emitCatalogue(model), "CATALOGUE");
  t.like(catalogue, { kind: "const", type: "readonly CatalogueEntry[]", value: { layout: "array", items: model.codes.map(catalogueEntry) } });
});

test("describeError: the runtime's describer over the root catalogue", (t) => {
  const module = emitDescribeError(model);
  t.deepEqual(declared(module), [
    "type ErrorLocale", "interface ErrorDescription", "type CatalogueEntry", "type Describer", "function createDescriber", "function describeIn",
    "const describe", "function describeError",
  ]);
  t.like(declarationNamed(module, "describe"), { value: "createDescriber(CATALOGUE)", pure: true });
});
