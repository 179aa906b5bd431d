//! The help text of the command line in the selected locale. The English text is the one clap
//! derives from the doc comments; other locales override every `about` and `help` from the
//! `[cli]` table of `rules/locales/<locale>.toml`, keyed `command` and `command.arg` (`check`,
//! `check.format`; the root command is `letterlint`). Flags and values stay in English.

use clap::Command;
use letterlint::i18n;

/// `command` (built) with its texts in `locale`; unchanged for English.
pub fn localize(mut command: Command, locale: &str) -> Command {
    if i18n::canonical(locale) != Some("zh-CN") {
        return command;
    }
    let locale = "zh-CN";
    command.build();
    apply(command, locale, "letterlint")
}

fn text(locale: &str, key: &str) -> Option<String> {
    i18n::strings(locale).get("cli").and_then(|t| t.get(key)).cloned()
}

fn apply(mut command: Command, locale: &str, key: &str) -> Command {
    // Headings must be `'static`; they are a few short strings, made once per run.
    let ui = |k: &str| -> &'static str { Box::leak(i18n::text(locale, "cli-ui", k).into_boxed_str()) };
    if let Some(about) = text(locale, key) {
        command = command.about(about.clone()).long_about(None::<&str>);
    }
    command = command
        .help_template(format!("{{before-help}}{{about-with-newline}}\n{}{{usage}}\n\n{{all-args}}{{after-help}}", ui("usage")))
        .subcommand_help_heading(ui("commands"));
    let ids: Vec<(String, bool)> = command.get_arguments().map(|a| (a.get_id().to_string(), a.is_positional())).collect();
    for (id, positional) in ids {
        let help = match id.as_str() {
            "help" | "version" => Some(ui(&id).to_string()),
            _ => text(locale, &format!("{key}.{id}")),
        };
        let heading = if positional { ui("arguments") } else { ui("options") };
        command = command.mut_arg(&id, |arg| {
            let arg = arg.help_heading(heading).hide_possible_values(true);
            match help {
                Some(help) => arg.help(help).long_help(None::<&str>).hide_default_value(true),
                None => arg,
            }
        });
    }
    let names: Vec<String> = command.get_subcommands().map(|s| s.get_name().to_string()).collect();
    for name in names {
        let sub_key = if name == "help" { "help".to_string() } else { name.clone() };
        command = command.mut_subcommand(&name, |sub| {
            let sub = if name == "help" { sub.about(ui("help-command")) } else { sub };
            apply(sub, locale, &sub_key)
        });
    }
    command
}

/// Every text the command line shows, as `(key, english)`, for the coverage test.
#[cfg(test)]
pub fn keys(command: &Command, key: &str, out: &mut Vec<(String, String)>) {
    if let Some(about) = command.get_about() {
        out.push((key.to_string(), about.to_string()));
    }
    for arg in command.get_arguments() {
        let id = arg.get_id().as_str();
        if matches!(id, "help" | "version") {
            continue;
        }
        out.push((format!("{key}.{id}"), arg.get_help().map(ToString::to_string).unwrap_or_default()));
    }
    for sub in command.get_subcommands() {
        if sub.get_name() != "help" {
            keys(sub, sub.get_name(), out);
        }
    }
}
