// Public surface of the protocol shared by the panel, the Worker and the scripts.
export * from "./breakouts.ts";
export * from "./commands.ts";
export * from "./errors.ts";
export * from "./limits.ts";
export * from "./messages.ts";
export * from "./model.ts";
export * from "./permissions.ts";
export * from "./reducer.ts";
export * from "./stateSchema.ts";
export * from "./text.ts";
