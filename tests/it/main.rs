//! The integration tests, as one test binary: each module was its own binary before, and each
//! binary links the whole of letterlint with harper (~70 MB apiece), which cost CI minutes of
//! linking and gigabytes of disk. Run one group with `cargo test --test it <module>::`, e.g.
//! `cargo test --test it lsp_server::`.

mod common;

mod appeal_letters;
mod cli;
mod cli_ci;
mod hostile_cli;
mod hostile_lsp;
mod lint_fixtures;
mod locale;
mod lsp_server;
mod policy_languages;
mod properties;
mod reply_letters;
mod report;
mod rules_data;
mod rules_docs;
mod templates;
