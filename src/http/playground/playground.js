/* global document, window, fetch, localStorage, crypto, URL */
/**
 * The playground page: talks to the assistant as any web user through the JSON API. Every
 * assistant message comes from the user's outbox (GET, polled), never from the POST answer,
 * so a message is shown exactly once even when a POST is retried or a notice arrives.
 */

const API = '/api/playground/messages';
const USER_ID = /^[\w.-]{1,64}$/;
/** Same value as PLAYGROUND_ADMIN_ID in src/config/settings.ts. */
const ADMIN_ID = 'admin';
const POLL_MS = 1000;

const byTestId = (id) => document.querySelector(`[data-testid="${id}"]`);
const list = byTestId('messages');
const userBox = byTestId('user-id');
const adminSwitch = byTestId('admin-switch');
const composer = byTestId('composer');
const input = byTestId('composer-input');
const status = byTestId('status');

const state = { userId: '', lastSeq: 0, generation: 0, collaboratorId: 'ctv-demo' };
/** Each user's transcript is kept while the page lives, so switching back shows it again. */
const transcripts = new Map();

// ——— Rendering ———

const ENTITIES = { lt: '<', gt: '>', amp: '&', quot: '"', '#39': "'" };

/**
 * The catalogue's HTML subset as DOM: every piece of text becomes a text node (so nothing
 * the server sends is ever parsed as markup) and only <b> and <i> become elements.
 */
