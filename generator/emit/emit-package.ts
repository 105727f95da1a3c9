// The emit stage: the model → every file of the generated package, in memory, sorted by path.
import { compareText } from "../diagnostics.ts";
import type { Model } from "../model/model.ts";
import { emitBuilds } from "./emit-builds.ts";
import { emitCategories } from "./emit-categories.ts";
import { emitCodes } from "./emit-codes.ts";
import { emitDescribeError } from "./emit-describe-error.ts";
import { emitEnvelope } from "./emit-envelope.ts";
import { emitErrors } from "./emit-errors.ts";
import { emitIndex } from "./emit-index.ts";
import { emitInternal } from "./emit-internal.ts";
import { emitPackageJson } from "./emit-package-json.ts";
import { emitReadme } from "./emit-readme.ts";
import { emitToApiError } from "./emit-to-api-error.ts";
import type { EmittedFile } from "./emitted-file.ts";
import { TypeScriptPrinter } from "./print-typescript.ts";

export function emitPackage(model: Model): EmittedFile[] {
  const printer = new TypeScriptPrinter(model.source);
  const sources = [emitCodes, emitEnvelope, emitErrors, emitCategories, emitToApiError, emitDescribeError, emitInternal, emitIndex].map((emit) =>
    emit(model, printer),
  );
  return [emitPackageJson(model), emitReadme(model), ...sources, ...emitBuilds(sources, model.source)].sort((a, b) =>
    compareText(a.path, b.path),
  );
}
