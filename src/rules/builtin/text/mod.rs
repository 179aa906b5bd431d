//! Code rules of the `text/` group: typography and wording of any letter.

use super::Check;

mod mixed_script;
mod repeated_word;
mod shouting;
mod spacing;

pub static RULES: &[(&str, &dyn Check)] = &[
    ("text/mixed-script", &mixed_script::MixedScript),
    ("text/repeated-word", &repeated_word::RepeatedWord),
    ("text/shouting", &shouting::Shouting),
    ("text/spacing", &spacing::Spacing),
];
