//! Command-line interface. Exit codes: 0 no error-severity finding, 1 at least one, 2 usage,
//! configuration, rule-file or input errors.

mod check;
mod fix;
mod help_locale;
mod letters;
mod report;
mod rules_cmd;
mod templates;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

#[derive(Parser)]
#[command(name = "letterlint", version, about = "Lints business letters written in Markdown: marketplace appeals and replies to buyers.")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check letters (files, folders, or `-` for standard input).
    Check(Box<check::CheckArgs>),
    /// List every rule with its id, severity, letter kinds and summary.
    Rules(rules_cmd::RulesArgs),
    /// Print a rule's documentation and examples.
    Explain(rules_cmd::ExplainArgs),
    /// Write the class report of a folder of letters: an HTML page (--html) or JSON.
    Report(report::ReportArgs),
    /// Run the language server on standard input and output (for editors).
    Lsp,
    /// Write a new letter from a template, e.g. `new appeal/high-refund-rate --platform wish`.
    New(templates::NewArgs),
    /// List the letter templates (`new` writes them).
    Templates(templates::TemplatesArgs),
}

/// Output formats of `rules` (`check` has more: `check::CheckFormat`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Human,
    Json,
}

pub fn run() -> i32 {
    let argv: Vec<String> = std::env::args().collect();
    let command = help_locale::localize(Cli::command(), &letterlint::i18n::requested(&argv));
    let parsed = command.try_get_matches_from(&argv).and_then(|m| Cli::from_arg_matches(&m));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(err) => {
            let code = if err.use_stderr() { 2 } else { 0 };
            let _ = err.print();
            return code;
        }
    };
    let result = match cli.command {
        Command::Check(args) => check::run(*args),
        Command::Rules(args) => rules_cmd::rules(args),
        Command::Explain(args) => rules_cmd::explain(args),
        Command::Report(args) => report::run(args),
        Command::Lsp => letterlint::lsp::run(),
        Command::New(args) => templates::new(args),
        Command::Templates(args) => templates::list(args),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            eprintln!("letterlint: {err:#}");
            2
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_command_line_text_has_a_chinese_translation() {
        let mut command = Cli::command();
        command.build();
        let mut keys = Vec::new();
        help_locale::keys(&command, "letterlint", &mut keys);
        assert!(keys.len() > 20, "{keys:?}");
        let zh = letterlint::i18n::strings("zh-CN").get("cli").cloned().unwrap_or_default();
        let missing: Vec<&str> = keys.iter().filter(|(k, _)| !zh.get(k).is_some_and(|t| letterlint::i18n::has_chinese(t))).map(|(k, _)| k.as_str()).collect();
        assert!(missing.is_empty(), "rules/locales/zh-CN.toml [cli] lacks: {missing:?}");
        let stale: Vec<&String> = zh.keys().filter(|k| !keys.iter().any(|(key, _)| key == *k)).collect();
        assert!(stale.is_empty(), "rules/locales/zh-CN.toml [cli] has keys for no command or argument: {stale:?}");
    }

    #[test]
    fn chinese_help_keeps_the_english_flags() {
        let mut command = help_locale::localize(Cli::command(), "zh-CN");
        let help = command.find_subcommand_mut("check").unwrap().render_help().to_string();
        assert!(help.contains("--locale") && help.contains("--format") && help.contains("检查"), "{help}");
        assert!(!help.contains("Output format"), "{help}");
    }
}
