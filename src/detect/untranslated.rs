//! Untranslated: German that the translation engine left in the English text:
//! whole sentences or clauses, German function words and news nouns, and
//! words whose spelling and endings are German (“Birchgletscher”).

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use super::tokens::Token;
use super::{Context, Detector, DetectorInfo, DetectorSettings, Finding};
use crate::diagnostic::{Applicability, Category, Severity};
use crate::span::Span;

/// The detector's description and examples.
pub static INFO: DetectorInfo = DetectorInfo {
    name: "untranslated",
    category: Category::Untranslated,
    severity: Severity::Warning,
    applicability: Applicability::NeedsReview,
    summary: "German left untranslated in the English text",
    explain: "Finds German the translation engine skipped, in three ways. \
(1) Whole sentences or clauses (split at commas, colons, dashes, brackets and quotation \
marks) of four or more words that the `whatlang` language identifier reliably calls German, \
when at least half of their words are not English words, they contain lowercase German \
function words (“und”, “nicht”, “der”, “ist” …) and enough lowercase non-English words (so a \
list of names such as “Ursula von der Leyen and Frank-Walter Steinmeier” stays silent). An \
English lead-in (“He said: …”, “The government announced that …”) is left out of the span; \
there is no fix. \
(2) Single listed German words, with their translation: function words that are never \
English (“sowie”, “jedoch”, “bzw.”, “u. a.”, “gen Kyiv”, “laut”, “gegen the”, “nicht”, \
“über the”, “rund 500”, “während” …), news nouns (“Bürgermeister”, “Kanzler”, \
“Ministerpräsident”, “Polizei”, “Stellenabbau”, “Rubel”, “Kreml”, “Prozent” …), weekdays and \
months (“am Freitag” → “on Friday”). \
(3) Unlisted words that look German: a lowercase word with ä, ö, ü or ß that is not English, \
and a capitalised word that is neither an English word nor a known name and is a German \
compound: it ends in a German noun element (-ung, -heit, -keit, -schaft, -gletscher, \
-präsident, -abbau, -minister, -ministerium, -verband, -gesetz, -wahl, -partei, -gemeinde, \
-behörde, -gericht, -sprecher, -chef …) or starts with one (Bundes-, Landes-, Staats-, \
Wirtschafts-, Innen- …). “Birchgletscher” gets “Birch Glacier”, \
“Bundesumweltministerin” gets “federal environment minister”; others have no fix. \
What English keeps on purpose stays silent: words inside quotation marks (a German quotation \
is reported only from eight words on), words after “so-called”, “known as”, “called”, “the \
word”, a German gloss in brackets or before “, meaning”/“, or”, words in *emphasis*, links; \
terms English news uses (Bundestag, Bundesliga, Mittelstand, Zeitenwende, Energiewende, \
Bürgergeld, Schuldenbremse, Brandmauer, Autobahn, Länder, Realpolitik, Kindergarten, Angst, \
Zeitgeist, Wehrmacht, Stasi, Oktoberfest, Klassiker, DAX …); people's and place names \
(Söder, Düsseldorf, Baden-Württemberg, names in the word lists and in the `names` packs, a \
word after a given name such as “Thomas Freitag”); German names of organisations and media \
(Süddeutsche Zeitung, Alternative für Deutschland, Bild am Sonntag, Bertelsmann Stiftung, \
Friedrich-Ebert-Stiftung, Bundesagentur für Arbeit). \
Tuning: `allow` adds words you keep (the flagged text, e.g. \"Kurzarbeit\"). `threshold` is \
the confidence, from 0 to 1 (default 0.9), that the language identifier must reach before a \
sentence or clause is called German: lower it to catch shorter or mixed German passages, raise \
it if English sentences full of German names are reported; it does not affect single words.",
    bad: &[
        (
            "So far the convoys have only moved gen Kyiv.",
            Some("So far the convoys have only moved towards Kyiv."),
        ),
        (
            "The Rubel fell to a record low against the dollar.",
            Some("The ruble fell to a record low against the dollar."),
        ),
        (
            "The talks covered energy sowie trade.",
            Some("The talks covered energy as well as trade."),
        ),
        (
            "Kanzler Friedrich Merz travelled to Paris.",
            Some("Chancellor Friedrich Merz travelled to Paris."),
        ),
        (
            "After the collapse of the Birchgletscher, the village lies under ice.",
            Some("After the collapse of the Birch Glacier, the village lies under ice."),
        ),
        (
            "The company confirmed the Stellenabbau at two plants.",
            Some("The company confirmed the job cuts at two plants."),
        ),
        (
            "Prices rose by 3 bzw. 4 percent.",
            Some("Prices rose by 3 or 4 percent."),
        ),
        (
            "The vote will be held am Freitag in Dresden.",
            Some("The vote will be held on Friday in Dresden."),
        ),
        ("The Landesentwicklungsplan was approved on Friday.", None),
        (
            "The Bundesumweltministerin opened the summit.",
            Some("The federal environment minister opened the summit."),
        ),
        (
            "The mayor spoke first. Die Bewohner müssen ihre Häuser bis Freitag verlassen, sagte er.",
            None,
        ),
    ],
    good: &[
        "The Mittelstand welcomed the Zeitenwende, the Bürgergeld reform and the debt brake, or Schuldenbremse.",
        "The CDU rules out working with the AfD, a policy known as the “Brandmauer”.",
        "Markus Söder met the mayor of Düsseldorf and the premier of Baden-Württemberg.",
        "He told the Süddeutsche Zeitung and Bild am Sonntag that the Alternative für Deutschland had lost ground.",
        "Economists at the Friedrich-Ebert-Stiftung expect the Bundestag to vote in May.",
        "“Na shledanou,” she calls, and then: “Wir schaffen das.”",
        "Gen Z voters and next-gen consoles; he got the gen on the deal.",
        "The über-rich moved to Zurich, where the Stiftung Warentest has no office.",
        "The so-called Kurzarbeit scheme and job cuts (Stellenabbau) were discussed.",
        "Bayern won Der Klassiker, and the DAX rose.",
    ],
};

const DEFAULT_THRESHOLD: f64 = 0.9;

