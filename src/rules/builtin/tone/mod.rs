//! Code rules of the `tone/` group: how the letter sounds to its reader. The other tone rules
//! (`tone/blame`, `tone/threat`, `tone/emotive`, `tone/non-apology`) are phrase rules in data.

use super::Check;

mod exclamation;

pub static RULES: &[(&str, &dyn Check)] = &[("tone/exclamation", &exclamation::Exclamation)];
