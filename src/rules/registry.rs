//! `Registry`: the loaded and compiled rules, built-in and from user rule packs.
//!
//! Invariant: every rule id is unique, matches its file's `group/name` path, and a `check = "code"`
//! rule has an implementation in `builtin::CODE_RULES` (and every implementation has a file).

use std::collections::HashMap;
use std::fmt;
use std::path::Path;
use std::sync::OnceLock;

use regex::{Regex, RegexBuilder, RegexSet, RegexSetBuilder};

use crate::patterns::{Matcher, Prefilter};

use super::builtin::{self, Check};
use super::spec::{CheckKind, RuleSpec};
use crate::embedded;
use crate::letter::{Kind, PartKind};

/// A rule file that could not be loaded: the file, the place in it, the key and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct RuleLoadError {
    pub path: String,
    /// 1-based line and column, 0 when unknown.
    pub line: usize,
    pub column: usize,
    pub key: String,
    pub reason: String,
}

impl fmt::Display for RuleLoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path)?;
        if self.line > 0 {
            write!(f, ":{}:{}", self.line, self.column)?;
        }
        if !self.key.is_empty() {
            write!(f, ": key `{}`", self.key)?;
        }
        write!(f, ": {}", self.reason)
    }
}

/// A pattern of a phrase or substitution rule. The combined `Registry::pattern_set` finds which
/// patterns may match a text, from the literals they need; a pattern's own regex (for the match
/// positions and captures) is compiled the first time the prefilter names it, so start-up does not compile every built-in
/// pattern twice. User patterns are compiled when loaded, to report errors with their place.
#[derive(Debug, Clone)]
pub struct Pattern {
    /// The pattern after `patterns::prepare`.
    source: String,
    case_insensitive: bool,
    regex: OnceLock<Regex>,
    matcher: Matcher,
    pub replacement: Option<String>,
}

impl Pattern {
    fn builder(source: &str, case_insensitive: bool) -> RegexBuilder {
        let mut builder = RegexBuilder::new(source);
        builder.case_insensitive(case_insensitive).size_limit(REGEX_SIZE_LIMIT);
        builder
    }

    /// True when the pattern matches somewhere in `text` (see `Matcher`): much cheaper than
    /// looking for captures when most candidates do not match.
    pub fn is_match(&self, text: &str) -> bool {
        self.matcher.is_match(&self.source, self.case_insensitive, text)
    }

    /// The compiled pattern.
    pub fn regex(&self) -> &Regex {
        self.regex.get_or_init(|| {
            Pattern::builder(&self.source, self.case_insensitive)
                .build()
                .expect("a built-in pattern compiles (checked by the rule tests)")
        })
    }

    /// The pattern as compiled (after `patterns::prepare`).
    pub fn as_str(&self) -> &str {
        &self.source
    }
}

/// A rule ready to run.
pub struct Rule {
    pub spec: RuleSpec,
    /// `built-in` or the path of the user's rule file.
    pub origin: String,
    pub patterns: Vec<Pattern>,
    pub unless: Option<RegexSet>,
    pub parts: Vec<PartKind>,
    pub required_part: Option<PartKind>,
    /// `required-part`: patterns of `data.wrong`, for a part that is present but wrong.
    pub wrong: Vec<Pattern>,
    pub code: Option<&'static dyn Check>,
}

impl fmt::Debug for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Rule").field("id", &self.spec.id).field("origin", &self.origin).finish()
    }
}

impl Rule {
    pub fn id(&self) -> &str {
        &self.spec.id
    }

    /// True when the rule applies to a letter of this kind on this platform.
    pub fn applies_to(&self, kind: Kind, platform: &str) -> bool {
        (self.spec.kinds.is_empty() || self.spec.kinds.contains(&kind))
            && (self.spec.platforms.is_empty() || self.spec.platforms.iter().any(|p| p == platform))
    }

