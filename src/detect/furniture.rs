//! Website furniture nobody listed: short lines that read as buttons, links
//! and labels of the page ("Copy the current link", "Add to the memorial
//! list"), image credits, timestamps and reading times, related-article
//! teasers, and the republisher's author bio appended to the story.

use super::{Context, Detector, DetectorInfo, DetectorSettings, Finding};
use crate::diagnostic::{Applicability, Category, Severity};
use crate::span::Span;

/// The detector's description and examples.
pub static INFO: DetectorInfo = DetectorInfo {
    name: "furniture",
    category: Category::WebsiteFurniture,
    severity: Severity::Warning,
    applicability: Applicability::Safe,
    summary: "a line of the web page (button, link, credit, timestamp, author bio), not of the article",
    explain: "Finds lines that came from the web page around the article rather than from the \
article, even when no `line` rule of the `furniture` pack lists them; the fix deletes the \
whole line with its line break. Each line of up to eight words without sentence punctuation \
at its end is scored with weak signals: it starts with an imperative UI verb (“Copy”, \
“Share”, “Subscribe”, “Remember”, “Listen”: 1.5; verbs that are also common nouns or \
headline verbs, “Add”, “Read”, “Report”, “Watch”: 1.0), it starts like a navigation link \
(“To the …”, “More on …”, “Back to …”: 1.0 when a UI word follows), it names page chrome \
(“memorial list”, “newsletter”, “comments”, “advertisement”, “font size”, “start page”: \
1.5) or UI things a story can also be about (“article”, “link”, “video”, “app”, \
“settings”, “WhatsApp”: 1.0), particles of buttons (“more”, “all”, “now”: 0.5), and it says \
nothing else (+1.5 when a verb, an opener or a chrome word makes it a command, +0.5 \
otherwise). Every other word (a name, a number, a content noun or verb) costs 1.0, and a \
leading “The”/“A” costs 1.0: subheadings (“Reaction in Brussels”, “Take care in Kyiv and \
with allies”, “Share prices fall”) are phrases about the story. So “Share” scores 3.0, \
“Copy the current link” 4.0, “Subscribe to the newsletter” 4.5. Structural lines score 5: \
image credits (“Photo: Armin Weigel/dpa”, “Image: KEYSTONE/Jean Bott”, “© picture \
alliance”, “Source: picture alliance / dpa”, but not “Source: Stern”, the attribution), \
timestamps with a label (“Updated: 12.03.2025, 14:35”) or with a date and a clock time, \
reading times (“Reading time: 3 min”), a line starting “About the author”, and a \
first-person author bio after the agency/source line or as the last paragraph (“I have \
been working in the news industry for six years … my work has appeared in …”: at least two \
first-person words, five words of a journalist's career, no quotation marks), reported as \
one finding. Headline-like lines under a related-articles line (“More on the topic”, “Read \
also”) score 4 as teasers of other articles, unless prose follows them. Agency lines \
(“dpa”, “Reuters”), datelines, headlines, subheadings and “Label: value” lines stay \
silent. `threshold` (default 3.0) is the score a line needs: 3.5 drops one-word buttons \
and “Read more”; 4.5 keeps only a strong verb with a chrome word, and the structural \
lines; above 5 nothing is reported. `allow` takes whole lines (compared ignoring case, \
spaces and edge punctuation) never to report.",
    bad: &[
        (
            "Talks in Riyadh\nCopy the current link\nThe meeting lasted four hours.",
            Some("Talks in Riyadh\nThe meeting lasted four hours."),
        ),
        (
            "Add to the memorial list\nThe ministers met on Tuesday.",
            Some("The ministers met on Tuesday."),
        ),
        (
            "The court sat for six days.\r\nPhoto: Jana Berger/dpa\r\nThe verdict is final.",
            Some("The court sat for six days.\r\nThe verdict is final."),
        ),
        (
            "Listen to the podcast\nUpdated: 14.05.2024, 11:22 a.m.\nRivers rose overnight.",
            Some("Rivers rose overnight."),
        ),
        (
            "Prices rose again.\nShare on Telegram\nPrint\nReading time: 4 min\nThe index fell.",
            Some("Prices rose again.\nThe index fell."),
        ),
        (
            "The mayor resigned on Friday.\nMore on the topic\nFlood aid: Council approves new fund",
            Some("The mayor resigned on Friday.\n"),
        ),
        (
            "The vote is due in May.\nReuters\n\nI have worked as a journalist for ten years. \
My articles have appeared in many newspapers and I write regularly for several news outlets.",
            Some("The vote is due in May.\nReuters\n"),
        ),
    ],
    good: &[
        "Reaction in Brussels\nThe commission said little.",
        "Take care in Kyiv and with allies\nThe visit was postponed.",
        "Share prices fall\nThe index lost two percent.",
        "Open to all\nThe contest is free to enter.",
        "Follow the money\nInvestigators traced the payments.",
        "The video\nIt shows the crash from above.",
        "Figures at a glance\nDeposit rate: 2.00 percent (unchanged)\nEuro: $1.1580",
        "The talks ended without a deal.\ndpa\nSource: Stern",
        "BERLIN, March 12\nThe coalition met again.",
        "Judge: \"An act of utmost brutality\"\nThe verdict was read out.",
        "Privacy settings\nRegulators want fewer pop-ups.",
        "He thanked his staff.\n\"I have worked as a reporter for many years and my articles have appeared in every newspaper,\" he said.",
    ],
};

