// The helper thread (see helper.ts): does each piece of work it is sent and answers with its output,
// or with the error that stopped it.
import { parentPort } from "node:worker_threads";
import { claimBatch, printTypeScriptFiles } from "../emit/typescript-printer.ts";
import { readProductSpec } from "../validate/validate-spec.ts";
import { stageFiles } from "../write/stager.ts";
import type { HelperRequest, HelperResponse, HelperWork } from "./helper.ts";
import { packProductRead } from "./transfer-product-read.ts";

const WORK: { readonly [K in keyof HelperWork]: (input: HelperWork[K]["input"]) => HelperWork[K]["output"] | Promise<HelperWork[K]["output"]> } = {
  "read-products": (files) => files.map((file) => packProductRead(readProductSpec(file))),
  // null: the caller took the batch while this thread was busy with earlier ones.
  "stage-typescript": ({ jobs, target, claim }) => (claimBatch(claim) ? stageFiles(target, jobs.flatMap(printTypeScriptFiles)) : null),
};

const port = parentPort;
if (port === null) throw new Error("helper-thread.ts runs as a worker thread");
// Work that waits (for writes in the background) answers when done; meanwhile the next request runs.
port.on("message", (request: HelperRequest) => {
  const fail = (error: unknown) => port.postMessage({ id: request.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies HelperResponse);
  const answer = (response: HelperResponse) => {
    try {
      port.postMessage(response);
    } catch (error) {
      fail(error); // an output that cannot be sent (it never should: it is plain data)
    }
  };
  try {
    Promise.resolve((WORK[request.kind] as (input: unknown) => unknown)(request.input)).then((output) => answer({ id: request.id, output }), fail);
  } catch (error) {
    fail(error);
  }
});
