//! The micro-moments brief as tests, on the shipped model: the pizza example (the same
//! page leans *do* at a desktop on a weekday afternoon and *go* on a phone in the evening
//! near a store) and a visitor's journey from *know* to *buy*.

use augenblick_core::inference::{Engine, Model, Moment, SessionOptions};
use augenblick_core::json;
use augenblick_core::signals::{
    Behaviour, BehaviourEvent, Environment, LocationSignal, PageSignals, RawButton, RawLink,
    RawList, RawPage, Snapshot,
};
use augenblick_core::MomentKind;

const DESKTOP_UA: &str = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const PHONE_UA: &str = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";
/// Wednesday 2026-12-02, 15:00 in Berlin (UTC+1).
const WEDNESDAY_15H: f64 = 1_796_220_000_000.0;
/// The same day at 19:30.
const WEDNESDAY_19H30: f64 = WEDNESDAY_15H + 4.5 * 3_600_000.0;

fn snapshot(
    raw: &RawPage,
    user_agent: &str,
    now: f64,
    location: Option<LocationSignal>,
) -> Snapshot {
    let environment = format!(
        r#"{{"userAgent":"{user_agent}","now":{now},"utcOffsetMinutes":60,"timeZone":"Europe/Berlin"}}"#
    );
    let Environment { device, time } = Environment::from_json(&json::parse(&environment).unwrap());
    let mut behaviour = Behaviour::default();
    behaviour.record(BehaviourEvent::PageView);
    Snapshot {
        device,
        time,
        page: PageSignals::from_raw(raw, &[]),
        behaviour,
        location,
    }
}

fn engine() -> Engine {
    Engine::new(Model::default_model(), SessionOptions::default())
}

fn link(href: &str, text: &str) -> RawLink {
    RawLink {
        href: href.into(),
        text: text.into(),
    }
}

/// A pizza chain's page for its Margherita: the recipe to make it at home, and the
/// nearest restaurant to eat it tonight.
fn pizza_page() -> RawPage {
    RawPage {
        url: "https://pizza-roma.example/pizza-margherita".into(),
        lang: "de".into(),
        title: "Pizza Margherita – Pizzeria Roma".into(),
        headings: vec![
            (1, "Pizza Margherita".into()),
            (2, "Zutaten".into()),
            (2, "Zubereitung".into()),
            (2, "Unsere Pizzeria in Mitte".into()),
        ],
        lists: vec![
            RawList {
                label: "Zutaten".into(),
                items: 6,
            },
            RawList {
                label: "Zubereitung".into(),
                items: 5,
            },
        ],
        links: vec![
            link("tel:+4930123456", "030 123456"),
            link(
                "https://www.google.com/maps/dir/?api=1&destination=Pizzeria+Roma",
                "Route planen",
            ),
        ],
        addresses: 1,
        text: "Pizza Margherita. Zutaten: 500 g Mehl, 325 ml Wasser, 7 g Hefe, Salz, Tomaten, \
               Mozzarella, Basilikum. Zubereitung: Den Teig kneten und über Nacht gehen lassen, \
               ausrollen, belegen und bei 250 Grad backen. Oder bei uns essen: Pizzeria Roma, \
               Torstraße 12, 10119 Berlin. Öffnungszeiten: Mo–So 11:30–23:00. Telefon 030 123456."
            .into(),
        ..RawPage::default()
    }
}

#[test]
fn pizza_at_a_desktop_on_a_weekday_afternoon_is_do() {
    let moment = engine().decide(
        &snapshot(&pizza_page(), DESKTOP_UA, WEDNESDAY_15H, None),
        WEDNESDAY_15H,
    );
    assert_eq!(moment.kind, MomentKind::Do, "{moment:#?}");
}

#[test]
fn pizza_on_a_phone_in_the_evening_near_a_store_is_go_and_more_urgent() {
    let near = LocationSignal {
        geohash: "u33dc1".into(),
        nearest_distance_m: Some(400),
        nearest_id: Some("mitte".into()),
    };
    let on_the_way = engine().decide(
        &snapshot(&pizza_page(), PHONE_UA, WEDNESDAY_19H30, Some(near)),
        WEDNESDAY_19H30,
    );
    let at_the_desk = engine().decide(
        &snapshot(&pizza_page(), DESKTOP_UA, WEDNESDAY_15H, None),
        WEDNESDAY_15H,
    );
    assert_eq!(on_the_way.kind, MomentKind::Go, "{on_the_way:#?}");
    assert!(
        on_the_way.urgency > at_the_desk.urgency + 0.2,
        "urgency {} on the way, {} at the desk",
        on_the_way.urgency,
        at_the_desk.urgency
    );
    let reasons: Vec<&str> = on_the_way
        .reasons
        .iter()
        .map(|r| r.signal.as_str())
        .collect();
    assert!(reasons.contains(&"context:walking_distance"), "{reasons:?}");
}

