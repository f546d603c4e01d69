use leptos::html;
use leptos::prelude::*;
use recap_core::blocks::Block;
use recap_core::route::Route;
use recap_core::time::format_clock;
use recap_core::url::safe_url;
use recap_core::{Item, Talk};

use super::{set_title, FeedContext, NotFound};
use crate::api::absolute;
use crate::router::{use_router, AppLink};

/// One event: its video, its talks with their moments, sponsors, next meetup, photos, the post.
#[component]
pub fn EventPage(id: String) -> impl IntoView {
    let context = expect_context::<FeedContext>();
    let found = context.feed.with_untracked(|feed| {
        feed.find(&id).map(|(item, newer, older)| {
            let neighbour =
                |i: Option<&Item>| i.map(|i| (i.id.clone(), i.display_title().to_owned()));
            (item.clone(), neighbour(newer), neighbour(older))
        })
    });
    let Some((item, newer, older)) = found else {
        return view! { <NotFound /> }.into_any();
    };
    set_title(item.display_title());
    let router = use_router();
    let t = Memo::new(move |_| match router.route() {
        Route::Event { t, .. } => t,
        _ => None,
    });
    let recap = item.recap.clone().unwrap_or_default();
    let date = item.date_published.as_ref().map(|d| {
        view! { <time datetime=d.as_str().to_owned()>{d.date_in_words()}</time> }
    });
    let location = item
        .location()
        .map(|l| view! { <span>{l.to_owned()}</span> });
    let talks = item.talks().to_vec();
    let talk_list = (!talks.is_empty()).then(|| {
        let items = talks
            .into_iter()
            .enumerate()
            .map(|(n, talk)| view! { <TalkView talk number=n + 1 item_id=item.id.clone() video=item.recording() /> })
            .collect_view();
        view! {
            <section class="recap-section" aria-labelledby="recap-talks-title">
                <h2 id="recap-talks-title" class="recap-section__title">"Talks"</h2>
                <ol class="recap-talks">{items}</ol>
            </section>
        }
    });
    let photos = photos(&item);
    view! {
        <article class="recap-event">
            <nav class="recap-crumbs" aria-label="Breadcrumb">
                <AppLink to=Route::List(Default::default())>"← All events"</AppLink>
            </nav>
            <header class="recap-event__header">
                <h1 class="recap-page-title" tabindex="-1">{item.display_title().to_owned()}</h1>
                <p class="recap-event__meta">{date} {location}</p>
                {item.summary.clone().map(|s| view! { <p class="recap-event__summary">{s}</p> })}
            </header>
            <VideoArea item=item.clone() t />
            {talk_list}
            <Sponsors sponsors=recap.sponsors.clone() />
            {recap.next_event.clone().map(|next| {
                let rsvp = next.rsvp_url.as_deref().and_then(safe_url);
                view! {
                    <section class="recap-section recap-next" aria-labelledby="recap-next-title">
                        <h2 id="recap-next-title" class="recap-section__title">"Next meetup"</h2>
                        <p>{next.date_text.clone().unwrap_or_else(|| "Date to be announced".to_owned())}</p>
                        {rsvp.map(|url| view! { <a class="recap-button" href=url rel="noopener">"RSVP"</a> })}
                    </section>
                }
            })}
            {photos}
            <FullRecap item=item.clone() />
            <nav class="recap-pager" aria-label="Other events">
                {newer.map(|(id, title)| view! {
                    <AppLink to=Route::Event { id, t: None } class="recap-pager__newer">
                        <span class="recap-pager__label">"Newer"</span> {title}
                    </AppLink>
                })}
                {older.map(|(id, title)| view! {
                    <AppLink to=Route::Event { id, t: None } class="recap-pager__older">
                        <span class="recap-pager__label">"Older"</span> {title}
                    </AppLink>
                })}
            </nav>
        </article>
    }
    .into_any()
}

/// The recording: its poster and a link to it, at the chosen moment.
#[component]
fn VideoArea(item: Item, t: Memo<Option<u32>>) -> impl IntoView {
    let poster = item.image.as_deref().and_then(safe_url);
    let recording = item.recording();
    let title = item.display_title().to_owned();
    view! {
        <section class="recap-video" aria-label="Recording">
            {match poster {
                Some(src) => view! { <img class="recap-video__poster" src=src alt=format!("Photo from {title}") /> }.into_any(),
                None => view! { <div class="recap-video__poster recap-video__poster--placeholder"></div> }.into_any(),
            }}
            <div class="recap-video__actions">
                {match recording {
                    Some(video) => {
                        let href = move || match t.get() {
                            Some(t) => video.url_at(t),
                            None => video.url_at(0),
                        };
                        let label = move || match t.get() {
                            Some(t) => format!("Watch the recording from {}", format_clock(t)),
                            None => "Watch the recording".to_owned(),
                        };
                        view! { <a class="recap-button" href=href rel="noopener">{label}</a> }.into_any()
                    }
                    None => view! { <p class="recap-video__none">"No recording of this event."</p> }.into_any(),
                }}
            </div>
        </section>
    }
}

