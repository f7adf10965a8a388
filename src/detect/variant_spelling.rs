//! Variant spelling: one name spelt two ways in one article ("Lawrow" and
//! "Lavrov", "Kiev" and "Kyiv", "Sarah" and "Sahra Wagenknecht").

use std::collections::HashMap;

use super::transliteration::{
    english_of, fold_diacritic, german_marks, key, Letters, NAME_PARTICLES,
};
use super::{Context, Detector, DetectorInfo, DetectorSettings, Finding};
use crate::diagnostic::{Applicability, Category, Severity};
use crate::span::Span;

/// The detector's description and examples.
pub static INFO: DetectorInfo = DetectorInfo {
    name: "variant-spelling",
    category: Category::TermInconsistent,
    severity: Severity::Warning,
    applicability: Applicability::Safe,
    summary: "a name spelt two ways in one text",
    explain: "Finds a name the text spells in two or more ways, as machine translation of \
German leaves it: the German transliteration next to the English one (“Lawrow” and \
“Lavrov”, “Selenskyj” and “Zelensky”, “Araghtschi” and “Araghchi”), the Russian and the \
Ukrainian form (“Kiev” and “Kyiv”), a rare given name “corrected” to a common one (“Sarah \
Wagenknecht” next to “Sahra Wagenknecht”). It collects the capitalised words of four \
letters or more that are not ordinary English words (so a capital at the start of a \
sentence is no reason to leave a name out; CamelCase words are) and groups them on a \
spelling key that German and English transliteration share (w = v, j = y = i, sch = sh = \
zh, tsch = ch = kh, z = s = ts, accents, doubled letters and a silent h after a vowel \
dropped). Keys of five letters or more are grouped too when they have the same \
consonants in the same order (Hisbollah / Hezbollah) or a Jaro-Winkler similarity of at \
least `threshold` (default 0.92; raise it to group less) and a normalised edit distance \
of at most a quarter; shorter words need equal keys. A grouped pair counts as one name \
only if the German-to-English rules, accents or doubled letters explain the difference \
(Lawrow → Lavrov, Odessa / Odesa), the names list holds one as a variant of the other \
(Kiev → Kyiv), or the same surname follows both (Sarah / Sahra Wagenknecht); a shared \
given name alone is not enough (Cheng Shao, Cheng Zhao). Different people and places \
stay apart: a feminine or inflected form (Zelensky / Zelenska, Peskov / Peskova, German \
/ Germany), different given names before them (Olaf Scholz / Anna Scholtz), different \
surnames after them (Katharina Dröge / Katherina Reiche), “Mr” against “Ms”, a given \
name against a name never followed by a surname (Riad Salameh / Riyadh), a town of a US \
state (Odessa, Texas / Odesa), two spellings the names list holds as separate names, and \
two names the English word lists both know unless a shared given name or surname ties \
them. Every spelling but the preferred one is reported with it as the fix: the names \
list's spelling, else the one without German marks (w, j, sch, -ow, -ij), else the one \
the text uses most, else the one the English word lists do not know (engines turn rare \
names into common ones, not the reverse); with no preferred spelling nothing is \
reported. `allow` lists spellings never to report.",
    bad: &[
        (
            "Sergei Lawrow met Rubio in Riyadh. Later Lavrov said the talks were useful.",
            Some("Sergei Lavrov met Rubio in Riyadh. Later Lavrov said the talks were useful."),
        ),
        (
            "Officials in Kyiv rejected the plan. The mood in Kiev was grim.",
            Some("Officials in Kyiv rejected the plan. The mood in Kyiv was grim."),
        ),
        (
            "Governor Oleh Sinegubow spoke first. Later Sinegubov said two people were hurt.",
            Some("Governor Oleh Sinegubov spoke first. Later Sinegubov said two people were hurt."),
        ),
        (
            "The party of Sahra Wagenknecht won. Critics of Sarah Wagenknecht spoke of populism. \
Sahra Wagenknecht celebrated.",
            Some(
                "The party of Sahra Wagenknecht won. Critics of Sahra Wagenknecht spoke of populism. \
Sahra Wagenknecht celebrated.",
            ),
        ),
    ],
    good: &[
        "President Volodymyr Zelensky and his wife Olena Zelenska visited Lviv.",
        "Mr Hartmann spoke first; then Ms Hartman, his neighbour, replied.",
        "Katharina Dröge criticised the minister, Katherina Reiche, on Friday.",
        "Olaf Scholz met Anna Scholtz, a teacher from Kassel.",
        "Dmitry Peskov said his wife Tatiana Navka and his daughter Elizaveta Peskova were abroad.",
        "Andriy Yermak met Foreign Minister Andrii Sybiha in Kyiv.",
        "Talks in Riyadh went on; the banker Riad Salameh was not invited.",
        "She grew up in Odessa, Texas, and now reports from Odesa for a Kyiv paper.",
    ],
};

