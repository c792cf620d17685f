// The Excel boundary: every custom function reads its arguments and writes its results through here.
export * from "./errors";
export * from "./columns";
export * from "./scalars";
export * from "./output";