/// A talk: who, what, when, the takeaways and links.
#[component]
fn TalkView(
    talk: Talk,
    number: usize,
    item_id: String,
    video: Option<recap_core::video::VideoLink>,
) -> impl IntoView {
    let router = use_router();
    let title = talk
        .title
        .clone()
        .unwrap_or_else(|| format!("Talk {number}"));
    let speakers = talk
        .speakers
        .iter()
        .map(|s| match &s.org {
            Some(org) => format!("{} ({org})", s.name),
            None => s.name.clone(),
        })
        .collect::<Vec<_>>()
        .join(", ");
    let time = talk.start.map(|start| {
        // Without script the time is a link to the moment on the video's own site.
        let href = video
            .as_ref()
            .map(|v| v.url_at(start))
            .or_else(|| talk.video_url.as_deref().and_then(safe_url))
            .unwrap_or_else(|| router.href(&Route::Event { id: item_id.clone(), t: Some(start) }));
        let to = Route::Event { id: item_id.clone(), t: Some(start) };
        let jump = move |ev: web_sys::MouseEvent| {
            if ev.button() != 0 || ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key() {
                return;
            }
            ev.prevent_default();
            router.replace(to.clone());
        };
        let copied = RwSignal::new(false);
        let share = absolute(&router.href(&Route::Event { id: item_id.clone(), t: Some(start) }), None).unwrap_or_default();
        let copy = move |_| {
            if let Some(window) = web_sys::window() {
                let _ = window.navigator().clipboard().write_text(&share);
                copied.set(true);
            }
        };
        let clock = format_clock(start);
        view! {
            <p class="recap-talk__time">
                <a class="recap-time" href=href on:click=jump aria-label=format!("Play from {clock}: {title}", title = talk.title.clone().unwrap_or_default())>
                    {clock.clone()}
                </a>
                <button class="recap-link-button" type="button" on:click=copy>
                    {move || if copied.get() { "Link copied" } else { "Copy link" }}
                </button>
            </p>
        }
    });
    let takeaways = (!talk.takeaways.is_empty()).then(|| {
        view! {
            <ul class="recap-talk__takeaways">
                {talk.takeaways.iter().map(|t| view! { <li>{t.clone()}</li> }).collect_view()}
            </ul>
        }
    });
    let links = talk
        .links
        .iter()
        .filter_map(|l| {
            safe_url(&l.url)
                .map(|url| view! { <li><a href=url rel="noopener">{l.label.clone()}</a></li> })
        })
        .collect::<Vec<_>>();
    let links = (!links.is_empty()).then(|| view! { <ul class="recap-talk__links">{links}</ul> });
    view! {
        <li class="recap-talk">
            <h3 class="recap-talk__title">{title}</h3>
            {(!speakers.is_empty()).then(|| view! { <p class="recap-talk__speakers">{speakers}</p> })}
            {time}
            {takeaways}
            {links}
        </li>
    }
}

/// The sponsors thanked in the post.
#[component]
fn Sponsors(sponsors: Vec<recap_core::Sponsor>) -> impl IntoView {
    (!sponsors.is_empty()).then(|| {
        let list = sponsors
            .into_iter()
            .map(|s| match s.url.as_deref().and_then(safe_url) {
                Some(url) => view! { <li><a href=url rel="noopener">{s.name}</a></li> }.into_any(),
                None => view! { <li>{s.name}</li> }.into_any(),
            })
            .collect_view();
        view! {
            <section class="recap-section" aria-labelledby="recap-sponsors-title">
                <h2 id="recap-sponsors-title" class="recap-section__title">"Thanks to our sponsors"</h2>
                <ul class="recap-sponsors">{list}</ul>
            </section>
        }
    })
}

/// The pictures in the post.
fn photos(item: &Item) -> Option<impl IntoView> {
    let html = item.content_html.as_deref()?;
    let images: Vec<(String, String)> = crate::dom::blocks_from_html(html)
        .into_iter()
        .filter_map(|block| match block {
            Block::Image { alt, url } => {
                let url = absolute(&url, None).and_then(|u| safe_url(&u))?;
                url.starts_with("http").then_some((url, alt))
            }
            _ => None,
        })
        .collect();
    (!images.is_empty()).then(|| {
        view! {
            <section class="recap-section" aria-labelledby="recap-photos-title">
                <h2 id="recap-photos-title" class="recap-section__title">"Photos"</h2>
                <ul class="recap-photos">
                    {images.into_iter().map(|(url, alt)| {
                        let alt = if alt.trim().is_empty() { "Photo from the event".to_owned() } else { alt };
                        view! { <li><img src=url alt=alt loading="lazy" decoding="async" /></li> }
                    }).collect_view()}
                </ul>
            </section>
        }
    })
}

/// "Read the full recap": the post, through the allow-list sanitiser, and a link to the original.
#[component]
fn FullRecap(item: Item) -> impl IntoView {
    let original = item.url.as_deref().and_then(safe_url);
    let html = item.content_html.clone();
    let body = NodeRef::<html::Div>::new();
    let filled = RwSignal::new(false);
    let fill = move |_| {
        if filled.get_untracked() {
            return;
        }
        let (Some(div), Some(html), Some(document)) = (
            body.get(),
            html.as_deref(),
            web_sys::window().and_then(|w| w.document()),
        ) else {
            return;
        };
        let fragment = crate::sanitize::sanitized_fragment(&document, html);
        let _ = div.append_child(&fragment);
        filled.set(true);
    };
    view! {
        <section class="recap-section recap-full">
            {item.content_html.is_some().then(|| view! {
                <details class="recap-full__details" on:toggle=fill>
                    <summary>"Read the full recap"</summary>
                    <div class="recap-full__body" node_ref=body></div>
                </details>
            })}
            {original.map(|url| view! { <p><a href=url rel="noopener">"Read the original post"</a></p> })}
        </section>
    }
}
