//! The moment model: from a signals [`Snapshot`] to a [`Moment`] (know, go, do or buy, its
//! confidence, the urgency and the reasons), on the device.
//!
//! | step | file | what it does |
//! |---|---|---|
//! | page features | `features.rs` | names what the model may see of a page |
//! | page model | `model.rs` | the trained weights (a versioned text file) and the page's scores |
//! | session | `session.rs` | earlier pages with decay, and hysteresis |
//! | context | `context.rs` | the documented table of device, time, place and behaviour effects |
//! | decision | `decide.rs` | all of it together, with urgency and reasons |
//!
//! ```
//! use augenblick_core::inference::{Engine, Model, SessionOptions};
//! use augenblick_core::signals::{Behaviour, Environment, PageSignals, RawList, RawPage, Snapshot};
//! use augenblick_core::{json, MomentKind};
//!
//! let raw = RawPage {
//!     url: "https://pizza.example/rezepte/margherita".into(),
//!     title: "Pizza Margherita – das Rezept".into(),
//!     headings: vec![(2, "Zutaten".into()), (2, "Zubereitung".into())],
//!     lists: vec![
//!         RawList { label: "zutaten".into(), items: 4 },
//!         RawList { label: "zubereitung".into(), items: 3 },
//!     ],
//!     text: "Zutaten: 500 g Mehl, 325 ml Wasser, Hefe, Salz. Zubereitung: Den Teig \
//!            kneten und 24 Stunden gehen lassen. Im Ofen bei 250 Grad backen."
//!         .into(),
//!     ..RawPage::default()
//! };
//! let Environment { device, time } = Environment::from_json(&json::parse("{}").unwrap());
//! let snapshot = Snapshot {
//!     device,
//!     time,
//!     page: PageSignals::from_raw(&raw, &[]),
//!     behaviour: Behaviour::default(),
//!     location: None,
//! };
//! let mut engine = Engine::new(Model::default_model(), SessionOptions::default());
//! let moment = engine.decide(&snapshot, 0.0);
//! assert_eq!(moment.kind, MomentKind::Do);
//! assert!(moment.reasons.iter().any(|r| r.signal == "cue:ingredient_items"));
//! ```
//!
//! [`Snapshot`]: crate::signals::Snapshot

mod context;
mod decide;
mod features;
mod model;
mod options;
mod probability;
mod session;
mod to_json;

pub use context::{context_signals, ContextRow, CONTEXT_TABLE, MOMENT_URGENCY, URGENCY_BASE};
pub use decide::{Engine, Moment, Reason, MAX_REASONS};
pub use features::{for_each_named_feature, SITE_FURNITURE_TYPES};
pub use model::{
    term_value, Model, ModelFeature, PageEvidence, DEFAULT_MODEL, FORMAT_NAME, FORMAT_VERSION,
};
pub use options::EngineOptions;
pub use session::{Session, SessionOptions};
