//! Name as word: a surname the translation engine turned into an English word
//! ("Antony Blinking", "Joachim Nail", "Isabel Beak", "Chancellor Cabbage").

use std::collections::HashSet;

use super::tokens::Token;
use super::{Context, Detector, DetectorInfo, DetectorSettings, Finding};
use crate::diagnostic::{Applicability, Category, Severity};
use crate::span::Span;

/// The detector's description and examples.
pub static INFO: DetectorInfo = DetectorInfo {
    name: "name-as-word",
    category: Category::Mistranslation,
    severity: Severity::Warning,
    applicability: Applicability::NeedsReview,
    summary: "a surname the translation engine turned into an English word",
    explain: "Finds a capitalised English word standing where a surname belongs: right after \
a given name (“Joachim Nail”, “Isabel Beak”) or a title (“Chancellor Cabbage”, “Secretary of \
State Blinking”, “Mr Beak”). Engines translate German surnames that are also German words \
(Nagel → Nail, Schnabel → Beak, Bär → Bear, Rhein → Rhine, Kohl → Cabbage, Zimmermann → \
Carpenter, Weber → Weaver, Heil → Salvation), sometimes word by word (Lauterbach → “Loud \
Brook”), and read foreign names as German verbs (Blinken → Blinking).\n\n\
How it decides. The word before must be a title (Mr, Dr, Chancellor, Minister, President, \
Secretary of State, Mayor …) or a given name: one of the 5,163 built-in given names (one that \
is also an ordinary word, such as “Will” or “Rose”, only if it is a common first name in the \
middle of a sentence; not “German”, “Christian”, “Jordan” and other names that usually mean \
something else), a word that stands right before a name of the loaded `names` packs \
elsewhere in the text, or a German given name: a built-in list of about 150 (Joachim, \
Dorothee, Hubertus, Sabine …) or a double name like “Frank-Walter”. A given name right after \
another given name is taken for a surname (“Patrick Henry Building”). The word itself is \
reported when\n\
- it is in a built-in table of about 150 English words that translate German surnames (Nail \
← Nagel, Carpenter ← Zimmermann, Rich ← Reiche …) or the `names` packs list it as a variant; \
if it is also one of the 10,000 most frequent US surnames (Smith, Baker, Long, Carpenter, \
Bear …) it counts only after a German given name (“Sabine Carpenter”, “Ricarda Long”) or \
when the German surname also occurs in the text, alone or after the same given name;\n\
- or it is an -ing or -ed form that is no surname at all (“Blinking”);\n\
- two capitalised words (“Karl Loud Brook”) are reported together when a German given name \
comes first, both are ordinary words and one of them is in the table.\n\
It stays silent on common surnames after other given names (“Condoleezza Rice”, “Gordon \
Brown”, “Karen Carpenter”), on known people whose surnames are words (“Donald Trump”, “Liz \
Truss”, “Christian Sewing”), on plurals and -ly adverbs, on place and organisation names \
(“Jordan River”, “Virginia Beach”, “Georgia Tech”, “Victoria Station”, and whenever a further \
capitalised word follows, as in “Christian Social Union”), on hyphenated surnames, at the \
start of a sentence (“Will Power”) and on lines in Title Case (headlines, captions). Once a \
word is reported, its other capitalised occurrences in the middle of a sentence are reported \
too (“Joachim Nail … the Bundesbank chief Nail said”), except after another given name.\n\n\
The fix is the German surname when the `names` packs or the table know it (one that occurs \
in the text is preferred, then one of the `names` packs, then the most common), otherwise \
the most similar spelling of the `names` packs; without either, and for two-word findings, \
it reports no fix. `threshold` (default 0.85) is the least Jaro-Winkler similarity for that \
last kind of suggestion, which must also start with the same letter and differ in length by \
at most two. `allow` lists words never to report (e.g. \"Bear\" for someone really called \
Bear).",
    bad: &[
        (
            "Talks between Secretary of State Antony Blinking and Sergei Lavrov were brief.",
            Some("Talks between Secretary of State Antony Blinken and Sergei Lavrov were brief."),
        ),
        (
            "Bundesbank President Joachim Nail warned against hoping for more rate cuts.",
            Some("Bundesbank President Joachim Nagel warned against hoping for more rate cuts."),
        ),
        (
            "The former chancellor Helmut Cabbage signed the treaty in 1990.",
            Some("The former chancellor Helmut Kohl signed the treaty in 1990."),
        ),
        (
            "Sabine Carpenter said her party would not join any coalition.",
            Some("Sabine Zimmermann said her party would not join any coalition."),
        ),
        (
            "The premier of Hesse, Boris Rhine, sent two fire brigade units.",
            Some("The premier of Hesse, Boris Rhein, sent two fire brigade units."),
        ),
        (
            "Mr Beak, a board member since 2020, urged patience.",
            Some("Mr Schnabel, a board member since 2020, urged patience."),
        ),
        (
            "Health Minister Karl Loud Brook defended the hospital reform.",
            None,
        ),
    ],
    good: &[
        "Former secretary of state Condoleezza Rice met Gordon Brown and Tony Blair in London.",
        "Donald Trump spoke with Liz Truss while Christian Sewing listened.",
        "Crowds gathered along the Jordan River and at Virginia Beach; Georgia Tech closed early.",
        "Karen Carpenter sang while Ben Baker and Ann Long played.",
        "Will Power won the race, and the Christian Social Union lost ground.",
        "Dieter Blinking Lights Festival Opens In Bonn",
        "Mike Pence and Samantha Power took questions; Olaf Lies spoke for Lower Saxony.",
        "Joachim Nagel and Isabel Schnabel spoke in Frankfurt after Helmut Kohl's era ended.",
        "The historian Joachim Fest wrote about Albert Speer; Georg Ohm studied currents.",
        "Heinz Tomato Ketchup sponsors the Patrick Henry Building, said Mr Smith.",
        "President Trump met Chancellor Merz, and the Secretary General met General Motors staff.",
    ],
};

