//! People: known negotiators from the gazetteer, and unknown ones recognised by a role next to a name
//! ("army negotiator Omar Bakri Hassan", "Lina Haddad, a member of the M23 political leadership").

use accord_lexicon::{ActorId, ActorKind, PhraseMatcher, RoleKind};
use accord_model::{Span, slice};
use accord_text::Token;

use crate::analysis::{Analysis, PersonFinding};
use crate::words::{floor_boundary, is_capitalized, token_at};

/// Lower-case name particles that may sit between capitalised parts of a name ("Mohammed bin Salman").
const PARTICLES: &[&str] =
    &["al", "bin", "bint", "ibn", "ben", "de", "da", "van", "von", "der", "el", "abu", "la", "le", "di"];
/// Honorifics that may stand between a role and a name, and are not part of the name.
const HONORIFICS: &[&str] = &["Sheikh", "Dr", "Mr", "Mrs", "Ms", "Sir", "Dame", "Prince", "Emir", "Gen", "General"];

/// Known people by name or alias (`known`), and by surname alone (`surnames`, each the surname of one known
/// person only) in a report that names the person's side.
pub fn find(analysis: &mut Analysis<'_>, known: &PhraseMatcher<usize>, surnames: &PhraseMatcher<usize>) {
    let doc = analysis.doc;
    let text = &doc.text;
    for m in known.find_iter(text) {
        let finding = known_person(analysis, *m.value);
        add(&mut analysis.people, finding, slice::between(text, m.start, m.end), Span::new(m.start, m.end));
    }
    for m in surnames.find_iter(text) {
        let finding = known_person(analysis, *m.value);
        let side_named = finding.affiliation.is_some_and(|a| analysis.actor_forms().iter().any(|(_, f)| *f == a));
        let found = analysis.people.iter().any(|p| p.name == finding.name || p.forms.contains(&finding.name));
        if side_named && !found {
            add(&mut analysis.people, finding, slice::between(text, m.start, m.end), Span::new(m.start, m.end));
        }
    }
    for (s, tokens) in doc.tokens.iter().enumerate() {
        for candidate in role_named_people(analysis, s, tokens) {
            let form = candidate.spans[0].slice(text).to_string();
            let span = candidate.spans[0];
            add(&mut analysis.people, candidate, &form, span);
        }
    }
    add_surname_mentions(analysis);
}

/// The gazetteer's person `index` as found in this report.
fn known_person(analysis: &Analysis<'_>, index: usize) -> PersonFinding {
    let person = &analysis.lexicon.people[index];
    let affiliation = analysis.lexicon.actors.by_name(&person.affiliation);
    PersonFinding {
        name: person.name.clone(),
        forms: Vec::new(),
        affiliation,
        affiliation_name: affiliation.is_none().then(|| person.affiliation.clone()).filter(|a| !a.is_empty()),
        role: Some(person.role.clone()).filter(|r| !r.is_empty()),
        role_kind: analysis.lexicon.cues.roles.find_iter(&person.role).next().map(|r| *r.value),
        role_stated: false,
        known: true,
        spans: Vec::new(),
    }
}

/// Adds `finding` or, when the person is already known, records the new form and span on them. The first
/// role the report states for a person replaces the gazetteer's: "former foreign minister" in this report
/// is what the reader is told, whatever the list says.
fn add(people: &mut Vec<PersonFinding>, finding: PersonFinding, form: &str, span: Span) {
    let overlaps = |p: &PersonFinding| p.spans.iter().any(|s| s.start < span.end && span.start < s.end);
    if let Some(person) = people.iter_mut().find(|p| overlaps(p)) {
        take_stated_role(person, &finding);
        return;
    }
    let existing = people.iter_mut().find(|p| p.name == finding.name || same_surname_person(p, &finding));
    let person = match existing {
        Some(person) => {
            take_stated_role(person, &finding);
            person
        }
        None => {
            people.push(PersonFinding { spans: Vec::new(), forms: Vec::new(), ..finding });
            people.last_mut().expect("just pushed")
        }
    };
    // A report writing "Maros Sefcovic" for the gazetteer's "Maroš Šefčovič", or "Abbas Araqchi" for its
    // "Abbas Araghchi", is cited in its own spelling.
    let surname = |name: &str| name.rsplit(' ').next().unwrap_or_default().to_string();
    let respelled = form.contains(' ') && surname(form) != surname(&person.name) && person.spans.is_empty();
    if form != person.name && (respelled || fold_accents(form) == fold_accents(&person.name) && form.is_ascii()) {
        let gazetteer_spelling = std::mem::replace(&mut person.name, form.to_string());
        person.forms.retain(|f| f != form);
        person.forms.push(gazetteer_spelling);
    } else if form != person.name && !person.forms.iter().any(|f| f == form) {
        person.forms.push(form.to_string());
    }
    person.spans.push(span);
}

