// The browser wallet: EIP-6963 discovery (falling back to window.ethereum), connecting, getting
// onto the market's chain, Sign-In with Ethereum against the API, and the contract calls.
import {
  createPublicClient, createWalletClient, custom, http, defineChain, getAddress, numberToHex, BaseError,
  ContractFunctionRevertedError,
} from "viem";
import { createSiweMessage } from "viem/siwe";
import marketAbi from "../../../abi/BittunesMarket.abi.json";
import { config } from "./config.js";
import { get, post } from "./api.js";

export const abi = marketAbi;

export const chain = defineChain({
  id: config.chainId,
  name: config.chainName || `Chain ${config.chainId}`,
  nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
  rpcUrls: { default: { http: config.rpcUrl ? [config.rpcUrl] : [] } },
});

const state = {
  wallets: [], // {info: {uuid, name, icon, rdns}, provider}
  provider: null,
  info: null,
  account: null, // checksummed address of the connected account
  chainId: null,
  session: null, // the address signed in to the API, if any
  ready: false,
};
const listeners = new Set();
const sessionHint = "bittunes.signedIn";

/** onChange calls fn (now and) whenever the wallet state changes. */
export function onChange(fn, now = true) {
  listeners.add(fn);
  if (now && state.ready) fn(state);
  return () => listeners.delete(fn);
}

function changed() {
  for (const fn of listeners) {
    try { fn(state); } catch (e) { console.warn(e); }
  }
}

export const wallet = state;

/** signedIn is whether the connected account is the one signed in to the API. */
export function signedIn() {
  return !!state.account && !!state.session && state.account.toLowerCase() === state.session.toLowerCase();
}

// Errors the pages explain to people.
export class WalletError extends Error {
  constructor(kind, message, extra = {}) {
    super(message);
    this.kind = kind;
    Object.assign(this, extra);
  }
}

export function wrongNetwork(current) {
  return new WalletError("wrong_network",
    `Your wallet is on the wrong network${current ? ` (chain ${current})` : ""}. Switch it to ${chain.name} (chain id ${config.chainId}) to continue.`);
}

/** init discovers wallets, restores a previous connection and reads the API session. */
export async function init() {
  window.addEventListener("eip6963:announceProvider", (e) => {
    const { info, provider } = e.detail ?? {};
    if (!info?.uuid || !provider || state.wallets.some((w) => w.info.uuid === info.uuid)) return;
    state.wallets.push({ info, provider });
    changed();
  });
  window.dispatchEvent(new Event("eip6963:requestProvider"));
  await new Promise((r) => setTimeout(r, 120));
  if (!state.wallets.length && window.ethereum) {
    state.wallets.push({ info: { uuid: "injected", name: "Browser wallet", icon: "", rdns: "injected" }, provider: window.ethereum });
  }
  // The session cookie is HttpOnly: a hint in localStorage says whether to ask the API for it,
  // so that a visitor who never signed in does not cause a 401 on every page.
  if (localStorage.getItem(sessionHint)) {
    try {
      state.session = (await get("/auth/session")).address;
    } catch {
      localStorage.removeItem(sessionHint);
    }
  }
  const last = localStorage.getItem("bittunes.wallet");
  const w = state.wallets.find((x) => x.info.rdns === last) ?? (last ? state.wallets[0] : null);
  if (w) {
    try {
      const accounts = await w.provider.request({ method: "eth_accounts" });
      if (accounts?.length) await use(w, accounts);
    } catch { /* stays disconnected */ }
  }
  state.ready = true;
  changed();
}

async function use(w, accounts) {
  if (state.provider !== w.provider) {
    w.provider.on?.("accountsChanged", (a) => {
      state.account = a?.length ? getAddress(a[0]) : null;
      changed();
    });
    w.provider.on?.("chainChanged", (id) => {
      state.chainId = Number(id);
      changed();
    });
  }
  state.provider = w.provider;
  state.info = w.info;
  state.account = getAddress(accounts[0]);
  state.chainId = Number(await w.provider.request({ method: "eth_chainId" }));
  localStorage.setItem("bittunes.wallet", w.info.rdns);
}