/// Lines longer than this (in bytes) are never UI lines.
const MAX_LINE: usize = 160;
/// UI lines have at most this many words.
const MAX_WORDS: usize = 8;
/// Score of structural lines (credits, timestamps, reading times, "About the author", bios).
const STRUCTURAL: f64 = 5.0;
/// Score of a teaser headline under a related-articles line.
const TEASER: f64 = 4.0;

/// Imperatives that on their own line are almost always a button.
const STRONG_VERBS: &[&str] = &[
    "share",
    "copy",
    "print",
    "subscribe",
    "unsubscribe",
    "download",
    "bookmark",
    "click",
    "tap",
    "enlarge",
    "zoom",
    "remember",
    "listen",
    "save",
    "send",
    "email",
    "e-mail",
    "tweet",
    "register",
    "login",
    "logout",
    "expand",
    "collapse",
    "reload",
    "scroll",
    "recommend",
    "unlock",
    "refresh",
    "mute",
    "unmute",
    "toggle",
    "unfollow",
    "replay",
];

/// Imperatives that are also common nouns or headline verbs.
const WEAK_VERBS: &[&str] = &[
    "add",
    "read",
    "follow",
    "watch",
    "open",
    "close",
    "show",
    "hide",
    "continue",
    "accept",
    "reject",
    "decline",
    "play",
    "rate",
    "comment",
    "report",
    "mark",
    "note",
    "notice",
    "view",
    "see",
    "load",
    "try",
    "discover",
    "activate",
    "deactivate",
    "manage",
    "allow",
    "agree",
    "like",
    "post",
    "search",
    "cancel",
    "confirm",
    "submit",
    "translate",
    "install",
    "contact",
    "start",
    "get",
    "visit",
    "remove",
    "delete",
    "change",
    "edit",
    "hear",
    "learn",
    "find",
    "stop",
    "pause",
    "join",
    "write",
    "give",
    "order",
    "create",
    "increase",
    "decrease",
    "reduce",
    "pin",
    "revoke",
    "exit",
    "enter",
    "switch",
    "turn",
    "discuss",
    "display",
    "notify",
];

/// Two-word imperatives.
const VERB_PHRASES: &[&str] = &[
    "log in",
    "log out",
    "log on",
    "log off",
    "sign in",
    "sign up",
    "sign out",
    "opt out",
    "opt in",
    "check out",
];

/// Page chrome: words hardly any news subheading consists of.
const STRONG_NOUNS: &[&str] = &[
    "memorial list",
    "watch list",
    "watchlist",
    "wish list",
    "reading list",
    "notepad",
    "bookmarks",
    "bookmark",
    "newsletter",
    "newsletters",
    "comments",
    "comment section",
    "advertisement",
    "advertisements",
    "advert",
    "ad",
    "ads",
    "font size",
    "text size",
    "push notification",
    "push notifications",
    "push messages",
    "start page",
    "home page",
    "homepage",
    "live blog",
    "liveblog",
    "live ticker",
    "newsticker",
    "news ticker",
    "picture gallery",
    "photo gallery",
    "image gallery",
    "photo series",
    "picture series",
    "cookie settings",
    "cookie banner",
    "clipboard",
    "paywall",
    "e-paper",
    "epaper",
    "imprint",
    "sitemap",
    "rss",
    "podcast",
    "podcasts",
    "audio version",
    "audio player",
    "media library",
    "abo",
    "topic page",
    "author page",
];