/// Builds the detector.
pub fn build(settings: &DetectorSettings) -> Box<dyn Detector> {
    Box::new(NameAsWord {
        threshold: settings.threshold.unwrap_or(0.85),
    })
}

struct NameAsWord {
    threshold: f64,
}

/// A surname rank below this (0 = Smith) makes a word a common English surname.
const COMMON_SURNAME_RANK: usize = 10000;

/// A surname rank at or above this (or none) makes a word "no surname".
const RARE_SURNAME_RANK: usize = 15000;

/// English words an engine writes for German surnames that are German words,
/// with the surnames (most common first).
const TRANSLATED_SURNAMES: &[(&str, &[&str])] = &[
    ("nail", &["Nagel"]),
    ("beak", &["Schnabel"]),
    ("bear", &["Bär", "Baer"]),
    ("rhine", &["Rhein"]),
    ("cabbage", &["Kohl"]),
    ("weaver", &["Weber"]),
    ("duke", &["Herzog"]),
    ("salvation", &["Heil"]),
    ("hail", &["Heil", "Hagel"]),
    ("healing", &["Heil"]),
    ("rich", &["Reiche", "Reich"]),
    ("long", &["Lang", "Lange"]),
    ("free", &["Frei"]),
    ("because", &["Weil"]),
    ("meuse", &["Maas"]),
    ("march", &["Merz"]),
    ("carpenter", &["Zimmermann", "Schreiner", "Tischler"]),
    ("joiner", &["Schreiner", "Tischler"]),
    ("miller", &["Müller"]),
    ("smith", &["Schmidt", "Schmitt", "Schmid"]),
    ("tailor", &["Schneider"]),
    ("cutter", &["Schneider"]),
    ("fisher", &["Fischer"]),
    ("fisherman", &["Fischer"]),
    ("wagoner", &["Wagner"]),
    ("cartwright", &["Wagner"]),
    ("baker", &["Becker", "Bäcker"]),
    ("shepherd", &["Schäfer", "Hirte"]),
    ("cook", &["Koch"]),
    ("farmer", &["Bauer"]),
    ("peasant", &["Bauer"]),
    ("judge", &["Richter"]),
    ("small", &["Klein"]),
    ("little", &["Klein"]),
    ("black", &["Schwarz"]),
    ("brown", &["Braun"]),
    ("king", &["König"]),
    ("emperor", &["Kaiser"]),
    ("fox", &["Fuchs"]),
    ("white", &["Weiß", "Weiss"]),
    ("young", &["Jung"]),
    ("rooster", &["Hahn"]),
    ("bird", &["Vogel"]),
    ("cellar", &["Keller"]),
    ("basement", &["Keller"]),
    ("shoemaker", &["Schumacher", "Schuster"]),
    ("cobbler", &["Schuster"]),
    ("stone", &["Stein"]),
    ("hunter", &["Jäger"]),
    ("summer", &["Sommer"]),
    ("writer", &["Schreiber"]),
    ("angel", &["Engel"]),
    ("bush", &["Busch"]),
    ("miner", &["Bergmann"]),
    ("sour", &["Sauer"]),
    ("piper", &["Pfeiffer"]),
    ("whistler", &["Pfeiffer"]),
    ("bold", &["Kühn"]),
    ("hare", &["Hase"]),
    ("rabbit", &["Hase"]),
    ("finch", &["Fink"]),
    ("woodpecker", &["Specht"]),
    ("eagle", &["Adler"]),
    ("ostrich", &["Strauß", "Strauss"]),
    ("crane", &["Kranich"]),
    ("dove", &["Taube"]),
    ("pigeon", &["Taube"]),
    ("raven", &["Rabe"]),
    ("falcon", &["Falke"]),
    ("vulture", &["Geier"]),
    ("swan", &["Schwan"]),
    ("stag", &["Hirsch"]),
    ("deer", &["Hirsch"]),
    ("lion", &["Löw", "Löwe"]),
    ("hedgehog", &["Igel"]),
    ("frog", &["Frosch"]),
    ("pike", &["Hecht"]),
    ("herring", &["Hering"]),
    ("brook", &["Bach"]),
    ("flower", &["Blume"]),
    ("thorn", &["Dorn"]),
    ("steel", &["Stahl"]),
    ("iron", &["Eisen"]),
    ("silver", &["Silber"]),
    ("copper", &["Kupfer"]),
    ("sugar", &["Zucker"]),
    ("wine", &["Wein"]),
    ("honey", &["Honig"]),
    ("sausage", &["Wurst"]),
    ("bacon", &["Speck"]),
    ("kernel", &["Kern"]),
    ("beard", &["Bart"]),
    ("servant", &["Knecht"]),
    ("knight", &["Ritter"]),
    ("bishop", &["Bischof"]),
    ("monk", &["Mönch"]),
    ("bailiff", &["Vogt"]),
    ("butcher", &["Metzger", "Fleischer"]),
    ("brewer", &["Brauer"]),
    ("dyer", &["Färber"]),
    ("tanner", &["Gerber"]),
    ("saddler", &["Sattler"]),
    ("mason", &["Maurer"]),
    ("bricklayer", &["Maurer"]),
    ("glazier", &["Glaser"]),
    ("painter", &["Maler"]),
    ("potter", &["Töpfer"]),
    ("carter", &["Fuhrmann", "Wagner"]),
    ("merchant", &["Kaufmann"]),
    ("businessman", &["Kaufmann"]),
    ("grocer", &["Krämer"]),
    ("shopkeeper", &["Krämer"]),
    ("innkeeper", &["Wirth", "Krüger", "Kretschmer"]),
    ("gardener", &["Gärtner"]),
    ("forester", &["Förster"]),
    ("marksman", &["Schütze"]),
    ("watchman", &["Wächter"]),
    ("earnest", &["Ernst"]),
    ("wise", &["Weise"]),
    ("strong", &["Stark"]),
    ("quick", &["Schnell"]),
    ("short", &["Kurz"]),
    ("loud", &["Laut"]),
    ("bavarian", &["Bayer"]),
    ("hessian", &["Hesse", "Hess"]),
    ("saxon", &["Sachs"]),
    ("bohemian", &["Böhm"]),
    ("luck", &["Glück"]),
    ("blessing", &["Segen"]),
    ("consolation", &["Trost"]),
    ("miracle", &["Wunder"]),
    ("thunder", &["Donner"]),
    ("fist", &["Faust"]),
    ("sword", &["Schwert"]),
    ("spear", &["Speer"]),
    ("arrow", &["Pfeil"]),
    ("helmet", &["Helm"]),
    ("hatchet", &["Beil"]),
    ("kettle", &["Kessel"]),
    ("jug", &["Krug"]),
    ("bucket", &["Eimer"]),
    ("anchor", &["Anker"]),
    ("collier", &["Köhler"]),
    ("newer", &["Neuer"]),
    ("boat", &["Kahn"]),
    ("apple", &["Apfel", "Appel"]),
    ("blunder", &["Schnitzer"]),
    ("carver", &["Schnitzer"]),
    ("strength", &["Kraft"]),
    ("oven", &["Ofen"]),
    ("sense", &["Sinn"]),
    ("meaning", &["Sinn"]),
    ("book", &["Buch"]),
    ("courtship", &["Balz"]),
    ("hangover", &["Kater"]),
    ("tomcat", &["Kater"]),
    ("lame", &["Lahm"]),
    ("idol", &["Götze"]),
];

