//! Code rules of the `phrasing/` group. Every phrasing rule is data today (`rules/phrasing/`):
//! a substitution with a fix and an explanation; this list is where one that needs logic goes.

use super::Check;

pub static RULES: &[(&str, &dyn Check)] = &[];
