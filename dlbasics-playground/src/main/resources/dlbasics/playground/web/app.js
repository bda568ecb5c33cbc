// The playground page: builds the settings form from /api/limits, opens one session, follows it
// through Server-Sent Events and draws what the server computed. All training happens on the server.
'use strict';

const token = new URLSearchParams(location.search).get('token') || '';
const $ = (id) => document.getElementById(id);
const ORANGE = [245, 147, 34];
const BLUE = [8, 119, 189];

let limits = null;
let session = null;
let events = null;
let data = null;          // the last "data" frame: points, extent, grid sizes
let curve = [];           // [iteration, trainCost, testCost]
let status = 'ready';

async function api(op, body, method = 'POST') {
  const url = '/api/' + op + (session ? '?session=' + encodeURIComponent(session) : '');
  const init = { method, headers: { 'X-Dlbasics-Token': token } };
  if (method === 'POST') {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body || {});
  }
  const res = await fetch(url, init);
  const json = await res.json().catch(() => ({ error: 'the server answered ' + res.status }));
  if (!res.ok) {
    throw new Error(json.error || ('the server answered ' + res.status));
  }
  return json;
}

function say(text, error = false) {
  const m = $('message');
  m.textContent = text;
  m.className = error ? 'error' : '';
}

// ---- the settings form ----

function dataSet(id) {
  return limits.dataSets.find((d) => d.id === id);
}

function fillForm() {
  const sel = $('data');
  for (const d of limits.dataSets) {
    const o = document.createElement('option');
    o.value = d.id;
    o.textContent = d.id;
    sel.appendChild(o);
  }
  const def = limits.defaults;
  sel.value = def.data;
  $('size').max = limits.maxExamples;
  $('test-share').value = String(def.testShare);
  $('hidden').value = def.hidden.join(',');
  $('activation').value = def.activation;
  $('lr').value = def.learningRate;
  $('seed').value = def.seed;
  dataChanged();
}

/** A new data set: its own size, noise range and seed. */
function dataChanged() {
  const d = dataSet($('data').value);
  $('size').value = d.size;
  $('size').disabled = d.sizeFixed;
  $('noise').min = d.minNoise;
  $('noise').max = d.maxNoise;
  $('noise').value = d.noise;
  $('noise').disabled = d.parameter === null;
  $('noise-name').textContent = d.parameter === null ? 'Noise (fixed)' : d.parameter[0].toUpperCase() + d.parameter.slice(1);
  $('data-seed').value = d.dataSeed;
  showNoise();
}

function showNoise() {
  $('noise-value').textContent = $('noise').disabled ? '' : Number($('noise').value).toFixed(2);
}

function settings() {
  const d = dataSet($('data').value);
  const hidden = $('hidden').value.split(/[\s,]+/).filter((s) => s.length > 0).map(Number);
  const s = {
    data: d.id,
    testShare: Number($('test-share').value),
    dataSeed: Number($('data-seed').value),
    hidden,
    activation: $('activation').value,
    learningRate: Number($('lr').value),
    seed: Number($('seed').value),
  };
  if (!d.sizeFixed) s.size = Number($('size').value);
  if (d.parameter !== null) s.noise = Number($('noise').value);
  return s;
}

function speed() {
  const v = $('speed').value;
  return v === 'max' ? limits.maxIterationsPerSecond : Number(v);
}

// ---- session and events ----

async function open() {
  limits = await api('limits', null, 'GET');
  fillForm();
  const s = await api('session', settings());
  session = s.session;
  events = new EventSource('/api/events?session=' + encodeURIComponent(session) + '&token=' + encodeURIComponent(token));
  events.addEventListener('data', (e) => onData(JSON.parse(e.data)));
  events.addEventListener('update', (e) => onUpdate(JSON.parse(e.data)));
  events.onerror = () => {
    status = 'disconnected';
    $('status').textContent = 'disconnected: reload the page (is dlbasics playground still running?)';
    setButtons();
    events.close();
  };
}

