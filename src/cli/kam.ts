#!/usr/bin/env node
/* global process */
// The `kam` command: `kam <command> [options]`. Exit status 0 done, 1 bad input, 2 bad usage, 3 (kam
// report) the workbook was written but some workflows failed.

import { InputProblem, UsageProblem, terminalLine } from "./common";
import { runDemo } from "./demo";
import { runForecast } from "./forecast";
import { runReport } from "./report";
import { runSample } from "./sample";

const COMMANDS: Readonly<
  Record<string, { summary: string; run: (args: readonly string[]) => number | Promise<number> }>
> = {
  demo: {
    summary: "write the full analysis workbook from the shipped sample data",
    run: runDemo,
  },
  report: {
    summary: "the task pane's reports on your own .xlsx or .csv file, as a workbook",
    run: runReport,
  },
  forecast: {
    summary: "batch forecasts for many series from a CSV file",
    run: runForecast,
  },
  sample: {
    summary: "write the sample data (CSV, English and Chinese)",
    run: runSample,
  },
};

const HELP = `kam — KAM Analytics on files

Usage: kam <command> [options]
       kam <command> --help

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(12)}${c.summary}`)
  .join("\n")}

Exit status: 0 done, 1 bad input (the message names the file, sheet, row and column)
or an unexpected failure, 2 bad usage, 3 (kam report) the workbook was written but
some workflows failed.
`;

/** Runs the command line (without node and the script); resolves to the exit status. */
export async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === "--help" || command === "-h" || command === "help") {
    process.stdout.write(HELP);
    return command === undefined ? 2 : 0;
  }
  const entry = Object.prototype.hasOwnProperty.call(COMMANDS, command)
    ? COMMANDS[command]
    : undefined;
  if (!entry) {
    process.stderr.write(
      `kam: unknown command ${terminalLine(JSON.stringify(command))}; try kam --help\n`
    );
    return 2;
  }
  try {
    return await entry.run(rest);
  } catch (e) {
    if (e instanceof UsageProblem) {
      process.stderr.write(
        `kam ${command}: ${terminalLine(e.message)}; try kam ${command} --help\n`
      );
      return 2;
    }
    if (e instanceof InputProblem) {
      process.stderr.write(`kam ${command}: ${terminalLine(e.message)}\n`);
      return 1;
    }
    process.stderr.write(
      `kam ${command}: unexpected problem (${terminalLine(e instanceof Error ? e.message : String(e))})\n`
    );
    return 1;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(
      `kam: unexpected problem (${terminalLine(e instanceof Error ? e.message : String(e))})\n`
    );
    process.exitCode = 1;
  }
);
