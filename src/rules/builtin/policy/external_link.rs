//! `policy/external-link`: links that send a buyer (or an appeal reviewer) away from the
//! marketplace, and invitations to buy from the seller's own website.

use std::sync::LazyLock;

use regex::Regex;

use crate::diagnostic::Diagnostic;
use crate::document::Span;
use crate::letter::Origin;
use crate::rules::builtin::{Check, finding};
use crate::rules::{Context, Rule};

/// Finds web addresses in the writer's prose and in Markdown link destinations: anything with a
/// scheme, a `www.` prefix or a path, and bare domains whose ending is a common top-level domain
/// (so that `photo.png` or `e.g.` are not addresses). An address is allowed when its host is, or
/// is under, a domain of the letter's marketplace or of a carrier or tracking site (the rule's
/// `marketplaces` and `carriers` options); appeals may also cite the `evidence` domains. Then,
/// separately, phrases that steer the buyer to the seller's own website or social shop.
pub struct ExternalLink;

static ADDRESS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(https?://)?((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,})(:\d+)?(/[^\s)\]>\x22']*)?").expect("regex")
});

/// Top-level domains a bare host (no scheme, `www.` or path) must end with to count as an address.
const BARE_TLDS: &[&str] = &[
    "com", "net", "org", "shop", "store", "online", "site", "me", "io", "co", "biz", "info", "cn",
    "hk", "tw", "ph", "my", "sg", "th", "vn", "id", "in", "uk", "de", "fr", "es", "it", "nl", "pl",
    "ru", "br", "mx", "us", "ca", "au", "jp", "kr", "example",
];

static STEERING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b((buy|order|shop|purchase)( it| them| again| directly| next time| more)*\s+(from|in|at|on|via|through)|visit|find us on|follow us on|come to)\s+(our|my)\s+(own\s+|new\s+|other\s+|official\s+)?(website|web ?site|web ?shop|web ?store|online (shop|store)|facebook|instagram|tiktok|amazon|ebay|etsy|shopee|lazada|temu)( (page|shop|store|account))?\b",
    )
    .expect("regex")
});

/// Paths of a marketplace listing (an item, a product page), as opposed to a shop's front page.
static LISTING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^/(item|dp|gp/product|itm|listing|product|products)/").expect("regex")
});

fn strings<'a>(value: Option<&'a toml::Value>) -> Vec<&'a str> {
    value
        .and_then(|v| v.as_array())
        .map(|a| a.iter().filter_map(|v| v.as_str()).collect())
        .unwrap_or_default()
}

/// True when `host` is `domain` or a subdomain of it (`t.17track.net` under `17track.net`).
fn host_under(host: &str, domain: &str) -> bool {
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    let domain = domain.to_ascii_lowercase();
    host == domain || host.ends_with(&format!(".{domain}"))
}

/// The host of an address written as text, if the text is an address at all.
pub(crate) fn address_host(caps: &regex::Captures<'_>) -> Option<String> {
    let host = caps.get(2)?.as_str().to_ascii_lowercase();
    let has_scheme = caps.get(1).is_some();
    let has_path = caps.get(4).is_some_and(|p| p.as_str().len() > 1);
    let tld = host.rsplit('.').next().unwrap_or("");
    if has_scheme || host.starts_with("www.") || has_path || BARE_TLDS.contains(&tld) {
        Some(host)
    } else {
        None
    }
}

