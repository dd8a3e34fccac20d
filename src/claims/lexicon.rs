//! Election vocabulary in Indonesian and English, and the vocabularies that say a sentence is
//! about something else.
//!
//! Terms are folded roots; affixed forms are found through [`crate::text::stem`]. Strong terms
//! make a sentence an election sentence on their own ("pilpres", "surat suara"); weak terms
//! ("partai", "pemilihan", "suara", "menang") only count when the document is about the
//! election, because a football "partai final" or a beauty-pageant "pemilihan" uses them too.

use std::sync::OnceLock;

use crate::text::phrases::PhraseSet;

/// What a lexicon phrase says about the sentence it appears in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Term {
    /// Unambiguously about elections.
    Strong,
    /// About elections only in an election context.
    Weak,
    /// Another domain that borrows election words (sport, weather, cooking, pageants).
    OffTopic,
    /// A verb or adjective that asserts a checkable fact.
    Assertive,
    /// Hope, opinion, appeal: not a checkable claim.
    Opinion,
    /// Words of a refutation: a sentence saying a hoax is false is not the hoax.
    Refutes,
    /// A region below the national level: national counts do not apply to it.
    Region,
}

/// A leading '=' marks a word matched only as written: "pemilih" (voter) must not match
/// "pemilihan", which is also a beauty pageant's.
const STRONG_ID: &[&str] = &[
    "=pemilih",
    "=pemilihnya",
    "pemilu",
    "pemilihan umum",
    "pilpres",
    "pileg",
    "pilkada",
    "pemilukada",
    "pilgub",
    "pilbup",
    "pilwalkot",
    "kpu",
    "kpud",
    "kpu ri",
    "bawaslu",
    "panwaslu",
    "panwascam",
    "dkpp",
    "tps",
    "tpsln",
    "dpt",
    "dps",
    "dptb",
    "dpk",
    "daftar pemilih",
    "daftar pemilih tetap",
    "surat suara",
    "kotak suara",
    "bilik suara",
    "pemungutan suara",
    "penghitungan suara",
    "hitung suara",
    "perolehan suara",
    "suara sah",
    "rekapitulasi",
    "rekapitulasi suara",
    "kampanye",
    "capres",
    "cawapres",
    "caleg",
    "calon presiden",
    "calon wakil presiden",
    "calon legislatif",
    "calon kepala daerah",
    "paslon",
    "pasangan calon",
    "quick count",
    "real count",
    "hitung cepat",
    "sirekap",
    "kpps",
    "ppk",
    "pps",
    "ppln",
    "pantarlih",
    "coblos",
    "nyoblos",
    "golput",
    "politik uang",
    "serangan fajar",
    "debat capres",
    "debat cawapres",
    "presiden terpilih",
    "wakil presiden terpilih",
    "peserta pemilu",
    "tahapan pemilu",
    "penyelenggara pemilu",
    "masa tenang",
    "ambang batas parlemen",
    "parliamentary threshold",
    "kursi dpr",
    "partai politik",
    "parpol",
    "elektabilitas",
    "putaran kedua",
    "pemungutan suara ulang",
    "psu",
    "sengketa pemilu",
    "sengketa hasil",
    "phpu",
    "pemilihan presiden",
    "pemilihan legislatif",
    "pemilihan kepala daerah",
    "pemilihan gubernur",
    "pemilihan bupati",
    "pemilihan wali kota",
    "pemilihan walikota",
    "pemilihan serentak",
    "komisi pemilihan umum",
    "badan pengawas pemilu",
    "badan pengawas pemilihan umum",
    "pelantikan presiden",
    "hak pilih",
    "pemilih pemula",
    "suara terbanyak",
    "partai peserta",
];

