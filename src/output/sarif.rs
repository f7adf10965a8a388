//! `--format sarif`: SARIF 2.1.0, the static-analysis interchange format that
//! code-scanning services (GitHub, GitLab, Azure DevOps) and SARIF viewers read.
//!
//! One run, whose parts are:
//!
//! - `results`: one per finding: `ruleId` and `ruleIndex` (into
//!   `tool.driver.rules`), `level` (`error`, `warning`, `note` for info),
//!   `message`, one location with the file's `uri` (the path as given,
//!   percent-encoded where a URI needs it) and `index` into `artifacts`, and
//!   a `region` that carries both the text position (`startLine`,
//!   `startColumn`, `endLine`, `endColumn`: 1-based, columns in Unicode code
//!   points as `columnKind` says, the end just past the span) and the bytes
//!   (`byteOffset`, `byteLength` into the file as read), plus the flagged
//!   text as `snippet`. Each suggestion is a SARIF `fix`: one artifact change
//!   whose replacement deletes the region by `byteOffset`/`byteLength` and
//!   inserts the new text. The result's `properties` hold the MQM `category`
//!   and the fix's `applicability` (`safe` or `needs-review`).
//! - `tool.driver`: `name`, `version`, and `rules`: the metadata of every
//!   rule that produced a result in this run (in order of first result), with
//!   `shortDescription` (what the rule looks for), `fullDescription` (its
//!   rationale, when it has one), `help` (rationale and examples),
//!   `defaultConfiguration.level`, and `properties` (`category`, `pack`,
//!   `kind`, `fix`, and `tags`). Only the rules that fired are listed: all
//!   of the roughly 2,000 built-in rules would add about a megabyte to every
//!   report, and SARIF consumers need the metadata only of the rules that a
//!   result refers to.
//! - `artifacts`: one per input in output order, with its `length` in bytes
//!   and, in `properties.score`, the article's MQM-style score (`words`,
//!   `penalty`, `penalty_per_kword`, `score`).
//! - `invocations[0]`: `executionSuccessful` (false when an input could not
//!   be read) and one `toolExecutionNotifications` entry (level `error`) per
//!   unreadable input.
//! - `properties`: `summary` (the counts of the JSON format) and, with
//!   `--statistics`, `statistics` (findings per rule).
//!
//! Results are written as the files are checked; the rules, artifacts and
//! invocation follow them at the end of the run object (JSON objects are
//! unordered, so this is valid SARIF).

use std::collections::HashMap;
use std::io::{self, Write};
use std::sync::Arc;

use serde::Serialize;

use super::statistics::RuleCount;
use super::stream::{write_indented, ArrayWriter};
use super::{Emitter, FileReport, RunSummary, Sink, Totals};
use crate::diagnostic::{Diagnostic, Fix, Severity};
use crate::rules::RuleMeta;
use crate::score::Score;
use crate::span::LineIndex;

/// The `$schema` written into every report.
pub const SCHEMA_URI: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// How many bad and good examples a rule's `help` text shows.
const HELP_EXAMPLES: usize = 3;

#[derive(Serialize)]
struct Message {
    text: String,
}

fn message(text: impl Into<String>) -> Message {
    Message { text: text.into() }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactLocation<'a> {
    uri: &'a str,
    index: usize,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region<'a> {
    start_line: usize,
    start_column: usize,
    end_line: usize,
    end_column: usize,
    byte_offset: usize,
    byte_length: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    snippet: Option<Snippet<'a>>,
}

#[derive(Serialize)]
struct Snippet<'a> {
    text: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation<'a> {
    artifact_location: ArtifactLocation<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    region: Option<Region<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location<'a> {
    physical_location: PhysicalLocation<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ByteRegion {
    byte_offset: usize,
    byte_length: usize,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Replacement<'a> {
    deleted_region: ByteRegion,
    inserted_content: Snippet<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactChange<'a> {
    artifact_location: ArtifactLocation<'a>,
    replacements: Vec<Replacement<'a>>,
}

