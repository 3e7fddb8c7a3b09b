// Hardhat 3 configuration for the Bittunes market contract.
//
// The compiler is the npm solc package (no download at build time), the EVM version is pinned to
// cancun (supported by the L2s we target; transient storage for the reentrancy guard), and the
// Solidity fuzz/invariant budgets below are the ones CI runs.
import { createRequire } from "node:module";
import { configVariable, defineConfig } from "hardhat/config";
import hardhatToolboxViem from "@nomicfoundation/hardhat-toolbox-viem";

const require = createRequire(import.meta.url);

export default defineConfig({
  plugins: [hardhatToolboxViem],
  solidity: {
    version: "0.8.37",
    path: require.resolve("solc/soljson.js"),
    settings: {
      evmVersion: "cancun",
      viaIR: true,
      optimizer: { enabled: true, runs: 1_000_000 },
      metadata: { bytecodeHash: "ipfs" },
      outputSelection: { "*": { "*": ["abi", "evm.bytecode", "evm.deployedBytecode", "metadata"] } },
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
    // A real chain for Ignition deployments: BITTUNES_RPC_URL and BITTUNES_DEPLOYER_KEY
    // (or `npx hardhat keystore set BITTUNES_DEPLOYER_KEY`).
    target: {
      type: "http",
      chainType: "generic",
      url: configVariable("BITTUNES_RPC_URL"),
      accounts: [configVariable("BITTUNES_DEPLOYER_KEY")],
    },
  },
  verify: {
    etherscan: { apiKey: configVariable("BITTUNES_EXPLORER_API_KEY"), enabled: false },
    blockscout: { enabled: true },
    sourcify: { enabled: true },
  },
});
