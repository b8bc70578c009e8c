//! The widget's views, one per file: components, each with its own `Props`, and five views
//! without hooks (`emphasis`, `marker`, `header`, `error_box`, `verdict_item`) that are plain
//! functions returning `Html`. Each component costs every reader's download Yew's machinery
//! made for it (about 1.8 KB of wasm, 0.6 KB gzip), and these gain nothing worth it: their
//! parent draws them from the very values it would pass as props, so it redraws them no more
//! often (only a panel group's unfolding redraws its first dozen entries too, which is cheaper
//! than cloning every verdict into props was). The components that stay hold state or hooks,
//! or are the memo boundaries a click relies on (each sentence, each matrix row, the article,
//! the panel). The views read the shared [`crate::state::State`] pieces they are given and
//! report what the reader did as [`crate::state::Action`]s; none of them holds application
//! state of its own except the matrix's keyboard cursor.

pub mod article;
pub mod emphasis;
pub mod error_box;
pub mod group;
pub mod header;
pub mod marker;
pub mod matrix;
pub mod matrix_row;
pub mod panel;
pub mod popover;
pub mod reader;
pub mod sentence;
pub mod switcher;
pub mod verdict_item;
pub mod widget;
