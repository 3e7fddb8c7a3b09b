// Builds the pages' JavaScript bundle into internal/web/static/app.js, where the Go binary embeds
// it. `node web/build.mjs --check` fails when the committed bundle is not what the sources build.
import { build } from "esbuild";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";

const root = path.dirname(fileURLToPath(import.meta.url));
const out = path.join(root, "..", "internal", "web", "static", "app.js");
const check = process.argv.includes("--check");

const result = await build({
  entryPoints: [path.join(root, "src", "main.js")],
  bundle: true,
  format: "esm",
  target: "es2022",
  minify: true,
  legalComments: "none",
  charset: "utf8",
  write: false,
  outfile: out,
  logLevel: "warning",
});
const code = result.outputFiles[0].text;
if (check) {
  let committed = "";
  try { committed = readFileSync(out, "utf8"); } catch { /* missing */ }
  if (committed !== code) {
    console.error("internal/web/static/app.js is stale: run `npm run web:build` and commit it.");
    process.exit(1);
  }
} else {
  const { writeFileSync } = await import("node:fs");
  writeFileSync(out, code);
  console.log(`web: ${path.relative(process.cwd(), out)} ${(code.length / 1024).toFixed(0)} KB`);
}
