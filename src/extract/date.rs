//! Date expressions in normalised Indonesian and English news sentences.
//!
//! Claims are checked against the election calendar, so a date has to come
//! out together with how much of it the text actually states: news copy says
//! "november 2023" or "14 februari" as often as it gives a full date, and a
//! span such as "28 november 2023 hingga 10 februari 2024" is one claim about
//! a period, not two unrelated dates.
//!
//! The scanner is hand-written over a token list instead of regular
//! expressions for two reasons. The grammar needs neighbour checks that a
//! regex would express only with look-around (thousand separators like
//! `1.750.474`, phone numbers, `pemilu2024`). And every attempt looks at a
//! bounded number of tokens from its starting point, which keeps the pass
//! linear in the input however hostile the text is.
//!
//! Memory is linear too: one small token record per digit run, letter run
//! or punctuation character.

use std::ops::RangeInclusive;

/// A calendar date that may be only partly known ("november 2023" has no day).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PartialDate {
    pub year: Option<i32>,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl PartialDate {
    pub const fn new(year: Option<i32>, month: Option<u8>, day: Option<u8>) -> Self {
        PartialDate { year, month, day }
    }

    /// Whether the known parts can belong to one real calendar day.
    ///
    /// A day without a month cannot be checked against anything, so it is
    /// rejected; a yearless 29 February is accepted because some year has it.
    /// A year on its own is a well-formed partial date even though the
    /// extractor never reports one (a bare year in news text is too often a
    /// count, a period name or part of "pemilu 2024").
    pub fn is_valid(&self) -> bool {
        match (self.month, self.day) {
            (None, None) => self.year.is_some(),
            (None, Some(_)) => false,
            (Some(m), None) => (1..=12).contains(&m),
            (Some(m), Some(d)) => d >= 1 && d <= days_in_month(self.year, m),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateValue {
    Single(PartialDate),
    Range(PartialDate, PartialDate),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMatch {
    /// byte span in the input, covering the whole expression (weekday included when present)
    pub start: usize,
    pub end: usize,
    pub value: DateValue,
    /// 1 = Monday … 7 = Sunday, when a weekday name is written right before the date
    pub weekday: Option<u8>,
}

/// Gregorian leap-year rule; the election calendar never predates 1582.
pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Length of `month` in `year`, or 0 when `month` is not 1..=12.
///
/// The year is optional because "29 februari" written without a year still
/// names a real day, so an unknown year gets the leap-year length.
pub fn days_in_month(year: Option<i32>, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 => match year {
            Some(y) if !is_leap_year(y) => 28,
            _ => 29,
        },
        _ => 0,
    }
}

/// All date expressions in `s`, in order, non-overlapping. Linear time in s.len(); never panics.
pub fn extract_dates(s: &str) -> Vec<DateMatch> {
    let toks = tokenize(s);
    let sc = Scanner { toks: &toks };
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if sc.left_ok(i)
            && let Some((m, next)) = sc.expr_at(i)
        {
            out.push(m);
            // `next` is always past `i`; `max` only guards the loop's progress.
            i = next.max(i + 1);
            continue;
        }
        i += 1;
    }
    out
}

/// Four-digit numbers outside this window are far more often counts
/// ("november 1000 orang") than years in election reporting, while the
/// window still covers independence-era dates such as 17 agustus 1945.
const YEARS: RangeInclusive<u32> = 1800..=2199;

/// Words longer than this are never keywords, so classification stays O(1)
/// even for a megabyte-long letter run.
const MAX_KEYWORD_BYTES: usize = 12;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Word {
    /// `ambiguous` names ("mei", "may", every abbreviation) are ordinary words
    /// often enough that they only count next to a day number or a year.
    Month {
        month: u8,
        abbrev: bool,
        ambiguous: bool,
    },
    Weekday(u8),
    /// hingga, sampai, sd, to, until, till, through, thru
    Connector,
    /// "dengan" completes "sampai dengan"
    Dengan,
    /// the halves of "s.d." and "s/d"
    S,
    D,
    /// tanggal / tgl. may sit between a weekday or connector and the date
    Tanggal {
        abbrev: bool,
    },
    Bulan,
    Tahun,
    Of,
    /// st / nd / rd / th glued to a day number
    Ordinal,
    /// the "t" of an ISO date-time
    T,
    /// English words that may follow a yearless "february 14"; see
    /// `Scanner::english_day_can_end`.
    EnglishFollow,
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// `value` saturates; only runs of at most four digits are ever used.
    Num {
        value: u32,
        len: usize,
    },
    Word(Word),
    Punct(char),
}

#[derive(Debug, Clone, Copy)]
struct Tok {
    start: usize,
    end: usize,
    kind: Kind,
}

fn classify(w: &str) -> Word {
    if w.len() > MAX_KEYWORD_BYTES {
        return Word::Other;
    }
    let full = |month| Word::Month {
        month,
        abbrev: false,
        ambiguous: false,
    };
    let abbr = |month| Word::Month {
        month,
        abbrev: true,
        ambiguous: true,
    };
    match w {
        "januari" | "january" => full(1),
        "jan" => abbr(1),
        "februari" | "febuari" | "pebruari" | "february" | "febuary" => full(2),
        "feb" | "peb" => abbr(2),
        "maret" | "march" => full(3),
        "mar" => abbr(3),
        "april" => full(4),
        "apr" => abbr(4),
        "mei" | "may" => Word::Month {
            month: 5,
            abbrev: false,
            ambiguous: true,
        },
        "juni" | "june" => full(6),
        "jun" => abbr(6),
        "juli" | "july" => full(7),
        "jul" => abbr(7),
        "agustus" | "august" => full(8),
        "agu" | "agt" | "ags" | "aug" => abbr(8),
        "september" => full(9),
        "sept" | "sep" => abbr(9),
        "oktober" | "october" => full(10),
        "okt" | "oct" => abbr(10),
        "november" | "nopember" => full(11),
        "nov" | "nop" => abbr(11),
        "desember" | "december" => full(12),
        "des" | "dec" => abbr(12),
        "senin" | "monday" => Word::Weekday(1),
        "selasa" | "tuesday" => Word::Weekday(2),
        "rabu" | "wednesday" => Word::Weekday(3),
        "kamis" | "thursday" => Word::Weekday(4),
        "jumat" | "jum'at" | "jum\u{2019}at" | "friday" => Word::Weekday(5),
        "sabtu" | "saturday" => Word::Weekday(6),
        "minggu" | "ahad" | "sunday" => Word::Weekday(7),
        "hingga" | "sampai" | "sd" | "to" | "until" | "till" | "through" | "thru" => {
            Word::Connector
        }
        "dengan" | "dgn" => Word::Dengan,
        "s" => Word::S,
        "d" => Word::D,
        "tanggal" => Word::Tanggal { abbrev: false },
        "tgl" => Word::Tanggal { abbrev: true },
        "bulan" => Word::Bulan,
        "tahun" => Word::Tahun,
        "of" => Word::Of,
        "st" | "nd" | "rd" | "th" => Word::Ordinal,
        "t" => Word::T,
        "at" | "in" | "on" | "the" | "and" | "or" | "was" | "is" | "when" | "as" | "by" | "for" => {
            Word::EnglishFollow
        }
        _ => Word::Other,
    }
}

/// Splits into digit runs, letter runs (an inner apostrophe keeps "jum'at"
/// whole) and single punctuation characters; whitespace only separates, and
/// whether two tokens touch is recovered from their byte offsets.
fn tokenize(s: &str) -> Vec<Tok> {
    let mut toks = Vec::new();
    let mut it = s.char_indices().peekable();
    while let Some((start, c)) = it.next() {
        if c.is_whitespace() {
            continue;
        }
        if let Some(first) = c.to_digit(10).filter(|_| c.is_ascii_digit()) {
            let (mut value, mut len, mut end) = (first, 1usize, start + 1);
            while let Some(&(j, d)) = it.peek() {
                let Some(digit) = d.to_digit(10).filter(|_| d.is_ascii_digit()) else {
                    break;
                };
                value = value.saturating_mul(10).saturating_add(digit);
                len += 1;
                end = j + 1;
                it.next();
            }
            toks.push(Tok {
                start,
                end,
                kind: Kind::Num { value, len },
            });
        } else if c.is_alphabetic() {
            let mut end = start + c.len_utf8();
            while let Some(&(j, d)) = it.peek() {
                if d.is_alphabetic() {
                    end = j + d.len_utf8();
                    it.next();
                } else if d == '\'' || d == '\u{2019}' {
                    let mut look = it.clone();
                    look.next();
                    match look.peek() {
                        Some(&(k, e)) if e.is_alphabetic() => {
                            end = k + e.len_utf8();
                            it = look;
                            it.next();
                        }
                        _ => break,
                    }
                } else {
                    break;
                }
            }
            let text = s.get(start..end).unwrap_or("");
            toks.push(Tok {
                start,
                end,
                kind: Kind::Word(classify(text)),
            });
        } else {
            toks.push(Tok {
                start,
                end: start + c.len_utf8(),
                kind: Kind::Punct(c),
            });
        }
    }
    toks
}

/// Characters that join digit groups into one number (thousands, decimals,
/// times, fractions); a date part touching one of them is part of something else.
fn is_joiner(c: char) -> bool {
    matches!(c, '.' | ',' | ':' | '/')
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '\u{2013}' | '\u{2014}' | '\u{2212}')
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// A date that stands on its own.
    Complete,
    /// "february 14" without a year: complete, but "february 10-14, 2024"
    /// lets a bare day after the connector borrow its month.
    MonthDayOnly,
    /// "11" in "11-13 februari": only meaningful as a range start.
    BareDay,
    /// "november" in "november - desember 2023": only a range start.
    BareMonth,
}

#[derive(Debug, Clone, Copy)]
struct Piece {
    date: PartialDate,
    /// token index just after the piece (past an abbreviation's dot)
    next: usize,
    /// byte end for the span (a trailing abbreviation dot is left out,
    /// since at the end of an expression it is usually the full stop)
    end: usize,
    shape: Shape,
}

struct MonthTok {
    month: u8,
    ambiguous: bool,
    next: usize,
    end: usize,
}

struct DayTok {
    day: u8,
    next: usize,
    end: usize,
    ordinal: bool,
}

struct YearTok {
    year: i32,
    next: usize,
    end: usize,
}

/// Every method looks at a fixed number of tokens from its argument, which
/// is what makes `extract_dates` linear.
struct Scanner<'t> {
    toks: &'t [Tok],
}

