//! Tasks owned by the view that starts them.

use leptos::prelude::*;
use std::future::Future;
use std::pin::Pin;

/// A task of the view that made this handle: starting another stops the one before, and the
/// view going away stops the last. A stopped task is dropped where it waits: its request is
/// aborted ([`crate::api::fetch_text`] registers the abort with the task's owner) and its timer
/// fires into nothing.
#[derive(Clone, Copy)]
pub struct Task(StoredValue<Owners>);

struct Owners {
    /// The view's owner, under which each task gets its own.
    view: Option<Owner>,
    /// The owner of the task running, if any: cleaning it up cancels the task.
    running: Option<Owner>,
}

impl Task {
    /// A task slot of the current view.
    pub fn new() -> Self {
        Task(StoredValue::new(Owners {
            view: Owner::current(),
            running: None,
        }))
    }

    /// Runs `task`, stopping the one running, if any. Nothing runs once the view is gone.
    pub fn run(self, task: impl Future<Output = ()> + 'static) {
        self.start(Box::pin(task));
    }

    fn start(self, task: Pin<Box<dyn Future<Output = ()>>>) {
        let Some((before, owner)) = self
            .0
            .try_update_value(|owners| {
                let owner = owners.view.as_ref()?.child();
                Some((owners.running.replace(owner.clone()), owner))
            })
            .flatten()
        else {
            return;
        };
        // Outside the slot's borrow: cleaning up runs the task's own cleanups.
        if let Some(before) = before {
            before.cleanup();
        }
        owner.with(|| leptos::task::spawn_local_scoped_with_cancellation(task));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;
    use std::rc::Rc;
    use wasm_bindgen_test::*;

    wasm_bindgen_test_configure!(run_in_browser);

    /// Sets its flag when dropped: the task holding it is gone.
    struct Gone(Rc<Cell<bool>>);

    impl Drop for Gone {
        fn drop(&mut self) {
            self.0.set(true);
        }
    }

    /// A task that waits for ever, holding a flag that tells when it is dropped.
    fn waiting_for_ever() -> (impl Future<Output = ()>, Rc<Cell<bool>>, Rc<Cell<bool>>) {
        let gone = Rc::new(Cell::new(false));
        let started = Rc::new(Cell::new(false));
        let (held, began) = (Gone(Rc::clone(&gone)), Rc::clone(&started));
        let task = async move {
            let _held = held;
            began.set(true);
            std::future::pending::<()>().await;
        };
        (task, started, gone)
    }

    /// Starts the executor tasks run on, as mounting the app does: an empty view mounted on an
    /// element outside the document.
    fn start_executor() {
        let element = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.create_element("div").ok())
            .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
            .expect("an element");
        // Kept for the rest of the run: the executor is the test binary's, like an app's page.
        leptos::mount::mount_to(element, || ()).forget();
    }

    /// Waits, a turn of the executor at a time, until `done` holds; fails after many turns.
    async fn until(what: &str, done: impl Fn() -> bool) {
        for _ in 0..100 {
            if done() {
                return;
            }
            leptos::task::tick().await;
        }
        panic!("{what}: not after 100 turns");
    }

    #[wasm_bindgen_test]
    async fn a_task_is_stopped_when_its_view_goes_away() {
        start_executor();
        let view = Owner::new();
        let (task, started, gone) = waiting_for_ever();
        view.with(|| Task::new().run(task));
        until("the task runs", || started.get()).await;
        assert!(!gone.get(), "the task waits while its view lives");
        view.cleanup();
        until("the task is dropped with its view", || gone.get()).await;
    }

    #[wasm_bindgen_test]
    async fn starting_a_task_stops_the_one_before() {
        start_executor();
        let view = Owner::new();
        let slot = view.with(Task::new);
        let (first, _, first_gone) = waiting_for_ever();
        let (second, second_started, second_gone) = waiting_for_ever();
        slot.run(first);
        leptos::task::tick().await;
        assert!(!first_gone.get());
        slot.run(second);
        until("the first task is dropped", || first_gone.get()).await;
        until("the second runs", || second_started.get()).await;
        assert!(!second_gone.get());
        view.cleanup();
        until("the second is dropped with the view", || second_gone.get()).await;
        // The view gone, nothing runs.
        let (third, third_started, _) = waiting_for_ever();
        slot.run(third);
        leptos::task::tick().await;
        assert!(!third_started.get());
    }
}
