import{c as m}from"./chunk-HPRL43TB.js";import{a as s,b as l,c as i,f as n}from"./chunk-EYWANE45.js";async function u(t,o,e){l(t,s`<h2 id="prof-h">Your profile</h2>
    <p class="small muted">Your name is shown instead of your address on charts, sales, track and account pages; your address stays one hover or tap away.
      Names are unique: one that looks like another account's name (same letters in another case, look-alike characters) is refused.</p>
    <form class="stack" data-profile>
      <div class="row">${e?.avatar?s`<img class="avatar" src="${e.avatar}" alt="Your avatar" width="64" height="64">`:""}
        <div class="field wide"><label for="pf-name">Name</label><input id="pf-name" name="name" required maxlength="40" value="${e?.name??""}" autocomplete="nickname"></div></div>
      <div class="field"><label for="pf-bio">Short bio</label><textarea id="pf-bio" name="bio" maxlength="500" rows="3">${e?.bio??""}</textarea></div>
      <div class="field"><label for="pf-links">Links, one per line (at most 5)</label><textarea id="pf-links" name="links" rows="2" placeholder="https://…">${(e?.links??[]).join(`
`)}</textarea></div>
      <div class="field"><label for="pf-avatar">Avatar (PNG, JPEG or WebP, up to 2 MB)</label><input id="pf-avatar" name="avatar" type="file" accept="image/png,image/jpeg,image/webp"></div>
      <label class="check"><input type="checkbox" name="hide" ${e?.hideCollection?"checked":""}> Keep my collection off my public page</label>
      <div class="actions"><button class="btn btn-primary" type="submit">Save profile</button>${e?s`<a href="${e.page}">See your public page</a>`:""}</div>
      <div data-msg></div>
    </form>`);let a=i("[data-profile]",t);a.addEventListener("submit",async p=>{p.preventDefault();let d=i("button[type=submit]",a);d.disabled=!0;try{let r={name:a.name.value,bio:a.bio.value,links:a.links.value.split(`
`).map(f=>f.trim()).filter(Boolean),hideCollection:a.hide.checked},c=a.avatar.files[0];c&&(r.avatar=await b(c)),await u(t,o,await m(`/profiles/${o}`,r)),l(i("[data-msg]",t),n("ok","Saved. Your name now shows in place of your address."))}catch(r){l(i("[data-msg]",a),n("error",r.message)),d.disabled=!1}})}function b(t){return new Promise((o,e)=>{let a=new FileReader;a.onload=()=>o(a.result),a.onerror=()=>e(new Error("The image could not be read")),a.readAsDataURL(t)})}export{u as a,b};
