//! The `letterlint` command: check, rules, explain.

mod cli;

fn main() {
    std::process::exit(cli::run());
}