function richText(text) {
  const root = document.createDocumentFragment();
  const open = [root];
  for (const part of String(text).split(/(<\/?[bi]>)/)) {
    const tag = /^<(\/?)([bi])>$/.exec(part);
    const parent = open[open.length - 1];
    if (!tag) {
      if (part) parent.append(part.replace(/&(lt|gt|amp|quot|#39);/g, (_, e) => ENTITIES[e]));
    } else if (!tag[1]) {
      open.push(parent.appendChild(document.createElement(tag[2])));
    } else if (open.length > 1 && parent.localName === tag[2]) {
      open.pop();
    }
  }
  return root;
}

function element(tag, className, testId) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (testId) node.dataset.testid = testId;
  return node;
}

/** Only web links and same-site paths; a `javascript:` URL would run in the page. */
function safeUrl(value) {
  try {
    const url = new URL(String(value), window.location.href);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function timeOf(at) {
  const date = at ? new Date(at) : new Date();
  return date.toLocaleTimeString('vi-VN', { hour: '2-digit', minute: '2-digit' });
}

/** A message row, not yet on the page: fill its bubble, then `place` it. */
function row(className, testId, at) {
  const node = element('li', `msg ${className}`, testId);
  node.appendChild(element('div', 'bubble'));
  node.appendChild(element('time', 'time')).textContent = timeOf(at);
  return node;
}

/** Appends a filled row; follows the conversation unless the reader scrolled up to read. */
function place(node) {
  const following = list.scrollHeight - list.scrollTop - list.clientHeight < 80;
  list.append(node);
  if (following || node.classList.contains('me')) list.scrollTop = list.scrollHeight;
}

function showText(className, testId, text) {
  const node = row(className, testId);
  node.firstChild.textContent = text;
  place(node);
}

const showOwn = (text) => showText('me', 'own-message', text);
const showNote = (text) => showText('note', 'note', text);

function showReply({ seq, reply, at }) {
  const node = row('bot', 'message', at);
  const bubble = node.firstChild;
  node.dataset.seq = seq;
  bubble.appendChild(element('div', 'text')).append(richText(reply.text ?? ''));

  const photo = reply.photo && safeUrl(reply.photo);
  if (photo) {
    const link = bubble.appendChild(element('a', 'photo', 'photo'));
    link.href = photo;
    link.target = '_blank';
    link.rel = 'noopener';
    const image = link.appendChild(document.createElement('img'));
    image.src = photo;
    image.alt = 'Ảnh · Photo';
    image.loading = 'lazy';
  }
  if (reply.file) bubble.append(fileLink(reply.file));

  for (const row of reply.choices ?? []) {
    const line = bubble.appendChild(element('div', 'choices'));
    for (const choice of row) {
      const button = line.appendChild(element('button', 'choice', 'choice'));
      button.type = 'button';
      button.textContent = choice.label;
      button.addEventListener('click', () => send({ payload: choice.payload }, choice.label));
    }
  }
  if (reply.requestContact) {
    const button = bubble.appendChild(element('button', 'choice contact', 'share-phone'));
    button.type = 'button';
    button.textContent = '📱 Chia sẻ số điện thoại · Share phone';
    button.addEventListener('click', sharePhone);
  }
  place(node);
}

/** The outbox keeps a file's name and size; it is a link only when the server gives a URL. */
function fileLink(file) {
  const href = file.url && safeUrl(file.url);
  const node = element(href ? 'a' : 'span', 'file', 'file');
  const size = file.size ? ` (${Math.max(1, Math.round(file.size / 1024))} KB)` : '';
  node.textContent = `📄 ${file.name ?? 'file'}${size}`;
  if (href) {
    node.href = href;
    node.download = file.name ?? '';
  }
  return node;
}

// ——— Talking to the API ———

function clientId() {
  return crypto.randomUUID?.() ?? `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

const sleep = (ms) => new Promise((resolve) => window.setTimeout(resolve, ms));

/**
 * Sends one message. A network failure is retried with the same client id, which the
 * server handles once, so a retry never registers anyone twice.
 */
async function send(fields, shown) {
  const body = JSON.stringify({ userId: state.userId, clientId: clientId(), ...fields });
  showOwn(shown);
  for (let attempt = 1; attempt <= 3; attempt++) {
    try {
      const response = await fetch(API, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body,
      });
      if (!response.ok) {
        const answer = await response.json().catch(() => ({}));
        showNote(`⚠️ ${answer.error?.message ?? `HTTP ${response.status}`}`);
      }
      break;
    } catch {
      if (attempt === 3) showNote('⚠️ Không kết nối được máy chủ · Cannot reach the server');
      else await sleep(400 * attempt);
    }
  }
  await poll();
}

function sharePhone() {
  const phone = window.prompt('Số điện thoại của bạn · Your phone number', '0912 345 678');
  if (phone && phone.trim()) send({ contact: { phone: phone.trim() } }, `📱 ${phone.trim()}`);
}

let queued = Promise.resolve();
let waiting = 0;

/** One poll at a time; a poll asked for meanwhile runs once after it, so nothing is missed. */
function poll() {
  if (waiting > 1) return queued;
  waiting++;
  queued = queued.then(pollOnce).finally(() => waiting--);
  return queued;
}

async function pollOnce() {
  const { userId, generation } = state;
  try {
    const query = `userId=${encodeURIComponent(userId)}&after=${state.lastSeq}`;
    const response = await fetch(`${API}?${query}`);
    const answer = await response.json();
    if (generation !== state.generation) return;
    if (!response.ok) throw new Error(answer.error?.message);

    for (const message of answer.messages) {
      if (message.seq <= state.lastSeq) continue;
      showReply(message);
      state.lastSeq = message.seq;
    }
    status.dataset.online = 'yes';
    if (state.lastSeq === 0 && list.children.length === 0) showNote(hint());
  } catch {
    status.dataset.online = 'no';
  }
}

function hint() {
  return state.userId === ADMIN_ID
    ? 'Bạn đang là quản trị viên: gõ /pending để xem đăng ký chờ duyệt. · You are the admin.'
    : 'Gõ /start để đăng ký làm cộng tác viên. · Type /start to register.';
}

// ——— Who is talking ———

function switchUser(userId) {
  if (userId === state.userId) return;
  if (state.userId) {
    transcripts.set(state.userId, { rows: [...list.children], lastSeq: state.lastSeq });
  }
  const saved = transcripts.get(userId);
  list.replaceChildren(...(saved?.rows ?? []));
  list.scrollTop = list.scrollHeight;
  Object.assign(state, { userId, lastSeq: saved?.lastSeq ?? 0, generation: state.generation + 1 });

  userBox.value = userId;
  userBox.disabled = userId === ADMIN_ID;
  adminSwitch.checked = userId === ADMIN_ID;
  document.body.classList.toggle('admin', userId === ADMIN_ID);
  if (userId !== ADMIN_ID) state.collaboratorId = userId;
  try {
    localStorage.setItem('playground.userId', userId);
  } catch {
    // Private windows may refuse storage; the page works without it.
  }
  poll();
}

function storedUserId() {
  try {
    return localStorage.getItem('playground.userId');
  } catch {
    return null;
  }
}

userBox.addEventListener('change', () => {
  const userId = userBox.value.trim();
  if (USER_ID.test(userId)) switchUser(userId);
  else userBox.value = state.userId;
});
byTestId('who').addEventListener('submit', (event) => {
  event.preventDefault();
  userBox.dispatchEvent(new window.Event('change'));
});
adminSwitch.addEventListener('change', () => {
  switchUser(adminSwitch.checked ? ADMIN_ID : state.collaboratorId);
});

composer.addEventListener('submit', (event) => {
  event.preventDefault();
  const text = input.value;
  if (!text.trim()) return;
  input.value = '';
  send({ text }, text);
});
for (const button of byTestId('quick').querySelectorAll('button')) {
  button.addEventListener('click', () => send({ text: button.dataset.text }, button.dataset.text));
}

const first = storedUserId();
switchUser(first && USER_ID.test(first) ? first : userBox.value);
window.setInterval(() => {
  if (!document.hidden) poll();
}, POLL_MS);
input.focus();