    /// True when the rule reads letters in this language (unknown: yes).
    pub fn reads(&self, language: Option<&str>) -> bool {
        self.spec.languages.is_empty() || language.is_none_or(|l| self.spec.languages.iter().any(|r| r == l))
    }

    /// A text of the rule in `locale`, falling back to English.
    pub fn localized<'a>(&'a self, locale: &str, pick: impl Fn(&'a super::spec::LocaleText) -> Option<&'a String>) -> Option<&'a str> {
        if locale.is_empty() || locale.starts_with("en") {
            return None;
        }
        let locale = crate::i18n::canonical(locale).unwrap_or(locale);
        self.spec.locale.get(locale).and_then(pick).map(String::as_str)
    }

    pub fn message(&self, locale: &str) -> &str {
        self.localized(locale, |l| l.message.as_ref()).unwrap_or(&self.spec.message)
    }

    /// A named extra message of a code rule (`[messages]`), localized; falls back to `message`.
    pub fn named_message(&self, name: &str, locale: &str) -> &str {
        self.localized(locale, |l| l.messages.get(name))
            .or_else(|| self.spec.messages.get(name).map(String::as_str))
            .unwrap_or_else(|| self.message(locale))
    }

    pub fn summary(&self, locale: &str) -> &str {
        self.localized(locale, |l| l.summary.as_ref()).unwrap_or(&self.spec.summary)
    }

    pub fn why(&self, locale: &str) -> &str {
        self.localized(locale, |l| l.why.as_ref()).unwrap_or(&self.spec.why)
    }

    pub fn help(&self, locale: &str) -> Option<&str> {
        self.localized(locale, |l| l.help.as_ref()).or(self.spec.help.as_deref())
    }

    pub fn fix_title(&self, locale: &str) -> Option<&str> {
        self.localized(locale, |l| l.fix_title.as_ref()).or(self.spec.fix.as_ref().map(|f| f.title.as_str()))
    }

    /// A named extra fix title (`[fix.titles]`), localized; falls back to the fix's title.
    pub fn named_fix_title<'a>(&'a self, name: &'a str, locale: &str) -> &'a str {
        self.localized(locale, |l| l.fix_titles.get(name))
            .or_else(|| self.spec.fix.as_ref().and_then(|f| f.titles.get(name)).map(String::as_str))
            .or_else(|| self.fix_title(locale))
            .unwrap_or(name)
    }

    /// Why the fix is safe or not, localized.
    pub fn fix_safety(&self, locale: &str) -> Option<&str> {
        self.localized(locale, |l| l.fix_safety.as_ref()).or(self.spec.fix.as_ref().and_then(|f| f.safety.as_deref()))
    }

    /// The skeleton a `required-part` fix inserts. It is letter text, so it is never translated:
    /// the letter stays in its own language whatever the locale of messages.
    pub fn insert_text(&self, _locale: &str) -> Option<&str> {
        self.spec.insert.as_deref()
    }
}

/// Every loaded rule, plus one combined pattern set so a text is scanned once for all pattern rules.
pub struct Registry {
    pub rules: Vec<Rule>,
    by_id: HashMap<String, usize>,
    /// The literal prefilter of all patterns of all phrase and substitution rules, in rule order.
    pub pattern_set: Prefilter,
    /// For each pattern of `pattern_set`: (rule index, pattern index in the rule).
    pub pattern_owner: Vec<(usize, usize)>,
}

impl fmt::Debug for Registry {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Registry").field("rules", &self.rules.len()).finish()
    }
}

/// Largest compiled size allowed for one user pattern; a bigger one is an error, not a slowdown.
const REGEX_SIZE_LIMIT: usize = 2 * 1024 * 1024;

impl Registry {
    /// The built-in rules embedded in the binary.
    pub fn builtin() -> Result<Registry, RuleLoadError> {
        Registry::load(&[])
    }