/** connect asks a wallet (the one chosen, if several) for an account. */
export async function connect(choice) {
  const w = choice ?? state.wallets[0];
  if (!w) {
    throw new WalletError("no_wallet", "No browser wallet found. Install one (such as MetaMask or Rabby) and reload this page.");
  }
  let accounts;
  try {
    accounts = await w.provider.request({ method: "eth_requestAccounts" });
  } catch (e) {
    throw explain(e);
  }
  if (!accounts?.length) throw new WalletError("rejected", "Your wallet gave no account.");
  await use(w, accounts);
  changed();
  return state.account;
}

/** disconnect forgets the wallet on this site (the wallet itself keeps its permission). */
export async function disconnect() {
  if (signedIn()) await signOut();
  localStorage.removeItem("bittunes.wallet");
  state.account = null;
  state.provider = null;
  changed();
}

/** ensureChain gets the wallet onto the market's chain: switching, or adding it first. */
export async function ensureChain() {
  if (!state.provider) await connect();
  const p = state.provider;
  const current = Number(await p.request({ method: "eth_chainId" }));
  state.chainId = current;
  if (current === config.chainId) return;
  const hexId = numberToHex(config.chainId);
  try {
    await p.request({ method: "wallet_switchEthereumChain", params: [{ chainId: hexId }] });
  } catch (e) {
    const code = errorCode(e);
    if (code === 4902 && config.rpcUrl) {
      try {
        await p.request({
          method: "wallet_addEthereumChain",
          params: [{ chainId: hexId, chainName: chain.name, rpcUrls: [config.rpcUrl],
            nativeCurrency: chain.nativeCurrency, blockExplorerUrls: config.explorerUrl ? [config.explorerUrl] : undefined }],
        });
        await p.request({ method: "wallet_switchEthereumChain", params: [{ chainId: hexId }] });
      } catch {
        throw wrongNetwork(current);
      }
    } else {
      throw wrongNetwork(current);
    }
  }
  state.chainId = Number(await p.request({ method: "eth_chainId" }));
  if (state.chainId !== config.chainId) throw wrongNetwork(state.chainId);
  changed();
}

/** signIn signs in to the market with Sign-In with Ethereum (EIP-4361). */
export async function signIn() {
  if (!state.account) await connect();
  await ensureChain();
  const { nonce } = await post("/auth/nonce");
  const now = new Date();
  const message = createSiweMessage({
    domain: location.host, address: state.account, uri: location.origin, version: "1", chainId: config.chainId, nonce,
    statement: "Sign in to Bittunes. This costs nothing and sends no transaction.",
    issuedAt: now, expirationTime: new Date(now.getTime() + 10 * 60 * 1000),
  });
  let signature;
  try {
    signature = await walletClient().signMessage({ account: state.account, message });
  } catch (e) {
    throw explain(e);
  }
  const s = await post("/auth/verify", { message, signature });
  state.session = s.address;
  localStorage.setItem(sessionHint, "1");
  changed();
  return s.address;
}

export async function signOut() {
  await post("/auth/logout");
  localStorage.removeItem(sessionHint);
  state.session = null;
  changed();
}

export function walletClient() {
  return createWalletClient({ chain, account: state.account, transport: custom(state.provider) });
}

let reader = null;

/** publicClient reads the chain: through the configured RPC, else through the wallet. */
export function publicClient() {
  if (reader) return reader;
  if (config.rpcUrl) reader = createPublicClient({ chain, transport: http(config.rpcUrl), pollingInterval: 300 });
  else if (state.provider) return createPublicClient({ chain, transport: custom(state.provider), pollingInterval: 1000 });
  else throw new WalletError("no_rpc", "Connect a wallet to read the chain.");
  return reader;
}

/** read calls a view function of the market. */
export function read(functionName, args) {
  return publicClient().readContract({ address: config.market, abi, functionName, args });
}

/**
 * write sends a market transaction from the connected account: on the right chain, simulated
 * first so that a revert is explained before the wallet asks, then signed in the wallet. It
 * returns the transaction hash.
 */
export async function write(functionName, args, value = 0n) {
  if (!state.account) await connect();
  await ensureChain();
  const req = { address: config.market, abi, functionName, args, value, account: state.account };
  try {
    await publicClient().simulateContract(req);
  } catch (e) {
    throw explain(e);
  }
  try {
    return await walletClient().writeContract({ ...req, chain });
  } catch (e) {
    throw explain(e);
  }
}

