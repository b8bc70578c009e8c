//! The widget's views, one component per file, each with its own `Props`. They read the
//! shared [`crate::state::State`] pieces they are given and report what the reader did as
//! [`crate::state::Action`]s; none of them holds application state of its own except the
//! matrix's keyboard cursor.

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
