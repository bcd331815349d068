//! What a stance cue is about: its scope in the sentence, the issues there (or pointed back to), and the
//! number it states.

use accord_lexicon::{ActorId, CueShape};
use accord_model::{Issue, Quantity, Span, Stance, slice};

use crate::analysis::Analysis;
use crate::holders::Holder;
use crate::issues::{issues_in, last_issue_in};
use crate::positions::Cue;

/// Noun phrases pointing back to the other side's demands: "rejects these conditions".
const ANAPHORS: &[&str] = &[
    "these conditions",
    "those conditions",
    "such conditions",
    "these demands",
    "those demands",
    "these terms",
    "that demand",
    "this demand",
    "the demand",
    "that condition",
    "this condition",
    "that linkage",
    "any such",
    "such a clause",
    "this clause",
    "that clause",
    "its conditions",
    "their conditions",
    "’s conditions",
    "'s conditions",
    "’s demands",
    "'s demands",
];
const ALTERNATIVES: &[&str] = &["rather than", "instead of"];
/// How many sentences back a bare number may find the issue last numbered in its unit.
const NUMBER_MEMORY: usize = 3;
/// Words that start a new clause, ending a cue's scope: "agrees to a pause as prisoner talks move ...".
const SUBORDINATORS: &[&str] =
    &["while", "whereas", "because", "although", "though", "as", "amid", "before", "after", "when"];
/// Words that, after a comma, open a relative clause about the noun before it: ", which would open ...".
const RELATIVE_AFTER_COMMA: &[&str] = &["which", "who", "whose"];
/// How many words may stand between a clause-opening comma and "said": ", a senior official said".
const ATTRIBUTION_REACH: usize = 7;
/// For a refusal ("will not sign", "would not fund") whose scope goes on "until ..." or "unless ...": the part
/// of the scope that states the condition.
fn refusal_until(analysis: &Analysis<'_>, cue: &Cue, scope: Span) -> Option<Span> {
    if cue.stance != Stance::Reject {
        return None;
    }
    let lower = scope.slice(&analysis.doc.text).to_lowercase();
    ["until ", "unless "]
        .iter()
        .filter_map(|w| lower.find(&format!(" {w}")).map(|i| i + 1 + w.len()))
        .min()
        .map(|at| Span::new(scope.start + at, scope.end))
}

/// `scope` cut at the first subordinating word, where a new clause begins, and before a trailing
/// attribution (", a member of the army delegation said.").
pub(crate) fn clause_end(analysis: &Analysis<'_>, s: usize, scope: Span) -> Span {
    let text = &analysis.doc.text;
    let sentence = analysis.doc.sentences[s];
    let attribution = analysis
        .lexicon
        .cues
        .speech
        .find_iter(scope.slice(text))
        .filter(|m| matches!(m.value, accord_lexicon::SpeechKind::Say))
        .map(|m| scope.start + m.start)
        .filter_map(|at| slice::between(text, scope.start, at).rfind(',').map(|comma| (scope.start + comma, at)))
        .find(|(comma, at)| {
            let between = slice::between(text, *comma, *at);
            let ends_sentence = slice::between(text, *at, sentence.end).split_whitespace().count() <= 4;
            let words = between.trim_start_matches(',').split_whitespace().count();
            // ", saying ..." has no speaker of its own: it is content, not an attribution.
            words >= 1 && (ends_sentence || words <= ATTRIBUTION_REACH) && !between.contains(['“', '"'])
        })
        .map(|(comma, _)| comma);
    let relative = RELATIVE_AFTER_COMMA
        .iter()
        .filter_map(|w| scope.slice(text).find(&format!(", {w} ")).map(|i| scope.start + i))
        .min();
    let end = [attribution, relative].into_iter().flatten().min().unwrap_or(scope.end);
    let scope = Span::new(scope.start, end.max(scope.start));
    let cut = analysis.doc.tokens[s]
        .iter()
        .filter(|t| scope.start < t.span.start && t.span.end <= scope.end)
        .find(|t| {
            let word = t.text(text).to_lowercase();
            SUBORDINATORS.contains(&word.as_str())
                && !preceded_by(text, t.span.start, &["such", "as well", "so long", "as long", "as soon"])
                && !followed_by(text, t.span.end, &["well as", "long as", "soon as", "part of", "a "])
        })
        .map_or(scope.end, |t| t.span.start);
    Span::new(scope.start, cut)
}

