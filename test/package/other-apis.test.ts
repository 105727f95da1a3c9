// A package for another API names no other vendor: its docs and JSDoc examples use the spec's own codes
// and classes, and the official Tencent Cloud SDK appears only where the spec says the API is Tencent Cloud's.
import test from "ava";
import { emitPackage } from "../../generator/emit/emit-package.ts";
import { modelOf, SAMPLE_SPEC } from "../helpers/model-of.ts";

const VENDOR_WORDS = /tencent|AuthFailure|SignatureFailure|ap-guangzhou|cvm\./i;

test("no file of a package for another API names Tencent Cloud, its codes or its SDK", (t) => {
  const files = emitPackage(modelOf(SAMPLE_SPEC));
  t.true(files.length > 40);
  for (const file of files) {
    const text = typeof file.contents === "string" ? file.contents : Buffer.from(file.contents).toString("utf8");
    const found = VENDOR_WORDS.exec(text);
    if (found) t.fail(`${file.path} says ${JSON.stringify(found[0])}: ${text.slice(Math.max(0, found.index - 60), found.index + 40)}`);
  }
  const base = files.find((file) => file.path === "src/base.ts")!.contents as string;
  t.true(base.includes("such as `Auth.Token`"), "the spec's own code is the example");
  t.true(base.includes("such as `AuthTokenError`"), "and its class");
});
