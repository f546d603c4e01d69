//! `recap-feed`: a Jekyll site's posts → a Recap JSON Feed, feed checks, and pre-rendered pages.
#![forbid(unsafe_code)]

use std::num::NonZeroUsize;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, CommandFactory, Parser, Subcommand};
use recap_core::Severity;
use recap_feed::build::{build, settings_of_post, to_item, Options, Output, TalkSource};
use recap_feed::check::{check_feed, check_item, talk_table, Finding};
use recap_feed::config::{parse_key, Field, Selection};
use recap_feed::paginate::{paginate, write_paginated};
use recap_feed::post::read_post;
use recap_feed::suggest::{cue_notes, doubts, talks_yaml};

const ABOUT: &str = "Recap feeds: a Jekyll site's posts to a JSON Feed with talks and times, feed checks, pre-rendered pages, and Recap set up in a Jekyll, Hugo or Eleventy site.";

const LONG_ABOUT: &str = "\
Recap feeds: a Jekyll site's posts to a JSON Feed 1.1 with talks, times and takeaways, feed \
checks, pre-rendered pages, and Recap set up in a Jekyll, Hugo or Eleventy site (init).

Exit status: 0 when all went well; 1 when posts or talks could not be read and were left out \
(or, with check, when a feed has errors); 2 for a usage error, or when nothing could be done.";

const BUILD_ABOUT: &str = "Read a Jekyll site's posts and write a JSON Feed 1.1 with each event's talks, times and takeaways";

const BUILD_LONG: &str = "\
Reads a Jekyll site's posts and writes a JSON Feed 1.1 with talks, times and takeaways in each \
item's _recap (a post's own `talks:` list replaces what is extracted).

SITE is the site's root (a folder with _config.yml, _config.yaml or _posts in it; its _posts \
folders are found, CATEGORY/_posts too) or a _posts folder (the _config.yml beside it is read). \
The feed's title, description, home page, time zone, permalink style and `future` come from \
_config.yml, each overridden by its flag; a `recap:` section there renames front-matter keys \
(`keys: { video: youtube }`) and chooses which posts are recaps (`tags:`, `categories:`, \
`folders:`).

Posts with `published: false` are left out, and so are posts dated after now unless the site \
sets `future: true` (or --future); so are posts that are not recaps, when the site chooses \
them. The summary line counts each.

Each event's id is YYYY-MM-DD-slug: the post's date (front matter `date` in the site's time \
zone, else the file name's) and slug (front matter `slug`, else the file name's).

A post, or an entry of a `talks:` list, that cannot be read is reported with its file and line. \
By default (--keep-going) it is left out, the rest is written and the exit status is 1, so that \
a deploy notices; with --strict nothing is written and the exit status is 1.

With --page-size N, FEED holds the newest N events and names the next page (FEED-2.json, \
FEED-3.json …) in next_url, FEED-index.json beside it is the search index of every event and \
FEED-people.json the people's index (every talk with its moment and takeaways, for the speakers' \
pages); pages an earlier build left beyond the last are removed.";

const CHECK_ABOUT: &str = "Report what a reader would miss in a feed or a site's posts";

const CHECK_LONG: &str = "\
Reports what a reader would miss: items or posts that cannot be read (errors, exit status 1), \
talks without a time, videos that cannot be played, a next meetup without a link (warnings). \
PATH is a feed file, a site's root or a _posts folder; posts are read as build reads them (the \
site's settings, --key, the choice of recaps).

With --talks, it lists per post the talks found instead: start, title, speakers, and whether \
the post's own `talks:` list gave them or the extractor did; under an extracted post's table, a \
`?` line for each thing to check (no title, a title that reads as a sentence, no speaker, an \
organisation the post gives elsewhere, no start, a time link with no talk), a `·` line for a \
talk whose title or speakers came from a weaker cue (a title told only by its place before the \
time, a first name matched to the roster), and at the end how many talks to check.

With --talks --suggest POST, for one post file, it prints the extracted talks as a `talks:` \
list to paste into the post's front matter, each thing to check a `# check:` comment.";

const PAGES_ABOUT: &str =
    "Pre-render a built site: the list's first screen and a page for every event";

