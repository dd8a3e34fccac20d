// Saring — every user-facing string of the web pages, in Indonesian (default) and English.
//
//   import { t, tn, getLang, setupLangSelect, onLangChange } from './i18n.js';
//   t('check.button')                 → "Periksa" | "Check"
//   t('file.tooBig', { name, size })  → placeholders are written {name}
//   tn('summary.claims', 3)           → plural-aware ({n} is the formatted number)
//
// Static markup carries data-i18n="key" (sets textContent) and
// data-i18n-attr="placeholder=key;aria-label=key" (sets attributes); applyI18n() fills them.
// The choice is remembered in localStorage ("saring.lang") and sets <html lang>.

export const LANGS = ['id', 'en'];
const STORAGE_KEY = 'saring.lang';

const STRINGS = {
  id: {
    'app.tagline': 'Saring sebelum sharing — periksa klaim pemilu sebelum membagikannya.',
    'skip.content': 'Langsung ke isi',
    'lang.label': 'Bahasa',
    'nav.label': 'Navigasi utama',
    'nav.checker': 'Pemeriksa klaim',
    'nav.bundle': 'Isi bundel sumber',

    'state.loading': 'Memuat mesin pemeriksa…',
    'state.scanning': 'Memeriksa…',
    'error.init': 'Mesin pemeriksa tidak dapat dimuat: {msg}',
    'error.check': 'Pemeriksaan gagal: {msg}',
    'error.bundle': 'Isi bundel tidak dapat dimuat: {msg}',
    'error.unknown': 'galat tidak dikenal',

    'verdict.verified': 'Sesuai data resmi',
    'verdict.contradicted': 'Bertentangan dengan data resmi',
    'verdict.debunked': 'Hoaks yang sudah dibantah',
    'verdict.unverified': 'Belum terverifikasi',
    'verdictShort.verified': 'sesuai data resmi',
    'verdictShort.contradicted': 'bertentangan',
    'verdictShort.debunked': 'hoaks',
    'verdictShort.unverified': 'belum terverifikasi',
    'verdictHelp.verified': 'Fakta resmi dengan topik yang sama cocok dengan setiap nilai yang disebut klaim.',
    'verdictHelp.contradicted': 'Fakta resmi dengan topik yang sama tidak cocok dengan nilai yang disebut klaim; nilai resminya ditampilkan.',
    'verdictHelp.debunked': 'Klaim mengulang hoaks yang sudah dinilai salah oleh pemeriksa fakta, meski ditulis ulang atau disamarkan.',
    'verdictHelp.unverified': 'Klaim tentang pemilu yang belum didukung sumber tepercaya di bundel.',

    'checker.title': 'Saring — pemeriksa klaim pemilu',
    'checker.heading': 'Periksa klaim pemilu',
    'input.label': 'Teks yang diperiksa',
    'input.placeholder': 'Tempel artikel atau draf di sini, atau seret berkas .txt / .html ke kotak ini.',
    'input.hint': 'Pemeriksaan berjalan otomatis saat Anda mengetik. Seret berkas .txt atau .html (maks. 5 MB) ke kotak teks, atau pilih berkas.',
    'file.label': 'Buka berkas (.txt, .html)',
    'file.drop': 'Lepaskan berkas untuk memeriksanya',
    'file.tooBig': 'Berkas “{name}” terlalu besar ({size}). Batasnya 5 MB; teks Anda tidak diubah.',
    'file.notText': 'Berkas “{name}” bukan berkas teks atau HTML. Pilih berkas .txt, .html atau .htm; teks Anda tidak diubah.',
    'file.notUtf8': 'Berkas “{name}” tidak dapat dibaca sebagai teks (UTF-8). Teks Anda tidak diubah.',
    'file.readFailed': 'Berkas “{name}” tidak dapat dibaca: {msg}. Teks Anda tidak diubah.',
    'file.loaded': 'Berkas “{name}” dimuat.',
    'file.loadedHtml': 'Berkas “{name}” dimuat; yang diperiksa adalah teks yang tampil di halaman itu.',
    'file.notReady': 'Mesin pemeriksa belum siap; coba lagi sebentar lagi.',
    'check.button': 'Periksa',
    'clear.button': 'Kosongkan',
    'privacy': 'Semua pemeriksaan berjalan di perangkat Anda; teks Anda tidak dikirim ke mana pun.',
    'legend.heading': 'Arti tanda',
    'results.heading': 'Hasil pemeriksaan',
    'rendered.heading': 'Teks dengan klaim yang ditandai',
    'rendered.empty': 'Teks yang Anda periksa akan tampil di sini, dengan setiap klaim pemilu ditandai.',
    'claims.heading': 'Daftar klaim',
    'claims.none': 'Tidak ada.',
    'claims.howto': 'Pilih klaim untuk melompat ke tempatnya di teks.',
    'summary.empty': 'Belum ada teks. Tempel atau ketik teks untuk mulai memeriksa.',
    'summary.claims.one': '{n} klaim pemilu ditemukan',
    'summary.claims.other': '{n} klaim pemilu ditemukan',
    'summary.noClaims': 'Tidak ada klaim pemilu yang ditemukan dalam teks ini.',
    'summary.textLang': 'Bahasa teks: {lang}',
    'summary.countsLabel': 'Jumlah per putusan',
    'langName.id': 'Indonesia',
    'langName.en': 'Inggris',
    'claim.official': 'Nilai resmi',
    'claim.reason': 'Alasan',
    'claim.sources': 'Sumber',
    'claim.noSources': 'Tanpa sumber.',
    'claim.confidence': 'Keyakinan {p}',
    'claim.confidenceLabel': 'Keyakinan',
    'claim.line': 'Baris {line}',
    'claim.inBundle': 'Lihat entri bundel',
    'link.newTab': '(membuka tab baru)',
    'export.label': 'Unduh laporan',
    'export.md': 'Laporan Markdown',
    'export.json': 'Data JSON',
    'footer.bundle': 'Bundel: {name}, versi {version} (hash {hash}) · Saring {core}',
    'footer.bundleLink': 'Lihat isi bundel',

    'report.title': 'Laporan pemeriksaan Saring',
    'report.generated': 'Dibuat',
    'report.core': 'Versi Saring',
    'report.bundle': 'Bundel',
    'report.bundleValue': '{name} ({id}), versi {version}, hash {hash}',
    'report.textLang': 'Bahasa teks',
    'report.textLen': 'Panjang teks',
    'report.bytes': '{n} bita (UTF-8)',
    'report.summary': 'Ringkasan',
    'report.verdict': 'Putusan',
    'report.count': 'Jumlah',
    'report.total': 'Total',
    'report.noClaims': 'Tidak ada klaim pemilu yang ditemukan.',
    'report.privacy': 'Diperiksa di perangkat dengan Saring; teks tidak dikirim ke mana pun.',

    'bundle.title': 'Saring — isi bundel sumber',
    'bundle.heading': 'Isi bundel sumber',
    'bundle.intro': 'Semua fakta resmi, sumber dan hoaks yang sudah dibantah yang dipakai Saring untuk memeriksa klaim. Semuanya ikut termuat di perangkat Anda.',
    'bundle.version': 'versi {version} · hash {hash}',
    'bundle.publisher': 'Penerbit',
    'bundle.license': 'Lisensi',
    'bundle.description': 'Keterangan',
    'bundle.counts': 'Isi bundel',
    'count.facts': 'fakta resmi',
    'count.debunked': 'hoaks yang dibantah',
    'count.sources': 'sumber',
    'count.entities': 'entitas (kandidat, partai, lembaga)',
    'filter.heading': 'Cari dan saring',
    'search.label': 'Cari di seluruh bundel',
    'search.placeholder': 'mis. DPT, 14 Februari, Gibran, kpu.go.id',
    'search.hint': 'Tidak membedakan huruf besar-kecil maupun tanda diakritik.',
    'filter.kind': 'Jenis sumber',
    'filter.factTopic': 'Topik fakta',
    'filter.hoaxTopic': 'Topik hoaks',
    'filter.year': 'Tahun hoaks',
    'filter.all': 'Semua',
    'filter.reset': 'Hapus saringan',
    'result.total.one': '{n} cocok',
    'result.total.other': '{n} cocok',
    'result.sources.one': '{n} sumber',
    'result.sources.other': '{n} sumber',
    'result.facts.one': '{n} fakta',
    'result.facts.other': '{n} fakta',
    'result.hoaxes.one': '{n} hoaks',
    'result.hoaxes.other': '{n} hoaks',
    'result.none': 'Tidak ada yang cocok.',
    'section.sources': 'Otoritas dan pemeriksa fakta',
    'section.facts': 'Fakta resmi',
    'section.hoaxes': 'Hoaks yang sudah dibantah',
    'section.count': '{shown} dari {total}',
    'section.jump': 'Bagian halaman',
    'showMore': 'Tampilkan {n} lagi',
    'showMore.rest': '({n} belum ditampilkan)',
    'kind.authority': 'Penyelenggara pemilu',
    'kind.government': 'Pemerintah',
    'kind.fact_checker': 'Pemeriksa fakta',
    'kind.media': 'Media berita',
    'trust.label': 'Tingkat kepercayaan',
    'trust.official': 'Resmi (sumber utama)',
    'trust.fact_checker': 'Pemeriksa fakta',
    'trust.secondary': 'Sekunder (pemberitaan media)',
    'source.domains': 'Domain',
    'source.site': 'Situs',
    'fact.value': 'Nilai resmi',
    'fact.authority': 'Otoritas',
    'fact.legalBasis': 'Dasar hukum',
    'fact.election': 'Pemilihan',
    'fact.topic': 'Topik',
    'fact.citations': 'Dibaca di',
    'fact.noDate': 'tanpa tanggal',
    'hoax.published': 'Dibantah',
    'hoax.rating': 'Penilaian',
    'hoax.reviewer': 'Pemeriksa',
    'hoax.link': 'Baca bantahan',
    'hoax.attribution': 'Atribusi',
    'hoax.topics': 'Topik',
    'hoax.variants': 'Varian yang beredar ({n})',
    'id.label': 'ID',
    'election.pemilu2024': 'Pemilu 2024',
    'election.pilkada2024': 'Pilkada 2024',
    'election.none': 'Umum',
  },
  en: {
    'app.tagline': 'Filter before you share — check election claims before passing them on.',
    'skip.content': 'Skip to content',
    'lang.label': 'Language',
    'nav.label': 'Main navigation',
    'nav.checker': 'Claim checker',
    'nav.bundle': 'Source bundle',

    'state.loading': 'Loading the checker…',
    'state.scanning': 'Checking…',
    'error.init': 'The checker could not be loaded: {msg}',
    'error.check': 'The check failed: {msg}',
    'error.bundle': 'The bundle could not be loaded: {msg}',
    'error.unknown': 'unknown error',

    'verdict.verified': 'Verified',
    'verdict.contradicted': 'Contradicts the official record',
    'verdict.debunked': 'Debunked hoax',
    'verdict.unverified': 'Unverified',
    'verdictShort.verified': 'verified',
    'verdictShort.contradicted': 'contradicted',
    'verdictShort.debunked': 'debunked',
    'verdictShort.unverified': 'unverified',
    'verdictHelp.verified': 'An official fact on the same topic agrees with every value the claim states.',
    'verdictHelp.contradicted': 'An official fact on the same topic disagrees with a value the claim states; the official value is shown.',
    'verdictHelp.debunked': 'The claim repeats a hoax a fact-checker has rated false, even reworded or disguised.',
    'verdictHelp.unverified': 'An election claim that no trusted source in the bundle backs.',

    'checker.title': 'Saring — election claim checker',
    'checker.heading': 'Check election claims',
    'input.label': 'Text to check',
    'input.placeholder': 'Paste an article or a draft here, or drop a .txt / .html file onto this box.',
    'input.hint': 'Checking runs as you type. Drop a .txt or .html file (up to 5 MB) onto the text box, or pick a file.',
    'file.label': 'Open a file (.txt, .html)',
    'file.drop': 'Drop the file to check it',
    'file.tooBig': 'The file “{name}” is too large ({size}). The limit is 5 MB; your text was not changed.',
    'file.notText': 'The file “{name}” is not a text or HTML file. Pick a .txt, .html or .htm file; your text was not changed.',
    'file.notUtf8': 'The file “{name}” cannot be read as text (UTF-8). Your text was not changed.',
    'file.readFailed': 'The file “{name}” could not be read: {msg}. Your text was not changed.',
    'file.loaded': 'Loaded “{name}”.',
    'file.loadedHtml': 'Loaded “{name}”; what is checked is the text that page shows.',
    'file.notReady': 'The checker is not ready yet; try again in a moment.',
    'check.button': 'Check',
    'clear.button': 'Clear',
    'privacy': 'Everything is checked on your device; your text is not sent anywhere.',
    'legend.heading': 'What the marks mean',
    'results.heading': 'Results',
    'rendered.heading': 'Text with claims marked',
    'rendered.empty': 'The text you check appears here, with every election claim marked.',
    'claims.heading': 'Claims',
    'claims.none': 'None.',
    'claims.howto': 'Select a claim to jump to it in the text.',
    'summary.empty': 'No text yet. Paste or type some text to start checking.',
    'summary.claims.one': '{n} election claim found',
    'summary.claims.other': '{n} election claims found',
    'summary.noClaims': 'No election claims were found in this text.',
    'summary.textLang': 'Text language: {lang}',
    'summary.countsLabel': 'Count by verdict',
    'langName.id': 'Indonesian',
    'langName.en': 'English',
    'claim.official': 'Official value',
    'claim.reason': 'Reason',
    'claim.sources': 'Sources',
    'claim.noSources': 'No sources.',
    'claim.confidence': 'Confidence {p}',
    'claim.confidenceLabel': 'Confidence',
    'claim.line': 'Line {line}',
    'claim.inBundle': 'View bundle entry',
    'link.newTab': '(opens in a new tab)',
    'export.label': 'Download the report',
    'export.md': 'Markdown report',
    'export.json': 'JSON data',
    'footer.bundle': 'Bundle: {name}, version {version} (hash {hash}) · Saring {core}',
    'footer.bundleLink': 'Browse the bundle',

    'report.title': 'Saring check report',
    'report.generated': 'Generated',
    'report.core': 'Saring version',
    'report.bundle': 'Bundle',
    'report.bundleValue': '{name} ({id}), version {version}, hash {hash}',
    'report.textLang': 'Text language',
    'report.textLen': 'Text length',
    'report.bytes': '{n} bytes (UTF-8)',
    'report.summary': 'Summary',
    'report.verdict': 'Verdict',
    'report.count': 'Count',
    'report.total': 'Total',
    'report.noClaims': 'No election claims were found.',
    'report.privacy': 'Checked on-device with Saring; the text was not sent anywhere.',

    'bundle.title': 'Saring — source bundle',
    'bundle.heading': 'Source bundle',
    'bundle.intro': 'Every official fact, source and debunked hoax Saring checks claims against. All of it is loaded on your device.',
    'bundle.version': 'version {version} · hash {hash}',
    'bundle.publisher': 'Publisher',
    'bundle.license': 'Licence',
    'bundle.description': 'Description',
    'bundle.counts': 'Bundle contents',
    'count.facts': 'official facts',
    'count.debunked': 'debunked hoaxes',
    'count.sources': 'sources',
    'count.entities': 'entities (candidates, parties, institutions)',
    'filter.heading': 'Search and filter',
    'search.label': 'Search the whole bundle',
    'search.placeholder': 'e.g. DPT, 14 February, Gibran, kpu.go.id',
    'search.hint': 'Ignores case and diacritics.',
    'filter.kind': 'Source kind',
    'filter.factTopic': 'Fact topic',
    'filter.hoaxTopic': 'Hoax topic',
    'filter.year': 'Hoax year',
    'filter.all': 'All',
    'filter.reset': 'Clear filters',
    'result.total.one': '{n} match',
    'result.total.other': '{n} matches',
    'result.sources.one': '{n} source',
    'result.sources.other': '{n} sources',
    'result.facts.one': '{n} fact',
    'result.facts.other': '{n} facts',
    'result.hoaxes.one': '{n} hoax',
    'result.hoaxes.other': '{n} hoaxes',
    'result.none': 'Nothing matches.',
    'section.sources': 'Authorities and fact-checkers',
    'section.facts': 'Official facts',
    'section.hoaxes': 'Debunked hoaxes',
    'section.count': '{shown} of {total}',
    'section.jump': 'Page sections',
    'showMore': 'Show {n} more',
    'showMore.rest': '({n} not shown yet)',
    'kind.authority': 'Election authority',
    'kind.government': 'Government',
    'kind.fact_checker': 'Fact-checker',
    'kind.media': 'News outlet',
    'trust.label': 'Trust tier',
    'trust.official': 'Official (primary source)',
    'trust.fact_checker': 'Fact-checker',
    'trust.secondary': 'Secondary (media report)',
    'source.domains': 'Domains',
    'source.site': 'Website',
    'fact.value': 'Official value',
    'fact.authority': 'Authority',
    'fact.legalBasis': 'Legal basis',
    'fact.election': 'Election',
    'fact.topic': 'Topic',
    'fact.citations': 'Read at',
    'fact.noDate': 'undated',
    'hoax.published': 'Debunked',
    'hoax.rating': 'Rating',
    'hoax.reviewer': 'Reviewer',
    'hoax.link': 'Read the debunk',
    'hoax.attribution': 'Attribution',
    'hoax.topics': 'Topics',
    'hoax.variants': 'Variants that circulated ({n})',
    'id.label': 'ID',
    'election.pemilu2024': 'Pemilu 2024 (general election)',
    'election.pilkada2024': 'Pilkada 2024 (regional elections)',
    'election.none': 'General',
  },
};