/// Whether the text before `at` ends with one of `words` (lower-case), ignoring case. Only as many
/// characters as the longest word are lowered, so the cost does not grow with the document.
fn preceded_by(text: &str, at: usize, words: &[&str]) -> bool {
    let before = slice::before(text, at).trim_end();
    let reach = longest(words);
    let start = before.char_indices().rev().nth(reach.saturating_sub(1)).map_or(0, |(i, _)| i);
    let tail = slice::after(before, start).to_lowercase();
    words.iter().any(|w| tail.ends_with(w))
}

/// Whether the text after `at` starts with one of `words` (lower-case), ignoring case; bounded as above.
fn followed_by(text: &str, at: usize, words: &[&str]) -> bool {
    let after = slice::after(text, at).trim_start();
    let end = after.char_indices().nth(longest(words)).map_or(after.len(), |(i, _)| i);
    let head = slice::before(after, end).to_lowercase();
    words.iter().any(|w| head.starts_with(w))
}

fn longest(words: &[&str]) -> usize {
    words.iter().map(|w| w.chars().count()).max().unwrap_or(0)
}

/// Whether the text after a cue ends its clause at once: "..., a request that Moscow firmly rejected."
fn closes_clause(analysis: &Analysis<'_>, right: Span) -> bool {
    let rest = right.slice(&analysis.doc.text).trim_start();
    rest.is_empty() || rest.starts_with([',', '.', ';', '—', '”', '"'])
}

/// The issues a scope names, or those of the other side's positions in the latest earlier sentence when
/// the scope points back to them ("rejects these conditions").
pub(crate) fn issues_for(analysis: &Analysis<'_>, s: usize, holder: ActorId, scope: Span) -> Vec<Choice> {
    let text = &analysis.doc.text;
    let found: Vec<Choice> = issues_in(analysis, scope)
        .into_iter()
        .map(|hit| Choice { issue: hit.issue, term: hit.span.slice(text).to_lowercase(), quantity: None })
        .collect();
    if !found.is_empty() {
        return found;
    }
    let lower = scope.slice(&analysis.doc.text).to_lowercase();
    if !ANAPHORS.iter().any(|a| lower.contains(a)) {
        return same_number_issue(analysis, s, scope).into_iter().collect();
    }
    let earlier = other_sides_last(analysis, s, holder);
    if earlier.is_empty() { vec![Choice { issue: Issue::Other, term: String::new(), quantity: None }] } else { earlier }
}

/// The issues, with their numbers, of the other side's positions in the latest of the two sentences before `s`.
fn other_sides_last(analysis: &Analysis<'_>, s: usize, holder: ActorId) -> Vec<Choice> {
    let others = || analysis.findings.iter().filter(|f| f.holder != holder && f.sentence < s && f.sentence + 2 >= s);
    let Some(latest) = others().map(|f| f.sentence).max() else { return Vec::new() };
    let mut earlier: Vec<Choice> = Vec::new();
    for f in others().filter(|f| f.sentence == latest) {
        if !earlier.iter().any(|c| c.issue == f.position.issue) {
            let quantity = f.position.quantity_detail.clone();
            earlier.push(Choice { issue: f.position.issue, term: f.term.clone(), quantity });
        }
    }
    earlier
}

/// A bare number continues the issue last numbered in that unit: after "the union is seeking a 36 percent
/// raise", "the company has offered 21 percent" is about pay too.
fn same_number_issue(analysis: &Analysis<'_>, s: usize, scope: Span) -> Option<Choice> {
    let unit = analysis.doc.quantities[s]
        .iter()
        .find(|q| q.unit.is_some() && scope.start <= q.span.start && q.span.end <= scope.end)?
        .unit
        .clone()?;
    let earlier = analysis.findings.iter().rev().take_while(|f| f.sentence + NUMBER_MEMORY >= s);
    earlier
        .filter(|f| f.sentence <= s && f.position.unit.as_deref() == Some(unit.as_str()))
        .filter(|f| f.position.issue != Issue::TalksProcess)
        .map(|f| Choice { issue: f.position.issue, term: f.term.clone(), quantity: None })
        .next()
}

