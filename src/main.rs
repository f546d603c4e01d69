//! The Recap web app's entry points: it only mounts, on its own page or in an element.

use wasm_bindgen::prelude::wasm_bindgen;

fn main() {
    recap::start();
}

/// The app inside a `<recap-viewer>` element; the embed loader (`embed.js`) holds it and calls
/// [`Viewer::unmount`] when the element leaves the page.
#[wasm_bindgen]
pub struct Viewer(Option<recap::Mounted>);

#[wasm_bindgen]
impl Viewer {
    /// Takes the app out of its element.
    pub fn unmount(&mut self) {
        self.0.take();
    }
}

/// Mounts the app in `root` with an element's options (see [`recap::mount_viewer`]).
#[wasm_bindgen]
pub fn mount_viewer(root: web_sys::HtmlElement, options: wasm_bindgen::JsValue) -> Viewer {
    Viewer(recap::mount_viewer(root, &options))
}