/// Builds the detector.
pub fn build(settings: &DetectorSettings) -> Box<dyn Detector> {
    Box::new(VariantSpelling {
        threshold: settings.threshold.unwrap_or(0.92),
    })
}

struct VariantSpelling {
    threshold: f64,
}

impl Detector for VariantSpelling {
    fn info(&self) -> &'static DetectorInfo {
        &INFO
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        for cluster in clusters(cx, self.threshold) {
            let Verdict::Report {
                preferred,
                variants,
            } = cluster.verdict
            else {
                continue;
            };
            for (text, spans) in variants {
                for span in spans {
                    out.push(Finding {
                        span,
                        message: format!(
                            "“{text}” is spelt “{preferred}” elsewhere; use one spelling"
                        ),
                        suggestions: vec![preferred.clone()],
                    });
                }
            }
        }
    }
}

/// One spelling of a capitalised word and where it stands.
#[derive(Debug, Default)]
struct Spelling<'a> {
    text: &'a str,
    key: String,
    count: usize,
    spans: Vec<Span>,
    /// Keys of the given names right before it.
    given: Vec<String>,
    /// Keys of the capitalised names right after it.
    follow: Vec<String>,
    male: bool,
    female: bool,
    /// Occurrences followed by a capitalised name ("Riad Salameh").
    before_name: usize,
    /// US states after a comma ("Odessa, Texas").
    states: Vec<&'a str>,
}

/// What became of a group of similar spellings.
#[derive(Debug)]
#[cfg_attr(not(test), allow(dead_code))] // the spellings and reasons are for measuring
pub(crate) struct Cluster {
    /// The spellings, most frequent first.
    pub spellings: Vec<String>,
    /// Whether the spellings were grouped on equal keys only.
    pub exact: bool,
    pub verdict: Verdict,
}

