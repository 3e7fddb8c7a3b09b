import{a as i}from"./chunk-KOTCAYXH.js";import{a as o,b as p}from"./chunk-SKD7YVON.js";import{a as l,g as h}from"./chunk-PKHIRQZM.js";import{a as d,d as n}from"./chunk-P3LUTLIE.js";import{a as r,b as u}from"./chunk-EYWANE45.js";function m(s,{titles:c={},names:e={}}={}){if(!s.length)return r`<p class="empty">No sales yet.</p>`;let a=o.explorerUrl?r`target="_blank" rel="noopener"`:"";return r`<div class="table-wrap"><table>
    <thead><tr><th scope="col">Time</th><th scope="col">Track</th><th scope="col">Buyer</th><th scope="col">Referred by</th>
      <th scope="col" class="num">Price</th><th scope="col" class="num">Artist side</th><th scope="col" class="num">Referral</th><th scope="col" class="num">Fee</th><th scope="col">Transaction</th></tr></thead>
    <tbody>${s.map(t=>r`<tr>
      <td>${h(t.time)}</td>
      <td><a href="/t/${t.trackId}">${c[t.trackId]??`#${t.trackId}`}</a></td>
      <td>${i(t.buyer,e)}${t.recipient!==t.buyer?r` → ${i(t.recipient,e)} <span class="small muted">(a gift)</span>`:""}</td>
      <td>${i(t.referrer,e)}</td>
      <td class="num">${l(t.price)}</td><td class="num">${l(t.artistAmount,!1)}</td><td class="num">${l(t.referrerAmount,!1)}</td><td class="num">${l(t.feeAmount,!1)}</td>
      <td><a class="mono" href="${p(t.tx)}" ${a}>${t.tx.slice(0,10)}…</a> <span class="small muted">block ${t.block}</span></td></tr>`)}</tbody></table></div>`}async function f(s){let c=[...new Set(s.map(a=>a.trackId))],e={};return await Promise.all(c.map(async a=>{try{e[a]=(await d(`/tracks/${a}`)).title}catch{}})),e}async function $(s){let c=new URLSearchParams(location.search),e={track:c.get("track")??"",account:c.get("account")??"",cursor:c.get("cursor")??""},a=await d(`/audit/purchases${n({...e,limit:50})}`),t=await f(a.sales);u(s,r`
    <section class="hero"><h1>Audit</h1>
      <p>Every sale on the market, with how its price was split between the artist, the fan who referred it and the platform fee. The parts always add up to the price; each links to its transaction${o.explorerUrl?" on the block explorer":""}, where the contract's <code>Purchased</code> event carries the same amounts.</p>
      <p class="small muted">Market contract <span class="mono">${o.market}</span> on chain ${o.chainId}.</p></section>
    <form class="row panel" action="/audit" method="get">
      <div class="field"><label for="a-track">Track id</label><input id="a-track" name="track" inputmode="numeric" value="${e.track}"></div>
      <div class="field wide"><label for="a-account">Account (buyer, referrer or artist)</label><input id="a-account" name="account" value="${e.account}" placeholder="0x…"></div>
      <div class="field shrink"><button class="btn btn-primary">Filter</button></div>
    </form>
    <section class="panel">${m(a.sales,{titles:t,names:a.names})}
      <nav class="pager">${e.cursor?r`<a class="btn" href="/audit${n({...e,cursor:""})}">← Newest</a>`:""}${a.nextCursor?r`<a class="btn" href="/audit${n({...e,cursor:a.nextCursor})}">Older sales →</a>`:""}</nav>
    </section>`)}export{m as a,f as b,$ as c};
