use super::*;

#[cfg(feature = "markdown")]
fn run(markdown: &str) -> Extraction {
    extract(&crate::markdown::to_blocks(markdown), EventMeta::default())
}

#[cfg(feature = "markdown")]
#[test]
fn reads_the_three_shapes() {
    let prose = run("Kicking off was Ada Lovelace from Engines Ltd asking Can machines weave? (starting at 3:03). She said:\n\n* Looms are programmable.\n* Cards are code.\n");
    let talk = &prose.recap.talks.as_ref().unwrap()[0];
    assert_eq!(talk.title.as_deref(), Some("Can machines weave?"));
    assert_eq!(talk.start, Some(183));
    assert_eq!(
        talk.takeaways,
        ["Looms are programmable.", "Cards are code."]
    );

    let headed = run(
        "## Operators in anger\n\n**Speaker:** Dana Whit, Quayside Bank\n\n* Reconcile loops.\n",
    );
    let talk = &headed.recap.talks.as_ref().unwrap()[0];
    assert_eq!(talk.title.as_deref(), Some("Operators in anger"));
    assert_eq!(talk.speakers[0].org.as_deref(), Some("Quayside Bank"));
    assert_eq!(talk.takeaways, ["Reconcile loops."]);

    let chapters = run("00:00 Welcome and intros\n03:03 Mesh without tears — Ana Silva (Estuary Data)\n41:10 Cost is a feature - Ben Cole, Marram\n1:20:00 Close\n");
    let talks = chapters.recap.talks.unwrap();
    assert_eq!(talks.len(), 2, "{talks:#?}");
    assert_eq!(talks[1].start, Some(2470));
    assert_eq!(talks[1].speakers[0].name, "Ben Cole");
}

#[cfg(feature = "markdown")]
#[test]
fn an_agenda_gives_no_start_times() {
    let agenda = run("* 18:30 – Doors and pizza\n* 19:00 – Ana Silva (Estuary): Mesh Lessons\n* 19:40 – Ben Cole (Marram): Cost Cuts\n");
    let talks = agenda.recap.talks.unwrap();
    assert_eq!(talks.len(), 2, "{talks:#?}");
    assert_eq!(talks[0].start, None);
    assert_eq!(talks[0].title.as_deref(), Some("Mesh Lessons"));
    let chapters = run("* 00:00 Welcome\n* 03:03 Mesh Lessons — Ana Silva (Estuary)\n* 19:40 Cost Cuts — Ben Cole (Marram)\n");
    assert_eq!(chapters.recap.talks.unwrap()[0].start, Some(183));
}

#[test]
fn never_panics_on_empty_or_odd_blocks() {
    let _ = extract(&[], EventMeta::default());
    let odd = vec![
        Block::Heading {
            level: 2,
            inlines: vec![],
        },
        Block::Paragraph(vec![Inline::Break, Inline::Text("*".into()), Inline::Break]),
        Block::List(vec![vec![], vec![Inline::Text("1:2".into())]]),
    ];
    let _ = extract(
        &odd,
        EventMeta {
            location: Some(" "),
            video: Some("nope"),
        },
    );
}

#[cfg(feature = "markdown")]
#[test]
fn a_talk_told_twice_is_one_talk() {
    let twice = run("Ada Lane from Kestrel told us about eBPF.\n\n## Tracing With eBPF — Ada Lane (Kestrel)\n\n[Watch from 3:03](https://youtu.be/AbCdEfGhIjK?t=183)\n\n* Probes are cheap.\n");
    let talks = twice.recap.talks.unwrap();
    assert_eq!(talks.len(), 1, "{talks:#?}");
    assert_eq!(talks[0].title.as_deref(), Some("Tracing With eBPF"));
    assert_eq!(talks[0].start, Some(183));
    assert_eq!(talks[0].takeaways, ["Probes are cheap."]);
}