/// German function words that are never English, lowercase, with their
/// translation; `true` when the capitalised form at a sentence start is
/// German too (not a name such as “Weil” or “Mehr”).
const FUNCTION_WORDS: &[(&str, &[&str], bool)] = &[
    ("sowie", &["as well as", "and"], true),
    ("jedoch", &["however"], true),
    ("und", &["and"], false),
    ("oder", &["or"], false),
    ("nicht", &["not"], false),
    ("nichts", &["nothing"], false),
    ("auch", &["also"], false),
    ("noch", &["still"], false),
    ("schon", &["already"], false),
    ("sehr", &["very"], false),
    ("zwischen", &["between"], true),
    ("während", &["during", "while"], true),
    ("wegen", &["because of"], true),
    ("seit", &["since"], true),
    ("bereits", &["already"], true),
    ("etwa", &["about", "around"], true),
    ("laut", &["according to"], true),
    ("für", &["for"], true),
    ("mit", &["with"], false),
    ("nach", &["after", "to"], false),
    ("zum", &["to the"], false),
    ("zur", &["to the"], false),
    ("vom", &["from the"], false),
    ("beim", &["at the"], false),
    ("dass", &["that"], false),
    ("aber", &["but"], false),
    ("sondern", &["but"], false),
    ("obwohl", &["although"], true),
    ("weil", &["because"], false),
    ("wurde", &["was"], false),
    ("wurden", &["were"], false),
    ("werden", &["will be"], false),
    ("wird", &["will"], false),
    ("sind", &["are"], false),
    ("ist", &["is"], false),
    ("keine", &["no"], false),
    ("kein", &["no"], false),
    ("mehr", &["more"], false),
    ("bisher", &["so far"], true),
    ("derzeit", &["currently"], true),
    ("zudem", &["in addition"], true),
    ("außerdem", &["also", "moreover"], true),
    ("allerdings", &["however"], true),
    ("dennoch", &["nevertheless"], true),
    ("trotz", &["despite"], true),
    ("trotzdem", &["nevertheless"], true),
    ("bislang", &["so far"], true),
    ("inzwischen", &["meanwhile"], true),
    ("mittlerweile", &["now"], true),
    ("zufolge", &["according to"], false),
    ("sowohl", &["both"], true),
    ("jeweils", &["each", "respectively"], false),
    ("insgesamt", &["in total"], true),
    ("rund", &["around"], false),
    ("knapp", &["just under", "almost"], false),
    ("gegen", &["against"], true),
];

/// German nouns of the news that English does not use, exactly as written,
/// with their translation (empty: no single translation).
const NOUNS: &[(&str, &[&str])] = &[
    ("Bürgermeister", &["mayor"]),
    ("Bürgermeisterin", &["mayor"]),
    ("Buergermeister", &["mayor"]),
    ("Oberbürgermeister", &["mayor", "lord mayor"]),
    ("Oberbürgermeisterin", &["mayor", "lord mayor"]),
    ("Kanzler", &["Chancellor"]),
    ("Kanzlerin", &["Chancellor"]),
    ("Bundeskanzler", &["Chancellor"]),
    ("Bundeskanzlerin", &["Chancellor"]),
    ("Ministerpräsident", &["state premier", "premier"]),
    ("Ministerpräsidentin", &["state premier", "premier"]),
    ("Ministerpräsidenten", &["state premiers", "premiers"]),
    ("Landrat", &["district administrator"]),
    ("Landrätin", &["district administrator"]),
    ("Gemeinderat", &["municipal council"]),
    ("Stadtrat", &["city council"]),
    ("Gemeindepräsident", &["mayor"]),
    ("Gemeindepräsidentin", &["mayor"]),
    ("Bundespräsident", &["Federal President"]),
    ("Bundespräsidentin", &["Federal President"]),
    ("Außenminister", &["foreign minister"]),
    ("Außenministerin", &["foreign minister"]),
    ("Innenminister", &["interior minister"]),
    ("Innenministerin", &["interior minister"]),
    ("Finanzminister", &["finance minister"]),
    ("Finanzministerin", &["finance minister"]),
    ("Verteidigungsminister", &["defence minister"]),
    ("Verteidigungsministerin", &["defence minister"]),
    ("Wirtschaftsminister", &["economy minister"]),
    ("Wirtschaftsministerin", &["economy minister"]),
    ("Gesundheitsminister", &["health minister"]),
    ("Gesundheitsministerin", &["health minister"]),
    ("Politiker", &["politician"]),
    ("Politikerin", &["politician"]),
    ("Polizei", &["police"]),
    ("Polizist", &["police officer"]),
    ("Polizisten", &["police officers"]),
    ("Feuerwehr", &["fire brigade", "fire service"]),
    (
        "Staatsanwaltschaft",
        &["public prosecutor's office", "prosecutors"],
    ),
    ("Staatsanwalt", &["prosecutor"]),
    ("Gericht", &["court"]),
    ("Landgericht", &["regional court"]),
    ("Amtsgericht", &["local court"]),
    ("Oberlandesgericht", &["higher regional court"]),
    ("Regierung", &["government"]),
    ("Bundesregierung", &["federal government"]),
    ("Landesregierung", &["state government"]),
    ("Kanzleramt", &["Chancellery"]),
    ("Ministerium", &["ministry"]),
    ("Waffenruhe", &["ceasefire"]),
    ("Waffenstillstand", &["ceasefire", "armistice"]),
    ("Angriff", &["attack"]),
    ("Angriffe", &["attacks"]),
    ("Soldaten", &["soldiers"]),
    ("Verhandlungen", &["negotiations"]),
    ("Gespräche", &["talks"]),
    ("Abkommen", &["agreement"]),
    ("Sanktionen", &["sanctions"]),
    ("Botschafter", &["ambassador"]),
    ("Botschaft", &["embassy"]),
    ("Stellenabbau", &["job cuts"]),
    ("Kurzarbeit", &["short-time work"]),
    ("Gewerkschaft", &["union"]),
    ("Betriebsrat", &["works council"]),
    ("Streik", &["strike"]),
    ("Unternehmen", &["company"]),
    ("Mitarbeiter", &["employees"]),
    ("Wirtschaft", &["economy"]),
    ("Haushalt", &["budget"]),
    ("Schulden", &["debt"]),
    ("Sondervermögen", &["special fund"]),
    ("Rente", &["pension"]),
    ("Landtagswahl", &["state election"]),
    ("Bundestagswahl", &["federal election"]),
    ("Partei", &["party"]),
    ("Umfrage", &["poll"]),
    ("Krise", &["crisis"]),
    ("Gletscher", &["glacier"]),
    ("Bergsturz", &["rockslide"]),
    ("Felssturz", &["rockfall"]),
    ("Erdrutsch", &["landslide"]),
    ("Lawine", &["avalanche"]),
    ("Hochwasser", &["flooding", "floods"]),
    ("Überschwemmung", &["flooding"]),
    ("Überschwemmungen", &["floods"]),
    ("Unwetter", &["severe weather", "storms"]),
    ("Hitzewelle", &["heatwave"]),
    ("Einsatzkräfte", &["emergency services"]),
    ("Rettungskräfte", &["rescue workers"]),
    ("Behörden", &["authorities"]),
    ("Krankenhaus", &["hospital"]),
    ("Flüchtlinge", &["refugees"]),
    ("Gemeinde", &["municipality"]),
    ("Landkreis", &["district"]),
    ("Kreml", &["Kremlin"]),
    ("Rubel", &["ruble", "rouble"]),
    ("Rubeln", &["rubles", "roubles"]),
    ("Prozent", &["percent", "per cent"]),
    ("Millionen", &["million"]),
    ("Milliarden", &["billion"]),
    ("Deutschland", &["Germany"]),
    ("Österreich", &["Austria"]),
    ("Montag", &["Monday"]),
    ("Dienstag", &["Tuesday"]),
    ("Mittwoch", &["Wednesday"]),
    ("Donnerstag", &["Thursday"]),
    ("Freitag", &["Friday"]),
    ("Samstag", &["Saturday"]),
    ("Sonntag", &["Sunday"]),
    ("Januar", &["January"]),
    ("Februar", &["February"]),
    ("März", &["March"]),
    ("Juni", &["June"]),
    ("Juli", &["July"]),
    ("Oktober", &["October"]),
    ("Dezember", &["December"]),
];

