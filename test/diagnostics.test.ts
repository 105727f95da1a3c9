// Every spec error, pinned: each folder under test/fixtures/invalid holds a spec and the exact
// stderr errgen must print for it. Exit code 1, nothing written.
// To review a changed message: ERRGEN_UPDATE_FIXTURES=1 npx ava test/diagnostics.test.ts, then read the diff.
import test from "ava";
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runErrgen, tempDir, REPO_ROOT } from "./helpers/run-cli.ts";

const FIXTURES = join(REPO_ROOT, "test/fixtures/invalid");
const update = process.env["ERRGEN_UPDATE_FIXTURES"] === "1";

for (const name of readdirSync(FIXTURES).sort()) {
  test(`${name}: exact diagnostics, exit 1, nothing written`, async (t) => {
    const dir = join(FIXTURES, name);
    const out = join(tempDir(t), "out");
    const run = await runErrgen(["generate", "--spec", "spec.yaml", "--out", out], dir);
    const expectedFile = join(dir, "expected.stderr");
    if (update) writeFileSync(expectedFile, run.stderr);
    t.is(run.code, 1);
    t.is(run.stderr, readFileSync(expectedFile, "utf8"));
    t.is(run.stdout, "");
    t.false(existsSync(out), "nothing was written");
    t.notRegex(run.stderr, /\n\s+at /, "no stack trace");
  });
}
