//! Folding text into the one form every later stage reads.
//!
//! Hoaxes are written to slip past keyword filters: `KECUR4NG4N`, `КРU` with Cyrillic letters,
//! zero-width joiners between letters, full-width `ＫＰＵ`. Every later stage (segmentation,
//! extraction, lexicon, hoax matching) works on the folded text, so the folding happens once,
//! here, and keeps a map back to the original bytes so that claim spans always point into the
//! text the reader sees.
//!
//! The folding is compatibility decomposition (the "K" of NFKC), removal of combining marks,
//! full case folding and a confusables table. Marks are dropped rather than recomposed because
//! Indonesian and English election text never depends on them, while obfuscated text often adds
//! them. Digits and punctuation are kept as they are: numbers and dates are read from this text.
//! Leetspeak digits are folded later, per word, where it is known that a digit sits inside a word.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Folded text plus, for every byte of it, the offset of the original char it came from.
#[derive(Debug, Clone)]
pub struct Normalized {
    pub text: String,
    /// `map[i]` is the original byte offset of the char that produced folded byte `i`;
    /// `map[text.len()]` is the original length.
    map: Vec<u32>,
}

impl Normalized {
    /// Folds `original`. Linear in its length.
    ///
    /// Texts longer than 4 GiB are not supported by the offset map; callers split them first
    /// (the engine caps a single check far below that).
    pub fn new(original: &str) -> Self {
        let mut text = String::with_capacity(original.len());
        let mut map = Vec::with_capacity(original.len() + 1);
        let mut buf = [0u8; 4];
        for (pos, c) in original.char_indices() {
            let pos = pos as u32;
            if c.is_ascii() {
                text.push(c.to_ascii_lowercase());
                map.push(pos);
                continue;
            }
            if is_invisible(c) {
                continue;
            }
            if c == '\u{2028}' || c == '\u{2029}' {
                text.push('\n');
                map.push(pos);
                continue;
            }
            for d in std::iter::once(c).nfkd() {
                if is_combining_mark(d) {
                    continue;
                }
                for l in d.to_lowercase() {
                    let f = confusable(l);
                    let s = f.encode_utf8(&mut buf);
                    text.push_str(s);
                    map.extend(std::iter::repeat_n(pos, s.len()));
                }
            }
        }
        map.push(original.len() as u32);
        Normalized { text, map }
    }

    /// The original byte offset where folded byte `i` came from.
    pub fn orig_start(&self, i: usize) -> usize {
        self.map[i.min(self.map.len() - 1)] as usize
    }

    /// The original span covered by folded span `a..b` (`a < b`): from the start of the first
    /// source char to the end of the last one.
    pub fn orig_span(&self, original: &str, a: usize, b: usize) -> (usize, usize) {
        let start = self.orig_start(a);
        if b <= a {
            return (start, start);
        }
        let last = self.orig_start(b - 1);
        let end = original[last..]
            .chars()
            .next()
            .map_or(original.len(), |c| last + c.len_utf8());
        (start, end)
    }
}

/// Characters with no visible form that obfuscators slip between letters: zero-width
/// space/joiners, soft hyphen, bidi controls, word joiner, BOM, variation selectors, tags.
pub fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}'
        | '\u{180B}'..='\u{180F}'
        | '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{206F}'
        | '\u{3164}' | '\u{FEFF}' | '\u{FFA0}'
        | '\u{FE00}'..='\u{FE0F}'
        | '\u{1BCA0}'..='\u{1BCA3}'
        | '\u{E0000}'..='\u{E0FFF}')
}

