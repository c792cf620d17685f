#!/usr/bin/env node
// The `kam` command (package bin): runs the TypeScript sources through tsx, installed by `npm install`.
require("tsx/cjs");
require("./kam.ts");
