import{a as b,b as g,p as h}from"./chunk-U4VATS6G.js";import{a as f}from"./chunk-SKD7YVON.js";import"./chunk-KGS5K6B5.js";import"./chunk-KDBYITSV.js";import"./chunk-C7Q5KIMO.js";import{b as l}from"./chunk-PKHIRQZM.js";import"./chunk-P3LUTLIE.js";import{a as r,b as d,f as n}from"./chunk-EYWANE45.js";import"./chunk-VC46IEJQ.js";function u(t){return typeof t=="bigint"?t.toString():Array.isArray(t)?t.map(u).join(", "):t&&typeof t=="object"?JSON.stringify(t,(s,o)=>typeof o=="bigint"?o.toString():o):String(t)}async function w(t,{hash:s}){if(!/^0x[0-9a-fA-F]{64}$/.test(s))throw Object.assign(new Error("not a transaction hash"),{status:404});let o=h(),[i,e]=await Promise.all([o.getTransaction({hash:s}),o.getTransactionReceipt({hash:s}).catch(()=>null)]),p=e?b({abi:g,logs:e.logs.filter(a=>a.address.toLowerCase()===f.market.toLowerCase())}):[];d(t,r`
    <h1>Transaction</h1>
    <p class="mono small">${s}</p>
    ${e?e.status==="success"?n("ok",`Mined in block ${e.blockNumber}`):n("error",`Reverted in block ${e.blockNumber}`):n("info","Pending")}
    <section class="panel"><div class="table-wrap"><table><tbody>
      <tr><th scope="row">From</th><td class="mono">${i.from}</td></tr>
      <tr><th scope="row">To</th><td class="mono">${i.to??"contract creation"}</td></tr>
      <tr><th scope="row">Value</th><td>${l(i.value)} ETH</td></tr>
      ${e?r`<tr><th scope="row">Gas used</th><td>${e.gasUsed.toString()}</td></tr>`:""}
    </tbody></table></div></section>
    <section class="panel"><h2>Market events</h2>${p.length?p.map(a=>r`<h3>${a.eventName}</h3><div class="table-wrap"><table><tbody>${Object.entries(a.args).map(([m,c])=>r`<tr><th scope="row">${m}</th><td class="mono">${u(c)}${typeof c=="bigint"&&/amount|price/i.test(m)?` wei (${l(c)} ETH)`:""}</td></tr>`)}</tbody></table></div>`):r`<p class="empty">No market events.</p>`}</section>`)}export{w as default};
