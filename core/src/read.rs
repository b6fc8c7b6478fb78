//! What every option reader shares: the paths that name an option in an error
//! (`locations[2].lat`, `consent.storage`) and the one shape check they all make first.
//! Below `signals`, `consent`, `slots`, `inference` and `events`, so none of them imports
//! another for it.

use crate::json::Value;
use crate::{decimal, Error};

/// The entries of an object option, or an `InvalidOptionError` naming `path`.
pub(crate) fn object<'a>(value: &'a Value, path: &str) -> Result<&'a [(String, Value)], Error> {
    match value {
        Value::Object(entries) => Ok(entries),
        _ => Err(Error::invalid_option(path, Some("an object"))),
    }
}

/// `locations[2].lat` from ("locations", 2, "lat"); `searchParams[0]` with no field.
pub(crate) fn indexed(path: &str, index: usize, field: &str) -> String {
    let mut out = String::from(path);
    out.push('[');
    out.push_str(&decimal(u32::try_from(index).unwrap_or(u32::MAX)));
    out.push(']');
    if field.is_empty() {
        out
    } else {
        member(&out, field)
    }
}

/// `consent.storage` from ("consent", "storage"): an option inside an object option.
pub(crate) fn member(path: &str, field: &str) -> String {
    let mut out = String::with_capacity(path.len() + 1 + field.len());
    out.push_str(path);
    out.push('.');
    out.push_str(field);
    out
}
