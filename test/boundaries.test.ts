// The generator's files and stage folders depend one way: no import cycle between files (madge), and
// every import goes to the same folder or to a lower layer of LAYERS. Type-only imports count too.
import test from "ava";
import madge from "madge";
import { join } from "node:path";
import { REPO_ROOT } from "./helpers/run-cli.ts";

/** Lowest first. A unit is a folder of generator/ or a file at its top. */
const LAYERS: readonly string[] = [
  "runtime",
  "diagnostics.ts",
  "errgen-files.ts",
  "catalogue",
  "names",
  "declarations",
  "load",
  "validate",
  "schema",
  "model",
  "emit",
  "release",
  "verify",
  "plugins",
  "write",
  "errgen.ts",
  "commands",
  "import",
  "cli",
  "cli.ts",
  "index.ts",
];

type Graph = Readonly<Record<string, readonly string[]>>;

function unitOf(file: string): string {
  return file.includes("/") ? file.slice(0, file.indexOf("/")) : file;
}

/** Every import that goes up a layer or sideways to another unit of the same layer, and every file in no layer. */
function boundaryViolations(graph: Graph, layers: readonly string[]): string[] {
  const rank = new Map(layers.map((unit, index) => [unit, index]));
  const problems: string[] = [];
  for (const [file, imports] of Object.entries(graph)) {
    const from = unitOf(file);
    if (!rank.has(from)) problems.push(`${file} is in no layer: add ${from} to LAYERS`);
    for (const imported of imports) {
      const to = unitOf(imported);
      if (to === from || !rank.has(to) || !rank.has(from)) continue;
      if (rank.get(to)! >= rank.get(from)!) problems.push(`${file} imports ${imported}: ${from} may not depend on ${to}`);
    }
  }
  return problems;
}

test("the rule catches an import up a layer, a unit in no layer, and passes one-way imports", (t) => {
  const layers = ["load", "model", "emit"];
  t.deepEqual(boundaryViolations({ "emit/a.ts": ["model/b.ts", "load/c.ts", "emit/d.ts"], "model/b.ts": ["load/c.ts"], "load/c.ts": [] }, layers), []);
  t.deepEqual(boundaryViolations({ "load/c.ts": ["emit/a.ts"], "emit/a.ts": [] }, layers), ["load/c.ts imports emit/a.ts: load may not depend on emit"]);
  t.deepEqual(boundaryViolations({ "stray/x.ts": [] }, layers), ["stray/x.ts is in no layer: add stray to LAYERS"]);
});

test("generator/ has no import cycle and every import goes down the layers", async (t) => {
  const result = await madge(join(REPO_ROOT, "generator"), {
    fileExtensions: ["ts"],
    tsConfig: join(REPO_ROOT, "tsconfig.json"),
    excludeRegExp: [/^dist\//, /^build\//],
  });
  const graph = result.obj();
  t.true(Object.keys(graph).length > 50, "madge found the generator's files");
  t.true(graph["errgen.ts"]?.includes("validate/validate-spec.ts"), "madge resolves imports written with .ts");
  t.deepEqual(result.warnings().skipped, [], "every import resolved");
  t.deepEqual(result.circular(), [], "no cycle between files");
  t.deepEqual(boundaryViolations(graph, LAYERS), []);
});