const STRONG_EN: &[&str] = &[
    "election",
    "elections",
    "electoral",
    "ballot",
    "ballots",
    "polling station",
    "polling stations",
    "voter",
    "voters",
    "vote count",
    "vote counting",
    "campaign period",
    "presidential candidate",
    "vice presidential candidate",
    "running mate",
    "candidate pair",
    "general elections commission",
    "general election commission",
    "election supervisory",
    "quick count",
    "real count",
    "presidential race",
    "presidential election",
    "legislative election",
    "regional election",
    "regional elections",
    "voter list",
    "voter turnout",
    "turnout",
    "polls open",
    "polls close",
    "election day",
    "voting day",
    "electoral roll",
    "vote rigging",
    "president-elect",
    "vice president-elect",
];

const WEAK: &[&str] = &[
    "partai",
    "pemilihan",
    "suara",
    "calon",
    "presiden",
    "wakil presiden",
    "menang",
    "kalah",
    "unggul",
    "kursi",
    "dukung",
    "koalisi",
    "debat",
    "survei",
    "lantik",
    "gubernur",
    "bupati",
    "walikota",
    "wali kota",
    "dpr",
    "mpr",
    "dprd",
    "dpd",
    "mahkamah konstitusi",
    "mk",
    "legislatif",
    "politik",
    "demokrasi",
    "pilih",
    "vote",
    "votes",
    "president",
    "party",
    "parties",
    "poll",
    "polls",
    "candidate",
    "candidates",
    "campaign",
    "seats",
    "governor",
    "parliament",
    "constitutional court",
    "democracy",
    "win",
    "won",
    "winner",
    "pemenang",
];

const OFF_TOPIC: &[&str] = &[
    // sport
    "sepak bola",
    "sepakbola",
    "pertandingan",
    "liga",
    "gol",
    "skor",
    "babak",
    "klub",
    "pemain",
    "pelatih",
    "timnas",
    "turnamen",
    "kejuaraan",
    "piala",
    "bulu tangkis",
    "bulutangkis",
    "basket",
    "voli",
    "atlet",
    "olahraga",
    "kick off",
    "penalti",
    "football",
    "soccer",
    "match",
    "league",
    "goal",
    "goals",
    "coach",
    "tournament",
    "championship",
    "striker",
    "midfielder",
    // pageants and entertainment
    "puteri indonesia",
    "putri indonesia",
    "miss",
    "kontes",
    "kecantikan",
    "finalis",
    "ratu kecantikan",
    "pageant",
    "beauty",
    "idol",
    "audisi",
    "konser",
    "film",
    "sinetron",
    // weather and disasters
    "cuaca",
    "hujan",
    "suhu",
    "bmkg",
    "prakiraan",
    "berawan",
    "celsius",
    "gempa",
    "weather",
    "rain",
    "temperature",
    "forecast",
    // cooking
    "resep",
    "sendok",
    "adonan",
    "tepung",
    "gram",
    "goreng",
    "rebus",
    "panggang",
    "mentega",
    "recipe",
    "tablespoon",
    "teaspoon",
    "flour",
    "bake",
];

const ASSERTIVE: &[&str] = &[
    "tetapkan",
    "tetapan",
    "umumkan",
    "putus",
    "putuskan",
    "menang",
    "unggul",
    "kalah",
    "peroleh",
    "raih",
    "dapatkan",
    "capai",
    "terpilih",
    "lantik",
    "diskualifikasi",
    "batal",
    "batalkan",
    "undur",
    "tunda",
    "curang",
    "manipulasi",
    "gelembung",
    "hilang",
    "coret",
    "tolak",
    "kabul",
    "kabulkan",
    "digelar",
    "menggelar",
    "dilaksanakan",
    "berlangsung",
    "dimulai",
    "berakhir",
    "resmi",
    "sah",
    "terbukti",
    "mengaku",
    "mengakui",
    "diakui",
    "bagikan",
    "catat",
    "tercatat",
    "sebanyak",
    "sebesar",
    "jumlah",
    "total",
    "won",
    "wins",
    "announced",
    "declared",
    "ruled",
    "rejected",
    "elected",
    "inaugurated",
    "rigged",
    "fraud",
    "postponed",
    "cancelled",
    "canceled",
    "disqualified",
    "confirmed",
    "held",
    "began",
    "begins",
    "ended",
    "ends",
    "obtained",
    "secured",
    "received",
    "recorded",
    "totalled",
    "totaled",
    "reached",
];

