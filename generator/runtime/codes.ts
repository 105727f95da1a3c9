// A stand-in for the generated `src/codes.ts`, so that the runtime type-checks: each package has its
// own union of the codes its spec knows. Not emitted.

/** Every code of the catalogue. */
export type KnownErrorCode = "AuthFailure" | "AuthFailure.SignatureFailure" | "InternalError";
