/* eslint-disable no-undef */
// Builds the shared-runtime page (task pane + custom functions in one page), functions.json from the
// JSDoc of src/functions/*.ts, and the zh-CN metadata override from src/i18n/functions.zh-CN.json.
const fs = require("fs");
const os = require("os");
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { sources, WebpackError, Compilation } = require("webpack");

const port = Number(process.env.npm_package_config_dev_server_port || 3000);
const functionsDir = path.resolve(__dirname, "src/functions");
// Every file in src/functions that declares @customfunction is metadata input.
const functionFiles = fs
  .readdirSync(functionsDir)
  .filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"))
  .map((f) => path.join(functionsDir, f))
  .filter((f) => fs.readFileSync(f, "utf8").includes("@customfunction"));

/** Writes functions.zh-CN.json: functions.json with the zh-CN names and descriptions applied. */
class LocalizedMetadataPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("LocalizedMetadataPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "LocalizedMetadataPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const asset = compilation.getAsset("functions.json");
          if (!asset) return;
          // zh-CN names and descriptions: every src/i18n/functions/zh-CN.*.json, one per area.
          const dir = path.resolve(__dirname, "src/i18n/functions");
          const zh = {};
          for (const file of fs.readdirSync(dir).filter((f) => /^zh-CN\..+\.json$/.test(f))) {
            const full = path.join(dir, file);
            compilation.fileDependencies.add(full);
            for (const [id, t] of Object.entries(JSON.parse(fs.readFileSync(full, "utf8")))) {
              if (zh[id]) compilation.errors.push(new WebpackError(`functions.zh-CN.json: ${id} is translated twice (${file})`));
              zh[id] = t;
            }
          }
          const metadata = JSON.parse(asset.source.source().toString());
          const fail = (msg) => compilation.errors.push(new WebpackError(`functions.zh-CN.json: ${msg}`));
          for (const fn of metadata.functions) {
            const t = zh[fn.id];
            if (!t) {
              fail(`no zh-CN translation for ${fn.id} in src/i18n/functions/zh-CN.*.json`);
              continue;
            }
            fn.name = t.name;
            fn.description = t.description;
            for (const p of fn.parameters || []) {
              const d = t.parameters && t.parameters[p.name];
              if (!d) fail(`no zh-CN description for ${fn.id} parameter ${p.name}`);
              else p.description = d;
            }
          }
          compilation.emitAsset(
            "functions.zh-CN.json",
            new sources.RawSource(JSON.stringify(metadata, null, 2))
          );
        }
      );
    });
  }
}

/** Dev server https options from the office-addin-dev-certs files, when they exist. */
function httpsOptions() {
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const files = { key: "localhost.key", cert: "localhost.crt", ca: "ca.crt" };
  if (!Object.values(files).every((f) => fs.existsSync(path.join(dir, f)))) return undefined;
  return Object.fromEntries(
    Object.entries(files).map(([k, f]) => [k, fs.readFileSync(path.join(dir, f))])
  );
}

module.exports = (_env, argv) => {
  const dev = argv.mode !== "production";
  return {
    devtool: dev ? "source-map" : false,
    entry: {
      // Every function file is an entry module; the metadata plugin appends its associate() calls.
      functions: functionFiles,
      taskpane: "./src/taskpane/index.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js", ".json"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true } },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: functionFiles }),
      new LocalizedMetadataPlugin(),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // Shared runtime: the same page hosts the custom functions and the task pane.
        chunks: ["functions", "taskpane"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "manifest.xml", to: "manifest.xml" },
        ],
      }),
    ],
    devServer: {
      port,
      host: "localhost",
      hot: false,
      liveReload: true,
      headers: { "Access-Control-Allow-Origin": "*" },
      server: (() => {
        const options = httpsOptions();
        return options ? { type: "https", options } : { type: "https" };
      })(),
      client: {
        overlay: {
          errors: true,
          warnings: false,
          // Opened outside Office, functions.js finds no CustomFunctions (and without Office.js no
          // Office): the page itself says it runs inside Excel and how to load it (outsideOffice.ts),
          // so those two errors do not get the crash overlay; every other run-time error does.
          runtimeErrors: (error) =>
            !/\b(CustomFunctions|Office) is not defined\b/.test(String(error && error.message)),
        },
      },
    },
  };
};