/// German given names (most not in the US list, or mostly German there).
const GERMAN_GIVEN: &[&str] = &[
    "Achim",
    "Albrecht",
    "Alois",
    "Andrea",
    "Anja",
    "Anke",
    "Annalena",
    "Annegret",
    "Anneliese",
    "Armin",
    "Arnulf",
    "Axel",
    "Bernd",
    "Berthold",
    "Bettina",
    "Birgit",
    "Björn",
    "Bodo",
    "Boris",
    "Britta",
    "Burkhard",
    "Bärbel",
    "Carsten",
    "Christiane",
    "Christoph",
    "Claus",
    "Dagmar",
    "Detlef",
    "Dieter",
    "Dietmar",
    "Dietrich",
    "Dirk",
    "Dorothee",
    "Dörte",
    "Ekkehard",
    "Elfriede",
    "Elke",
    "Erich",
    "Ernst",
    "Erwin",
    "Franz",
    "Franziska",
    "Frauke",
    "Friederike",
    "Friedhelm",
    "Friedrich",
    "Fritz",
    "Georg",
    "Gerd",
    "Gerda",
    "Gerhard",
    "Gernot",
    "Gertrud",
    "Gesine",
    "Gisela",
    "Gottfried",
    "Gregor",
    "Gudrun",
    "Gundula",
    "Gunther",
    "Günter",
    "Günther",
    "Hannelore",
    "Hannes",
    "Hans",
    "Hansi",
    "Hansjörg",
    "Harald",
    "Hartmut",
    "Hedwig",
    "Heidrun",
    "Heike",
    "Heiko",
    "Heiner",
    "Heinrich",
    "Heinz",
    "Helga",
    "Helmut",
    "Hendrik",
    "Henning",
    "Hermann",
    "Hildegard",
    "Holger",
    "Horst",
    "Hubert",
    "Hubertus",
    "Ilse",
    "Ines",
    "Inge",
    "Ingo",
    "Ingrid",
    "Irmgard",
    "Jens",
    "Joachim",
    "Jochen",
    "Jogi",
    "Johann",
    "Johannes",
    "Josef",
    "Jupp",
    "Jutta",
    "Jörg",
    "Jürgen",
    "Karl",
    "Katharina",
    "Katherina",
    "Katja",
    "Katrin",
    "Kerstin",
    "Klaus",
    "Konrad",
    "Kristina",
    "Lars",
    "Lieselotte",
    "Lothar",
    "Ludwig",
    "Lutz",
    "Maik",
    "Malte",
    "Manfred",
    "Manuela",
    "Margarete",
    "Markus",
    "Marlene",
    "Matthias",
    "Mechthild",
    "Meike",
    "Michaela",
    "Monika",
    "Nils",
    "Norbert",
    "Olaf",
    "Ortwin",
    "Ottmar",
    "Otto",
    "Philipp",
    "Rainer",
    "Reiner",
    "Reinhard",
    "Reinhold",
    "Renate",
    "Ricarda",
    "Roswitha",
    "Rudi",
    "Rudolf",
    "Rüdiger",
    "Sabine",
    "Sahra",
    "Saskia",
    "Sepp",
    "Siegfried",
    "Sigmar",
    "Sigrid",
    "Silke",
    "Steffen",
    "Steffi",
    "Sven",
    "Svenja",
    "Thorsten",
    "Till",
    "Timo",
    "Tino",
    "Torsten",
    "Ulf",
    "Uli",
    "Ulla",
    "Ulrich",
    "Ulrike",
    "Ursula",
    "Uschi",
    "Uta",
    "Ute",
    "Uwe",
    "Volker",
    "Waltraud",
    "Werner",
    "Wiebke",
    "Wilfried",
    "Wilhelm",
    "Winfried",
    "Wolfgang",
    "Wolfram",
];

