//! The `saring` command. All behaviour lives in [`saring::cli`].

#[cfg(not(target_arch = "wasm32"))]
use std::io::{IsTerminal, Write};

/// The command line exists natively only; the wasm build of the crate is the library.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let stdin = std::io::stdin();
    let mut stdin = stdin.lock();
    let stdout = std::io::stdout();
    let color = stdout.is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let mut stdout = std::io::BufWriter::new(stdout.lock());
    let mut stderr = std::io::stderr();
    let code = saring::cli::run(
        &args,
        &mut saring::cli::Io {
            stdin: &mut stdin,
            stdout: &mut stdout,
            stderr: &mut stderr,
            color,
        },
    );
    let _ = stdout.flush();
    std::process::exit(code);
}