    /// The built-in rules plus the rule packs in `packs` (folders of rule files).
    pub fn load(packs: &[&Path]) -> Result<Registry, RuleLoadError> {
        let mut rules = Vec::new();
        for (path, text) in embedded::EMBEDDED.iter() {
            if is_rule_file(path) {
                rules.push(compile(&format!("rules/{path}"), text, "built-in", Some(path))?);
            }
        }
        for pack in packs {
            let mut files = Vec::new();
            collect_toml(pack, &mut files).map_err(|e| RuleLoadError {
                path: pack.display().to_string(),
                line: 0,
                column: 0,
                key: String::new(),
                reason: format!("cannot read the rule pack: {e}"),
            })?;
            files.sort();
            for file in files {
                let shown = file.display().to_string();
                let text = std::fs::read_to_string(&file).map_err(|e| RuleLoadError {
                    path: shown.clone(),
                    line: 0,
                    column: 0,
                    key: String::new(),
                    reason: format!("cannot read the rule file: {e}"),
                })?;
                let rel = file.strip_prefix(pack).ok().map(|p| p.to_string_lossy().replace('\\', "/"));
                rules.push(compile(&shown, &text, &shown, rel.as_deref())?);
            }
        }
        Registry::from_rules(rules)
    }

    fn from_rules(rules: Vec<Rule>) -> Result<Registry, RuleLoadError> {
        let mut by_id = HashMap::new();
        for (i, rule) in rules.iter().enumerate() {
            if let Some(prev) = by_id.insert(rule.spec.id.clone(), i) {
                return Err(RuleLoadError {
                    path: rule.origin.clone(),
                    line: 1,
                    column: 1,
                    key: "id".into(),
                    reason: format!("rule id `{}` is already defined by {}", rule.spec.id, rules[prev].origin),
                });
            }
        }
        for (id, _) in builtin::code_rules() {
            if !by_id.contains_key(id) {
                return Err(RuleLoadError {
                    path: format!("rules/{id}.toml"),
                    line: 0,
                    column: 0,
                    key: String::new(),
                    reason: format!("code rule `{id}` has no rule file"),
                });
            }
        }
        let mut pattern_owner = Vec::new();
        for (rule_idx, rule) in rules.iter().enumerate() {
            for pattern_idx in 0..rule.patterns.len() {
                pattern_owner.push((rule_idx, pattern_idx));
            }
        }
        let pattern_set = Prefilter::new(rules.iter().flat_map(|r| r.patterns.iter().map(|p| (p.as_str(), p.case_insensitive))))
            .map_err(|(i, e)| {
                let (rule_idx, _) = pattern_owner[i];
                RuleLoadError { path: rules[rule_idx].origin.clone(), line: 0, column: 0, key: "patterns".into(), reason: first_line(&e.to_string()).to_string() }
            })?;
        Ok(Registry { rules, by_id, pattern_set, pattern_owner })
    }

    pub fn get(&self, id: &str) -> Option<&Rule> {
        self.by_id.get(id).map(|&i| &self.rules[i])
    }

    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }
}

/// Rule files are `<group>/<name>.toml`; lexicons and templates are data of other kinds.
fn is_rule_file(path: &str) -> bool {
    path.ends_with(".toml") && path.contains('/') && !path.starts_with("lexicons/") && !path.starts_with("templates/") && !path.starts_with("glossary") && !path.starts_with("locales/")
}

fn collect_toml(dir: &Path, out: &mut Vec<std::path::PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        if entry.file_type()?.is_dir() {
            collect_toml(&path, out)?;
        } else if path.is_dir() {
            // A link to a folder is not followed: it may loop, or load the same rules twice.
        } else if path.extension().is_some_and(|e| e == "toml") {
            out.push(path);
        }
    }
    Ok(())
}

