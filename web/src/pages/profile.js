// The profile editor of the account page: the name, avatar, bio and links an account shows in
// place of its address, set once while signed in.
import { html, render, message, $ } from "../lib/dom.js";
import { put } from "../lib/api.js";

/** profileEditor fills el with the signed-in account's profile form; p is its profile (null: none yet). */
export async function profileEditor(el, address, p) {
  render(el, html`<h2 id="prof-h">Your profile</h2>
    <p class="small muted">Your name is shown instead of your address on charts, sales, track and account pages; your address stays one hover or tap away.
      Names are unique: one that looks like another account's name (same letters in another case, look-alike characters) is refused.</p>
    <form class="stack" data-profile>
      <div class="row">${p?.avatar ? html`<img class="avatar" src="${p.avatar}" alt="Your avatar" width="64" height="64">` : ""}
        <div class="field wide"><label for="pf-name">Name</label><input id="pf-name" name="name" required maxlength="40" value="${p?.name ?? ""}" autocomplete="nickname"></div></div>
      <div class="field"><label for="pf-bio">Short bio</label><textarea id="pf-bio" name="bio" maxlength="500" rows="3">${p?.bio ?? ""}</textarea></div>
      <div class="field"><label for="pf-links">Links, one per line (at most 5)</label><textarea id="pf-links" name="links" rows="2" placeholder="https://…">${(p?.links ?? []).join("\n")}</textarea></div>
      <div class="field"><label for="pf-avatar">Avatar (PNG, JPEG or WebP, up to 2 MB)</label><input id="pf-avatar" name="avatar" type="file" accept="image/png,image/jpeg,image/webp"></div>
      <label class="check"><input type="checkbox" name="hide" ${p?.hideCollection ? "checked" : ""}> Keep my collection off my public page</label>
      <div class="actions"><button class="btn btn-primary" type="submit">Save profile</button>${p ? html`<a href="${p.page}">See your public page</a>` : ""}</div>
      <div data-msg></div>
    </form>`);
  const form = $("[data-profile]", el);
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const button = $("button[type=submit]", form);
    button.disabled = true;
    try {
      const body = {
        name: form.name.value,
        bio: form.bio.value,
        links: form.links.value.split("\n").map((l) => l.trim()).filter(Boolean),
        hideCollection: form.hide.checked,
      };
      const file = form.avatar.files[0];
      if (file) body.avatar = await dataURL(file);
      await profileEditor(el, address, await put(`/profiles/${address}`, body));
      render($("[data-msg]", el), message("ok", "Saved. Your name now shows in place of your address."));
    } catch (err) {
      render($("[data-msg]", form), message("error", err.message));
      button.disabled = false;
    }
  });
}

export function dataURL(file) {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(r.result);
    r.onerror = () => reject(new Error("The image could not be read"));
    r.readAsDataURL(file);
  });
}
