#!/usr/bin/env node
/* global process */
// The `kam` command: `kam <command> [options]`. Exit status 0 done, 1 bad input, 2 bad usage.

import { InputProblem, runForecast, UsageProblem } from "./forecast";

const COMMANDS: Readonly<
  Record<string, { summary: string; run: (args: readonly string[]) => number }>
> = {
  forecast: {
    summary: "batch forecasts for many series from a CSV file",
    run: runForecast,
  },
};

const HELP = `kam — KAM Analytics on files

Usage: kam <command> [options]
       kam <command> --help

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(12)}${c.summary}`)
  .join("\n")}
`;

/** Runs the command line (without node and the script); returns the exit status. */
export function main(argv: readonly string[]): number {
  const [command, ...rest] = argv;
  if (command === undefined || command === "--help" || command === "-h" || command === "help") {
    process.stdout.write(HELP);
    return command === undefined ? 2 : 0;
  }
  const entry = Object.prototype.hasOwnProperty.call(COMMANDS, command)
    ? COMMANDS[command]
    : undefined;
  if (!entry) {
    process.stderr.write(`kam: unknown command ${JSON.stringify(command)}; try kam --help\n`);
    return 2;
  }
  try {
    return entry.run(rest);
  } catch (e) {
    if (e instanceof UsageProblem) {
      process.stderr.write(`kam ${command}: ${e.message}; try kam ${command} --help\n`);
      return 2;
    }
    if (e instanceof InputProblem) {
      process.stderr.write(`kam ${command}: ${e.message}\n`);
      return 1;
    }
    process.stderr.write(
      `kam ${command}: unexpected problem (${e instanceof Error ? e.message : String(e)})\n`
    );
    return 1;
  }
}

process.exitCode = main(process.argv.slice(2));
