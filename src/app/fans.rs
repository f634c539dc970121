//! The fan ledger's place in the app: one store, earned into by the personalizer (which sees every signal)
//! and read by the social layer (share links, visit events, follow writes) and the creator and interests
//! pages. Saved under its own key, next to the profile, and reset with it.

use leptos::prelude::*;

use crate::social::{FanLedger, FanRules};
use crate::storage;

/// Storage key of the fan ledger.
const FANS_KEY: &str = "fans";

/// The rules the app counts by; one place, so the creator page explains exactly what is counted.
pub fn rules() -> FanRules {
    FanRules::default()
}

/// The stored ledger; an unreadable one starts empty with a logged reason (levels are earned again).
pub fn load() -> StoredValue<FanLedger> {
    let ledger = match storage::get(FANS_KEY) {
        None => FanLedger::default(),
        Some(json) => FanLedger::from_json(&json).unwrap_or_else(|e| {
            leptos::logging::warn!("guang: {e}; starting fan levels afresh");
            FanLedger::default()
        }),
    };
    StoredValue::new(ledger)
}

/// Writes the ledger to the device.
pub fn save(fans: StoredValue<FanLedger>) {
    let Some(json) = fans.try_with_value(FanLedger::to_json) else { return };
    if !storage::set(FANS_KEY, &json) {
        leptos::logging::warn!("guang: could not save fan levels (storage unavailable or full)");
    }
}
