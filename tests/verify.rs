//! Verification against the default bundle: every kind of fact, the wrong figures seen in real
//! news, hoax rewordings, and the sentences that must not be taken for either.
#![cfg(not(target_arch = "wasm32"))]

use saring::{CheckOptions, Claim, Engine, Lang, Verdict};

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

fn verdict(text: &str) -> Option<Verdict> {
    let claims = engine().check(text, &CheckOptions::default()).claims;
    claims.first().map(|c| c.verdict)
}

#[track_caller]
fn contradicted(text: &str, fact: &str, official: &str) {
    let c = one(text);
    assert_eq!(c.verdict, Verdict::Contradicted, "{text}\n{c:#?}");
    assert_eq!(c.fact_id.as_deref(), Some(fact), "{text}");
    let ov = c.official_value.unwrap_or_default();
    assert!(
        ov.contains(official),
        "{text}: official value {ov:?} lacks {official:?}"
    );
    assert!(!c.sources.is_empty(), "{text}: no sources");
}

#[track_caller]
fn verified(text: &str, fact: &str) {
    let c = one(text);
    assert_eq!(c.verdict, Verdict::Verified, "{text}\n{c:#?}");
    assert_eq!(c.fact_id.as_deref(), Some(fact), "{text}");
    assert!(!c.sources.is_empty());
}

#[test]
fn known_wrong_figures_from_the_news_are_contradicted() {
    contradicted(
        "Prabowo-Gibran meraih 58,90 persen suara dalam Pilpres 2024.",
        "pemilu2024.result.pair-2.share",
        "58,59%",
    );
    contradicted(
        "Prabowo-Gibran unggul dengan 58,83% suara sah.",
        "pemilu2024.result.pair-2.share",
        "58,59%",
    );
    contradicted(
        "Jumlah pemilih di luar negeri dalam DPT Pemilu 2024 mencapai 1.760.474 orang.",
        "pemilu2024.dpt.abroad",
        "1.750.474",
    );
    contradicted(
        "DPR hasil Pemilu 2024 memiliki 575 kursi.",
        "pemilu2024.dpr.seats",
        "580",
    );
}

#[test]
fn every_kind_of_fact_can_be_contradicted() {
    // date
    contradicted(
        "Pemungutan suara Pemilu 2024 digelar pada 15 Februari 2024.",
        "pemilu2024.voting-day",
        "14 Februari 2024",
    );
    // date range (end)
    contradicted(
        "Masa kampanye Pemilu 2024 berlangsung 28 November 2023 hingga 13 Februari 2024.",
        "pemilu2024.campaign",
        "10 Februari 2024",
    );
    // count
    contradicted(
        "KPU menetapkan DPT Pemilu 2024 sebanyak 204.807.000 pemilih.",
        "pemilu2024.dpt.total",
        "204.807.222",
    );
    // ballot number
    contradicted(
        "Pasangan Prabowo-Gibran mendapat nomor urut 1 dalam Pilpres 2024.",
        "pemilu2024.pair-2.ballot",
        "nomor urut 2",
    );
    // institution name
    contradicted(
        "Komisi Penyelenggara Umum (KPU) menggelar rapat pleno pada 2 Juli 2023.",
        "institution.kpu.name",
        "Komisi Pemilihan Umum",
    );
}

#[test]
fn agreeing_values_are_verified() {
    verified(
        "Pemungutan suara Pemilu 2024 digelar pada Rabu, 14 Februari 2024.",
        "pemilu2024.voting-day",
    );
    verified(
        "KPU menetapkan DPT Pemilu 2024 sebanyak 204.807.222 pemilih.",
        "pemilu2024.dpt.total",
    );
    verified(
        "DPT Pemilu 2024 tercatat 204,8 juta pemilih.",
        "pemilu2024.dpt.total",
    );
    verified(
        "Prabowo-Gibran meraih 96.214.691 suara atau 58,59 persen.",
        "pemilu2024.result.pair-2.votes",
    );
    verified(
        "Pasangan nomor urut 2 Prabowo-Gibran resmi ditetapkan KPU sebagai pemenang.",
        "pemilu2024.pair-2.ballot",
    );
    verified(
        "Masa tenang Pemilu 2024 berlangsung 11-13 Februari 2024.",
        "pemilu2024.quiet-period",
    );
}

