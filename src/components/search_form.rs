//! The list's search form and count, built from the markup (`recap_core::markup::views`) as the
//! pre-rendered page has them, then kept in step with the address: what the visitor types or
//! picks goes to the address, the address and the filters' choices come back to the controls.

use leptos::html;
use leptos::prelude::*;
use recap_core::markup::protocol::{class, id, selector};
use recap_core::markup::{self, views};
use recap_core::route::{ListQuery, Route};
use recap_core::search::{tags, years};
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, HtmlInputElement, HtmlSelectElement};

use super::FeedContext;
use crate::ready::Part;
use crate::render::{build, Dom};
use crate::router::use_router;

/// The search box and the year and tag filters, and below them the list's count. The filters
/// offer every year and tag of the archive once the search index is in, else of the pages
/// loaded. The count is built from the markup ([`views::count`]); its text follows `count`, in
/// place, so that it is read out as a live region.
#[component]
pub fn SearchForm(query: Memo<ListQuery>, count: Signal<String>) -> impl IntoView {
    let router = use_router();
    let context = expect_context::<FeedContext>();
    // The filters' choices: the years and the tags, each the archive's or the pages'.
    let choices = Memo::new(move |_| match context.index() {
        Some(index) => (index.years(), index.tags()),
        None => context.with_feed(|f| (years(&f.items), tags(&f.items))),
    });
    let texts = crate::texts::use_texts();
    let form = Dom::new().map(|dom| {
        let (years, tags) = choices.get_untracked();
        build(&dom, &views::search_form(&years, tags, &texts))
    });
    let control = |selector: &str| form.as_ref()?.query_selector(selector).ok().flatten();
    let search = control(selector::SEARCH).and_then(|e| e.dyn_into::<HtmlInputElement>().ok());
    let year = control(selector::YEAR);
    let tag = control(selector::TAG);

    let counted = Dom::new().map(|dom| build(&dom, &views::count(count.get_untracked())));

    let host = NodeRef::<html::Div>::new();
    let count_host = NodeRef::<html::Div>::new();
    let part = Part::counted();
    part.done_on_cleanup();
    // One effect keeps the form and the count in step: placed once their hosts are there; then
    // the address's search (unless the box already says it: the visitor typing), the filters'
    // choices (when they change) and values, and the count's text.
    let t = texts.clone();
    Effect::new(move |shown: Option<Option<(Vec<i32>, Vec<String>)>>| {
        let (Some(host), Some(count_host), Some(form), Some(counted)) =
            (host.get(), count_host.get(), &form, &counted)
        else {
            return None;
        };
        let before = shown.flatten();
        if before.is_none() {
            host.replace_children_with_node_1(form);
            count_host.replace_children_with_node_1(counted);
            part.done();
        }
        let text = count.get();
        if counted.text_content().as_deref() != Some(text.as_str()) {
            counted.set_text_content(Some(&text));
        }
        let (q, year_value, tag_value) = query.with(|q| {
            let year = q.year.map(|y| y.to_string()).unwrap_or_default();
            (q.q.clone(), year, q.tag.clone().unwrap_or_default())
        });
        if let Some(search) = search.as_ref().filter(|s| s.value() != q) {
            search.set_value(&q);
        }
        let now = choices.get();
        if let Some(year) = &year {
            if before.as_ref().map(|b| &b.0) != Some(&now.0) {
                set_choices(year, &views::year_select(&now.0, &t));
            }
            set_value(year, &year_value);
        }
        if let Some(tag) = &tag {
            if before.as_ref().map(|b| &b.1) != Some(&now.1) {
                set_choices(tag, &views::tag_select(now.1.clone(), &t));
            }
            set_value(tag, &tag_value);
        }
        Some(now)
    });

    let set_query = move |change: &dyn Fn(&mut ListQuery)| {
        let mut next = query.get_untracked();
        change(&mut next);
        router.replace(Route::List(next));
    };
    // Delegated: the events of the controls inside, by their ids.
    let on_input = move |ev: &Event| {
        if let Some(input) = target::<HtmlInputElement>(ev, id::SEARCH) {
            context.open_index();
            let value = input.value();
            set_query(&|q| q.q = value.clone());
        }
    };
    let on_change = move |ev: &Event| {
        if let Some(select) = target::<HtmlSelectElement>(ev, id::YEAR) {
            let year = select.value().parse().ok();
            set_query(&|q| q.year = year);
        } else if let Some(select) = target::<HtmlSelectElement>(ev, id::TAG) {
            let value = select.value();
            let tag = (!value.is_empty()).then_some(value);
            set_query(&|q| q.tag = tag.clone());
        }
    };
    let on_focus = move |ev: &Event| {
        if target::<HtmlInputElement>(ev, id::SEARCH).is_some() {
            context.open_index();
        }
    };
    view! {
        <div
            class=class::RENDERED
            node_ref=host
            on:input=move |ev| on_input(&ev)
            on:change=move |ev| on_change(&ev)
            on:focusin=move |ev| on_focus(&ev)
        ></div>
        <div class=class::RENDERED node_ref=count_host></div>
    }
}

/// The event's target, if it is the control with this id.
fn target<T: JsCast>(ev: &Event, id: &str) -> Option<T> {
    ev.target()?
        .dyn_into::<Element>()
        .ok()
        .filter(|el| el.id() == id)?
        .dyn_into()
        .ok()
}

/// Puts the choices of a fresh filter (as the markup writes it) in the filter on the page.
fn set_choices(select: &Element, fresh: &markup::Element) {
    let Some(dom) = Dom::new() else {
        return;
    };
    let fresh = build(&dom, fresh);
    select.set_text_content(None);
    while let Some(option) = fresh.first_child() {
        let _ = select.append_child(&option);
    }
}

fn set_value(select: &Element, value: &str) {
    if let Some(select) = select.dyn_ref::<HtmlSelectElement>() {
        select.set_value(value);
    }
}