impl Scanner<'_> {
    fn kind(&self, i: usize) -> Option<Kind> {
        self.toks.get(i).map(|t| t.kind)
    }

    fn num(&self, i: usize) -> Option<(u32, usize)> {
        match self.kind(i) {
            Some(Kind::Num { value, len }) => Some((value, len)),
            _ => None,
        }
    }

    fn word(&self, i: usize) -> Option<Word> {
        match self.kind(i) {
            Some(Kind::Word(w)) => Some(w),
            _ => None,
        }
    }

    fn punct(&self, i: usize) -> Option<char> {
        match self.kind(i) {
            Some(Kind::Punct(c)) => Some(c),
            _ => None,
        }
    }

    fn start(&self, i: usize) -> usize {
        self.toks.get(i).map_or(0, |t| t.start)
    }

    fn end(&self, i: usize) -> usize {
        self.toks.get(i).map_or(0, |t| t.end)
    }

    /// Token `i` touches token `i - 1` with no whitespace between them.
    fn glued(&self, i: usize) -> bool {
        match (
            i.checked_sub(1).and_then(|p| self.toks.get(p)),
            self.toks.get(i),
        ) {
            (Some(a), Some(b)) => a.end == b.start,
            _ => false,
        }
    }

    /// Whether an expression may begin at token `i`: it must not be the tail
    /// of a longer number ("1.750.474"), of a word ("pemilu2024") or of an
    /// Indonesian ordinal ("ke-14").
    fn left_ok(&self, i: usize) -> bool {
        if i == 0 || !self.glued(i) {
            return true;
        }
        match self.kind(i - 1) {
            Some(Kind::Num { .. }) | Some(Kind::Word(_)) => false,
            Some(Kind::Punct(c)) if is_joiner(c) => {
                !(i >= 2 && self.glued(i - 1) && self.num(i - 2).is_some())
            }
            Some(Kind::Punct(c)) if is_dash(c) => {
                !(i >= 2 && self.glued(i - 1) && self.word(i - 2).is_some())
            }
            _ => true,
        }
    }

    /// Token `i`, right after a number, makes that number part of something
    /// longer: letters ("2024an") or another digit group ("2024.5").
    fn runs_on(&self, i: usize) -> bool {
        if !self.glued(i) {
            return false;
        }
        match self.kind(i) {
            Some(Kind::Word(_)) => true,
            Some(Kind::Punct(c)) if is_joiner(c) => self.glued(i + 1) && self.num(i + 1).is_some(),
            _ => false,
        }
    }

    fn day_at(&self, i: usize) -> Option<DayTok> {
        let (value, len) = self.num(i)?;
        if len > 2 || !(1..=31).contains(&value) {
            return None;
        }
        let mut tok = DayTok {
            day: u8::try_from(value).ok()?,
            next: i + 1,
            end: self.end(i),
            ordinal: false,
        };
        if self.glued(i + 1) {
            match self.kind(i + 1) {
                Some(Kind::Word(Word::Ordinal)) => {
                    tok.next = i + 2;
                    tok.end = self.end(i + 1);
                    tok.ordinal = true;
                }
                Some(Kind::Word(_)) => return None,
                Some(Kind::Punct(c)) if is_joiner(c) && self.glued(i + 2) => {
                    // "14,2024" is a cramped "14, 2024"; anything else glued
                    // on ("14.5", "14/2", "10:30") is a decimal, fraction or time.
                    if let Some((_, l)) = self.num(i + 2)
                        && !(c == ',' && l == 4)
                    {
                        return None;
                    }
                }
                _ => {}
            }
        }
        Some(tok)
    }

    fn year_at(&self, i: usize) -> Option<YearTok> {
        let (value, len) = self.num(i)?;
        let glued_to_word = self.glued(i) && i >= 1 && self.word(i - 1).is_some();
        if len != 4 || !YEARS.contains(&value) || glued_to_word || self.runs_on(i + 1) {
            return None;
        }
        Some(YearTok {
            year: i32::try_from(value).ok()?,
            next: i + 1,
            end: self.end(i),
        })
    }

    fn month_at(&self, i: usize) -> Option<MonthTok> {
        let Some(Word::Month {
            month,
            abbrev,
            ambiguous,
        }) = self.word(i)
        else {
            return None;
        };
        let next = if abbrev && self.punct(i + 1) == Some('.') && self.glued(i + 1) {
            i + 2
        } else {
            i + 1
        };
        Some(MonthTok {
            month,
            ambiguous,
            next,
            end: self.end(i),
        })
    }

    /// "tanggal", "tgl." or "bulan" written before a date; not part of it.
    fn skip_filler(&self, i: usize) -> usize {
        match self.word(i) {
            Some(Word::Tanggal { abbrev: true })
                if self.punct(i + 1) == Some('.') && self.glued(i + 1) =>
            {
                i + 2
            }
            Some(Word::Tanggal { .. }) | Some(Word::Bulan) => i + 1,
            _ => i,
        }
    }

    /// Returns the weekday (if any), where the date itself should start, and
    /// whether the weekday opened a parenthesis ("rabu (14/2/2024)").
    fn weekday_prefix(&self, i: usize) -> (Option<u8>, usize, bool) {
        let Some(Word::Weekday(w)) = self.word(i) else {
            return (None, i, false);
        };
        let mut j = i + 1;
        if self.punct(j) == Some(',') {
            j += 1;
        }
        let paren = self.punct(j) == Some('(');
        if paren {
            j += 1;
        }
        (Some(w), self.skip_filler(j), paren)
    }

    /// Index just past a range connector at `i`.
    fn connector_at(&self, i: usize) -> Option<usize> {
        match self.kind(i)? {
            Kind::Punct(c) if is_dash(c) => Some(i + 1),
            Kind::Word(Word::Connector) => Some(if self.word(i + 1) == Some(Word::Dengan) {
                i + 2
            } else {
                i + 1
            }),
            Kind::Word(Word::S) => {
                let sep = self.punct(i + 1)?;
                if !((sep == '.' || sep == '/')
                    && self.glued(i + 1)
                    && self.word(i + 2) == Some(Word::D)
                    && self.glued(i + 2))
                {
                    return None;
                }
                Some(if self.punct(i + 3) == Some('.') && self.glued(i + 3) {
                    i + 4
                } else {
                    i + 3
                })
            }
            _ => None,
        }
    }

    /// Whether a yearless English "february 14" may end before token `i`.
    /// Indonesian copy puts counts after month names ("november 10 daerah"),
    /// so the day must be followed by punctuation, the end of the sentence, a
    /// range connector or a common English function word.
    fn english_day_can_end(&self, i: usize) -> bool {
        match self.kind(i) {
            None => true,
            Some(Kind::Punct(c)) => {
                is_dash(c)
                    || matches!(
                        c,
                        ',' | '.'
                            | ';'
                            | ':'
                            | ')'
                            | '!'
                            | '?'
                            | '"'
                            | '\''
                            | '\u{201c}'
                            | '\u{201d}'
                            | '\u{2018}'
                            | '\u{2019}'
                    )
            }
            Some(Kind::Word(w)) => matches!(w, Word::Connector | Word::S | Word::EnglishFollow),
            Some(Kind::Num { .. }) => false,
        }
    }

    /// d/m/yyyy, d/m/yy, d-m-yyyy, d.m.yyyy and ISO yyyy-mm-dd. Day-first is
    /// the Indonesian convention; month-first numeric dates are not read.
    fn numeric_at(&self, i: usize) -> Option<Piece> {
        let (a, al) = self.num(i)?;
        let sep = self.punct(i + 1)?;
        if !matches!(sep, '/' | '-' | '.')
            || self.punct(i + 3) != Some(sep)
            || !(1..=4).all(|k| self.glued(i + k))
        {
            return None;
        }
        let (b, bl) = self.num(i + 2)?;
        let (c, cl) = self.num(i + 4)?;
        let (year, month, day) = if al == 4 && sep != '.' && bl <= 2 && cl <= 2 {
            (a, b, c)
        } else if al <= 2 && bl <= 2 && (cl == 4 || (cl == 2 && sep != '.')) {
            // Dotted groups with a two-digit tail are too often plain numbers.
            let year = match (cl, c) {
                (2, yy) if yy <= 69 => 2000 + yy,
                (2, yy) => 1900 + yy,
                (_, yyyy) => yyyy,
            };
            (year, b, a)
        } else {
            return None;
        };
        if !YEARS.contains(&year) {
            return None;
        }
        let after = i + 5;
        if self.glued(after) {
            match self.kind(after) {
                Some(Kind::Word(Word::T))
                    if self.glued(after + 1) && self.num(after + 1).is_some() => {}
                Some(Kind::Word(_)) => return None,
                Some(Kind::Punct(c))
                    if is_joiner(c) && self.glued(after + 1) && self.num(after + 1).is_some() =>
                {
                    return None;
                }
                _ => {}
            }
        }
        let date = PartialDate::new(
            Some(i32::try_from(year).ok()?),
            Some(u8::try_from(month).ok()?),
            Some(u8::try_from(day).ok()?),
        );
        date.is_valid().then_some(Piece {
            date,
            next: after,
            end: self.end(i + 4),
            shape: Shape::Complete,
        })
    }

    /// "14 februari [tahun] 2024", "14th of february 2024", "14 feb".
    fn day_first_at(&self, i: usize) -> Option<Piece> {
        let day = self.day_at(i)?;
        let mut k = day.next;
        if self.word(k) == Some(Word::Of) && self.month_at(k + 1).is_some() {
            k += 1;
        }
        let month = self.month_at(k)?;
        let year_idx = if self.word(month.next) == Some(Word::Tahun) {
            month.next + 1
        } else {
            month.next
        };
        let (year, next, end) = match self.year_at(year_idx) {
            Some(y) => (Some(y.year), y.next, y.end),
            None => (None, month.next, month.end),
        };
        let date = PartialDate::new(year, Some(month.month), Some(day.day));
        date.is_valid().then_some(Piece {
            date,
            next,
            end,
            shape: Shape::Complete,
        })
    }

    /// Whether token `i` comes right after a day number ("31", "31st",
    /// "31st of"). A month there was already tried as day-first, so if that
    /// failed the day was impossible ("31 februari 2024") and the month must
    /// not be salvaged as "februari 2024".
    fn follows_day_number(&self, i: usize) -> bool {
        let mut p = i;
        if p >= 1 && self.word(p - 1) == Some(Word::Of) {
            p -= 1;
        }
        if p >= 2 && self.word(p - 1) == Some(Word::Ordinal) && self.glued(p - 1) {
            p -= 1;
        }
        p >= 1 && matches!(self.num(p - 1), Some((_, len)) if len <= 2)
    }

    /// "february 14, 2024", "feb. 14th 2024", "february 14", "november 2023".
    fn month_first_at(&self, i: usize) -> Option<Piece> {
        if self.follows_day_number(i) {
            return None;
        }
        let month = self.month_at(i)?;
        let (date, next, end, shape) = if let Some(day) = self.day_at(month.next) {
            let year_idx = if self.punct(day.next) == Some(',') {
                day.next + 1
            } else {
                day.next
            };
            let (year, next, end, shape) = match self.year_at(year_idx) {
                Some(y) => (Some(y.year), y.next, y.end, Shape::Complete),
                None if day.ordinal || self.english_day_can_end(day.next) => {
                    (None, day.next, day.end, Shape::MonthDayOnly)
                }
                None => return None,
            };
            let date = PartialDate::new(year, Some(month.month), Some(day.day));
            (date, next, end, shape)
        } else {
            let year_idx = if self.word(month.next) == Some(Word::Tahun) {
                month.next + 1
            } else {
                month.next
            };
            let y = self.year_at(year_idx)?;
            (
                PartialDate::new(Some(y.year), Some(month.month), None),
                y.next,
                y.end,
                Shape::Complete,
            )
        };
        date.is_valid().then_some(Piece {
            date,
            next,
            end,
            shape,
        })
    }

    fn single_at(&self, i: usize) -> Option<Piece> {
        self.numeric_at(i)
            .or_else(|| self.day_first_at(i))
            .or_else(|| self.month_first_at(i))
    }

    /// A complete date, or a bare day / unambiguous bare month that is
    /// directly followed by a range connector.
    fn start_at(&self, i: usize) -> Option<Piece> {
        if let Some(p) = self.single_at(i) {
            return Some(p);
        }
        if let Some(day) = self.day_at(i)
            && self.connector_at(day.next).is_some()
        {
            return Some(Piece {
                date: PartialDate::new(None, None, Some(day.day)),
                next: day.next,
                end: day.end,
                shape: Shape::BareDay,
            });
        }
        let month = self.month_at(i)?;
        (!month.ambiguous && self.connector_at(month.next).is_some()).then_some(Piece {
            date: PartialDate::new(None, Some(month.month), None),
            next: month.next,
            end: month.end,
            shape: Shape::BareMonth,
        })
    }

    /// The date after a range connector at token `k`.
    fn end_at(&self, k: usize, start: &Piece) -> Option<Piece> {
        let k = self.skip_filler(k);
        let (_, j, paren) = self.weekday_prefix(k);
        if let Some(mut p) = self.single_at(j) {
            if paren && self.punct(p.next) == Some(')') {
                p.end = self.end(p.next);
                p.next += 1;
            }
            return Some(p);
        }
        if start.shape != Shape::MonthDayOnly {
            return None;
        }
        // "february 10-14, 2024": the end is a bare day in the start's month.
        let day = self.day_at(k)?;
        let year_idx = if self.punct(day.next) == Some(',') {
            day.next + 1
        } else {
            day.next
        };
        let (year, next, end) = match self.year_at(year_idx) {
            Some(y) => (Some(y.year), y.next, y.end),
            None if day.ordinal || self.english_day_can_end(day.next) => (None, day.next, day.end),
            None => return None,
        };
        Some(Piece {
            date: PartialDate::new(year, start.date.month, Some(day.day)),
            next,
            end,
            shape: Shape::Complete,
        })
    }

    fn expr_at(&self, i: usize) -> Option<(DateMatch, usize)> {
        let (weekday, j, paren) = self.weekday_prefix(i);
        let start = self.start_at(j)?;
        let range = self
            .connector_at(start.next)
            .and_then(|k| self.end_at(k, &start))
            .and_then(|end| combine(&start, &end).map(|(a, b)| (a, b, end)));
        let (value, mut end, mut next) = match range {
            Some((a, b, e)) => (DateValue::Range(a, b), e.end, e.next),
            None if matches!(start.shape, Shape::Complete | Shape::MonthDayOnly) => {
                (DateValue::Single(start.date), start.end, start.next)
            }
            None => return None,
        };
        if paren && self.punct(next) == Some(')') {
            end = self.end(next);
            next += 1;
        }
        Some((
            DateMatch {
                start: self.start(i),
                end,
                value,
                weekday,
            },
            next,
        ))
    }
}