// Topic slugs of the bundle (facts and hoaxes); unknown slugs are shown as they are.
const TOPICS = {
  id: {
    disputes: 'Sengketa', institutions: 'Lembaga', participants: 'Peserta', pilkada: 'Pilkada',
    'polling-stations': 'TPS', results: 'Hasil', rulings: 'Putusan', schedule: 'Jadwal',
    seats: 'Kursi', voters: 'Pemilih',
    'anies-muhaimin': 'Anies–Muhaimin', 'ganjar-mahfud': 'Ganjar–Mahfud', 'prabowo-gibran': 'Prabowo–Gibran',
    bawaslu: 'Bawaslu', dkpp: 'DKPP', dpt: 'DPT', hasil: 'Hasil pemilu', kampanye: 'Kampanye',
    kecurangan: 'Kecurangan', kpu: 'KPU', mk: 'MK', 'pemilu-2019': 'Pemilu 2019',
    'surat-suara': 'Surat suara', tps: 'TPS',
  },
  en: {
    disputes: 'Disputes', institutions: 'Institutions', participants: 'Participants', pilkada: 'Pilkada',
    'polling-stations': 'Polling stations', results: 'Results', rulings: 'Rulings', schedule: 'Schedule',
    seats: 'Seats', voters: 'Voters',
    'anies-muhaimin': 'Anies–Muhaimin', 'ganjar-mahfud': 'Ganjar–Mahfud', 'prabowo-gibran': 'Prabowo–Gibran',
    bawaslu: 'Bawaslu', dkpp: 'DKPP', dpt: 'Voter list (DPT)', hasil: 'Election results', kampanye: 'Campaign',
    kecurangan: 'Fraud', kpu: 'KPU', mk: 'Constitutional Court (MK)', 'pemilu-2019': '2019 election',
    'surat-suara': 'Ballots', tps: 'Polling stations',
  },
};