/// Words before a role that say how the person holds it, and belong to the role the report states.
const TENURES: &[&str] = &["former", "acting", "interim", "outgoing", "incoming", "then"];

/// `role` with a tenure word just before it: "former foreign minister".
fn with_tenure(text: &str, tokens: &[Token], role: Span) -> Span {
    let i = token_at(tokens, role.start);
    match i.checked_sub(1).map(|j| &tokens[j]) {
        Some(word) if TENURES.contains(&word.text(text).to_lowercase().as_str()) => {
            Span::new(word.span.start, role.end)
        }
        _ => role,
    }
}

/// Gives `person` the role `finding` states in the text, unless the text already gave them one.
fn take_stated_role(person: &mut PersonFinding, finding: &PersonFinding) {
    if finding.role_stated && !person.role_stated {
        person.role.clone_from(&finding.role);
        person.role_kind = finding.role_kind;
        person.role_stated = true;
        person.affiliation = person.affiliation.or(finding.affiliation);
    }
}

/// `name` with accented Latin letters reduced to their base letter ("Šefčovič" to "Sefcovic").
fn fold_accents(name: &str) -> String {
    name.chars()
        .map(|c| ACCENTED.iter().find(|(accented, _)| accented.contains(c)).map_or(c, |(_, base)| *base))
        .collect()
}

/// Accented Latin letters by the base letter news written in ASCII uses for them.
const ACCENTED: &[(&str, char)] = &[
    ("áàâäãåāăą", 'a'),
    ("ÁÀÂÄÃÅĀĂĄ", 'A'),
    ("çćčĉ", 'c'),
    ("ÇĆČĈ", 'C'),
    ("ďđ", 'd'),
    ("ĎĐ", 'D'),
    ("éèêëēęě", 'e'),
    ("ÉÈÊËĒĘĚ", 'E'),
    ("ğ", 'g'),
    ("Ğ", 'G'),
    ("íìîïīı", 'i'),
    ("ÍÌÎÏĪİ", 'I'),
    ("ł", 'l'),
    ("Ł", 'L'),
    ("ñńň", 'n'),
    ("ÑŃŇ", 'N'),
    ("óòôöõøō", 'o'),
    ("ÓÒÔÖÕØŌ", 'O'),
    ("řŕ", 'r'),
    ("ŘŔ", 'R'),
    ("śšşș", 's'),
    ("ŚŠŞȘ", 'S'),
    ("ťţț", 't'),
    ("ŤŢȚ", 'T'),
    ("úùûüūů", 'u'),
    ("ÚÙÛÜŪŮ", 'U'),
    ("ýÿ", 'y'),
    ("Ý", 'Y'),
    ("źżž", 'z'),
    ("ŹŻŽ", 'Z'),
];

/// A role-found name that is a longer form of a known person's name ("Dr. Abdalla Hamdok").
fn same_surname_person(known: &PersonFinding, found: &PersonFinding) -> bool {
    found.name.ends_with(&known.name) || known.name.ends_with(&found.name) && found.name.contains(' ')
}