/// Fills in what a range leaves implicit and rejects impossible ranges.
///
/// Writers drop the parts the two ends share: "11-13 februari 2024" gives
/// the month and year once, "28 november - 10 februari 2024" gives the year
/// once even though the range crosses new year, hence the step back a year
/// when the start month is later than the end month.
fn combine(start: &Piece, end: &Piece) -> Option<(PartialDate, PartialDate)> {
    let mut a = start.date;
    let mut b = end.date;
    if start.shape == Shape::BareDay {
        b.day?;
        a.month = b.month;
        a.year = b.year;
    }
    match (a.year, b.year) {
        (None, Some(y)) => {
            a.year = Some(if a.month > b.month {
                y.checked_sub(1)?
            } else {
                y
            })
        }
        (Some(y), None) => {
            b.year = Some(if b.month < a.month {
                y.checked_add(1)?
            } else {
                y
            })
        }
        _ => {}
    }
    (a.is_valid() && b.is_valid() && in_order(&a, &b)).then_some((a, b))
}

/// A missing day counts as the start of the month for the first end and the
/// end of the month for the last. Without years, different months may
/// legitimately wrap across new year, so only same-month ranges are checked.
fn in_order(a: &PartialDate, b: &PartialDate) -> bool {
    let first = (a.month, a.day.unwrap_or(0));
    let last = (b.month, b.day.unwrap_or(u8::MAX));
    match (a.year, b.year) {
        (Some(x), Some(y)) => (x, first) <= (y, last),
        _ => a.month != b.month || first <= last,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u8, d: u8) -> PartialDate {
        PartialDate::new(Some(y), Some(m), Some(d))
    }

    fn ym(y: i32, m: u8) -> PartialDate {
        PartialDate::new(Some(y), Some(m), None)
    }

    fn md(m: u8, d: u8) -> PartialDate {
        PartialDate::new(None, Some(m), Some(d))
    }

    /// The one match in `s`, as (span text, value, weekday).
    fn only(s: &str) -> (&str, DateValue, Option<u8>) {
        let ms = extract_dates(s);
        check_invariants(s, &ms);
        assert_eq!(
            ms.len(),
            1,
            "expected exactly one date in {s:?}, got {ms:?}"
        );
        let m = &ms[0];
        (&s[m.start..m.end], m.value, m.weekday)
    }

    fn single(s: &str, span: &str, date: PartialDate) {
        let (got_span, value, _) = only(s);
        assert_eq!(got_span, span, "span in {s:?}");
        assert_eq!(value, DateValue::Single(date), "value in {s:?}");
    }

    fn range(s: &str, span: &str, a: PartialDate, b: PartialDate) {
        let (got_span, value, _) = only(s);
        assert_eq!(got_span, span, "span in {s:?}");
        assert_eq!(value, DateValue::Range(a, b), "value in {s:?}");
    }

    fn none(s: &str) {
        let ms = extract_dates(s);
        check_invariants(s, &ms);
        assert!(ms.is_empty(), "expected no date in {s:?}, got {ms:?}");
    }

    fn spans(s: &str) -> Vec<&str> {
        let ms = extract_dates(s);
        check_invariants(s, &ms);
        ms.iter().map(|m| &s[m.start..m.end]).collect()
    }

    fn check_invariants(s: &str, ms: &[DateMatch]) {
        let mut prev_end = 0;
        for m in ms {
            assert!(m.start < m.end && m.end <= s.len(), "bad span {m:?}");
            assert!(s.is_char_boundary(m.start) && s.is_char_boundary(m.end));
            assert!(m.start >= prev_end, "overlap or disorder at {m:?}");
            prev_end = m.end;
            match m.value {
                DateValue::Single(d) => assert!(d.is_valid() && d.month.is_some(), "{m:?}"),
                DateValue::Range(a, b) => {
                    assert!(a.is_valid() && b.is_valid(), "{m:?}");
                    assert!(a.month.is_some() && b.month.is_some(), "{m:?}");
                }
            }
            if let Some(w) = m.weekday {
                assert!((1..=7).contains(&w));
            }
        }
    }

    // ---- calendar helpers ----

    #[test]
    fn days_in_month_and_leap_years() {
        assert_eq!(days_in_month(Some(2024), 2), 29);
        assert_eq!(days_in_month(Some(2023), 2), 28);
        assert_eq!(days_in_month(Some(1900), 2), 28);
        assert_eq!(days_in_month(Some(2000), 2), 29);
        assert_eq!(days_in_month(None, 2), 29);
        assert_eq!(days_in_month(Some(2024), 4), 30);
        assert_eq!(days_in_month(Some(2024), 12), 31);
        assert_eq!(days_in_month(Some(2024), 0), 0);
        assert_eq!(days_in_month(Some(2024), 13), 0);
        assert!(is_leap_year(2024) && !is_leap_year(2100) && is_leap_year(-4));
    }

    #[test]
    fn partial_date_validity() {
        assert!(ymd(2024, 2, 29).is_valid());
        assert!(!ymd(2023, 2, 29).is_valid());
        assert!(!ymd(2024, 2, 31).is_valid());
        assert!(!ymd(2024, 13, 1).is_valid());
        assert!(!ymd(2024, 1, 0).is_valid());
        assert!(md(2, 29).is_valid());
        assert!(ym(2023, 11).is_valid());
        assert!(!ym(2023, 0).is_valid());
        assert!(PartialDate::new(Some(2024), None, None).is_valid());
        assert!(!PartialDate::new(None, None, None).is_valid());
        assert!(!PartialDate::new(Some(2024), None, Some(3)).is_valid());
    }

    // ---- Indonesian full dates, weekdays and prefixes ----

    #[test]
    fn indonesian_full_date() {
        single("14 februari 2024", "14 februari 2024", ymd(2024, 2, 14));
        single(
            "pemungutan suara pada 14 februari 2024.",
            "14 februari 2024",
            ymd(2024, 2, 14),
        );
        single("1 januari 2024", "1 januari 2024", ymd(2024, 1, 1));
        single("17 agustus 1945", "17 agustus 1945", ymd(1945, 8, 17));
        single("03 maret 2024", "03 maret 2024", ymd(2024, 3, 3));
    }

    #[test]
    fn weekday_with_comma() {
        let (span, value, wd) = only("rabu, 14 februari 2024");
        assert_eq!(span, "rabu, 14 februari 2024");
        assert_eq!(value, DateValue::Single(ymd(2024, 2, 14)));
        assert_eq!(wd, Some(3));
    }

    #[test]
    fn weekday_without_comma() {
        let (span, value, wd) = only("digelar rabu 14 februari 2024 di tps");
        assert_eq!(span, "rabu 14 februari 2024");
        assert_eq!(value, DateValue::Single(ymd(2024, 2, 14)));
        assert_eq!(wd, Some(3));
    }

    #[test]
    fn weekday_with_parenthesised_numeric_date() {
        let (span, value, wd) = only("kpu menetapkan rabu (14/2/2024) sebagai hari libur");
        assert_eq!(span, "rabu (14/2/2024)");
        assert_eq!(value, DateValue::Single(ymd(2024, 2, 14)));
        assert_eq!(wd, Some(3));
        let (span, _, wd) = only("kamis(15/2/2024)");
        assert_eq!((span, wd), ("kamis(15/2/2024)", Some(4)));
        let (span, _, wd) = only("jumat, (16/2/2024)");
        assert_eq!((span, wd), ("jumat, (16/2/2024)", Some(5)));
    }

    #[test]
    fn weekday_with_tanggal_between() {
        let (span, _, wd) = only("rabu, tanggal 14 februari 2024");
        assert_eq!((span, wd), ("rabu, tanggal 14 februari 2024", Some(3)));
        let (span, _, wd) = only("sabtu tgl. 10 feb 2024");
        assert_eq!((span, wd), ("sabtu tgl. 10 feb 2024", Some(6)));
    }

    #[test]
    fn all_weekday_names() {
        let names = [
            ("senin", 1),
            ("monday", 1),
            ("selasa", 2),
            ("tuesday", 2),
            ("rabu", 3),
            ("wednesday", 3),
            ("kamis", 4),
            ("thursday", 4),
            ("jumat", 5),
            ("jum'at", 5),
            ("jum\u{2019}at", 5),
            ("friday", 5),
            ("sabtu", 6),
            ("saturday", 6),
            ("minggu", 7),
            ("ahad", 7),
            ("sunday", 7),
        ];
        for (name, n) in names {
            let s = format!("{name}, 14 februari 2024");
            let (span, value, wd) = only(&s);
            assert_eq!(span, s.as_str());
            assert_eq!(value, DateValue::Single(ymd(2024, 2, 14)));
            assert_eq!(wd, Some(n), "{name}");
        }
    }

    #[test]
    fn weekday_is_recorded_not_validated() {
        // 14 february 2024 was a wednesday; the claim checker decides what a
        // mismatch means, the extractor only reports what was written.
        let (_, value, wd) = only("senin, 14 februari 2024");
        assert_eq!(value, DateValue::Single(ymd(2024, 2, 14)));
        assert_eq!(wd, Some(1));
    }

    #[test]
    fn weekday_without_date_is_nothing() {
        none("rabu lalu kpu menggelar rapat");
        none("dua minggu sebelum pencoblosan");
        none("minggu depan");
        none("pada hari rabu, pukul 10.00 wib");
    }

    #[test]
    fn weekday_far_from_date_is_not_attached() {
        let ms = extract_dates("rabu pagi, 14 februari 2024");
        assert_eq!(ms.len(), 1);
        assert_eq!(ms[0].weekday, None);
        assert_eq!(
            &"rabu pagi, 14 februari 2024"[ms[0].start..ms[0].end],
            "14 februari 2024"
        );
    }

    #[test]
    fn tanggal_prefix_is_not_in_span() {
        single(
            "tanggal 14 februari 2024",
            "14 februari 2024",
            ymd(2024, 2, 14),
        );
        single("pada tgl. 14 feb 2024", "14 feb 2024", ymd(2024, 2, 14));
        single("tgl 14 feb 2024", "14 feb 2024", ymd(2024, 2, 14));
        single("tgl.14 feb 2024", "14 feb 2024", ymd(2024, 2, 14));
    }

    #[test]
    fn tahun_between_month_and_year() {
        single(
            "pada 14 februari tahun 2024",
            "14 februari tahun 2024",
            ymd(2024, 2, 14),
        );
        single(
            "bulan november tahun 2023",
            "november tahun 2023",
            ym(2023, 11),
        );
    }

    // ---- numeric forms ----

    #[test]
    fn numeric_slash_forms() {
        single("14/2/2024", "14/2/2024", ymd(2024, 2, 14));
        single("14/02/2024", "14/02/2024", ymd(2024, 2, 14));
        single("1/1/2024", "1/1/2024", ymd(2024, 1, 1));
    }

    #[test]
    fn numeric_dash_and_dot_forms() {
        single("14-02-2024", "14-02-2024", ymd(2024, 2, 14));
        single("14.02.2024", "14.02.2024", ymd(2024, 2, 14));
        single("14-02-22", "14-02-22", ymd(2022, 2, 14));
    }

    #[test]
    fn iso_dates() {
        single("2024-02-14", "2024-02-14", ymd(2024, 2, 14));
        single("pada 2024/02/14.", "2024/02/14", ymd(2024, 2, 14));
        single(
            "diunggah 2024-02-14t10:00:00z",
            "2024-02-14",
            ymd(2024, 2, 14),
        );
        none("2024.02.14");
        none("2024-02-30");
        none("2024-13-01");
    }

    #[test]
    fn two_digit_years() {
        single("19/12/22", "19/12/22", ymd(2022, 12, 19));
        single("31/12/69", "31/12/69", ymd(2069, 12, 31));
        single("1/1/70", "1/1/70", ymd(1970, 1, 1));
        single("1/1/00", "1/1/00", ymd(2000, 1, 1));
    }

    #[test]
    fn dotted_form_needs_four_digit_year() {
        none("19.12.22");
        none("nilai 1.12.22 poin");
    }

    #[test]
    fn parenthesised_numeric_date() {
        single("(19/12/22)", "19/12/22", ymd(2022, 12, 19));
        single("kpu (14/2/2024) menyatakan", "14/2/2024", ymd(2024, 2, 14));
    }

    #[test]
    fn numeric_needs_year_part() {
        none("1/2");
        none("setengah atau 1/2 dari suara");
        none("(14/2)");
        none("3/4/5");
        none("14/2/202");
        none("14/2/20245");
    }

    #[test]
    fn numeric_inside_longer_numbers_is_rejected() {
        none("14/2/2024/5");
        none("1.14.02.2024");
        none("14.02.2024.1");
        none("no 5/14/2/2024");
        none("14/2/2024abc");
    }

    // ---- partial dates ----

    #[test]
    fn day_month_without_year() {
        single("14 februari", "14 februari", md(2, 14));
        single("hingga 14 februari mendatang", "14 februari", md(2, 14));
        single("pada 29 februari", "29 februari", md(2, 29));
    }

    #[test]
    fn month_year_without_day() {
        single("november 2023", "november 2023", ym(2023, 11));
        single("bulan november 2023", "november 2023", ym(2023, 11));
        single("pada november 2023", "november 2023", ym(2023, 11));
        single("march 2024", "march 2024", ym(2024, 3));
        single("mei 2024", "mei 2024", ym(2024, 5));
        single("des 2022", "des 2022", ym(2022, 12));
    }

    #[test]
    fn bare_year_is_not_a_date() {
        none("2024");
        none("tahun 2024");
        none("pemilu 2024");
        none("periode 2019-2024");
        none("pada 2019 dan 2024");
    }

    // ---- English ----

    #[test]
    fn english_month_first() {
        single("february 14, 2024", "february 14, 2024", ymd(2024, 2, 14));
        single("feb. 14, 2024", "feb. 14, 2024", ymd(2024, 2, 14));
        single("february 14th 2024", "february 14th 2024", ymd(2024, 2, 14));
        single(
            "february 14th, 2024",
            "february 14th, 2024",
            ymd(2024, 2, 14),
        );
        single("february 14 2024", "february 14 2024", ymd(2024, 2, 14));
        single("february 14,2024", "february 14,2024", ymd(2024, 2, 14));
    }

    #[test]
    fn english_day_first() {
        single("14th february 2024", "14th february 2024", ymd(2024, 2, 14));
        single(
            "14th of february 2024",
            "14th of february 2024",
            ymd(2024, 2, 14),
        );
        single("14 feb 2024", "14 feb 2024", ymd(2024, 2, 14));
        single("1st march 2024", "1st march 2024", ymd(2024, 3, 1));
        single("2nd may 2024", "2nd may 2024", ymd(2024, 5, 2));
        single("23rd june 2024", "23rd june 2024", ymd(2024, 6, 23));
    }

    #[test]
    fn english_weekday() {
        let (span, value, wd) = only("voting on wednesday, february 14, 2024 was peaceful");
        assert_eq!(span, "wednesday, february 14, 2024");
        assert_eq!(value, DateValue::Single(ymd(2024, 2, 14)));
        assert_eq!(wd, Some(3));
    }

    #[test]
    fn english_month_day_without_year() {
        single("on february 14 the kpu", "february 14", md(2, 14));
        single("held on february 14.", "february 14", md(2, 14));
        single("by march 1st voters", "march 1st", md(3, 1));
        single("on may 14, voters", "may 14", md(5, 14));
    }

    #[test]
    fn month_followed_by_a_count_is_not_a_date() {
        // Indonesian copy: "in november, 10 regions ..."
        none("pada bulan november 10 daerah menggelar");
        none("januari 2 kali");
        none("november 10%");
    }

    // ---- month names ----

    #[test]
    fn every_month_spelling() {
        let names = [
            ("januari", 1),
            ("january", 1),
            ("jan", 1),
            ("februari", 2),
            ("febuari", 2),
            ("pebruari", 2),
            ("peb", 2),
            ("february", 2),
            ("feb", 2),
            ("maret", 3),
            ("march", 3),
            ("mar", 3),
            ("april", 4),
            ("apr", 4),
            ("mei", 5),
            ("may", 5),
            ("juni", 6),
            ("june", 6),
            ("jun", 6),
            ("juli", 7),
            ("july", 7),
            ("jul", 7),
            ("agustus", 8),
            ("august", 8),
            ("agu", 8),
            ("agt", 8),
            ("ags", 8),
            ("aug", 8),
            ("september", 9),
            ("sept", 9),
            ("sep", 9),
            ("oktober", 10),
            ("october", 10),
            ("okt", 10),
            ("oct", 10),
            ("november", 11),
            ("nopember", 11),
            ("nov", 11),
            ("nop", 11),
            ("desember", 12),
            ("december", 12),
            ("des", 12),
            ("dec", 12),
        ];
        for (name, m) in names {
            let s = format!("pada 14 {name} 2024 lalu");
            single(&s, &format!("14 {name} 2024"), ymd(2024, m, 14));
            let s = format!("{name} 14, 2024");
            single(&s, &s, ymd(2024, m, 14));
            let s = format!("pada {name} 2024");
            single(&s, &format!("{name} 2024"), ym(2024, m));
            let s = format!("sejak 3 {name}.");
            single(&s, &format!("3 {name}"), md(m, 3));
        }
    }

    #[test]
    fn abbreviation_dots() {
        single("14 sept. 2024", "14 sept. 2024", ymd(2024, 9, 14));
        single("tgl. 1 okt. 2024", "1 okt. 2024", ymd(2024, 10, 1));
        single("dec. 25, 2023", "dec. 25, 2023", ymd(2023, 12, 25));
        // At the end of an expression the dot is taken as the full stop.
        single("sejak 14 feb.", "14 feb", md(2, 14));
        // A dot after a full name is never part of the month.
        single("sejak 14 februari. lalu", "14 februari", md(2, 14));
    }

    #[test]
    fn ambiguous_names_alone_are_nothing() {
        none("may i ask a question");
        none("des");
        none("jun");
        none("bulan mei");
        none("mar");
        none("the officials may decide");
        none("kelurahan des bandung");
        none("jan dan feb");
        none("november");
        none("pada bulan februari lalu");
    }

    #[test]
    fn word_boundaries() {
        none("novembernya 2023");
        none("pemilu2024");
        none("pemilu2024 digelar");
        none("2024an");
        none("14februari 2024");
        // The year is glued to letters, so only day and month remain.
        single("14 februari 2024an", "14 februari", md(2, 14));
        single("14 februari2024", "14 februari", md(2, 14));
        none("hari ke-14 februari");
    }

    // ---- ranges ----

    #[test]
    fn range_full_to_full() {
        range(
            "28 november 2023 hingga 10 februari 2024",
            "28 november 2023 hingga 10 februari 2024",
            ymd(2023, 11, 28),
            ymd(2024, 2, 10),
        );
    }

    #[test]
    fn range_month_year_to_full() {
        range(
            "november 2023 hingga 10 febuari 2024",
            "november 2023 hingga 10 febuari 2024",
            ym(2023, 11),
            ymd(2024, 2, 10),
        );
    }

    #[test]
    fn range_start_year_inferred_across_new_year() {
        range(
            "28 november - 10 februari 2024",
            "28 november - 10 februari 2024",
            ymd(2023, 11, 28),
            ymd(2024, 2, 10),
        );
        range(
            "28 desember-2 januari 2024",
            "28 desember-2 januari 2024",
            ymd(2023, 12, 28),
            ymd(2024, 1, 2),
        );
    }

    #[test]
    fn range_end_year_inferred_forward() {
        range(
            "30 desember 2023 - 2 januari",
            "30 desember 2023 - 2 januari",
            ymd(2023, 12, 30),
            ymd(2024, 1, 2),
        );
        range(
            "14 februari 2024 - 20 maret",
            "14 februari 2024 - 20 maret",
            ymd(2024, 2, 14),
            ymd(2024, 3, 20),
        );
    }

    #[test]
    fn range_day_only_start() {
        let want = (ymd(2024, 2, 11), ymd(2024, 2, 13));
        for s in [
            "11-13 februari 2024",
            "11 - 13 februari 2024",
            "11 \u{2013} 13 februari 2024",
            "11\u{2014}13 februari 2024",
            "11 hingga 13 februari 2024",
            "11 sampai 13 februari 2024",
        ] {
            range(s, s, want.0, want.1);
        }
        range("11-13 februari", "11-13 februari", md(2, 11), md(2, 13));
    }

    #[test]
    fn range_day_month_to_day_month_year() {
        range(
            "21 januari \u{2013} 10 februari 2024",
            "21 januari \u{2013} 10 februari 2024",
            ymd(2024, 1, 21),
            ymd(2024, 2, 10),
        );
        range(
            "25 september-23 november 2024",
            "25 september-23 november 2024",
            ymd(2024, 9, 25),
            ymd(2024, 11, 23),
        );
    }

    #[test]
    fn range_with_dari_sampai() {
        range(
            "dari 28 november 2023 sampai 10 februari 2024",
            "28 november 2023 sampai 10 februari 2024",
            ymd(2023, 11, 28),
            ymd(2024, 2, 10),
        );
        range(
            "dari tanggal 28 november 2023 sampai dengan tanggal 10 februari 2024",
            "28 november 2023 sampai dengan tanggal 10 februari 2024",
            ymd(2023, 11, 28),
            ymd(2024, 2, 10),
        );
    }

    #[test]
    fn range_english() {
        range(
            "from november 28, 2023 to february 10, 2024",
            "november 28, 2023 to february 10, 2024",
            ymd(2023, 11, 28),
            ymd(2024, 2, 10),
        );
        range(
            "november 28 to february 10, 2024",
            "november 28 to february 10, 2024",
            ymd(2023, 11, 28),
            ymd(2024, 2, 10),
        );
        range(
            "campaigning runs february 10-14, 2024.",
            "february 10-14, 2024",
            ymd(2024, 2, 10),
            ymd(2024, 2, 14),
        );
        range(
            "from 1 to 14 february 2024",
            "1 to 14 february 2024",
            ymd(2024, 2, 1),
            ymd(2024, 2, 14),
        );
    }

    #[test]
    fn range_numeric() {
        range(
            "14/2/2024 - 20/3/2024",
            "14/2/2024 - 20/3/2024",
            ymd(2024, 2, 14),
            ymd(2024, 3, 20),
        );
        range(
            "14/2/2024-20/3/2024",
            "14/2/2024-20/3/2024",
            ymd(2024, 2, 14),
            ymd(2024, 3, 20),
        );
        range(
            "14-15/2/2024",
            "14-15/2/2024",
            ymd(2024, 2, 14),
            ymd(2024, 2, 15),
        );
    }

    #[test]
    fn range_bare_month_start() {
        range(
            "november - desember 2023",
            "november - desember 2023",
            ym(2023, 11),
            ym(2023, 12),
        );
        range(
            "november hingga februari 2024",
            "november hingga februari 2024",
            ym(2023, 11),
            ym(2024, 2),
        );
        // An ambiguous name needs its own day or year, even in a range.
        single("mei - juni 2024", "juni 2024", ym(2024, 6));
    }

    #[test]
    fn every_connector() {
        let connectors = [
            "hingga",
            "sampai",
            "sampai dengan",
            "sampai dgn",
            "s.d.",
            "s.d",
            "s/d",
            "s/d.",
            "sd",
            "-",
            "\u{2013}",
            "\u{2014}",
            "\u{2212}",
            "to",
            "until",
            "till",
            "through",
            "thru",
        ];
        for c in connectors {
            let s = format!("1 februari 2024 {c} 3 maret 2024");
            range(&s, &s, ymd(2024, 2, 1), ymd(2024, 3, 3));
        }
    }

    #[test]
    fn and_is_not_a_connector() {
        let s = "14 februari 2024 and 20 februari 2024";
        assert_eq!(spans(s), vec!["14 februari 2024", "20 februari 2024"]);
        let s = "14 februari 2024 dan 20 februari 2024";
        assert_eq!(spans(s), vec!["14 februari 2024", "20 februari 2024"]);
        let s = "11 dan 13 februari 2024";
        assert_eq!(spans(s), vec!["13 februari 2024"]);
    }

    #[test]
    fn range_with_weekdays_on_both_ends() {
        let s = "senin, 12 februari 2024 hingga rabu, 14 februari 2024";
        let (span, value, wd) = only(s);
        assert_eq!(span, s);
        assert_eq!(value, DateValue::Range(ymd(2024, 2, 12), ymd(2024, 2, 14)));
        assert_eq!(wd, Some(1));
    }

    #[test]
    fn reversed_or_invalid_ranges_fall_back() {
        // Day range backwards: only the well-formed tail is a date.
        single("13-11 februari 2024", "11 februari 2024", ymd(2024, 2, 11));
        // End before start with explicit years: two single dates.
        assert_eq!(
            spans("10 februari 2024 - 28 november 2023"),
            vec!["10 februari 2024", "28 november 2023"]
        );
        // The inferred start does not exist in 2023.
        assert_eq!(
            spans("29 februari - 1 maret 2023"),
            vec!["29 februari", "1 maret 2023"]
        );
        // Neither day exists in february, and "februari 2024" must not be
        // salvaged from the wreck as a month-year.
        none("30-31 februari 2024");
    }

    #[test]
    fn dangling_connector_leaves_single_date() {
        single(
            "14 februari 2024 - 2025",
            "14 februari 2024",
            ymd(2024, 2, 14),
        );
        single(
            "14 februari 2024 hingga selesai",
            "14 februari 2024",
            ymd(2024, 2, 14),
        );
        single(
            "14 februari 2024 - 19.00 wib",
            "14 februari 2024",
            ymd(2024, 2, 14),
        );
        none("november - desember");
    }

    // ---- invalid calendar dates ----

    #[test]
    fn invalid_calendar_dates() {
        none("31 februari 2024");
        none("30 februari");
        none("29 februari 2023");
        none("31 april 2024");
        none("32/1/2024");
        none("14/13/2024");
        none("0/1/2024");
        none("00 januari 2024");
        none("0 januari");
        none("32 januari 2024");
        none("rabu, 31 februari 2024");
        none("31st february 2024");
        none("31st of february 2024");
        single("29 februari 2024", "29 februari 2024", ymd(2024, 2, 29));
        single("29/2/2024", "29/2/2024", ymd(2024, 2, 29));
        single("31 desember 2023", "31 desember 2023", ymd(2023, 12, 31));
    }

    #[test]
    fn year_window() {
        none("november 1000 orang");
        // An out-of-window year is not swallowed, but the day and month stand.
        single("14 februari 3000", "14 februari", md(2, 14));
        single("14 februari 1800", "14 februari 1800", ymd(1800, 2, 14));
        single("1 januari 2199", "1 januari 2199", ymd(2199, 1, 1));
    }

    // ---- negatives from real copy ----

    #[test]
    fn numbers_that_are_not_dates() {
        none("dpt sebanyak 204.807.222 pemilih");
        none("1.750.474 suara");
        none("58,59 persen");
        none("58.59%");
        none("3000 - 4000");
        none("240 juta");
        none("pukul 10.00 wib");
        none("pukul 10.00-12.00 wib");
        none("nomor urut 02");
        none("hubungi 0812-3456-7890");
        none("+62 812-3456-7890");
        none("telepon (021) 555-1234");
        none("021-5551234");
        none("skor 1-2");
        none("rp 2.500.000");
        none("1.2.2024.5");
    }

    #[test]
    fn number_noise_next_to_a_date() {
        let s = "1.750.474 suara dihitung pada 14 februari 2024 pukul 10.00 wib";
        assert_eq!(spans(s), vec!["14 februari 2024"]);
    }

    // ---- real sentences ----

    #[test]
    fn real_sentence_campaign_period() {
        let s = "ramdan menyampaikan juga bahwa pelaksanaan kampanye oleh peserta pemilu akan dimulai di bulan november 2023 hingga 10 febuari 2024.";
        range(
            s,
            "november 2023 hingga 10 febuari 2024",
            ym(2023, 11),
            ymd(2024, 2, 10),
        );
    }

    #[test]
    fn real_sentence_parenthesised_short_date() {
        let s = "disambut sukacita oleh pihak komisi pemilihan umum (kpu) kalbar (19/12/22).";
        single(s, "19/12/22", ymd(2022, 12, 19));
    }

    #[test]
    fn real_sentence_weekday_date() {
        let s = "di hotel kapuas pallace jalan budi karya kota pontianak, rabu 21 desember 2022.";
        let (span, value, wd) = only(s);
        assert_eq!(span, "rabu 21 desember 2022");
        assert_eq!(value, DateValue::Single(ymd(2022, 12, 21)));
        assert_eq!(wd, Some(3));
    }

    #[test]
    fn several_dates_in_order() {
        let s = "pendaftaran 19/10/2023, penetapan 13 november 2023, kampanye 28 november 2023 - 10 februari 2024, dan pemungutan suara rabu (14/2/2024).";
        let ms = extract_dates(s);
        check_invariants(s, &ms);
        let got: Vec<_> = ms.iter().map(|m| (&s[m.start..m.end], m.value)).collect();
        assert_eq!(
            got,
            vec![
                ("19/10/2023", DateValue::Single(ymd(2023, 10, 19))),
                ("13 november 2023", DateValue::Single(ymd(2023, 11, 13))),
                (
                    "28 november 2023 - 10 februari 2024",
                    DateValue::Range(ymd(2023, 11, 28), ymd(2024, 2, 10))
                ),
                ("rabu (14/2/2024)", DateValue::Single(ymd(2024, 2, 14))),
            ]
        );
        assert_eq!(ms[3].weekday, Some(3));
    }

    #[test]
    fn multibyte_neighbours_keep_byte_spans() {
        let s = "\u{1f4c5} 14 februari 2024 \u{2014} \u{4e2d}\u{6587} \u{201c}rabu, 21 desember 2022\u{201d}";
        assert_eq!(spans(s), vec!["14 februari 2024", "rabu, 21 desember 2022"]);
        let s = "\u{00e9}t\u{00e9} 14/2/2024\u{00e9}";
        none(s);
        let s = "pemilu\u{1f5f3}\u{fe0f}14 februari 2024";
        assert_eq!(spans(s), vec!["14 februari 2024"]);
    }

    #[test]
    fn empty_and_trivial_inputs() {
        none("");
        none(" ");
        none("-");
        none("s.d.");
        none("14");
        none("rabu,");
        none("rabu (");
    }

    // ---- adversarial input ----

    struct XorShift(u64);

    impl XorShift {
        fn next(&mut self) -> u64 {
            let mut x = self.0;
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            self.0 = x;
            x
        }

        fn pick<T: Copy>(&mut self, xs: &[T]) -> T {
            let n = xs.len() as u64;
            xs[(self.next() % n) as usize]
        }
    }

    const FIVE_MB: usize = 5 * 1024 * 1024;

    #[test]
    fn adversarial_digits_and_slashes() {
        let mut rng = XorShift(0x9e37_79b9_7f4a_7c15);
        let alphabet = b"0123456789/";
        let s: String = (0..FIVE_MB)
            .map(|_| char::from(rng.pick(alphabet)))
            .collect();
        let ms = extract_dates(&s);
        check_invariants(&s, &ms);
        // Every d/m/yy shape in unbroken digit soup is glued to more digits,
        // so none of it reads as a date.
        assert!(ms.is_empty());

        let mixed = b"0123456789/-. ,";
        let s: String = (0..FIVE_MB).map(|_| char::from(rng.pick(mixed))).collect();
        check_invariants(&s, &extract_dates(&s));

        let s = "1/".repeat(FIVE_MB / 2);
        none(&s);
        let s = "1-".repeat(FIVE_MB / 2);
        none(&s);
        let s = "9".repeat(FIVE_MB);
        none(&s);
    }

    #[test]
    fn adversarial_month_runs() {
        let months = "januari februari maret april mei juni juli agustus september oktober november desember ";
        let s = months.repeat(FIVE_MB / months.len());
        none(&s);
        let s = "november - ".repeat(200_000);
        none(&s);
        let s = "1 januari - ".repeat(200_000);
        let ms = extract_dates(&s);
        check_invariants(&s, &ms);
        assert_eq!(ms.len(), 100_000, "pairs of bare day-months become ranges");
        let s = "rabu (".repeat(200_000);
        none(&s);
        let s = "s.d. ".repeat(200_000);
        none(&s);
        let s = "a".repeat(FIVE_MB);
        none(&s);
        let s = "jum'".repeat(200_000);
        none(&s);
    }

    #[test]
    fn adversarial_random_multibyte() {
        let pieces = [
            "a",
            "\u{00e9}",
            "\u{4e2d}",
            "\u{1f600}",
            "\u{2013}",
            "\u{2014}",
            "\u{2212}",
            "\u{2019}",
            "'",
            "/",
            "-",
            ".",
            ",",
            " ",
            "(",
            ")",
            "1",
            "14",
            "2",
            "02",
            "2024",
            "22",
            "februari",
            "feb",
            "mei",
            "rabu",
            "hingga",
            "s",
            "d",
            "th",
            "t",
            "tgl",
            "tahun",
            "jum",
            "at",
        ];
        let mut rng = XorShift(0x2545_f491_4f6c_dd1d);
        for _ in 0..20 {
            let mut s = String::new();
            while s.len() < 50_000 {
                s.push_str(rng.pick(&pieces));
            }
            let ms = extract_dates(&s);
            check_invariants(&s, &ms);
        }
        // Random Unicode scalars, including combining marks and controls.
        let mut s = String::new();
        while s.len() < FIVE_MB / 5 {
            let c = char::from_u32((rng.next() % 0x11_0000) as u32).unwrap_or('\u{fffd}');
            s.push(c);
            if rng.next() & 3 == 0 {
                s.push_str(rng.pick(&pieces));
            }
        }
        check_invariants(&s, &extract_dates(&s));
    }
}