/// The decision on a cluster.
#[derive(Debug)]
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) enum Verdict {
    /// Spellings to replace by `preferred`.
    Report {
        preferred: String,
        variants: Vec<(String, Vec<Span>)>,
    },
    /// Left alone, and why.
    Rejected(&'static str),
}

/// US states, which follow a town of the same name as a place elsewhere ("Odessa, Texas").
const US_STATES: &[&str] = &[
    "Alabama",
    "Alaska",
    "Arizona",
    "Arkansas",
    "California",
    "Colorado",
    "Connecticut",
    "Delaware",
    "Florida",
    "Georgia",
    "Hawaii",
    "Idaho",
    "Illinois",
    "Indiana",
    "Iowa",
    "Kansas",
    "Kentucky",
    "Louisiana",
    "Maine",
    "Maryland",
    "Massachusetts",
    "Michigan",
    "Minnesota",
    "Mississippi",
    "Missouri",
    "Montana",
    "Nebraska",
    "Nevada",
    "New",
    "North",
    "Ohio",
    "Oklahoma",
    "Oregon",
    "Pennsylvania",
    "Rhode",
    "South",
    "Tennessee",
    "Texas",
    "Utah",
    "Vermont",
    "Virginia",
    "Washington",
    "West",
    "Wisconsin",
    "Wyoming",
    "Ontario",
    "Quebec",
];

/// The US state named after a comma at `at` ("Odessa, Texas").
fn us_state(text: &str, at: usize) -> Option<&str> {
    let rest = text.get(at..)?.strip_prefix(", ")?;
    let word = rest.split(|c: char| !c.is_alphabetic()).next()?;
    US_STATES.iter().find(|s| **s == word).copied()
}

const MALE_TITLES: &[&str] = &["Mr", "Herr", "Sir", "Lord", "King", "Prince", "Father"];
const FEMALE_TITLES: &[&str] = &[
    "Ms", "Mrs", "Miss", "Frau", "Lady", "Dame", "Queen", "Princess", "Sister",
];

fn is_name_like(cx: &Context<'_>, t: &super::tokens::Token<'_>) -> bool {
    t.is_capitalised() && !t.is_all_caps() && !cx.lexicon.is_word(t.text)
}

/// Groups the capitalised words of the document and decides on each group.
pub(crate) fn clusters(cx: &Context<'_>, threshold: f64) -> Vec<Cluster> {
    let text = cx.text();
    let toks = &cx.tokens;
    let mut by_text: HashMap<&str, Spelling<'_>> = HashMap::new();
    for (i, t) in toks.iter().enumerate() {
        if !t.is_capitalised()
            || t.is_all_caps()
            || t.text.chars().count() < 4
            || !t.text.chars().all(char::is_alphabetic)
            || t.text.chars().skip(1).any(char::is_uppercase)
            || cx.lexicon.is_word(t.text)
        {
            continue;
        }
        let adjacent = |a: Span, b: Span| text.get(a.end..b.start) == Some(" ");
        let prev = i
            .checked_sub(1)
            .and_then(|p| toks.get(p))
            .filter(|p| p.sentence == t.sentence && adjacent(p.span, t.span));
        let next = toks
            .get(i + 1)
            .filter(|n| n.sentence == t.sentence && adjacent(t.span, n.span));
        let s = by_text.entry(t.text).or_insert_with(|| Spelling {
            text: t.text,
            key: key(t.text),
            ..Spelling::default()
        });
        s.count += 1;
        s.spans.push(t.span);
        if let Some(p) = prev {
            if MALE_TITLES.contains(&p.text) {
                s.male = true;
            } else if FEMALE_TITLES.contains(&p.text) {
                s.female = true;
            } else if is_name_like(cx, p) {
                s.given.push(key(p.text));
            }
        }
        // a surname, or its initial ("Denis K.")
        let initial = |n: &&super::tokens::Token<'_>| {
            n.text.len() == 1 && n.text.chars().all(|c| c.is_ascii_uppercase())
        };
        if let Some(n) = next.filter(|n| is_name_like(cx, n) || initial(n)) {
            s.follow.push(key(n.text));
            s.before_name += 1;
        } else if next.is_some_and(|n| NAME_PARTICLES.contains(&n.text)) {
            // "Abdel Fattah al-Sisi": a given name too
            s.before_name += 1;
        }
        if let Some(state) = us_state(text, t.span.end) {
            s.states.push(state);
        }
    }
    let mut spellings: Vec<Spelling<'_>> = by_text
        .into_values()
        .map(|mut s| {
            for list in [&mut s.given, &mut s.follow] {
                list.sort_unstable();
                list.dedup();
            }
            s
        })
        .collect();
    spellings.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.text.cmp(b.text)));

    // union-find over spellings: equal keys, then similar keys
    let mut parent: Vec<usize> = (0..spellings.len()).collect();
    let mut by_key: HashMap<&str, usize> = HashMap::new();
    for (i, s) in spellings.iter().enumerate() {
        match by_key.get(s.key.as_str()) {
            Some(&first) => union(&mut parent, i, first),
            None => {
                by_key.insert(&s.key, i);
            }
        }
    }
    // Similar keys of five letters or more: the same consonants in the same
    // order (Hisbollah / Hezbollah: transliterations differ mostly in vowels),
    // or close by Jaro-Winkler within a first letter and two letters of length.
    let mut skeletons: HashMap<String, usize> = HashMap::new();
    let mut buckets: HashMap<char, Vec<(usize, &str, Letters)>> = HashMap::new();
    for (k, &i) in &by_key {
        if k.chars().count() < 5 {
            continue;
        }
        let skeleton = consonants(k);
        if skeleton.chars().count() >= 4 {
            match skeletons.get(&skeleton) {
                Some(&j) => union(&mut parent, i, j),
                None => {
                    skeletons.insert(skeleton, i);
                }
            }
        }
        if let Some(c) = k.chars().next() {
            buckets.entry(c).or_default().push((i, k, Letters::of(k)));
        }
    }
    for bucket in buckets.values_mut() {
        bucket.sort_by_key(|(i, k, _)| (k.len(), *i));
        for (n, (i, a, la)) in bucket.iter().enumerate() {
            for (j, b, lb) in bucket.iter().skip(n + 1) {
                if b.len() > a.len() + 2 {
                    break;
                }
                if la.bound(lb) >= threshold
                    && strsim::jaro_winkler(a, b) >= threshold
                    && strsim::normalized_damerau_levenshtein(a, b) >= 0.75
                {
                    union(&mut parent, *i, *j);
                }
            }
        }
    }
    let mut groups: HashMap<usize, Vec<usize>> = HashMap::new();
    for i in 0..spellings.len() {
        let r = find(&parent, i);
        groups.entry(r).or_default().push(i);
    }
    let mut roots: Vec<_> = groups.into_values().filter(|g| g.len() > 1).collect();
    roots.sort();
    roots
        .into_iter()
        .map(|members| {
            let group: Vec<&Spelling<'_>> =
                members.iter().filter_map(|&i| spellings.get(i)).collect();
            decide(cx, &group)
        })
        .collect()
}