/// An issue a cue is read as being about, with the number it carries over when it points back to
/// another side's position ("rejects these conditions": the 20 prisoners demanded).
#[derive(Debug, Clone)]
pub(crate) struct Choice {
    pub(crate) issue: Issue,
    pub(crate) term: String,
    pub(crate) quantity: Option<Quantity>,
}

/// A unit that implies an issue ("ten names" of prisoners) puts that issue first, in place of the talks
/// themselves ("limited its negotiations to only ten names").
pub(crate) fn with_unit_issue(mut issues: Vec<Choice>, implied: Option<Choice>) -> Vec<Choice> {
    if let Some(implied) = implied.filter(|_| !issues.is_empty()) {
        issues.retain(|c| c.issue != Issue::TalksProcess && c.issue != implied.issue);
        issues.insert(0, implied);
    }
    issues
}

/// The first number with a unit in `scope`, with the alternative it is preferred to ("rather than one
/// week"), and the issue its unit implies.
pub(crate) fn quantity_in(analysis: &Analysis<'_>, s: usize, scope: Span) -> Option<(Quantity, Option<Issue>)> {
    let text = &analysis.doc.text;
    let lower = scope.slice(text).to_lowercase();
    let alternative_at = ALTERNATIVES.iter().filter_map(|a| lower.find(a).map(|i| scope.start + i)).min();
    let in_scope: Vec<_> = analysis.doc.quantities[s]
        .iter()
        .filter(|q| q.unit.is_some() && scope.start <= q.span.start && q.span.end <= scope.end)
        .collect();
    let rather_than = alternative_at.and_then(|a| in_scope.iter().find(|q| q.span.start > a)).map(|q| q.value);
    let chosen: Vec<_> = in_scope.iter().filter(|q| alternative_at.is_none_or(|a| q.span.start < a)).collect();
    let first = chosen.first()?;
    // A spoken list of one unit ("one week, two weeks, three weeks") is read as its largest value; a
    // number elsewhere in the clause ("the five-week war") is not part of it.
    let mut largest = first.value;
    for pair in chosen.windows(2) {
        let gap = slice::between(text, pair[0].span.end, pair[1].span.start).trim().trim_matches(',').trim();
        if pair[1].unit != first.unit || !matches!(gap, "" | "or" | "and" | "to") {
            break;
        }
        largest = largest.max(pair[1].value);
    }
    let quantity =
        Quantity { value: largest, min: first.min, unit: first.unit.clone().unwrap_or_default(), rather_than };
    Some((quantity, first.issue))
}

/// What `cue` is about: its scope and the issues there, with the stance that reading implies. A copula looks
/// left; a cue closing its clause takes the last item before its holder ("..., a request that Moscow
/// rejected"); a refusal "until ..." is a condition on what follows ("would not fund reconstruction until
/// Hamas is disarmed").
pub(crate) fn subject_matter(
    analysis: &Analysis<'_>,
    s: usize,
    cue: Cue,
    holder: &Holder,
    clause_start: usize,
    right: Span,
) -> (Cue, Span, Vec<Choice>) {
    let text = &analysis.doc.text;
    let sentence = analysis.doc.sentences[s];
    let (scope, issues) = if cue.shape == CueShape::Copula {
        let scope = Span::new(clause_start, cue.span.start);
        (scope, issues_for(analysis, s, holder.actor, scope))
    } else {
        match issues_for(analysis, s, holder.actor, right) {
            found if found.is_empty() && closes_clause(analysis, right) => {
                let left = Span::new(sentence.start, holder.span.start.min(cue.span.start));
                let before = last_issue_in(analysis, left).map(|hit| Choice {
                    issue: hit.issue,
                    term: hit.span.slice(text).to_lowercase(),
                    quantity: None,
                });
                (left, before.into_iter().collect())
            }
            found => (right, found),
        }
    };
    match refusal_until(analysis, &cue, scope) {
        Some(condition) => {
            let asked = issues_for(analysis, s, holder.actor, condition);
            let issues = if asked.is_empty() { issues } else { asked };
            (Cue { stance: Stance::Condition, ..cue }, scope, issues)
        }
        None => (cue, scope, issues),
    }
}