const OPINION: &[&str] = &[
    "menurut saya",
    "menurut kami",
    "saya kira",
    "saya rasa",
    "saya pikir",
    "kami harap",
    "semoga",
    "berharap",
    "harap",
    "mari",
    "ayo",
    "yuk",
    "jangan",
    "mohon",
    "silakan",
    "i think",
    "we hope",
    "let us",
    "let's",
    "please",
];

const REFUTES: &[&str] = &[
    "hoaks",
    "hoax",
    "hoaxes",
    "tidak benar",
    "bukan fakta",
    "keliru",
    "menyesatkan",
    "disinformasi",
    "misinformasi",
    "klarifikasi",
    "faktanya",
    "cek fakta",
    "dibantah",
    "membantah",
    "bantah",
    "salah",
    "palsu",
    "fitnah",
    "debunked",
    "false",
    "fake",
    "misleading",
    "not true",
    "fact check",
    "fact-check",
    "denied",
    "untrue",
];

const REGIONS: &[&str] = &[
    "provinsi",
    "kabupaten",
    "kota",
    "kecamatan",
    "kelurahan",
    "desa",
    "dapil",
    "daerah pemilihan",
    "kpu provinsi",
    "kpu kabupaten",
    "kpu kota",
    "kpud",
    "aceh",
    "sumatera utara",
    "sumut",
    "sumatera barat",
    "sumbar",
    "riau",
    "kepulauan riau",
    "kepri",
    "jambi",
    "sumatera selatan",
    "sumsel",
    "bengkulu",
    "lampung",
    "bangka belitung",
    "babel",
    "banten",
    "jakarta",
    "dki",
    "jawa barat",
    "jabar",
    "jawa tengah",
    "jateng",
    "yogyakarta",
    "diy",
    "jawa timur",
    "jatim",
    "bali",
    "nusa tenggara barat",
    "ntb",
    "nusa tenggara timur",
    "ntt",
    "kalimantan barat",
    "kalbar",
    "kalimantan tengah",
    "kalteng",
    "kalimantan selatan",
    "kalsel",
    "kalimantan timur",
    "kaltim",
    "kalimantan utara",
    "kaltara",
    "sulawesi utara",
    "sulut",
    "sulawesi tengah",
    "sulteng",
    "sulawesi selatan",
    "sulsel",
    "sulawesi tenggara",
    "sultra",
    "gorontalo",
    "sulawesi barat",
    "sulbar",
    "maluku",
    "maluku utara",
    "malut",
    "papua",
    "papua barat",
    "papua selatan",
    "papua tengah",
    "papua pegunungan",
    "papua barat daya",
    "pontianak",
    "surabaya",
    "bandung",
    "medan",
    "makassar",
    "semarang",
    "province",
    "regency",
    "district",
];

/// Every election word, strong and weak, as written in the lists.
pub fn topic_words() -> impl Iterator<Item = &'static str> {
    STRONG_ID
        .iter()
        .chain(STRONG_EN)
        .chain(WEAK)
        .map(|w| w.trim_start_matches('='))
}

/// The static lexicon, built once.
pub fn lexicon() -> &'static PhraseSet<Term> {
    static LEX: OnceLock<PhraseSet<Term>> = OnceLock::new();
    LEX.get_or_init(|| {
        let mut p = PhraseSet::new();
        for (list, term) in [
            (WEAK, Term::Weak),
            (OFF_TOPIC, Term::OffTopic),
            (ASSERTIVE, Term::Assertive),
            (OPINION, Term::Opinion),
            (STRONG_ID, Term::Strong),
            (STRONG_EN, Term::Strong),
        ] {
            for w in list {
                // Short abbreviations must match as written: "pps" is not an affixed form.
                if let Some(exact) = w.strip_prefix('=') {
                    p.insert_exact(exact, term);
                } else if w.len() <= 4 && !w.contains(' ') {
                    p.insert_exact(w, term);
                } else {
                    p.insert(w, term);
                }
            }
        }
        p
    })
}

