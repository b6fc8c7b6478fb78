//! Every error the core can return, with its stable name and message in one place.
//!
//! The browser layer turns an [`Error`] into a JavaScript `Error` whose `name` is
//! [`Error::name`], so page code can branch on the name while the message stays free to
//! improve.

use core::fmt;

/// At most this many characters of a rejected input are quoted back in a message, so hostile
/// input cannot make an error message arbitrarily large.
const QUOTED_INPUT_MAX_CHARS: usize = 40;

/// An error from the Augenblick core.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    kind: Kind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Kind {
    UnknownMomentKind { input: String },
}

impl Error {
    pub(crate) fn unknown_moment_kind(input: &str) -> Self {
        Error {
            kind: Kind::UnknownMomentKind {
                input: quoted_prefix(input),
            },
        }
    }

    /// What went wrong, for people: names the bad value and what would have been accepted.
    ///
    /// Built without `core::fmt` because its formatting machinery costs kilobytes of wasm.
    pub fn message(&self) -> String {
        match &self.kind {
            Kind::UnknownMomentKind { input } => {
                let mut message = String::with_capacity(input.len() + 64);
                message.push_str("unknown moment kind \"");
                message.push_str(input);
                message.push_str("\": expected one of know, go, do, buy");
                message
            }
        }
    }

    /// The stable name of this kind of error; JavaScript sees it as `error.name`.
    pub fn name(&self) -> &'static str {
        match self.kind {
            Kind::UnknownMomentKind { .. } => "UnknownMomentKindError",
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for Error {}

fn quoted_prefix(input: &str) -> String {
    let mut chars = input.chars();
    let mut prefix: String = chars.by_ref().take(QUOTED_INPUT_MAX_CHARS).collect();
    if chars.next().is_some() {
        prefix.push('…');
    }
    prefix
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn message_names_the_bad_value_and_the_accepted_ones() {
        let err = Error::unknown_moment_kind("shop");
        assert_eq!(
            err.to_string(),
            r#"unknown moment kind "shop": expected one of know, go, do, buy"#
        );
    }

    #[test]
    fn long_input_is_cut_in_the_message() {
        let long = "x".repeat(10_000);
        let message = Error::unknown_moment_kind(&long).to_string();
        assert!(message.len() < 120, "message is {} bytes", message.len());
        assert!(message.contains('…'));
    }

    #[test]
    fn cutting_respects_character_boundaries() {
        let long = "ü".repeat(100);
        let message = Error::unknown_moment_kind(&long).to_string();
        assert_eq!(message.matches('ü').count(), QUOTED_INPUT_MAX_CHARS);
    }
}
