//! The `content_html` sanitiser, run in headless Chromium by wasm-bindgen-test.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used)]

use recap_extract::sanitize::sanitized_fragment;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const REL: &str = r#"rel="noopener noreferrer nofollow ugc""#;
const LAZY: &str = r#"loading="lazy" decoding="async""#;

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// The sanitised fragment, appended to a fresh div.
fn render(html: &str) -> web_sys::Element {
    let document = document();
    let div = document.create_element("div").unwrap();
    div.append_child(&sanitized_fragment(&document, html))
        .unwrap();
    div
}

fn clean(html: &str) -> String {
    render(html).inner_html()
}

fn count(root: &web_sys::Element, selector: &str) -> u32 {
    root.query_selector_all(selector).unwrap().length()
}

#[wasm_bindgen_test]
fn classic_xss_vectors_are_defused() {
    let a = format!("<a {REL}>x</a>");
    let cases: &[(&str, String)] = &[
        (
            "<img src=x onerror=alert(1)>",
            format!(r#"<img {LAZY} src="x">"#),
        ),
        (
            "<IMG SRC=x ONERROR=alert(1)>",
            format!(r#"<img {LAZY} src="x">"#),
        ),
        (r#"<a href="javascript:alert(1)">x</a>"#, a.clone()),
        ("<a href=\" java\tscript:alert(1)\">x</a>", a.clone()),
        (r#"<a href="jav&#x09;ascript:alert(1)">x</a>"#, a.clone()),
        (r#"<a href="&#106;avascript:alert(1)">x</a>"#, a.clone()),
        (r#"<a href="vbscript:msgbox(1)">x</a>"#, a.clone()),
        (
            r#"<a href="data:text/html,<script>alert(1)</script>">x</a>"#,
            a,
        ),
        (
            r#"<img src="data:image/svg+xml,<svg onload=alert(1)>">"#,
            String::new(),
        ),
        (r#"<img src="javascript:alert(1)">"#, String::new()),
        (
            r#"<img srcset="javascript:alert(1) 1x" src="a.png">"#,
            format!(r#"<img {LAZY} src="a.png">"#),
        ),
        (r#"<img srcset="x.png 1x">"#, String::new()),
        (
            "<svg onload=alert(1)><circle r=1 /></svg>after",
            "after".into(),
        ),
        (
            r#"<math><mi xlink:href="javascript:alert(1)">x</mi></math>"#,
            String::new(),
        ),
        (
            r#"<iframe src="https://evil.example/"></iframe>"#,
            String::new(),
        ),
        ("<script>alert(1)</script>ok", "ok".into()),
        ("<p>a</p><SCRIPT>alert(1)</SCRIPT>", "<p>a</p>".into()),
        ("<style>p{color:red}</style><p>x</p>", "<p>x</p>".into()),
        (
            r#"<form action="https://evil.example/"><input name=a><button>Go</button></form>"#,
            String::new(),
        ),
        (
            r#"<div style="background:url(javascript:alert(1))">x</div>"#,
            "<div>x</div>".into(),
        ),
        (
            r#"<base href="https://evil.example/"><a href="/x">x</a>"#,
            format!(r#"<a {REL} href="/x">x</a>"#),
        ),
        (
            r#"<meta http-equiv="refresh" content="0;url=javascript:alert(1)">"#,
            String::new(),
        ),
        (
            "<template><script>alert(1)</script></template>",
            String::new(),
        ),
        (
            "<p>a</p><noscript><img src=x onerror=alert(1)></noscript>",
            "<p>a</p>".into(),
        ),
        (
            "<p>a</p><textarea><script>alert(1)</script></textarea>",
            "<p>a</p>".into(),
        ),
        (
            "<svg><p><style><img src=x onerror=alert(1)></style></p></svg>",
            "<p></p>".into(),
        ),
        (
            "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
            String::new(),
        ),
        (
            r#"<p>a</p><noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>"#,
            "<p>a</p>".into(),
        ),
        (
            "<object data=x.swf></object><embed src=x.swf><video src=x.mp4></video>",
            String::new(),
        ),
        (
            r#"<a href="https://x.example/" onclick="alert(1)" onmouseover="alert(1)">x</a>"#,
            format!(r#"<a {REL} href="https://x.example/">x</a>"#),
        ),
    ];
    for (input, expected) in cases {
        assert_eq!(clean(input), *expected, "{input}");
    }
}

#[wasm_bindgen_test]
fn content_starting_with_noscript_keeps_nothing_active() {
    // DOMParser documents have scripting off, so a leading <noscript> ends in <head> and the
    // parser moves the <img> into <body>: what survives is a harmless image.
    assert_eq!(
        clean("<noscript><img src=x onerror=alert(1)></noscript>"),
        format!(r#"<img {LAZY} src="x">"#)
    );
}

#[wasm_bindgen_test]
fn comments_are_dropped_and_text_stays_text() {
    assert_eq!(
        clean("<p>a<!-- <script>alert(1)</script> -->b</p><!--x-->"),
        "<p>ab</p>"
    );
    let out = render("<p>1 &lt; 2 &amp;&amp; 3 &gt; 2 &lt;script&gt;alert(1)&lt;/script&gt;</p>");
    assert_eq!(
        out.inner_html(),
        "<p>1 &lt; 2 &amp;&amp; 3 &gt; 2 &lt;script&gt;alert(1)&lt;/script&gt;</p>"
    );
    assert_eq!(
        out.text_content().unwrap(),
        "1 < 2 && 3 > 2 <script>alert(1)</script>"
    );
    assert_eq!(count(&out, "script"), 0);
    assert_eq!(clean("plain & simple"), "plain &amp; simple");
    assert_eq!(clean(""), "");
}

#[wasm_bindgen_test]
fn h1_becomes_h2_and_unknown_elements_are_unwrapped() {
    assert_eq!(
        clean(r#"<h1 id="top" class="title">Title</h1><h3>Sub</h3>"#),
        "<h2>Title</h2><h3>Sub</h3>"
    );
    assert_eq!(
        clean(
            "<section><article><font color=red>hi</font> <center>there</center></article></section>\
             <details><summary>More</summary><p>x</p></details><custom-el>!</custom-el>"
        ),
        "hi thereMore<p>x</p>!"
    );
}

#[wasm_bindgen_test]
fn links_get_rel_and_images_are_lazy() {
    assert_eq!(
        clean(r#"<a href=" https://example.org/a " title="T" target="_blank" id="l">x</a>"#),
        format!(r#"<a {REL} href="https://example.org/a" title="T">x</a>"#)
    );
    assert_eq!(
        clean(r#"<a href="mailto:hi@example.org">mail</a><a name="n">anchor</a>"#),
        format!(r#"<a {REL} href="mailto:hi@example.org">mail</a><a {REL}>anchor</a>"#)
    );
    assert_eq!(
        clean(
            r#"<img class="c" src="https://example.org/a.png" alt="A" title="T" width="640" height="50%" style="x" data-src="y">"#
        ),
        format!(r#"<img {LAZY} src="https://example.org/a.png" alt="A" title="T" width="640">"#)
    );
    assert_eq!(clean(r#"<img src="mailto:a@b.example" alt="m">"#), "");
    assert_eq!(clean(r#"<img alt="no src">"#), "");
}

#[wasm_bindgen_test]
fn other_attributes_follow_the_allow_list() {
    assert_eq!(
        clean(
            r#"<table><tr><th colspan="2">a</th><td rowspan="101" colspan="x">b</td></tr></table>"#
        ),
        r#"<table><tbody><tr><th colspan="2">a</th><td>b</td></tr></tbody></table>"#
    );
    assert_eq!(
        clean(r#"<ol start="3" type="i"><li value="9">c</li></ol><ol start="-1"></ol>"#),
        r#"<ol start="3"><li>c</li></ol><ol></ol>"#
    );
    assert_eq!(
        clean(r#"<time datetime="2021-06-09" title="t">9 June</time> <abbr title="Rust">R</abbr>"#),
        r#"<time datetime="2021-06-09">9 June</time> <abbr title="Rust">R</abbr>"#
    );
    assert_eq!(
        clean(
            r#"<blockquote cite="javascript:alert(1)">a</blockquote><q cite="https://x.example/">b</q>"#
        ),
        r#"<blockquote>a</blockquote><q cite="https://x.example/">b</q>"#
    );
}

#[wasm_bindgen_test]
fn a_kramdown_post_keeps_its_structure_without_ids() {
    let post = r#"<h2 id="talks">Talks</h2>
<ul>
  <li><a href="https://www.youtube.com/watch?v=abc123&amp;t=1m40s">Rust in the harbour</a> by <strong>Ann</strong></li>
  <li><em>Lightning talks</em></li>
</ul>

<h3 id="sponsors">Sponsors</h3>
<p><img src="/images/2021/sponsor.png" alt="Saltmarsh Analytics" /></p>
<p>Code: <code>cargo run</code></p>
"#;
    let expected = format!(
        r#"<h2>Talks</h2>
<ul>
  <li><a {REL} href="https://www.youtube.com/watch?v=abc123&amp;t=1m40s">Rust in the harbour</a> by <strong>Ann</strong></li>
  <li><em>Lightning talks</em></li>
</ul>

<h3>Sponsors</h3>
<p><img {LAZY} src="/images/2021/sponsor.png" alt="Saltmarsh Analytics"></p>
<p>Code: <code>cargo run</code></p>
"#
    );
    assert_eq!(clean(post), expected);
}

#[wasm_bindgen_test]
fn deep_nesting_is_flattened_to_text() {
    let depth = 10_000;
    let html = format!(
        "{}deep<script>alert(1)</script><b>er</b>{}",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    let out = render(&html);
    assert_eq!(count(&out, "div"), 64);
    assert_eq!(count(&out, "*"), 64);
    assert_eq!(out.text_content().unwrap(), "deeper");

    // Unwrapped elements count towards the depth too.
    let html = format!("{}x{}", "<section>".repeat(100), "</section>".repeat(100));
    assert_eq!(clean(&html), "x");
}

#[wasm_bindgen_test]
fn huge_input_finishes_within_the_node_limit() {
    let out = render(&"<p>x</p>".repeat(10_000));
    assert_eq!(count(&out, "p"), 10_000);
    // Each <p> and its text are two nodes: 20,000 is the limit.
    let out = render(&"<p>x</p>".repeat(15_000));
    assert_eq!(count(&out, "p"), 10_000);
    let out = render(&"<span><b>x</b></span>".repeat(10_000));
    assert!(count(&out, "*") <= 20_000);
}

#[wasm_bindgen_test]
fn no_dangerous_attribute_survives_mixed_input() {
    const TAGS: &[&str] = &[
        "p",
        "a",
        "img",
        "div",
        "span",
        "section",
        "script",
        "svg",
        "h1",
        "td",
        "ol",
        "q",
        "time",
        "abbr",
        "iframe",
        "font",
        "b",
        "style",
        "li",
        "blockquote",
    ];
    const ATTRS: &[&str] = &[
        "onclick=alert(1)",
        "onerror=\"alert(1)\"",
        "ONLOAD=x",
        "style=\"color:red\"",
        "class=c",
        "id=i",
        "data-x=1",
        "href=\"javascript:alert(1)\"",
        "href=https://x.example/",
        "src=x.png",
        "src=\"data:image/png,x\"",
        "srcset=\"a 1x\"",
        "title=t",
        "colspan=3",
        "start=2",
        "cite=javascript:x",
        "formaction=javascript:x",
        "xlink:href=javascript:x",
    ];
    let mut seed: u32 = 0x2545_f491;
    let mut next = |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        seed as usize % n
    };
    let mut html = String::new();
    for i in 0..2_000 {
        let tag = TAGS[next(TAGS.len())];
        html.push('<');
        html.push_str(tag);
        for _ in 0..next(4) {
            html.push(' ');
            html.push_str(ATTRS[next(ATTRS.len())]);
        }
        html.push('>');
        html.push_str(&format!("t{i} &amp; &lt;"));
        if next(3) > 0 {
            html.push_str(&format!("</{tag}>"));
        }
    }
    let out = render(&html);
    let all = out.query_selector_all("*").unwrap();
    assert!(all.length() > 100, "too little survived: {}", all.length());
    for i in 0..all.length() {
        let el: web_sys::Element = wasm_bindgen::JsCast::unchecked_into(all.item(i).unwrap());
        let tag = el.local_name();
        assert!(
            !matches!(
                tag.as_str(),
                "script" | "svg" | "iframe" | "style" | "section" | "h1"
            ),
            "{tag}"
        );
        for name in el.get_attribute_names().iter() {
            let name = name.as_string().unwrap();
            assert!(
                !name.starts_with("on")
                    && !matches!(name.as_str(), "style" | "class" | "id" | "srcset")
                    && !name.starts_with("data-")
                    && !name.contains(':'),
                "<{tag} {name}>"
            );
            let value = el.get_attribute(&name).unwrap();
            if matches!(name.as_str(), "href" | "src" | "cite") {
                assert!(
                    !value.contains(':') || value.starts_with("https:"),
                    "{name}={value}"
                );
            }
        }
    }
}
