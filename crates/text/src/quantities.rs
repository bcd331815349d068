//! Numbers with their units: "20 prisoners", "fifty Palestinian prisoners", "one week" (7 days),
//! "300 or even 400 trucks per day" (a range).

use accord_lexicon::{Cues, UnitCue};
use accord_model::{Issue, Span, slice};

use crate::{Token, TokenKind};

/// A number found in text, with its unit when one follows it.
#[derive(Debug, Clone, PartialEq)]
pub struct QuantityMention {
    /// From the first number to the end of the unit.
    pub span: Span,
    /// Converted to the unit's base (weeks become days); for a range, the upper bound.
    pub value: f64,
    pub min: Option<f64>,
    pub unit: Option<String>,
    /// The issue the unit implies, if any ("prisoners": hostages_prisoners).
    pub issue: Option<Issue>,
}

/// Words that may stand between a number and its unit: "five Ukrainian soldiers", "250 more prisoners".
const FILLERS: &[&str] = &["more", "additional", "other", "new", "remaining", "further", "of", "the", "live", "living"];
/// How many describing words may stand between a number and its unit.
const ADJECTIVES: usize = 2;
/// How many bytes a unit phrase may span: "trucks per day" and the like are short.
const UNIT_REACH: usize = 40;
/// Currency signs written before the number: "$7,000".
const CURRENCIES: &[(&str, &str)] = &[("$", "usd"), ("€", "eur"), ("£", "gbp")];
const RANGE_LINKS: &[&[&str]] = &[&["to"], &["or", "even"], &["or"], &["and"], &["-"], &["–"]];

/// Words before a number that make it a description, not a term: ages ("aged 18 to 25", "the age of 60") and
/// head-counts of who a side is ("a union representing 33,000 workers").
const DESCRIBING_BEFORE: &[&str] = &["aged", "ages", "age", "represents", "representing", "employs", "employing"];
/// Words after a number and its unit that make it narrative: "ten years ago", "18 years old", "two days later".
const NARRATIVE_AFTER: &[&str] = &["ago", "old", "later", "earlier"];
/// Nouns of a conflict's history: "60 years of war", "after two years of fighting", "a 60-year war".
const HISTORY: &[&str] = &[
    "war",
    "wars",
    "civil",
    "conflict",
    "fighting",
    "occupation",
    "rule",
    "violence",
    "hostilities",
    "insurgency",
    "isolation",
    "bloodshed",
    "siege",
    "blockade",
];

/// Every number in `tokens` (a sentence's tokens over `text`), with range and unit where present.
pub fn find_quantities(text: &str, tokens: &[Token], cues: &Cues) -> Vec<QuantityMention> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if let Some(compound) = compound_at(text, &tokens[i], cues) {
            found.push(without_unit_if_descriptive(compound, text, tokens, i, i + 1));
            i += 1;
            continue;
        }
        if let Some((_, money)) = CURRENCIES.iter().find(|(sign, _)| tokens[i].text(text) == *sign)
            && let Some((value, next)) = number_at(text, tokens, i + 1, cues)
        {
            let span = Span::new(tokens[i].span.start, tokens[next - 1].span.end);
            found.push(QuantityMention { span, value, min: None, unit: Some(money.to_string()), issue: None });
            i = next;
            continue;
        }
        let Some((first, mut next)) = number_at(text, tokens, i, cues) else {
            i += 1;
            continue;
        };
        let mut value = first;
        let mut min = None;
        for link in RANGE_LINKS {
            let fits = link
                .iter()
                .enumerate()
                .all(|(k, word)| tokens.get(next + k).is_some_and(|t| t.text(text).eq_ignore_ascii_case(word)));
            if let Some((second, after)) = fits.then(|| number_at(text, tokens, next + link.len(), cues)).flatten() {
                if second > first {
                    min = Some(first);
                    value = second;
                    next = after;
                }
                break;
            }
        }
        let mut end = tokens[next - 1].span.end;
        let mut unit = None;
        let mut issue = None;
        if let Some((cue_end, cue)) = unit_after(text, tokens, next, cues) {
            value *= cue.factor;
            min = min.map(|m| m * cue.factor);
            unit = Some(cue.unit.clone());
            issue = cue.issue;
            end = cue_end;
        }
        let mention = QuantityMention { span: Span::new(tokens[i].span.start, end), value, min, unit, issue };
        let after = next + tokens[next..].iter().take_while(|t| t.span.start < end).count();
        found.push(without_unit_if_descriptive(mention, text, tokens, i, after));
        i = next;
    }
    found
}