fn find(parent: &[usize], mut i: usize) -> usize {
    while let Some(&p) = parent.get(i) {
        if p == i {
            break;
        }
        i = p;
    }
    i
}

fn union(parent: &mut [usize], a: usize, b: usize) {
    let (ra, rb) = (find(parent, a), find(parent, b));
    if let Some(slot) = parent.get_mut(ra.max(rb)) {
        *slot = ra.min(rb);
    }
}

/// The first letter and the consonants after it.
fn consonants(key: &str) -> String {
    key.chars()
        .enumerate()
        .filter(|(i, c)| *i == 0 || !"aeiou".contains(*c))
        .map(|(_, c)| c)
        .collect()
}

fn similar(a: &str, b: &str) -> bool {
    a == b || (a.len() >= 5 && strsim::jaro_winkler(a, b) >= 0.92)
}

fn shares(a: &[String], b: &[String]) -> bool {
    a.iter().any(|x| b.iter().any(|y| similar(x, y)))
}

/// Not a feminine or inflected form of the other (Zelenska / Zelensky, Peskova / Peskov).
fn same_form(a: &str, b: &str) -> bool {
    let fem = |s: &str| s.ends_with('a');
    a == b || (fem(a) == fem(b) && !a.starts_with(b) && !b.starts_with(a))
}