/// Given names that are also ordinary words but in mid-sentence are names.
const WORD_GIVEN: &[&str] = &[
    "Amber", "Bill", "Billy", "Bob", "Bobby", "Brad", "Carol", "Chad", "Chuck", "Daisy", "Dawn",
    "Dean", "Don", "Drew", "Ed", "Frank", "Gene", "Glen", "Grace", "Grant", "Hank", "Harry",
    "Hazel", "Heather", "Holly", "Iris", "Ivy", "Jack", "Jimmy", "John", "Josh", "Ken", "Mark",
    "Martin", "Matt", "Max", "Mike", "Nick", "Olive", "Pat", "Pearl", "Penny", "Peter", "Ray",
    "Rick", "Rob", "Robin", "Roger", "Rose", "Ruby", "Sally", "Sandy", "Sue", "Terry", "Tom",
    "Tony", "Victor", "Violet", "Wade",
];

/// Words in the given-name list that are mostly something else before a capitalised word
/// (nationalities, places, parties).
const NOT_GIVEN: &[&str] = &[
    "German",
    "Christian",
    "Paris",
    "Lincoln",
    "Jordan",
    "Virginia",
    "Georgia",
    "Jackson",
    "Charlotte",
    "Victoria",
    "Santa",
    "Florence",
    "Austin",
    "Houston",
    "Dallas",
    "Phoenix",
    "Orlando",
    "Madison",
    "Chelsea",
    "Brooklyn",
    "Sydney",
    "Adelaide",
    "Regina",
    "Beverly",
    "Carolina",
    "Dakota",
    "Indiana",
    "Israel",
    "India",
    "China",
    "Asia",
    "Africa",
    "Cuba",
    "Jersey",
    "Kent",
    "Cleveland",
    "Denver",
    "Lafayette",
    "Washington",
    "Columbia",
    "Augusta",
    "Savannah",
    "Aurora",
    "Alexandria",
    "Marion",
    "Salem",
    "Trinity",
    "Easter",
    "Holland",
    "Norman",
    "Roman",
    "Catholic",
    "English",
    "French",
    "Irish",
    "Scott",
    "Lorraine",
    "Sierra",
    "Valencia",
    "Elizabeth",
    "Charleston",
    "Montgomery",
    "Nelson",
    "Tyler",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "April",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Particles of surnames ("von Braun", "van Gogh").
const PARTICLES: &[&str] = &[
    "von", "van", "de", "der", "den", "zu", "vom", "zum", "ter", "di", "da", "du", "la", "le",
];

/// Titles and offices after which a surname follows (last word of the title).
const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "professor",
    "chancellor",
    "minister",
    "president",
    "senator",
    "mayor",
    "secretary",
    "governor",
    "premier",
    "commissioner",
    "ambassador",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "chairman",
    "chairwoman",
    "chief",
    "general",
    "colonel",
    "deputy",
    "envoy",
];

