// Moved to src/cells (one cell reader for the functions and the workflows).
export * from "../cells/dates";
