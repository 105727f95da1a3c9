// The modules of a generated package, by role. Paths are relative to `src/`, without extension.

export const MODULE = {
  internal: "internal",
  envelope: "envelope",
  base: "base",
  errors: "errors",
  codes: "codes",
  categories: "categories",
  toApiError: "to-api-error",
  catalogue: "catalogue",
  describeError: "describe-error",
  actions: "actions",
  index: "index",
} as const;