/// Heads of place and organisation names ("Jordan River", "Georgia Tech").
const PLACE_HEADS: &[&str] = &[
    "abbey",
    "academy",
    "act",
    "airport",
    "alliance",
    "arena",
    "avenue",
    "award",
    "bank",
    "bay",
    "beach",
    "boulevard",
    "bridge",
    "building",
    "campus",
    "canal",
    "canyon",
    "cape",
    "castle",
    "cathedral",
    "center",
    "centre",
    "chapel",
    "church",
    "city",
    "clinic",
    "club",
    "coast",
    "college",
    "company",
    "conference",
    "council",
    "county",
    "court",
    "creek",
    "cup",
    "dam",
    "delta",
    "district",
    "doctrine",
    "drive",
    "elementary",
    "express",
    "falls",
    "festival",
    "field",
    "forest",
    "fort",
    "foundation",
    "fund",
    "gallery",
    "garden",
    "gate",
    "glacier",
    "group",
    "gulf",
    "hall",
    "harbour",
    "harbor",
    "heights",
    "herald",
    "high",
    "hill",
    "hole",
    "highway",
    "hospital",
    "hotel",
    "house",
    "institute",
    "island",
    "journal",
    "lake",
    "lane",
    "law",
    "league",
    "library",
    "line",
    "mall",
    "market",
    "memorial",
    "mount",
    "mountain",
    "museum",
    "news",
    "ocean",
    "palace",
    "park",
    "party",
    "pass",
    "peak",
    "pier",
    "place",
    "plan",
    "plaza",
    "point",
    "port",
    "post",
    "press",
    "prison",
    "prize",
    "province",
    "region",
    "republic",
    "road",
    "school",
    "sea",
    "square",
    "stadium",
    "state",
    "station",
    "street",
    "strait",
    "studio",
    "tech",
    "temple",
    "terminal",
    "tunnel",
    "theatre",
    "theater",
    "times",
    "tower",
    "trophy",
    "tribune",
    "union",
    "university",
    "valley",
    "village",
    "way",
    "wood",
];

/// Real surnames that are English words and not in the surname list (public figures).
const KNOWN_WORD_SURNAMES: &[&str] = &[
    "Bronze", "Cleverly", "Dunk", "Flick", "Lies", "Musk", "Ocean", "Pence", "Pill", "Power",
    "Sewing", "Sinner", "Slot", "Stark", "Store", "Stride", "Trump", "Truss", "Tusk", "Waltz",
];

impl Detector for NameAsWord {
    fn info(&self) -> &'static DetectorInfo {
        &INFO
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let t = &cx.tokens;
        if t.len() < 2 {
            return;
        }
        let text = cx.text();
        let headline = title_case_tokens(text, t);
        let doc = DocFacts::collect(cx);
        let mut reported: Vec<(&str, &str, Option<String>)> = Vec::new();
        let mut spans: HashSet<usize> = HashSet::new();
        for i in 1..t.len() {
            let w = &t[i];
            if !candidate_shape(w) || headline[i] {
                continue;
            }
            if !space_between(text, &t[i - 1], w) && !abbreviated_title(text, &t[i - 1], w) {
                continue;
            }
            let Some(intro) = introducer(cx, &doc, t, i) else {
                continue;
            };
            if followed_by_name_part(text, t, i) {
                if intro == Intro::GermanGiven {
                    out.extend(two_word_surname(cx, t, i, &headline));
                }
                continue;
            }
            if let Some(suggestion) = self.judge(cx, &doc, t[i - 1].text, w.text, intro) {
                spans.insert(w.span.start);
                let message = message(w.text, t[i - 1].text, suggestion.as_deref());
                out.push(Finding {
                    span: w.span,
                    message,
                    suggestions: suggestion.iter().cloned().collect(),
                });
                if !reported.iter().any(|(r, _, _)| *r == w.text) {
                    reported.push((w.text, t[i - 1].text, suggestion));
                }
            }
        }
        if reported.is_empty() {
            return;
        }
        // the same word elsewhere in the middle of a sentence ("Nail also said")
        for (i, w) in t.iter().enumerate() {
            if w.first_in_sentence || headline[i] || spans.contains(&w.span.start) {
                continue;
            }
            let Some((_, given, suggestion)) = reported.iter().find(|(r, _, _)| *r == w.text)
            else {
                continue;
            };
            if followed_by_name_part(text, t, i) || after_hyphen(text, t, i) {
                continue;
            }
            // part of another person's name ("Karen Carpenter" after "Sabine Carpenter")
            let prev = i.checked_sub(1).map(|p| &t[p]);
            if prev.is_some_and(|p| {
                p.is_capitalised()
                    && space_between(text, p, w)
                    && *given != p.text
                    && !is_title(p.text)
                    && (!p.first_in_sentence
                        || cx.lexicon.is_first_name(p.text)
                        || GERMAN_GIVEN.contains(&p.text))
            }) {
                continue;
            }
            out.push(Finding {
                span: w.span,
                message: format!(
                    "“{}” was reported above as a surname turned into an English word",
                    w.text
                ),
                suggestions: suggestion.iter().cloned().collect(),
            });
        }
        out.sort_by_key(|f| f.span.start);
    }
}

