// errgen's own version, from its package.json. Resolved from a module two folders below the project
// root, like every other path errgen reads its own files from, so that it holds in the bundle too.
import { readFileSync } from "node:fs";

export const ERRGEN_VERSION: string = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")).version;
