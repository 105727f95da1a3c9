// Packaging lint: publint and arethetypeswrong (`attw --pack`) find nothing wrong with the package.
import test from "ava";
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { REPO_ROOT } from "./helpers/run-cli.ts";

const run = promisify(execFile);
const PACKAGE = join(REPO_ROOT, "generated/tencentcloud-api-errors");

test("publint: all good", async (t) => {
  const { stdout } = await run(process.execPath, [join(REPO_ROOT, "node_modules/publint/src/cli.js"), PACKAGE, "--strict"]);
  t.regex(stdout, /All good!/);
});

test("arethetypeswrong --pack: no problems, for the root entry and every product subpath, in every resolution", async (t) => {
  const cli = join(REPO_ROOT, "node_modules/@arethetypeswrong/cli/dist/index.js");
  try {
    const { stdout } = await run(process.execPath, [cli, "--pack", PACKAGE, "--format", "table-flipped"], { maxBuffer: 1 << 24 });
    t.regex(stdout, /No problems found/);
    t.notRegex(stdout, /💀|❗️|⚠️/);
  } catch (error) {
    t.fail(String((error as { stdout?: string }).stdout));
  }
});