#[test]
fn several_figures_each_find_their_pair() {
    let c = one(
        "Anies-Muhaimin memperoleh 24,95 persen, Prabowo-Gibran 58,59 persen dan Ganjar-Mahfud 16,47 persen.",
    );
    assert_eq!(c.verdict, Verdict::Verified, "{c:#?}");
    let c = one(
        "Anies-Muhaimin memperoleh 58,59 persen, Prabowo-Gibran 24,95 persen dan Ganjar-Mahfud 16,47 persen.",
    );
    assert_eq!(c.verdict, Verdict::Contradicted, "{c:#?}");
}

#[test]
fn a_qualifier_stays_in_its_own_clause() {
    // "di dalam negeri" qualifies 820.161, not the 3.059 after "dan" (it used to make the total
    // of 823.220 claim 820.161 and contradict a true sentence).
    verified(
        "Pemilu 2024 memakai 820.161 TPS di dalam negeri dan 3.059 TPS di luar negeri.",
        "pemilu2024.tps.domestic",
    );
    verified(
        "In the 2024 election there were 820,161 polling stations in Indonesia and 3,059 polling stations abroad.",
        "pemilu2024.tps.domestic",
    );
    contradicted(
        "Pemilu 2024 memakai 820.161 TPS di dalam negeri dan 3.000 TPS di luar negeri.",
        "pemilu2024.tps.abroad",
        "3.059",
    );
    contradicted(
        "Pemilu 2024 memakai 800.161 TPS di dalam negeri dan 3.059 TPS di luar negeri.",
        "pemilu2024.tps.domestic",
        "820.161",
    );
}

#[test]
fn verified_needs_every_value_to_agree() {
    // The date agrees, the audience figure is not in any official record.
    let c = one(
        "Pemungutan suara Pemilu 2024 digelar 14 Februari 2024 dan dihadiri 5.000 relawan di Jakarta.",
    );
    assert_eq!(c.verdict, Verdict::Unverified, "{c:#?}");
    // Naming the KPU correctly, or quoting it, confirms nothing.
    let c = one("Komisi Pemilihan Umum (KPU) mengumumkan 1.200 petugas baru untuk Pemilu 2024.");
    assert_eq!(c.verdict, Verdict::Unverified, "{c:#?}");
    // Misleading framing around a true figure is not a green light either.
    let c = one(
        "KPU akhirnya mengaku DPT Pemilu 2024 sebanyak 204.807.222 pemilih, 3 juta di antaranya fiktif.",
    );
    assert_ne!(c.verdict, Verdict::Verified, "{c:#?}");
}

#[test]
fn regional_and_other_elections_are_not_compared_with_national_facts() {
    assert_eq!(
        verdict("KPU Kalbar menetapkan DPT sebanyak 3.500.000 pemilih."),
        Some(Verdict::Unverified)
    );
    assert_ne!(
        verdict("Pemungutan suara ulang di TPS 12 digelar pada 24 Februari 2024."),
        Some(Verdict::Contradicted)
    );
    assert_ne!(
        verdict("Pemungutan suara Pemilu 2019 digelar pada 17 April 2019."),
        Some(Verdict::Contradicted)
    );
}

#[test]
fn other_rulings_and_regional_races_are_not_compared_with_the_presidential_ones() {
    for text in [
        "Gugatan uji formil putusan nomor 90 diputus MK pada 16 Januari 2024.",
        "KPU Jatim menetapkan Khofifah-Emil setelah MK memutus sengketa pada 4 Februari 2025.",
        "KPU Sumut menetapkan Bobby-Surya sebagai calon terpilih pada 5 Februari 2025.",
    ] {
        assert_ne!(verdict(text), Some(Verdict::Contradicted), "{text}");
    }
}

