// Copies what the Go side and auditors need from Hardhat's build output into abi/.
//
//   npm run abi          # after `npx hardhat build`: write abi/
//   npm run abi:check    # fail when abi/ differs from a fresh build (contracts/ changed, abi/ not regenerated)
//
// abi/ then holds, for BittunesMarket: the ABI, the creation and runtime bytecode, the solc metadata,
// the standard-JSON input (what Sourcify, Etherscan and Blockscout take to verify the deployment) and
// the compiler facts `bittunes verify-contract` needs (immutable references, settings).
import { readFileSync, writeFileSync, mkdirSync, existsSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const NAME = "BittunesMarket";
const artifactPath = join(root, "artifacts/contracts", `${NAME}.sol`, `${NAME}.json`);
const outDir = join(root, "abi");

function readJSON(path) {
  return JSON.parse(readFileSync(path, "utf8"));
}

function build() {
  if (!existsSync(artifactPath)) {
    throw new Error(`${artifactPath} is missing: run \`npx hardhat build\` first`);
  }
  const artifact = readJSON(artifactPath);
  const buildInfo = readJSON(join(root, "artifacts/build-info", `${artifact.buildInfoId}.json`));
  const output = readJSON(join(root, "artifacts/build-info", `${artifact.buildInfoId}.output.json`));
  const compiled = output.output.contracts[artifact.inputSourceName][NAME];
  const settings = buildInfo.input.settings;

  const json = (v) => JSON.stringify(v, null, 2) + "\n";
  return {
    [`${NAME}.abi.json`]: json(artifact.abi),
    [`${NAME}.bin`]: strip0x(artifact.bytecode),
    [`${NAME}.bin-runtime`]: strip0x(artifact.deployedBytecode),
    [`${NAME}.metadata.json`]: json(JSON.parse(compiled.metadata)),
    [`${NAME}.standard-input.json`]: json(buildInfo.input),
    [`${NAME}.compiler.json`]: json({
      contract: `${artifact.inputSourceName}:${NAME}`,
      compilerVersion: `v${buildInfo.solcLongVersion}`,
      evmVersion: settings.evmVersion,
      viaIR: settings.viaIR === true,
      optimizer: settings.optimizer,
      immutableReferences: artifact.immutableReferences ?? {},
    }),
  };
}

function strip0x(hex) {
  return hex.startsWith("0x") ? hex.slice(2) : hex;
}

const files = build();
if (process.argv.includes("--check")) {
  const stale = Object.entries(files)
    .filter(([name, content]) => {
      const path = join(outDir, name);
      return !existsSync(path) || readFileSync(path, "utf8") !== content;
    })
    .map(([name]) => name);
  if (stale.length > 0) {
    console.error(`abi/ is out of date with contracts/ (${stale.join(", ")}): run \`npm run abi\` and commit.`);
    process.exit(1);
  }
  console.log(`abi/ matches the build of contracts/ (${Object.keys(files).length} files).`);
} else {
  mkdirSync(outDir, { recursive: true });
  for (const [name, content] of Object.entries(files)) writeFileSync(join(outDir, name), content);
  console.log(`wrote ${Object.keys(files).length} files to abi/`);
}