/// German that English news keeps on purpose, lowercase.
const KEPT: &[&str] = &[
    "bundestag",
    "bundesrat",
    "bundeswehr",
    "bundesliga",
    "bundesbank",
    "bundesland",
    "bundesländer",
    "bundesrepublik",
    "landtag",
    "mittelstand",
    "zeitenwende",
    "energiewende",
    "verkehrswende",
    "bürgergeld",
    "schuldenbremse",
    "brandmauer",
    "autobahn",
    "autobahnen",
    "länder",
    "land",
    "reich",
    "ostpolitik",
    "realpolitik",
    "kindergarten",
    "angst",
    "zeitgeist",
    "schadenfreude",
    "wanderlust",
    "doppelgänger",
    "gesundheit",
    "kristallnacht",
    "wehrmacht",
    "stasi",
    "kaiser",
    "führer",
    "oktoberfest",
    "weihnachtsmarkt",
    "christkindlmarkt",
    "glühwein",
    "dax",
    "mdax",
    "leitkultur",
    "wirtschaftswunder",
    "vergangenheitsbewältigung",
    "ostalgie",
    "heimat",
    "gemütlichkeit",
    "weltanschauung",
    "gestalt",
    "lebensraum",
    "blitzkrieg",
    "luftwaffe",
    "gestapo",
    "anschluss",
    "kulturkampf",
    "sonderweg",
    "bauhaus",
    "lederhosen",
    "dirndl",
    "bratwurst",
    "sauerkraut",
    "schnitzel",
    "kitsch",
    "poltergeist",
    "rucksack",
    "hinterland",
    "leitmotiv",
    "wunderkind",
    "weltschmerz",
    "zugzwang",
    "ersatz",
    "festschrift",
    "gesamtkunstwerk",
    "klassiker",
    "reichsbürger",
    "querdenker",
    "staatsoper",
    "staatskapelle",
    "staatsballett",
    "staatstheater",
    "staatsgalerie",
    "landesbank",
    "landesbanken",
    "landesmuseum",
    "zeitung",
    "wirtschaftswoche",
    "abitur",
    "gymnasium",
    "stolperstein",
    "stolpersteine",
    "kunsthalle",
    "meisterschale",
    "deutschlandticket",
    "ampel",
    "bürgerbräukeller",
];

/// Lowercase loanwords with umlauts that English uses.
const LOANS: &[&str] = &[
    "über",
    "döner",
    "müsli",
    "müesli",
    "führer",
    "glühwein",
    "börek",
    "köfte",
    "kümmel",
];

/// Endings of German compound nouns: (ending, shortest part before it, whether
/// it is a title that precedes a person's name, English head for a name).
const ENDINGS: &[(&str, usize, bool, Option<&str>)] = &[
    ("ungen", 4, false, None),
    ("ung", 5, false, None),
    ("heiten", 3, false, None),
    ("heit", 3, false, None),
    ("keiten", 3, false, None),
    ("keit", 3, false, None),
    ("schaften", 3, false, None),
    ("schaft", 3, false, None),
    ("gletscher", 3, false, Some("Glacier")),
    ("präsidentin", 3, true, None),
    ("präsidenten", 3, true, None),
    ("präsident", 3, true, None),
    ("abbau", 3, false, None),
    ("ministerin", 3, true, None),
    ("ministerium", 3, false, None),
    ("minister", 3, true, None),
    ("kanzlerin", 3, true, None),
    ("kanzler", 3, true, None),
    ("bürgermeisterin", 3, true, None),
    ("bürgermeister", 3, true, None),
    ("sprecherin", 4, true, None),
    ("sprecher", 4, true, None),
    ("politikerin", 3, true, None),
    ("politiker", 3, true, None),
    ("chefin", 5, true, None),
    ("chef", 5, true, None),
    ("verband", 3, false, None),
    ("gesetz", 3, false, None),
    ("wahlen", 4, false, None),
    ("wahl", 4, false, None),
    ("parteien", 3, false, None),
    ("partei", 3, false, None),
    ("gemeinde", 3, false, None),
    ("behörden", 3, false, None),
    ("behörde", 3, false, None),
    ("gericht", 3, false, None),
    ("polizei", 3, false, None),
    ("amt", 5, false, None),
    ("krise", 3, false, None),
    ("krieg", 3, false, None),
    ("vertrag", 3, false, None),
    ("abkommen", 3, false, None),
    ("gipfel", 3, false, None),
    ("pflicht", 3, false, None),
    ("steuer", 4, false, None),
    ("angriff", 3, false, None),
    ("anschlag", 3, false, None),
    ("unfall", 3, false, None),
    ("verkehr", 3, false, None),
    ("hochwasser", 3, false, None),
    ("sturz", 3, false, None),
    ("rutsch", 3, false, None),
    ("lawine", 3, false, None),
    ("gespräche", 3, false, None),
    ("streik", 3, false, None),
    ("ismus", 4, false, None),
    ("itäten", 3, false, None),
    ("ität", 3, false, None),
];

/// Beginnings of German compound nouns, lowercase, with the shortest rest.
const BEGINNINGS: &[(&str, usize)] = &[
    ("bundes", 4),
    ("landes", 4),
    ("staats", 4),
    ("gemeinde", 4),
    ("partei", 4),
    ("regierungs", 3),
    ("polizei", 4),
    ("wirtschafts", 4),
    ("verteidigungs", 3),
    ("sicherheits", 3),
    ("gesundheits", 3),
    ("arbeits", 4),
    ("verkehrs", 4),
    ("finanz", 4),
    ("umwelt", 4),
    ("energie", 4),
    ("kriegs", 4),
    ("flüchtlings", 3),
    ("haushalts", 3),
    ("renten", 4),
    ("justiz", 4),
    ("innen", 4),
    ("außen", 4),
    ("kommunal", 4),
    ("kranken", 4),
];

/// Lowercase words that mark a German sentence and are not English words.
const GERMAN_MARKERS: &[&str] = &[
    "der", "das", "und", "ist", "nicht", "mit", "für", "auf", "dem", "des", "sich", "ein", "eine",
    "einen", "einem", "einer", "zu", "von", "bei", "nach", "aus", "wie", "aber", "oder", "noch",
    "nur", "schon", "sehr", "über", "zum", "zur", "im", "vom", "beim", "dass", "wird", "werden",
    "wurde", "wurden", "sind", "haben", "hatte", "kein", "keine", "auch", "wir", "sie", "ich",
    "ihr", "ihre", "sein", "seine", "dies", "diese", "dieser", "wenn", "weil", "als", "durch",
    "gegen", "ohne", "unter", "vor", "zwischen", "soll", "sollen", "kann", "können", "muss",
    "müssen", "mehr", "sowie", "jedoch", "bereits", "damit", "dann", "doch", "sagte", "heute",
    "jetzt", "hier", "uns", "euch", "ihnen", "ihm", "ihn", "gibt", "geht", "habe", "hat",
];