#[cfg(feature = "markdown")]
#[test]
fn jobs_and_announcements_hold_no_talks() {
    let jobs = run("### Jobs\n\n* [Senior SRE](https://jobs.example/1) - Acme Corp (London)\n");
    assert!(jobs.recap.talks.unwrap().is_empty());
    let next =
        run("Next month, Jane Doe from Acme will be telling us about Kubernetes Cost Controls.\n");
    assert!(next.recap.talks.unwrap().is_empty());
}

/// The title, speakers (name and organisation) and start of each talk.
#[cfg(feature = "markdown")]
type Summary = Vec<(Option<String>, Vec<(String, Option<String>)>, Option<u32>)>;

#[cfg(feature = "markdown")]
fn summary(markdown: &str) -> Summary {
    run(markdown)
        .recap
        .talks
        .unwrap_or_default()
        .into_iter()
        .map(|t| {
            let who = t.speakers.into_iter().map(|s| (s.name, s.org)).collect();
            (t.title, who, t.start)
        })
        .collect()
}

#[cfg(feature = "markdown")]
fn one(title: Option<&str>, name: &str, org: Option<&str>, start: Option<u32>) -> Summary {
    vec![(
        title.map(Into::into),
        vec![(name.into(), org.map(Into::into))],
        start,
    )]
}

#[cfg(feature = "markdown")]
#[test]
fn recap_shapes_of_real_posts() {
    assert_eq!(
        summary("First up, Priya Natarajan from Quillbyte discussed being Calm in a Crisis (starting at [41:07](https://youtu.be/AbCdEfGhIjK?t=2467)).\n"),
        one(Some("Calm in a Crisis"), "Priya Natarajan", Some("Quillbyte"), Some(2467))
    );
    assert_eq!(
        summary("Kicking off three talks was Sam Osei from Brightwave, with Servers or Serverless - Picking Your Battles.\n"),
        one(Some("Servers or Serverless - Picking Your Battles"), "Sam Osei", Some("Brightwave"), None)
    );
    assert_eq!(
        summary("Our speakers were Dana Ruiz from Fernhill and Tomasz Wolak from Gridline.\n\nNext up, Tomasz gave an entertaining talk on [Your Scheduler and You](https://events.example/talks/1234).\n"),
        one(Some("Your Scheduler and You"), "Tomasz Wolak", Some("Gridline"), None)
    );
    assert_eq!(
        summary("And wrapping up was Ola Berg discussing [Storage Is Hard](https://youtu.be/AbCdEfGhIjK?t=60).\n"),
        one(Some("Storage Is Hard"), "Ola Berg", None, Some(60))
    );
    assert_eq!(
        summary("Luke Dunn from Jetwise told us about eBPF, showing how:\n\n* Probes are cheap.\n"),
        one(None, "Luke Dunn", Some("Jetwise"), None)
    );
    assert_eq!(
        summary("Next, Nina Park, Loftware describing [Drift Without Tears](https://youtu.be/AbCdEfGhIjK?t=90).\n"),
        one(Some("Drift Without Tears"), "Nina Park", Some("Loftware"), Some(90))
    );
    assert_eq!(
        summary("Then Femi Ade from the Edge Weekly podcast on Is GitOps Just Ops? (starting at 2:30).\n"),
        one(Some("Is GitOps Just Ops?"), "Femi Ade", Some("Edge Weekly podcast"), Some(150))
    );
    // Phantoms: a phrase inside a title, and a sign-up link.
    assert_eq!(
        summary("Opening was Chidi Okeke from Auckland Digital with [How to Make Things Better: Practical Insights from DevOps to Director](https://youtu.be/AbCdEfGhIjK?t=210).\n"),
        one(
            Some("How to Make Things Better: Practical Insights from DevOps to Director"),
            "Chidi Okeke",
            Some("Auckland Digital"),
            Some(210)
        )
    );
    assert!(summary("Spaces are limited for Ana Silva from Acme's workshop, so [book your ticket now](https://tickets.example/e/1).\n").is_empty());
}

