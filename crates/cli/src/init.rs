//! Sets Recap up in an existing Jekyll, Hugo or Eleventy site: the feed template, a recaps page
//! with the embed, and the include for the post layout. Never overwrites a file: one that exists
//! with other content is left alone and reported, and running it twice changes nothing.

use std::fmt;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// Where the viewer's script is served when no address is given: a Recap release's `site/`
/// folder copied into the site as `recap/`.
pub const DEFAULT_SCRIPT: &str = "/recap/embed.js";

/// The placeholder in the templates that the script's address replaces.
const SCRIPT_PLACEHOLDER: &str = "__RECAP_SCRIPT__";

/// The static site generators that `init` knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Generator {
    /// Jekyll: `_config.yml` or `_config.yaml`.
    Jekyll,
    /// Hugo: `hugo.toml`, `hugo.yaml`, `hugo.json` or `config.toml`.
    Hugo,
    /// Eleventy: `eleventy.config.js` (`.mjs`, `.cjs`) or `.eleventy.js`.
    Eleventy,
}

/// The files that tell each generator's site apart, in the order they are looked for.
const MARKERS: &[(Generator, &[&str])] = &[
    (Generator::Jekyll, &["_config.yml", "_config.yaml"]),
    (
        Generator::Hugo,
        &["hugo.toml", "hugo.yaml", "hugo.json", "config.toml"],
    ),
    (
        Generator::Eleventy,
        &[
            "eleventy.config.js",
            "eleventy.config.mjs",
            "eleventy.config.cjs",
            ".eleventy.js",
        ],
    ),
];

impl fmt::Display for Generator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Generator::Jekyll => "Jekyll",
            Generator::Hugo => "Hugo",
            Generator::Eleventy => "Eleventy",
        })
    }
}

impl Generator {
    /// The files this generator's setup adds, as paths inside the site and their content (with
    /// the script's address still a placeholder).
    pub fn templates(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Generator::Jekyll => JEKYLL,
            Generator::Hugo => HUGO,
            Generator::Eleventy => ELEVENTY,
        }
    }
}

const JEKYLL: &[(&str, &str)] = &[
    ("feed.json", include_str!("../templates/jekyll/feed.json")),
    (
        "recaps.html",
        include_str!("../templates/jekyll/recaps.html"),
    ),
    (
        "_includes/recap-event.html",
        include_str!("../templates/jekyll/_includes/recap-event.html"),
    ),
];

const HUGO: &[(&str, &str)] = &[
    (
        "content/recap-feed.md",
        include_str!("../templates/hugo/content/recap-feed.md"),
    ),
    (
        "content/recaps.md",
        include_str!("../templates/hugo/content/recaps.md"),
    ),
    (
        "layouts/recap-feed/feed.json",
        include_str!("../templates/hugo/layouts/recap-feed/feed.json"),
    ),
    (
        "layouts/recap-feed/recaps.html",
        include_str!("../templates/hugo/layouts/recap-feed/recaps.html"),
    ),
    (
        "layouts/partials/recap-pages.html",
        include_str!("../templates/hugo/layouts/partials/recap-pages.html"),
    ),
    (
        "layouts/partials/recap-date.html",
        include_str!("../templates/hugo/layouts/partials/recap-date.html"),
    ),
    (
        "layouts/partials/recap-id.html",
        include_str!("../templates/hugo/layouts/partials/recap-id.html"),
    ),
    (
        "layouts/partials/recap-event.html",
        include_str!("../templates/hugo/layouts/partials/recap-event.html"),
    ),
];

const ELEVENTY: &[(&str, &str)] = &[
    (
        "_data/recap.mjs",
        include_str!("../templates/eleventy/_data/recap.mjs"),
    ),
    (
        "recap-feed.11ty.mjs",
        include_str!("../templates/eleventy/recap-feed.11ty.mjs"),
    ),
    (
        "recaps.11ty.mjs",
        include_str!("../templates/eleventy/recaps.11ty.mjs"),
    ),
    (
        "_includes/recap-event.njk",
        include_str!("../templates/eleventy/_includes/recap-event.njk"),
    ),
];

/// What `init` is asked to do.
#[derive(Debug, Clone, Default)]
pub struct InitOptions {
    /// The address of the viewer's `embed.js` (default [`DEFAULT_SCRIPT`]), written into the
    /// files as the value used when the site's config does not set one.
    pub script: Option<String>,
    /// Report what would be done, and write nothing.
    pub dry_run: bool,
}

/// What became of one file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Written (or, in a dry run, would be).
    Added,
    /// It exists with exactly this content.
    AlreadyThere,
    /// It exists with other content, which is kept.
    LeftAlone,
}

/// One file of the setup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileReport {
    /// The path inside the site.
    pub path: PathBuf,
    /// What became of it.
    pub outcome: Outcome,
}

