// ts-morph (the compiler and the plugin API) loads only when a run needs it: a spec with plugins, or
// --verify. A spec without plugins, and a cached run of one with them, never load it, so their startup
// is what it was before plugins existed. Seen from inside the process: the CommonJS module cache.
import test from "ava";
import { execFile } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { REPO_ROOT, tempDir } from "../helpers/run-cli.ts";

const run = promisify(execFile);

const PROBE = `import { createRequire } from "node:module";
const require = createRequire(import.meta.url);
process.on("exit", () => {
  const loaded = Object.keys(require.cache).some((path) => /[\\\\/]node_modules[\\\\/](ts-morph|@ts-morph)[\\\\/]/.test(path));
  process.stderr.write("ts-morph loaded: " + loaded + "\\n");
});
`;

async function loadsTsMorph(probe: string, args: readonly string[]): Promise<boolean> {
  const { stderr } = await run(process.execPath, ["--import", probe, join(REPO_ROOT, "generator/bin/errgen.js"), ...args], { cwd: REPO_ROOT });
  const answer = /ts-morph loaded: (true|false)\n$/.exec(stderr);
  if (!answer) throw new Error(`the probe did not answer: ${stderr}`);
  return answer[1] === "true";
}

test("ts-morph loads for a spec with plugins and for --verify, never for a spec without plugins or a cached run", async (t) => {
  const dir = tempDir(t, "errgen-loading-");
  const probe = join(dir, "probe.mjs");
  writeFileSync(probe, PROBE);
  const billing = ["generate", "--spec", "spec/examples/billing/spec.yaml", "--out", join(dir, "billing")];
  const plugins = ["generate", "--spec", "spec/examples/plugins/spec.yaml", "--out", join(dir, "plugins")];
  t.false(await loadsTsMorph(probe, billing), "no plugins");
  t.true(await loadsTsMorph(probe, [...billing, "--verify"]), "--verify: the probe sees it when it loads");
  t.true(await loadsTsMorph(probe, plugins), "plugins");
  t.false(await loadsTsMorph(probe, plugins), "the same run again: cached");
  t.false(await loadsTsMorph(probe, ["check", "--spec", "spec/examples/billing/spec.yaml", "--out", join(dir, "billing")]));
});