/// People introduced by a role in sentence `s`: "<role> <Name>" or "<Name>, a <role> ...".
fn role_named_people(analysis: &Analysis<'_>, s: usize, tokens: &[Token]) -> Vec<PersonFinding> {
    let doc = analysis.doc;
    let text = &doc.text;
    let sentence = doc.sentences[s];
    let sentence_text = sentence.slice(text);
    let mut found = Vec::new();
    let roles: Vec<_> = analysis.lexicon.cues.roles.find_iter(sentence_text).collect();
    for role in &roles {
        let role_span = with_tenure(text, tokens, Span::new(sentence.start + role.start, sentence.start + role.end));
        let mut i = token_at(tokens, role_span.end);
        while i < tokens.len() && (HONORIFICS.contains(&tokens[i].text(text)) || tokens[i].text(text) == ".") {
            i += 1;
        }
        if let Some(name_span) = name_at(analysis, tokens, i) {
            let affiliation = affiliation_near(analysis, s, role_span.start.saturating_sub(40), role_span.start);
            found.push(finding(analysis, name_span, role_span, *role.value, affiliation));
        }
    }
    for i in 0..tokens.len() {
        let starts_name = i == 0 || !is_capitalized(tokens[i - 1].text(text));
        if !starts_name {
            continue;
        }
        let Some(name_span) = name_at(analysis, tokens, i) else { continue };
        let after = token_at(tokens, name_span.end);
        if tokens.get(after).is_none_or(|t| t.text(text) != ",") {
            continue;
        }
        let appositive_end = tokens[after + 1..]
            .iter()
            .take(10)
            .take_while(|t| !matches!(t.text(text), "," | "." | ";" | "”" | "\""))
            .last()
            .map_or(name_span.end, |t| t.span.end);
        let appositive = Span::new(tokens[after].span.end, appositive_end);
        let role = roles.iter().find(|r| {
            let start = sentence.start + r.start;
            appositive.start <= start && start < appositive.end
        });
        // "Jane Roe, a/the ... director", "Jane Roe, Acme's chief executive", "Dr Jane Roe, co-chair of ...".
        let opens_role = tokens.get(after + 1).is_some_and(|t| {
            let word = t.text(text);
            let article = matches!(word.to_lowercase().as_str(), "a" | "an" | "the");
            let possessive = word.ends_with("’s") || word.ends_with("'s");
            let role_first = role.is_some_and(|r| sentence.start + r.start == t.span.start);
            article || possessive || role_first
        });
        if let (true, Some(role)) = (opens_role, role) {
            let affiliation = affiliation_near(analysis, s, appositive.start, appositive.end);
            let role_text = Span::new(sentence.start + role.start, appositive.end);
            found.push(finding(analysis, name_span, role_text, *role.value, affiliation));
        }
    }
    found
}

fn finding(
    analysis: &Analysis<'_>,
    name: Span,
    role: Span,
    kind: RoleKind,
    affiliation: Option<ActorId>,
) -> PersonFinding {
    let text = &analysis.doc.text;
    let affiliation = affiliation.or_else(|| organisation_of_role(analysis, kind, name.start));
    PersonFinding {
        name: name.slice(text).to_string(),
        forms: Vec::new(),
        affiliation,
        affiliation_name: None,
        role: Some(role.slice(text).trim().to_string()),
        role_kind: Some(kind),
        role_stated: true,
        known: false,
        spans: vec![name],
    }
}

/// For a union leader or an executive whose organisation the sentence leaves unsaid ("union president
/// Dominic Reyes"): the union or company the report has named most before `offset`.
fn organisation_of_role(analysis: &Analysis<'_>, kind: RoleKind, offset: usize) -> Option<ActorId> {
    let kinds: &[ActorKind] = match kind {
        RoleKind::UnionLeader => &[ActorKind::Union],
        RoleKind::Executive => &[ActorKind::Company, ActorKind::EmployerGroup],
        _ => return None,
    };
    let mut counts: Vec<(ActorId, usize)> = Vec::new();
    let forms = analysis.actor_forms();
    for &(_, actor) in &forms[..forms.partition_point(|(span, _)| span.end <= offset)] {
        if kinds.contains(&analysis.actor(actor).kind) {
            match counts.iter_mut().find(|(a, _)| *a == actor) {
                Some(entry) => entry.1 += 1,
                None => counts.push((actor, 1)),
            }
        }
    }
    counts.into_iter().max_by_key(|(_, n)| *n).map(|(actor, _)| actor)
}