#[derive(Serialize)]
struct FixProperties {
    applicability: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifFix<'a> {
    description: Message,
    artifact_changes: [ArtifactChange<'a>; 1],
    properties: FixProperties,
}

#[derive(Serialize)]
struct ResultProperties {
    category: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    applicability: Option<&'static str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    rule_id: &'a str,
    rule_index: usize,
    level: &'static str,
    message: Message,
    locations: [Location<'a>; 1],
    #[serde(skip_serializing_if = "Vec::is_empty")]
    fixes: Vec<SarifFix<'a>>,
    properties: ResultProperties,
}

#[derive(Serialize)]
struct Level {
    level: &'static str,
}

#[derive(Serialize)]
struct RuleProperties {
    category: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pack: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    kind: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    fix: Option<&'static str>,
    tags: Vec<String>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RuleDescriptor {
    id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    short_description: Option<Message>,
    #[serde(skip_serializing_if = "Option::is_none")]
    full_description: Option<Message>,
    #[serde(skip_serializing_if = "Option::is_none")]
    help: Option<Message>,
    default_configuration: Level,
    properties: RuleProperties,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver<'a> {
    name: &'static str,
    version: &'static str,
    semantic_version: &'static str,
    rules: &'a [RuleDescriptor],
}

#[derive(Serialize)]
struct Tool<'a> {
    driver: Driver<'a>,
}

#[derive(Serialize)]
struct DescriptorReference {
    id: &'static str,
}

#[derive(Serialize)]
struct Notification {
    level: &'static str,
    message: Message,
    locations: [OwnedLocation; 1],
    descriptor: DescriptorReference,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct OwnedLocation {
    physical_location: OwnedPhysicalLocation,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct OwnedPhysicalLocation {
    artifact_location: OwnedArtifactLocation,
}

#[derive(Serialize)]
struct OwnedArtifactLocation {
    uri: String,
    index: usize,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Invocation<'a> {
    execution_successful: bool,
    #[serde(skip_serializing_if = "<[Notification]>::is_empty")]
    tool_execution_notifications: &'a [Notification],
}

#[derive(Serialize)]
struct UriOnly {
    uri: String,
}

#[derive(Serialize)]
struct ArtifactProperties {
    score: Score,
}

#[derive(Serialize)]
struct Artifact {
    location: UriOnly,
    #[serde(skip_serializing_if = "Option::is_none")]
    length: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    properties: Option<ArtifactProperties>,
}

#[derive(Serialize)]
struct RunProperties<'a> {
    summary: Totals,
    #[serde(skip_serializing_if = "Option::is_none")]
    statistics: Option<Vec<&'a RuleCount>>,
}

/// The SARIF emitter.
pub struct SarifEmitter<'r> {
    known: HashMap<&'r str, &'r RuleMeta>,
    descriptors: Vec<RuleDescriptor>,
    rule_index: HashMap<Arc<str>, usize>,
    results: Option<ArrayWriter>,
    artifacts: Vec<Artifact>,
    notifications: Vec<Notification>,
}

impl<'r> SarifEmitter<'r> {
    /// A new emitter that describes rules from `rules` (the engine's rules).
    pub fn new(rules: &'r [RuleMeta]) -> SarifEmitter<'r> {
        SarifEmitter {
            known: rules.iter().map(|r| (&*r.id, r)).collect(),
            descriptors: Vec::new(),
            rule_index: HashMap::new(),
            results: None,
            artifacts: Vec::new(),
            notifications: Vec::new(),
        }
    }

    fn results(&mut self, out: &mut dyn Write) -> io::Result<&mut ArrayWriter> {
        if self.results.is_none() {
            write!(
                out,
                "{{\n  \"$schema\": \"{SCHEMA_URI}\",\n  \"version\": \"2.1.0\",\n  \"runs\": [\n    {{\n      \"results\": ["
            )?;
        }
        Ok(self.results.get_or_insert_with(|| ArrayWriter::new(8)))
    }

    /// The index of `d`'s rule in the driver's rules, describing it on first use.
    fn rule_index(&mut self, d: &Diagnostic) -> usize {
        if let Some(&i) = self.rule_index.get(&d.rule) {
            return i;
        }
        let descriptor = match self.known.get(&*d.rule) {
            Some(meta) => describe(meta),
            None => RuleDescriptor {
                id: d.rule.to_string(),
                short_description: None,
                full_description: None,
                help: None,
                default_configuration: Level {
                    level: level(d.severity),
                },
                properties: RuleProperties {
                    category: d.category.as_str(),
                    pack: None,
                    kind: None,
                    fix: None,
                    tags: vec![d.category.as_str().to_string()],
                },
            },
        };
        let i = self.descriptors.len();
        self.descriptors.push(descriptor);
        self.rule_index.insert(d.rule.clone(), i);
        i
    }
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn describe(meta: &RuleMeta) -> RuleDescriptor {
    let explain = meta
        .explain
        .as_deref()
        .map(str::trim)
        .filter(|e| !e.is_empty());
    let mut help = String::new();
    if let Some(e) = explain {
        help.push_str(e);
        help.push_str("\n\n");
    }
    // examples may span lines (furniture); their continuation lines are indented
    let example = |mark: &str, text: &str| format!("  {mark} {}\n", text.replace('\n', "\n    "));
    if !meta.bad.is_empty() {
        help.push_str("Flags:\n");
        for b in meta.bad.iter().take(HELP_EXAMPLES) {
            help.push_str(&example("✗", &b.text));
            if let Some(f) = &b.fixed {
                help.push_str(&example("→", f));
            }
        }
        help.push('\n');
    }
    if !meta.good.is_empty() {
        help.push_str("Leaves alone:\n");
        for g in meta.good.iter().take(HELP_EXAMPLES) {
            help.push_str(&example("✓", g));
        }
        help.push('\n');
    }
    help.push_str(&format!("More: mtlint rules explain {}", meta.id));
    RuleDescriptor {
        id: meta.id.to_string(),
        short_description: Some(message(meta.summary.as_str())),
        full_description: explain.map(message),
        help: Some(message(help)),
        default_configuration: Level {
            level: level(meta.severity),
        },
        properties: RuleProperties {
            category: meta.category.as_str(),
            pack: Some(meta.pack.clone()),
            kind: Some(meta.kind.as_str()),
            fix: Some(meta.applicability.as_str()),
            tags: vec![meta.category.as_str().to_string(), meta.pack.clone()],
        },
    }
}

/// A path as a URI reference: kept as given (relative stays relative), with
/// `\` as `/`, and every byte outside the unreserved and path characters
/// percent-encoded (also `:`, so that `a:b.txt` never reads as a scheme).
pub fn path_to_uri(path: &str) -> String {
    let mut uri = String::with_capacity(path.len());
    for b in path.bytes() {
        let c = b as char;
        if c.is_ascii_alphanumeric() || "-._~!$&'()*+,;=@/".contains(c) {
            uri.push(c);
        } else if c == '\\' {
            uri.push('/');
        } else {
            uri.push_str(&format!("%{b:02X}"));
        }
    }
    uri
}

fn fix_description(text: &str, d: &Diagnostic, fix: &Fix) -> String {
    let flagged = text.get(d.span.start..d.span.end).unwrap_or("").trim_end();
    match fix.replacement_for(d.span) {
        Some("") => format!("delete “{flagged}”"),
        Some(r) => format!("replace “{flagged}” with “{r}”"),
        None => format!("apply {} edits", fix.edits.len()),
    }
}

impl Emitter for SarifEmitter<'_> {
    fn file(&mut self, sink: &mut Sink<'_>, report: &FileReport) -> io::Result<()> {
        let out = &mut *sink.out;
        self.results(out)?;
        let index = self.artifacts.len();
        let uri = path_to_uri(&report.path);
        if let Some(e) = &report.error {
            self.notifications.push(Notification {
                level: "error",
                message: message(e.as_str()),
                locations: [OwnedLocation {
                    physical_location: OwnedPhysicalLocation {
                        artifact_location: OwnedArtifactLocation {
                            uri: uri.clone(),
                            index,
                        },
                    },
                }],
                descriptor: DescriptorReference {
                    id: "unreadable-input",
                },
            });
            self.artifacts.push(Artifact {
                location: UriOnly { uri },
                length: None,
                properties: None,
            });
            return out.flush();
        }
        let text = &report.text;
        let lines = LineIndex::new(text);
        for d in &report.diagnostics {
            let rule_index = self.rule_index(d);
            let start = lines.position(text, d.span.start);
            let end = lines.position(text, d.span.end);
            let location = || ArtifactLocation { uri: &uri, index };
            let fixes = d
                .fixes
                .iter()
                .map(|f| SarifFix {
                    description: message(fix_description(text, d, f)),
                    artifact_changes: [ArtifactChange {
                        artifact_location: location(),
                        replacements: f
                            .edits
                            .iter()
                            .map(|e| Replacement {
                                deleted_region: ByteRegion {
                                    byte_offset: e.span.start,
                                    byte_length: e.span.len(),
                                },
                                inserted_content: Snippet {
                                    text: &e.replacement,
                                },
                            })
                            .collect(),
                    }],
                    properties: FixProperties {
                        applicability: f.applicability.as_str(),
                    },
                })
                .collect();
            let result = SarifResult {
                rule_id: &d.rule,
                rule_index,
                level: level(d.severity),
                message: message(d.message.as_str()),
                locations: [Location {
                    physical_location: PhysicalLocation {
                        artifact_location: location(),
                        region: Some(Region {
                            start_line: start.line,
                            start_column: start.column,
                            end_line: end.line,
                            end_column: end.column,
                            byte_offset: d.span.start,
                            byte_length: d.span.len(),
                            snippet: text
                                .get(d.span.start..d.span.end)
                                .map(|t| Snippet { text: t }),
                        }),
                    },
                }],
                fixes,
                properties: ResultProperties {
                    category: d.category.as_str(),
                    applicability: d.fixes.first().map(|f| f.applicability.as_str()),
                },
            };
            if let Some(results) = self.results.as_mut() {
                results.item(out, &result)?;
            }
        }
        self.artifacts.push(Artifact {
            location: UriOnly { uri },
            length: Some(text.len()),
            properties: Some(ArtifactProperties {
                score: report.score,
            }),
        });
        out.flush()
    }

    fn finish(&mut self, sink: &mut Sink<'_>, run: &RunSummary<'_>) -> io::Result<()> {
        let out = &mut *sink.out;
        self.results(out)?.close(out)?;
        out.write_all(b",\n      \"tool\": ")?;
        let tool = Tool {
            driver: Driver {
                name: "mtlint",
                version: env!("CARGO_PKG_VERSION"),
                semantic_version: env!("CARGO_PKG_VERSION"),
                rules: &self.descriptors,
            },
        };
        write_indented(out, &tool, 6)?;
        out.write_all(b",\n      \"invocations\": ")?;
        let invocations = [Invocation {
            execution_successful: self.notifications.is_empty(),
            tool_execution_notifications: &self.notifications,
        }];
        write_indented(out, &invocations, 6)?;
        if !self.artifacts.is_empty() {
            out.write_all(b",\n      \"artifacts\": ")?;
            write_indented(out, &self.artifacts, 6)?;
        }
        out.write_all(b",\n      \"columnKind\": \"unicodeCodePoints\",\n      \"properties\": ")?;
        let properties = RunProperties {
            summary: run.totals,
            statistics: run.statistics.map(|s| s.sorted()),
        };
        write_indented(out, &properties, 6)?;
        out.write_all(b"\n    }\n  ]\n}\n")?;
        out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(path_to_uri("articles/a-1.md"), "articles/a-1.md");
        assert_eq!(path_to_uri("my file:ä.txt"), "my%20file%3A%C3%A4.txt");
        assert_eq!(path_to_uri("<stdin>"), "%3Cstdin%3E");
        assert_eq!(path_to_uri("dir\\a.txt"), "dir/a.txt");
        assert_eq!(path_to_uri("50%.txt"), "50%25.txt");
    }
}