/// Maps a lowercase letter that looks like a Latin letter (Cyrillic, Greek, small capitals, a
/// few symbols used as letters in hoaxes) to that Latin letter.
pub fn confusable(c: char) -> char {
    match c {
        // Cyrillic
        'а' => 'a',
        'в' | 'ь' => 'b',
        'с' | 'ϲ' => 'c',
        'ԁ' => 'd',
        'е' | 'є' | 'э' => 'e',
        'һ' | 'н' => 'h',
        'і' | 'ї' | 'ӏ' => 'i',
        'ј' => 'j',
        'к' | 'ќ' => 'k',
        'м' => 'm',
        'п' | 'и' => 'n',
        'о' | 'ө' => 'o',
        'р' => 'p',
        'ԛ' => 'q',
        'г' | 'ѓ' => 'r',
        'ѕ' => 's',
        'т' => 't',
        'џ' | 'ц' => 'u',
        'ѵ' => 'v',
        'ԝ' | 'ш' => 'w',
        'х' | 'ж' => 'x',
        'у' | 'ү' => 'y',
        // Greek
        'α' | 'δ' => 'a',
        'β' => 'b',
        'ε' | 'ξ' => 'e',
        'η' | 'π' => 'n',
        'ι' => 'i',
        'κ' => 'k',
        'μ' | 'υ' => 'u',
        'ν' => 'v',
        'ο' | 'σ' | 'ς' | 'θ' => 'o',
        'ρ' => 'p',
        'τ' => 't',
        'χ' => 'x',
        'γ' => 'y',
        'ζ' => 'z',
        'ω' => 'w',
        // small capitals ("ᴋᴘᴜ ᴄᴜʀᴀɴɢ"), which compatibility decomposition leaves alone
        'ᴀ' => 'a',
        'ʙ' => 'b',
        'ᴄ' => 'c',
        'ᴅ' => 'd',
        'ᴇ' => 'e',
        'ꜰ' => 'f',
        'ɢ' => 'g',
        'ʜ' => 'h',
        'ɪ' => 'i',
        'ᴊ' => 'j',
        'ᴋ' => 'k',
        'ʟ' => 'l',
        'ᴍ' => 'm',
        'ɴ' => 'n',
        'ᴏ' => 'o',
        'ᴘ' => 'p',
        'ʀ' => 'r',
        'ꜱ' => 's',
        'ᴛ' => 't',
        'ᴜ' => 'u',
        'ᴠ' => 'v',
        'ᴡ' => 'w',
        'ʏ' => 'y',
        'ᴢ' => 'z',
        // apostrophes: "Ma’ruf" and "Ma'ruf" are one name, "Jum’at" one word
        '’' | '‘' | 'ʼ' | '`' | '´' => '\'',
        // symbols used as letters in obfuscated hoaxes ("T£RB0NGK∆R")
        '∆' | '∧' | 'λ' => 'a',
        '£' | '€' => 'e',
        '¥' => 'y',
        'ø' | 'ɵ' => 'o',
        'ß' => 's',
        'ı' => 'i',
        'ł' => 'l',
        'đ' => 'd',
        _ => c,
    }
}

/// Convenience for code that only needs the folded string (lexicons, bundle terms).
pub fn fold(s: &str) -> String {
    Normalized::new(s).text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_width_marks_and_invisibles() {
        assert_eq!(fold("ＫＰＵ Kalbar"), "kpu kalbar");
        assert_eq!(fold("K\u{200B}P\u{200D}U"), "kpu");
        assert_eq!(fold("Pemilu\u{FEFF}"), "pemilu");
        assert_eq!(fold("café"), "cafe");
        assert_eq!(fold("cafe\u{301}"), "cafe");
        assert_eq!(fold("ﬁnal"), "final");
    }

    #[test]
    fn folds_homoglyphs() {
        // Cyrillic К and Р, Latin U
        assert_eq!(fold("\u{041A}\u{0420}U"), "kpu");
        assert_eq!(fold("T£RB0NGK∆R"), "terb0ngkar");
        assert_eq!(fold("ΒΑWΑSLU"), "bawaslu");
        assert_eq!(fold("ᴋᴘᴜ ᴛᴇᴍᴜᴋᴀɴ ʙᴜᴋᴛɪ"), "kpu temukan bukti");
        assert_eq!(fold("𝐊𝐏𝐔 ⓚⓟⓤ K\u{336}P\u{336}U\u{336}"), "kpu kpu kpu");
    }

    #[test]
    fn keeps_digits_and_punctuation() {
        assert_eq!(
            fold("204.807.222, 58,59% (19/12/22)"),
            "204.807.222, 58,59% (19/12/22)"
        );
    }

    #[test]
    fn map_points_back_to_original_chars() {
        let orig = "a\u{200B}ＫＰＵ é!";
        let n = Normalized::new(orig);
        assert_eq!(n.text, "akpu e!");
        let k = n.text.find('k').unwrap();
        let u = n.text.find('u').unwrap();
        let (s, e) = n.orig_span(orig, k, u + 1);
        assert_eq!(&orig[s..e], "ＫＰＵ");
        let ee = n.text.find('e').unwrap();
        let (s, e) = n.orig_span(orig, ee, ee + 1);
        assert_eq!(&orig[s..e], "é");
        assert_eq!(n.orig_start(n.text.len()), orig.len());
    }

    #[test]
    fn expanding_lowercase_maps_every_byte() {
        let orig = "İx";
        let n = Normalized::new(orig);
        let x = n.text.find('x').unwrap();
        assert_eq!(n.orig_start(x), orig.find('x').unwrap());
    }
}
