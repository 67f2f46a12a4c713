//! Publicity mode's idle watch: when nobody has tapped, clicked, scrolled or typed for a
//! while, the kiosk starts over, so that the next visitor never sees the last one's
//! answers.

use gloo::events::EventListener;
use gloo::timers::callback::Interval;
use std::cell::Cell;
use std::rc::Rc;

/// Watches while it lives (dropping it removes the listeners and the timer).
pub struct IdleWatch {
    _listeners: Vec<EventListener>,
    _timer: Interval,
}

/// Calls `onidle` after `seconds` without a pointer, key, wheel or touch event (and
/// again after each further such period).
pub fn watch(seconds: u32, onidle: impl Fn() + 'static) -> Option<IdleWatch> {
    let window = web_sys::window()?;
    let last = Rc::new(Cell::new(js_sys::Date::now()));
    let listeners = [
        "pointerdown",
        "pointermove",
        "keydown",
        "wheel",
        "touchstart",
    ]
    .into_iter()
    .map(|name| {
        let last = last.clone();
        EventListener::new(&window, name, move |_| last.set(js_sys::Date::now()))
    })
    .collect();
    let limit = f64::from(seconds.max(1)) * 1000.0;
    // Checked four times a period: the reset comes at most a quarter late.
    let every = (seconds.max(1) * 250).min(5000);
    let timer = Interval::new(every, move || {
        let now = js_sys::Date::now();
        if now - last.get() >= limit {
            last.set(now);
            onidle();
        }
    });
    Some(IdleWatch {
        _listeners: listeners,
        _timer: timer,
    })
}