/// Lowercase particles of people's and places' names (“von der Leyen”, “Frankfurt am Main”).
const NAME_PARTICLES: &[&str] = &[
    "von", "van", "der", "den", "de", "du", "zu", "zum", "zur", "am", "im", "an", "auf", "di",
    "da", "al", "el", "la", "le", "bin", "ter", "vom",
];

/// Lowercase words that join the parts of a German name (“Alternative für Deutschland”).
const NAME_LINKS: &[&str] = &[
    "für", "und", "am", "der", "des", "zur", "zum", "im", "vom", "von", "auf", "an", "ob",
];

/// Words before a term that show it is quoted on purpose (“the so-called …”).
const MENTION_BEFORE: &[&str] = &[
    "called",
    "dubbed",
    "term",
    "terms",
    "word",
    "words",
    "phrase",
    "nicknamed",
    "named",
    "titled",
    "entitled",
    "motto",
    "slogan",
    "literally",
    "german",
];

/// Words after a term that show it is glossed on purpose (“…, meaning …”).
const MENTION_AFTER: &[&str] = &[
    "meaning",
    "means",
    "literally",
    "roughly",
    "translated",
    "translates",
    "or",
];

struct Tables {
    function: HashMap<&'static str, (&'static [&'static str], bool)>,
    nouns: HashMap<&'static str, &'static [&'static str]>,
    kept: HashSet<&'static str>,
    markers: HashSet<&'static str>,
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| Tables {
        function: FUNCTION_WORDS
            .iter()
            .map(|(w, fix, start)| (*w, (*fix, *start)))
            .collect(),
        nouns: NOUNS.iter().copied().collect(),
        kept: KEPT.iter().copied().collect(),
        markers: GERMAN_MARKERS.iter().copied().collect(),
    })
}

/// Builds the detector.
pub fn build(settings: &DetectorSettings) -> Box<dyn Detector> {
    Box::new(Untranslated {
        threshold: settings.threshold.unwrap_or(DEFAULT_THRESHOLD),
    })
}

struct Untranslated {
    threshold: f64,
}

impl Detector for Untranslated {
    fn info(&self) -> &'static DetectorInfo {
        &INFO
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let t = &cx.tokens;
        if t.is_empty() {
            return;
        }
        let quoted = quote_mask(cx.text(), t);
        let mut sentences: Vec<Span> = Vec::new();
        let mut start = 0;
        while start < t.len() {
            let s = t[start].sentence;
            let mut end = start;
            while end < t.len() && t[end].sentence == s {
                end += 1;
            }
            self.german_clauses(cx, &quoted, start, end, &mut sentences, out);
            start = end;
        }
        let mut next_sentence = 0;
        let mut covered_until = 0usize;
        for i in 0..t.len() {
            let span = t[i].span;
            if span.start < covered_until {
                continue;
            }
            while next_sentence < sentences.len() && sentences[next_sentence].end <= span.start {
                next_sentence += 1;
            }
            if sentences
                .get(next_sentence)
                .is_some_and(|s| s.start <= span.start)
            {
                continue;
            }
            let found = abbreviation(cx, i)
                .or_else(|| function_word(cx, i))
                .or_else(|| noun(cx, i))
                .or_else(|| german_looking(cx, i));
            if let Some(f) = found {
                if quoted[i] || !on_purpose_ok(cx, i) {
                    continue;
                }
                covered_until = f.span.end;
                out.push(f);
            }
        }
    }
}

impl Untranslated {
    /// Reports the sentence `t[start..end]`, or its clauses, when German.
    fn german_clauses(
        &self,
        cx: &Context<'_>,
        quoted: &[bool],
        start: usize,
        end: usize,
        sentences: &mut Vec<Span>,
        out: &mut Vec<Finding>,
    ) {
        let t = &cx.tokens;
        if end < start + 4 {
            return;
        }
        if self.report_if_german(cx, quoted, start, end, sentences, out) {
            return;
        }
        let text = cx.text();
        let mut from = start;
        for k in start..end {
            let last = k + 1 == end;
            let breaks = last
                || text
                    .get(t[k].span.end..t[k + 1].span.start)
                    .is_some_and(|gap| gap.contains(CLAUSE_BREAKS));
            if breaks {
                if (from, k + 1) != (start, end) {
                    self.report_if_german(cx, quoted, from, k + 1, sentences, out);
                }
                from = k + 1;
            }
        }
    }

    /// Reports `t[start..end]` when it is German; true when reported.
    fn report_if_german(
        &self,
        cx: &Context<'_>,
        quoted: &[bool],
        start: usize,
        end: usize,
        sentences: &mut Vec<Span>,
        out: &mut Vec<Finding>,
    ) -> bool {
        let t = &cx.tokens;
        let Some(words) = t.get(start..end) else {
            return false;
        };
        let tables = tables();
        let mut n = 0usize;
        let mut foreign = 0usize;
        let mut markers = 0usize;
        let mut lower_foreign = 0usize;
        let quotes = quoted.get(start..end).unwrap_or(&[]);
        // a short German quotation is kept on purpose: judge the words around it
        let mut run = 0usize;
        let mut longest_quote = 0usize;
        for (w, q) in words.iter().zip(quotes) {
            if !*q {
                run = 0;
            } else if w.text.chars().any(char::is_alphabetic) {
                run += 1;
                longest_quote = longest_quote.max(run);
            }
        }
        let skip_quoted = longest_quote < 8;
        for (k, w) in words.iter().enumerate() {
            if !w.text.chars().any(char::is_alphabetic)
                || (skip_quoted && quotes.get(k).copied().unwrap_or(false))
            {
                continue;
            }
            n += 1;
            if cx.lexicon.is_word(w.text) {
                continue;
            }
            foreign += 1;
            // "von der Leyen": particles of names say nothing
            let particle = NAME_PARTICLES.contains(&w.text)
                && words.get(k + 1).is_some_and(|n| n.is_capitalised());
            if particle || !w.text.chars().next().is_some_and(char::is_lowercase) {
                continue;
            }
            lower_foreign += 1;
            if tables.markers.contains(w.text) {
                markers += 1;
            }
        }
        let needed = if n >= 8 { 2 } else { 1 };
        if n < 4
            || foreign * 2 < n
            || markers < needed
            || lower_foreign < 2
            || lower_foreign * 4 < n
        {
            return false;
        }
        let Some(confidence) = self.german_confidence(cx, words) else {
            return false;
        };
        let (mut span, mut confidence) = (
            Span::new(words[0].span.start, words[words.len() - 1].span.end),
            confidence,
        );
        // English clauses before or after it ("He said: …") and an English
        // lead-in or tail of three or more words stay out of the span
        let english = |w: &&Token<'_>| {
            cx.lexicon.is_word(w.text)
                && !tables.markers.contains(w.text)
                && !matches!(w.text.to_lowercase().as_str(), "die" | "den")
        };
        let (clause_lead, clause_tail) = english_clause_edges(cx, words);
        let lead = words.iter().take_while(english).count();
        let tail = words.iter().rev().take_while(english).count();
        let (lead, tail) = (
            if lead >= 3 { lead } else { 0 }.max(clause_lead),
            if tail >= 3 { tail } else { 0 }.max(clause_tail),
        );
        if lead + tail > 0 && lead + tail + 4 <= words.len() {
            let inner = &words[lead..words.len() - tail];
            if let Some(c) = self.german_confidence(cx, inner) {
                span = Span::new(inner[0].span.start, inner[inner.len() - 1].span.end);
                confidence = c;
            }
        }
        sentences.push(span);
        out.push(Finding {
            span,
            message: format!(
                "this passage is German (language identifier: {:.0}% sure); the engine left it untranslated",
                confidence * 100.0
            ),
            suggestions: Vec::new(),
        });
        true
    }

    /// The language identifier's confidence that `words` are German, when it
    /// is reliable and reaches the threshold.
    fn german_confidence(&self, cx: &Context<'_>, words: &[Token<'_>]) -> Option<f64> {
        let first = words.first()?;
        let last = words.last()?;
        let passage = cx.text().get(first.span.start..last.span.end)?;
        let info = whatlang::detect(passage)?;
        (info.lang() == whatlang::Lang::Deu
            && info.is_reliable()
            && info.confidence() >= self.threshold)
            .then_some(info.confidence())
    }
}

