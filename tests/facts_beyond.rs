//! The facts of `data/facts-beyond.json`: for every fact, a sentence as a news page would write
//! it with the official value (verified) and one with a wrong value (contradicted), each coming
//! back with that fact's id.
#![cfg(not(target_arch = "wasm32"))]

use saring::{CheckOptions, Claim, Engine, Verdict};

fn engine() -> &'static Engine {
    static E: std::sync::OnceLock<Engine> = std::sync::OnceLock::new();
    E.get_or_init(|| Engine::new().expect("default bundle loads"))
}

fn one(text: &str) -> Claim {
    let claims = engine().check(text, &CheckOptions::default()).claims;
    assert_eq!(
        claims.len(),
        1,
        "expected one claim in {text:?}, got {claims:#?}"
    );
    claims.into_iter().next().expect("one claim")
}

#[track_caller]
fn verified(text: &str, fact: &str) {
    let c = one(text);
    assert_eq!(c.verdict, Verdict::Verified, "{text}\n{c:#?}");
    assert_eq!(c.fact_id.as_deref(), Some(fact), "{text}\n{c:#?}");
    assert!(!c.sources.is_empty(), "{text}: no sources");
}

#[track_caller]
fn contradicted(text: &str, fact: &str, official: &str) {
    let c = one(text);
    assert_eq!(c.verdict, Verdict::Contradicted, "{text}\n{c:#?}");
    assert_eq!(c.fact_id.as_deref(), Some(fact), "{text}\n{c:#?}");
    let ov = c.official_value.clone().unwrap_or_default();
    assert!(
        ov.contains(official),
        "{text}: official value {ov:?} lacks {official:?}"
    );
    assert!(!c.sources.is_empty(), "{text}: no sources");
}

/// One of the 8 parties in the DPR, with each official figure written right and written wrong:
/// votes of Keputusan KPU 360/2024, votes of Keputusan KPU 1050/2024, seats of Keputusan KPU
/// 1205/2024.
struct Party {
    id: &'static str,
    name: &'static str,
    votes_360: (&'static str, &'static str),
    votes_1050: (&'static str, &'static str),
    seats: (&'static str, &'static str),
}

const fn party(
    id: &'static str,
    name: &'static str,
    votes_360: (&'static str, &'static str),
    votes_1050: (&'static str, &'static str),
    seats: (&'static str, &'static str),
) -> Party {
    Party {
        id,
        name,
        votes_360,
        votes_1050,
        seats,
    }
}

const PARTIES: &[Party] = &[
    party(
        "pdip",
        "PDIP",
        ("25.387.279", "25.837.279"),
        ("25.384.673", "25.348.673"),
        ("110", "128"),
    ),
    party(
        "golkar",
        "Partai Golkar",
        ("23.208.654", "23.280.654"),
        ("23.208.488", "23.280.488"),
        ("102", "85"),
    ),
    party(
        "gerindra",
        "Partai Gerindra",
        ("20.071.708", "20.701.708"),
        ("20.071.345", "20.710.345"),
        ("86", "78"),
    ),
    party(
        "pkb",
        "PKB",
        ("16.115.655", "16.151.655"),
        ("16.115.358", "16.151.358"),
        ("68", "58"),
    ),
    party(
        "nasdem",
        "Partai NasDem",
        ("14.660.516", "14.606.516"),
        ("14.660.328", "14.606.328"),
        ("69", "59"),
    ),
    party(
        "pks",
        "PKS",
        ("12.781.353", "12.871.353"),
        ("12.781.241", "12.871.241"),
        ("53", "50"),
    ),
    party(
        "demokrat",
        "Partai Demokrat",
        ("11.283.160", "11.238.160"),
        ("11.283.053", "11.238.053"),
        ("44", "54"),
    ),
    party(
        "pan",
        "PAN",
        ("10.984.003", "10.948.003"),
        ("10.984.639", "10.948.639"),
        ("48", "44"),
    ),
];

#[test]
fn dpr_party_votes_of_keputusan_360() {
    for p in PARTIES {
        let fact = format!("pemilu2024.dpr.{}.votes", p.id);
        let (right, wrong) = p.votes_360;
        let name = p.name;
        verified(
            &format!("{name} memperoleh {right} suara dalam Pileg DPR 2024."),
            &fact,
        );
        contradicted(
            &format!("{name} memperoleh {wrong} suara dalam Pileg DPR 2024."),
            &fact,
            right,
        );
    }
}