function onData(frame) {
  data = frame;
  curve = [];
  buildUnits(frame.layerDims);
}

function onUpdate(u) {
  status = u.status;
  $('iteration').textContent = u.iteration.toLocaleString('en');
  $('status').textContent = u.status === 'diverged' ? 'diverged' : u.status;
  $('command').textContent = u.command;
  $('command-note').textContent = u.cliData ? '' : '(dlbasics train uses the set\'s default size and noise)';
  if (u.message) say(u.message, true);
  if (u.boundary) {
    drawBoundary(u.boundary);
    drawUnits(u.units);
    $('train-cost').textContent = fmt(u.trainCost);
    $('test-cost').textContent = fmt(u.testCost);
    $('train-accuracy').textContent = pct(u.trainAccuracy);
    $('test-accuracy').textContent = pct(u.testAccuracy);
    addCurve(u.iteration, u.trainCost, u.testCost);
  }
  setButtons();
}

function setButtons() {
  const live = status !== 'disconnected';
  $('start').disabled = !live || status === 'running' || status === 'diverged' || status === 'done';
  $('pause').disabled = !live || status !== 'running';
  $('step').disabled = !live || status === 'running' || status === 'diverged' || status === 'done';
  $('save').disabled = !live || !limits || !limits.saving || status === 'diverged';
  $('save').title = limits && !limits.saving ? 'start dlbasics playground with --save-dir DIR to save models' : '';
}

const fmt = (v) => (v === null || v === undefined ? '–' : v.toFixed(4));
const pct = (v) => (v === null || v === undefined ? '–' : (100 * v).toFixed(1) + ' %');

// ---- drawing ----

/** Orange at 0, white at 0.5, blue at 1 (TensorFlow Playground's colours). */
function colour(t) {
  const c = t < 0.5 ? ORANGE : BLUE;
  const w = Math.min(1, Math.abs(t - 0.5) * 2) * 0.85;
  return [255 + (c[0] - 255) * w, 255 + (c[1] - 255) * w, 255 + (c[2] - 255) * w];
}

