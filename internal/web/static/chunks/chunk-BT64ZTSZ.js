import{g as f,t as u,u as $}from"./chunk-TY7SAPJA.js";import{a as g,b as w}from"./chunk-SKD7YVON.js";import{f as h}from"./chunk-HPRL43TB.js";import{a as i,b as m,f as c}from"./chunk-EYWANE45.js";async function E(x,{title:b,send:k,indexed:d,done:a}){let v=[["sign","Waiting for your signature in the wallet"],["pending","Pending on the chain"],["mined","Mined"],["indexed","Visible in the market"]],e={sign:"active"},o=null,l=null,s=null,r=()=>m(x,i`
    <div class="txbox" aria-live="polite">
      <strong>${b}</strong>
      <ol class="txsteps">${v.map(([t,n])=>i`<li class="${e[t]??""}" data-step="${t}">${n}${t==="pending"&&o?i` · <a href="${w(o)}" ${g.explorerUrl?i`target="_blank" rel="noopener"`:""}>transaction ${o.slice(0,10)}…</a>`:""}${t==="mined"&&l!==null?i` in block ${l}`:""}</li>`)}</ol>
      ${s?c("error",s):""}
      ${e.indexed==="done"&&a?c("ok",typeof a=="function"?a():a):""}
    </div>`);r();try{o=await k(),e.sign="done",e.pending="active",r();let t=await u(o);if(l=t.blockNumber.toString(),e.pending="done",e.mined="done",e.indexed="active",r(),!(d?await h(()=>d(t),{interval:400,timeout:6e4}):!0))throw new f("slow","Mined, but the market has not shown it yet. It will appear shortly; reload in a moment.");return e.indexed="done",r(),t}catch(t){let n=$(t),p=Object.keys(e).find(y=>e[y]==="active");throw p&&(e[p]="failed"),s=n.message,r(),n.shown=!0,n}}export{E as a};