/// What stands before the word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Intro {
    /// A German given name.
    GermanGiven,
    /// Another given name.
    Given,
    /// A title or office.
    Title,
}

/// Facts about the whole document, gathered once.
struct DocFacts<'a> {
    /// Capitalised words not right after another capitalised word ("Nagel said").
    standalone: HashSet<&'a str>,
    /// Capitalised words right after another ("Joachim", "Nagel").
    pairs: HashSet<(&'a str, &'a str)>,
    /// Words standing right before a name of the `names` packs.
    given_before_known: HashSet<&'a str>,
}

impl<'a> DocFacts<'a> {
    fn collect(cx: &Context<'a>) -> Self {
        let t = &cx.tokens;
        let text = cx.text();
        let mut facts = DocFacts {
            standalone: HashSet::new(),
            pairs: HashSet::new(),
            given_before_known: HashSet::new(),
        };
        for (i, w) in t.iter().enumerate() {
            if !w.is_capitalised() {
                continue;
            }
            let prev = i
                .checked_sub(1)
                .map(|p| &t[p])
                .filter(|p| p.is_capitalised() && space_between(text, p, w));
            let Some(prev) = prev else {
                // "von Braun" is a surname of its own
                let particle = i
                    .checked_sub(1)
                    .is_some_and(|p| PARTICLES.contains(&t[p].text));
                if !particle {
                    facts.standalone.insert(w.text);
                }
                continue;
            };
            facts.pairs.insert((prev.text, w.text));
            // a given name, not "Russian" or "Kremlin"
            let lx = cx.lexicon;
            if !prev.is_all_caps()
                && cx.gazetteer.is_canonical(w.text)
                && !lx.is_word(prev.text)
                && (!lx.is_proper(prev.text) || lx.is_first_name(prev.text))
                && !NOT_GIVEN.contains(&prev.text)
            {
                facts.given_before_known.insert(prev.text);
            }
        }
        facts
    }

    /// Does the text also write `surname` alone or after `given`?
    fn has_surname(&self, given: &str, surname: &str) -> bool {
        self.standalone.contains(surname) || self.pairs.contains(&(given, surname))
    }
}

impl NameAsWord {
    /// Is `word` after `intro` a translated surname? Returns the suggestion, if any.
    fn judge(
        &self,
        cx: &Context<'_>,
        doc: &DocFacts<'_>,
        before: &str,
        word: &str,
        intro: Intro,
    ) -> Option<Option<String>> {
        let lx = cx.lexicon;
        if KNOWN_WORD_SURNAMES.contains(&word) {
            return None;
        }
        let lower = word.to_lowercase();
        if !lx.is_known(&lower)
            || PLACE_HEADS.contains(&lower.as_str())
            || TITLES.contains(&lower.as_str())
        {
            return None;
        }
        let table = TRANSLATED_SURNAMES
            .iter()
            .find(|(en, _)| *en == lower)
            .map(|(_, de)| *de)
            .unwrap_or(&[]);
        // a variant of the `names` packs that is an English word, not a name ("Karl", "Kiev")
        let variant_of = cx.gazetteer.canonical_of(word).filter(|_| {
            lx.is_word(&lower) && !lx.is_first_name(word) && !GERMAN_GIVEN.contains(&word)
        });
        let rank = lx.surname_rank(word);
        if !table.is_empty() || variant_of.is_some() {
            let in_text = table
                .iter()
                .copied()
                .chain(variant_of)
                .find(|de| doc.has_surname(before, de));
            let common = rank.is_some_and(|r| r < COMMON_SURNAME_RANK);
            if common && intro != Intro::GermanGiven && in_text.is_none() {
                return None;
            }
            let suggestion = in_text
                .or(variant_of)
                .or_else(|| {
                    table
                        .iter()
                        .copied()
                        .find(|de| cx.gazetteer.is_canonical(de))
                })
                .or_else(|| table.first().copied());
            return Some(suggestion.map(str::to_string));
        }
        // a word the lists know as no surname at all
        let no_surname = rank.is_none_or(|r| r >= RARE_SURNAME_RANK);
        if !no_surname
            || !lx.is_word(&lower)
            || lx.is_proper(word)
            || lx.is_first_name(word)
            || cx.gazetteer.is_canonical(word)
            || lower.ends_with("ly")
            || is_plural(lx, &lower)
        {
            return None;
        }
        let n = lower.chars().count();
        let verb_form = n >= 6 && (lower.ends_with("ing") || lower.ends_with("ed"));
        // German surnames that are English words as they stand (Fest, Kind, Hut) rule
        // out the same test for other ordinary words
        if !verb_form {
            return None;
        }
        Some(self.similar_name(cx, &lower).map(str::to_string))
    }

