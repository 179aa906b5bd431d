//! Code rules of the `text/` group: typography and wording of any letter.

use super::Check;

mod confusables;
mod grammar;
mod joined_words;
mod mixed_script;
mod repeated_word;
mod shouting;
mod spacing;
mod spelling;
mod split_word;

pub static RULES: &[(&str, &dyn Check)] = &[
    ("text/grammar", &grammar::Grammar),
    ("text/joined-words", &joined_words::JoinedWords),
    ("text/mixed-script", &mixed_script::MixedScript),
    ("text/repeated-word", &repeated_word::RepeatedWord),
    ("text/shouting", &shouting::Shouting),
    ("text/spacing", &spacing::Spacing),
    ("text/spelling", &spelling::Spelling),
    ("text/split-word", &split_word::SplitWord),
];