#[test]
fn dpr_party_votes_after_the_mk_rulings() {
    for p in PARTIES {
        let fact = format!("pemilu2024.dpr.{}.votes-after-mk", p.id);
        let (right, wrong) = p.votes_1050;
        let name = p.name;
        verified(
            &format!(
                "Setelah putusan MK, perolehan {name} pada Pileg DPR 2024 menjadi {right} suara."
            ),
            &fact,
        );
        contradicted(
            &format!(
                "Setelah putusan MK, perolehan {name} pada Pileg DPR 2024 menjadi {wrong} suara."
            ),
            &fact,
            right,
        );
    }
}

#[test]
fn dpr_seats_per_party() {
    for p in PARTIES {
        let fact = format!("pemilu2024.dpr.{}.seats", p.id);
        let (right, wrong) = p.seats;
        let name = p.name;
        verified(
            &format!("{name} meraih {right} kursi DPR hasil Pemilu 2024."),
            &fact,
        );
        contradicted(
            &format!("{name} meraih {wrong} kursi DPR hasil Pemilu 2024."),
            &fact,
            right,
        );
    }
}

#[test]
fn dpr_valid_votes() {
    verified(
        "Jumlah suara sah nasional Pileg DPR 2024 sebanyak 151.796.631 suara.",
        "pemilu2024.dpr.valid-votes",
    );
    contradicted(
        "Jumlah suara sah nasional Pileg DPR 2024 sebanyak 151.976.631 suara.",
        "pemilu2024.dpr.valid-votes",
        "151.796.631",
    );
    verified(
        "Setelah putusan MK, jumlah suara sah nasional Pileg DPR 2024 menjadi 151.793.293 suara.",
        "pemilu2024.dpr.valid-votes-after-mk",
    );
    contradicted(
        "Setelah putusan MK, jumlah suara sah nasional Pileg DPR 2024 menjadi 151.739.293 suara.",
        "pemilu2024.dpr.valid-votes-after-mk",
        "151.793.293",
    );
}

#[test]
fn parliamentary_threshold_and_parties_that_passed_it() {
    verified(
        "Ambang batas parlemen pada Pemilu 2024 sebesar 4 persen dari suara sah nasional.",
        "pemilu2024.dpr.threshold",
    );
    contradicted(
        "Ambang batas parlemen pada Pemilu 2024 sebesar 5 persen dari suara sah nasional.",
        "pemilu2024.dpr.threshold",
        "4",
    );
    verified(
        "Sebanyak 8 partai politik lolos ke Senayan pada Pemilu 2024.",
        "pemilu2024.dpr.parties-passed",
    );
    contradicted(
        "Sebanyak 9 partai politik lolos ke Senayan pada Pemilu 2024.",
        "pemilu2024.dpr.parties-passed",
        "8",
    );
}

#[test]
fn inaugurations() {
    verified(
        "Prabowo Subianto dan Gibran Rakabuming Raka dilantik sebagai presiden dan wakil presiden pada 20 Oktober 2024.",
        "pemilu2024.president.inauguration",
    );
    contradicted(
        "Prabowo Subianto dan Gibran Rakabuming Raka dilantik sebagai presiden dan wakil presiden pada 21 Oktober 2024.",
        "pemilu2024.president.inauguration",
        "20 Oktober 2024",
    );
    verified(
        "Anggota DPR hasil Pemilu 2024 dilantik pada Selasa, 1 Oktober 2024.",
        "pemilu2024.dpr.inauguration",
    );
    contradicted(
        "Anggota DPR hasil Pemilu 2024 dilantik pada Rabu, 2 Oktober 2024.",
        "pemilu2024.dpr.inauguration",
        "1 Oktober 2024",
    );
}

