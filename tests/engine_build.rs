//! Building the engine in steps (what a page does, yielding to the browser between steps) gives
//! the same engine as building it in one go, with the same handling of bundles of one's own.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

use saring::engine::{BuildStep, EngineBuild};
use saring::{CheckOptions, Engine};

fn read(rel: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(rel))
        .unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// The seed articles and the newsroom page: texts with every verdict.
fn texts() -> Vec<String> {
    vec![
        read("tests/fixtures/000_79dca809346a6dbc.txt"),
        read("tests/fixtures/004_427392cf7a2454fe.txt"),
        read("tests/fixtures/off_topic.txt"),
        "Pemungutan suara Pemilu 2024 digelar pada 15 Februari 2024.".to_string(),
    ]
}

fn stepwise(build: &mut EngineBuild) -> (Engine, usize) {
    let mut steps = 0;
    loop {
        steps += 1;
        match build.step().expect("the default bundle decodes") {
            BuildStep::Done(engine) => return (engine, steps),
            BuildStep::Pending => assert!(steps < 100, "the build never ends"),
        }
    }
}

fn same_reports(a: &Engine, b: &Engine) {
    let opts = CheckOptions::default();
    for t in texts() {
        assert_eq!(a.check(&t, &opts), b.check(&t, &opts));
    }
}

#[test]
fn a_stepwise_build_is_the_engine_built_at_once() {
    let (engine, steps) = stepwise(&mut EngineBuild::with_json(Vec::new()));
    // Decode, facts, hoaxes, names, assemble and three warm-up steps, each its own.
    assert!(steps >= 8, "{steps} steps");
    let at_once = Engine::new().expect("engine");
    same_reports(&engine, &at_once);
    assert_eq!(
        engine.bundles().map(|c| &c.hash).collect::<Vec<_>>(),
        at_once.bundles().map(|c| &c.hash).collect::<Vec<_>>()
    );
}

#[test]
fn bundles_of_ones_own_load_as_when_added_one_by_one_and_a_bad_one_is_skipped() {
    let newsroom = read("tests/e2e/pages/bundle-newsroom.json");
    let json = vec![
        ("bundle-0.json".to_string(), "{ not json".to_string()),
        ("bundle-1.json".to_string(), newsroom.clone()),
    ];
    let mut build = EngineBuild::with_json(json);
    let (engine, _) = stepwise(&mut build);
    let skipped = build.skipped();
    assert_eq!(skipped.len(), 1);
    assert_eq!(skipped[0].0, "bundle-0.json");
    assert!(!skipped[0].1.is_empty());

    let mut added = Engine::new().expect("engine");
    assert!(
        added
            .add_bundle_json("bundle-0.json", "{ not json")
            .is_err()
    );
    added
        .add_bundle_json("bundle-1.json", &newsroom)
        .expect("the newsroom bundle validates");
    assert_eq!(engine.bundles().count(), 2);
    assert_eq!(
        engine.bundles().map(|c| &c.hash).collect::<Vec<_>>(),
        added.bundles().map(|c| &c.hash).collect::<Vec<_>>()
    );
    same_reports(&engine, &added);
}
