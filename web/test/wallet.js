// An EIP-1193 test wallet for the browser tests. The page gets a provider (injected before any of
// its scripts, announced by EIP-6963) whose requests come here through page.exposeBinding; this
// side signs with a dev private key (viem) and relays reads and transactions to the dev chain.
// Tests can make it reject the next request (EIP-1193 code 4001), start on another chain, or
// refuse to switch networks.
import { createWalletClient, createPublicClient, http, numberToHex, defineChain } from "viem";
import { privateKeyToAccount } from "viem/accounts";

const signing = new Set(["eth_sendTransaction", "personal_sign", "eth_signTypedData_v4", "wallet_switchEthereumChain", "wallet_addEthereumChain", "eth_requestAccounts"]);

export class TestWallet {
  /**
   * @param {{rpc: string, chainId: number, privateKey: string, startChainId?: number, knowsChain?: boolean}} o
   * startChainId is the chain the wallet is on at first (another than the market's: a wrong
   * network); knowsChain=false makes the wallet not know the market's chain until the page adds it.
   */
  constructor({ rpc, chainId, privateKey, startChainId = chainId, knowsChain = true }) {
    this.rpc = rpc;
    this.chainId = chainId;
    this.current = startChainId;
    this.known = new Set([1, startChainId, ...(knowsChain ? [chainId] : [])]);
    this.account = privateKeyToAccount(privateKey);
    this.address = this.account.address;
    const chain = defineChain({ id: chainId, name: "dev", nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 }, rpcUrls: { default: { http: [rpc] } } });
    this.client = createWalletClient({ account: this.account, chain, transport: http(rpc) });
    this.reader = createPublicClient({ chain, transport: http(rpc) });
    this.rejections = []; // methods (or "*" for any signing request) to reject once
    this.holds = new Map(); // method → promise the next request of it waits for
    this.refuseSwitch = false;
    this.log = [];
    this.sent = []; // the transactions sent, as the page asked for them ({to, data, value})
    this.pages = new Set();
  }

  /** rejectNext makes the next request of method (default: any that needs the user) fail with 4001. */
  rejectNext(method = "*") { this.rejections.push(method); }

  /**
   * holdNext makes the next request of method wait, as a person reading the wallet's prompt does,
   * until the returned release() is called; asked resolves when the page has made the request.
   */
  holdNext(method) {
    let release, asked;
    const gate = new Promise((r) => { release = r; });
    const seen = new Promise((r) => { asked = r; });
    this.holds.set(method, { gate, asked });
    return { release, asked: seen };
  }

  /** attach gives a browser context this wallet, on every page it opens. */
  async attach(context) {
    await context.exposeBinding("__bittunesTestWallet", (source, req) => {
      this.pages.add(source.page);
      return this.handle(req.method, req.params ?? []);
    });
    await context.addInitScript({ content: injected });
  }

  async handle(method, params) {
    this.log.push(method);
    try {
      return { result: await this.dispatch(method, params) };
    } catch (e) {
      return { error: { code: e.code ?? -32603, message: e.shortMessage ?? e.message } };
    }
  }

  async dispatch(method, params) {
    const hold = this.holds.get(method);
    if (hold) {
      this.holds.delete(method);
      hold.asked();
      await hold.gate;
    }
    const i = this.rejections.findIndex((m) => m === method || (m === "*" && signing.has(method)));
    if (i >= 0) {
      this.rejections.splice(i, 1);
      throw Object.assign(new Error("User rejected the request."), { code: 4001 });
    }
    switch (method) {
      case "eth_requestAccounts":
      case "eth_accounts":
        return [this.address];
      case "eth_chainId":
        return numberToHex(this.current);
      case "net_version":
        return String(this.current);
      case "wallet_switchEthereumChain": {
        const id = Number(params[0].chainId);
        if (this.refuseSwitch) throw Object.assign(new Error("User rejected the request."), { code: 4001 });
        if (!this.known.has(id)) throw Object.assign(new Error(`Unrecognized chain ID ${params[0].chainId}.`), { code: 4902 });
        await this.switchTo(id);
        return null;
      }
      case "wallet_addEthereumChain": {
        const id = Number(params[0].chainId);
        if (!params[0].rpcUrls?.length) throw Object.assign(new Error("rpcUrls required"), { code: -32602 });
        this.known.add(id);
        return null;
      }
      case "personal_sign":
        return this.account.signMessage({ message: { raw: params[0] } });
      case "eth_sendTransaction": {
        if (this.current !== this.chainId) throw Object.assign(new Error(`The wallet is on chain ${this.current}.`), { code: -32603 });
        const tx = params[0];
        this.sent.push(tx);
        return this.client.sendTransaction({
          to: tx.to, data: tx.data, value: tx.value ? BigInt(tx.value) : 0n, gas: tx.gas ? BigInt(tx.gas) : undefined,
        });
      }
      default:
        if (this.current !== this.chainId) throw Object.assign(new Error(`The test wallet cannot reach chain ${this.current}.`), { code: -32603 });
        return this.reader.request({ method, params });
    }
  }

  async switchTo(id) {
    this.current = id;
    const hex = numberToHex(id);
    await Promise.all([...this.pages].filter((p) => !p.isClosed()).map((p) => p.evaluate((h) => window.__bittunesTestWalletEmit?.("chainChanged", h), hex).catch(() => {})));
  }

  balance() { return this.reader.getBalance({ address: this.address }); }
}

// The page side: an EIP-1193 provider announced by EIP-6963, forwarding to the binding.
const injected = `(() => {
  const listeners = {};
  const provider = {
    isBittunesTestWallet: true,
    async request({ method, params }) {
      const r = await window.__bittunesTestWallet({ method, params: params ?? [] });
      if (r.error) {
        const e = new Error(r.error.message);
        e.code = r.error.code;
        throw e;
      }
      return r.result;
    },
    on(ev, fn) { (listeners[ev] ??= []).push(fn); return provider; },
    removeListener(ev, fn) { listeners[ev] = (listeners[ev] ?? []).filter((f) => f !== fn); return provider; },
  };
  window.__bittunesTestWalletEmit = (ev, data) => { for (const fn of listeners[ev] ?? []) fn(data); };
  const info = Object.freeze({
    uuid: "7c4d8a0e-3b1f-4e52-9a61-5d2f0c8b1e77", name: "Test Wallet", rdns: "org.bittunes.testwallet",
    icon: "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E%3Crect width='16' height='16' rx='4' fill='%237dd3fc'/%3E%3C/svg%3E",
  });
  const announce = () => window.dispatchEvent(new CustomEvent("eip6963:announceProvider", { detail: Object.freeze({ info, provider }) }));
  window.addEventListener("eip6963:requestProvider", announce);
  announce();
})();`;