fn article(topic: &str) -> RawPage {
    RawPage {
        url: format!("https://magazin.example/geschichte/{topic}"),
        lang: "de".into(),
        title: format!("Die Geschichte der {topic}"),
        meta: vec![("og:type".into(), "article".into())],
        json_ld: vec![r#"{"@type":"NewsArticle","headline":"Geschichte"}"#.into()],
        headings: vec![(1, format!("Die Geschichte der {topic}"))],
        text: format!(
            "Von Anna Weber, aktualisiert am 3. März. Die {topic} hat eine lange Geschichte. \
             Historiker berichten, dass sie im 18. Jahrhundert in Neapel entstand. Lesen Sie \
             auch unsere Kommentare und Analysen. Der Autor schreibt regelmäßig über Politik, \
             Kultur und Wissenschaft."
        ),
        ..RawPage::default()
    }
}

fn product(name: &str) -> RawPage {
    RawPage {
        url: format!("https://shop.example/produkt/{name}"),
        lang: "de".into(),
        title: format!("{name} kaufen – Pizzastein-Shop"),
        meta: vec![("og:type".into(), "product".into())],
        json_ld: vec![r#"{"@type":"Product","offers":{"@type":"Offer","price":"39.90"}}"#.into()],
        buttons: vec![RawButton {
            text: "In den Warenkorb".into(),
            ..RawButton::default()
        }],
        links: vec![link("/warenkorb", "Warenkorb")],
        text: format!(
            "{name}. Preis 39,90 € inkl. MwSt., zzgl. Versand 4,90 €. Lieferzeit 2–3 Werktage. \
             Auf Lager. Jetzt kaufen. Bewertungen: 4,7 von 5 Sternen."
        ),
        ..RawPage::default()
    }
}

#[test]
fn a_journey_moves_from_know_to_buy_without_flipping_on_one_page() {
    let mut engine = engine();
    let mut now = WEDNESDAY_15H;
    let mut visit = |raw: RawPage, engine: &mut Engine| -> Moment {
        now += 60_000.0;
        engine.decide(&snapshot(&raw, DESKTOP_UA, now, None), now)
    };
    let mut after_articles = None;
    for topic in ["pizza", "margherita", "focaccia"] {
        let moment = visit(article(topic), &mut engine);
        assert_eq!(moment.kind, MomentKind::Know, "{moment:#?}");
        after_articles = Some(moment);
    }
    // One shop page after three articles: the moment holds, though buy gains.
    let buy = MomentKind::Buy as usize;
    let first_product = visit(product("pizzastein"), &mut engine);
    assert_eq!(first_product.kind, MomentKind::Know, "{first_product:#?}");
    assert!(
        first_product.scores[buy] > 10.0 * after_articles.unwrap().scores[buy],
        "{first_product:#?}"
    );
    // A second one tips it.
    let second_product = visit(product("pizzaschaufel"), &mut engine);
    assert_eq!(second_product.kind, MomentKind::Buy, "{second_product:#?}");
    assert!(second_product.confidence > 0.5);
}

#[test]
fn a_page_alone_reads_as_its_moment() {
    let moment = engine().decide(
        &snapshot(&product("pizzastein"), DESKTOP_UA, WEDNESDAY_15H, None),
        WEDNESDAY_15H,
    );
    assert_eq!(moment.kind, MomentKind::Buy);
    let total: f32 = moment.scores.iter().sum();
    assert!((total - 1.0).abs() < 1e-4);
    assert!(moment.reasons.len() <= 5 && !moment.reasons.is_empty());
    assert!(moment
        .reasons
        .windows(2)
        .all(|w| w[0].weight >= w[1].weight));
    let empty = engine().decide(
        &snapshot(&RawPage::default(), DESKTOP_UA, WEDNESDAY_15H, None),
        WEDNESDAY_15H,
    );
    assert!(
        empty.confidence < 0.6,
        "an empty page is no strong evidence: {empty:#?}"
    );
}