const MONTHS = {
  id: ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

function readStored() {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return LANGS.includes(v) ? v : null;
  } catch {
    return null;
  }
}

function readQuery() {
  try {
    const v = new URLSearchParams(location.search).get('lang');
    return LANGS.includes(v) ? v : null;
  } catch {
    return null;
  }
}

let current = readQuery() || readStored() || 'id';
if (readQuery()) store(current);
document.documentElement.lang = current;
const listeners = new Set();

function store(lang) {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    /* storage unavailable (private mode, file://): the choice lasts for this page only */
  }
}

export function getLang() {
  return current;
}

/** The translation of `key` in the UI language, with {placeholders} filled from `vars`. */
export function t(key, vars) {
  let s = STRINGS[current][key];
  if (s === undefined) s = STRINGS.id[key];
  if (s === undefined) {
    console.warn(`saring i18n: no string for "${key}"`);
    return key;
  }
  return vars ? fill(s, vars) : s;
}

/** A string in every language (for search indexes that should match either). */
export function tAll(key) {
  return LANGS.map((l) => STRINGS[l][key]).filter((v) => v !== undefined);
}

/** A topic label in every language. */
export function topicLabelsAll(slug) {
  return LANGS.map((l) => TOPICS[l][slug]).filter((v) => v !== undefined);
}

