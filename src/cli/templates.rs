//! `letterlint new` (write a letter from a template) and `letterlint templates` (list them).

use std::collections::BTreeMap;

use anyhow::{Result, bail};
use clap::{Args, ValueEnum};
use serde::Serialize;

use super::Format;
use letterlint::letter::{Kind, PLATFORMS};
use letterlint::templates::{self, Fill, LANGUAGES, Template};

#[derive(Args)]
pub struct NewArgs {
    /// The template id, e.g. `appeal/high-refund-rate` or `reply/shipping-delay`
    /// (`letterlint templates` lists them).
    id: String,
    /// The marketplace the letter is for (default: the template's first platform).
    #[arg(long)]
    platform: Option<String>,
    /// The language of a reply: en, es, fr, de, pt, it, ru (default: en).
    #[arg(long, alias = "lang")]
    language: Option<String>,
    /// A value for a field, e.g. `--set order_id=5f1a2b3c4d5e6f708192a3b4` (repeatable).
    #[arg(long = "set", value_name = "FIELD=VALUE")]
    set: Vec<String>,
    /// Fill the fields left without a value with sample values (to read or test the template,
    /// not to send); otherwise they are written as `[label]`.
    #[arg(long)]
    sample: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum KindArg {
    Appeal,
    Reply,
}

#[derive(Args)]
pub struct TemplatesArgs {
    /// Only templates of this kind.
    #[arg(long, value_enum)]
    kind: Option<KindArg>,
    /// Only templates for this marketplace.
    #[arg(long)]
    platform: Option<String>,
    /// Output format: human (default) or json.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Language of titles (en, zh-CN).
    #[arg(long)]
    locale: Option<String>,
}

/// `new`: prints the letter; an unknown id or language is a usage error (exit 2).
pub fn new(args: NewArgs) -> Result<i32> {
    let all = templates::builtin();
    let language = args.language.as_deref().map(str::to_ascii_lowercase);
    if let Some(language) = &language
        && !LANGUAGES.contains(&language.as_str())
    {
        bail!(
            "`--language {language}` is not a template language; use one of {}",
            LANGUAGES.join(", ")
        );
    }
    let Some(template) = templates::find(all, &args.id, language.as_deref()) else {
        let languages: Vec<&str> = all
            .iter()
            .filter(|t| t.id == args.id)
            .map(|t| t.language.as_str())
            .collect();
        if !languages.is_empty() {
            bail!(
                "`{}` has no {} version; it is written in {}",
                args.id,
                language.as_deref().unwrap_or("en"),
                languages.join(", ")
            );
        }
        let close = templates::close_ids(all, &args.id);
        let mut ids: Vec<&str> = all.iter().map(|t| t.id.as_str()).collect();
        ids.dedup();
        let list = if close.is_empty() {
            ids.join(", ")
        } else {
            close.join(", ")
        };
        let lead = if close.is_empty() {
            "the templates are"
        } else {
            "did you mean"
        };
        bail!("no template `{}`; {lead}: {list}", args.id);
    };
    let platform = match &args.platform {
        Some(p) => {
            let p = p.to_ascii_lowercase();
            if !PLATFORMS.contains(&p.as_str()) {
                bail!(
                    "`--platform {p}` is not a known marketplace; use one of {}",
                    PLATFORMS.join(", ")
                );
            }
            if !template.fits_platform(&p) {
                bail!(
                    "`{}` is written for {}, not {p}",
                    template.id,
                    template.platforms.join(", ")
                );
            }
            p
        }
        None => template.default_platform().to_string(),
    };
    let mut values = BTreeMap::new();
    for pair in &args.set {
        let Some((field, value)) = pair.split_once('=') else {
            bail!("`--set {pair}` needs the form FIELD=VALUE");
        };
        let field = field.trim();
        if !template.fields().iter().any(|f| f == field) {
            bail!(
                "`{}` has no field `{field}`; its fields are {}",
                template.id,
                template.fields().join(", ")
            );
        }
        values.insert(field.to_string(), value.to_string());
    }
    let fill = if args.sample {
        Fill::Samples
    } else {
        Fill::Labels
    };
    print!("{}", template.render(&platform, &values, fill));
    Ok(0)
}

#[derive(Serialize)]
struct Row<'a> {
    id: &'a str,
    kind: &'static str,
    platforms: &'a [String],
    reason: &'a str,
    languages: Vec<&'a str>,
    title: &'a str,
    description: &'a str,
    /// The files, relative to the repository: `rules/templates/...`.
    files: Vec<String>,
}

/// `templates`: one row per id, with the languages it is written in.
pub fn list(args: TemplatesArgs) -> Result<i32> {
    let locale = args.locale.as_deref().unwrap_or("en");
    let kind = args.kind.map(|k| match k {
        KindArg::Appeal => Kind::Appeal,
        KindArg::Reply => Kind::Reply,
    });
    let selected = templates::matching(
        templates::builtin(),
        kind,
        args.platform.as_deref(),
        None,
        None,
    );
    let mut rows: Vec<Row<'_>> = Vec::new();
    for t in selected {
        if let Some(row) = rows.iter_mut().find(|r| r.id == t.id) {
            row.languages.push(&t.language);
            row.files.push(format!("rules/{}", t.path));
            // The row is titled after the English template.
            if t.language == "en" {
                row.title = t.title_in(locale);
                row.description = t.description_in(locale);
            }
            continue;
        }
        rows.push(row(t, locale));
    }
    for row in &mut rows {
        row.languages
            .sort_by_key(|l| LANGUAGES.iter().position(|k| k == l).unwrap_or(usize::MAX));
    }
    match args.format {
        Format::Json => println!(
            "{}",
            serde_json::to_string_pretty(&serde_json::json!({"version": 1, "templates": rows}))?
        ),
        Format::Human => {
            for r in &rows {
                let platforms = if r.platforms.is_empty() {
                    "any".to_string()
                } else {
                    r.platforms.join(",")
                };
                println!(
                    "{:<32} {:<7} {:<10} {:<17} {}",
                    r.id,
                    r.kind,
                    platforms,
                    r.languages.join(","),
                    r.title
                );
            }
        }
    }
    Ok(0)
}

fn row<'a>(t: &'a Template, locale: &str) -> Row<'a> {
    Row {
        id: &t.id,
        kind: t.kind.as_str(),
        platforms: &t.platforms,
        reason: &t.reason,
        languages: vec![&t.language],
        title: t.title_in(locale),
        description: t.description_in(locale),
        files: vec![format!("rules/{}", t.path)],
    }
}