    /// The `names` spelling most like `lower`: same first letter, length within two.
    fn similar_name<'g>(&self, cx: &'g Context<'_>, lower: &str) -> Option<&'g str> {
        let first = lower.chars().next()?;
        let n = lower.chars().count();
        let mut best: Option<(f64, &str)> = None;
        for c in cx.gazetteer.canonical() {
            let cl = c.to_lowercase();
            if !cl.starts_with(first) || cl.chars().count().abs_diff(n) > 2 || cl.contains(' ') {
                continue;
            }
            let s = strsim::jaro_winkler(lower, &cl);
            if s >= self.threshold && best.is_none_or(|(b, _)| s > b) {
                best = Some((s, c));
            }
        }
        best.map(|(_, c)| c)
    }
}

fn message(word: &str, before: &str, suggestion: Option<&str>) -> String {
    match suggestion {
        Some(s) => format!(
            "“{word}” after “{before}” looks like the surname “{s}” translated as an English word"
        ),
        None => format!(
            "“{word}” after “{before}” looks like a surname translated as an English word; check the name"
        ),
    }
}

/// A capitalised word of letters, not all capitals, not first in its sentence.
fn candidate_shape(w: &Token<'_>) -> bool {
    !w.first_in_sentence
        && w.is_capitalised()
        && !w.is_all_caps()
        && w.text.chars().count() >= 3
        && w.text.chars().all(char::is_alphabetic)
}

/// Only spaces between two tokens (a hyphen or other mark disqualifies).
fn space_between(text: &str, a: &Token<'_>, b: &Token<'_>) -> bool {
    let gap = text.get(a.span.end..b.span.start).unwrap_or("x");
    !gap.is_empty() && gap.chars().all(|c| c == ' ' || c == '\u{a0}')
}

/// "Mr. Nail", "Dr. Beak".
fn abbreviated_title(text: &str, a: &Token<'_>, b: &Token<'_>) -> bool {
    let gap = text.get(a.span.end..b.span.start).unwrap_or("x");
    matches!(a.text, "Mr" | "Mrs" | "Ms" | "Dr" | "Prof")
        && gap
            .strip_prefix('.')
            .is_some_and(|g| !g.is_empty() && g.chars().all(|c| c == ' ' || c == '\u{a0}'))
}

