import{a as l}from"./chunk-GQDXG7FA.js";import{a as o,b as h}from"./chunk-SKD7YVON.js";import{a as n,b as m,g as f}from"./chunk-PKHIRQZM.js";import{a as d,e as i}from"./chunk-HPRL43TB.js";import{a as r,b as u}from"./chunk-EYWANE45.js";function $(c,{titles:s={},names:e={}}={}){if(!c.length)return r`<p class="empty">No sales yet.</p>`;let a=o.explorerUrl?r`target="_blank" rel="noopener"`:"";return r`<div class="table-wrap"><table class="sales">
    <thead><tr><th scope="col">Time</th><th scope="col">Track</th><th scope="col">Buyer</th><th scope="col">Referred by</th>
      <th scope="col" class="num">Price</th><th scope="col" class="num">Artist</th><th scope="col">Collaborators</th><th scope="col" class="num">Referral</th><th scope="col" class="num">Fee</th><th scope="col">Transaction</th></tr></thead>
    <tbody>${c.map(t=>r`<tr>
      <td>${f(t.time)}</td>
      <td><a href="/t/${t.trackId}">${s[t.trackId]??`#${t.trackId}`}</a></td>
      <td>${l(t.buyer,e)}${t.recipient!==t.buyer?r` → ${l(t.recipient,e)} <span class="small muted">(a gift)</span>`:""}</td>
      <td>${l(t.referrer,e)}</td>
      <td class="num">${n(t.price)}</td><td class="num">${b(t)}</td>
      <td>${(t.collaborators??[]).length?t.collaborators.map(p=>r`<div>${l(p.address,e)} <span class="num">${n(p.amount,!1)}</span></div>`):r`<span class="muted">none</span>`}</td><td class="num">${n(t.referrerAmount,!1)}</td><td class="num">${n(t.feeAmount,!1)}</td>
      <td><a class="mono" href="${h(t.tx)}" ${a}>${t.tx.slice(0,10)}…</a> <span class="small muted">block ${t.block}</span></td></tr>`)}</tbody></table></div>`}function b(c){let s=(c.collaborators??[]).reduce((e,a)=>e+BigInt(a.amount.wei),0n);return m(BigInt(c.artistAmount.wei)-s)}async function k(c){let s=[...new Set(c.map(a=>a.trackId))],e={};return await Promise.all(s.map(async a=>{try{e[a]=(await d(`/tracks/${a}`)).title}catch{}})),e}async function w(c){let s=new URLSearchParams(location.search),e={track:s.get("track")??"",account:s.get("account")??"",cursor:s.get("cursor")??""},a=await d(`/audit/purchases${i({...e,limit:50})}`),t=await k(a.sales);u(c,r`
    <section class="hero"><h1>Audit</h1>
      <p>Every sale on the market, with how its price was split between the artist, the fan who referred it and the platform fee. The parts always add up to the price; each links to its transaction${o.explorerUrl?" on the block explorer":""}, where the contract's <code>Purchased</code> event carries the same amounts.</p>
      <p class="small muted">Market contract <span class="mono">${o.market}</span> on chain ${o.chainId}.</p></section>
    <form class="row panel" action="/audit" method="get">
      <div class="field"><label for="a-track">Track id</label><input id="a-track" name="track" inputmode="numeric" value="${e.track}"></div>
      <div class="field wide"><label for="a-account">Account (buyer, referrer or artist)</label><input id="a-account" name="account" value="${e.account}" placeholder="0x…"></div>
      <div class="field shrink"><button class="btn btn-primary">Filter</button></div>
    </form>
    <section class="panel">${$(a.sales,{titles:t,names:a.names})}
      <nav class="pager">${e.cursor?r`<a class="btn" href="/audit${i({...e,cursor:""})}">← Newest</a>`:""}${a.nextCursor?r`<a class="btn" href="/audit${i({...e,cursor:a.nextCursor})}">Older sales →</a>`:""}</nav>
    </section>`)}export{$ as a,k as b,w as c};