/// UI words that also name things a story can be about.
const WEAK_NOUNS: &[&str] = &[
    "link",
    "links",
    "article",
    "articles",
    "video",
    "videos",
    "audio",
    "app",
    "apps",
    "settings",
    "cookie",
    "gallery",
    "photos",
    "pictures",
    "images",
    "topic",
    "topics",
    "page",
    "pages",
    "email",
    "e-mail",
    "mail",
    "sms",
    "x",
    "notifications",
    "menu",
    "account",
    "password",
    "profile",
    "feed",
    "player",
    "playlist",
    "reading",
    "overview",
    "archive",
    "browser",
    "window",
    "tab",
    "button",
    "website",
    "site",
    "content",
    "contents",
    "text",
    "url",
    "offer",
    "offers",
    "news",
    "top",
    "aloud",
    "cookies",
    "subscription",
    "subscriptions",
    "whatsapp",
    "facebook",
    "twitter",
    "instagram",
    "linkedin",
    "telegram",
    "pinterest",
    "reddit",
    "flipboard",
    "xing",
    "bluesky",
    "mastodon",
    "threema",
    "messenger",
    "comment",
    "version",
    "view",
    "preview",
    "image",
    "picture",
    "photo",
    "font",
    "screen",
    "full screen",
    "fullscreen",
    "navigation",
    "main content",
    "main menu",
    "main navigation",
    "access",
    "registration",
    "feedback",
    "error",
    "mistake",
    "rating",
    "channel",
    "entry",
    "entries",
    "post",
    "posts",
    "livestream",
    "live stream",
    "stream",
    "consent",
    "tracking",
    "selection",
    "preferences",
    "discussion",
    "dossier",
    "author",
    "tweet",
    "threads",
    "advertising",
    "front page",
    "logo",
    "overlay",
    "banner",
    "dialog",
];

/// Words a UI label uses without saying anything: particles, articles, prepositions.
const FILLERS: &[&str] = &[
    "the",
    "a",
    "an",
    "to",
    "on",
    "in",
    "at",
    "for",
    "from",
    "after",
    "with",
    "this",
    "these",
    "your",
    "our",
    "my",
    "of",
    "via",
    "about",
    "and",
    "or",
    "as",
    "current",
    "whole",
    "complete",
    "full",
    "original",
    "latest",
    "new",
    "next",
    "previous",
    "also",
    "further",
    "other",
    "here",
    "now",
    "more",
    "less",
    "all",
    "later",
    "up",
    "out",
    "down",
    "off",
    "us",
    "again",
    "free",
    "it",
    "saved",
    "copied",
    "added",
    "removed",
    "shared",
    "bookmarked",
    "remembered",
    "subscribed",
    "loaded",
    "now",
    "by",
    "below",
    "continues",
    "live",
    "external",
    "embedded",
    "older",
    "newer",
    "printable",
    "on",
];

/// Fillers that count a little towards UI (a verb followed only by them is a button).
const PARTICLES: &[&str] = &[
    "more",
    "less",
    "all",
    "later",
    "now",
    "here",
    "up",
    "out",
    "us",
    "saved",
    "copied",
    "added",
    "removed",
    "shared",
    "bookmarked",
    "remembered",
    "subscribed",
    "live",
];

/// First words of a navigation link ("To the start page", "More on the topic").
const OPENERS: &[&str] = &[
    "to", "more", "back", "further", "next", "previous", "jump", "skip", "go", "all",
];

/// Labels of image credits ("Photo: Name/dpa").
const CREDIT_LABELS: &[&str] = &[
    "photo",
    "photos",
    "image",
    "images",
    "picture",
    "pictures",
    "foto",
    "fotos",
    "bild",
    "photograph",
    "photo credit",
    "photo credits",
    "image credit",
    "image credits",
    "picture credit",
    "picture credits",
    "credit",
    "credits",
    "graphic",
    "graphics",
    "illustration",
    "archive photo",
    "archive image",
    "archive picture",
    "symbolic image",
    "symbolic photo",
    "symbolic picture",
    "symbol image",
    "symbol photo",
    "title image",
    "title picture",
    "title photo",
    "cover image",
    "cover photo",
    "header image",
    "teaser image",
    "photo source",
    "image source",
    "picture source",
];

/// Agencies and photo agencies a credit names.
const AGENCIES: &[&str] = &[
    "dpa",
    "afp",
    "ap",
    "reuters",
    "sda",
    "apa",
    "kna",
    "epd",
    "ddp",
    "dts",
    "epa",
    "efe",
    "ansa",
    "belga",
    "anp",
    "tass",
    "xinhua",
    "anadolu",
    "getty",
    "imago",
    "keystone",
    "picture-alliance",
    "istock",
    "istockphoto",
    "shutterstock",
    "alamy",
    "unsplash",
    "pixabay",
    "zuma",
    "sputnik",
    "handout",
    "dpa-zentralbild",
    "bildfunk",
];

/// Words of a credit that name no photographer ("Photo: private").
const CREDIT_WORDS: &[&str] = &[
    "private",
    "privat",
    "archive",
    "handout",
    "screenshot",
    "dpa-grafik",
    "dpa-infografik",
];

