//! The `letterlint` command: check, rules, explain.

mod cli;

fn main() {
    restore_sigpipe();
    std::process::exit(cli::run());
}

/// `letterlint check ... | head` ends quietly when `head` stops reading, as other command-line
/// tools do: Rust ignores SIGPIPE, so printing to a closed pipe would panic instead.
#[cfg(unix)]
fn restore_sigpipe() {
    // SAFETY: called first thing in `main`, before any other thread exists; SIG_DFL is a valid
    // disposition for SIGPIPE.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

#[cfg(not(unix))]
fn restore_sigpipe() {}