impl Check for ExternalLink {
    fn check(&self, cx: &Context<'_>, rule: &Rule, out: &mut Vec<Diagnostic>) {
        let letter = cx.letter;
        let locale = cx.settings.locale();
        let marketplaces = cx
            .settings
            .option(rule, "marketplaces")
            .and_then(|v| v.as_table());
        let mut allowed: Vec<&str> = strings(cx.settings.option(rule, "carriers"));
        // Every marketplace's domains: when the platform was only guessed from the text, a link
        // to a marketplace counts as allowed only if it points at a listing, not at a shop.
        let mut listing_only: Vec<&str> = Vec::new();
        if let Some(table) = marketplaces {
            let known = matches!(
                letter.platform_origin,
                Origin::FrontMatter | Origin::Config | Origin::Override
            );
            if known && letter.platform != "generic" {
                allowed.extend(strings(table.get(&letter.platform)));
            } else {
                listing_only.extend(table.values().flat_map(|v| strings(Some(v))));
            }
        }
        if letter.kind == crate::letter::Kind::Appeal {
            allowed.extend(strings(cx.settings.option(rule, "evidence")));
        }
        let is_allowed = |host: &str, path: &str| {
            allowed.iter().any(|d| host_under(host, d))
                || (LISTING.is_match(path) && listing_only.iter().any(|d| host_under(host, d)))
        };
        let mut flagged: Vec<Span> = Vec::new();
        let flag = |span: Span, found: &str, out: &mut Vec<Diagnostic>, flagged: &mut Vec<Span>| {
            if flagged.iter().any(|s| s.overlaps(span)) {
                return;
            }
            flagged.push(span);
            out.push(finding(
                rule,
                span,
                rule.message(locale).replace("{found}", found),
            ));
        };
        for (_, block) in letter.doc.own_blocks() {
            let text = &block.prose.text;
            for caps in ADDRESS.captures_iter(text) {
                let whole = caps.get(0).expect("group 0");
                // An e-mail address is `policy/off-platform-contact`'s finding.
                let before = text[..whole.start()].chars().next_back();
                if before.is_some_and(|c| c == '@' || c.is_alphanumeric() || c == '.' || c == '-') {
                    continue;
                }
                let Some(host) = address_host(&caps) else {
                    continue;
                };
                if is_allowed(&host, caps.get(4).map_or("", |p| p.as_str())) {
                    continue;
                }
                let found = whole
                    .as_str()
                    .trim_end_matches(['.', ',', ';', ':', '!', '?']);
                let plain = Span::new(whole.start(), whole.start() + found.len());
                flag(block.prose.span_to_source(plain), found, out, &mut flagged);
            }
            for m in STEERING.find_iter(text) {
                // Naming the letter's own marketplace ("our Amazon store" on Amazon) is fine.
                if m.as_str()
                    .to_ascii_lowercase()
                    .contains(letter.platform.as_str())
                {
                    continue;
                }
                let plain = Span::new(m.start(), m.end());
                let message = rule
                    .named_message("steering", locale)
                    .replace("{found}", m.as_str());
                let span = block.prose.span_to_source(plain);
                if !flagged.iter().any(|s| s.overlaps(span)) {
                    flagged.push(span);
                    out.push(finding(rule, span, message));
                }
            }
        }
        for link in letter.doc.links.iter().filter(|l| !l.quoted) {
            let Some(caps) = ADDRESS.captures(&link.url) else {
                continue;
            };
            let Some(host) = address_host(&caps) else {
                continue;
            };
            if link.url.starts_with("mailto:")
                || is_allowed(&host, caps.get(4).map_or("", |p| p.as_str()))
            {
                continue;
            }
            flag(link.span, &link.url, out, &mut flagged);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_match_on_dot_boundaries() {
        assert!(host_under("t.17track.net", "17track.net"));
        assert!(host_under("17track.net", "17track.net"));
        assert!(!host_under("fake17track.net", "17track.net"));
    }

    #[track_caller]
    fn host(text: &str) -> Option<String> {
        ADDRESS.captures(text).and_then(|c| address_host(&c))
    }

    #[test]
    fn only_addresses_are_addresses() {
        assert_eq!(host("see photo.png"), None);
        assert_eq!(host("e.g. this"), None);
        assert_eq!(host("U.S. buyers"), None);
        assert_eq!(host("shop.example/x").as_deref(), Some("shop.example"));
        assert_eq!(host("www.myshop.biz").as_deref(), Some("www.myshop.biz"));
        assert_eq!(host("mystore.com").as_deref(), Some("mystore.com"));
    }
}