/// Parses and compiles one rule file. `rel` is its path relative to the rules folder, checked
/// against the id.
fn compile(path: &str, text: &str, origin: &str, rel: Option<&str>) -> Result<Rule, RuleLoadError> {
    let error = |key: &str, reason: String| {
        let (line, column) = locate_key(text, key);
        RuleLoadError { path: path.to_string(), line, column, key: key.to_string(), reason }
    };
    let spec: RuleSpec = toml::from_str(text).map_err(|e| {
        let (line, column) = e.span().map_or((0, 0), |s| line_col(text, s.start));
        RuleLoadError { path: path.to_string(), line, column, key: String::new(), reason: e.message().trim().to_string() }
    })?;
    let valid_id = spec.id.split_once('/').is_some_and(|(g, n)| is_kebab(g) && is_kebab(n));
    if !valid_id {
        return Err(error("id", format!("rule id `{}` must be `group/name` in lower-case kebab-case", spec.id)));
    }
    if let Some(rel) = rel {
        let expected = rel.trim_end_matches(".toml");
        if expected != spec.id && expected.contains('/') {
            return Err(error("id", format!("rule id `{}` does not match its file `{rel}`", spec.id)));
        }
    }
    // Built-in patterns are compiled on first use (see `Pattern`); the rule tests compile each one.
    let eager = origin != "built-in";
    let compile_one = |key: &str, pattern: &str| -> Result<Pattern, RuleLoadError> {
        let source = crate::patterns::prepare(pattern);
        let regex = OnceLock::new();
        if eager {
            let compiled = Pattern::builder(&source, !spec.case_sensitive)
                .build()
                .map_err(|e| error(key, format!("invalid pattern {pattern:?}: {}", first_line(&e.to_string()))))?;
            let _ = regex.set(compiled);
        }
        Ok(Pattern { source, case_insensitive: !spec.case_sensitive, regex, matcher: Matcher::default(), replacement: None })
    };
    let mut patterns = Vec::new();
    match spec.check {
        CheckKind::Phrase => {
            if spec.patterns.is_empty() {
                return Err(error("patterns", "a `phrase` rule needs at least one pattern".into()));
            }
            for (i, p) in spec.patterns.iter().enumerate() {
                patterns.push(compile_one(&format!("patterns[{i}]"), p)?);
            }
        }
        CheckKind::Substitution => {
            if spec.swap.is_empty() {
                return Err(error("swap", "a `substitution` rule needs a `[swap]` table".into()));
            }
            for (p, replacement) in &spec.swap {
                patterns.push(Pattern { replacement: Some(replacement.clone()), ..compile_one(&format!("swap.{p}"), p)? });
            }
        }
        CheckKind::RequiredPart => {
            if spec.part.is_none() {
                return Err(error("part", "a `required-part` rule needs `part`".into()));
            }
        }
        CheckKind::Code => {}
    }
    let unless = if spec.unless.is_empty() {
        None
    } else {
        Some(
            RegexSetBuilder::new(spec.unless.iter().map(|p| crate::patterns::prepare(p)))
                .case_insensitive(!spec.case_sensitive)
                .size_limit(REGEX_SIZE_LIMIT)
                .build()
                .map_err(|e| error("unless", format!("invalid pattern: {}", first_line(&e.to_string()))))?,
        )
    };
    let mut wrong = Vec::new();
    if spec.check == CheckKind::RequiredPart {
        let listed = spec.data.as_ref().and_then(|d| d.get("wrong")).and_then(|w| w.as_array());
        for (i, p) in listed.into_iter().flatten().enumerate() {
            let key = format!("data.wrong[{i}]");
            let p = p.as_str().ok_or_else(|| error(&key, "a pattern must be a string".into()))?;
            wrong.push(compile_one(&key, p)?);
        }
    }
    let parse_part = |key: &str, name: &str| PartKind::parse(name).ok_or_else(|| error(key, format!("unknown letter part `{name}`")));
    let parts = spec.parts.iter().map(|p| parse_part("parts", p)).collect::<Result<Vec<_>, _>>()?;
    let required_part = spec.part.as_deref().map(|p| parse_part("part", p)).transpose()?;
    for p in spec.insert_after.iter().chain(&spec.insert_before) {
        parse_part("insert_after", p)?;
    }
    for p in &spec.platforms {
        if !crate::letter::PLATFORMS.contains(&p.as_str()) {
            return Err(error("platforms", format!("unknown platform `{p}`")));
        }
    }
    let code = builtin::lookup(&spec.id);
    if spec.check == CheckKind::Code && code.is_none() {
        return Err(error("check", format!("`check = \"code\"` but no code rule is registered as `{}`", spec.id)));
    }
    Ok(Rule { spec, origin: origin.to_string(), patterns, unless, parts, required_part, wrong, code })
}

