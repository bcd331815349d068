//! Attribution: who speaks in each sentence ("a senior Israeli official said", "said Ghazi Hamad"), how the
//! claim reaches the report (named official, unnamed official, statement, media report, analyst) and how
//! firmly it is put (asserted, reported, hedged, denied).

use accord_lexicon::SpeechKind;
use accord_model::{Attribution, Modality};

use crate::analysis::{Analysis, Mention, Via, Voice};

/// Words that mark an unnamed speaker: "a senior official", "Israeli sources".
const UNNAMED: &[&str] = &["official", "officials", "source", "sources", "diplomat", "diplomats", "spokesperson", "spokesman"];
/// Speakers that point back to the previous speaker: "the official stated".
const BACK_REFERENCES: &[&str] = &["the official", "the source", "he", "she", "they", "the spokesperson", "the spokesman"];

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
        let speaker = say.and_then(|cue| {
            let at = sentence.start + cue.start;
            let end = sentence.start + cue.end;
            let before = mentions.iter().filter(|m| m.is_agent() && m.span.end <= at && at - m.span.end < 60).last();
            let after = mentions.iter().find(|m| m.is_agent() && m.span.start >= end && m.span.start - end < 20);
            before.or(after).copied()
        });
        let back_reference = say.is_some_and(|cue| {
            let head = &lower[..cue.start];
            BACK_REFERENCES.iter().any(|b| head.trim_end().ends_with(b))
        });
        let voice = match (speaker, back_reference, &previous) {
            (Some(mention), _, _) => voice_of(analysis, &mention, &lower, modality, has(SpeechKind::Report)),
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
