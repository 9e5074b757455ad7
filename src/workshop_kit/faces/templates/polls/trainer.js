document.getElementById('attend').textContent = location.origin + API.replace(/api\/$/, '');
function chart(p) {
  const rows = p.options.map(o => {
    const share = p.total ? Math.round(100 * o.count / p.total) : 0;
    return el('tr', {}, el('th', {scope: 'row'}, o.text),
      el('td', {class: 'count'}, o.count + (o.count === 1 ? ' answer' : ' answers') + ' (' + share + '%)'),
      el('td', {class: 'bar', 'aria-hidden': 'true'}, el('div', {class: 'bar'}, el('span', {style: 'width:' + share + '%'}))));
  });
  return el('table', {class: 'results'},
    el('caption', {}, p.total + (p.total === 1 ? ' answer' : ' answers') + ' so far'),
    el('thead', {}, el('tr', {}, el('th', {scope: 'col'}, 'Answer'), el('th', {scope: 'col'}, 'Count'),
                        el('th', {scope: 'col'}, 'Share'))),
    el('tbody', {}, ...rows));
}
let built = false;
async function refresh() {
  const r = await fetch(API + 'results', {credentials: 'same-origin'});
  if (!r.ok) return;
  const data = await r.json();
  const box = document.getElementById('polls');
  if (!built) {
    box.replaceChildren();
    let group = null;
    for (const p of data.polls) {
      if (p.group !== group) { group = p.group; box.append(el('h2', {}, group)); }
      const id = 'poll-' + p.poll.replace(/[^a-z0-9_-]/g, '_');
      const act = (what) => async () => { await post(encodeURIComponent(p.poll) + '/' + what); refresh(); };
      box.append(el('section', {class: 'poll', id, 'aria-labelledby': id + '-q'},
        el('h3', {id: id + '-q'}, p.question, ' ', el('span', {class: 'state'})),
        el('p', {},
          el('button', {type: 'button', class: 'open', onclick: act('open')}, 'Open'),
          el('button', {type: 'button', class: 'close secondary', onclick: act('close')}, 'Close'),
          el('button', {type: 'button', class: 'reset secondary', onclick: async () => {
            if (confirm('Clear every answer to this poll?')) await act('reset')(); }}, 'Reset'),
          el('a', {href: API + encodeURIComponent(p.poll) + '/export.csv'}, 'Export CSV')),
        el('div', {class: 'chart', 'aria-live': 'polite'})));
    }
    built = true;
  }
  for (const p of data.polls) {
    const sec = document.getElementById('poll-' + p.poll.replace(/[^a-z0-9_-]/g, '_'));
    sec.querySelector('.state').textContent = p.open ? 'Open' : 'Closed';
    sec.querySelector('button.open').disabled = p.open;
    sec.querySelector('button.close').disabled = !p.open;
    const box = sec.querySelector('.chart');
    const key = JSON.stringify([p.total, p.options.map(o => o.count)]);
    if (box.dataset.key !== key && (p.open || p.total)) { box.dataset.key = key; box.replaceChildren(chart(p)); }
    if (!p.open && !p.total) { box.replaceChildren(); box.dataset.key = ''; }
  }
}
refresh(); setInterval(refresh, 2000);