/// How many words at the start and at the end of `words` form whole clauses
/// without a German word (no lowercase word that is neither English nor a
/// name particle).
fn english_clause_edges(cx: &Context<'_>, words: &[Token<'_>]) -> (usize, usize) {
    let text = cx.text();
    let german_word = |k: usize| {
        words.get(k).is_some_and(|w| {
            w.text.chars().next().is_some_and(char::is_lowercase)
                && !cx.lexicon.is_word(w.text)
                && !(NAME_PARTICLES.contains(&w.text)
                    && words.get(k + 1).is_some_and(|n| n.is_capitalised()))
        })
    };
    let breaks_after = |k: usize| match (words.get(k), words.get(k + 1)) {
        (Some(a), Some(b)) => gap(text, a, b).contains(CLAUSE_BREAKS),
        _ => true,
    };
    let mut lead = 0;
    let mut german = false;
    for k in 0..words.len() {
        german |= german_word(k);
        if german {
            break;
        }
        if breaks_after(k) {
            lead = k + 1;
        }
    }
    let mut tail = 0;
    german = false;
    for k in (0..words.len()).rev() {
        german |= german_word(k);
        if german {
            break;
        }
        if k > 0 && breaks_after(k - 1) {
            tail = words.len() - k;
        }
    }
    (lead.min(words.len()), tail.min(words.len()))
}

/// Punctuation that separates clauses.
const CLAUSE_BREAKS: &[char] = &[
    ',', ':', '–', '—', '(', ')', '"', '“', '”', '„', '«', '»', '‘', '’',
];

/// For each token, whether it stands inside quotation marks.
fn quote_mask(text: &str, t: &[Token<'_>]) -> Vec<bool> {
    let mut mask = Vec::with_capacity(t.len());
    let mut open: Option<char> = None;
    let mut pos = 0usize;
    for tok in t {
        let gap_start = pos.min(tok.span.start);
        let gap = text.get(gap_start..tok.span.start).unwrap_or("");
        let mut prev = char_before(text, gap_start);
        let mut chars = gap.chars().peekable();
        while let Some(c) = chars.next() {
            let next = chars.peek().copied().or_else(|| tok.text.chars().next());
            let alnum_before = prev.is_some_and(char::is_alphanumeric);
            let alnum_after = next.is_some_and(char::is_alphanumeric);
            open = match (c, open) {
                ('\n', _) => None,
                ('"', Some('"')) => None,
                ('"', None) => Some('"'),
                ('„', None) => Some('„'),
                ('“', Some('„')) => None,
                ('“', None) => Some('“'),
                ('”', Some('“' | '„' | '"')) => None,
                ('»', None) => Some('»'),
                ('«', Some('»')) => None,
                ('«', None) => Some('«'),
                ('»', Some('«')) => None,
                ('‚', None) => Some('‚'),
                ('‘', Some('‚')) => None,
                ('‘', None) if !alnum_before => Some('‘'),
                ('’', Some('‘')) if !alnum_after => None,
                (_, o) => o,
            };
            prev = Some(c);
        }
        mask.push(open.is_some());
        pos = tok.span.end;
    }
    mask
}

fn char_before(text: &str, pos: usize) -> Option<char> {
    text.get(..pos)?.chars().next_back()
}

fn char_after(text: &str, pos: usize) -> Option<char> {
    text.get(pos..)?.chars().next()
}

/// The text between two tokens.
fn gap<'a>(text: &'a str, a: &Token<'_>, b: &Token<'_>) -> &'a str {
    text.get(a.span.end..b.span.start).unwrap_or("\n")
}

fn spaced(text: &str, a: &Token<'_>, b: &Token<'_>) -> bool {
    let g = gap(text, a, b);
    !g.is_empty() && g.chars().all(|c| c == ' ' || c == '\u{a0}')
}

/// The token before `i` in the same sentence.
fn prev_in_sentence<'a, 'b>(t: &'b [Token<'a>], i: usize) -> Option<&'b Token<'a>> {
    let p = t.get(i.checked_sub(1)?)?;
    (p.sentence == t[i].sentence).then_some(p)
}

/// The token after `i` in the same sentence.
fn next_in_sentence<'a, 'b>(t: &'b [Token<'a>], i: usize) -> Option<&'b Token<'a>> {
    let n = t.get(i + 1)?;
    (n.sentence == t[i].sentence).then_some(n)
}

fn is_number(tok: &Token<'_>) -> bool {
    tok.text.chars().next().is_some_and(|c| c.is_ascii_digit())
}

/// Capitalises the first letter of `s`.
fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn fixes(list: &[&str], capital: bool) -> Vec<String> {
    list.iter()
        .map(|s| {
            if capital {
                capitalise(s)
            } else {
                s.to_string()
            }
        })
        .collect()
}