/// Refutation words, separate so that they never hide a topic term at the same position.
pub fn refutations() -> &'static PhraseSet<Term> {
    static LEX: OnceLock<PhraseSet<Term>> = OnceLock::new();
    LEX.get_or_init(|| {
        let mut p = PhraseSet::new();
        for w in REFUTES {
            p.insert(w, Term::Refutes);
        }
        p
    })
}

/// Regions below the national level, separate for the same reason.
pub fn regions() -> &'static PhraseSet<Term> {
    static LEX: OnceLock<PhraseSet<Term>> = OnceLock::new();
    LEX.get_or_init(|| {
        let mut p = PhraseSet::new();
        for w in REGIONS {
            p.insert_exact(w, Term::Region);
        }
        p
    })
}

/// Lines that are page furniture, not text: "Baca juga: …", "Editor : …", "Posting Komentar".
pub fn is_chrome(folded_sentence: &str) -> bool {
    const PREFIXES: &[&str] = &[
        "baca juga",
        "baca:",
        "baca :",
        "lihat juga",
        "simak juga",
        "simak:",
        "editor",
        "penulis",
        "reporter",
        "pewarta",
        "penyunting",
        "sumber:",
        "sumber :",
        "foto:",
        "foto :",
        "posting komentar",
        "komentar",
        "bagikan",
        "share",
        "tags",
        "tag:",
        "copyright",
        "©",
        "advertisement",
        "iklan",
        "scroll to continue",
        "related",
        "read more",
        "read also",
        "follow",
        "ikuti",
        "artikel terkait",
        "berita terkait",
        "caption",
        "redaktur",
        "kontributor",
    ];
    let s = folded_sentence.trim_start_matches(|c: char| !c.is_alphanumeric() && c != '©');
    if PREFIXES.iter().any(|p| s.starts_with(p)) {
        return true;
    }
    // "0 Komentar", "12 comments"
    let mut parts = s.split_whitespace();
    if let (Some(a), Some(b), None) = (parts.next(), parts.next(), parts.next()) {
        return a.bytes().all(|c| c.is_ascii_digit())
            && matches!(
                b,
                "komentar" | "comments" | "comment" | "shares" | "views" | "dilihat"
            );
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::normalize::fold;
    use crate::text::phrases::Words;
    use crate::text::tokens::tokenize;

    fn terms(s: &str) -> Vec<Term> {
        let w = Words::new(tokenize(&fold(s), 0));
        lexicon().find(&w).into_iter().map(|h| h.value).collect()
    }

    #[test]
    fn strong_terms_through_affixes() {
        assert!(terms("Para caleg berkampanye di pasar").contains(&Term::Strong));
        assert!(terms("Surat suara tercoblos").contains(&Term::Strong));
        assert!(terms("The General Elections Commission said").contains(&Term::Strong));
    }

    #[test]
    fn ambiguous_words_are_weak() {
        let t = terms("Persib menang di partai final liga");
        assert!(!t.contains(&Term::Strong));
        assert!(t.contains(&Term::OffTopic));
        assert!(!terms("Pemilihan Puteri Indonesia 2024 digelar").contains(&Term::Strong));
    }

    #[test]
    fn chrome_lines() {
        for s in [
            "Posting Komentar",
            "0 Komentar",
            "Editor : Danyputra",
            "Baca Juga : JMSI-KPU Kalbar",
        ] {
            assert!(is_chrome(&fold(s)), "{s}");
        }
        assert!(!is_chrome(&fold("KPU menetapkan 18 partai")));
    }
}
