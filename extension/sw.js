// Saring — the background: the badge and the context menu. Nothing else, and no network.
//
// Runs as Chromium's module service worker and as Firefox's background script, so it has no
// import/export and no top-level await, and registers every listener synchronously on each
// start (a stopped worker is restarted for an event only if its listener is registered then).
//
// Badge: every frame's content script sends {type:'saring:counts', counts} after each scan; the
// badge of the tab shows contradicted + debunked (+ unverified when sensitivity is 'all') summed
// over its frames, on red. The per-frame counts are kept in storage.session so that a restarted
// worker still adds them up right; navigation (tabs.onUpdated status 'loading') clears them.

const api = globalThis.browser ?? globalThis.chrome;

const MENU_ID = 'saring-check';
const BADGE_COLOR = '#c5221f';
const SESSION_KEY = 'badgeFrames';

/** tabId -> { frameId: counts } */
const frames = new Map();
let restored = null;

function restore() {
  if (!restored) {
    restored = (async () => {
      try {
        const got = await api.storage.session?.get(SESSION_KEY);
        const saved = got?.[SESSION_KEY];
        if (saved && typeof saved === 'object') {
          for (const [tab, byFrame] of Object.entries(saved)) {
            const id = Number(tab);
            // Events that arrived while restoring are newer: keep them.
            if (!frames.has(id)) frames.set(id, byFrame);
          }
        }
      } catch { /* no session storage: start empty */ }
    })();
  }
  return restored;
}

function persist() {
  try {
    const p = api.storage.session?.set({ [SESSION_KEY]: Object.fromEntries(frames) });
    if (p && typeof p.catch === 'function') p.catch(() => {});
  } catch { /* ignore */ }
}

function num(v) {
  const n = Number(v);
  return Number.isFinite(n) && n > 0 ? n : 0;
}

async function sensitivity() {
  try {
    const { sensitivity: s } = await api.storage.local.get('sensitivity');
    return s === 'problems' ? 'problems' : 'all';
  } catch {
    return 'all';
  }
}

function attention(counts, sens) {
  return num(counts?.contradicted) + num(counts?.debunked) + (sens === 'all' ? num(counts?.unverified) : 0);
}

function ignore(p) {
  if (p && typeof p.catch === 'function') p.catch(() => {});
}

async function showBadge(tabId) {
  const sens = await sensitivity();
  let n = 0;
  for (const c of Object.values(frames.get(tabId) ?? {})) n += attention(c, sens);
  const text = n === 0 ? '' : n > 999 ? '999+' : String(n);
  try {
    ignore(api.action.setBadgeText({ tabId, text }));
    if (text) {
      ignore(api.action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOR }));
      if (api.action.setBadgeTextColor) ignore(api.action.setBadgeTextColor({ tabId, color: '#ffffff' }));
    }
    const title = n === 0 ? api.i18n.getMessage('actionTitle') : api.i18n.getMessage('actionTitleCount', [String(n)]);
    ignore(api.action.setTitle({ tabId, title }));
  } catch { /* the tab is gone */ }
}

async function onCounts(msg, sender) {
  const tabId = sender?.tab?.id;
  if (typeof tabId !== 'number' || tabId < 0) return;
  await restore();
  const frameId = typeof sender.frameId === 'number' ? sender.frameId : 0;
  const byFrame = { ...(frames.get(tabId) ?? {}) };
  const c = msg.counts && typeof msg.counts === 'object' ? msg.counts : {};
  byFrame[frameId] = {
    verified: num(c.verified), contradicted: num(c.contradicted), debunked: num(c.debunked), unverified: num(c.unverified),
  };
  frames.set(tabId, byFrame);
  persist();
  await showBadge(tabId);
}

async function forget(tabId, clear) {
  await restore();
  if (frames.delete(tabId)) persist();
  if (clear) {
    try {
      ignore(api.action.setBadgeText({ tabId, text: '' }));
      ignore(api.action.setTitle({ tabId, title: api.i18n.getMessage('actionTitle') }));
    } catch { /* ignore */ }
  }
}

// ---- the context menu -------------------------------------------------------------------------

/** The messages of `lang` ('id' or 'en') from the extension's own _locales, or null. */
async function messagesOf(lang) {
  if (lang !== 'id' && lang !== 'en') return null;
  try {
    return await (await fetch(api.runtime.getURL(`_locales/${lang}/messages.json`))).json();
  } catch {
    return null; // the browser's language answers through chrome.i18n
  }
}

/** The menu's title in the language chosen in the options (the browser's otherwise). */
async function menuTitle() {
  let lang = null;
  try {
    ({ lang } = await api.storage.local.get('lang'));
  } catch { /* the browser's */ }
  const messages = await messagesOf(lang);
  return messages?.contextMenuCheck?.message || api.i18n.getMessage('contextMenuCheck') || 'Saring';
}

// ---- the claim card's words ----------------------------------------------------------------

const CARD_LABELS = {
  verified: 'verdictVerified', contradicted: 'verdictContradicted', debunked: 'verdictDebunked',
  unverified: 'verdictUnverified', officialValue: 'cardOfficialValue', sources: 'cardSources',
  dismiss: 'cardDismiss', report: 'cardReport', close: 'cardClose',
};

/** The card's words in `lang` ('id' or 'en'), from the extension's own _locales. */
async function cardLabels(lang) {
  const out = {};
  const messages = await messagesOf(lang);
  for (const [name, key] of Object.entries(CARD_LABELS)) {
    out[name] = messages?.[key]?.message || api.i18n.getMessage(key) || '';
  }
  return out;
}

async function createMenu() {
  try {
    await api.contextMenus.removeAll();
    api.contextMenus.create({
      id: MENU_ID,
      title: api.i18n.getMessage('contextMenuCheck') || 'Saring',
      contexts: ['selection'],
    }, () => { void api.runtime.lastError; });
    await updateMenuTitle();
  } catch { /* ignore */ }
}

async function updateMenuTitle() {
  try {
    ignore(api.contextMenus.update(MENU_ID, { title: await menuTitle() }));
  } catch { /* not created yet */ }
}

// ---- listeners: registered synchronously, on every start ----------------------------------------

api.runtime.onInstalled.addListener(() => { createMenu(); });

api.contextMenus.onClicked.addListener((info, tab) => {
  if (info.menuItemId !== MENU_ID || typeof tab?.id !== 'number' || tab.id < 0) return;
  const options = typeof info.frameId === 'number' ? { frameId: info.frameId } : undefined;
  try {
    ignore(api.tabs.sendMessage(tab.id, { type: 'saring:checkSelection', text: info.selectionText ?? '' }, options));
  } catch { /* no content script there (a browser page): nothing to check */ }
});

api.runtime.onMessage.addListener((msg, sender, sendResponse) => {
  if (msg?.type === 'saring:counts') {
    onCounts(msg, sender).catch(() => {});
  } else if (msg?.type === 'saring:labels' && sender.id === api.runtime.id) {
    cardLabels(msg.lang).then(sendResponse, () => sendResponse({}));
    return true; // answered asynchronously
  }
  return false; // no answer
});

api.tabs.onUpdated.addListener((tabId, change) => {
  if (change.status === 'loading') forget(tabId, true).catch(() => {});
});

api.tabs.onRemoved.addListener((tabId) => {
  forget(tabId, false).catch(() => {});
});

api.storage.onChanged.addListener((changes, area) => {
  if (area !== 'local') return;
  if ('lang' in changes) updateMenuTitle();
  if ('sensitivity' in changes) {
    restore().then(() => { for (const tabId of frames.keys()) showBadge(tabId); }).catch(() => {});
  }
});