/// Why `a` and `b` are not one name, if they are not.
fn apart(cx: &Context<'_>, a: &Spelling<'_>, b: &Spelling<'_>) -> Option<&'static str> {
    if !same_form(&a.key, &b.key) {
        return Some("feminine or inflected form");
    }
    if (a.male && b.female) || (a.female && b.male) {
        return Some("Mr against Ms");
    }
    if !a.given.is_empty() && !b.given.is_empty() && !shares(&a.given, &b.given) {
        return Some("different given names");
    }
    if !a.follow.is_empty() && !b.follow.is_empty() && !shares(&a.follow, &b.follow) {
        return Some("different surnames after");
    }
    // a given name ("Riad Salameh") against a name never followed by one ("Riyadh")
    let given_only = |s: &Spelling<'_>| s.before_name == s.count;
    if (given_only(a) && b.before_name == 0) || (given_only(b) && a.before_name == 0) {
        return Some("a given name against a name");
    }
    if a.states != b.states {
        return Some("a place of another state");
    }
    let gz = cx.gazetteer;
    if gz.is_canonical(a.text) && gz.is_canonical(b.text) {
        return Some("two names of the names list");
    }
    // the names list holds one as a variant of the other
    let listed_pair =
        gz.canonical_of(a.text) == Some(b.text) || gz.canonical_of(b.text) == Some(a.text);
    let support = listed_pair || shares(&a.given, &b.given) || shares(&a.follow, &b.follow);
    let known = |s: &Spelling<'_>| {
        let lx = cx.lexicon;
        lx.is_known(s.text) || lx.is_first_name(s.text) || lx.surname_rank(s.text).is_some()
    };
    let listed = |s: &Spelling<'_>| gz.is_canonical(s.text) || gz.canonical_of(s.text).is_some();
    if known(a) && known(b) && !support && !(listed(a) && listed(b)) {
        return Some("both known names, nothing ties them");
    }
    // one given name before two surnames is weak (Cheng Shao, Cheng Zhao): only
    // one surname after two given names vouches for an unexplained difference
    let same_person = listed_pair || shares(&a.follow, &b.follow);
    if a.key == b.key && !same_person && !explained(a.text, b.text) {
        return Some("nothing explains the difference");
    }
    if a.key != b.key && !same_person {
        return Some("similar, but nothing ties them");
    }
    None
}

/// Is the difference one that transliteration, accents or doubled letters make
/// (Lawrow / Lavrov, Selenskyj / Zelensky, Kovač / Kovac, Odessa / Odesa)?
fn explained(a: &str, b: &str) -> bool {
    let plain = |s: &str| -> String {
        let mut out = String::with_capacity(s.len());
        for c in s.chars().flat_map(char::to_lowercase).map(fold_diacritic) {
            if !out.ends_with(c) {
                out.push(c);
            }
        }
        out
    };
    if plain(a) == plain(b) {
        return true;
    }
    let (la, lb) = (a.to_lowercase(), b.to_lowercase());
    if !la.is_ascii() || !lb.is_ascii() {
        return false;
    }
    let (ea, eb) = (english_of(&la), english_of(&lb));
    ea.iter().any(|x| *x == lb || eb.contains(x)) || eb.contains(&la)
}

/// The preferred spelling of a group, or why there is none.
fn preferred(cx: &Context<'_>, group: &[&Spelling<'_>]) -> Result<String, &'static str> {
    let gz = cx.gazetteer;
    let mut canon: Vec<&str> = group
        .iter()
        .filter(|s| gz.is_canonical(s.text))
        .map(|s| s.text)
        .collect();
    if canon.is_empty() {
        canon = group
            .iter()
            .filter_map(|s| gz.canonical_of(s.text))
            .collect();
    }
    canon.sort_unstable();
    canon.dedup();
    match canon.as_slice() {
        [one] => return Ok((*one).to_string()),
        [] => {}
        _ => return Err("two names of the names list"),
    }
    let least = group
        .iter()
        .map(|s| german_marks(s.text))
        .min()
        .unwrap_or(0);
    let english: Vec<&&Spelling<'_>> = group
        .iter()
        .filter(|s| german_marks(s.text) == least)
        .collect();
    if let [one] = english.as_slice() {
        return Ok(one.text.to_string());
    }
    let most = english.iter().map(|s| s.count).max().unwrap_or(0);
    let top: Vec<&&&Spelling<'_>> = english.iter().filter(|s| s.count == most).collect();
    if let [one] = top.as_slice() {
        return Ok(one.text.to_string());
    }
    let lx = cx.lexicon;
    let unknown: Vec<&&&&Spelling<'_>> = top
        .iter()
        .filter(|s| !lx.is_known(s.text) && !lx.is_first_name(s.text))
        .collect();
    if let [one] = unknown.as_slice() {
        return Ok(one.text.to_string());
    }
    Err("no spelling to prefer")
}

