//! Web pages that are not articles: a cookie or consent notice alone, or navigation and a footer with no
//! sentence of prose. Told from the cleaned text, so that the reason can be given for the page.

use crate::clean::normalise;

/// Why a page's cleaned text is not an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NotArticle {
    /// No prose outside lines of a cookie or consent notice.
    ConsentNotice,
    /// No line of prose at all: menus, link lists, headline teasers, a footer, a bare table.
    NavigationOnly,
}

/// A line of prose has at least this many words (or, in scripts written without spaces, this many
/// characters times [`CHARS_PER_WORD`]) and ends as a sentence ends.
const PROSE_WORDS: usize = 8;

/// Scripts written without spaces (Chinese, Japanese, Thai) hold a word in a few characters.
const CHARS_PER_WORD: usize = 3;

/// What the cleaned `text` of a web page is if it is not an article, with `consent` the normalised
/// consent cues of `boilerplate.tsv`.
pub(crate) fn not_article(text: &str, consent: &[String]) -> Option<NotArticle> {
    let mut consent_seen = false;
    for line in text.lines().filter(|line| !line.trim().is_empty()) {
        let norm = normalise(line);
        if consent.iter().any(|cue| holds_words(&norm, cue)) {
            consent_seen = true;
        } else if is_prose(line) {
            return None;
        }
    }
    Some(if consent_seen { NotArticle::ConsentNotice } else { NotArticle::NavigationOnly })
}

/// A line this long is prose however it ends: menus, link lists and headline teasers have short lines, and
/// some scripts' prose ends without a mark this module knows (Thai) or with a colon (Armenian).
const RUN_ON_WORDS: usize = 25;

/// Sentence-final marks: Latin, CJK, the danda of Devanagari and Bengali, Armenian, Ethiopic, Arabic, Urdu.
const SENTENCE_ENDS: &[char] = &['.', '!', '?', '…', '。', '！', '？', '।', '॥', '։', '።', '؟', '۔'];

/// A sentence: long enough and ending in a sentence-final mark, maybe inside quotes or brackets
/// ("... the talks.”"), or a line too long to be anything else.
fn is_prose(line: &str) -> bool {
    let words = line.split_whitespace().count();
    let chars = line.chars().filter(|c| !c.is_whitespace()).count();
    let long = words >= PROSE_WORDS || chars >= PROSE_WORDS * CHARS_PER_WORD && words <= 2;
    let end = line.trim_end().trim_end_matches(['"', '”', '’', '\'', ')', ']', '»', '」', '』']);
    long && end.ends_with(SENTENCE_ENDS) || words >= RUN_ON_WORDS
}

/// Whether the normalised `line` holds the normalised `cue` as whole words.
fn holds_words(line: &str, cue: &str) -> bool {
    line.match_indices(cue).any(|(at, _)| {
        let before = line[..at].chars().next_back();
        let after = line[at + cue.len()..].chars().next();
        before.is_none_or(|c| !c.is_alphanumeric()) && after.is_none_or(|c| !c.is_alphanumeric())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cues() -> Vec<String> {
        ["accept all", "consent", "cookies", "privacy policy"].map(String::from).to_vec()
    }

    #[test]
    fn a_cookie_banner_alone_is_a_consent_notice() {
        let banner = "We use cookies to give you the best experience on our website.\n\n\
                      By clicking Accept all you consent to our use of cookies.\n\nAccept all\n\nSettings";
        assert_eq!(not_article(banner, &cues()), Some(NotArticle::ConsentNotice));
    }

    #[test]
    fn menus_and_a_footer_are_navigation() {
        let menus = "News\nWorld\nBusiness\nAbout us Contact Careers Advertise with us Terms of use\n\
                     © 2024 Example Media Group";
        assert_eq!(not_article(menus, &cues()), Some(NotArticle::NavigationOnly));
    }

    #[test]
    fn an_article_with_a_banner_is_an_article() {
        let article = "We use cookies to give you the best experience.\n\n\
                       Negotiators from both sides met in Cairo on Sunday for a fourth round of talks.\n\n\
                       “We are close,” a mediator said of the draft’s first phase.";
        assert_eq!(not_article(article, &cues()), None);
        assert_eq!(
            not_article("The union said it would put the offer to a vote of its members on Friday.”", &[]),
            None
        );
    }

    #[test]
    fn headline_teasers_are_navigation_and_long_lines_are_prose() {
        let teasers = "Union and airline resume talks over pilots’ pay | The Daily Example\n\
                       Port strike enters second week as mediators step in | The Daily Example";
        assert_eq!(not_article(teasers, &cues()), Some(NotArticle::NavigationOnly));
        let run_on = "Unter dem Motto der Begegnung trafen sich am Samstag Delegationen aus beiden Städten \
                      und vereinbarten nach langen Gesprächen einen gemeinsamen Fahrplan für die weiteren \
                      Verhandlungen im Herbst";
        assert_eq!(not_article(run_on, &cues()), None);
        assert_eq!(not_article("जिला अधिकारी ने बताया कि बुधवार को दोनों पक्षों के बीच बातचीत शुरू हुई।", &cues()), None);
    }

    #[test]
    fn prose_without_spaces_counts_by_characters() {
        assert_eq!(not_article("双方代表周日在开罗举行了第四轮会谈，调解人表示双方接近达成协议。", &cues()), None);
        assert_eq!(not_article("首页\n新闻\n国际", &cues()), Some(NotArticle::NavigationOnly));
    }

    #[test]
    fn cues_match_whole_words_only() {
        assert!(holds_words("we use cookies here", "cookies"));
        assert!(!holds_words("the consentement form", "consent"));
    }
}