/// German abbreviations: “bzw.”, “u. a.”, “z. B.”, “d. h.”, “usw.”.
fn abbreviation(cx: &Context<'_>, i: usize) -> Option<Finding> {
    let t = &cx.tokens;
    let text = cx.text();
    let tok = &t[i];
    let (fix, end): (&[&str], usize) = match tok.text {
        "bzw" | "usw" => {
            let dot = char_after(text, tok.span.end) == Some('.');
            let end = tok.span.end + usize::from(dot);
            if tok.text == "usw" {
                if !dot {
                    return None;
                }
                (&["etc."], end)
            } else {
                (&["or", "and"], end)
            }
        }
        "u" | "z" | "d" => {
            let second = t.get(i + 1)?;
            let want = match tok.text {
                "u" => "a",
                "z" => "B",
                _ => "h",
            };
            let between = text.get(tok.span.end..second.span.start)?;
            if second.text != want
                || !matches!(between, "." | ". ")
                || char_after(text, second.span.end) != Some('.')
            {
                return None;
            }
            let fix: &[&str] = match tok.text {
                "u" => &["among others", "including"],
                "z" => &["e.g."],
                _ => &["i.e."],
            };
            (fix, second.span.end + 1)
        }
        _ => return None,
    };
    let span = Span::new(tok.span.start, end);
    let written = text.get(span.start..span.end).unwrap_or(tok.text);
    Some(Finding {
        span,
        message: format!("“{written}” is a German abbreviation; the engine left it untranslated"),
        suggestions: fix.iter().map(|s| s.to_string()).collect(),
    })
}

/// A listed German function word, with its context rules.
fn function_word(cx: &Context<'_>, i: usize) -> Option<Finding> {
    let t = &cx.tokens;
    let text = cx.text();
    let tok = &t[i];
    let tables = tables();
    let next = next_in_sentence(t, i);
    // "gen" (towards) before a place or "the": reported with the place, like the rule pack.
    if tok.text == "gen" {
        let n = next?;
        let place = n.is_capitalised() && !n.is_all_caps() && n.text.chars().count() >= 2;
        let direction = matches!(n.text, "the" | "east" | "west" | "north" | "south");
        if !(place || direction)
            || !spaced(text, tok, n)
            || char_before(text, tok.span.start) == Some('-')
        {
            return None;
        }
        return Some(Finding {
            span: Span::new(tok.span.start, n.span.end),
            message: "“gen” is German for “towards”; the engine left it untranslated".into(),
            suggestions: vec![format!("towards {}", n.text), format!("toward {}", n.text)],
        });
    }
    if tok.text == "über" {
        let n = next?;
        if !spaced(text, tok, n) || char_before(text, tok.span.start) == Some('-') {
            return None;
        }
        let noun_phrase = matches!(
            n.text,
            "the" | "a" | "an" | "this" | "that" | "his" | "her" | "their" | "its" | "our"
        ) || (n.is_capitalised() && !n.is_all_caps());
        let fix: &[&str] = if is_number(n) {
            &["over", "more than"]
        } else if noun_phrase {
            &["about", "over"]
        } else {
            return None;
        };
        return Some(Finding {
            span: tok.span,
            message: "“über” is German for “about” or “over”; the engine left it untranslated"
                .into(),
            suggestions: fixes(fix, false),
        });
    }
    // part of a hyphenated compound ("Sturm-und-Drang")
    if char_before(text, tok.span.start) == Some('-') || char_after(text, tok.span.end) == Some('-')
    {
        return None;
    }
    let (word, fix, capital) = match tables.function.get(tok.text) {
        Some((fix, _)) => (tok.text, *fix, false),
        None => {
            if !tok.first_in_sentence || !tok.is_capitalised() || tok.is_all_caps() {
                return None;
            }
            let lower = tok.text.to_lowercase();
            let (key, (fix, start_ok)) = tables.function.get_key_value(lower.as_str())?;
            if !*start_ok {
                return None;
            }
            (*key, *fix, true)
        }
    };
    // "rund"/"knapp" at a sentence start only before a number ("Rund 500 people")
    if capital && matches!(word, "rund" | "knapp") && !next.is_some_and(is_number) {
        return None;
    }
    // inside a German name: "Alternative für Deutschland", "Sturm und Drang"
    if !capital && NAME_LINKS.contains(&word) {
        let before = prev_in_sentence(t, i);
        let name_before = before.is_some_and(|p| p.is_capitalised() && spaced(text, p, tok));
        let name_after = next.is_some_and(|n| n.is_capitalised() && spaced(text, tok, n));
        if name_before && name_after {
            return None;
        }
    }
    if word == "gegen" {
        if let Some(n) = next.filter(|n| {
            spaced(text, tok, n) && (n.text == "the" || (n.is_capitalised() && !n.is_all_caps()))
        }) {
            let head = if capital { "Against" } else { "against" };
            return Some(Finding {
                span: Span::new(tok.span.start, n.span.end),
                message: "“gegen” is German for “against”; the engine left it untranslated".into(),
                suggestions: vec![format!("{head} {}", n.text)],
            });
        }
    }
    // "noch nicht" = "not yet"
    if word == "noch" {
        if let Some(n) = next.filter(|n| n.text == "nicht" && spaced(text, tok, n)) {
            return Some(Finding {
                span: Span::new(tok.span.start, n.span.end),
                message: "“noch nicht” is German for “not yet”; the engine left it untranslated"
                    .into(),
                suggestions: fixes(&["not yet"], capital),
            });
        }
    }
    let gloss = fix.first().copied().unwrap_or("");
    Some(Finding {
        span: tok.span,
        message: format!(
            "“{}” is German for “{gloss}”; the engine left it untranslated",
            tok.text
        ),
        suggestions: fixes(fix, capital),
    })
}

/// A listed German noun.
fn noun(cx: &Context<'_>, i: usize) -> Option<Finding> {
    let t = &cx.tokens;
    let tok = &t[i];
    let fix = *tables().nouns.get(tok.text)?;
    let text = cx.text();
    // "Deutschland-Ticket", "Deutschland 83"
    if part_of_name(cx, i, false)
        || char_after(text, tok.span.end) == Some('-')
        || (tok.text == "Deutschland" && next_in_sentence(t, i).is_some_and(is_number))
    {
        return None;
    }
    // days and months that are also names ("Thomas Freitag", "Juli Zeh") need a date
    if NAMES_TOO.contains(&tok.text) {
        let before = prev_in_sentence(t, i);
        let after = next_in_sentence(t, i);
        let date = before.is_some_and(|p| is_number(p) || DATE_WORDS.contains(&p.text))
            || after.is_some_and(|n| {
                is_number(n) || matches!(n.text, "morning" | "afternoon" | "evening" | "night")
            });
        if !date {
            return None;
        }
    }
    let message = match fix.first() {
        Some(gloss) => format!(
            "“{}” is German for “{gloss}”; the engine left it untranslated",
            tok.text
        ),
        None => format!("“{}” is German; the engine left it untranslated", tok.text),
    };
    // "am Freitag" → "on Friday", "im Juli" → "in July"
    let preposition = prev_in_sentence(t, i)
        .filter(|p| spaced(text, p, tok))
        .and_then(|p| {
            let english = match (p.text, DAYS.contains(&tok.text)) {
                ("am", true) => "on",
                ("im", false) => "in",
                _ => return None,
            };
            let gloss = fix.first()?;
            Some((p, english, gloss))
        });
    if let Some((p, english, gloss)) = preposition {
        return Some(Finding {
            span: Span::new(p.span.start, tok.span.end),
            message: format!(
                "“{} {}” is German for “{english} {gloss}”; the engine left it untranslated",
                p.text, tok.text
            ),
            suggestions: vec![format!("{english} {gloss}")],
        });
    }
    Some(Finding {
        span: tok.span,
        message,
        suggestions: fixes(fix, tok.first_in_sentence),
    })
}