#[test]
fn constitutional_court_rulings() {
    verified(
        "MK membacakan putusan soal batas usia capres dan cawapres yang diajukan Almas pada 16 Oktober 2023.",
        "pemilu2024.mk.age-limit-ruling",
    );
    contradicted(
        "MK membacakan putusan soal batas usia capres dan cawapres yang diajukan Almas pada 17 Oktober 2023.",
        "pemilu2024.mk.age-limit-ruling",
        "16 Oktober 2023",
    );
    verified(
        "MK memutus gugatan Perludem soal ambang batas parlemen pada 29 Februari 2024.",
        "pemilu2024.mk.parliamentary-threshold-ruling",
    );
    contradicted(
        "MK memutus gugatan Perludem soal ambang batas parlemen pada 28 Februari 2024.",
        "pemilu2024.mk.parliamentary-threshold-ruling",
        "29 Februari 2024",
    );
    verified(
        "MK mengubah ambang batas pencalonan kepala daerah lewat putusan yang dibacakan pada 20 Agustus 2024.",
        "pilkada2024.mk.nomination-threshold-ruling",
    );
    contradicted(
        "MK mengubah ambang batas pencalonan kepala daerah lewat putusan yang dibacakan pada 21 Agustus 2024.",
        "pilkada2024.mk.nomination-threshold-ruling",
        "20 Agustus 2024",
    );
    verified(
        "MK menegaskan syarat usia calon kepala daerah dihitung sejak penetapan pasangan calon dalam putusan pada 20 Agustus 2024.",
        "pilkada2024.mk.age-ruling",
    );
    contradicted(
        "MK menegaskan syarat usia calon kepala daerah dihitung sejak penetapan pasangan calon dalam putusan pada 19 Agustus 2024.",
        "pilkada2024.mk.age-ruling",
        "20 Agustus 2024",
    );
}

#[test]
fn dkpp_rulings() {
    verified(
        "DKPP memecat Ketua KPU Hasyim Asy'ari pada Rabu, 3 Juli 2024.",
        "pemilu2024.dkpp.hasyim-dismissed",
    );
    contradicted(
        "DKPP memecat Ketua KPU Hasyim Asy'ari pada Kamis, 4 Juli 2024.",
        "pemilu2024.dkpp.hasyim-dismissed",
        "3 Juli 2024",
    );
    verified(
        "DKPP menjatuhkan sanksi peringatan keras terakhir kepada Hasyim Asy'ari terkait pendaftaran Gibran pada 5 Februari 2024.",
        "pemilu2024.dkpp.gibran-registration-warning",
    );
    contradicted(
        "DKPP menjatuhkan sanksi peringatan keras terakhir kepada Hasyim Asy'ari terkait pendaftaran Gibran pada 6 Februari 2024.",
        "pemilu2024.dkpp.gibran-registration-warning",
        "5 Februari 2024",
    );
}

/// (race, sentence with the winner's votes, right figure, wrong figure, sentence on the KPU
/// setting the result, right day, wrong day)
const RACES: &[(&str, &str, &str, &str, &str, &str, &str)] = &[
    (
        "jakarta",
        "Pramono-Rano meraih {} suara pada Pilkada Jakarta 2024.",
        "2.183.239",
        "2.813.239",
        "KPU DKI Jakarta menetapkan hasil rekapitulasi Pilgub Jakarta 2024 pada Minggu, {} Desember 2024.",
        "8",
        "7",
    ),
    (
        "jabar",
        "Dedi Mulyadi-Erwan Setiawan meraih {} suara di Pilgub Jawa Barat 2024.",
        "14.130.192",
        "14.310.192",
        "KPU Jawa Barat menetapkan hasil rekapitulasi Pilgub Jabar 2024 pada {} Desember 2024.",
        "9",
        "10",
    ),
    (
        "jateng",
        "Ahmad Luthfi-Taj Yasin meraih {} suara pada Pilgub Jawa Tengah 2024.",
        "11.390.191",
        "11.930.191",
        "KPU Jawa Tengah menetapkan hasil rekapitulasi Pilgub Jateng 2024 pada {} Desember 2024.",
        "7",
        "8",
    ),
    (
        "jatim",
        "Khofifah-Emil memperoleh {} suara dalam Pilgub Jawa Timur 2024.",
        "12.192.165",
        "12.912.165",
        "KPU Jawa Timur menetapkan hasil rekapitulasi Pilgub Jatim 2024 pada {} Desember 2024.",
        "9",
        "12",
    ),
    (
        "sumut",
        "Bobby Nasution-Surya meraih {} suara di Pilgub Sumut 2024.",
        "3.645.611",
        "3.465.611",
        "KPU Sumut menetapkan hasil rekapitulasi Pilgub Sumatera Utara 2024 pada {} Desember 2024.",
        "9",
        "11",
    ),
];

#[test]
fn pilkada_2024_large_provinces() {
    for &(race, votes, right, wrong, set, day, wrong_day) in RACES {
        let fact = format!("pilkada2024.{race}.winner.votes");
        verified(&votes.replace("{}", right), &fact);
        contradicted(&votes.replace("{}", wrong), &fact, right);
        let fact = format!("pilkada2024.{race}.result-set");
        verified(&set.replace("{}", day), &fact);
        contradicted(
            &set.replace("{}", wrong_day),
            &fact,
            &format!("{day} Desember 2024"),
        );
    }
}