/// `mention` (tokens `first..after`) without its unit when its context makes it a description or part of
/// the story rather than a term anyone negotiates: an age, a side's head-count, "ten years ago", "60 years
/// of war". The number stays, so nothing reads it as a term with a unit.
fn without_unit_if_descriptive(
    mention: QuantityMention,
    text: &str,
    tokens: &[Token],
    first: usize,
    after: usize,
) -> QuantityMention {
    let word = |i: Option<usize>| i.and_then(|i| tokens.get(i)).map(|t| t.text(text).to_lowercase());
    let is = |i: Option<usize>, words: &[&str]| word(i).is_some_and(|w| words.contains(&w.as_str()));
    let before = first.checked_sub(1);
    let age_of = is(before, &["of"]) && is(first.checked_sub(2), &["age"]);
    let history = is(Some(after), HISTORY) || is(Some(after), &["of"]) && is(Some(after + 1), HISTORY);
    if mention.unit.is_some()
        && (is(before, DESCRIBING_BEFORE) || age_of || is(Some(after), NARRATIVE_AFTER) || history)
    {
        QuantityMention { unit: None, issue: None, ..mention }
    } else {
        mention
    }
}

/// A hyphenated number-unit compound: "30-day", "ninety-day", "72-hour".
fn compound_at(text: &str, token: &Token, cues: &Cues) -> Option<QuantityMention> {
    let word = token.text(text);
    let (number, unit) = word.rsplit_once('-')?;
    let value = number.parse::<f64>().ok().or_else(|| word_value(number, cues))?;
    let cue = cues.units.exact(unit).or_else(|| cues.units.exact(&format!("{unit}s")))?;
    Some(QuantityMention {
        span: token.span,
        value: value * cue.factor,
        min: None,
        unit: Some(cue.unit.clone()),
        issue: cue.issue,
    })
}

/// The number starting at token `i` and the index after it: digits ("1,000", "3.5") or number words.
fn number_at(text: &str, tokens: &[Token], i: usize, cues: &Cues) -> Option<(f64, usize)> {
    let token = tokens.get(i)?;
    if token.kind == TokenKind::Number {
        let digits: String = token.text(text).chars().filter(|c| *c != ',').collect();
        let mut value: f64 = digits.trim_end_matches('.').parse().ok()?;
        let mut next = i + 1;
        if let Some(scale) = tokens.get(next).and_then(|t| word_value(t.text(text), cues)).filter(|v| *v >= 1000.0) {
            value *= scale;
            next += 1;
        }
        return Some((value, next));
    }
    let (mut total, mut current, mut next) = (0.0_f64, 0.0_f64, i);
    while let Some(v) = tokens.get(next).and_then(|t| word_value(t.text(text), cues)) {
        if v == 100.0 {
            current = current.max(1.0) * v;
        } else if v >= 1000.0 {
            total += current.max(1.0) * v;
            current = 0.0;
        } else {
            current += v;
        }
        next += 1;
        if tokens.get(next).is_some_and(|t| t.text(text).eq_ignore_ascii_case("and")) {
            let continues =
                tokens.get(next + 1).and_then(|t| word_value(t.text(text), cues)).is_some_and(|v| v < 100.0);
            if continues && current >= 100.0 {
                next += 1;
            }
        }
    }
    (next > i).then_some((total + current, next))
}

/// The longest word read as a number word: a compound of a few ("twenty-five", "one-hundred-and-five").
const MAX_NUMBER_WORD: usize = 40;

/// The value of a number word, including hyphenated compounds ("twenty-five").
fn word_value(word: &str, cues: &Cues) -> Option<f64> {
    // Number words are short ASCII words, so most tokens are ruled out without allocating.
    if word.len() > MAX_NUMBER_WORD || !word.bytes().all(|b| b.is_ascii_alphabetic() || b == b'-') {
        return None;
    }
    let mut buffer = [0u8; MAX_NUMBER_WORD];
    let lower = &mut buffer[..word.len()];
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    let lower = std::str::from_utf8(lower).ok()?;
    if let Some(v) = cues.numbers.get(lower) {
        return Some(*v);
    }
    let parts: Option<Vec<f64>> = lower.split('-').map(|part| cues.numbers.get(part).copied()).collect();
    parts.filter(|p| p.len() > 1).map(|p| p.iter().sum())
}