/// Listed days of the week.
const DAYS: &[&str] = &[
    "Montag",
    "Dienstag",
    "Mittwoch",
    "Donnerstag",
    "Freitag",
    "Samstag",
    "Sonntag",
];

/// Listed days and months that are also people's names.
const NAMES_TOO: &[&str] = &["Montag", "Freitag", "Sonntag", "Juli"];

/// Words before a day or month that make it a date.
const DATE_WORDS: &[&str] = &[
    "on", "am", "im", "by", "until", "till", "since", "from", "last", "next", "this", "every",
    "in", "bis", "seit", "ab", "vom", "zum", "early", "late", "before", "after", "Sunday",
    "Saturday",
];

/// Is token `i` part of a longer German proper name (a newspaper, a foundation,
/// a person)? `heuristic`: also when a name follows it.
fn part_of_name(cx: &Context<'_>, i: usize, heuristic: bool) -> bool {
    let t = &cx.tokens;
    let text = cx.text();
    let tok = &t[i];
    if let Some(p) = prev_in_sentence(t, i) {
        let joined = {
            let g = gap(text, p, tok);
            g == "-" || (!g.is_empty() && g.chars().all(|c| c == ' ' || c == '\u{a0}'))
        };
        // an initial ("Jeffrey L. Hellrung") counts as a name too
        let initial = heuristic && p.text.chars().count() == 1 && gap(text, p, tok) == ". ";
        if (joined || initial) && p.is_capitalised() && (!p.is_all_caps() || initial) {
            let listed =
                tables().nouns.contains_key(p.text) || tables().function.contains_key(p.text);
            // "Friedrich-Ebert-Stiftung": a chain of capitalised parts joined by hyphens
            let chain = gap(text, p, tok) == "-"
                && prev_in_sentence(t, i - 1)
                    .is_some_and(|pp| pp.is_capitalised() && gap(text, pp, p) == "-");
            // "Humboldt-Universität": a name joined by a hyphen
            let hyphened_name = gap(text, p, tok) == "-" && !cx.lexicon.is_word(p.text);
            let name = (cx.lexicon.is_first_name(p.text) && !cx.lexicon.is_word(p.text))
                || (!cx.lexicon.is_known(p.text) && !listed)
                || (heuristic
                    && (!cx.lexicon.is_word(p.text)
                        || cx.lexicon.is_first_name(p.text)
                        || p.text.chars().count() == 1));
            if chain || name || (hyphened_name && !listed) {
                return true;
            }
        }
        // "Alternative für Deutschland", "Bild am Sonntag"
        if joined && NAME_LINKS.contains(&p.text) {
            if let Some(pp) = prev_in_sentence(t, i - 1) {
                if pp.is_capitalised() && spaced(text, pp, p) {
                    return true;
                }
            }
        }
    }
    if let Some(n) = next_in_sentence(t, i) {
        // "Bundesagentur für Arbeit", "Institut für Weltwirtschaft"
        if NAME_LINKS.contains(&n.text)
            && spaced(text, tok, n)
            && next_in_sentence(t, i + 1)
                .is_some_and(|nn| nn.is_capitalised() && spaced(text, n, nn))
        {
            return true;
        }
    }
    if heuristic {
        if let Some(n) = next_in_sentence(t, i) {
            if spaced(text, tok, n)
                && n.is_capitalised()
                && !n.is_all_caps()
                && !cx.lexicon.is_word(n.text)
                && !cx.lexicon.is_first_name(n.text)
            {
                return true;
            }
        }
    }
    false
}

/// An unlisted word that looks German.
fn german_looking(cx: &Context<'_>, i: usize) -> Option<Finding> {
    let t = &cx.tokens;
    let text = cx.text();
    let tok = &t[i];
    let w = tok.text;
    let mut chars = w.chars();
    let first = chars.next()?;
    if first.is_lowercase() {
        // a lowercase word with an umlaut or ß
        if !w.contains(['ä', 'ö', 'ü', 'ß'])
            || w.chars().count() < 3
            || !w
                .chars()
                .all(|c| c.is_ascii_lowercase() || "äöüß".contains(c))
            || w.contains("oö")
            || LOANS.contains(&w)
            || tables().function.contains_key(w)
            || char_before(text, tok.span.start) == Some('-')
            || char_after(text, tok.span.end) == Some('-')
            || cx.lexicon.is_word(w)
        {
            return None;
        }
        return Some(Finding {
            span: tok.span,
            message: format!(
                "“{w}” is not English and looks German; the engine left it untranslated"
            ),
            suggestions: Vec::new(),
        });
    }
    if !first.is_uppercase() || !chars.all(|c| c.is_lowercase()) || w.chars().count() < 6 {
        return None;
    }
    let lower = w.to_lowercase();
    let ending = ENDINGS.iter().find(|(end, min, _, _)| {
        lower.strip_suffix(end).is_some_and(|rest| {
            rest.chars().count() >= *min
                // an English head needs a German part before it ("Parteichef", not "Masterchef")
                && !(cx.lexicon.is_word(end) && cx.lexicon.is_word(rest))
                && (!end.starts_with("ung")
                    || rest
                        .chars()
                        .next_back()
                        .is_some_and(|c| "bdfghklmnprstzß".contains(c)))
        })
    });
    let beginning = BEGINNINGS.iter().find(|(start, min)| {
        lower
            .strip_prefix(start)
            .is_some_and(|rest| rest.chars().count() >= *min)
    });
    if ending.is_none() && beginning.is_none() {
        return None;
    }
    let tables = tables();
    let title = ending.is_some_and(|e| e.2);
    if tables.kept.contains(lower.as_str())
        || cx.lexicon.is_known(w)
        || cx.lexicon.surname_rank(w).is_some()
        || cx.lexicon.is_first_name(w)
        || cx.gazetteer.is_canonical(w)
        || cx.gazetteer.canonical_of(w).is_some()
        || part_of_name(cx, i, !title)
    {
        return None;
    }
    let mut suggestions = Vec::new();
    let mut what = String::new();
    if let Some((end, _, _, head)) = ending {
        what = format!(" (“-{end}”)");
        if let Some(head) = head {
            // a name plus a German head: "Birchgletscher" → "Birch Glacier"
            let keep = w.len().saturating_sub(end.len());
            if let Some(name) = w.get(..keep) {
                if beginning.is_none() {
                    suggestions.push(format!("{name} {head}"));
                }
            }
        }
    }
    if let Some(minister) = minister_title(&lower) {
        suggestions.push(if tok.first_in_sentence {
            capitalise(&minister)
        } else {
            minister
        });
    }
    Some(Finding {
        span: tok.span,
        message: format!(
            "“{w}” looks like a German compound noun{what}; the engine left it untranslated"
        ),
        suggestions,
    })
}

