//! Entry point: mounts a widget into every `[data-crosscheck]` element of the page.

fn main() {
    crosscheck_widget::mount_all();
}
