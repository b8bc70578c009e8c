// The analysis page (analyse.html): collects dropped, chosen and pasted articles, runs
// Crosscheck.analyse on them, shows each article's outcome and the widget over the result, and
// offers the database as a download. Every step is reachable by keyboard and told to screen
// readers through the status line.

const $ = (id) => document.getElementById(id);
const articles = []; // {id, kind, size, text, status, message}
let database = null;
let running = false;

/** A page rather than text: its first character after white space or a BOM is '<'. */
function looksLikePage(bytes) {
  for (const b of bytes.subarray(0, 1024)) {
    if (b === 0xef || b === 0xbb || b === 0xbf || b === 0xff || b === 0xfe || b === 0) continue;
    if (b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d || b === 0x0c) continue;
    return b === 0x3c;
  }
  return false;
}

function uniqueId(wanted) {
  const base = (wanted || 'article').trim().replace(/\s+/g, '-').slice(0, 120) || 'article';
  let id = base;
  for (let n = 2; articles.some((a) => a.id === id); n += 1) id = `${base}-${n}`;
  return id;
}

function size(n) {
  return n < 1024 ? `${n} B` : `${(n / 1024).toFixed(n < 10240 ? 1 : 0)} KB`;
}

function say(text) {
  $('progress-text').textContent = text;
}

/** The engine is fetched and warmed up once there is something to analyse, not on page load. */
let prepared = false;
function prepareEngine() {
  if (prepared || !articles.length) return;
  prepared = true;
  window.Crosscheck.prepareAnalysis().catch(() => { prepared = false; });
}

function render() {
  const body = $('list').tBodies[0];
  body.replaceChildren();
  for (const a of articles) {
    const row = body.insertRow();
    const name = row.insertCell();
    name.className = 'name';
    name.textContent = a.id;
    row.insertCell().textContent = a.kind === 'page' ? 'web page' : 'text';
    row.insertCell().textContent = size(a.size);
    const status = row.insertCell();
    status.textContent = a.message ? `${a.status}: ${a.message}` : a.status;
    status.className = a.status === 'set aside' ? 'skipped' : a.status === 'analysed' ? 'ok' : '';
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.className = 'remove';
    remove.textContent = '×';
    remove.setAttribute('aria-label', `Remove ${a.id}`);
    remove.disabled = running;
    remove.addEventListener('click', () => {
      const at = articles.indexOf(a);
      if (at >= 0) articles.splice(at, 1);
      render();
      say(`Removed ${a.id}. ${articles.length} article(s).`);
      (body.rows[Math.min(at, body.rows.length - 1)]?.querySelector('button') ?? $('files')).focus();
    });
    row.insertCell().append(remove);
  }
  $('list').hidden = articles.length === 0;
  $('empty').hidden = articles.length > 0;
  $('run').disabled = running || articles.length < 2;
  $('clear').disabled = running || articles.length === 0;
  $('download').disabled = running || !database;
  prepareEngine();
}

async function addFiles(files) {
  const added = [];
  for (const file of files) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const id = uniqueId(file.name.replace(/\.[^.]*$/, ''));
    articles.push({ id, kind: looksLikePage(bytes) ? 'page' : 'text', size: bytes.length, text: bytes, status: 'ready', message: '' });
    added.push(id);
  }
  render();
  if (added.length) say(`Added ${added.join(', ')}. ${articles.length} article(s).`);
}

function addPasted(event) {
  event.preventDefault();
  const text = $('paste-text').value;
  if (!text.trim()) {
    say('Nothing to add: the text box is empty.');
    $('paste-text').focus();
    return;
  }
  const id = uniqueId($('paste-id').value || `pasted-${articles.length + 1}`);
  const kind = looksLikePage(new TextEncoder().encode(text.slice(0, 512))) ? 'page' : 'text';
  articles.push({ id, kind, size: new TextEncoder().encode(text).length, text, status: 'ready', message: '' });
  $('paste-text').value = '';
  $('paste-id').value = '';
  render();
  say(`Added ${id}. ${articles.length} article(s).`);
}

async function run() {
  running = true;
  database = null;
  $('failure').textContent = '';
  for (const a of articles) Object.assign(a, { status: 'analysing', message: '' });
  render();
  const progress = $('progress');
  progress.hidden = false;
  progress.value = 0;
  say(`Analysing ${articles.length} articles…`);
  const skipped = new Map();
  try {
    const db = await window.Crosscheck.analyse(
      articles.map((a) => ({ id: a.id, text: a.text })),
      {
        onProgress: ({ stage, unit, done, total }) => {
          progress.value = total ? done / total : 1;
          say(`${stage[0].toUpperCase()}${stage.slice(1)}: ${done} of ${total} ${unit}`);
        },
        onSkip: ({ id, message }) => skipped.set(id, message),
      },
    );
    database = db;
    const counts = new Map();
    for (const s of db.segments) counts.set(s.source, (counts.get(s.source) ?? 0) + 1);
    for (const a of articles) {
      if (skipped.has(a.id)) Object.assign(a, { status: 'set aside', message: skipped.get(a.id) });
      else Object.assign(a, { status: 'analysed', message: `${counts.get(a.id) ?? 0} sentences` });
    }
    await window.Crosscheck.ready;
    const first = db.sources[0]?.id;
    window.Crosscheck.mount($('widget'), { database: db, source: first });
    $('result-help').textContent = 'Choose an article in the widget, then click a sentence to see '
      + 'which other reports corroborate, differ from or omit it.';
    say(`Done: ${db.sources.length} article(s) analysed${skipped.size ? `, ${skipped.size} set aside (see the list)` : ''}. `
      + 'The comparison is shown under Result.');
  } catch (err) {
    for (const a of articles) {
      if (skipped.has(a.id)) Object.assign(a, { status: 'set aside', message: skipped.get(a.id) });
      else if (a.status === 'analysing') Object.assign(a, { status: 'ready', message: '' });
    }
    $('failure').textContent = `The analysis failed: ${err.message.replace(/^Crosscheck\.analyse: /, '')}`;
    say('');
  } finally {
    running = false;
    progress.hidden = true;
    render();
  }
}

function download() {
  if (!database) return;
  const blob = new Blob([`${JSON.stringify(database, null, 2)}\n`], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = 'claims.json';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  say('The database was saved as claims.json. Use it as a per-story database (data-database="claims.json").');
}

const drop = $('drop');
drop.addEventListener('dragover', (e) => {
  e.preventDefault();
  drop.classList.add('over');
});
drop.addEventListener('dragleave', () => drop.classList.remove('over'));
drop.addEventListener('drop', (e) => {
  e.preventDefault();
  drop.classList.remove('over');
  if (!running) addFiles([...(e.dataTransfer?.files ?? [])]);
});
$('files').addEventListener('change', (e) => {
  addFiles([...e.target.files]);
  e.target.value = '';
});
$('paste').addEventListener('submit', addPasted);
$('run').addEventListener('click', run);
$('clear').addEventListener('click', () => {
  articles.length = 0;
  render();
  say('All articles removed.');
});
$('download').addEventListener('click', download);
render();
