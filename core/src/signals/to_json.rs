//! The JSON form of every signal type: what JavaScript receives (declared for TypeScript
//! in `src/signals/typescript.rs`) and what the native tools print. camelCase field names,
//! `null` for absent values, enums as their lowercase names.

use super::*;
use crate::json::ToJson;
use crate::json_object;

macro_rules! named_enum_to_json {
    ($($t:ty),*) => {$(
        impl ToJson for $t {
            fn write_json(&self, out: &mut String) {
                self.as_str().write_json(out);
            }
        }
    )*};
}
named_enum_to_json!(DeviceClass, Pointer, Weekday, Daypart, ReferrerClass);

impl ToJson for Snapshot {
    fn write_json(&self, out: &mut String) {
        json_object!(out,
            "device" => self.device,
            "time" => self.time,
            "page" => self.page,
            "behaviour" => self.behaviour,
            "location" => self.location,
        );
    }
}

impl ToJson for Device {
    fn write_json(&self, out: &mut String) {
        json_object!(out,
            "class" => self.class,
            "touch" => self.touch,
            "pointer" => self.pointer,
            "viewportWidth" => self.viewport_width,
            "viewportHeight" => self.viewport_height,
            "pixelRatio" => self.pixel_ratio,
            "effectiveType" => self.effective_type,
            "saveData" => self.save_data,
            "languages" => self.languages,
            "reducedMotion" => self.reduced_motion,
            "hints" => self.hints,
        );
    }
}

impl ToJson for ClientHints {
    fn write_json(&self, out: &mut String) {
        json_object!(out, "mobile" => self.mobile, "platform" => self.platform);
    }
}

impl ToJson for LocalTime {
    fn write_json(&self, out: &mut String) {
        json_object!(out,
            "hour" => self.hour,
            "minute" => self.minute,
            "weekday" => self.weekday,
            "weekend" => self.weekend,
            "daypart" => self.daypart,
            "timeZone" => self.time_zone,
            "utcOffsetMinutes" => self.utc_offset_minutes,
        );
    }
}

impl ToJson for PageSignals {
    fn write_json(&self, out: &mut String) {
        json_object!(out,
            "path" => self.path,
            "query" => self.query,
            "searchQuery" => self.search_query,
            "utm" => self.utm,
            "referrer" => self.referrer,
            "language" => self.language,
            "title" => self.title,
            "description" => self.description,
            "ogType" => self.og_type,
            "headings" => self.headings,
            "schemaTypes" => self.schema_types,
            "cues" => self.cues,
            "termCount" => self.terms.len() as u32,
            "skipped" => self.skipped,
        );
    }
}

impl ToJson for Utm {
    fn write_json(&self, out: &mut String) {
        json_object!(out,
            "source" => self.source,
            "medium" => self.medium,
            "campaign" => self.campaign,
            "term" => self.term,
            "content" => self.content,
        );
    }
}

impl ToJson for Heading {
    fn write_json(&self, out: &mut String) {
        json_object!(out, "level" => self.level, "text" => self.text);
    }
}

impl ToJson for Cues {
    fn write_json(&self, out: &mut String) {
        json_object!(out,
            "prices" => self.prices,
            "cartButtons" => self.cart_buttons,
            "cartLinks" => self.cart_links,
            "addresses" => self.addresses,
            "openingHours" => self.opening_hours,
            "telLinks" => self.tel_links,
            "phoneNumbers" => self.phone_numbers,
            "mapEmbeds" => self.map_embeds,
            "directionLinks" => self.direction_links,
            "ingredientItems" => self.ingredient_items,
            "stepItems" => self.step_items,
            "videos" => self.videos,
        );
    }
}

impl ToJson for Skipped {
    fn write_json(&self, out: &mut String) {
        json_object!(out,
            "readingLimitReached" => self.reading_limit_reached,
            "readingFailed" => self.reading_failed,
            "textTruncated" => self.text_truncated,
            "jsonLdMalformed" => self.json_ld_malformed,
            "jsonLdTooLarge" => self.json_ld_too_large,
            "itemsOverLimit" => self.items_over_limit,
        );
    }
}

impl ToJson for Behaviour {
    fn write_json(&self, out: &mut String) {
        json_object!(out,
            "pageViews" => self.page_views,
            "dwellMs" => self.dwell_ms,
            "maxScrollDepth" => self.max_scroll_depth,
            "intentClicks" => self.intent_clicks,
            "cartActions" => self.cart_actions,
            "searchActions" => self.search_actions,
            "visibilityChanges" => self.visibility_changes,
            "repeatVisits" => self.repeat_visits,
        );
    }
}

impl ToJson for LocationSignal {
    fn write_json(&self, out: &mut String) {
        json_object!(out,
            "geohash" => self.geohash,
            "nearestDistanceM" => self.nearest_distance_m,
            "nearestId" => self.nearest_id,
        );
    }
}
