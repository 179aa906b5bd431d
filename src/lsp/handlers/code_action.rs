//! Code actions: each fix of a diagnostic in the range as a quick-fix (safe fixes preferred),
//! "disable this rule for this line", "add word to dictionary" for spelling findings, and
//! `source.fixAll.letterlint`, which applies every safe fix (for fix-on-save).

use std::collections::HashMap;
use std::path::PathBuf;

use tower_lsp::lsp_types::*;

use super::FIX_ALL_KIND;
use crate::diagnostic;
use crate::document::{LineIndex, Span};
use crate::fix::{Applicability, Fix};
use crate::i18n;
use crate::lsp::{Analysis, convert};

/// The rule whose findings offer "add word to dictionary".
pub const SPELLING_RULE: &str = "text/spelling";

/// The code actions for a range of a document.
pub fn actions(
    analysis: &Analysis,
    params: &CodeActionParams,
    roots: &[PathBuf],
) -> Vec<CodeActionOrCommand> {
    let uri = &params.text_document.uri;
    let locale = analysis.settings.locale();
    let only = params.context.only.as_deref();
    let wanted = |kind: &CodeActionKind| {
        only.is_none_or(|only| {
            only.iter().any(|o| {
                kind.as_str() == o.as_str()
                    || kind.as_str().starts_with(&format!("{}.", o.as_str()))
            })
        })
    };
    let range = analysis.span(params.range);
    let mut out = Vec::new();
    let in_range: Vec<&diagnostic::Diagnostic> = analysis
        .diagnostics
        .iter()
        .filter(|d| touches(d.span, range))
        .collect();
    if wanted(&CodeActionKind::QUICKFIX) {
        for d in &in_range {
            let lsp_diagnostic = super::diagnostics::to_lsp_one(analysis, d);
            for (i, fix) in d.fixes.iter().enumerate() {
                let title = match fix.applicability {
                    Applicability::Safe => fix.title.clone(),
                    Applicability::Unsafe => i18n::format(locale, "lsp", "unsafe-fix", &[("title", &fix.title)]),
                };
                out.push(action(
                    title,
                    CodeActionKind::QUICKFIX,
                    Some(&lsp_diagnostic),
                    edit_of(analysis, uri, fix),
                    i == 0 && fix.applicability == Applicability::Safe,
                ));
            }
            out.push(action(
                i18n::format(locale, "lsp", "disable-line", &[("rule", &d.rule)]),
                CodeActionKind::QUICKFIX,
                Some(&lsp_diagnostic),
                disable_line(analysis, uri, d),
                false,
            ));
        }
        let mut words: Vec<String> = Vec::new();
        let spelling_spans = in_range.iter().filter(|d| d.rule == SPELLING_RULE).map(|d| d.span).chain(
            params.context.diagnostics.iter().filter(|d| matches!(&d.code, Some(NumberOrString::String(c)) if c == SPELLING_RULE)).map(|d| analysis.span(d.range)),
        );
        for span in spelling_spans {
            let word = analysis.text()[span.range()].trim().to_string();
            if word.is_empty()
                || words.contains(&word)
                || analysis.settings.dictionary.contains(&word)
            {
                continue;
            }
            if let Some(edit) = add_word_edit(analysis, uri, roots, &word) {
                out.push(action(
                    i18n::format(locale, "lsp", "add-word", &[("word", &word)]),
                    CodeActionKind::QUICKFIX,
                    None,
                    edit,
                    false,
                ));
            }
            words.push(word);
        }
    }
    let fix_all = CodeActionKind::new(FIX_ALL_KIND);
    if wanted(&fix_all) {
        if let Some(edit) = fix_all_edit(analysis, uri) {
            out.push(action(
                i18n::text(locale, "lsp", "fix-all"),
                fix_all,
                None,
                edit,
                false,
            ));
        }
    }
    out
}

/// A diagnostic is in a range when they overlap, or when an empty range or span touches the other.
fn touches(span: Span, range: Span) -> bool {
    span.overlaps(range)
        || (range.start >= span.start && range.start <= span.end)
        || (span.start >= range.start && span.start <= range.end)
}