const PAGES_LONG: &str = "\
Pre-renders a built site (trunk build): DIR/index.html, the template, gets the list's first \
screen, and every event gets DIR/events/<id>/index.html, readable without JavaScript, with its \
own title, description, Open Graph tags and JSON-LD for search engines: the event, its recording \
and each talk's moment in it. With --site-url, the site's public address, the pages get \
canonical and og:url/og:image, the JSON-LD absolute addresses, and DIR gets sitemap.xml (every \
page) and robots.txt (which crawlers read at a host's root only). The app takes these pages over \
and still fetches the feed. Every speaker gets DIR/speakers/<name>/index.html with their talks \
across events (spellings of one name are one person), every organisation \
DIR/organisations/<name>/index.html, and both have an index: plain pages, without the app, \
listed in the sitemap too. The pages of \
a paginated feed beside FEED (FEED-2.json …, through next_url) are read too.

With --lang de or fr, the pages are written in German or French, and say so in <html lang>, \
which the app then follows.

With --base PATH, for a site served under a path such as /recap/, DIR is first rebased to it, as \
recap-feed rebase does; run on the site as built (the release's site/ copied where it is served).";

const REBASE_ABOUT: &str =
    "Make a built site work under a sub-path such as /recap/, as if built for it";

const REBASE_LONG: &str = "\
Rewrites a built site (the release's site/, built for /) so that it works when served under \
PATH, such as /recap/, as trunk build --public-url PATH would have built it: the base of the \
app's links (<base href>) and every absolute reference to the site's own files in index.html, \
404.html and the boot script, with the boot script renamed after its new content, its integrity \
updated where it is given, and the offline worker's (sw.js) list of files to match.

A site already built for PATH is left as it is; one built for another path is moved from it. \
Pre-rendered pages are written for a base, so rebase first, then run pages (or pages --base).";

const INIT_ABOUT: &str =
    "Set Recap up in a Jekyll, Hugo or Eleventy site: the feed template, a recaps page, the post include";

const INIT_LONG: &str = "\
Sets Recap up in an existing site. It tells a Jekyll site (_config.yml), a Hugo site (hugo.toml, \
config.toml …) or an Eleventy site (eleventy.config.js, .eleventy.js …) by its configuration \
file, and adds the generator's feed template (the site then writes /feed.json on every build), a \
recaps page with the list embedded (/recaps/), and an include for the post layout that embeds \
each post's event with the post as its fallback. Then it prints what to set: the site's URL, \
where the release's site/ folder is served, the line to put in the post layout, and how to \
choose which posts are recaps.

It never overwrites: a file that is already there with the same content is left as it is, one \
with other content is left alone and reported (exit status 1). Running it twice changes nothing.";

#[derive(Debug, Parser)]
#[command(
    name = "recap-feed",
    version,
    about = ABOUT,
    long_about = LONG_ABOUT,
    propagate_version = true,
    arg_required_else_help = true,
    disable_help_subcommand = true
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    #[command(about = BUILD_ABOUT, long_about = BUILD_LONG)]
    Build(BuildArgs),
    #[command(about = CHECK_ABOUT, long_about = CHECK_LONG)]
    Check(CheckArgs),
    #[command(about = PAGES_ABOUT, long_about = PAGES_LONG)]
    Pages(PagesArgs),
    #[command(about = REBASE_ABOUT, long_about = REBASE_LONG)]
    Rebase(RebaseArgs),
    #[command(about = INIT_ABOUT, long_about = INIT_LONG)]
    Init(InitArgs),
    /// Print this help, or a subcommand's (as COMMAND --help does)
    Help {
        /// The subcommand
        #[arg(value_name = "COMMAND")]
        command: Option<String>,
    },
    /// Print a shell completion script
    #[command(
        long_about = "Prints a completion script for SHELL on standard output, for example:\n  recap-feed completions bash > ~/.local/share/bash-completion/completions/recap-feed\n  recap-feed completions zsh > ~/.zfunc/_recap-feed\n  recap-feed completions fish > ~/.config/fish/completions/recap-feed.fish"
    )]
    Completions {
        /// The shell
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
}

/// `init`'s arguments.
#[derive(Debug, Args)]
struct InitArgs {
    /// The site's root folder
    #[arg(value_name = "SITE")]
    site: PathBuf,
    /// Where the viewer's embed.js is served, written into the files as the default [default: /recap/embed.js]
    #[arg(long, value_name = "URL")]
    script: Option<String>,
    /// Say what would be added, and write nothing
    #[arg(long)]
    dry_run: bool,
}

