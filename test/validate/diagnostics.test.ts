// Every spec error, pinned: each folder under test/fixtures/invalid holds a spec and the exact
// stderr errgen must print for it. Exit code 1, nothing written.
// To review a changed message: ERRGEN_UPDATE_FIXTURES=1 npx ava test/validate/diagnostics.test.ts, then read the diff.
import test from "ava";
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runErrgen, tempDir, REPO_ROOT } from "../helpers/run-cli.ts";

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

test("a hint to quote something, followed, gives a spec without that error", async (t) => {
  let followed = 0;
  for (const name of readdirSync(FIXTURES).sort()) {
    const dir = join(FIXTURES, name);
    const text = readFileSync(join(dir, "spec.yaml"), "utf8");
    for (const line of readFileSync(join(dir, "expected.stderr"), "utf8").split("\n")) {
      const hint = /^spec\.yaml:(\d+):(\d+): error: .*; (?:if it is meant as a \w+, )?quote it: ("[^"]*")$/.exec(line);
      if (!hint) continue;
      const [, row, column, quoted] = hint as unknown as [string, string, string, string];
      const lines = text.split("\n");
      const at = Number(column) - 1;
      const written = lines[Number(row) - 1]!;
      const unquoted = JSON.parse(quoted) as string;
      t.is(written.slice(at, at + unquoted.length), unquoted, `${name}:${row}: the hint quotes what is written there`);
      lines[Number(row) - 1] = `${written.slice(0, at)}${quoted}${written.slice(at + unquoted.length)}`;
      const fixed = tempDir(t);
      writeFileSync(join(fixed, "spec.yaml"), lines.join("\n"));
      const run = await runErrgen(["generate", "--spec", "spec.yaml", "--out", join(fixed, "out")], fixed);
      t.false(run.stderr.split("\n").some((diagnostic) => diagnostic.startsWith(`spec.yaml:${row}:`)), `${name}:${row} after quoting ${quoted}:\n${run.stderr}`);
      followed++;
    }
  }
  t.true(followed >= 3, `${followed} hints followed`);
});
