//! Code rules of the `letter/` group: the letter file itself.

use super::Check;

mod front_matter;

pub static RULES: &[(&str, &dyn Check)] = &[("letter/front-matter", &front_matter::FrontMatterRule)];