/// Agencies that only take pictures: "Source: picture alliance" is a credit.
const PHOTO_AGENCIES: &[&str] = &[
    "picture alliance",
    "picture-alliance",
    "getty",
    "imago",
    "shutterstock",
    "istock",
    "istockphoto",
    "alamy",
    "unsplash",
    "pixabay",
    "zuma",
    "bildfunk",
];

/// Labels of timestamp lines.
const TIME_LABELS: &[&str] = &[
    "updated",
    "update",
    "last updated",
    "updated on",
    "updated at",
    "published",
    "published on",
    "published at",
    "first published",
    "posted",
    "posted on",
    "created",
    "created on",
    "modified",
    "last modified",
    "changed",
    "last changed",
    "as of",
    "status",
    "stand",
    "date",
    "released",
];

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

/// Days a timestamp may name.
const DAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "today",
    "yesterday",
];

/// Words that may accompany a date and a clock time.
const TIME_FILLERS: &[&str] = &[
    "at",
    "on",
    "the",
    "of",
    "am",
    "pm",
    "a.m",
    "p.m",
    "a.m.",
    "p.m.",
    "uhr",
    "h",
    "clock",
    "o'clock",
    "o’clock",
    "cet",
    "cest",
    "utc",
    "gmt",
    "mez",
    "mesz",
    "bst",
    "est",
    "edt",
    "|",
    "-",
    "–",
    "—",
    "/",
    ",",
    "and",
];

/// Lines after which the next headline-like lines are teasers of other articles.
const RELATED_HEADS: &[&str] = &[
    "more on the topic",
    "more on this topic",
    "more on this",
    "more about the topic",
    "more about this topic",
    "more on the subject",
    "more on this subject",
    "read also",
    "also read",
    "see also",
    "related",
    "related articles",
    "related topics",
    "related content",
    "recommended",
    "recommended articles",
    "more articles",
    "more news",
    "more from the section",
    "also interesting",
    "also of interest",
    "you might also be interested in",
    "you might also like",
    "read more on the topic",
    "read more on this topic",
    "also on the topic",
    "also on this topic",
    "other articles",
    "you may also be interested in",
    "this might also interest you",
    "also worth reading",
    "worth reading",
    "recommended for you",
    "our recommendations",
    "most read",
    "popular articles",
];

/// Words of a journalist's career, for author bios.
const CAREER: &[&str] = &[
    "journalist",
    "journalism",
    "reporter",
    "reporting",
    "editor",
    "editorial",
    "writer",
    "writing",
    "author",
    "columnist",
    "correspondent",
    "freelance",
    "freelancer",
    "news",
    "newsroom",
    "industry",
    "newspaper",
    "newspapers",
    "outlet",
    "outlets",
    "publication",
    "publications",
    "magazine",
    "magazines",
    "portal",
    "portals",
    "covered",
    "covering",
    "contribute",
    "contributor",
    "contributing",
    "articles",
    "appeared",
    "experience",
    "career",
    "degree",
    "graduated",
    "blog",
    "passionate",
    "specialise",
    "specialize",
    "specialising",
    "specializing",
];

/// Builds the detector.
pub fn build(settings: &DetectorSettings) -> Box<dyn Detector> {
    Box::new(Furniture {
        threshold: settings.threshold.unwrap_or(3.0),
        allow: settings.allow.iter().map(|a| normalize(a)).collect(),
    })
}

struct Furniture {
    threshold: f64,
    allow: Vec<String>,
}

/// What a line of the document is.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    Blank,
    /// "dpa", "Reuters", "Source: Stern".
    Agency,
    /// A line of the web page, with its score and why.
    Furniture(f64, Why),
    /// A line that opens a list of related articles (and is furniture itself).
    RelatedHead(f64),
    /// Anything else that ends with sentence punctuation.
    Prose,
    /// Anything else without it (headline, subheading, label).
    Heading,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Why {
    Ui,
    Credit,
    Time,
    Teaser,
    Author,
}

struct Line<'a> {
    /// The line with its line break, in document bytes.
    span: Span,
    /// The line without its line break.
    content: &'a str,
    kind: Kind,
}

impl Detector for Furniture {
    fn info(&self) -> &'static DetectorInfo {
        &INFO
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        for (region, hay) in cx.doc.region_texts() {
            let mut lines = Vec::new();
            let mut start = 0;
            for line in hay.split_inclusive('\n') {
                let span = Span::new(start, start + line.len()).shifted(region.start);
                start += line.len();
                let content = line.trim_end_matches(['\n', '\r']);
                lines.push(Line {
                    span,
                    content,
                    kind: classify(content),
                });
            }
            self.report(cx.text(), &mut lines, out);
        }
    }
}