#[test]
fn questions_and_appeals_are_not_claims() {
    assert_eq!(
        verdict("Apakah pemungutan suara digelar 15 Februari 2024?"),
        None
    );
    assert_eq!(verdict("Ayo coblos nomor urut 2 pada 14 Februari!"), None);
}

#[test]
fn english_sentences_are_checked() {
    let opts = CheckOptions {
        lang: Some(Lang::En),
        url: None,
    };
    let r = engine().check(
        "Indonesia's General Elections Commission said 204,807,222 voters are on the final voter list.",
        &opts,
    );
    assert_eq!(r.claims.len(), 1, "{r:#?}");
    assert_eq!(r.claims[0].verdict, Verdict::Verified);
    let r = engine().check(
        "Voting day for the 2024 election was February 15, 2024.",
        &opts,
    );
    assert_eq!(r.claims[0].verdict, Verdict::Contradicted, "{r:#?}");
    assert_eq!(
        r.claims[0].official_value.as_deref(),
        Some("14 February 2024")
    );
}

const HOAX: &str = "thx24-3728";

#[test]
fn hoax_rewordings_are_debunked_with_the_right_entry() {
    for text in [
        "KPU Temukan Bukti Vital Kecurangan Gibran di Debat Cawapres",
        "KPU TEMUKAN BUKTI VITAL KECURANGAN GIBRAN DI DEBAT CAWAPRES",
        "VIRAL!! KPU temukan bukti vital kecurangan Gibran di debat cawapres",
        "GEGER MALAM INI || KPU TEMUKAN BVKTI V1TAL, KECUR4NG4N GIBRAN DI PILPRES T£RB0NGK∆R",
        "\u{41A}\u{420}U temukan bukti vital kecurangan Gibran di debat cawapres",
        "K\u{200B}P\u{200D}U temukan bukti vital kecurangan Gibran di debat cawapres",
        "ＫＰＵ temukan bukti vital kecurangan Gibran di debat cawapres",
        "K P U temukan bukti vital kecurangan Gibran di debat cawapres",
        "KPU 🔥 temukan 🔥 bukti vital kecurangan Gibran 😱 di debat cawapres",
        "KPU temukan bukti kecurangan Gibran di debat cawapres",
        "Ternyata KPU menemukan bukti vital kecurangan Gibran dalam debat cawapres kemarin",
        "Kecurangan Gibran di debat cawapres, KPU temukan bukti vital",
    ] {
        let c = one(text);
        assert_eq!(c.verdict, Verdict::Debunked, "{text}\n{c:#?}");
        assert_eq!(c.hoax_id.as_deref(), Some(HOAX), "{text}");
        assert!(c.reason.id.contains("Mafindo"), "{}", c.reason.id);
    }
}

#[test]
fn true_sentences_sharing_words_with_a_hoax_are_not_debunked() {
    for text in [
        // shares MK, gugatan and all four names with "MK Kabulkan Gugatan Anies-Muhaimin dan Ganjar-Mahfud"
        "MK menolak gugatan Anies-Muhaimin dan Ganjar-Mahfud pada 22 April 2024.",
        // shares real count, 15 Februari 2024 with "Hasil suara real count … dimenangkan oleh Anies"
        "Ketua KPU menyampaikan hasil real count sementara pada 15 Februari 2024.",
        // shares KPU, Gibran, debat cawapres
        "KPU menggelar debat cawapres yang diikuti Gibran, Muhaimin dan Mahfud.",
        // a true statement about one of the pair named in "OKTOBER 2019 PRABOWO-SANDI DILANTIK"
        "Prabowo dilantik sebagai Menteri Pertahanan pada 23 Oktober 2019.",
        // a refutation quotes the hoax
        "Faktanya, KPU tidak pernah menemukan bukti vital kecurangan Gibran di debat cawapres; kabar itu hoaks.",
    ] {
        assert_ne!(verdict(text), Some(Verdict::Debunked), "{text}");
    }
}