function bytes(b64) {
  const s = atob(b64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

function image(values, n) {
  const c = document.createElement('canvas');
  c.width = n;
  c.height = n;
  paint(c, values, n);
  return c;
}

function paint(canvas, values, n) {
  const ctx = canvas.getContext('2d');
  const img = ctx.createImageData(n, n);
  for (let i = 0; i < n * n; i++) {
    const [r, g, b] = colour(values[i] / 255);
    img.data[4 * i] = r;
    img.data[4 * i + 1] = g;
    img.data[4 * i + 2] = b;
    img.data[4 * i + 3] = 255;
  }
  ctx.putImageData(img, 0, 0);
}

function drawBoundary(b64) {
  if (!data) return;
  const canvas = $('boundary');
  const ctx = canvas.getContext('2d');
  const W = canvas.width;
  const H = canvas.height;
  ctx.imageSmoothingEnabled = true;
  ctx.drawImage(image(bytes(b64), data.grid), 0, 0, W, H);
  const [x0, x1, y0, y1] = data.extent;
  const px = (x) => ((x - x0) / (x1 - x0)) * W;
  const py = (y) => ((y1 - y) / (y1 - y0)) * H;
  const dot = (p, test) => {
    ctx.beginPath();
    ctx.arc(px(p[0]), py(p[1]), 3.5, 0, 2 * Math.PI);
    ctx.fillStyle = p[2] === 1 ? 'rgb(' + BLUE + ')' : 'rgb(' + ORANGE + ')';
    ctx.fill();
    ctx.lineWidth = test ? 2 : 1;
    ctx.strokeStyle = test ? '#000' : '#fff';
    ctx.stroke();
  };
  for (const p of data.train) dot(p, false);
  for (const p of data.test) dot(p, true);
}

function buildUnits(dims) {
  const box = $('units');
  box.textContent = '';
  if (dims.length <= 2) {
    box.textContent = 'no hidden layer: logistic regression';
    return;
  }
  for (let l = 1; l < dims.length - 1; l++) {
    const col = document.createElement('div');
    col.className = 'layer';
    const h = document.createElement('h3');
    h.textContent = 'layer ' + l;
    col.appendChild(h);
    for (let i = 0; i < dims[l]; i++) {
      const c = document.createElement('canvas');
      c.width = data.unitGrid;
      c.height = data.unitGrid;
      c.title = 'layer ' + l + ', unit ' + (i + 1);
      c.className = 'unit';
      col.appendChild(c);
    }
    box.appendChild(col);
  }
}

function drawUnits(units) {
  const cols = $('units').querySelectorAll('.layer');
  units.forEach((layer, l) => {
    if (!cols[l]) return;
    const canvases = cols[l].querySelectorAll('canvas');
    layer.forEach((b64, i) => {
      if (canvases[i]) paint(canvases[i], bytes(b64), data.unitGrid);
    });
  });
}

function addCurve(iteration, train, test) {
  if (train === null) return;
  if (curve.length && iteration < curve[curve.length - 1][0]) curve = [];
  if (curve.length && iteration === curve[curve.length - 1][0]) curve.pop();
  curve.push([iteration, train, test]);
  if (curve.length > 2000) curve = curve.filter((_, i) => i % 2 === 0);
  const maxIt = Math.max(1, curve[curve.length - 1][0]);
  let maxCost = 0;
  for (const p of curve) maxCost = Math.max(maxCost, p[1], p[2] === null ? 0 : p[2]);
  maxCost = maxCost || 1;
  const x = (it) => ((it / maxIt) * 396 + 2).toFixed(1);
  const y = (c) => (158 - (c / maxCost) * 150).toFixed(1);
  const path = (k) => curve.filter((p) => p[k] !== null).map((p, i) => (i ? 'L' : 'M') + x(p[0]) + ' ' + y(p[k])).join(' ');
  $('train-line').setAttribute('d', path(1));
  $('test-line').setAttribute('d', path(2));
  $('cost-max').textContent = 'cost ' + maxCost.toFixed(3);
  $('iter-max').textContent = maxIt.toLocaleString('en') + ' iterations';
}

// ---- buttons ----

function act(fn) {
  return async () => {
    try {
      await fn();
    } catch (e) {
      say(e.message, true);
    }
  };
}

let resetTimer = null;
function scheduleReset() {
  clearTimeout(resetTimer);
  resetTimer = setTimeout(act(reset), 250);
}

async function reset() {
  const s = await api('reset', settings());
  status = s.status;
  say('');
  setButtons();
}

function download(name, text) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function wire() {
  $('start').addEventListener('click', act(async () => {
    const s = await api('start', { speed: speed() });
    status = s.status;
    say('');
    setButtons();
  }));
  $('pause').addEventListener('click', act(async () => {
    const s = await api('pause');
    status = s.status;
    setButtons();
  }));
  $('step').addEventListener('click', act(async () => {
    await api('step', { count: 10 });
  }));
  $('reset').addEventListener('click', act(reset));
  $('speed').addEventListener('change', act(() => api('speed', { speed: speed() })));
  $('save').addEventListener('click', act(async () => {
    const s = await api('save');
    say('Saved ' + s.file + ' in ' + s.folder + '. Use it: ' + s.use);
  }));
  $('export').addEventListener('click', act(async () => {
    const run = await api('export', null, 'GET');
    download('playground-run.json', JSON.stringify(run, null, 2));
    say('Exported the run (' + run.iterations + ' iterations) as playground-run.json');
  }));
  $('data').addEventListener('change', () => { dataChanged(); scheduleReset(); });
  $('noise').addEventListener('input', showNoise);
  for (const id of ['noise', 'size', 'test-share', 'data-seed', 'hidden', 'activation', 'lr', 'seed']) {
    $(id).addEventListener('change', scheduleReset);
  }
  window.addEventListener('pagehide', () => { if (events) events.close(); });
}

wire();
open().catch((e) => {
  $('status').textContent = 'not connected';
  say(e.message, true);
});
