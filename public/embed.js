/* Guang embed loader, protocol v1 (docs/embed.md). Posts only to the app's origin; hears only its frames. */
(function (w, d) {
"use strict";
if (w.GuangEmbed) return;
var V = 1, R = [], L = /^(zh-CN|en)$/, OK = { theme: /^(light|dark|system)$/, lang: L, locale: L },
  F = { open: ["kind", "id", "url"], follow: ["creator", "following"], share: ["kind", "id", "url", "method"] };
function at(el, k) { return el.getAttribute("data-" + k); }
function mount(el) {
  var u, id = "g", f = d.createElement("iframe"), r, p;
  if (el.__guang) return;
  try { u = new URL(at(el, "src"), d.baseURI); } catch (e) { return; }
  if (!/^https?:$/.test(u.protocol)) return;
  crypto.getRandomValues(new Uint8Array(8)).forEach(function (b) { id += (b + 256).toString(16).slice(1); });
  r = el.__guang = { el: el, f: f, id: id, o: u.origin, q: [], nav: at(el, "navigation") == "host" ? "host" : "guang" };
  p = u.searchParams;
  p.set("embed", 1); p.set("id", id); p.set("origin", location.origin);
  ["theme", "lang"].forEach(function (k) { OK[k].test(at(el, k)) && p.set(k, at(el, k)); });
  f.src = u.href;
  f.title = at(el, "title") || "Guang";
  f.allow = "clipboard-write; web-share";
  f.setAttribute("sandbox", "allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-forms");
  f.style.cssText = "display:block;width:100%;border:0;height:" + (parseInt(at(el, "height")) || 320) + "px";
  el.replaceChildren(f);
  R.push(r);
}
function post(r, m) {
  m.guang = V;
  r.ready ? r.f.contentWindow.postMessage(m, r.o) : r.q.push(m);
}
w.addEventListener("message", function (e) {
  var r, m = e.data, det = {}, i, f;
  for (i = 0; i < R.length; i++) if (e.source && e.source === R[i].f.contentWindow) r = R[i];
  if (!r || e.origin !== r.o || !m || typeof m != "object" || m.guang !== V) return;
  if (m.type == "ready" && m.id === r.id) {
    r.ready = 1;
    post(r, { type: "hello", id: r.id, navigation: r.nav });
    r.q.splice(0).forEach(function (q) { post(r, q); });
  } else if (m.type == "resize" && m.height >= 0 && m.height <= 1e6) {
    r.f.style.height = Math.ceil(m.height) + "px";
  } else if ((f = F.hasOwnProperty(m.type) && F[m.type])) {
    if (!f.every(function (k) { det[k] = m[k]; return typeof m[k] == (k == "following" ? "boolean" : "string"); })) return;
    if (det.url && det.url.indexOf(r.o + "/")) return;
    // host navigation: uncancelled guang:open goes there
    if (r.el.dispatchEvent(new CustomEvent("guang:" + m.type, { detail: det, bubbles: true, cancelable: true })) &&
      m.type == "open" && r.nav == "host") location.assign(det.url);
  }
});
function send(t) {
  return function (el, v) {
    var r = el && (el.__guang || (el.parentNode || 0).__guang), m = { type: t };
    return !!r && OK[t].test(v) && (m[t] = v, post(r, m), true);
  };
}
function scan() { d.querySelectorAll("[data-guang-embed]").forEach(mount); }
w.GuangEmbed = { scan: scan, setTheme: send("theme"), setLocale: send("locale") };
d.readyState == "loading" ? d.addEventListener("DOMContentLoaded", scan) : scan();
})(window, document);
