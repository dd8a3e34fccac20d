//! Highlights through the CSS Custom Highlight API: ranges registered by name, styled by the
//! extension's stylesheet with `::highlight(saring-…)`. The page's DOM is never touched.

use js_sys::{Array, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Range;

use crate::Verdict;

/// The highlight name of each verdict.
pub fn name(v: Verdict) -> &'static str {
    match v {
        Verdict::Verified => "saring-verified",
        Verdict::Contradicted => "saring-contradicted",
        Verdict::Debunked => "saring-debunked",
        Verdict::Unverified => "saring-unverified",
    }
}

fn registry() -> Result<JsValue, JsValue> {
    let window = web_sys::window().ok_or("no window")?;
    let css = Reflect::get(&window, &"CSS".into())?;
    let reg = Reflect::get(&css, &"highlights".into())?;
    if reg.is_undefined() {
        return Err("this browser has no CSS Custom Highlight API".into());
    }
    Ok(reg)
}

fn call(target: &JsValue, method: &str, args: &[JsValue]) -> Result<JsValue, JsValue> {
    let f: js_sys::Function = Reflect::get(target, &method.into())?.dyn_into()?;
    f.apply(target, &args.iter().cloned().collect::<Array>())
}

/// Replaces the four Saring highlights with `groups` (verdict, ranges).
pub fn set(groups: &[(Verdict, Vec<Range>)]) -> Result<(), JsValue> {
    let reg = registry()?;
    let window = web_sys::window().ok_or("no window")?;
    let ctor: js_sys::Function = Reflect::get(&window, &"Highlight".into())?.dyn_into()?;
    for v in Verdict::ALL {
        let ranges: Array = groups
            .iter()
            .filter(|(g, _)| *g == v)
            .flat_map(|(_, rs)| rs.iter().cloned())
            .map(JsValue::from)
            .collect();
        if ranges.length() == 0 {
            call(&reg, "delete", &[name(v).into()])?;
            continue;
        }
        let hl = Reflect::construct(&ctor, &ranges)?;
        call(&reg, "set", &[name(v).into(), hl])?;
    }
    Ok(())
}

/// Removes every Saring highlight.
pub fn clear() {
    if let Ok(reg) = registry() {
        for v in Verdict::ALL {
            let _ = call(&reg, "delete", &[name(v).into()]);
        }
    }
}