/// A unit cue starting at token `i` or after a few filler words, with the offset it ends at.
fn unit_after<'c>(text: &str, tokens: &[Token], i: usize, cues: &'c Cues) -> Option<(usize, &'c UnitCue)> {
    let mut adjectives = 0;
    for token in tokens.iter().skip(i).take(4) {
        let mut reach = (token.span.start + UNIT_REACH).min(text.len());
        while !text.is_char_boundary(reach) {
            reach -= 1;
        }
        let rest = slice::between(text, token.span.start, reach);
        let end = rest.find('\n').unwrap_or(rest.len());
        if let Some(m) = cues.units.find_iter(slice::before(rest, end)).next().filter(|m| m.start == 0) {
            return Some((token.span.start + m.end, m.value));
        }
        let word = token.text(text);
        let is_filler =
            FILLERS.iter().any(|f| f.eq_ignore_ascii_case(word)) || word.chars().next().is_some_and(char::is_uppercase);
        // "five political prisoners", "300 seriously wounded prisoners": a couple of describing words.
        let describing = !is_filler && word.chars().all(|c| c.is_lowercase() || c == '-') && adjectives < ADJECTIVES;
        adjectives += usize::from(describing);
        if token.kind != TokenKind::Word || !(is_filler || describing) {
            return None;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize;

    /// A tiny lexicon of cue files, written for the test.
    fn cues() -> Cues {
        Cues::parse(|name: &str| {
            Ok(match name {
                "numbers.tsv" => "word\tvalue\none\t1\ntwo\t2\nfive\t5\nten\t10\ntwenty\t20\nfifty\t50\nhundred\t100\nthousand\t1000\n",
                "units.tsv" => "noun\tunit\tfactor\tissue\nweek\tdays\t7\nday\tdays\t1\nweeks\tdays\t7\ndays\tdays\t1\nprisoners\tprisoners\t1\thostages_prisoners\nsoldiers\tsoldiers\t1\ntrucks per day\ttrucks_per_day\t1\n%\tpercent\t1\n",
                "roles.tsv" => "role\tkind\n",
                "descriptors.tsv" => "phrase\trefers_to\n",
                "collectives.tsv" => "noun\tkind\n",
                "issues.tsv" => "term\tissue\tweight\n",
                "stances.tsv" => "cue\tstance\tkind\n",
                "speech.tsv" => "cue\tkind\n",
                "status.tsv" => "cue\tstatus\tweight\n",
                "proposals.tsv" => "noun\n",
                "mediation.tsv" => "cue\n",
                "abbreviations.tsv" => "abbreviation\n",
                "organisations.tsv" => "head\tkind\n",
                other => panic!("unexpected file {other}"),
            }
            .to_string())
        })
        .unwrap()
    }

    #[test]
    fn units_carry_their_issue() {
        let text = "only 20 prisoners";
        let tokens = tokenize(text, Span::new(0, text.len()));
        assert_eq!(find_quantities(text, &tokens, &cues())[0].issue, Some(Issue::HostagesPrisoners));
    }

    fn quantities(text: &str) -> Vec<(f64, Option<f64>, Option<String>)> {
        let tokens = tokenize(text, Span::new(0, text.len()));
        find_quantities(text, &tokens, &cues()).into_iter().map(|q| (q.value, q.min, q.unit)).collect()
    }

    #[test]
    fn digits_and_words_with_units() {
        assert_eq!(quantities("release of 20 prisoners"), vec![(20.0, None, Some("prisoners".into()))]);
        assert_eq!(quantities("fifty Palestinian prisoners"), vec![(50.0, None, Some("prisoners".into()))]);
        assert_eq!(quantities("1,000 soldiers"), vec![(1000.0, None, Some("soldiers".into()))]);
        assert_eq!(quantities("up 25%"), vec![(25.0, None, Some("percent".into()))]);
    }

    #[test]
    fn describing_words_may_stand_before_the_unit() {
        assert_eq!(quantities("free five political prisoners"), vec![(5.0, None, Some("prisoners".into()))]);
        assert_eq!(quantities("five of the soldiers"), vec![(5.0, None, Some("soldiers".into()))]);
    }

    #[test]
    fn weeks_become_days_and_ranges_keep_both_ends() {
        assert_eq!(quantities("within one week"), vec![(7.0, None, Some("days".into()))]);
        assert_eq!(
            quantities("300 or even 400 trucks per day"),
            vec![(400.0, Some(300.0), Some("trucks_per_day".into()))]
        );
    }

    #[test]
    fn currency_signs_give_the_unit() {
        assert_eq!(quantities("a $7,000 bonus"), vec![(7000.0, None, Some("usd".into()))]);
    }

    #[test]
    fn hyphenated_durations() {
        assert_eq!(quantities("a 30-day truce"), vec![(30.0, None, Some("days".into()))]);
        assert_eq!(quantities("a two-week pause"), vec![(14.0, None, Some("days".into()))]);
    }

    #[test]
    fn issue_6_ages_head_counts_and_history_are_not_terms() {
        let units = |text: &str| quantities(text).into_iter().map(|(_, _, unit)| unit).collect::<Vec<_>>();
        assert_eq!(units("all men aged 18 to 25 days"), vec![None]);
        assert_eq!(units("under the age of 60 days"), vec![None]);
        assert_eq!(units("a union representing 20 soldiers"), vec![None]);
        assert_eq!(units("after 60 days of war"), vec![None]);
        assert_eq!(units("ended a 50-day siege"), vec![None]);
        assert_eq!(units("ten days ago"), vec![None]);
        assert_eq!(units("a truce of 60 days of calm"), vec![Some("days".to_string())]);
        assert_eq!(units("release of 20 prisoners"), vec![Some("prisoners".to_string())]);
        assert_eq!(quantities("aged 18 to 25 days")[0].1, Some(18.0), "the range keeps both ends");
    }

    #[test]
    fn compound_number_words() {
        assert_eq!(quantities("five hundred and twenty prisoners"), vec![(520.0, None, Some("prisoners".into()))]);
        assert_eq!(quantities("ten thousand"), vec![(10000.0, None, None)]);
    }
}
