// An interrupted run cleans up after itself: SIGINT or SIGTERM while `generate` stages its files
// removes the staging folder and the lock before the process exits (130, 143), and the package is the
// old one, whole (or the new one, whole, when the signal is handled just after the swap).
// (SIGKILL cannot be caught: kill.test.ts shows the next run clears what it leaves.)
import test from "ava";
import { spawn } from "node:child_process";
import { existsSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { folderContents, REPO_ROOT, runErrgen, tempDir } from "../helpers/run-cli.ts";
import { specText } from "../helpers/spec-text.ts";

const BIN = join(REPO_ROOT, "generator/bin/errgen.js");

const tree = (dir: string) => folderContents(dir, { relative: true });

for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143]] as const) {
  test(`${signal} while staging: exit ${code}, no staging folder or lock left, a whole package`, async (t) => {
    const dir = tempDir(t);
    writeFileSync(join(dir, "package.json"), "{}\n");
    writeFileSync(join(dir, "spec.yaml"), specText([{ code: "Auth.Token" }]));
    t.is((await runErrgen(["generate", "--spec", "spec.yaml", "--out", "out"], dir)).code, 0);
    const before = tree(join(dir, "out"));
    // Large enough to be caught while it stages; what it writes when it is not interrupted.
    writeFileSync(join(dir, "spec.yaml"), specText(Array.from({ length: 8000 }, (_, i) => ({ code: `Category${i % 50}.Code${i}` }))));
    t.is((await runErrgen(["generate", "--spec", "spec.yaml", "--out", "reference"], dir)).code, 0);
    const after = tree(join(dir, "reference"));
    const child = spawn(process.execPath, [BIN, "generate", "--spec", "spec.yaml", "--out", "out"], { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (status) => resolve(status)));
    const staged = () => readdirSync(dir).some((name) => name.startsWith(".errgen-new-out."));
    for (let waited = 0; !staged() && waited < 20_000; waited += 2) await new Promise((resolve) => setTimeout(resolve, 2));
    t.true(staged(), "caught while staging");
    child.kill(signal);
    t.is(await exited, code, `stderr: ${stderr}`);
    t.deepEqual(readdirSync(dir).filter((name) => name.startsWith(".errgen-")), [], "no staging folder or lock left");
    const now = tree(join(dir, "out"));
    t.true(JSON.stringify(now) === JSON.stringify(before) || JSON.stringify(now) === JSON.stringify(after), "the old package or the new one, whole");
    t.log(JSON.stringify(now) === JSON.stringify(before) ? "interrupted before the swap" : "handled after the swap");
    t.false(existsSync(join(dir, ".errgen-lock-out")));
  });
}