#[cfg(feature = "markdown")]
#[test]
fn a_weakly_told_talk_needs_takeaways() {
    let host =
        run("Cheryl Hung rounded off the evening with thanks to everyone.\n\nSee you soon.\n");
    assert!(host.recap.talks.unwrap().is_empty());
    let talk = run("Tomas Wolak rounded off the evening with a look at capacity, arguing that:\n\n* Forecasts drift.\n");
    assert_eq!(talk.recap.talks.unwrap().len(), 1);
}

#[test]
fn photos_of_people() {
    let name = |alt: &str| photo_person(alt).map(|s| (s.name, s.org));
    assert_eq!(name("Dana Ruiz"), Some(("Dana Ruiz".into(), None)));
    assert_eq!(
        name("Photo of Dana Ruiz (Fernhill)"),
        Some(("Dana Ruiz".into(), Some("Fernhill".into())))
    );
    assert_eq!(name("The audience at our May meetup"), None);
    assert_eq!(name(""), None);
}

#[cfg(feature = "markdown")]
#[test]
fn takeaways_after_slides_and_more_words() {
    let recap = run("Ada Lane from Kestrel told us about [Tracing Well](https://youtu.be/AbCdEfGhIjK?t=60).\n\nHer slides are [here](https://slides.example/ada).\n\nShe also showed a live demo, explaining that:\n\n* Probes are cheap.\n");
    let talks = recap.recap.talks.unwrap();
    assert_eq!(talks[0].takeaways, ["Probes are cheap."]);
    assert_eq!(talks[0].links.len(), 1);
}

#[cfg(feature = "markdown")]
#[test]
fn talks_one_a_line_and_in_the_present_tense() {
    assert_eq!(
        summary("**Talk 1:** [Zero Trust](https://youtu.be/AbCdEfGhIjK?t=120) — Dana Ruiz, Fernhill\n**Talk 2:** [Chaos Daily](https://youtu.be/AbCdEfGhIjK?t=900) — Tom Lee, Gridline\n").len(),
        2
    );
    assert_eq!(
        summary("Cost Controls for Kubernetes by Dana Ruiz (Fernhill)\n\n* Quotas talk.\n"),
        one(
            Some("Cost Controls for Kubernetes"),
            "Dana Ruiz",
            Some("Fernhill"),
            None
        )
    );
    assert_eq!(
        summary("Then Priya Raman from Tidewater Labs talks about Postgres Upgrades Without Downtime (starting at 3:30).\n"),
        one(Some("Postgres Upgrades Without Downtime"), "Priya Raman", Some("Tidewater Labs"), Some(210))
    );
    // A sponsor sentence is not a talk on one line.
    assert!(summary("This meetup was sponsored by [Wherry](https://w.example/), and by [Reedham Digital](https://r.example/).\n").is_empty());
}

#[cfg(feature = "markdown")]
#[test]
fn marks_and_a_trailing_time_around_a_one_line_talk() {
    let video = "https://www.youtube.com/watch?v=EsKVaLLey08";
    let talks = extract(
        &crate::markdown::to_blocks(
            "* 🎙️ Bilal Haddad (Gullwing): **Rust at the Edge** ⏱️ 31:05\n* 🎙️ Chiara Conti (Marram): **Why Latency Lies** ⏱️ 48:20\n",
        ),
        EventMeta {
            location: None,
            video: Some(video),
        },
    )
    .recap
    .talks
    .unwrap_or_default();
    let got: Vec<(Option<&str>, Option<u32>)> = talks
        .iter()
        .map(|t| (t.title.as_deref(), t.start))
        .collect();
    assert_eq!(
        got,
        [
            (Some("Rust at the Edge"), Some(1865)),
            (Some("Why Latency Lies"), Some(2900))
        ]
    );
}
