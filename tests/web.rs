//! Browser tests of the binding, run in headless Chromium by wasm-bindgen-test-runner
//! (see scripts/test.sh): values and errors as JavaScript sees them, on a real DOM.
#![cfg(target_arch = "wasm32")]

use augenblick::{version, SignalCollector};
use js_sys::{Array, Object, Reflect, JSON};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn json(text: &str) -> JsValue {
    JSON::parse(text).expect("test JSON")
}

fn get(value: &JsValue, path: &str) -> JsValue {
    path.split('.').fold(value.clone(), |v, key| {
        Reflect::get(&v, &key.into()).unwrap()
    })
}

fn error_of<T>(result: Result<T, JsValue>) -> js_sys::Error {
    match result {
        Ok(_) => panic!("expected an error"),
        Err(e) => e
            .dyn_into::<js_sys::Error>()
            .expect("a thrown value must be a real Error object"),
    }
}

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn storage_keys() -> Vec<String> {
    let window = web_sys::window().unwrap();
    let mut keys = Vec::new();
    for storage in [window.local_storage(), window.session_storage()] {
        let storage = storage.unwrap().unwrap();
        for i in 0..storage.length().unwrap() {
            keys.push(storage.key(i).unwrap().unwrap());
        }
    }
    keys
}

fn no_augenblick_keys() -> bool {
    storage_keys().iter().all(|k| !k.starts_with("augenblick:"))
}

#[wasm_bindgen_test]
fn version_is_the_crate_version() {
    assert_eq!(version(), env!("CARGO_PKG_VERSION"));
}

