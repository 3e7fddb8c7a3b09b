// Package devchain runs an in-process go-ethereum development chain, wired the
// way `geth --dev` wires it: a full node with every fork through Prague (and
// beyond, as go-ethereum's developer genesis enables them) active from genesis,
// a simulated beacon client that seals a block as soon as a transaction
// arrives (or every BlockPeriod), JSON-RPC over HTTP and WebSocket on the
// loopback interface, and no peer-to-peer networking.
//
// The genesis funds Accounts accounts derived from a BIP-39 mnemonic along
// m/44'/60'/0'/0/i. The default mnemonic is the well-known Hardhat/Anvil one,
// so account 0 is 0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266, the address
// that wallets and developers recognise. These keys are public knowledge:
// never use them outside a development chain.
//
// `bittunes dev` uses it as its embedded chain, and tests use it as a real
// node with a real RPC server (unlike go-ethereum's ethclient/simulated,
// blocks are mined without a Commit call and eth_getLogs and subscriptions
// work as they do against any node).
//
// # Persistence
//
// With an empty Config.DataDir the chain lives in memory and is gone after
// Stop. With a DataDir, everything lives in DataDir/devchain:
//
//   - chaindata: the block, receipt and state database (its ancient/
//     subdirectory holds the older blocks and state history), the
//     transaction and log indexes, and the stored genesis and chain
//     configuration;
//   - triedb/merkle.journal: the most recent state changes, written on Stop;
//   - transactions.rlp and blobpool: transactions still pending at Stop;
//   - nodes and LOCK: go-ethereum's (unused) peer database and the lock that
//     keeps a second node off the directory.
//
// go-ethereum's node also creates an empty DataDir/keystore; the keys are
// never stored, they are derived from the mnemonic on every Start.
//
// Starting again on the same DataDir reopens that chain where it stopped:
// balances, contracts and block numbers are kept. The stored genesis wins
// over the Config: changing Accounts, Balance or Mnemonic afterwards does not
// fund new accounts (a warning is logged), and a different ChainID is an
// error. Delete the DataDir to start from a fresh genesis. Only one Chain can
// use a DataDir at a time (the node locks it). Stop the chain cleanly: after a
// crash, the latest state changes that were not yet flushed are lost and the
// node rewinds to the last block whose state is on disk.
package devchain
