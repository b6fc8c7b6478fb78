//! The decision path, run once when the module loads on a built-in sample page.
//!
//! V8 compiles a wasm function the first time it is called (lazy compilation). Without
//! this, that compiling happened inside the site's first `Augenblick.init`, the call a page
//! waits for with its slots hidden: measured, it was 5 to 7 ms of that call
//! (BENCHMARKS.md, "Where the first call's time goes"). The module's load, which is
//! asynchronous and overlaps the page's own loading, does it instead, and parses the
//! shipped model the engines will use. Nothing is read from the page, stored or sent, and
//! the results are dropped.

use augenblick_core::consent::{ConsentLedger, Source};
use augenblick_core::inference::Engine;
use augenblick_core::json::{self, ToJson, Value};
use augenblick_core::signals::{BehaviourTracker, Environment, PageSignals, RawPage, Snapshot};
use augenblick_core::slots::{decide_slots, SlotContext};
use augenblick_core::InitOptions;
use wasm_bindgen::prelude::*;

use crate::inference::shipped_model;

/// Options with every part the first call reads: a location, rules, consent.
const OPTIONS: &str = r##"{"consent":{"storage":false},"locations":[{"id":"a","lat":52.52,"lon":13.4}],
"rules":[{"selector":"#cta","moment":"go","name":"directions","text":"Directions","attributes":{"href":"/stores"}},
{"slot":"hero","moment":"buy","minConfidence":0.5,"template":"order"}]}"##;

/// A page as the browser snippet reads it, with something for every cue.
const PAGE: &str = r#"{"url":"https://pizza.example/menu?utm_source=news","referrer":"https://www.google.com/",
"lang":"en","title":"Menu and opening hours","meta":[["description","Order pizza online"],["og:type","website"]],
"headings":[[1,"Our menu"],[2,"Margherita"]],
"jsonLd":["{\"@context\":\"https://schema.org\",\"@type\":\"Restaurant\",\"address\":{\"streetAddress\":\"Main St 1\"}}"],
"itemtypes":["https://schema.org/Product"],"links":[["tel:+4930123456","Call"],["/cart","Cart"],["https://maps.google.com/?q=x","Directions"]],
"buttons":[["Add to cart","",""]],"frames":["https://www.google.com/maps/embed?pb=1"],"videos":1,"addresses":1,
"lists":[["ingredients",5],["steps",4]],
"text":" Margherita € 9.50, Diavola $12.00. Open Mon–Fri 11:00–22:00. 12 Main Street. Tel. +49 30 1234567. Step 1: preheat the oven.",
"truncated":false}"#;

/// A desktop in the evening, as the browser snippet reads it.
const ENVIRONMENT: &str = r#"{"userAgent":"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36",
"hints":{"mobile":false,"platform":"Linux"},"maxTouchPoints":0,"pointer":"fine","viewportWidth":1280,
"viewportHeight":800,"pixelRatio":1,"effectiveType":"4g","saveData":false,"languages":["en"],
"reducedMotion":false,"now":1764612000000,"utcOffsetMinutes":60,"timeZone":"Europe/Berlin"}"#;

/// Behaviour events as the browser snippet logs them.
const EVENTS: &str =
    r#"[["click","buy",["Order now","",""]],["scroll",0.6],["visibility",false,1764612000000]]"#;

/// Two slots as `Augenblick` describes them: one rule, one template.
const SLOTS: &str = r#"{"conditions":[["go","0.3","0.2","mobile desktop","evening"]],"slots":[[[0],[]],[[1],[0]]]}"#;

#[wasm_bindgen(start)]
fn warm_up() {
    std::hint::black_box(sample_run());
}

/// What the sample run produced, as JSON: the consent in effect, the rules, the snapshot,
/// the moment and the slots' choices. `None` if the sample options no longer read, which
/// a test (tests/web.rs) would catch: the warm-up would then silently do almost nothing.
#[doc(hidden)]
pub fn sample_run() -> Option<[String; 5]> {
    let parse = |text: &str| json::parse(text).unwrap_or(Value::Null);
    let options = InitOptions::from_json(&parse(OPTIONS)).ok()?;
    let mut consent = ConsentLedger::default();
    consent.record(Source::Site, &options.signals.consent);
    let config = &options.signals.config;
    let environment = Environment::from_json(&parse(ENVIRONMENT));
    let now = 1_764_612_000_000.0;
    let mut behaviour = BehaviourTracker::start(now, true);
    behaviour.apply(&parse(EVENTS), config);
    let snapshot = Snapshot {
        device: environment.device,
        time: environment.time,
        page: PageSignals::from_raw(&RawPage::from_json(&parse(PAGE)), &config.search_params),
        behaviour: behaviour.at(now),
        location: None,
    };
    let moment = Engine::new(shipped_model(), options.engine.session).decide(&snapshot, now);
    let context = SlotContext {
        kind: moment.kind,
        confidence: moment.confidence,
        urgency: moment.urgency,
        device: snapshot.device.class,
        daypart: snapshot.time.daypart,
    };
    Some([
        consent.to_json(),
        options.rules.to_json(),
        snapshot.to_json(),
        moment.to_json(),
        decide_slots(&parse(SLOTS), &options.rules, &context).to_json(),
    ])
}