fn action(
    title: String,
    kind: CodeActionKind,
    diagnostic: Option<&Diagnostic>,
    edit: WorkspaceEdit,
    preferred: bool,
) -> CodeActionOrCommand {
    CodeActionOrCommand::CodeAction(CodeAction {
        title,
        kind: Some(kind),
        diagnostics: diagnostic.map(|d| vec![d.clone()]),
        edit: Some(edit),
        is_preferred: preferred.then_some(true),
        ..Default::default()
    })
}

fn single_file(uri: &Url, edits: Vec<TextEdit>) -> WorkspaceEdit {
    WorkspaceEdit {
        changes: Some(HashMap::from([(uri.clone(), edits)])),
        ..Default::default()
    }
}

fn edit_of(analysis: &Analysis, uri: &Url, fix: &Fix) -> WorkspaceEdit {
    let edits = fix
        .edits
        .iter()
        .map(|e| TextEdit {
            range: analysis.range(e.span),
            new_text: e.text.clone(),
        })
        .collect();
    single_file(uri, edits)
}

/// Inserts `<!-- letterlint-disable-next-line rule -->` above the diagnostic's line, indented
/// like it.
fn disable_line(analysis: &Analysis, uri: &Url, d: &diagnostic::Diagnostic) -> WorkspaceEdit {
    let doc = &analysis.letter.doc;
    let line = doc.line_of(d.span.start as usize);
    let line_range = doc.line_index.line_range(&doc.text, line);
    let line_text = &doc.text[line_range.clone()];
    let indent: String = line_text
        .chars()
        .take_while(|c| *c == ' ' || *c == '\t')
        .collect();
    let newline = if doc.text[line_range.end..].starts_with("\r\n") {
        "\r\n"
    } else {
        "\n"
    };
    let at = analysis.range(Span::empty(line_range.start)).start;
    let new_text = format!(
        "{indent}<!-- letterlint-disable-next-line {} -->{newline}",
        d.rule
    );
    single_file(
        uri,
        vec![TextEdit {
            range: Range { start: at, end: at },
            new_text,
        }],
    )
}

/// One edit replacing the text with its safe-fixed version, or `None` when nothing changes.
fn fix_all_edit(analysis: &Analysis, uri: &Url) -> Option<WorkspaceEdit> {
    if !analysis.diagnostics.iter().any(|d| {
        d.fixes
            .iter()
            .any(|f| f.applicability == Applicability::Safe)
    }) {
        return None;
    }
    let text = analysis.text();
    let fixed = crate::fix::fix_preserving(text, |t| {
        crate::fix::fix_until_stable(&analysis.profile.registry, t, &analysis.hints, &analysis.settings, false)
    });
    let (fixed, applied) = (fixed.text, fixed.applied);
    if applied == 0 || fixed == text {
        return None;
    }
    // Replace only the changed middle, so the editor keeps the cursor and folds elsewhere.
    let prefix = common_prefix(text, &fixed);
    let suffix = common_suffix(&text[prefix..], &fixed[prefix..]);
    let span = Span::new(prefix, text.len() - suffix);
    Some(single_file(
        uri,
        vec![TextEdit {
            range: analysis.range(span),
            new_text: fixed[prefix..fixed.len() - suffix].to_string(),
        }],
    ))
}

fn common_prefix(a: &str, b: &str) -> usize {
    let n = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
    crate::document::line_index::floor_char_boundary(a, n)
}

fn common_suffix(a: &str, b: &str) -> usize {
    let mut n = a
        .bytes()
        .rev()
        .zip(b.bytes().rev())
        .take_while(|(x, y)| x == y)
        .count();
    while n > 0 && (!a.is_char_boundary(a.len() - n) || !b.is_char_boundary(b.len() - n)) {
        n -= 1;
    }
    n
}