/// How posts are read, shared by build and check.
#[derive(Debug, Args)]
struct ReadArgs {
    /// Read front-matter key NAME for FIELD (repeatable), e.g. video=youtube; over _config.yml's recap.keys
    #[arg(long = "key", value_name = "FIELD=NAME", value_parser = parse_key,
          long_help = key_help())]
    keys: Vec<(Field, String)>,
    /// Posts with this tag are recaps (repeatable; any one of --tag, --category, --folder chooses)
    #[arg(long = "tag", value_name = "TAG")]
    tags: Vec<String>,
    /// Posts in this category are recaps (front matter categories/category, or CATEGORY/_posts)
    #[arg(long = "category", value_name = "CATEGORY")]
    categories: Vec<String>,
    /// Posts in this folder are recaps (a folder inside _posts, or above it as in FOLDER/_posts)
    #[arg(long = "folder", value_name = "FOLDER")]
    folders: Vec<String>,
    /// The site's time zone, an IANA name such as Europe/London, for dates written without an offset [default: _config.yml's timezone, else UTC]
    #[arg(long, value_name = "ZONE")]
    timezone: Option<String>,
    /// Publish posts dated after now [default: _config.yml's future, else no]
    #[arg(long)]
    future: bool,
}

fn key_help() -> String {
    format!(
        "Read the front matter's key NAME for FIELD (repeatable), e.g. --key video=youtube --key location=venue; over _config.yml's `recap: {{ keys: {{ video: youtube }} }}`. FIELD is one of: {}. A renamed video holding only a YouTube video id is read as that video",
        Field::names()
    )
}

impl ReadArgs {
    fn options(&self) -> Options {
        Options {
            timezone: self.timezone.clone(),
            future: self.future,
            keys: self.keys.clone(),
            selection: Selection {
                tags: self.tags.clone(),
                categories: self.categories.clone(),
                folders: self.folders.clone(),
            },
            ..Options::default()
        }
    }
}

#[derive(Debug, Args)]
struct BuildArgs {
    /// The site's root (with _config.yml or _posts), or its _posts folder
    #[arg(value_name = "SITE")]
    site: PathBuf,
    /// Where to write the feed
    #[arg(short, long, value_name = "FEED")]
    out: PathBuf,
    /// The feed's title [default: _config.yml's title, else the site folder's name]
    #[arg(long)]
    title: Option<String>,
    /// The feed's description [default: _config.yml's description]
    #[arg(long)]
    description: Option<String>,
    /// The site's public address, url + baseurl, for item URLs [default: _config.yml's url + baseurl]
    #[arg(long, value_name = "URL", visible_alias = "home-page-url")]
    site_url: Option<String>,
    /// Where the feed will be served [default: the site's address + FEED's file name]
    #[arg(long, value_name = "URL")]
    feed_url: Option<String>,
    /// The permalink style: date, pretty, ordinal, none or a template such as /:year/:title/ [default: _config.yml's permalink, else date]
    #[arg(long, value_name = "STYLE")]
    permalink: Option<String>,
    /// Indent the JSON
    #[arg(long)]
    pretty: bool,
    /// Split the feed into pages of N events, with a search index of every event
    #[arg(long, value_name = "N", value_parser = parse_page_size, allow_negative_numbers = true)]
    page_size: Option<NonZeroUsize>,
    /// Report a post that cannot be read, leave it out and write the rest; exit status 1 (the default)
    #[arg(long, conflicts_with = "strict")]
    keep_going: bool,
    /// Write nothing when any post (or talk of a `talks:` list) cannot be read; exit status 1
    #[arg(long)]
    strict: bool,
    #[command(flatten)]
    read: ReadArgs,
}

#[derive(Debug, Args)]
struct CheckArgs {
    /// A feed file, a site's root or a _posts folder (with --suggest: one post file)
    #[arg(value_name = "PATH")]
    path: PathBuf,
    /// List each post's talks instead: start, title, speakers, where they came from
    #[arg(long)]
    talks: bool,
    /// With --talks, for one post: print the extracted talks as a `talks:` list to paste
    #[arg(long, requires = "talks")]
    suggest: bool,
    #[command(flatten)]
    read: ReadArgs,
}

