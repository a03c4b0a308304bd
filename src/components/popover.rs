//! One popover per view: which value's popover is open (a small state machine over hover, focus,
//! taps and Escape), the hook that keeps it and places it, and the listeners a view puts on its
//! container (`PopoverListeners::on`). The cells are plain markup naming their place, so a view
//! of 1,000 rows holds one of these, not 7,000.

use super::browser::{follow, popover_and_anchor};
use super::{Data, View};
use crate::core::Column;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::html::{onclick, onfocusin, onfocusout, onkeydown, onmouseout, onmouseover};
use yew::prelude::*;
use yew::virtual_dom::Listener;

/// Which value's popover is open in one view, and whether a click pinned it (a tap on a touch
/// screen fires no hover, so a click keeps it open through mouse-out).
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub struct Popover {
    pub open: Option<CellAt>,
    pub pinned: bool,
}

/// How an open popover was opened. At a glance (hover, focus) its links stay out of the Tab
/// order, so a value costs one Tab stop; on purpose (a click, Enter) they join it, after the
/// popover itself, which takes focus so the keyboard can scroll a long one.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Opened {
    Glance,
    OnPurpose,
}

impl Popover {
    /// How the popover of `at` is open, if it is.
    pub fn opened(self, at: CellAt) -> Option<Opened> {
        (self.open == Some(at)).then_some(if self.pinned {
            Opened::OnPurpose
        } else {
            Opened::Glance
        })
    }

    /// The value open in a platform's line, and how.
    pub fn in_line(self, platform: usize) -> Option<(Column, Opened)> {
        let (p, column) = self.open?;
        (p == platform).then(|| (column, self.opened((p, column)).unwrap_or(Opened::Glance)))
    }
}

/// How a popover's links are drawn: out of the Tab order (`tabindex` -1) unless it was opened on
/// purpose, and each source linked once (`above`: the ones its value's list links already).
#[derive(Clone, Copy)]
pub struct Links<'a> {
    pub tabindex: Option<&'static str>,
    pub above: &'a [crate::dataset::Text],
}

/// A value's place: the platform's index in the dataset and the column.
pub type CellAt = (usize, Column);

/// What happened to the values of a view; the events come from its container, by delegation.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum PopoverEvent {
    Hover(CellAt),
    /// The pointer left a value for another one or for none.
    Leave {
        to: Option<CellAt>,
    },
    Focus(CellAt),
    /// Focus left a value for another one or for none.
    Blur {
        to: Option<CellAt>,
    },
    Click(CellAt),
    Escape,
}

impl Popover {
    pub fn next(self, event: PopoverEvent) -> Popover {
        use PopoverEvent::*;
        let show = |at, pinned| Popover {
            open: Some(at),
            pinned,
        };
        match event {
            // A pinned popover stays until it is clicked shut, escaped or left by focus.
            Hover(_) | Leave { .. } if self.pinned => self,
            Hover(at) => show(at, false),
            Focus(at) if self.open == Some(at) => self,
            Focus(at) => show(at, false),
            // Moving within the value (onto its popover's link) keeps it open.
            Leave { to } | Blur { to } if to.is_some() && to == self.open => self,
            Leave { .. } | Blur { .. } | Escape => Popover::default(),
            Click(at) if self.pinned && self.open == Some(at) => Popover::default(),
            Click(at) => show(at, true),
        }
    }
}

impl Reducible for Popover {
    type Action = PopoverEvent;
    fn reduce(self: Rc<Self>, event: PopoverEvent) -> Rc<Self> {
        Rc::new(self.next(event))
    }
}

/// The listeners a view puts on its container: one set for all its values.
#[derive(Clone)]
pub struct PopoverListeners {
    pub onmouseover: Callback<MouseEvent>,
    pub onmouseout: Callback<MouseEvent>,
    pub onfocusin: Callback<FocusEvent>,
    pub onfocusout: Callback<FocusEvent>,
    pub onclick: Callback<MouseEvent>,
    pub onkeydown: Callback<KeyboardEvent>,
}

