// Hardhat Ignition module: deploys the Bittunes market.
//
// Parameters (ignition/parameters/<network>.json or --parameters):
//   owner         the operator allowed to set the fee and its recipient (default: the deployer)
//   feeRecipient  where platform fees go (default: the deployer)
//   feeBps        platform fee in basis points, at most 1 000 (default: 500 = 5 %)
import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";

export default buildModule("BittunesMarket", (m) => {
  const deployer = m.getAccount(0);
  const owner = m.getParameter("owner", deployer);
  const feeRecipient = m.getParameter("feeRecipient", deployer);
  const feeBps = m.getParameter("feeBps", 500n);
  const market = m.contract("BittunesMarket", [owner, feeRecipient, feeBps]);
  return { market };
});
