//! Words and formats in Indonesian and English: dates, figures, verdict names.

use crate::Verdict;
use crate::bundle::schema::Value;
use crate::bundle::validate::parse_date;
use crate::text::lang::Lang;
use crate::verify::facts::round_half_up;

const MONTHS_ID: [&str; 12] = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// "14 Februari 2024" / "14 February 2024"; the input as is when it is not a date.
pub fn date(iso: &str, lang: Lang) -> String {
    match parse_date(iso) {
        Some((y, m, d)) => {
            let months = if lang == Lang::Id {
                MONTHS_ID
            } else {
                MONTHS_EN
            };
            format!("{d} {} {y}", months[(m - 1) as usize])
        }
        None => iso.to_string(),
    }
}

/// "204.807.222" / "204,807,222".
pub fn count(n: u64, lang: Lang) -> String {
    let sep = if lang == Lang::Id { '.' } else { ',' };
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// "58,59%" / "58.59%".
pub fn percent(x: f64, decimals: u8, lang: Lang) -> String {
    let s = format!("{:.*}", decimals as usize, x);
    let s = if lang == Lang::Id {
        s.replace('.', ",")
    } else {
        s
    };
    format!("{s}%")
}

/// A fact's value as a reader would write it.
pub fn value(v: &Value, lang: Lang) -> String {
    match v {
        Value::Date { date: d } => date(d, lang),
        Value::DateRange { start, end } => format!("{} – {}", date(start, lang), date(end, lang)),
        Value::Count { value } => count(*value, lang),
        Value::Share {
            numerator,
            denominator,
            decimals,
        } => {
            let exact = *numerator as f64 * 100.0 / (*denominator).max(1) as f64;
            let shown = percent(round_half_up(exact, *decimals), *decimals, lang);
            match lang {
                Lang::Id => format!(
                    "{shown} ({} dari {} suara)",
                    count(*numerator, lang),
                    count(*denominator, lang)
                ),
                Lang::En => format!(
                    "{shown} ({} of {} votes)",
                    count(*numerator, lang),
                    count(*denominator, lang)
                ),
            }
        }
        Value::Ballot { number } => match lang {
            Lang::Id => format!("nomor urut {number}"),
            Lang::En => format!("ballot number {number}"),
        },
        Value::Name { official, .. } => official.clone(),
    }
}

/// The verdict's name for people.
pub fn verdict(v: Verdict, lang: Lang) -> &'static str {
    match (v, lang) {
        (Verdict::Verified, Lang::Id) => "Sesuai data resmi",
        (Verdict::Contradicted, Lang::Id) => "Bertentangan dengan data resmi",
        (Verdict::Debunked, Lang::Id) => "Hoaks yang sudah dibantah",
        (Verdict::Unverified, Lang::Id) => "Belum terverifikasi",
        (Verdict::Verified, Lang::En) => "Verified",
        (Verdict::Contradicted, Lang::En) => "Contradicted",
        (Verdict::Debunked, Lang::En) => "Debunked",
        (Verdict::Unverified, Lang::En) => "Unverified",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        assert_eq!(date("2024-02-14", Lang::Id), "14 Februari 2024");
        assert_eq!(date("2024-02-14", Lang::En), "14 February 2024");
        assert_eq!(count(204_807_222, Lang::Id), "204.807.222");
        assert_eq!(count(580, Lang::En), "580");
        assert_eq!(count(1_750_474, Lang::En), "1,750,474");
        assert_eq!(percent(58.59, 2, Lang::Id), "58,59%");
    }
}
