//! The Recap web app's entry point: it only mounts.

fn main() {
    recap::start();
}