/// Fields of German ministries (“Umwelt-” in “Umweltministerin”) in English.
const MINISTRY_FIELDS: &[(&str, &str)] = &[
    ("innen", "interior"),
    ("außen", "foreign"),
    ("finanz", "finance"),
    ("wirtschafts", "economy"),
    ("verteidigungs", "defence"),
    ("gesundheits", "health"),
    ("justiz", "justice"),
    ("arbeits", "labour"),
    ("verkehrs", "transport"),
    ("bildungs", "education"),
    ("kultus", "education"),
    ("familien", "family"),
    ("umwelt", "environment"),
    ("agrar", "agriculture"),
    ("landwirtschafts", "agriculture"),
    ("kultur", "culture"),
    ("bau", "construction"),
    ("entwicklungs", "development"),
    ("digital", "digital"),
    ("forschungs", "research"),
    ("wissenschafts", "science"),
    ("sozial", "social affairs"),
    ("klima", "climate"),
    ("energie", "energy"),
    ("europa", "Europe"),
];

/// “bundesumweltministerin” → “federal environment minister”.
fn minister_title(lower: &str) -> Option<String> {
    let (level, rest) = if let Some(r) = lower.strip_prefix("bundes") {
        ("federal ", r)
    } else if let Some(r) = lower.strip_prefix("landes") {
        ("state ", r)
    } else {
        ("", lower)
    };
    let (field, head) = ["ministerium", "ministerin", "minister"]
        .iter()
        .find_map(|h| rest.strip_suffix(h).map(|f| (f, *h)))?;
    let english = MINISTRY_FIELDS
        .iter()
        .find(|(german, _)| *german == field)?
        .1;
    let head = if head == "ministerium" {
        "ministry"
    } else {
        "minister"
    };
    Some(format!("{level}{english} {head}"))
}

/// False when the word at `i` is mentioned on purpose: after “so-called”,
/// “known as”, “the word”, in brackets, before “meaning”, in *italics*.
fn on_purpose_ok(cx: &Context<'_>, i: usize) -> bool {
    let t = &cx.tokens;
    let text = cx.text();
    let tok = &t[i];
    // a link, an e-mail address, a handle, a hashtag, *emphasis*
    let before = char_before(text, tok.span.start);
    let after = char_after(text, tok.span.end);
    if matches!(before, Some('/' | '@' | '#' | '_' | '*'))
        || matches!(after, Some('/' | '@' | '_' | '*'))
    {
        return false;
    }
    let dotted_before = before == Some('.')
        && tok
            .span
            .start
            .checked_sub(1)
            .and_then(|p| char_before(text, p))
            .is_some_and(char::is_alphanumeric);
    let dotted_after = after == Some('.')
        && char_after(text, tok.span.end + 1).is_some_and(char::is_alphanumeric)
        && !matches!(tok.text, "u" | "z" | "d");
    if dotted_before || dotted_after {
        return false;
    }
    // after "so-called", "known as", "the word", "dubbed"
    let mut k = i;
    for _ in 0..3 {
        let Some(p) = prev_in_sentence(t, k) else {
            break;
        };
        let lower = p.text.to_lowercase();
        if MENTION_BEFORE.contains(&lower.as_str()) {
            return false;
        }
        if lower == "as"
            && k >= 2
            && prev_in_sentence(t, k - 1).is_some_and(|pp| pp.text == "known")
        {
            return false;
        }
        k -= 1;
    }
    // a gloss: "(Stellenabbau)", "Kurzarbeit (short-time work)", "Kurzarbeit, meaning …"
    let rest = text.get(tok.span.end..).unwrap_or("");
    let lead = text.get(..tok.span.start).unwrap_or("");
    if lead.trim_end_matches(' ').ends_with('(') {
        return false;
    }
    if rest.trim_start_matches(' ').starts_with('(') {
        if let Some(n) = next_in_sentence(t, i) {
            if !n.is_capitalised() && cx.lexicon.is_word(n.text) {
                return false;
            }
        }
    }
    if let Some(n) = next_in_sentence(t, i) {
        let g = gap(text, tok, n);
        if (g.contains(',') || g.contains('–') || g.contains('—'))
            && MENTION_AFTER.contains(&n.text)
        {
            return false;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::gazetteer::Gazetteer;
    use crate::document::Document;

    fn flagged(text: &str, threshold: Option<f64>) -> Vec<String> {
        let doc = Document::plain(text);
        let gazetteer = Gazetteer::default();
        let cx = Context::new(&doc, &gazetteer);
        let settings = DetectorSettings {
            threshold,
            ..DetectorSettings::default()
        };
        let mut out = Vec::new();
        build(&settings).check(&cx, &mut out);
        out.iter()
            .map(|f| {
                text.get(f.span.start..f.span.end)
                    .unwrap_or("?")
                    .to_string()
            })
            .collect()
    }

    #[test]
    fn threshold_tunes_the_sentence_check() {
        let text = "The mayor spoke. Die Bewohner müssen ihre Häuser bis Freitag verlassen.";
        assert_eq!(
            flagged(text, None),
            vec!["Die Bewohner müssen ihre Häuser bis Freitag verlassen"]
        );
        // no confidence reaches 1.01: only the single words are left
        assert_eq!(flagged(text, Some(1.01)), vec!["müssen", "Freitag"]);
    }

    #[test]
    fn long_quotations_and_english_lead_ins() {
        let short = "He said „Wir schaffen das“ and left.";
        assert!(flagged(short, None).is_empty());
        let long = "He said: „Wir werden die Steuern in diesem Jahr nicht erhöhen und sparen.“";
        assert_eq!(
            flagged(long, None),
            vec!["Wir werden die Steuern in diesem Jahr nicht erhöhen und sparen"]
        );
        let mixed = "The government announced that die Rente nicht gekürzt wird und stabil bleibt.";
        assert_eq!(
            flagged(mixed, None),
            vec!["die Rente nicht gekürzt wird und stabil bleibt"]
        );
    }

    #[test]
    fn names_and_abbreviations() {
        assert!(flagged(
            "Ursula von der Leyen and Frank-Walter Steinmeier met at Schloss Bellevue.",
            None
        )
        .is_empty());
        assert!(flagged(
            "The Bundesagentur für Arbeit and the Bertelsmann Stiftung agree.",
            None
        )
        .is_empty());
        assert_eq!(
            flagged(
                "Some states, z. B. Bavaria, u.a. Hesse, objected usw.",
                None
            ),
            vec!["z. B.", "u.a.", "usw."]
        );
    }
}