fn is_kebab(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

fn first_line(s: &str) -> String {
    s.lines().filter(|l| !l.trim().is_empty()).last().unwrap_or(s).trim().to_string()
}

/// 1-based line and column of byte `offset`.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// Where a key (or the first element of an array key like `patterns[2]`) is written.
fn locate_key(text: &str, key: &str) -> (usize, usize) {
    let (base, index) = match key.split_once('[') {
        Some((b, rest)) => (b, rest.trim_end_matches(']').parse::<usize>().ok()),
        None => (key.split('.').next().unwrap_or(key), None),
    };
    // The `swap.<pattern>` keys: find the pattern text itself.
    if let Some(pattern) = key.strip_prefix("swap.") {
        if let Some(pos) = text.find(pattern) {
            return line_col(text, pos);
        }
    }
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        if trimmed.starts_with(base) && trimmed[base.len()..].trim_start().starts_with('=') {
            let start = offset + (line.len() - trimmed.len());
            if let Some(i) = index {
                // Point at the i-th quoted string after the key, if on the same or following lines.
                let rest = &text[start..];
                let mut quotes = rest.match_indices(['\'', '"']).map(|(p, _)| p);
                if let Some(pos) = quotes.nth(i * 2) {
                    return line_col(text, start + pos);
                }
            }
            return line_col(text, start);
        }
        offset += line.len();
    }
    (0, 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load_one(text: &str) -> Result<Rule, RuleLoadError> {
        compile("pack/test/x.toml", text, "pack", Some("test/x.toml"))
    }

    const BASE: &str = "id = \"test/x\"\nsummary = \"s\"\nwhy = \"w\"\nseverity = \"warning\"\ncheck = \"phrase\"\nmessage = \"m\"\n";

    #[test]
    fn builtin_rules_load() {
        let registry = Registry::builtin().expect("built-in rules load");
        assert!(registry.get("text/placeholder").is_some());
    }

    #[test]
    fn an_invalid_regex_names_file_line_and_key() {
        let err = load_one(&format!("{BASE}patterns = [\"ok\",\n  \"(unclosed\"]\n")).unwrap_err();
        assert_eq!(err.key, "patterns[1]");
        assert_eq!(err.line, 8, "{err}");
        assert!(err.to_string().starts_with("pack/test/x.toml:8:"), "{err}");
    }

    #[test]
    fn an_unknown_key_is_an_error_with_its_position() {
        let err = load_one(&format!("{BASE}patterns = [\"x\"]\nseverty = \"error\"\n")).unwrap_err();
        assert_eq!(err.line, 8, "{err}");
        assert!(err.reason.contains("unknown field"), "{err}");
    }

    #[test]
    fn the_id_must_match_the_file() {
        let err = load_one(&BASE.replace("test/x", "test/y")).unwrap_err();
        assert_eq!(err.key, "id");
    }

    #[test]
    fn a_huge_regex_is_refused() {
        let err = load_one(&format!("{BASE}patterns = [\"(\\\\w{{1000}}){{1000}}\"]\n")).unwrap_err();
        assert!(err.reason.contains("invalid pattern"), "{err}");
    }
}
