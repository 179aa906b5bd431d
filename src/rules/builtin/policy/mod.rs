//! Code rules of the `policy/` group: marketplace policy that needs more than a phrase pattern.
//! The phrase-based policy rules (`off-platform-contact`, `off-platform-payment`, ...) are data
//! files in `rules/policy/`.

use super::Check;

mod external_link;

pub static RULES: &[(&str, &dyn Check)] = &[("policy/external-link", &external_link::ExternalLink)];