impl Furniture {
    fn report(&self, text: &str, lines: &mut [Line<'_>], out: &mut Vec<Finding>) {
        mark_teasers(lines);
        let bios = bio_lines(lines);
        for (i, line) in lines.iter().enumerate() {
            let (score, why) = match line.kind {
                Kind::Furniture(score, why) => (score, Some(why)),
                Kind::RelatedHead(score) => (score, Some(Why::Ui)),
                _ if bios.contains(&i) => (STRUCTURAL, None),
                _ => continue,
            };
            if score < self.threshold || self.allow.contains(&normalize(line.content)) {
                continue;
            }
            let shown = line.content.trim();
            let message = match why {
                Some(Why::Ui) => format!(
                    "“{shown}” reads as a button or link of the web page, not as article text; \
                     delete the line"
                ),
                Some(Why::Credit) => {
                    format!("“{shown}” is an image credit of the web page; delete the line")
                }
                Some(Why::Time) => format!(
                    "“{shown}” is a timestamp or reading time of the web page; delete the line"
                ),
                Some(Why::Teaser) => format!(
                    "“{shown}” is the teaser of another article, under a related-articles line; \
                     delete the line"
                ),
                Some(Why::Author) | None => {
                    let head: String = shown.chars().take(60).collect();
                    let more = if head.len() < shown.len() { "…" } else { "" };
                    format!(
                        "“{head}{more}” is the republisher's author bio, not part of the story; \
                         delete it"
                    )
                }
            };
            out.push(Finding {
                span: widen_last(text, lines, i),
                message,
                suggestions: vec![String::new()],
            });
        }
    }
}

/// The span of line `i`; a last line without a line break takes the blank lines before it.
fn widen_last(text: &str, lines: &[Line<'_>], i: usize) -> Span {
    let Some(line) = lines.get(i) else {
        return Span::new(0, 0);
    };
    let ends_with_break = text
        .get(line.span.start..line.span.end)
        .is_some_and(|l| l.ends_with('\n'));
    if ends_with_break {
        return line.span;
    }
    let mut start = line.span.start;
    let mut j = i;
    while j > 0 && lines[j - 1].kind == Kind::Blank {
        j -= 1;
        start = lines[j].span.start;
    }
    Span::new(start, line.span.end)
}

/// Lowercased, trimmed of spaces, bullets and edge punctuation, inner spaces folded.
fn normalize(line: &str) -> String {
    const EDGE: &[char] = &[
        '.', ':', '!', '?', '…', '»', '«', '›', '‹', '>', '<', '|', '→', '▶', '•', '·', '*', '-',
        '–', '—',
    ];
    line.trim_matches(|c: char| c.is_whitespace() || EDGE.contains(&c))
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The lowercased words of `s` (letters, digits, inner hyphens and apostrophes).
fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\'' || c == '’'))
        .map(|w| w.trim_matches(['-', '\'', '’']))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn has_quotes(s: &str) -> bool {
    s.contains(['"', '“', '”', '„'])
}

/// Ends with `.`, `!`, `?` or `;` (before closing quotes or brackets), but not with an ellipsis.
fn ends_sentence(s: &str) -> bool {
    let t = s.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '"' | '”' | '’' | '\'' | ')' | ']' | '»' | '«')
    });
    if t.ends_with("...") || t.ends_with('…') {
        return false;
    }
    t.ends_with(['.', '!', '?', ';'])
}

fn classify(content: &str) -> Kind {
    let trimmed = content.trim();
    if trimmed.is_empty() {
        return Kind::Blank;
    }
    if is_agency_line(trimmed) {
        // "Source: picture alliance / dpa" is a credit, "Source: Stern" the attribution
        return if is_credit(trimmed) {
            Kind::Furniture(STRUCTURAL, Why::Credit)
        } else {
            Kind::Agency
        };
    }
    let about = trimmed
        .get(..16)
        .is_some_and(|head| head.eq_ignore_ascii_case("about the author"));
    if about {
        return Kind::Furniture(STRUCTURAL, Why::Author);
    }
    if trimmed.len() <= MAX_LINE {
        let lower = trimmed.to_lowercase();
        if is_credit(trimmed) {
            return Kind::Furniture(STRUCTURAL, Why::Credit);
        }
        if is_timestamp(&lower) || is_reading_time(&lower) {
            return Kind::Furniture(STRUCTURAL, Why::Time);
        }
        if let Some(score) = teaser_prefix(trimmed) {
            return Kind::Furniture(score, Why::Ui);
        }
        if !ends_sentence(trimmed) && !has_quotes(trimmed) {
            if RELATED_HEADS.contains(&normalize(trimmed).as_str()) {
                return Kind::RelatedHead(TEASER);
            }
            let score = ui_score(trimmed);
            if score > 0.0 {
                return Kind::Furniture(score, Why::Ui);
            }
        }
    }
    if ends_sentence(trimmed) {
        Kind::Prose
    } else {
        Kind::Heading
    }
}

