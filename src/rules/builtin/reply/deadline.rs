//! `reply/deadline`: the platform's response window for the buyer's message is past or near.

use jiff::{SignedDuration, Timestamp};

use crate::diagnostic::Diagnostic;
use crate::rules::builtin::{Check, finding};
use crate::rules::engine::letter_span;
use crate::rules::{Context, Rule};

/// Reads front matter `opened:` (when the buyer's message or ticket arrived, an RFC 3339
/// timestamp), adds the platform's response window (option `window_hours`, per platform) and
/// compares with `Settings::now` (the CLI's `--now`, else the clock). Past the window: the main
/// message; within `near_hours` of it: the `near` message.
pub struct Deadline;

impl Check for Deadline {
    fn check(&self, cx: &Context<'_>, rule: &Rule, out: &mut Vec<Diagnostic>) {
        let letter = cx.letter;
        let Some(opened) = letter
            .doc
            .front_matter
            .as_ref()
            .and_then(|f| f.opened.as_deref())
        else {
            return;
        };
        // A bad timestamp is `letter/front-matter`'s concern; here it only means no deadline.
        let Ok(opened) = opened.trim().parse::<Timestamp>() else {
            return;
        };
        let windows = cx
            .settings
            .option(rule, "window_hours")
            .and_then(|v| v.as_table());
        let hours = windows
            .and_then(|t| t.get(&letter.platform).or_else(|| t.get("generic")))
            .and_then(|v| v.as_integer())
            .unwrap_or(48);
        let near = cx
            .settings
            .option(rule, "near_hours")
            .and_then(|v| v.as_integer())
            .unwrap_or(6);
        let now = cx.settings.now.unwrap_or_else(Timestamp::now);
        let Ok(due) = opened.checked_add(SignedDuration::from_hours(hours)) else {
            return;
        };
        let left = now.duration_until(due);
        let locale = cx.settings.locale();
        let platform = crate::rules::engine::platform_name(&letter.platform);
        let fill = |template: &str, amount: i64| {
            template
                .replace("{hours}", &hours.to_string())
                .replace("{platform}", &platform)
                .replace("{due}", &due.to_string())
                .replace("{left}", &amount.to_string())
        };
        if left.is_negative() {
            let late = (-left).as_hours();
            out.push(finding(
                rule,
                letter_span(letter),
                fill(rule.message(locale), late),
            ));
        } else if left.as_hours() < near {
            let message = fill(rule.named_message("near", locale), left.as_hours());
            out.push(finding(rule, letter_span(letter), message));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::letter::{Hints, Letter};
    use crate::rules::{Registry, Settings};

    #[track_caller]
    fn check(opened: &str, now: &str, expect: usize) {
        let registry = Registry::builtin().unwrap();
        let text = format!(
            "---\nkind: reply\nplatform: wish\nopened: {opened}\n---\nHi Ann,\n\nThanks for your message.\n"
        );
        let letter = Letter::parse(text, &Hints::default());
        let settings = Settings {
            now: now.parse().ok(),
            ..Settings::default()
        };
        let found = crate::rules::check(&registry, &letter, &settings)
            .into_iter()
            .filter(|d| d.rule == "reply/deadline")
            .count();
        assert_eq!(found, expect, "opened {opened} now {now}");
    }

    #[test]
    fn wish_window_is_48_hours() {
        check("2026-01-01T00:00:00Z", "2026-01-01T12:00:00Z", 0);
        check("2026-01-01T00:00:00Z", "2026-01-02T20:00:00Z", 1);
        check("2026-01-01T00:00:00Z", "2026-01-03T01:00:00Z", 1);
        check("not a date", "2026-01-03T01:00:00Z", 0);
    }
}