/** send sends a prepared transaction ({to, data, value}) from the connected account. */
export async function send(tx) {
  if (!state.account) await connect();
  await ensureChain();
  try {
    await publicClient().call({ account: state.account, to: tx.to, data: tx.data, value: BigInt(tx.value ?? 0) });
  } catch (e) {
    throw explain(e);
  }
  try {
    return await walletClient().sendTransaction({ to: tx.to, data: tx.data, value: BigInt(tx.value ?? 0), chain });
  } catch (e) {
    throw explain(e);
  }
}

/** waitMined waits for a transaction's receipt; a reverted one throws. */
export async function waitMined(hash) {
  const receipt = await publicClient().waitForTransactionReceipt({ hash, pollingInterval: 300, timeout: 120000 });
  if (receipt.status !== "success") throw new WalletError("reverted", "The transaction was mined but reverted: nothing changed.");
  return receipt;
}

function errorCode(e) {
  let code;
  walk(e, (x) => {
    if (typeof x?.code === "number" && code === undefined) code = x.code;
  });
  return code;
}

function walk(e, fn) {
  for (let x = e, i = 0; x && i < 12; x = x.cause, i++) fn(x);
}

/** explain turns what a wallet, viem or the RPC threw into a WalletError a person can read. */
export function explain(e) {
  if (e instanceof WalletError) return e;
  let out = null;
  walk(e, (x) => {
    if (out) return;
    if (x?.code === 4001 || x?.name === "UserRejectedRequestError") {
      out = new WalletError("rejected", "You rejected the request in your wallet. Nothing was sent.");
    } else if (x instanceof ContractFunctionRevertedError && x.data?.errorName) {
      out = revertError(x.data.errorName, x.data.args ?? []);
    } else if (x?.name === "ChainMismatchError") {
      out = wrongNetwork();
    } else if (x?.name === "InsufficientFundsError" || /insufficient funds/i.test(x?.message ?? "") || /insufficient funds/i.test(x?.details ?? "")) {
      out = new WalletError("insufficient_funds", "Your wallet does not hold enough ETH to pay the price and the network fee.");
    }
  });
  if (out) return out;
  const text = e instanceof BaseError ? e.shortMessage : e?.message;
  return new WalletError("failed", text || "The wallet request failed.");
}

function revertError(name, args) {
  switch (name) {
    case "IncorrectPayment":
      return new WalletError("price_changed", "The price changed since the page loaded.", { price: args[2] });
    case "TermsChanged": // (trackId, feeBps, referralBps, maxFeeBps, minReferralBps): the current terms first
      return new WalletError("terms_changed", "The platform fee or the referral share changed since you were quoted.",
        { feeBps: Number(args[1]), referralBps: Number(args[2]) });
    case "SelfPurchase":
      return new WalletError("self_purchase", "The artist and the collaborators of a track cannot buy it or be given it.");
    case "PackageAlreadyRegistered":
      return new WalletError("already_registered", `You registered this package already, as track ${args[2]}.`);
    case "AlreadyOwned":
      return new WalletError("already_owned", "This account already owns the track.");
    case "NothingToWithdraw":
      return new WalletError("nothing", "There is nothing to withdraw yet.");
    case "TrackNotListed":
      return new WalletError("unlisted", "The artist has taken this track off sale.");
    case "IncorrectReleasePayment": // (releaseId, sent, amount)
      return new WalletError("price_changed", "The release's price changed since you were quoted.", { price: args[2] });
    case "ReleaseAlreadyOwned":
      return new WalletError("already_owned", "This account owns every track of the release already.");
    case "ReleaseNotListed":
      return new WalletError("unlisted", "The artist has taken this release off sale.");
    case "UnknownRelease":
      return new WalletError("unknown", "The contract does not know this release.");
    case "NotReleaseArtist":
      return new WalletError("not_artist", "Only the release's artist can change it.");
    case "InvalidReleaseTrackCount":
      return new WalletError("invalid", `A release has 1 to ${args[1]} tracks.`);
    case "DuplicateReleaseTrack":
      return new WalletError("invalid", `Track ${args[1]} is in the release twice.`);
    case "UnknownTrack":
      return new WalletError("unknown", "The contract does not know this track.");
    default:
      return new WalletError("reverted", `The contract refused the transaction (${name}).`);
  }
}
