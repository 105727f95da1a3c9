// What the environment refuses is the environment's failure, not errgen's bug: a full disk, a read-only
// file system and a folder the user may not write each end the run with one line naming the path and
// the cause, exit code 2, no stack trace, the old package whole and no staging folder or lock left.
// The disks are real: a small tmpfs and a read-only bind mount, in a mount namespace of the test's own
// (`unshare`), so nothing outside the test sees them.
import test from "ava";
import { execFileSync } from "node:child_process";
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { openToOtherUsers, REPO_ROOT, tempDir } from "../helpers/run-cli.ts";
import { specText } from "../helpers/spec-text.ts";

const BIN = join(REPO_ROOT, "generator/bin/errgen.js");
const isRoot = process.getuid?.() === 0;

/** A project with a small spec and a large one (3,000 codes, about 4 MB of package). */
function project(t: Parameters<typeof tempDir>[0]): string {
  const dir = tempDir(t);
  if (isRoot) openToOtherUsers(dir); // the nobody user must reach it
  writeFileSync(join(dir, "small.yaml"), specText([{ code: "Auth.Token" }]));
  writeFileSync(join(dir, "big.yaml"), specText(Array.from({ length: 3000 }, (_, i) => ({ code: `Category${i % 9}.Code${i}`, description: `Something went wrong with request ${i}.` }))));
  mkdirSync(join(dir, "disk"));
  return dir;
}

/**
 * Runs `script` with sh in a mount namespace of its own (as root, or as a user mapped to root in a
 * user namespace), in `dir`; `$ERRGEN` runs errgen. What it prints to stdout is the result.
 */
function inNamespace(dir: string, script: string): string {
  const unshare = isRoot ? ["-m"] : ["-r", "-m"];
  return execFileSync("unshare", [...unshare, "sh", "-c", script], { cwd: dir, encoding: "utf8", env: { ...process.env, ERRGEN: `${process.execPath} ${BIN}`, NO_COLOR: "1" } });
}

/** Shell: the package's files with their hashes into `$1`; what else is beside it into `$1.beside`. */
const RECORD = 'record() { (cd disk && find out -type f | sort | xargs sha256sum) > "$1"; ls -A disk > "$1.beside"; }';

/** The files the scripts leave in the project (outside the namespace's mounts): what the test checks. */
function afterFailure(t: Parameters<typeof tempDir>[0], dir: string, cause: RegExp): void {
  const read = (name: string) => readFileSync(join(dir, name), "utf8");
  const stderr = read("err.txt");
  t.is(read("code.txt").trim(), "2", stderr);
  t.regex(stderr, cause);
  t.is(stderr.trim().split("\n").length, 1, "one line");
  t.notRegex(stderr, /internal error|\n\s+at /);
  t.is(read("after.txt"), read("before.txt"), "the old package, whole");
  t.true(read("before.txt").includes("out/src/index.ts"));
  t.is(read("after.txt.beside").trim(), "out", "no staging folder or lock left");
}

/** Generates the small spec, records it, does `breakIt`, generates the big one, records again. */
function scenario(breakIt: string): string {
  return `${RECORD}
    $ERRGEN generate --spec small.yaml --out disk/out > /dev/null && record before.txt
    ${breakIt}
    $ERRGEN generate --spec big.yaml --out disk/out 2> err.txt; echo $? > code.txt
    record after.txt`;
}

test("a full disk: one line naming the package folder, exit 2, the old package whole", (t) => {
  const dir = project(t);
  inNamespace(dir, `mount -t tmpfs -o size=600k tmpfs disk && ${scenario(":")}`);
  afterFailure(t, dir, new RegExp(`^errgen: cannot write ${join(dir, "disk/out")}: the disk is full \\(ENOSPC\\)\\n$`));
});

test("a read-only file system: one line, exit 2, the old package whole", (t) => {
  const dir = project(t);
  inNamespace(dir, `mount -t tmpfs -o size=8m tmpfs disk && ${scenario("mount -o remount,ro disk")}`);
  afterFailure(t, dir, new RegExp(`^errgen: cannot write ${join(dir, "disk")}/\\S+: the file system is read-only \\(EROFS\\)\\n$`));
});

test("a folder the user may not write: one line, exit 2, the old package whole", (t) => {
  const dir = project(t);
  // As root, as the nobody user (permissions do not stop root); otherwise the folder is made read-only.
  const asUser = isRoot ? "setpriv --reuid=65534 --regid=65534 --clear-groups -- " : "";
  execFileSync("sh", ["-c", scenario(isRoot ? ":" : "chmod 555 disk").replace("$ERRGEN generate --spec big.yaml", `${asUser}$ERRGEN generate --spec big.yaml`)], {
    cwd: dir,
    env: { ...process.env, ERRGEN: `${process.execPath} ${BIN}`, NO_COLOR: "1" },
  });
  chmodSync(join(dir, "disk"), 0o755);
  afterFailure(t, dir, new RegExp(`^errgen: cannot write ${join(dir, "disk")}\\S*: permission denied \\(EACCES\\)\\n$`));
});
