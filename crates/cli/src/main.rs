//! `recap-feed`: checks a Recap feed the way the viewer reads it.
#![forbid(unsafe_code)]

use std::process::ExitCode;

use recap_core::{parse_feed, Severity};

const USAGE: &str = "usage: recap-feed check FEED.json";

fn main() -> ExitCode {
    match try_main(std::env::args().skip(1).collect()) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("recap-feed: {message}");
            ExitCode::from(2)
        }
    }
}

fn try_main(args: Vec<String>) -> Result<ExitCode, String> {
    match args.as_slice() {
        [command, path] if command == "check" => check(path),
        [flag] if flag == "--help" || flag == "-h" => {
            println!("{USAGE}");
            Ok(ExitCode::SUCCESS)
        }
        _ => Err(USAGE.to_owned()),
    }
}

/// Prints every problem as `FILE: PATH: MESSAGE`; fails when an item had to be left out.
fn check(path: &str) -> Result<ExitCode, String> {
    let text = std::fs::read_to_string(path).map_err(|err| format!("{path}: {err}"))?;
    let parsed = parse_feed(&text).map_err(|err| format!("{path}: {err}"))?;
    for problem in &parsed.problems {
        let level = match problem.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        println!("{path}: {level}: {problem}");
    }
    let skipped = parsed.skipped_items();
    println!(
        "{path}: {} events readable, {skipped} left out, {} warnings",
        parsed.feed.items.len(),
        parsed.problems.len() - skipped
    );
    Ok(if skipped == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}
