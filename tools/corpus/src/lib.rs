//! Native tools for Augenblick, for training and evaluation: the signals snapshot of an HTML
//! file (the same [`RawPage`] contract the browser layer fills from a live DOM) and access to
//! labelled corpora in the format of `../shared/corpus`.
//!
//! Its HTML parser (html5ever, through `scraper`) is not a dependency of the shipped package.
//!
//! [`RawPage`]: augenblick_core::signals::RawPage

mod corpus;
mod decode;
mod html;

pub use corpus::{Corpus, CorpusError, CorpusPage, LabelConfidence};
pub use decode::{decode_html, Decoded};
pub use html::read_page;
