//! Entry point: only mounts the widget.

fn main() {
    let _ = crosscheck_widget::EMBEDDED_DB;
}
