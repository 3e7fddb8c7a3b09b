// Hardhat 3 configuration for the Bittunes market contract.
//
// The compiler is the npm solc package (no download at build time), the EVM version is pinned to
// cancun (supported by the L2s we target; transient storage for the reentrancy guard), and the
// Solidity fuzz/invariant budgets below are the ones CI runs.
import { createRequire } from "node:module";
import { configVariable, defineConfig } from "hardhat/config";
import hardhatToolboxViem from "@nomicfoundation/hardhat-toolbox-viem";

const require = createRequire(import.meta.url);

// One compiler configuration for every build. Hardhat's `production` profile (which `ignition
// deploy` and `verify` use) would otherwise keep only the version and path and compile with 200
// optimizer runs, no IR and the compiler's default EVM version: a different contract from the one
// in abi/, which `bittunes verify-contract` would rightly refuse.
const compiler = {
  version: "0.8.37",
  path: require.resolve("solc/soljson.js"),
  settings: {
    evmVersion: "cancun",
    viaIR: true,
    optimizer: { enabled: true, runs: 1_000_000 },
    metadata: { bytecodeHash: "ipfs" },
    outputSelection: { "*": { "*": ["abi", "evm.bytecode", "evm.deployedBytecode", "metadata"] } },
  },
};

export default defineConfig({
  plugins: [hardhatToolboxViem],
  solidity: {
    profiles: {
      default: compiler,
      production: { ...compiler, isolated: false },
    },
  },
  paths: {
    tests: { solidity: "contracts/test", nodejs: "test" },
  },
  test: {
    solidity: {
      fuzz: { runs: 5_000 },
      invariant: { runs: 256, depth: 64, failOnRevert: false },
    },
  },
  networks: {
    hardhatMainnet: { type: "edr-simulated", chainType: "l1", hardfork: "cancun" },
    // A real chain for Ignition deployments: BITTUNES_RPC_URL and BITTUNES_DEPLOYER_KEY, each from
    // the environment or from the encrypted keystore (`npx hardhat keystore set BITTUNES_DEPLOYER_KEY`).
    target: {
      type: "http",
      chainType: "generic",
      url: configVariable("BITTUNES_RPC_URL"),
      accounts: [configVariable("BITTUNES_DEPLOYER_KEY")],
    },
  },
  // `npx hardhat verify --network target <address> <owner> <feeRecipient> <feeBps>` (or `ignition
  // deploy … --verify`): Sourcify and Blockscout need no key; Etherscan (and the explorers of its
  // API v2) verifies too when BITTUNES_EXPLORER_API_KEY is set.
  verify: {
    etherscan: {
      apiKey: configVariable("BITTUNES_EXPLORER_API_KEY"),
      enabled: Boolean(process.env.BITTUNES_EXPLORER_API_KEY),
    },
    blockscout: { enabled: true },
    sourcify: { enabled: true },
  },
});
