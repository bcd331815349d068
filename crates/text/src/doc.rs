//! `Doc`: one article's cleaned text, owned, with its sentences, tokens and quantities as spans onto it.

use accord_lexicon::Cues;
use accord_model::{Article, Span};
use jiff::civil::Date;

use crate::{QuantityMention, Token, find_quantities, split_sentences, tokenize};

/// The text of one article and every view of it the extractor reads. Nothing here changes the text.
#[derive(Debug, Clone)]
pub struct Doc {
    pub id: String,
    pub published: Option<Date>,
    pub text: String,
    pub sentences: Vec<Span>,
    /// Tokens of each sentence, parallel to `sentences`.
    pub tokens: Vec<Vec<Token>>,
    /// Quantities of each sentence, parallel to `sentences`.
    pub quantities: Vec<Vec<QuantityMention>>,
}

impl Doc {
    pub fn new(article: &Article, cues: &Cues) -> Doc {
        let text = article.text.clone();
        let sentences = split_sentences(&text, &cues.abbreviations);
        let tokens: Vec<Vec<Token>> = sentences.iter().map(|s| tokenize(&text, *s)).collect();
        let quantities = tokens.iter().map(|t| find_quantities(&text, t, cues)).collect();
        Doc { id: article.id.clone(), published: article.published, text, sentences, tokens, quantities }
    }

    pub fn sentence_text(&self, index: usize) -> &str {
        self.sentences[index].slice(&self.text)
    }

    /// The index of the sentence holding byte `offset`.
    pub fn sentence_at(&self, offset: usize) -> Option<usize> {
        // Sentences are in text order and do not overlap: the candidate is the last one starting at or before.
        let after = self.sentences.partition_point(|s| s.start <= offset);
        after.checked_sub(1).filter(|&i| offset < self.sentences[i].end)
    }
}
