// Builds the pages' JavaScript into internal/web/static, where the Go binary embeds it: app.js
// (the entry every page loads) and, under chunks/, code-split chunks named by their content hash:
// each page's module, and the wallet (viem) that loads only when a visitor acts on the chain.
// `node web/build.mjs --check` fails when the committed files are not what the sources build.
import { build } from "esbuild";
import { readFileSync, readdirSync, rmSync, mkdirSync, writeFileSync, existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";

const root = path.dirname(fileURLToPath(import.meta.url));
const outdir = path.join(root, "..", "internal", "web", "static");
const chunks = path.join(outdir, "chunks");
const check = process.argv.includes("--check");

const result = await build({
  entryPoints: { app: path.join(root, "src", "main.js") },
  bundle: true,
  splitting: true,
  format: "esm",
  target: "es2022",
  minify: true,
  legalComments: "none",
  charset: "utf8",
  write: false,
  outdir,
  entryNames: "[name]",
  chunkNames: "chunks/[name]-[hash]",
  logLevel: "warning",
  preserveSymlinks: true, // the same output whether node_modules is a folder or a link to one (worktrees)
});
const files = new Map(result.outputFiles.map((f) => [path.relative(outdir, f.path), f.text]));
const committed = () => ["app.js", ...(existsSync(chunks) ? readdirSync(chunks).map((n) => `chunks/${n}`) : [])];

if (check) {
  const stale = [];
  for (const [name, text] of files) {
    let have = null;
    try { have = readFileSync(path.join(outdir, name), "utf8"); } catch { /* missing */ }
    if (have !== text) stale.push(name);
  }
  for (const name of committed()) if (!files.has(name)) stale.push(`${name} (no longer built)`);
  if (stale.length) {
    console.error(`internal/web/static is stale (${stale.join(", ")}): run \`npm run web:build\` and commit it.`);
    process.exit(1);
  }
} else {
  rmSync(chunks, { recursive: true, force: true });
  mkdirSync(chunks, { recursive: true });
  let total = 0;
  for (const [name, text] of files) {
    writeFileSync(path.join(outdir, name), text);
    total += text.length;
  }
  console.log(`web: ${files.size} files in ${path.relative(process.cwd(), outdir)}, app.js ${(files.get("app.js").length / 1024).toFixed(0)} KB, ${(total / 1024).toFixed(0)} KB in all`);
}
