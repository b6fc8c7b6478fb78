//! schema.org types from JSON-LD: every `@type` at any depth, so arrays, `@graph` and
//! nested objects need no special case.

use super::text::after_last;
use crate::json::{self, Value};

/// Largest JSON-LD block read, in bytes; larger ones are skipped and counted.
pub const MAX_JSON_LD_BYTES: usize = 256 * 1024;

/// Why a JSON-LD block gave no types.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JsonLdProblem {
    /// Longer than [`MAX_JSON_LD_BYTES`]; not read at all.
    TooLarge,
    /// Not JSON, or nested deeper than [`json::MAX_DEPTH`]. Like `JSON.parse` in a browser
    /// and like search engines, the whole block is then ignored.
    Malformed,
}

/// Appends the `@type` values of one JSON-LD block to `types` (as written: normalise with
/// [`schema_type_name`]).
pub fn collect_types(text: &str, types: &mut Vec<String>) -> Result<(), JsonLdProblem> {
    if text.len() > MAX_JSON_LD_BYTES {
        return Err(JsonLdProblem::TooLarge);
    }
    let value = json::parse(text).map_err(|_| JsonLdProblem::Malformed)?;
    value.walk(&mut |node| {
        if let Some(kind) = node.get("@type") {
            match kind {
                Value::String(name) => types.push(name.clone()),
                Value::Array(names) => {
                    types.extend(names.iter().filter_map(Value::as_str).map(str::to_owned))
                }
                _ => {}
            }
        }
    });
    Ok(())
}

/// The schema.org type name of a `@type` value: `"https://schema.org/Recipe"`,
/// `"schema:Recipe"` and `"Recipe"` are all `Recipe`. Empty for an empty value.
pub fn schema_type_name(value: &str) -> &str {
    after_last(after_last(value.trim(), b"/#"), b":")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn types_of(json: &str) -> (Vec<String>, Result<(), JsonLdProblem>) {
        let mut types = Vec::new();
        let result = collect_types(json, &mut types);
        (types, result)
    }

    #[test]
    fn finds_types_at_every_depth() {
        let json = r#"{"@context":"https://schema.org","@graph":[
            {"@type":"WebPage","breadcrumb":{"@type":"BreadcrumbList"}},
            {"@type":["Recipe","HowTo"],"author":{"@type":"Person","name":"A \"B\""}},
            {"@type":"https://schema.org/VideoObject","n":[1,-2.5e3,true,null]}]}"#;
        let (types, result) = types_of(json);
        assert_eq!(result, Ok(()));
        assert_eq!(
            types,
            [
                "WebPage",
                "BreadcrumbList",
                "Recipe",
                "HowTo",
                "Person",
                "https://schema.org/VideoObject"
            ]
        );
    }

    #[test]
    fn a_top_level_array_works() {
        let (types, result) = types_of(r#"[{"@type":"Product"},{"@type":"Organization"}]"#);
        assert_eq!(result, Ok(()));
        assert_eq!(types, ["Product", "Organization"]);
    }

    #[test]
    fn malformed_blocks_give_no_types() {
        let (types, result) = types_of(r#"{"@type":"Recipe", "name": "unterminated"#);
        assert_eq!((types.len(), result), (0, Err(JsonLdProblem::Malformed)));
        assert_eq!(
            types_of(&"[".repeat(100_000)).1,
            Err(JsonLdProblem::Malformed)
        );
    }

    #[test]
    fn huge_blocks_are_not_read() {
        let huge = format!(
            r#"{{"@type":"Product","x":"{}"}}"#,
            "a".repeat(MAX_JSON_LD_BYTES)
        );
        assert_eq!(types_of(&huge), (vec![], Err(JsonLdProblem::TooLarge)));
    }

    #[test]
    fn type_names_are_normalised() {
        assert_eq!(schema_type_name("https://schema.org/Recipe"), "Recipe");
        assert_eq!(schema_type_name("http://schema.org/Product "), "Product");
        assert_eq!(schema_type_name("schema:Restaurant"), "Restaurant");
        assert_eq!(schema_type_name("Article"), "Article");
        assert_eq!(schema_type_name(""), "");
    }
}