/// "dpa", "AFP/Reuters", "(dpa)", "Source: Stern", "Sources: dpa, AFP".
fn is_agency_line(line: &str) -> bool {
    if line.len() > 80 {
        return false;
    }
    let lower = line.to_lowercase();
    let inner = lower.trim_matches(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | '.'));
    let w = words(inner);
    if w.is_empty() || w.len() > 6 {
        return false;
    }
    let labelled = ["source:", "sources:", "with material from", "material from"]
        .iter()
        .any(|p| inner.starts_with(p));
    labelled || w.iter().all(|x| AGENCIES.contains(&x.as_str()))
}

/// Splits "Label: value" at the first colon; the label has at most three words.
fn label_value(line: &str) -> Option<(String, &str)> {
    let (label, value) = line.split_once(':')?;
    let label = normalize(label.trim_start_matches(['(', '[']));
    if label.is_empty() || label.split(' ').count() > 3 {
        return None;
    }
    Some((label, value.trim().trim_end_matches([')', ']']).trim()))
}

/// An image credit: "Photo: Name/dpa", "© picture alliance", "Source: Getty Images".
fn is_credit(line: &str) -> bool {
    let inner = line.trim_start_matches(['(', '[']).trim();
    if inner.starts_with('©') || inner.to_lowercase().starts_with("(c)") {
        return words(inner).len() <= 10;
    }
    let Some((label, value)) = label_value(line) else {
        return false;
    };
    let lower = value.to_lowercase();
    if label == "source" || label == "sources" {
        return PHOTO_AGENCIES.iter().any(|a| lower.contains(a));
    }
    if !CREDIT_LABELS.contains(&label.as_str()) {
        return false;
    }
    let w = words(value);
    if w.is_empty() || w.len() > 10 || ends_sentence(value) {
        return false;
    }
    let agency = w
        .iter()
        .any(|x| AGENCIES.contains(&x.as_str()) || CREDIT_WORDS.contains(&x.as_str()))
        || lower.contains("picture alliance");
    let marked = value.contains(['/', '|', '©']);
    let name_like = w.len() <= 4
        && value
            .split_whitespace()
            .all(|p| p.chars().next().is_some_and(|c| c.is_uppercase()));
    agency || marked || name_like
}

/// A date-ish piece: "12.03.2025", "14:35", "2025", "12th", a month or weekday.
fn is_date_piece(p: &str) -> bool {
    let p = p.trim_matches([',', '(', ')', ';']);
    let digits = p.chars().filter(char::is_ascii_digit).count();
    if digits > 0 {
        let rest = p.trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == '.');
        return rest
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ':' | '/' | '-'));
    }
    let word = p.trim_end_matches('.');
    MONTHS.contains(&word) || DAYS.contains(&word)
}

fn is_clock(p: &str) -> bool {
    let p = p.trim_matches([',', '(', ')', '.']);
    match p.split_once([':', '.']) {
        Some((h, m)) => {
            (1..=2).contains(&h.len())
                && h.chars().all(|c| c.is_ascii_digit())
                && m.len() == 2
                && m.chars().all(|c| c.is_ascii_digit())
        }
        None => false,
    }
}

/// "Updated: 12.03.2025, 14:35", "Published on 3 May 2024 at 10:15", "12.03.2025 | 14:35".
fn is_timestamp(lower: &str) -> bool {
    let (label, rest) = match lower.split_once(':') {
        Some((l, r)) if TIME_LABELS.contains(&normalize(l).as_str()) => (true, r),
        _ => {
            let pieces: Vec<&str> = lower.split_whitespace().collect();
            let mut cut = 0;
            for n in (1..=3).rev() {
                if let Some(head) = pieces.get(..n) {
                    if TIME_LABELS.contains(&head.join(" ").as_str()) {
                        cut = n;
                        break;
                    }
                }
            }
            if cut > 0 {
                let skip: usize = pieces.iter().take(cut).map(|p| p.len()).sum();
                // byte offset of the text after the label's words
                let at = lower
                    .char_indices()
                    .filter(|(_, c)| !c.is_whitespace())
                    .nth(skip)
                    .map_or(lower.len(), |(i, _)| i);
                (true, lower.get(at..).unwrap_or(""))
            } else {
                (false, lower)
            }
        }
    };
    let pieces: Vec<&str> = rest.split_whitespace().collect();
    if pieces.is_empty() || pieces.len() > 10 {
        return false;
    }
    let mut dates = 0;
    let mut clocks = 0;
    let mut named = 0;
    for p in &pieces {
        if is_clock(p) {
            clocks += 1;
        } else if is_date_piece(p) {
            dates += 1;
            let p = p.trim_matches([',', '(', ')', ';', '.']);
            if MONTHS.contains(&p) || (p.contains(['.', '/']) && p.len() >= 5) {
                named += 1;
            }
        } else if !TIME_FILLERS.contains(&p.trim_matches([',', '(', ')'])) {
            return false;
        }
    }
    if label {
        dates + clocks > 0
    } else {
        clocks > 0 && named > 0
    }
}

