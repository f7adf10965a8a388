//! No input makes the engine panic or report a span that is not a valid
//! byte range of the text (a deterministic stand-in until a fuzzer runs in CI).

mod common;

use common::Rng;
use mtlint::rules::embedded;
use mtlint::{Document, Engine};

const PIECES: &[&str] = &[
    "a",
    "Z",
    "9",
    " ",
    ".",
    ",",
    ";",
    ":",
    "!",
    "?",
    "-",
    " -",
    "- ",
    "–",
    "'",
    "’",
    "\"",
    "“",
    "”",
    "„",
    "»",
    "«",
    "‚",
    "‘",
    "(",
    ")",
    "%",
    "\n",
    "\r\n",
    "\t",
    "\u{a0}",
    "ä",
    "ß",
    "É",
    "\u{301}",
    "\u{200b}",
    "😀",
    "中",
    "ي",
    "\u{202e}",
    "\u{feff}",
    "Lawrow",
    "Selenskyj",
    "in in",
    "Putin with Putin",
    "3,5 percent",
    "4.500 people",
    "24. February",
    "14.30 Uhr",
    "1,9 Mrd. Euro",
    "gen Kyiv",
    "U -turn",
    "Ukraine-but",
    "Copy the current link",
    "Antony Blinking",
    "about a month ago",
    "the the",
    "Bürgermeister",
    "sowie",
    "Foreign Minister Marco Rubio",
    "rowed back",
    "peaks",
    "messages",
    "diplomats",
    "Kiev",
    "Kyiv",
];

#[test]
fn random_text_never_panics_and_spans_are_valid() {
    let engine = Engine::new(embedded::load().expect("packs")).expect("engine");
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for _ in 0..120 {
        let len = rng.next() % 400;
        let text: String = (0..len).map(|_| *rng.pick(PIECES)).collect();
        for d in engine.check(&Document::plain(text.clone())) {
            assert!(
                d.span.start <= d.span.end && d.span.end <= text.len(),
                "{d:?}"
            );
            assert!(
                text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end),
                "{d:?} in {text:?}"
            );
            for f in &d.fixes {
                for e in &f.edits {
                    assert!(
                        text.is_char_boundary(e.span.start) && text.is_char_boundary(e.span.end)
                    );
                }
            }
        }
    }
}
