//! Command-line interface. Exit codes: 0 no error-severity finding, 1 at least one, 2 usage,
//! configuration, rule-file or input errors.

mod check;
mod fix;
mod report;
mod rules_cmd;
mod templates;

use clap::{Parser, Subcommand, ValueEnum};

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
    let cli = match Cli::try_parse() {
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
