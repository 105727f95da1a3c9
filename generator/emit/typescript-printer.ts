// Where the `src/*.ts` files are printed. ts-morph's CodeBlockWriter tracks strings and comments
// character by character, which makes the TypeScript output cost more than the other three together
// (about 0.5 s of the full catalogue's 16 MB of source); with a helper thread (worker/helper.ts) it is
// printed there while this thread prints JavaScript, declarations and docs. The bytes are the same.
import type { Helper } from "../worker/helper.ts";
import type { EmittedFile } from "./emitted-file.ts";
import type { ModuleIR } from "./ir/module-ir.ts";
import { printModule } from "./ir/print-ir.ts";

/** One module to print: its description and its header line. */
export interface PrintJob {
  readonly module: ModuleIR;
  readonly header: string;
}

/** The `src/*.ts` file of a module. */
export function printTypeScriptFile(job: PrintJob): EmittedFile {
  return { path: `src/${job.module.path}.ts`, contents: printModule(job.module, "ts", job.header) };
}

/** Prints TypeScript elsewhere: `print` hands jobs over, `finish` yields every file once. */
export interface TypeScriptPrinter {
  print(jobs: readonly PrintJob[]): void;
  /** Calls `sink` with each printed file, in the order the jobs were given, and resolves when all are done. */
  finish(sink: (file: EmittedFile) => void): Promise<void>;
}

/** Jobs per message: small enough that the helper starts early, large enough that messages stay few. */
const BATCH_SIZE = 16;

/** A printer on the helper thread; a batch the helper cannot print is printed here. */
export function helperPrinter(helper: Helper): TypeScriptPrinter {
  const batches: Promise<EmittedFile[]>[] = [];
  return {
    print(jobs) {
      for (let start = 0; start < jobs.length; start += BATCH_SIZE) {
        const batch = jobs.slice(start, start + BATCH_SIZE);
        batches.push(helper.run("print-typescript", batch).catch(() => batch.map(printTypeScriptFile)));
      }
    },
    async finish(sink) {
      for (const batch of batches.splice(0)) for (const file of await batch) sink(file);
    },
  };
}
