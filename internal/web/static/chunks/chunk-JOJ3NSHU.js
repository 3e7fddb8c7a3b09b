import{a as s,b as p}from"./chunk-SKD7YVON.js";import{a as o,e as l,f as u}from"./chunk-NHSXSQGX.js";import{a as i,c as n}from"./chunk-TA2K5JT7.js";import{a,b as d}from"./chunk-EYWANE45.js";function m(c,{titles:r={}}={}){if(!c.length)return a`<p class="empty">No sales yet.</p>`;let e=s.explorerUrl?a`target="_blank" rel="noopener"`:"";return a`<div class="table-wrap"><table>
    <thead><tr><th scope="col">Time</th><th scope="col">Track</th><th scope="col">Buyer</th><th scope="col">Referrer</th>
      <th scope="col" class="num">Price</th><th scope="col" class="num">Artist</th><th scope="col" class="num">Referrer</th><th scope="col" class="num">Fee</th><th scope="col">Transaction</th></tr></thead>
    <tbody>${c.map(t=>a`<tr>
      <td>${u(t.time)}</td>
      <td><a href="/t/${t.trackId}">${r[t.trackId]??`#${t.trackId}`}</a></td>
      <td class="mono" title="${t.buyer}">${l(t.buyer)}${t.recipient!==t.buyer?a` → <span title="${t.recipient}">${l(t.recipient)}</span>`:""}</td>
      <td class="mono" title="${t.referrer??""}">${t.referrer?l(t.referrer):a`<span class="muted">none</span>`}</td>
      <td class="num">${o(t.price)}</td><td class="num">${o(t.artistAmount,!1)}</td><td class="num">${o(t.referrerAmount,!1)}</td><td class="num">${o(t.feeAmount,!1)}</td>
      <td><a class="mono" href="${p(t.tx)}" ${e}>${t.tx.slice(0,10)}…</a> <span class="small muted">block ${t.block}</span></td></tr>`)}</tbody></table></div>`}async function f(c){let r=[...new Set(c.map(t=>t.trackId))],e={};return await Promise.all(r.map(async t=>{try{e[t]=(await i(`/tracks/${t}`)).title}catch{}})),e}async function $(c){let r=new URLSearchParams(location.search),e={track:r.get("track")??"",account:r.get("account")??"",cursor:r.get("cursor")??""},t=await i(`/audit/purchases${n({...e,limit:50})}`),h=await f(t.sales);d(c,a`
    <section class="hero"><h1>Audit</h1>
      <p>Every sale on the market, with how its price was split between the artist, the fan who referred it and the platform fee. The parts always add up to the price; each links to its transaction${s.explorerUrl?" on the block explorer":""}, where the contract's <code>Purchased</code> event carries the same amounts.</p>
      <p class="small muted">Market contract <span class="mono">${s.market}</span> on chain ${s.chainId}.</p></section>
    <form class="row panel" action="/audit" method="get">
      <div class="field"><label for="a-track">Track id</label><input id="a-track" name="track" inputmode="numeric" value="${e.track}"></div>
      <div class="field wide"><label for="a-account">Account (buyer, referrer or artist)</label><input id="a-account" name="account" value="${e.account}" placeholder="0x…"></div>
      <div class="field shrink"><button class="btn btn-primary">Filter</button></div>
    </form>
    <section class="panel">${m(t.sales,{titles:h})}
      <nav class="pager">${e.cursor?a`<a class="btn" href="/audit${n({...e,cursor:""})}">← Newest</a>`:""}${t.nextCursor?a`<a class="btn" href="/audit${n({...e,cursor:t.nextCursor})}">Older sales →</a>`:""}</nav>
    </section>`)}export{m as a,f as b,$ as c};
