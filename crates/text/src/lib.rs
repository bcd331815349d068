//! Article -> Doc: sentences, tokens, quantities and dates, all as byte spans into the article's cleaned text.

mod dates;
mod doc;
mod quantities;
mod sentences;
mod tokens;

pub use dates::{DateMention, find_dates};
pub use doc::Doc;
pub use quantities::{QuantityMention, find_quantities};
pub use sentences::split_sentences;
pub use tokens::{Token, TokenKind, tokenize};