/// A personal name starting at token `i`: two to five capitalised words, particles allowed inside,
/// not an actor's name and not a role word.
fn name_at(analysis: &Analysis<'_>, tokens: &[Token], i: usize) -> Option<Span> {
    let text = &analysis.doc.text;
    // "Dr Lena Hart", "Sheikh Tamim": the honorific is not part of the name.
    let mut i = i;
    while i < tokens.len() && (HONORIFICS.contains(&tokens[i].text(text)) || (i > 0 && tokens[i].text(text) == ".")) {
        i += 1;
    }
    let mut end = i;
    let mut capitalized = 0;
    while end < tokens.len() && end - i < 6 {
        let word = tokens[end].text(text);
        let particle = PARTICLES.contains(&word)
            || PARTICLES.iter().any(|p| word.strip_prefix(p).is_some_and(|rest| rest.starts_with('-')));
        let name_like = is_capitalized(word) && word.chars().any(char::is_lowercase);
        if !(name_like || particle) || is_actor_or_role(analysis, word) {
            break;
        }
        capitalized += usize::from(name_like || word.contains('-'));
        end += 1;
    }
    while end > i && PARTICLES.contains(&tokens[end - 1].text(text)) {
        end -= 1;
    }
    (capitalized >= 2 && end > i).then(|| Span::new(tokens[i].span.start, tokens[end - 1].span.end))
}

fn is_actor_or_role(analysis: &Analysis<'_>, word: &str) -> bool {
    let bare = word.trim_end_matches("’s").trim_end_matches("'s");
    analysis.lexicon.actors.forms.exact(bare).is_some() || analysis.lexicon.cues.roles.exact(word).is_some()
}

/// The actor named by a name, demonym or seat in `[from, to)` of sentence `s`, nearest `to` first.
pub fn affiliation_near(analysis: &Analysis<'_>, s: usize, from: usize, to: usize) -> Option<ActorId> {
    let sentence = analysis.doc.sentences[s];
    let text = &analysis.doc.text;
    let from = floor_boundary(text, from.max(sentence.start));
    let window = slice::between(text, from, to.max(from));
    analysis.lexicon.actors.forms.find_iter(window).last().map(|m| m.value.actor)
}

