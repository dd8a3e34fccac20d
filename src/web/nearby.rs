//! On a page with thousands of claims, only the claims near the viewport are highlighted.
//!
//! Why: whenever a highlight changes, Chromium rebuilds the markers of every range registered
//! in any highlight, in one rendering task — about 11 µs a range on these machines, so the
//! 4,700 claims of a dense 1 MB page made a 55 ms task and the 46,000 of a 10 MB page 600 ms,
//! past the 50 ms a task may take. Below [`NEARBY_ABOVE`] claims every claim is registered, as
//! before; above it an `IntersectionObserver` watches the elements that hold claims, and only
//! the claims of elements within [`MARGIN`] of the viewport are registered. Scrolling moves
//! the window: the observer calls back and the highlights are set again, a few hundred ranges
//! at a time. The counts, the claim list, the card and keyboard navigation still cover every
//! claim: navigating to a claim scrolls it into view, which highlights it.

use std::cell::RefCell;
use std::rc::Weak;

use js_sys::{Array, Map};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{
    Element, IntersectionObserver, IntersectionObserverEntry, IntersectionObserverInit, Node, Range,
};

/// Pages with more claims than this are highlighted near the viewport only.
pub const NEARBY_ABOVE: usize = 2_000;
/// How far around the viewport claims are highlighted: one and a half screens above and
/// below, so that text scrolled into view is usually highlighted before it shows.
const MARGIN: &str = "150% 0px 150% 0px";

/// The observer's callback, given its entries.
type Callback = Closure<dyn FnMut(Array)>;

/// Which claims are near the viewport, on a page with many.
#[derive(Default)]
pub struct Nearby {
    /// Created on the first page that needs it; one for the scanner's life, so that no
    /// callback of ours is ever dropped while the browser may still call it.
    observer: Option<(IntersectionObserver, Callback)>,
    /// Observed element → its index in `near`; `None` while every claim is highlighted.
    targets: Option<Map>,
    near: Vec<bool>,
    /// Per claim, the index of the element holding it (`u32::MAX`: no range).
    group_of: Vec<u32>,
}

impl Nearby {
    /// Follows the claims with these `ranges` (one per claim) when there are more than
    /// [`NEARBY_ABOVE`]; `weak`'s owner is told when what is near changes. Otherwise every
    /// claim is to be highlighted.
    pub fn place<T: Owner>(&mut self, ranges: &[Option<Range>], weak: &Weak<RefCell<T>>) {
        // What was near stays near until the observer says otherwise (after a dismissal the
        // elements are the same: no frame without highlights).
        let before = self
            .targets
            .take()
            .map(|t| (t, std::mem::take(&mut self.near)));
        self.forget();
        if ranges.len() <= NEARBY_ABOVE {
            return;
        }
        let Some(observer) = self.observer(weak) else {
            return; // no IntersectionObserver: highlight everything, as below the limit
        };
        let targets = Map::new();
        self.group_of = Vec::with_capacity(ranges.len());
        for r in ranges {
            let Some(el) = r.as_ref().and_then(holder) else {
                self.group_of.push(u32::MAX);
                continue;
            };
            let known = targets.get(&el);
            let group = match known.as_f64() {
                Some(g) => g as u32,
                None => {
                    let g = self.near.len() as u32;
                    targets.set(&el, &g.into());
                    let was_near = before.as_ref().is_some_and(|(t, near)| {
                        t.get(&el)
                            .as_f64()
                            .and_then(|i| near.get(i as usize).copied())
                            .unwrap_or(false)
                    });
                    self.near.push(was_near);
                    observer.observe(&el);
                    g
                }
            };
            self.group_of.push(group);
        }
        self.targets = Some(targets);
    }

    /// Whether claim `i` is to be highlighted now.
    pub fn shows(&self, i: usize) -> bool {
        self.targets.is_none()
            || self
                .group_of
                .get(i)
                .and_then(|&g| self.near.get(g as usize))
                .is_some_and(|&n| n)
    }

    /// Stops following the page's elements (the claims changed, or the scanner stops).
    pub fn forget(&mut self) {
        if let Some((o, _)) = &self.observer {
            o.disconnect();
        }
        self.targets = None;
        self.near.clear();
        self.group_of.clear();
    }

    /// Takes the observer's entries in; true when something changed.
    fn update(&mut self, entries: &Array) -> bool {
        let Some(targets) = &self.targets else {
            return false;
        };
        let mut changed = false;
        for e in entries.iter() {
            let Ok(entry) = e.dyn_into::<IntersectionObserverEntry>() else {
                continue;
            };
            // Entries queued for elements of an earlier set of claims are not in the map.
            let Some(g) = targets.get(&entry.target()).as_f64() else {
                continue;
            };
            if let Some(n) = self.near.get_mut(g as usize) {
                let now = entry.is_intersecting();
                changed |= *n != now;
                *n = now;
            }
        }
        changed
    }

    fn observer<T: Owner>(&mut self, weak: &Weak<RefCell<T>>) -> Option<IntersectionObserver> {
        if self.observer.is_none() {
            let weak = weak.clone();
            let callback = Closure::<dyn FnMut(Array)>::new(move |entries: Array| {
                let Some(rc) = weak.upgrade() else {
                    return;
                };
                // The observer calls back in a task of its own: nothing of ours is borrowed.
                if let Ok(mut owner) = rc.try_borrow_mut()
                    && owner.nearby().update(&entries)
                {
                    owner.nearby_changed();
                }
            });
            let init = IntersectionObserverInit::new();
            init.set_root_margin(MARGIN);
            let o =
                IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &init)
                    .ok()?;
            self.observer = Some((o, callback));
        }
        self.observer.as_ref().map(|(o, _)| o.clone())
    }
}

/// What holds a [`Nearby`]: told when the claims near the viewport changed.
pub trait Owner: 'static {
    fn nearby(&mut self) -> &mut Nearby;
    fn nearby_changed(&mut self);
}

/// The element whose position stands for a claim's: the one holding the start of its range.
fn holder(r: &Range) -> Option<Element> {
    let node: Node = r.start_container().ok()?;
    match node.dyn_into::<Element>() {
        Ok(el) => Some(el),
        Err(node) => node.parent_element(),
    }
}
