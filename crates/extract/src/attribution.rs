//! Attribution: who speaks in each sentence ("a senior Sudanese official said", "said Sergei Lavrov"), how the
//! claim reaches the report (named official, unnamed official, statement, media report, analyst) and how
//! firmly it is put (asserted, reported, hedged, denied).

use accord_lexicon::SpeechKind;
use accord_model::{Attribution, Modality, slice};

use crate::analysis::{Analysis, Mention, Via, Voice};
use crate::words::inside_quote;

/// Words that mark an unnamed speaker: "a senior official", "Ukrainian sources".
const UNNAMED: &[&str] =
    &["official", "officials", "source", "sources", "diplomat", "diplomats", "spokesperson", "spokesman"];
/// Speakers that point back to the previous speaker: "the official stated".
/// Personal pronouns as speakers: "he stated", "she said".
const PERSONAL: &[&str] =
    &["he said", "he stated", "he added", "he told", "she said", "she stated", "she added", "she told"];
const BACK_REFERENCES: &[&str] =
    &["the official", "the source", "he", "she", "they", "the spokesperson", "the spokesman"];

pub fn find(analysis: &mut Analysis<'_>) {
    let doc = analysis.doc;
    let text = &doc.text;
    let mut previous: Option<Voice> = None;
    for (s, sentence) in doc.sentences.iter().enumerate() {
        let sentence_text = sentence.slice(text);
        let lower = sentence_text.to_lowercase();
        let cues: Vec<_> = analysis.lexicon.cues.speech.find_iter(sentence_text).collect();
        let has = |kind| cues.iter().any(|c| *c.value == kind);
        let modality = if has(SpeechKind::Deny) {
            Modality::Denied
        } else if has(SpeechKind::Hedge) {
            Modality::Hedged
        } else if has(SpeechKind::Report) {
            Modality::Reported
        } else {
            Modality::Asserted
        };
        let mentions = &analysis.mentions[s];
        let say = cues.iter().find(|c| matches!(c.value, SpeechKind::Say | SpeechKind::Report));
        let quoted = |at: usize| inside_quote(sentence_text, sentence.start, at);
        let back_reference = say.is_some_and(|cue| {
            let head = slice::before(&lower, cue.start);
            BACK_REFERENCES.iter().any(|b| head.trim_end().ends_with(b))
        });
        let speaker = say.filter(|_| !back_reference).and_then(|cue| {
            let at = sentence.start + cue.start;
            let end = sentence.start + cue.end;
            let before = mentions
                .iter()
                .rfind(|m| m.is_agent() && !quoted(m.span.start) && m.span.end <= at && at - m.span.end < 60);
            let after = mentions.iter().find(|m| {
                m.is_agent() && m.span.start >= end && slice::between(text, end, m.span.start).trim().is_empty()
            });
            before.or(after).copied()
        });
        // A sentence that closes a quotation opened before it goes on in the earlier speaker's voice.
        let continues_quote = sentence_text.matches('”').count() > sentence_text.matches('“').count();
        let voice = match (speaker, back_reference || continues_quote, &previous) {
            (Some(mention), _, _) => voice_of(analysis, &mention, &lower, modality, has(SpeechKind::Report)),
            (None, true, _) if let Some(person) = last_person(analysis, s, &lower) => {
                voice_of(analysis, &person, &lower, modality, false)
            }
            (None, true, Some(prev)) => Voice { modality, ..prev.clone() },
            _ => Voice {
                side: None,
                speaker: None,
                attribution: if has(SpeechKind::Report) { Attribution::MediaReport } else { Attribution::Statement },
                modality,
                commentary: false,
            },
        };
        if voice.side.is_some() {
            previous = Some(voice.clone());
        }
        analysis.voices.push(voice);
    }
}

/// For "he stated" or "she said": the person named last in this or the two sentences before.
fn last_person(analysis: &Analysis<'_>, s: usize, lower: &str) -> Option<Mention> {
    if !PERSONAL.iter().any(|p| lower.contains(p)) {
        return None;
    }
    (s.saturating_sub(2)..=s)
        .rev()
        .flat_map(|i| analysis.mentions[i].iter().rev())
        .find(|m| matches!(m.via, Via::Person(_)))
        .copied()
}

fn voice_of(analysis: &Analysis<'_>, mention: &Mention, lower: &str, modality: Modality, reported: bool) -> Voice {
    let text = &analysis.doc.text;
    let (attribution, commentary, speaker) = match mention.via {
        Via::Person(i) => {
            let person = &analysis.people[i];
            let commentary = person.role_kind.is_some_and(|k| !k.speaks_for_a_side());
            let kind = if commentary { Attribution::Analyst } else { Attribution::NamedOfficial };
            (kind, commentary, Some(person.name.clone()))
        }
        _ if UNNAMED.iter().any(|w| lower.contains(w)) => {
            (Attribution::UnnamedOfficial, false, Some(mention.span.slice(text).to_string()))
        }
        _ if reported => (Attribution::MediaReport, false, Some(mention.span.slice(text).to_string())),
        _ => (Attribution::Statement, false, None),
    };
    Voice { side: Some(mention.actor), speaker, attribution, modality, commentary }
}