/// "Reading time: 3 min", "4 min read", "Reading time approx. 5 minutes".
fn is_reading_time(lower: &str) -> bool {
    let w = words(lower);
    if w.len() > 7 {
        return false;
    }
    let joined = w.join(" ");
    let marked = [
        "reading time",
        "read time",
        "min read",
        "minute read",
        "minutes read",
    ]
    .iter()
    .any(|m| joined.contains(m));
    marked
        && w.iter().any(|x| x.chars().all(|c| c.is_ascii_digit()))
        && w.iter().all(|x| {
            x.chars().all(|c| c.is_ascii_digit())
                || [
                    "reading",
                    "read",
                    "time",
                    "min",
                    "mins",
                    "minute",
                    "minutes",
                    "approx",
                    "ca",
                    "about",
                    "around",
                    "estimated",
                ]
                .contains(&x.as_str())
        })
}

/// "Read also: Title", "Video: Title": a teaser link with a UI label.
fn teaser_prefix(line: &str) -> Option<f64> {
    let (label, value) = label_value(line)?;
    let teaser_label = RELATED_HEADS.contains(&label.as_str())
        || [
            "read more",
            "watch",
            "listen",
            "video",
            "audio",
            "podcast",
            "photo gallery",
            "picture gallery",
            "gallery",
            "live blog",
            "liveblog",
            "live ticker",
        ]
        .contains(&label.as_str());
    let n = words(value).len();
    (teaser_label && n > 0 && n <= 20).then_some(TEASER)
}

/// Finds the longest phrase of `list` at `w[i..]` (up to three words); its length.
fn phrase_at(w: &[String], i: usize, list: &[&str]) -> usize {
    for n in (1..=3).rev() {
        if let Some(slice) = w.get(i..i + n) {
            let p = slice.join(" ");
            if list.contains(&p.as_str()) {
                return n;
            }
        }
    }
    0
}

/// The UI score of a short line (0 when it is too long or plainly prose).
fn ui_score(line: &str) -> f64 {
    let w = words(line);
    if w.is_empty() || w.len() > MAX_WORDS {
        return 0.0;
    }
    let mut score = 0.0;
    let mut verb = false;
    let mut strong_verb = false;
    let mut opener = false;
    let mut strong_noun = false;
    let mut noun = false;
    let mut content = 0usize;
    let mut units = 0usize;
    let mut i = 0;
    while i < w.len() {
        let first = units == 0;
        units += 1;
        let word = w[i].as_str();
        if first {
            let n = phrase_at(&w, i, VERB_PHRASES);
            if n > 0 {
                score += 1.5;
                verb = true;
                strong_verb = true;
                i += n;
                continue;
            }
        }
        let n = phrase_at(&w, i, STRONG_NOUNS);
        if n > 1 || (n == 1 && !(first && STRONG_VERBS.contains(&word))) {
            score += 1.5;
            strong_noun = true;
            noun = true;
            i += n;
            continue;
        }
        if first && STRONG_VERBS.contains(&word) {
            score += 1.5;
            verb = true;
            strong_verb = true;
        } else if first && WEAK_VERBS.contains(&word) {
            score += 1.0;
            verb = true;
        } else if first && OPENERS.contains(&word) {
            opener = true;
        } else if phrase_at(&w, i, WEAK_NOUNS) == 1 {
            score += 1.0;
            noun = true;
        } else if PARTICLES.contains(&word) {
            score += 0.5;
        } else if FILLERS.contains(&word) {
            if first && matches!(word, "the" | "a" | "an") {
                score -= 1.0;
            }
        } else if (STRONG_VERBS.contains(&word) || WEAK_VERBS.contains(&word))
            && i > 0
            && w[i - 1] == "to"
        {
            // "Click to enlarge", "Click here to subscribe"
        } else {
            content += 1;
        }
        i += 1;
    }
    if opener && noun {
        score += 1.0;
    }
    score -= content as f64;
    if content == 0 {
        if strong_noun || ((verb || opener) && noun) || (verb && (units <= 2 || strong_verb)) {
            score += 1.5;
        } else if noun {
            score += 0.5;
        }
    }
    score
}