#[wasm_bindgen_test]
fn bad_options_throw_named_errors_that_name_the_option() {
    let cases = [
        (json(r#"{"consnet":{}}"#), "unknown option consnet"),
        (
            json(r#"{"consent":{"storage":1}}"#),
            "invalid option consent.storage: expected true or false",
        ),
        (
            json(r#"{"locations":[{"id":"a","lat":100,"lon":0}]}"#),
            "invalid option locations[0].lat: expected a number from -90 to 90",
        ),
        (json("[1]"), "invalid option options: expected an object"),
        (
            js_sys::Function::new_no_args("").into(),
            "invalid option options: expected an object of plain values",
        ),
    ];
    for (options, message) in cases {
        let err = error_of(SignalCollector::new(Some(options.unchecked_into())));
        assert_eq!(String::from(err.name()), "InvalidOptionError");
        assert_eq!(String::from(err.message()), message);
    }
    // A cycle cannot be JSON: refused, not a crash.
    let cyclic = Object::new();
    Reflect::set(&cyclic, &"self".into(), &cyclic).unwrap();
    let err = error_of(SignalCollector::new(Some(cyclic.unchecked_into())));
    assert_eq!(String::from(err.name()), "InvalidOptionError");
}

#[wasm_bindgen_test]
fn the_snapshot_reads_the_live_page() {
    // A container of our own: the test runner reports through elements of its own page.
    let body = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&body).unwrap();
    body.set_inner_html(
        r#"<h1>Margherita</h1>
           <script type="application/ld+json">{"@graph":[{"@type":"Recipe"},{"@type":"VideoObject"}]}</script>
           <ul class="ingredients"><li>Mehl</li><li>Wasser</li><li>Hefe</li></ul>
           <p>Nur 9,90 € – Öffnungszeiten Mo–Fr 11:00–22:00</p>
           <a href="tel:+49301234">Anrufen</a>
           <button data-augenblick-intent="buy">In den Warenkorb</button>"#,
    );
    let collector = SignalCollector::new(None).unwrap();
    body.query_selector("button")
        .unwrap()
        .unwrap()
        .unchecked_into::<web_sys::HtmlElement>()
        .click();
    let snapshot = collector.snapshot().unwrap();

    let page = get(&snapshot, "page");
    let types: Vec<_> = Array::from(&get(&page, "schemaTypes"))
        .iter()
        .filter_map(|t| t.as_string())
        .collect();
    assert_eq!(types, ["Recipe", "VideoObject"]);
    assert_eq!(get(&page, "headings").unchecked_into::<Array>().length(), 1);
    assert_eq!(get(&page, "cues.ingredientItems").as_f64(), Some(3.0));
    assert_eq!(get(&page, "cues.prices").as_f64(), Some(1.0));
    assert_eq!(get(&page, "cues.openingHours").as_f64(), Some(2.0));
    assert_eq!(get(&page, "cues.telLinks").as_f64(), Some(1.0));
    assert_eq!(get(&page, "cues.cartButtons").as_f64(), Some(1.0));

    let behaviour = get(&snapshot, "behaviour");
    assert_eq!(
        get(&behaviour, "intentClicks")
            .unchecked_into::<Array>()
            .get(3)
            .as_f64(),
        Some(1.0)
    );
    assert_eq!(get(&behaviour, "cartActions").as_f64(), Some(1.0));
    assert_eq!(get(&behaviour, "pageViews").as_f64(), Some(1.0));
    assert!(get(&behaviour, "repeatVisits").is_null());

    let hour = get(&snapshot, "time.hour").as_f64().unwrap();
    assert!((0.0..24.0).contains(&hour));
    assert!(get(&snapshot, "device.viewportWidth").as_f64().unwrap() > 0.0);
    assert!(get(&snapshot, "location").is_null());
    collector.destroy();
    body.remove();
}

#[wasm_bindgen_test]
fn storage_is_written_only_with_consent_and_erased_when_it_is_withdrawn() {
    let collector = SignalCollector::new(None).unwrap();
    collector.snapshot().unwrap();
    assert!(
        storage_keys().iter().all(|k| !k.starts_with("augenblick:")),
        "{:?}",
        storage_keys()
    );

    collector.set_consent(json(r#"{"storage":true}"#)).unwrap();
    let snapshot = collector.snapshot().unwrap();
    assert!(storage_keys().iter().any(|k| k.starts_with("augenblick:")));
    assert!(get(&snapshot, "behaviour.repeatVisits").as_f64().is_some());

    // An update names only what changes: storage consent stays.
    collector
        .set_consent(json(r#"{"geolocation":false}"#))
        .unwrap();
    assert!(storage_keys().iter().any(|k| k.starts_with("augenblick:")));

    collector.set_consent(json(r#"{"storage":false}"#)).unwrap();
    assert!(no_augenblick_keys(), "{:?}", storage_keys());
    assert!(get(&collector.snapshot().unwrap(), "behaviour.repeatVisits").is_null());
    collector.destroy();
}

/// Resolves in a later task, after the ones already queued.
async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback(&resolve)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

#[wasm_bindgen_test]
async fn a_collector_without_storage_consent_erases_what_an_earlier_one_stored() {
    let with_consent = || json(r#"{"consent":{"storage":true}}"#).unchecked_into();
    let earlier = SignalCollector::new(Some(with_consent())).unwrap();
    assert!(!no_augenblick_keys());
    earlier.destroy();
    let later = SignalCollector::new(None).unwrap();
    // Erased in a task of its own, so the first decision does not wait for storage.
    next_task().await;
    assert!(no_augenblick_keys(), "{:?}", storage_keys());
    later.destroy();

    // Consent given before that task keeps what it stored.
    SignalCollector::new(Some(with_consent()))
        .unwrap()
        .destroy();
    let consenting = SignalCollector::new(None).unwrap();
    consenting.set_consent(json(r#"{"storage":true}"#)).unwrap();
    next_task().await;
    assert!(!no_augenblick_keys(), "{:?}", storage_keys());
    consenting
        .set_consent(json(r#"{"storage":false}"#))
        .unwrap();
    assert!(no_augenblick_keys(), "{:?}", storage_keys());
    consenting.destroy();

    // So does a collector started with consent after one without.
    let without = SignalCollector::new(None).unwrap();
    let with = SignalCollector::new(Some(with_consent())).unwrap();
    next_task().await;
    assert!(!no_augenblick_keys(), "{:?}", storage_keys());
    with.set_consent(json(r#"{"storage":false}"#)).unwrap();
    without.destroy();
    with.destroy();
}