/// What `init` found and did, and what the organiser still has to set. Its `Display` is the
/// text for the organiser.
#[derive(Debug, Clone)]
pub struct InitReport {
    /// The site's folder.
    pub site: PathBuf,
    /// The generator found.
    pub generator: Generator,
    /// The file that showed it (say `_config.yml`).
    pub marker: String,
    /// The script's address written into the files.
    pub script: String,
    /// Every file of the setup, in order.
    pub files: Vec<FileReport>,
    /// Nothing was written.
    pub dry_run: bool,
}

/// Why `init` could not set a site up.
#[derive(Debug, thiserror::Error)]
pub enum InitError {
    /// The site's folder does not exist or is not a folder.
    #[error("{0}: not a folder")]
    NotAFolder(PathBuf),
    /// No generator's configuration file was found.
    #[error(
        "{site}: no Jekyll, Hugo or Eleventy site found there (looked for {looked_for})",
        site = .site.display()
    )]
    Unknown {
        /// The folder looked in.
        site: PathBuf,
        /// The file names looked for.
        looked_for: String,
    },
    /// The script's address cannot be written into a template.
    #[error(
        "--script {0:?}: not a usable address (no spaces, quotes, backslashes, <, >, {{ or }})"
    )]
    Script(String),
    /// A file could not be read.
    #[error("{path}: cannot read: {source}", path = .path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        source: io::Error,
    },
    /// A file or folder could not be written.
    #[error("{path}: cannot write: {source}", path = .path.display())]
    Write {
        /// The file.
        path: PathBuf,
        /// Why.
        source: io::Error,
    },
}

/// The generator of the site in `site`, and the file that shows it.
pub fn detect(site: &Path) -> Result<(Generator, &'static str), InitError> {
    if !site.is_dir() {
        return Err(InitError::NotAFolder(site.to_path_buf()));
    }
    for (generator, names) in MARKERS {
        if let Some(name) = names.iter().find(|name| site.join(name).is_file()) {
            return Ok((*generator, name));
        }
    }
    let looked_for = MARKERS
        .iter()
        .map(|(generator, names)| format!("{generator}: {}", names.join(", ")))
        .collect::<Vec<_>>()
        .join("; ");
    Err(InitError::Unknown {
        site: site.to_path_buf(),
        looked_for,
    })
}

/// Whether `script` can go inside the templates' quoted strings and HTML attributes as it is.
fn usable_script(script: &str) -> bool {
    !script.is_empty()
        && !script
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || "\"'\\<>{}`".contains(c))
}

/// Sets Recap up in the site in `site`: see the module's documentation.
pub fn init(site: &Path, options: &InitOptions) -> Result<InitReport, InitError> {
    let (generator, marker) = detect(site)?;
    let script = options.script.as_deref().unwrap_or(DEFAULT_SCRIPT);
    if !usable_script(script) {
        return Err(InitError::Script(script.to_owned()));
    }
    let mut files = Vec::new();
    for (path, template) in generator.templates() {
        let content = template.replace(SCRIPT_PLACEHOLDER, script);
        let target = site.join(path);
        let outcome = match fs::read(&target) {
            Ok(existing) if existing == content.as_bytes() => Outcome::AlreadyThere,
            Ok(_) => Outcome::LeftAlone,
            Err(err) if err.kind() == io::ErrorKind::NotFound => {
                if !options.dry_run {
                    write_new(&target, &content)?;
                }
                Outcome::Added
            }
            Err(source) => {
                return Err(InitError::Read {
                    path: target,
                    source,
                })
            }
        };
        files.push(FileReport {
            path: PathBuf::from(path),
            outcome,
        });
    }
    Ok(InitReport {
        site: site.to_path_buf(),
        generator,
        marker: marker.to_owned(),
        script: script.to_owned(),
        files,
        dry_run: options.dry_run,
    })
}

/// Writes a file that does not exist yet, with its folders; never replaces one.
fn write_new(target: &Path, content: &str) -> Result<(), InitError> {
    let write_error = |source| InitError::Write {
        path: target.to_path_buf(),
        source,
    };
    if let Some(parent) = target.parent() {
        fs::create_dir_all(parent).map_err(write_error)?;
    }
    let mut file = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(target)
        .map_err(write_error)?;
    io::Write::write_all(&mut file, content.as_bytes()).map_err(write_error)
}

impl InitReport {
    /// Whether some file was left alone because it exists with other content.
    pub fn has_conflicts(&self) -> bool {
        self.files.iter().any(|f| f.outcome == Outcome::LeftAlone)
    }
}