/// Headline-like lines right after a related-articles line are teasers, unless
/// prose follows them (then they are the subheading of the next paragraph).
fn mark_teasers(lines: &mut [Line<'_>]) {
    let mut after_head = false;
    let mut candidates = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        match line.kind {
            Kind::RelatedHead(_) => after_head = true,
            Kind::Blank | Kind::Furniture(..) => {}
            Kind::Heading if after_head => {
                if words(line.content).len() <= 20 && !has_quotes(line.content) {
                    candidates.push(i);
                }
            }
            _ => after_head = false,
        }
    }
    for i in candidates {
        let next = lines
            .iter()
            .skip(i + 1)
            .find(|l| l.kind != Kind::Blank)
            .map(|l| l.kind);
        if !matches!(next, Some(Kind::Prose)) {
            if let Some(line) = lines.get_mut(i) {
                line.kind = Kind::Furniture(TEASER, Why::Teaser);
            }
        }
    }
}

/// First-person author bios after the last agency line or at the very end.
fn bio_lines(lines: &[Line<'_>]) -> Vec<usize> {
    let last_agency = lines.iter().rposition(|l| l.kind == Kind::Agency);
    let last_text = lines
        .iter()
        .rposition(|l| !matches!(l.kind, Kind::Blank | Kind::Furniture(..)));
    let from = match (last_agency, last_text) {
        (Some(a), _) => a + 1,
        (None, Some(t)) => t,
        (None, None) => return Vec::new(),
    };
    (from..lines.len())
        .filter(|&i| lines.get(i).is_some_and(|l| is_bio(l.content)))
        .collect()
}

fn is_bio(line: &str) -> bool {
    if has_quotes(line) || line.len() < 60 {
        return false;
    }
    let first_person = line
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .filter(|w| {
            matches!(*w, "I" | "I'm" | "I’m" | "I've" | "I’ve" | "I'd" | "I’d")
                || matches!(w.to_lowercase().as_str(), "my" | "me" | "myself")
        })
        .count();
    if first_person < 2 {
        return false;
    }
    let w = words(line);
    let mut career: Vec<&str> = w
        .iter()
        .map(String::as_str)
        .filter(|x| CAREER.contains(x))
        .collect();
    career.sort_unstable();
    career.dedup();
    career.len() >= 5
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::gazetteer::Gazetteer;
    use crate::document::Document;

    fn flagged(text: &str) -> Vec<String> {
        let doc = Document::plain(text);
        let gaz = Gazetteer::default();
        let cx = Context::new(&doc, &gaz);
        let mut out = Vec::new();
        build(&DetectorSettings::default()).check(&cx, &mut out);
        out.iter()
            .map(|f| text[f.span.start..f.span.end].to_string())
            .collect()
    }

    #[test]
    fn span_covers_line_and_crlf() {
        assert_eq!(
            flagged("Intro.\r\nCopy the current link\r\nMore text."),
            vec!["Copy the current link\r\n"]
        );
    }

    #[test]
    fn bio_after_agency_line_is_one_finding() {
        let text = "Talks ended.\ndpa\nSource: Stern\n\nI have been working in the news industry \
for over 6 years, first as a reporter and now as an editor. My work has appeared in major \
newspapers.";
        let found = flagged(text);
        assert_eq!(found.len(), 1);
        assert!(found[0].starts_with("\nI have been working"));
    }

    #[test]
    fn scores_of_subheadings_stay_low() {
        for line in [
            "Agreements also in the bilateral area",
            "So far only gen Kyiv",
            "Trump takes place in Russia",
            "Kremlin wants to negotiate – and provides conditions",
            "Talks about talks",
            "Coming up",
            "Key saves",
            "Report finds flaws",
            "Watch this space",
        ] {
            assert!(ui_score(line) < 3.0, "{line}: {}", ui_score(line));
        }
    }

    #[test]
    fn allow_list_takes_whole_lines() {
        let settings = DetectorSettings {
            allow: vec!["Copy the current link".to_string()],
            ..DetectorSettings::default()
        };
        let doc = Document::plain("Copy the current link\nText.");
        let gaz = Gazetteer::default();
        let cx = Context::new(&doc, &gaz);
        let mut out = Vec::new();
        build(&settings).check(&cx, &mut out);
        assert!(out.is_empty());
    }
}