/// The edit adding `word` to the `dictionary` of the document's `letterlint.toml`, creating the
/// file beside the letter (or at the workspace root) when there is none.
fn add_word_edit(
    analysis: &Analysis,
    uri: &Url,
    roots: &[PathBuf],
    word: &str,
) -> Option<WorkspaceEdit> {
    let existing = analysis.profile.loaded.path.clone();
    let target = existing.clone().or_else(|| {
        let dir = uri.to_file_path().ok()?.parent()?.to_path_buf();
        let root = roots.iter().find(|r| dir.starts_with(r)).cloned();
        Some(root.unwrap_or(dir).join(crate::config::FILE_NAME))
    })?;
    let config_uri = Url::from_file_path(&target).ok()?;
    let current = existing
        .as_deref()
        .and_then(|p| std::fs::read_to_string(p).ok());
    match current {
        Some(text) => {
            let edit = dictionary_insert(&text, word);
            let index = LineIndex::new(&text);
            let at = convert::position(&text, &index, edit.0, analysis.encoding);
            Some(single_file(
                &config_uri,
                vec![TextEdit {
                    range: Range { start: at, end: at },
                    new_text: edit.1,
                }],
            ))
        }
        None => new_config(&config_uri, word),
    }
}

fn new_config(config_uri: &Url, word: &str) -> Option<WorkspaceEdit> {
    let create = DocumentChangeOperation::Op(ResourceOp::Create(CreateFile {
        uri: config_uri.clone(),
        options: Some(CreateFileOptions {
            overwrite: Some(false),
            ignore_if_exists: Some(true),
        }),
        annotation_id: None,
    }));
    let at = Position {
        line: 0,
        character: 0,
    };
    let insert = DocumentChangeOperation::Edit(TextDocumentEdit {
        text_document: OptionalVersionedTextDocumentIdentifier {
            uri: config_uri.clone(),
            version: None,
        },
        edits: vec![OneOf::Left(TextEdit {
            range: Range { start: at, end: at },
            new_text: format!("dictionary = [{}]\n", toml_string(word)),
        })],
    });
    Some(WorkspaceEdit {
        document_changes: Some(DocumentChanges::Operations(vec![create, insert])),
        ..Default::default()
    })
}

fn toml_string(word: &str) -> String {
    toml::Value::String(word.to_string()).to_string()
}

/// Where and what to insert in a configuration's text to add `word` to its `dictionary`: into the
/// existing array, or a new `dictionary = [...]` line at the top (before any table).
pub fn dictionary_insert(config: &str, word: &str) -> (usize, String) {
    let quoted = toml_string(word);
    let mut offset = 0;
    for line in config.split_inclusive('\n') {
        let trimmed = line.trim_start();
        if let Some(rest) = trimmed.strip_prefix("dictionary") {
            let rest = rest.trim_start();
            if let Some(after_eq) = rest.strip_prefix('=') {
                if let Some(bracket) = after_eq.find('[') {
                    let at = offset + (line.len() - after_eq.len()) + bracket + 1;
                    let empty = config[at..].trim_start().starts_with(']');
                    return (at, if empty { quoted } else { format!("{quoted}, ") });
                }
            }
        }
        if trimmed.starts_with('[') {
            break;
        }
        offset += line.len();
    }
    (0, format!("dictionary = [{quoted}]\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn insert(config: &str, word: &str) -> String {
        let (at, text) = dictionary_insert(config, word);
        format!("{}{text}{}", &config[..at], &config[at..])
    }

    #[test]
    fn words_join_an_existing_dictionary_or_start_one_above_the_tables() {
        assert_eq!(
            insert("kind = \"appeal\"\ndictionary = [\"Lumora\"]\n", "Zentrik"),
            "kind = \"appeal\"\ndictionary = [\"Zentrik\", \"Lumora\"]\n"
        );
        assert_eq!(
            insert("dictionary = []\n", "Zentrik"),
            "dictionary = [\"Zentrik\"]\n"
        );
        assert_eq!(
            insert(
                "kind = \"reply\"\n[rules]\n\"text/shouting\" = \"off\"\n",
                "Zentrik"
            ),
            "dictionary = [\"Zentrik\"]\nkind = \"reply\"\n[rules]\n\"text/shouting\" = \"off\"\n"
        );
        assert_eq!(
            insert("dictionary = [\n  \"a\",\n]\n", "Café\"x"),
            "dictionary = ['Café\"x', \n  \"a\",\n]\n"
        );
    }

    #[test]
    fn the_changed_middle_respects_character_boundaries() {
        assert_eq!(common_prefix("café!", "cafè!"), 3);
        assert_eq!(common_suffix("é!!", "è!!"), 2);
    }
}
