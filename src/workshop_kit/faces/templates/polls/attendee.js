let shown = '';
async function refresh() {
  let data;
  try { data = await (await fetch(API + 'open', {credentials: 'same-origin'})).json(); }
  catch (e) { return; }
  const key = JSON.stringify(data.polls.map(p => [p.poll, p.answered]));
  if (key === shown) return;
  shown = key;
  const box = document.getElementById('polls');
  box.replaceChildren();
  if (!data.polls.length) { box.append(el('p', {}, 'No poll is open. Keep this page open: the next one appears here.')); return; }
  for (const p of data.polls) {
    const form = el('form', {});
    const set = el('fieldset', {}, el('legend', {}, p.question));
    const status = el('p', {class: 'status', role: 'status'});
    if (p.answered) { status.textContent = 'Thank you: your answer is counted.'; }
    else {
      p.options.forEach((o, i) => {
        const id = 'o-' + p.poll + '-' + i;
        set.append(el('label', {class: 'choice', for: id},
          el('input', {type: 'radio', name: 'option', value: o.id, id}), ' ', o.text));
      });
      set.append(el('button', {type: 'submit'}, 'Send my answer'));
    }
    form.append(set, status);
    form.addEventListener('submit', async ev => {
      ev.preventDefault();
      const choice = form.querySelector('input[name=option]:checked');
      if (!choice) { status.textContent = 'Choose an answer first.'; return; }
      const r = await post(encodeURIComponent(p.poll) + '/answer', {option: choice.value});
      status.textContent = r.ok ? r.data.message : (r.data.error || 'Your answer was not counted.');
      if (r.ok || r.status === 409) { form.querySelectorAll('input, button').forEach(x => x.disabled = true); shown = ''; }
    });
    box.append(form);
  }
}
refresh(); setInterval(refresh, 3000);
