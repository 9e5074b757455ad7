const XSRF = document.querySelector('meta[name=xsrf]').content;
const API = location.pathname.replace(/\/(trainer)?\/?$/, '') + '/api/';
function el(tag, attrs, ...kids) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k.startsWith('on')) e.addEventListener(k.slice(2), v); else e.setAttribute(k, v);
  }
  for (const k of kids) e.append(k);  // strings become text nodes: never parsed as HTML
  return e;
}
async function post(url, body) {
  const r = await fetch(API + url, {method: 'POST', credentials: 'same-origin',
    headers: {'Content-Type': 'application/json', 'X-XSRFToken': XSRF},
    body: JSON.stringify(body || {})});
  let data = {}; try { data = await r.json(); } catch (e) {}
  return {ok: r.ok, status: r.status, data};
}
