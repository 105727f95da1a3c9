// emit-categories.ts: per category of the root spec, the type of its codes and its guard.
import test from "ava";
import { emitCategories } from "../../generator/emit/emit-categories.ts";
import { declarationNamed, declared } from "../helpers/emitted.ts";
import { modelOf, SAMPLE_SPEC } from "../helpers/model-of.ts";

const categories = emitCategories(modelOf(SAMPLE_SPEC));

test("a code type and a guard per category, the guard a code-path check", (t) => {
  t.deepEqual(declared(categories), ["type AuthCode", "function isAuthCode", "type QuotaCode", "function isQuotaCode", "type UpstreamCode", "function isUpstreamCode"]);
  t.like(declarationNamed(categories, "QuotaCode"), { type: '"Quota" | `Quota.${string}`' });
  t.like(declarationNamed(categories, "isQuotaCode"), { returnType: "value is QuotaCode", body: ['return isCodeIn(value, "Quota");'] });
});