#[derive(Debug, Args)]
struct PagesArgs {
    /// The built feed (its first page, when paginated)
    #[arg(value_name = "FEED")]
    feed: PathBuf,
    /// The built site's folder (trunk build's dist), with index.html
    #[arg(long, value_name = "DIR")]
    dist: PathBuf,
    /// The site's public address, for canonical links, Open Graph tags, sitemap.xml and robots.txt
    #[arg(long, value_name = "URL")]
    site_url: Option<String>,
    /// The path DIR is served at, such as /recap/, when it was built for another: it is rebased first
    #[arg(long, value_name = "PATH")]
    base: Option<String>,
    /// The pages' language: en, de or fr (a tag such as de-AT names its language)
    #[arg(long, value_name = "LANG", default_value = "en", value_parser = parse_lang)]
    lang: recap_core::i18n::Lang,
}

/// A language the pages can be written in, from its tag.
fn parse_lang(tag: &str) -> Result<recap_core::i18n::Lang, String> {
    recap_core::i18n::Lang::known(tag).ok_or_else(|| format!("no texts in {tag:?}: en, de or fr"))
}

#[derive(Debug, Args)]
struct RebaseArgs {
    /// The built site's folder (the release's site/, or trunk build's dist), with index.html
    #[arg(value_name = "DIR")]
    dist: PathBuf,
    /// The path the site is served at, such as /recap/
    #[arg(long, value_name = "PATH")]
    base: String,
}

/// `help [COMMAND]`: the help of the program or of one subcommand, as `[COMMAND] --help` prints it.
fn run_help(command: Option<&str>) -> Result<ExitCode, String> {
    let args = ["recap-feed"].into_iter().chain(command).chain(["--help"]);
    match Cli::command().try_get_matches_from(args) {
        Err(err) if err.kind() == clap::error::ErrorKind::DisplayHelp => {
            // Printed as clap prints it; a closed pipe (`| head`) is not an error here.
            let _ = err.print();
            Ok(ExitCode::SUCCESS)
        }
        _ => Err(format!(
            "no subcommand {:?}; see recap-feed --help",
            command.unwrap_or_default()
        )),
    }
}

fn run_init(args: &InitArgs) -> Result<ExitCode, String> {
    let options = recap_feed::init::InitOptions {
        script: args.script.clone(),
        dry_run: args.dry_run,
    };
    let report = recap_feed::init::init(&args.site, &options).map_err(|e| e.to_string())?;
    print!("{report}");
    Ok(if report.has_conflicts() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Build(args) => run_build(&args),
        Command::Check(args) => {
            let options = args.read.options();
            match (args.talks, args.suggest) {
                (false, _) => run_check(&args.path, &options),
                (true, false) => run_talks(&args.path, &options),
                (true, true) => run_suggest(&args.path, &options),
            }
        }
        Command::Pages(args) => run_pages(&args),
        Command::Rebase(args) => run_rebase(&args),
        Command::Init(args) => run_init(&args),
        Command::Help { command } => run_help(command.as_deref()),
        Command::Completions { shell } => {
            clap_complete::generate(
                shell,
                &mut Cli::command(),
                "recap-feed",
                &mut std::io::stdout(),
            );
            Ok(ExitCode::SUCCESS)
        }
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("recap-feed: {message}");
            ExitCode::from(2)
        }
    }
}

/// Where the posts were found and which settings file was read, when not the plain case.
fn say_where(output: &Output) {
    let settings = &output.settings;
    if !settings.located.given_root && settings.config.path.is_none() {
        return;
    }
    let folders: Vec<String> = settings
        .located
        .posts
        .iter()
        .map(|(p, _)| p.display().to_string())
        .collect();
    let config = settings
        .config
        .path
        .as_ref()
        .map_or("no _config.yml beside them".to_owned(), |p| {
            format!("settings from {}", p.display())
        });
    eprintln!("recap-feed: posts from {}; {config}", folders.join(", "));
}

