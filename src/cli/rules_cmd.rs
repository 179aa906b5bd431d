//! `letterlint rules` and `letterlint explain`.

use anyhow::{Result, bail};
use clap::Args;
use serde::Serialize;

use super::Format;
use letterlint::rules::{Registry, Rule};

#[derive(Args)]
pub struct RulesArgs {
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Language of summaries (en, zh-CN).
    #[arg(long)]
    locale: Option<String>,
}

#[derive(Args)]
pub struct ExplainArgs {
    /// The rule id, e.g. `text/placeholder`.
    rule: String,
    /// Language of the explanation (en, zh-CN).
    #[arg(long)]
    locale: Option<String>,
}

#[derive(Serialize)]
struct RuleRow<'a> {
    id: &'a str,
    severity: &'static str,
    kinds: Vec<&'static str>,
    platforms: &'a [String],
    summary: &'a str,
    fix: Option<&'static str>,
    /// The policy versions a rule encodes: one line per platform and reason it keeps data for,
    /// with the source and the date it was checked (`data.requirements` in the rule file).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    policies: Vec<String>,
}

/// The policy versions in a rule's data: `platform reason, reason: source (checked date)`.
fn policies(rule: &Rule) -> Vec<String> {
    let requirements = rule.spec.data.as_ref().and_then(|d| d.get("requirements")).and_then(|v| v.as_array());
    requirements
        .into_iter()
        .flatten()
        .filter_map(|r| {
            let text = |key: &str| r.get(key).and_then(|v| v.as_str()).unwrap_or("");
            let checked = text("checked");
            if checked.is_empty() {
                return None;
            }
            let reasons: Vec<&str> = r.get("reasons").and_then(|v| v.as_array()).into_iter().flatten().filter_map(|v| v.as_str()).collect();
            Some(format!("{} {}: {} (checked {checked})", text("platform"), reasons.join(", "), text("source")))
        })
        .collect()
}

fn kinds(rule: &Rule) -> Vec<&'static str> {
    if rule.spec.kinds.is_empty() { vec!["appeal", "reply"] } else { rule.spec.kinds.iter().map(|k| k.as_str()).collect() }
}

/// `--locale`, else `LETTERLINT_LOCALE`; an unknown one is a usage error.
fn locale(arg: &Option<String>) -> Result<String> {
    let locale = arg.clone().or_else(|| std::env::var(letterlint::i18n::ENV).ok()).unwrap_or_default();
    if locale.is_empty() {
        return Ok(locale);
    }
    match letterlint::i18n::canonical(&locale) {
        Some(known) => Ok(known.to_string()),
        None => bail!("locale `{locale}` is not available; use one of {}", letterlint::LOCALES.join(", ")),
    }
}

pub fn rules(args: RulesArgs) -> Result<i32> {
    let registry = Registry::builtin()?;
    let locale = locale(&args.locale)?;
    let mut rows: Vec<RuleRow> = registry
        .rules
        .iter()
        .map(|r| RuleRow {
            id: r.id(),
            severity: r.spec.severity.as_str(),
            kinds: kinds(r),
            platforms: &r.spec.platforms,
            summary: r.summary(&locale),
            fix: r.spec.fix.as_ref().map(|f| f.applicability.as_str()),
            policies: policies(r),
        })
        .collect();
    rows.sort_by_key(|r| r.id);
    match args.format {
        Format::Json => println!("{}", serde_json::to_string_pretty(&rows)?),
        Format::Human => {
            let width = rows.iter().map(|r| r.id.len()).max().unwrap_or(0);
            for row in &rows {
                println!("{:width$}  {:7}  {:12}  {}", row.id, row.severity, row.kinds.join(","), row.summary);
                for policy in &row.policies {
                    println!("{:width$}  policy: {policy}", "");
                }
            }
        }
    }
    Ok(0)
}

pub fn explain(args: ExplainArgs) -> Result<i32> {
    let registry = Registry::builtin()?;
    let Some(rule) = registry.get(&args.rule) else {
        let close: Vec<&str> = registry.rules.iter().map(|r| r.id()).filter(|id| id.contains(args.rule.trim_matches('/'))).collect();
        if close.is_empty() {
            bail!("no rule is named `{}`; `letterlint rules` lists them", args.rule);
        }
        bail!("no rule is named `{}`; did you mean {}?", args.rule, close.join(", "));
    };
    print!("{}", letterlint::rules::docs::explain(rule, &locale(&args.locale)?));
    Ok(0)
}