/// The word continues a longer name: a capitalised word or a hyphen follows.
fn followed_by_name_part(text: &str, t: &[Token<'_>], i: usize) -> bool {
    let w = &t[i];
    let after = text.get(w.span.end..).unwrap_or("");
    if after.starts_with('-') || after.starts_with('\u{2011}') {
        return true;
    }
    match t.get(i + 1) {
        Some(next) => {
            next.sentence == w.sentence
                && next.is_capitalised()
                && !next.is_all_caps()
                && space_between(text, w, next)
        }
        None => false,
    }
}

/// The word is the second part of a hyphenated word.
fn after_hyphen(text: &str, t: &[Token<'_>], i: usize) -> bool {
    i > 0
        && text
            .get(t[i - 1].span.end..t[i].span.start)
            .is_some_and(|g| g.contains('-'))
}

/// Given name or title before token `i`.
fn introducer(cx: &Context<'_>, doc: &DocFacts<'_>, t: &[Token<'_>], i: usize) -> Option<Intro> {
    let prev = &t[i - 1];
    if is_title(prev.text) {
        return Some(Intro::Title);
    }
    // "Secretary of State Blinking"
    if prev.text.eq_ignore_ascii_case("state")
        && i >= 3
        && t[i - 2].text == "of"
        && t[i - 3].text.eq_ignore_ascii_case("secretary")
    {
        return Some(Intro::Title);
    }
    if !prev.is_capitalised() || prev.is_all_caps() || NOT_GIVEN.contains(&prev.text) {
        return None;
    }
    // "Patrick Henry Building": after another given name, "Henry" is a surname
    if i >= 2 && space_between(cx.text(), &t[i - 2], prev) {
        let before = t[i - 2].text;
        if GERMAN_GIVEN.contains(&before)
            || (cx.lexicon.is_first_name(before) && !cx.lexicon.is_word(before))
        {
            return None;
        }
    }
    if GERMAN_GIVEN.contains(&prev.text) || hyphenated_given(cx, t, i - 1) {
        return Some(Intro::GermanGiven);
    }
    if doc.given_before_known.contains(prev.text) {
        return Some(Intro::Given);
    }
    if !cx.lexicon.is_first_name(prev.text) {
        return None;
    }
    if cx.lexicon.is_word(prev.text) && (prev.first_in_sentence || !WORD_GIVEN.contains(&prev.text))
    {
        return None;
    }
    Some(Intro::Given)
}

/// A title or office, any case.
fn is_title(word: &str) -> bool {
    TITLES.iter().any(|t| t.eq_ignore_ascii_case(word))
}

/// The second half of a double given name in the German manner ("Frank-Walter").
fn hyphenated_given(cx: &Context<'_>, t: &[Token<'_>], j: usize) -> bool {
    let Some(first) = j.checked_sub(1).map(|k| &t[k]) else {
        return false;
    };
    let given = |w: &str| GERMAN_GIVEN.contains(&w) || cx.lexicon.is_first_name(w);
    cx.text().get(first.span.end..t[j].span.start) == Some("-")
        && first.is_capitalised()
        && given(first.text)
        && given(t[j].text)
}

/// "Karl Loud Brook", "Frank-Walter Stone Mayor": a German given name followed by two
/// capitalised English words, at least one of them a translated surname.
fn two_word_surname(
    cx: &Context<'_>,
    t: &[Token<'_>],
    i: usize,
    headline: &[bool],
) -> Option<Finding> {
    let text = cx.text();
    let (a, b) = (&t[i], t.get(i + 1)?);
    if !candidate_shape(b) || headline[i + 1] || followed_by_name_part(text, t, i + 1) {
        return None;
    }
    let lx = cx.lexicon;
    let translated = |w: &str| {
        let lower = w.to_lowercase();
        TRANSLATED_SURNAMES.iter().any(|(en, _)| *en == lower)
    };
    let plain = |w: &str| {
        let lower = w.to_lowercase();
        lx.is_word(&lower)
            && (translated(w) || !lx.is_first_name(w))
            && !KNOWN_WORD_SURNAMES.contains(&w)
            && !lower.ends_with("ly")
            && !is_plural(lx, &lower)
    };
    let b_lower = b.text.to_lowercase();
    if !plain(a.text)
        || !plain(b.text)
        || PLACE_HEADS.contains(&b_lower.as_str())
        || !(translated(a.text) || translated(b.text))
    {
        return None;
    }
    let words = text.get(a.span.start..b.span.end)?;
    Some(Finding {
        span: Span::new(a.span.start, b.span.end),
        message: format!(
            "“{words}” after “{}” looks like a surname translated word by word into English; \
check the name",
            t[i - 1].text
        ),
        suggestions: Vec::new(),
    })
}

/// A regular plural of an English word ("Hornets", "Lies").
fn is_plural(lx: &super::lexicon::Lexicon, lower: &str) -> bool {
    lower.len() > 3
        && lower.ends_with('s')
        && !lower.ends_with("ss")
        && lower.get(..lower.len() - 1).is_some_and(|stem| {
            lx.is_word(stem)
                || (lower.ends_with("es")
                    && lower.get(..lower.len() - 2).is_some_and(|s| lx.is_word(s)))
        })
}

/// Words a Title Case headline leaves in lower case.
const MINOR_WORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "by", "with",
    "from", "as", "vs", "via", "per", "into", "over", "s",
];

/// For each token: is it on a line written in Title Case (a headline, a caption)?
fn title_case_tokens(text: &str, t: &[Token<'_>]) -> Vec<bool> {
    let mut out = vec![false; t.len()];
    let mut start = 0;
    while start < t.len() {
        let mut end = start + 1;
        while end < t.len()
            && !text
                .get(t[end - 1].span.end..t[end].span.start)
                .is_some_and(|g| g.contains('\n'))
        {
            end += 1;
        }
        let mut words = 0;
        let mut lowercase = 0;
        for w in &t[start..end] {
            if !w.text.chars().all(char::is_alphabetic) || MINOR_WORDS.contains(&w.text) {
                continue;
            }
            words += 1;
            lowercase += usize::from(!w.is_capitalised());
        }
        if words >= 2 && lowercase == 0 {
            out[start..end].iter_mut().for_each(|h| *h = true);
        }
        start = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::gazetteer::Gazetteer;
    use crate::document::Document;

    fn findings(text: &str) -> Vec<(String, Vec<String>)> {
        let doc = Document::plain(text);
        let gazetteer = Gazetteer::default();
        let cx = Context::new(&doc, &gazetteer);
        let mut out = Vec::new();
        build(&DetectorSettings::default()).check(&cx, &mut out);
        out.into_iter()
            .map(|f| (text[f.span.start..f.span.end].to_string(), f.suggestions))
            .collect()
    }

    #[test]
    fn verb_form_without_known_name_has_no_fix() {
        assert_eq!(
            findings("Talks with Antony Blinking ended."),
            vec![("Blinking".to_string(), vec![])]
        );
    }

    #[test]
    fn later_mentions_follow_but_not_other_people() {
        let text = "Sabine Carpenter spoke first. Later Carpenter said no, \
and Karen Carpenter sang.";
        let found: Vec<String> = findings(text).into_iter().map(|(w, _)| w).collect();
        assert_eq!(found, vec!["Carpenter", "Carpenter"]);
    }

    #[test]
    fn german_surname_in_text_supports_a_common_word() {
        let text = "Stephen Miller met Thomas Smith. Smith left.";
        assert!(findings(text).is_empty());
        let text = "Mr Miller arrived. Müller said he was tired.";
        assert_eq!(
            findings(text),
            vec![("Miller".to_string(), vec!["Müller".to_string()])]
        );
    }

    #[test]
    fn odd_input_does_not_panic() {
        for text in [
            "",
            "Mr.",
            "Mr. ",
            "Joachim",
            "Joachim Ä",
            "Dr.\u{a0}Beak",
            "Ü Ü Ü-Ü",
        ] {
            let _ = findings(text);
        }
        assert_eq!(findings("Dr.\u{a0}Beak left.").len(), 1);
    }
}