/// `; 1 unpublished, 2 dated in the future and 3 not recaps left out`, or nothing.
fn left_out_note(output: &Output) -> String {
    let left = &output.left_out;
    let mut parts = Vec::new();
    if !left.unpublished.is_empty() {
        parts.push(format!("{} unpublished", left.unpublished.len()));
    }
    if !left.future.is_empty() {
        parts.push(format!("{} dated in the future", left.future.len()));
    }
    if !left.not_recaps.is_empty() || !output.settings.selection.is_all() {
        parts.push(format!("{} not recaps", left.not_recaps.len()));
    }
    match parts.len() {
        0 => String::new(),
        n => {
            let last = parts.remove(n - 1);
            let list = if parts.is_empty() {
                last
            } else {
                format!("{} and {last}", parts.join(", "))
            };
            format!("; {list} left out")
        }
    }
}

fn run_build(args: &BuildArgs) -> Result<ExitCode, String> {
    let out = args.out.display().to_string();
    let mut options = args.read.options();
    options.title = args.title.clone();
    options.description = args.description.clone();
    options.home_page_url = args.site_url.clone();
    options.feed_url = args.feed_url.clone();
    options.feed_file = args
        .out
        .file_name()
        .and_then(|n| n.to_str())
        .map(str::to_owned);
    options.permalink = args.permalink.clone();
    let output = build(&args.site, &options).map_err(|e| e.to_string())?;
    say_where(&output);
    for skipped in &output.skipped {
        eprintln!("recap-feed: skipped {skipped}");
    }
    let talk_errors: Vec<_> = output.built.iter().flat_map(|b| &b.talk_errors).collect();
    for error in &talk_errors {
        eprintln!("recap-feed: {error}");
    }
    let bad = !output.skipped.is_empty() || !talk_errors.is_empty();
    if args.strict && bad {
        eprintln!(
            "recap-feed: wrote nothing (--strict): {} could not be read and {} from front matter could not be read{}",
            plural(output.skipped.len(), "post"),
            plural(talk_errors.len(), "talk"),
            left_out_note(&output)
        );
        return Ok(ExitCode::FAILURE);
    }
    let talks: usize = output.feed.items.iter().map(|i| i.talks().len()).sum();
    let wrote = match args.page_size {
        None => {
            let json = if args.pretty {
                serde_json::to_string_pretty(&output.feed)
            } else {
                serde_json::to_string(&output.feed)
            }
            .map_err(|e| format!("cannot write the feed: {e}"))?;
            std::fs::write(&args.out, json + "\n").map_err(|e| format!("{out}: {e}"))?;
            out.clone()
        }
        Some(page_size) => {
            let first = args
                .out
                .file_name()
                .and_then(|n| n.to_str())
                .ok_or_else(|| format!("{out}: --out must name a file"))?;
            let paginated = paginate(&output.feed, first, page_size);
            let written =
                write_paginated(&paginated, &args.out, args.pretty).map_err(|e| e.to_string())?;
            for path in &written.removed {
                eprintln!(
                    "recap-feed: removed {}, a page beyond the last",
                    path.display()
                );
            }
            format!(
                "{out} and {} more pages of at most {page_size}, the search index to {} and the \
                 people's index to {}",
                written.pages.len() - 1,
                written.index.display(),
                written.people.display()
            )
        }
    };
    eprintln!(
        "recap-feed: wrote {} events with {talks} talks to {wrote}; {} posts skipped, {} talks from front matter left out{}",
        output.feed.items.len(),
        output.skipped.len(),
        talk_errors.len(),
        left_out_note(&output)
    );
    Ok(if bad {
        eprintln!(
            "recap-feed: exit status 1: the feed was written without what could not be read (--strict writes nothing then)"
        );
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// `--page-size`: a whole number of events, at least 1.
fn parse_page_size(text: &str) -> Result<NonZeroUsize, String> {
    match text.parse::<usize>() {
        Ok(n) => NonZeroUsize::new(n).ok_or_else(|| {
            "--page-size must be at least 1: it is how many events each page of the feed holds"
                .to_owned()
        }),
        Err(_) => Err(format!(
            "--page-size takes a whole number of events per page, such as 100, not {text:?}"
        )),
    }
}

fn run_pages(args: &PagesArgs) -> Result<ExitCode, String> {
    let feed_path = args.feed.display().to_string();
    let dist = args.dist.display().to_string();
    let options = recap_feed::pages::Options {
        site_url: args.site_url.clone(),
        base: args.base.clone(),
        lang: args.lang,
    };
    let read = recap_feed::paginate::read_pages(Path::new(&feed_path))?;
    if let Some(why) = &read.stopped {
        eprintln!("recap-feed: {why}");
    }
    if read.pages() > 1 {
        eprintln!(
            "recap-feed: read {} pages, {} events, from {feed_path} on",
            read.pages(),
            read.feed.items.len()
        );
    }
    let written = recap_feed::pages::write_pages(&read.feed, Path::new(&dist), &options)
        .map_err(|e| e.to_string())?;
    if let Some(rebased) = &written.rebased {
        say_rebased(rebased, &dist);
    }
    for id in &written.skipped {
        eprintln!("recap-feed: no page for {id:?}: not a directory name");
    }
    eprintln!(
        "recap-feed: pre-rendered the list and {} event pages in {dist}; {} with their talks' moments in the recording for search engines",
        written.events, written.with_moments
    );
    eprintln!(
        "recap-feed: wrote {} speaker pages and {} organisation pages, each with its index, in {dist}",
        written.people.speakers, written.people.organisations
    );
    if let Some(count) = written.sitemap {
        eprintln!("recap-feed: sitemap.xml lists {count} pages; robots.txt points to it");
    }
    Ok(ExitCode::SUCCESS)
}

fn run_rebase(args: &RebaseArgs) -> Result<ExitCode, String> {
    let rebased = recap_feed::rebase::rebase(&args.dist, &args.base).map_err(|e| e.to_string())?;
    say_rebased(&rebased, &args.dist.display().to_string());
    Ok(ExitCode::SUCCESS)
}

fn say_rebased(rebased: &recap_feed::rebase::Rebased, dist: &str) {
    if rebased.changed() {
        eprintln!(
            "recap-feed: rebased {dist} from {} to {}: rewrote {}",
            rebased.from,
            rebased.to,
            rebased.rewritten.join(", ")
        );
    } else {
        eprintln!("recap-feed: {dist} is already built for {}", rebased.to);
    }
}

fn run_talks(dir: &Path, options: &Options) -> Result<ExitCode, String> {
    let shown = dir.display().to_string();
    if !dir.is_dir() {
        return Err(format!(
            "{shown}: --talks reads a site or a posts folder (--talks --suggest reads one post)"
        ));
    }
    let output = build(dir, options).map_err(|e| e.to_string())?;
    let site = &output.settings.site;
    // File order: a post's table, then what could not be read of it.
    let mut entries: Vec<(String, usize, String)> = Vec::new();
    let (mut extracted, mut to_check, mut time_links) = (0, 0, 0);
    for built in &output.built {
        let place = built.path.display().to_string();
        let talks = built.item.talks();
        // The post was read a moment ago; its extracted talks are doubted against its body.
        let doubts = match built.talks_from {
            TalkSource::Extraction => read_post(&built.path, site)
                .map(|post| doubts(&post, talks))
                .unwrap_or_default(),
            TalkSource::FrontMatter => Vec::new(),
        };
        if built.talks_from == TalkSource::Extraction {
            extracted += talks.len();
        }
        to_check += (0..talks.len())
            .filter(|&n| doubts.iter().any(|d| d.talk() == Some(n)))
            .count();
        time_links += doubts.iter().filter(|d| d.talk().is_none()).count();
        let mut table = talk_table(&place, &built.item, built.talks_from, &doubts);
        // Which talks came from a weaker cue, for a second look.
        if built.talks_from == TalkSource::Extraction {
            let notes = read_post(&built.path, site)
                .map(|post| cue_notes(&post))
                .unwrap_or_default();
            for (n, note) in notes {
                table.push_str(&format!("  · talk {}: {note}\n", n + 1));
            }
        }
        for err in &built.talk_errors {
            let line = format!("{}: error: {}\n", err.place(), err.reason());
            entries.push((place.clone(), err.line, line));
        }
        entries.push((place, 0, table));
    }
    for err in &output.skipped {
        let line = format!("{}: error: {}\n", err.place(), err.reason());
        entries.push((err.path().to_owned(), 0, line));
    }
    entries.sort();
    for (_, _, text) in &entries {
        print!("{text}");
    }
    let talks: usize = output.built.iter().map(|b| b.item.talks().len()).sum();
    let own = output
        .built
        .iter()
        .filter(|b| b.talks_from == TalkSource::FrontMatter)
        .count();
    let none = output
        .built
        .iter()
        .filter(|b| b.item.talks().is_empty())
        .count();
    let talk_errors: usize = output.built.iter().map(|b| b.talk_errors.len()).sum();
    println!(
        "{shown}: {}, {} (from the front matter in {}, none found in {}); {} and {} left out",
        plural(output.built.len(), "post"),
        plural(talks, "talk"),
        plural(own, "post"),
        plural(none, "post"),
        plural(output.skipped.len(), "post"),
        plural(talk_errors, "talk"),
    );
    println!(
        "{shown}: {to_check} of {} to check, and {} with no talk",
        plural(extracted, "extracted talk"),
        plural(time_links, "time link"),
    );
    Ok(if output.skipped.is_empty() && talk_errors == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// `check --talks --suggest`: one post's extracted talks as a front-matter `talks:` list, with
/// what to check as comments, on stdout.
fn run_suggest(path: &Path, options: &Options) -> Result<ExitCode, String> {
    let shown = path.display().to_string();
    if !path.is_file() {
        return Err(format!("{shown}: --suggest reads one post file"));
    }
    let site = settings_of_post(path, options)
        .map_err(|e| e.to_string())?
        .site;
    let post = read_post(path, &site).map_err(|e| e.to_string())?;
    if post.talks.is_some() {
        return Err(format!(
            "{shown}: the post lists its own talks in its front matter; remove its `talks:` list to see what the extractor finds"
        ));
    }
    for error in &post.talk_errors {
        eprintln!("recap-feed: {error}");
    }
    let (item, _) = to_item(&post, "", &site);
    let talks = item.talks();
    let doubts = doubts(&post, talks);
    print!("{}", talks_yaml(talks, &doubts, post.video.as_deref()));
    let to_check = (0..talks.len())
        .filter(|&n| doubts.iter().any(|d| d.talk() == Some(n)))
        .count();
    let time_links = doubts.iter().filter(|d| d.talk().is_none()).count();
    eprintln!(
        "recap-feed: {shown}: {}, {to_check} to check, {} with no talk; paste the list into the post's front matter",
        plural(talks.len(), "talk"),
        plural(time_links, "time link"),
    );
    Ok(ExitCode::SUCCESS)
}

/// `1 post`, `2 posts`.
fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

fn run_check(path: &Path, options: &Options) -> Result<ExitCode, String> {
    let shown = path.display().to_string();
    let mut left_out = String::new();
    let (count, findings) = if path.is_dir() {
        let output = build(path, options).map_err(|e| e.to_string())?;
        left_out = left_out_note(&output);
        let mut findings: Vec<Finding> = output
            .skipped
            .iter()
            .map(|err| Finding {
                severity: Severity::Error,
                place: err.place(),
                message: err.reason(),
            })
            .collect();
        for built in &output.built {
            let place = built.path.display().to_string();
            // A post's findings all name the post, so a repeat can only be among its own.
            let own = findings.len();
            findings.extend(built.talk_errors.iter().map(|err| Finding {
                severity: Severity::Error,
                place: err.place(),
                message: err.reason(),
            }));
            findings.extend(check_item(&built.item, &place));
            for diagnostic in &built.diagnostics {
                let finding = Finding {
                    severity: Severity::Warning,
                    place: place.clone(),
                    message: diagnostic.clone(),
                };
                if !findings[own..].contains(&finding) {
                    findings.push(finding);
                }
            }
        }
        (output.built.len(), findings)
    } else {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{shown}: {e}"))?;
        check_feed(&text).map_err(|e| format!("{shown}: {e}"))?
    };
    let mut errors = 0;
    for finding in &findings {
        let level = match finding.severity {
            Severity::Error => {
                errors += 1;
                "error"
            }
            Severity::Warning => "warning",
        };
        // Posts are named by their own file; feed findings by the feed file and a JSON path.
        if path.is_dir() {
            println!("{}: {level}: {}", finding.place, finding.message);
        } else {
            println!("{shown}: {level}: {}: {}", finding.place, finding.message);
        }
    }
    println!(
        "{shown}: {count} events readable, {errors} left out, {} warnings{}",
        findings.len() - errors,
        left_out.replace(" left out", " not in the feed"),
    );
    Ok(if errors == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}