impl PopoverListeners {
    /// The view's container (the element written in `container`) with the listeners on it: one
    /// set for every value inside, by delegation.
    pub fn on(&self, container: Html) -> Html {
        let Html::VTag(tag) = container else {
            return container;
        };
        let mut tag = std::rc::Rc::unwrap_or_clone(tag);
        let listeners: [Rc<dyn Listener>; 6] = [
            Rc::new(onmouseover::Wrapper::new(self.onmouseover.clone())),
            Rc::new(onmouseout::Wrapper::new(self.onmouseout.clone())),
            Rc::new(onfocusin::Wrapper::new(self.onfocusin.clone())),
            Rc::new(onfocusout::Wrapper::new(self.onfocusout.clone())),
            Rc::new(onclick::Wrapper::new(self.onclick.clone())),
            Rc::new(onkeydown::Wrapper::new(self.onkeydown.clone())),
        ];
        for listener in listeners {
            tag.add_listener(listener);
        }
        Html::VTag(Rc::new(tag))
    }
}

/// The open popover of one view and the listeners for its container. The cells themselves are
/// plain markup without state, so a view of 1,000 rows holds one of these, not 7,000.
#[hook]
pub fn use_popover(view: View, data: &Data) -> (Popover, PopoverListeners) {
    let state = use_reducer_eq(Popover::default);
    let prose = data.prose.clone();
    // Placed after rendering, through the CSSOM (a strict CSP forbids style attributes); fixed to
    // the viewport, so the table's scroll box cannot clip it. Placed again when the prose file's
    // words arrive and make it taller.
    use_effect_with((state.open, prose), move |(open, prose)| {
        if open.is_some() {
            // Its notes and sources' titles are in the prose file.
            prose.need.emit(());
        }
        // Beside the value's button, not its cell: a row can be much taller than its value.
        let following = open
            .and_then(|at| popover_and_anchor(&pop_id(view, at)))
            .and_then(|(anchor, pop)| follow(anchor, pop));
        move || drop(following)
    });
    let listeners = use_memo((), |_| {
        let send = |make: fn(&Event) -> Option<PopoverEvent>| {
            let dispatcher = state.dispatcher();
            move |e: &Event| {
                if let Some(event) = make(e) {
                    dispatcher.dispatch(event)
                }
            }
        };
        let on_mouse = |make| {
            let f = send(make);
            Callback::from(move |e: MouseEvent| f(&e))
        };
        let on_focus = |make| {
            let f = send(make);
            Callback::from(move |e: FocusEvent| f(&e))
        };
        let escape = send(|_| Some(PopoverEvent::Escape));
        PopoverListeners {
            onmouseover: on_mouse(|e| cell_of(e.target()).map(PopoverEvent::Hover)),
            onmouseout: on_mouse(|e| {
                let to = e.dyn_ref::<MouseEvent>()?.related_target();
                Some(PopoverEvent::Leave { to: cell_of(to) })
            }),
            onfocusin: on_focus(|e| cell_of(e.target()).map(PopoverEvent::Focus)),
            onfocusout: on_focus(|e| {
                let to = e.dyn_ref::<FocusEvent>()?.related_target();
                Some(PopoverEvent::Blur { to: cell_of(to) })
            }),
            // Only the value's own button pins: a click on a source link just follows it.
            onclick: on_mouse(|e| {
                let button = element(e.target())?.closest("button.value").ok()??;
                cell_of(Some(button.into())).map(PopoverEvent::Click)
            }),
            onkeydown: Callback::from(move |e: KeyboardEvent| {
                if e.key() == "Escape" {
                    escape(&e)
                }
            }),
        }
    });
    (*state, (*listeners).clone())
}

fn element(target: Option<web_sys::EventTarget>) -> Option<web_sys::Element> {
    target?.dyn_into().ok()
}

/// The value an event happened in, read from the cell's `data-p` and `data-f`.
fn cell_of(target: Option<web_sys::EventTarget>) -> Option<CellAt> {
    let cell = element(target)?.closest("[data-f]").ok()??;
    let platform = cell.get_attribute("data-p")?.parse().ok()?;
    let column = Column::parse(&cell.get_attribute("data-f")?)?;
    Some((platform, column))
}

pub fn pop_id(view: View, (platform, column): CellAt) -> String {
    format!("pop-{}-{platform}-{}", view.prefix(), column.id())
}
