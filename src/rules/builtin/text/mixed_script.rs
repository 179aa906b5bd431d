//! `text/mixed-script`: untranslated Chinese, Japanese or Korean text in a letter in another language.

use crate::rules::builtin::{Check, finding};
use crate::diagnostic::Diagnostic;
use crate::document::Span;
use crate::rules::{Context, Rule};

/// Flags each run of CJK characters (with the CJK punctuation inside it) when the letter is not
/// itself written in a CJK language: front matter `language: zh|ja|ko`, or mostly CJK text.
pub struct MixedScript;

fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x4E00..=0x9FFF | 0x3400..=0x4DBF | 0x20000..=0x2A6DF | 0x3040..=0x30FF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF)
}

fn is_cjk_punct(c: char) -> bool {
    matches!(c as u32, 0x3000..=0x303F | 0xFF00..=0xFF0F | 0xFF1A..=0xFF20)
}

impl Check for MixedScript {
    fn check(&self, cx: &Context<'_>, rule: &Rule, out: &mut Vec<Diagnostic>) {
        let doc = &cx.letter.doc;
        let declared = doc.front_matter.as_ref().and_then(|f| f.language.as_deref()).unwrap_or("");
        if ["zh", "ja", "ko"].iter().any(|l| declared.starts_with(l)) {
            return;
        }
        if doc.own_blocks().all(|(_, b)| b.prose.text.is_ascii()) {
            return;
        }
        let (mut cjk, mut letters) = (0usize, 0usize);
        for (_, block) in doc.own_blocks() {
            for c in block.prose.text.chars().filter(|c| c.is_alphabetic()) {
                letters += 1;
                cjk += is_cjk(c) as usize;
            }
        }
        if cjk == 0 || cjk * 2 > letters {
            return;
        }
        let locale = cx.settings.locale();
        for (_, block) in doc.own_blocks() {
            let text = &block.prose.text;
            let mut run: Option<(usize, usize)> = None;
            let mut runs = Vec::new();
            for (i, c) in text.char_indices() {
                if is_cjk(c) || (run.is_some() && is_cjk_punct(c)) {
                    let end = i + c.len_utf8();
                    run = Some(run.map_or((i, end), |(s, _)| (s, end)));
                } else if let Some(r) = run.take() {
                    runs.push(r);
                }
            }
            runs.extend(run);
            for (start, end) in runs {
                let plain = Span::new(start, end);
                let found = &text[start..end];
                let span = block.prose.span_to_source(plain);
                out.push(finding(rule, span, rule.message(locale).replace("{found}", found)));
            }
        }
    }
}
