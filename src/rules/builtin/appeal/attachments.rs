//! `appeal/attachments`: evidence the letter says is attached is listed and exists.

use super::data_patterns;
use crate::diagnostic::Diagnostic;
use crate::document::Span;
use crate::rules::builtin::{Check, finding};
use crate::rules::{Context, Rule};

/// In a letter with front matter: when a sentence refers to attached evidence (`data.patterns`:
/// "see the attached screenshot", "invoice attached") and `attachments:` lists nothing, the first such sentence is
/// flagged. When `attachments:` lists files and the letter's folder is known
/// (`Settings::letter_dir`), each listed file that does not exist beside the letter is flagged
/// where the front matter names it. The rule reads the disk only through `letter_dir`, which the
/// CLI sets; without it (standard input, tests) existence is not checked.
pub struct Attachments;

impl Check for Attachments {
    fn check(&self, cx: &Context<'_>, rule: &Rule, out: &mut Vec<Diagnostic>) {
        let letter = cx.letter;
        let locale = cx.settings.locale();
        // Only letters that keep metadata in front matter follow the convention of listing
        // their attachments; a plain letter pasted from elsewhere is not asked to.
        let Some(fm) = letter.doc.front_matter.as_ref() else {
            return;
        };
        let fm = Some(fm);
        let listed: &[String] = fm.map_or(&[], |f| f.attachments.as_slice());
        if listed.is_empty() {
            let patterns = data_patterns(rule, "patterns");
            let reference = letter.units.iter().find_map(|u| {
                let text = letter.unit_text(u);
                patterns
                    .iter()
                    .find_map(|p| p.find(text))
                    .map(|m| (u, m.as_str().to_string()))
            });
            if let Some((unit, found)) = reference {
                out.push(finding(
                    rule,
                    unit.span,
                    rule.message(locale).replace("{found}", &found),
                ));
            }
            return;
        }
        let (Some(dir), Some(fm)) = (&cx.settings.letter_dir, fm) else {
            return;
        };
        let fm_text = letter.doc.slice(fm.span);
        for name in listed {
            if dir.join(name).exists() {
                continue;
            }
            let span = fm_text.find(name.as_str()).map_or(
                Span::new(fm.span.start as usize, fm.span.start as usize + 3),
                |i| {
                    let start = fm.span.start as usize + i;
                    Span::new(start, start + name.len())
                },
            );
            out.push(finding(
                rule,
                span,
                rule.named_message("not-found", locale)
                    .replace("{found}", name),
            ));
        }
    }
}
