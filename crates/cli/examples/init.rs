//! `cargo run -p recap-feed --example init -- SITE [--script URL] [--dry-run]`: sets Recap up
//! in a site, as the command line's `init` does (the host-site tests call it).

use std::path::PathBuf;
use std::process::ExitCode;

use recap_feed::init::{init, InitOptions};

fn main() -> ExitCode {
    let mut site = None;
    let mut options = InitOptions::default();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--dry-run" => options.dry_run = true,
            "--script" => options.script = args.next(),
            _ => site = Some(PathBuf::from(arg)),
        }
    }
    let Some(site) = site else {
        eprintln!("usage: init SITE [--script URL] [--dry-run]");
        return ExitCode::from(2);
    };
    match init(&site, &options) {
        Ok(report) => {
            print!("{report}");
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("error: {err}");
            ExitCode::FAILURE
        }
    }
}
