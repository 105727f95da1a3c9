// The importer: identifier collisions settled by stable `name:` overrides, oddities of the real
// catalogue handled and reported, and the shipped spec reproduced from the corpus.
import test from "ava";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { analyzeFiles } from "../../generator/errgen.ts";
import { assignNames } from "../../generator/import/build-import.ts";
import { diskSpecFiles } from "../../generator/load/spec-files.ts";
import { runErrgen, tempDir, REPO_ROOT } from "../helpers/run-cli.ts";

const CORPUS = join(REPO_ROOT, "../shared/corpus");
const hasCorpus = existsSync(join(CORPUS, "tencentcloud-error-codes.json"));
const withCorpus = hasCorpus ? test : test.skip;

const overrides: [string, { codes: string[]; previous?: Record<string, string>; want: Record<string, string> }][] = [
  ["a dotted code yields to one that spells it together", { codes: ["InvalidParameter.Conflict", "InvalidParameterConflict"], want: { "InvalidParameter.Conflict": "InvalidParameter_Conflict" } }],
  [
    "the Error suffix rule: the code that needs no suffix keeps the name",
    { codes: ["ResourceNotFound.ResourceNotFound", "ResourceNotFound.ResourceNotFoundError"], want: { "ResourceNotFound.ResourceNotFound": "ResourceNotFound_ResourceNotFound" } },
  ],
  ["a category's class cannot be renamed, so the code yields", { codes: ["InvalidParameter.Value", "InvalidParameterValue.TooLarge"], want: { "InvalidParameter.Value": "InvalidParameter_Value" } }],
  ["fewer segments keep the name", { codes: ["InvalidParameter.ValueTooLarge", "InvalidParameterValue.TooLarge"], want: { "InvalidParameterValue.TooLarge": "InvalidParameterValue_TooLarge" } }],
  [
    "a code that had the name before keeps it; the newcomer yields",
    { codes: ["A.BC", "AB.C"], previous: { "AB.C": "ABC" }, want: { "A.BC": "A_BC" } },
  ],
  ["an earlier override is kept even without a collision now", { codes: ["A.B"], previous: { "A.B": "A_B" }, want: { "A.B": "A_B" } }],
  ["no collision, no override", { codes: ["InternalError.TimeOut", "InternalError.Timeout"], want: {} }],
];

for (const [name, { codes, previous, want }] of overrides) {
  test(`assignNames: ${name}`, (t) => {
    const result = assignNames(codes, new Map(Object.entries(previous ?? {})));
    t.deepEqual(Object.fromEntries([...result].map(([code, { name: override }]) => [code, override])), want);
  });
}

withCorpus("importing lke, adp and lkeap reproduces the shipped spec/ byte for byte (spec/examples aside)", async (t) => {
  const dir = tempDir(t);
  const run = await runErrgen(["import-corpus", CORPUS, join(dir, "spec"), "--products", "lke,adp,lkeap"]);
  t.is(run.code, 0, run.stderr);
  const files = (root: string) =>
    readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name).slice(root.length + 1))
      .filter((path) => !path.startsWith("examples/"))
      .sort();
  t.deepEqual(files(join(dir, "spec")), files(join(REPO_ROOT, "spec")));
  for (const file of files(join(REPO_ROOT, "spec"))) t.is(readFileSync(join(dir, "spec", file), "utf8"), readFileSync(join(REPO_ROOT, "spec", file), "utf8"), file);
});

withCorpus("the whole catalogue imports into a valid spec, with its oddities handled and reported", async (t) => {
  const dir = tempDir(t);
  const run = await runErrgen(["import-corpus", CORPUS, join(dir, "spec")]);
  t.is(run.code, 0, run.stderr);
  t.regex(run.stdout, /^errgen: imported 38 common codes and 272 products \(\d+ codes, 13447 actions, \d+ action codes\)/);
  t.regex(run.stdout, /cpdp: "InternalError\.": ends with a dot: remove it, so it is not a valid code/);
  t.regex(run.stdout, /cpdp: "MissingParameter\.": ends with a dot: remove it, so it is not a valid code/);
  const vpc = readFileSync(join(dir, "spec/products/vpc.yaml"), "utf8");
  t.regex(vpc, /  InvalidParameter\.Conflict:\n(    .*\n)*?    name: InvalidParameter_Conflict\n/, "the collision in vpc gets a name: override");
  t.regex(readFileSync(join(dir, "spec/products/scf.yaml"), "utf8"), /  FailedOperation\.DeleteTrigger\.UrlUsed:/, "three-segment codes are kept");
  const analyzed = analyzeFiles(diskSpecFiles(join(dir, "spec/tencentcloud.yaml"), dir));
  t.true(analyzed.ok, analyzed.ok ? "" : analyzed.diagnostics.slice(0, 5).map((d) => d.message).join("\n"));

  // Importing again changes nothing: the overrides are stable.
  const again = await runErrgen(["import-corpus", CORPUS, join(dir, "spec")]);
  t.regex(again.stdout, /errgen: 0 written, 273 unchanged, 0 removed/);
});

withCorpus("an unknown product name is a usage error", async (t) => {
  const run = await runErrgen(["import-corpus", CORPUS, join(tempDir(t), "spec"), "--products", "lke,nope"]);
  t.is(run.code, 2);
  t.is(run.stderr, 'errgen: the corpus has no product "nope"\n');
});

test("a corpus folder without the catalogue files is a clear error", async (t) => {
  const dir = tempDir(t);
  const run = await runErrgen(["import-corpus", dir, join(dir, "spec")]);
  t.is(run.code, 2);
  t.is(run.stderr, `errgen: cannot read ${join(dir, "tencentcloud-common-error-codes.json")}: no such file\n`);
});