fn decide(cx: &Context<'_>, group: &[&Spelling<'_>]) -> Cluster {
    let spellings = group.iter().map(|s| s.text.to_string()).collect();
    let exact = group.windows(2).all(|w| match w {
        [a, b] => a.key == b.key,
        _ => true,
    });
    let pair_reason = group.iter().enumerate().find_map(|(i, a)| {
        let all_apart = group
            .iter()
            .enumerate()
            .filter(|(j, _)| *j != i)
            .all(|(_, b)| apart(cx, a, b).is_some());
        group
            .iter()
            .find(|b| b.text != a.text)
            .and_then(|b| apart(cx, a, b))
            .filter(|_| all_apart)
    });
    let verdict = match preferred(cx, group) {
        Err(why) => Verdict::Rejected(pair_reason.unwrap_or(why)),
        Ok(preferred) => {
            let mut variants = Vec::new();
            let mut why = "";
            for s in group.iter().filter(|s| s.text != preferred) {
                let reason = group
                    .iter()
                    .filter(|o| o.text != s.text)
                    .find_map(|o| apart(cx, s, o));
                match reason {
                    Some(r) => why = r,
                    None => variants.push((s.text.to_string(), s.spans.clone())),
                }
            }
            if variants.is_empty() {
                Verdict::Rejected(if why.is_empty() {
                    "nothing to fix"
                } else {
                    why
                })
            } else {
                Verdict::Report {
                    preferred,
                    variants,
                }
            }
        }
    };
    Cluster {
        spellings,
        exact,
        verdict,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::gazetteer::Gazetteer;
    use crate::document::Document;

    /// Prints what the detector groups in the clean fixtures and why it reports
    /// or rejects each group: `cargo test --lib clean_fixture_clusters --
    /// --ignored --nocapture` (`CLUSTER_PREFIX=mt-` for the annotated ones).
    #[test]
    #[ignore]
    fn clean_fixture_clusters() {
        let packs = crate::rules::embedded::load().unwrap_or_default();
        let rules: Vec<_> = packs.into_iter().flat_map(|p| p.rules).collect();
        let gz = Gazetteer::from_rules(&rules);
        let mut paths: Vec<_> = std::fs::read_dir("fixtures")
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .filter(|p| {
                p.file_name().and_then(|n| n.to_str()).is_some_and(|n| {
                    n.starts_with(
                        std::env::var("CLUSTER_PREFIX")
                            .as_deref()
                            .unwrap_or("clean-"),
                    ) && n.ends_with(".txt")
                })
            })
            .collect();
        paths.sort();
        let mut reasons: HashMap<&str, usize> = HashMap::new();
        let mut total = 0;
        for p in paths {
            let text = std::fs::read_to_string(&p).unwrap_or_default();
            let doc = Document::plain(&text);
            let cx = Context::new(&doc, &gz);
            for c in clusters(&cx, 0.92) {
                total += 1;
                let why = match &c.verdict {
                    Verdict::Report { .. } => "REPORTED",
                    Verdict::Rejected(w) => w,
                };
                *reasons.entry(why).or_default() += 1;
                println!(
                    "{}: {:?} exact={} -> {why}",
                    p.display(),
                    c.spellings,
                    c.exact
                );
            }
        }
        println!("{total} clusters: {reasons:?}");
    }
}