impl fmt::Display for InitReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{}: {} {} site ({} found){}",
            self.site.display(),
            if self.generator == Generator::Eleventy {
                "an"
            } else {
                "a"
            },
            self.generator,
            self.marker,
            if self.dry_run {
                "; a dry run, nothing written"
            } else {
                ""
            }
        )?;
        for file in &self.files {
            let what = match (file.outcome, self.dry_run) {
                (Outcome::Added, false) => "added",
                (Outcome::Added, true) => "would be added",
                (Outcome::AlreadyThere, _) => "already there",
                (Outcome::LeftAlone, _) => "left alone: exists with other content",
            };
            writeln!(f, "  {}: {what}", file.path.display())?;
        }
        if self.has_conflicts() {
            writeln!(
                f,
                "Files left alone keep their content: compare them with what this version writes \
                 (move them aside and run init again to see it)."
            )?;
        }
        writeln!(f)?;
        writeln!(f, "Then:")?;
        let steps = match self.generator {
            Generator::Jekyll => jekyll_steps(&self.script),
            Generator::Hugo => hugo_steps(&self.script),
            Generator::Eleventy => eleventy_steps(&self.script),
        };
        for (n, step) in steps.iter().enumerate() {
            writeln!(f, "{}. {step}", n + 1)?;
        }
        Ok(())
    }
}

/// Where the release's `site/` folder goes for the script to be at `script`.
fn served(script: &str, copy: &str) -> String {
    if script == DEFAULT_SCRIPT {
        format!(
            "Copy a Recap release's site/ folder to {copy}, so that embed.js is served at {script}; \
             for its standalone app and pre-rendered pages to work there too, rebase the copy: \
             recap-feed rebase <that folder> --base /recap/."
        )
    } else {
        format!("Serve a Recap release's site/ folder so that embed.js is at {script}.")
    }
}

fn jekyll_steps(script: &str) -> Vec<String> {
    const COPY: &str = "recap/ in the site (Jekyll copies it as it is)";
    vec![
        "In _config.yml set url (and baseurl for a sub-path), title, description and timezone: \
         the feed's links, title and event ids come from them."
            .to_owned(),
        served(script, COPY),
        format!(
            "To load it from elsewhere, set recap: {{ script: https://…/embed.js }} in _config.yml \
             (now {script})."
        ),
        "In the post layout (_layouts/post.html), put {% include recap-event.html %} where \
         {{ content }} is: the post shows its event, with the post itself as the fallback."
            .to_owned(),
        "Recaps are every post; to choose, set recap: { tags: [recap] } (or categories:, or \
         folders: of _posts) in _config.yml. Front matter video: and location: give the \
         recording and the venue; other names: recap: { keys: { video: youtube } }."
            .to_owned(),
        "Build (jekyll build): the feed is /feed.json, the list /recaps/.".to_owned(),
    ]
}

fn hugo_steps(script: &str) -> Vec<String> {
    const COPY: &str = "static/recap/";
    vec![
        "In the site's config set baseURL, title, params.description and timeZone: the feed's \
         links, title and event ids come from them."
            .to_owned(),
        served(script, COPY),
        format!(
            "To load it from elsewhere, set [params.recap] script = \"https://…/embed.js\" \
             (now {script})."
        ),
        "In the post layout (layouts/_default/single.html or the theme's), put \
         {{ partial \"recap-event.html\" . }} where {{ .Content }} is. The recaps page \
         (content/recaps.md) fills the site's \"main\" block of baseof.html."
            .to_owned(),
        "Recaps are the regular pages of the main sections (params.mainSections); to choose, set \
         [params.recap] sections = [\"events\"] and/or tags = [\"recap\"]. Front matter video \
         and location give the recording and the venue; other names: [params.recap.keys] \
         video = \"youtube\"."
            .to_owned(),
        "Build (hugo): the feed is /feed.json, the list /recaps/.".to_owned(),
    ]
}

fn eleventy_steps(script: &str) -> Vec<String> {
    const COPY: &str = "recap/ and add config.addPassthroughCopy(\"recap\") to the Eleventy config";
    vec![
        "In _data/metadata (or in _data/recap.mjs) set the site's url, title and description; \
         in _data/recap.mjs the time zone of event ids (timeZone). These files assume the \
         input folder is the site's root: move them into it if the config sets another."
            .to_owned(),
        served(script, COPY),
        format!("To load it from elsewhere, set script in _data/recap.mjs (now {script})."),
        "In the post layout (Nunjucks), put {% include \"recap-event.njk\" %} where \
         {{ content | safe }} is. Set layout in _data/recap.mjs to put the recaps page in the \
         site's layout."
            .to_owned(),
        "Recaps are the dated pages of the posts/ folder; to choose, set collection, folder or \
         tags in _data/recap.mjs. Front matter video and location give the recording and the \
         venue; other names: keys in _data/recap.mjs."
            .to_owned(),
        "Build (npx @11ty/eleventy): the feed is /feed.json, the list /recaps/.".to_owned(),
    ]
}