/** Plural-aware: `key.one` / `key.other`, with {n} the formatted number. */
export function tn(key, n, vars = {}) {
  const form = current === 'en' && n === 1 ? 'one' : 'other';
  return t(`${key}.${form}`, { ...vars, n: fmtNumber(n) });
}

function fill(s, vars) {
  return s.replace(/\{(\w+)\}/g, (m, name) => (name in vars ? String(vars[name]) : m));
}

/** A reason/statement object {id, en}: the UI language, else the other one. */
export function pick(obj) {
  if (obj == null) return '';
  if (typeof obj === 'string') return obj;
  return obj[current] ?? obj.id ?? obj.en ?? '';
}

export function topicLabel(slug) {
  return TOPICS[current][slug] ?? slug;
}

export function fmtNumber(n) {
  return new Intl.NumberFormat(current === 'id' ? 'id-ID' : 'en-GB').format(n);
}

export function fmtPercent(x) {
  return new Intl.NumberFormat(current === 'id' ? 'id-ID' : 'en-GB', {
    style: 'percent',
    maximumFractionDigits: 0,
  }).format(x);
}

/** "2024-01-08" → "8 Januari 2024" / "8 January 2024"; "2024-01" → "Januari 2024"; else as is. */
export function fmtDate(s, lang = current) {
  if (typeof s !== 'string') return '';
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(s);
  if (!m) return s;
  const months = MONTHS[lang] ?? MONTHS.id;
  const month = m[2] ? months[Number(m[2]) - 1] : null;
  if (m[2] && !month) return s;
  if (m[3]) return `${Number(m[3])} ${month} ${m[1]}`;
  if (m[2]) return `${month} ${m[1]}`;
  return m[1];
}