/// Every later bare surname ("Lavrov", "Hassan") of a person found by full name.
fn add_surname_mentions(analysis: &mut Analysis<'_>) {
    let text = &analysis.doc.text;
    // The surname of the name and of every longer form the text uses: a report spelling the gazetteer's
    // "Abbas Araghchi" as "Abbas Araqchi" goes on to write "Araqchi".
    let mut surnames: Vec<(String, usize)> = Vec::new();
    for (i, person) in analysis.people.iter().enumerate() {
        for full in std::iter::once(&person.name).chain(&person.forms).filter(|f| f.contains(' ')) {
            let last = full.rsplit(' ').next().unwrap_or_default();
            if last.chars().count() >= 4 && !surnames.iter().any(|(s, _)| s == last) {
                surnames.push((last.to_string(), i));
            }
        }
    }
    let matcher = PhraseMatcher::new(surnames, true);
    let taken: Vec<Span> = analysis.people.iter().flat_map(|p| p.spans.iter().copied()).collect();
    for m in matcher.find_iter(text) {
        let span = Span::new(m.start, m.end);
        if taken.iter().any(|t| t.start <= span.start && span.end <= t.end) {
            continue;
        }
        let person = &mut analysis.people[*m.value];
        let form = span.slice(text).to_string();
        if !person.forms.contains(&form) {
            person.forms.push(form);
        }
        person.spans.push(span);
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::extract;

    #[test]
    fn a_surname_is_found_in_the_spelling_the_report_uses() {
        let doc = extract("Iranian Foreign Minister Abbas Araqchi met the envoy. Later, Araqchi rejected the demand.");
        let person = doc.people.iter().find(|p| p.aliases.iter().any(|a| a == "Araqchi")).expect("surname linked");
        assert_eq!(person.affiliation.as_deref(), Some("Iran"));
    }

    #[test]
    fn a_known_person_named_by_surname_alone_is_found_when_their_side_is_named() {
        let doc = extract("Azerbaijan and Armenia met again. Aliyev said the treaty could be signed in the spring.");
        assert!(doc.people.iter().any(|p| p.name == "Ilham Aliyev"), "{:?}", doc.people);
        let elsewhere = extract("Aliyev said the weather was fine.");
        assert!(elsewhere.people.is_empty(), "{:?}", elsewhere.people);
    }

    #[test]
    fn unknown_people_are_found_by_their_role_with_affiliation() {
        let doc =
            extract("Sudanese army negotiator Omar Bakri Hassan said the army would not sign. Hassan left Jeddah.");
        let person = doc.people.iter().find(|p| p.name == "Omar Bakri Hassan").expect("found by role");
        assert_eq!(person.affiliation.as_deref(), Some("Sudanese Armed Forces"));
        assert_eq!(person.role.as_deref(), Some("negotiator"));
        assert!(person.aliases.contains(&"Hassan".to_string()), "{:?}", person.aliases);
    }

    #[test]
    fn issue_6_the_role_the_report_states_wins_over_the_gazetteer() {
        let doc = extract(
            "Russian envoy Sergei Lavrov met the delegation. Later, Lavrov, the Kremlin's chief negotiator, left.",
        );
        let person = doc.people.iter().find(|p| p.name == "Sergei Lavrov").expect("known person");
        assert_eq!(person.role.as_deref(), Some("envoy"), "the first role the report states");
        assert_eq!(person.affiliation.as_deref(), Some("Russia"));
        let former = extract("Former foreign minister Sergei Lavrov, now retired, met the delegation.");
        assert_eq!(former.people[0].role.as_deref(), Some("Former foreign minister"));
        let unstated = extract("Sergei Lavrov met the delegation in Geneva.");
        assert_eq!(unstated.people[0].role.as_deref(), Some("foreign minister"), "the gazetteer fills the gap");
    }

    #[test]
    fn an_appositive_role_names_the_person() {
        let doc = extract("“We will not disarm,” said Lina Haddad, a member of the M23 political leadership.");
        let person = doc.people.iter().find(|p| p.name == "Lina Haddad").expect("found by appositive role");
        assert_eq!(person.affiliation.as_deref(), Some("M23"));
    }

    #[test]
    fn multibyte_text_before_a_role_never_splits_a_character() {
        // The affiliation is looked for in the 40 bytes before the role: some gap puts that edge inside "’".
        for gap in 20..30 {
            let text = format!("They’{} said Israeli envoy Dana Levi said the talks would resume.", "y".repeat(gap));
            let doc = extract(&text);
            assert!(doc.people.iter().any(|p| p.name == "Dana Levi"), "gap {gap}: {:?}", doc.people);
        }
    }

    #[test]
    fn an_appositive_may_open_with_a_possessive_or_the_role_itself() {
        let doc = extract("“We are at the limit,” said Ana Ruiz, Stellantis's chief operating officer, on Monday.");
        assert!(doc.people.iter().any(|p| p.name == "Ana Ruiz"), "{:?}", doc.people);
        let doc = extract("“The strike goes on,” said Dr Lena Hart, co-chair of the BMA's committee.");
        assert!(doc.people.iter().any(|p| p.name == "Lena Hart"), "{:?}", doc.people);
    }

    #[test]
    fn a_report_without_accents_keeps_its_spelling_of_a_known_name() {
        let doc = extract("Trade commissioner Maros Sefcovic said the EU would not move.");
        let person = doc.people.iter().find(|p| p.affiliation.as_deref() == Some("European Union")).expect("known");
        assert_eq!(person.name, "Maros Sefcovic");
        assert!(person.aliases.contains(&"Maroš Šefčovič".to_string()), "{:?}", person.aliases);
    }

    #[test]
    fn known_negotiators_come_from_the_gazetteer() {
        let doc = extract("Prime Minister Benjamin Netanyahu met the envoy. Netanyahu said no.");
        let person = doc.people.iter().find(|p| p.name == "Benjamin Netanyahu").expect("known person");
        assert_eq!(person.affiliation.as_deref(), Some("Israel"));
        assert_eq!(person.aliases, vec!["Netanyahu".to_string()]);
    }
}