/** "5,3 MB" — rounded up, so that a file just over a limit never reads as the limit. */
export function fmtBytes(n) {
  const nf = (v, d) =>
    new Intl.NumberFormat(current === 'id' ? 'id-ID' : 'en-GB', { maximumFractionDigits: d }).format(v);
  if (n >= 1024 * 1024) return `${nf(Math.ceil((n / (1024 * 1024)) * 10) / 10, 1)} MB`;
  if (n >= 1024) return `${nf(Math.ceil(n / 1024), 0)} KB`;
  return `${nf(n, 0)} B`;
}

/** Fills data-i18n / data-i18n-attr elements under `root`. */
export function applyI18n(root = document) {
  for (const el of root.querySelectorAll('[data-i18n]')) {
    el.textContent = t(el.dataset.i18n);
  }
  for (const el of root.querySelectorAll('[data-i18n-attr]')) {
    for (const pair of el.dataset.i18nAttr.split(';')) {
      const [attr, key] = pair.split('=').map((s) => s.trim());
      if (attr && key) el.setAttribute(attr, t(key));
    }
  }
}

export function setLang(lang) {
  if (!LANGS.includes(lang) || lang === current) return;
  current = lang;
  store(lang);
  document.documentElement.lang = lang;
  applyI18n();
  const select = document.getElementById('lang');
  if (select && select.value !== lang) select.value = lang;
  for (const fn of listeners) fn(lang);
}

export function onLangChange(fn) {
  listeners.add(fn);
}

/** Binds <select id="lang"> and fills the static strings. */
export function setupLangSelect() {
  const select = document.getElementById('lang');
  if (select) {
    select.value = current;
    select.addEventListener('change', () => setLang(select.value));
  }
  applyI18n();
  // Another tab changed the language: follow it.
  window.addEventListener('storage', (e) => {
    if (e.key === STORAGE_KEY && LANGS.includes(e.newValue)) setLang(e.newValue);
  });
}
